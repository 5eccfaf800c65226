using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using RagSafety.Analyzers.Tests.Verification;
using RagSafety.Corpus;

namespace RagSafety.Benchmarks
{
    /// <summary>What one run of one corpus cost: compiler time, and each analyzer set's execution time from telemetry.</summary>
    public sealed record RunResult(TimeSpan Compile, IReadOnlyDictionary<string, TimeSpan> BySet, IReadOnlyDictionary<string, TimeSpan> ByRagSafetyFamily, IReadOnlyDictionary<string, TimeSpan> ByRagSafetyRule, IReadOnlyDictionary<string, int> DiagnosticsById, int RagSafetyActions, IReadOnlyList<string> Listing);

    /// <summary>A corpus, parsed once, and the references it compiles against.</summary>
    public sealed class Corpus
    {
        public Corpus(int targetLines, bool withAi, bool realShaped = false)
        {
            Files = realShaped ? RealShapedApp.Generate(targetLines) : RagAppGenerator.Generate(targetLines, withAi);
            Lines = Files.Sum(f => f.Lines);
            WithAi = withAi;
            RealShaped = realShaped;
            Trees = Parse();
            References = TestReferences.For(withAi ? TestLibraries.Default : TestLibraries.AspNetCore);
        }

        public IReadOnlyList<GeneratedFile> Files { get; }

        public int Lines { get; }

        public bool WithAi { get; }

        /// <summary>The real-shaped app (<see cref="RealShapedApp"/>) rather than the generated service.</summary>
        public bool RealShaped { get; }

        public string Name => RealShaped ? "real-shaped app" : "generated service";

        public ImmutableArray<SyntaxTree> Trees { get; }

        public ImmutableArray<MetadataReference> References { get; }

        /// <summary>A fresh compilation each time, so no run reuses another's binding; its trees are the corpus's own (an IDE keeps the trees of unchanged files).</summary>
        public CSharpCompilation Compile(ImmutableDictionary<string, ReportDiagnostic> ruleOptions) => Compile(Trees, ruleOptions);

        /// <summary>
        /// A fresh compilation of freshly parsed trees: a command-line build parses every file again, so nothing an analyzer
        /// keeps per syntax tree survives from an earlier build (with the corpus's own trees, every run after the first would
        /// find RagSafety's per-tree facts already computed).
        /// </summary>
        public CSharpCompilation CompileFreshlyParsed(ImmutableDictionary<string, ReportDiagnostic> ruleOptions) => Compile(Parse(), ruleOptions);

        private ImmutableArray<SyntaxTree> Parse()
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            return Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path)).ToImmutableArray();
        }

        private CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, ImmutableDictionary<string, ReportDiagnostic> ruleOptions) =>
            CSharpCompilation.Create(
                "Corpus",
                trees,
                References,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(ruleOptions));
    }

    public static class Measurement
    {
        public static async Task<RunResult> RunAsync(Corpus corpus, IReadOnlyList<AnalyzerSet> sets)
        {
            var ruleOptions = sets.SelectMany(s => s.EnabledRules).GroupBy(p => p.Key).ToImmutableDictionary(g => g.Key, g => g.First().Value);

            // Each measurement starts from a collected heap, so one run's garbage is not collected on the next one's clock.
            Settle();

            // The compiler's own share: binding and diagnostics of every method body, on its own compilation.
            var clock = Stopwatch.StartNew();
            var errors = corpus.Compile(ruleOptions).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var compile = clock.Elapsed;
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The generated corpus does not compile: {errors.Count} errors, first: {errors[0]}");
            }

            var analyzers = sets.SelectMany(s => s.Analyzers).ToImmutableArray();
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer}: {exception.Message}"); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            var freshlyParsed = corpus.CompileFreshlyParsed(ruleOptions);
            Settle();
            var withAnalyzers = freshlyParsed.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            var bySet = new Dictionary<string, TimeSpan>();
            var byFamily = new Dictionary<string, TimeSpan>();
            var byRule = new Dictionary<string, TimeSpan>();
            var ragSafetyActions = 0;
            foreach (var set in sets)
            {
                var total = TimeSpan.Zero;
                foreach (var analyzer in set.Analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                    var time = telemetry.ExecutionTime;
                    total += time;
                    if (set.Name == "RagSafety")
                    {
                        ragSafetyActions += RegisteredActions(telemetry);
                        var family = analyzer.SupportedDiagnostics[0].Category;
                        byFamily[family] = byFamily.TryGetValue(family, out var sum) ? sum + time : time;
                        byRule[Rule(analyzer)] = time;
                    }
                }

                bySet[set.Name] = total;
            }

            var byId = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
            if (exceptions.Count > 0)
            {
                byId["exceptions"] = exceptions.Count;
            }

            // Every diagnostic with its place and message, so two builds of the analyzers can be compared line by line.
            var listing = diagnostics
                .Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}): {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
            return new RunResult(compile, bySet, byFamily, byRule, byId, ragSafetyActions, listing);
        }

        /// <summary>A collected heap, so one measurement's garbage is not collected on the next one's clock.</summary>
        public static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        /// <summary>"RAG020" for RAG020IndexWriteOnRequestPathAnalyzer.</summary>
        private static string Rule(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name.Substring(0, 6);

        /// <summary>Every action an analyzer registered besides its compilation start action.</summary>
        private static int RegisteredActions(AnalyzerTelemetryInfo t) =>
            t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount
            + t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount
            + t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount
            + t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount;
    }
}
