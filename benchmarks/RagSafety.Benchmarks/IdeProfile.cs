using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers;
using RagSafety.Analyzers.Program;
using RagSafety.Corpus;

namespace RagSafety.Benchmarks
{
    /// <summary>
    /// Where RagSafety's per-keystroke time goes (--ide-profile): after one edit of a document of the real-shaped app (the
    /// endpoints, shared-kernel and clients-in-handlers documents), the shared facts are built one by one on the new
    /// compilation and timed, then each rule's share of the document's analysis is read from telemetry (facts already
    /// built, so what remains is the rule's own work).
    /// </summary>
    public static class IdeProfile
    {
        public static async Task<string> RunAsync(int size, AnalyzerSet ragSafety, string document)
        {
            var corpus = new Corpus(size, withAi: true, realShaped: true);
            Compilation compilation = corpus.Compile(ImmutableDictionary<string, ReportDiagnostic>.Empty);
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == document);
            var b = new StringBuilder($"RagSafety per keystroke, real-shaped app, {corpus.Lines:N0} lines, {document} (load {IdeMeasurement.Load()}):\n");
            for (var round = 0; round < 3; round++)
            {
                var text = tree.GetText();
                var position = text.ToString().IndexOf(RealShapedApp.EditMarker, StringComparison.Ordinal) + RealShapedApp.EditMarker.Length;
                var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), ".")));
                compilation = compilation.ReplaceSyntaxTree(tree, edited);
                tree = edited;
                GC.Collect();
                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
                var steps = new System.Collections.Generic.List<string>();
                void Time(string name, Action action)
                {
                    var clock = Stopwatch.StartNew();
                    action();
                    steps.Add($"{name} {clock.Elapsed.TotalMilliseconds:F0}");
                }

                RagSafetyContext rag = null!;
                Time("entry point", () => compilation.GetEntryPoint(CancellationToken.None));
                Time("context", () => rag = RagSafetyContext.Get(compilation, options));
                Time("service host", () => ServiceHosts.IsServiceHost(compilation));
                var search = compilation.GetTypeByMetadataName("Shop.M0.Retrieval.SearchService")!.GetMembers("ContextAsync").OfType<IMethodSymbol>().Single();
                var related = compilation.GetTypeByMetadataName("Shop.M0.Chat.ChatEndpoints")!.GetMembers("RelatedAsync").OfType<IMethodSymbol>().Single();
                Time("summaries (AI call, generation)", () => { rag.Summaries.FindAiCall(search); rag.Summaries.FindGeneration(search); });
                Time("callees (implementations)", () => rag.Summaries.CalleesOf(related));
                Time("call-name graph", () => CallNameGraph.For(compilation));
                var writer = compilation.GetTypeByMetadataName("Shop.M0.Reports.ReportWriter")!.GetMembers("WriteAsync").OfType<IMethodSymbol>().Single();
                Time("handler kind (method groups)", () => rag.Handlers.KindOf(writer));
                // What a handler that drops a collection asks (another handler that serves queries), before every handler is enumerated below.
                Time("first two handlers that answer", () => _ = HandlerReachability.Get(compilation, rag).HandlersInSourceOrder().Where(h => rag.Summaries.FindAnsweringCall(h.Root) is not null).Take(2).Count());
                var assistant = compilation.GetTypeByMetadataName("Shop.M0.Assistant.SupportAssistant")!;
                var answer = assistant.GetMembers("AnswerAsync").OfType<IMethodSymbol>().Single();
                Time("calling handler (instance method, every module's name)", () => HandlerReachability.Get(compilation, rag).FindCallingHandler(answer));
                Time("handler roots", () => _ = HandlerReachability.Get(compilation, rag).Handlers.Count);
                Time("calling handler (static helper, every module's name)", () => HandlerReachability.Get(compilation, rag).FindCallingHandler(writer));
                Time("singletons", () => ServiceRegistrations.For(compilation).SingletonProviding(assistant, out _));
                Time("scoped/transient", () => ServiceRegistrations.For(compilation).ShortLivedProviding(assistant));

                // The same question about the last module's assistant: registrations are read in source order, so this is
                // where a question that binds what comes before its answer shows.
                var lastAssistant = Enumerable.Range(0, corpus.Lines).Select(m => compilation.GetTypeByMetadataName($"Shop.M{m}.Assistant.SupportAssistant")).TakeWhile(t => t is not null).Last()!;
                Time("singletons (last module)", () => ServiceRegistrations.For(compilation).SingletonProviding(lastAssistant, out _));
                var lastAnswer = lastAssistant.GetMembers("AnswerAsync").OfType<IMethodSymbol>().Single();
                Time("calling handler (instance method, every module's name, last module)", () => HandlerReachability.Get(compilation, rag).FindCallingHandler(lastAnswer));
                var withAnalyzers = compilation.WithAnalyzers(ragSafety.Analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
                Time("document analysis", () => withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None).GetAwaiter().GetResult());
                var byRule = ragSafety.Analyzers.Select(a => (Rule: a.GetType().Name.Substring(0, 6), Time: withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).Result.ExecutionTime.TotalMilliseconds))
                    .OrderByDescending(p => p.Time).Take(6);
                b.AppendLine($"  edit {round + 1}: " + string.Join(", ", steps) + " ms; rules in the analysis: " + string.Join(", ", byRule.Select(p => $"{p.Rule} {p.Time:F0}")));
            }

            return b.ToString();
        }
    }
}
