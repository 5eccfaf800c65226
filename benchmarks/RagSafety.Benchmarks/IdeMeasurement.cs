using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RagSafety.Corpus;

namespace RagSafety.Benchmarks
{
    /// <summary>One document of one corpus size: the median wall-clock time of one keystroke's analysis, per analyzer package.</summary>
    public sealed record IdeRow(string Corpus, int Lines, int Files, string Document, double CompilerOnly, IReadOnlyDictionary<string, double> BySet, IReadOnlyDictionary<string, double> SpreadBySet, string Load);

    /// <summary>
    /// What an IDE pays per keystroke: the document is edited by one character (the compilation is the previous one with that
    /// one tree replaced, as a workspace builds it, so the other trees are the same objects), then one package's analyzers
    /// compute that document's semantic diagnostics on the new compilation. Each package gets its own fresh edit, so
    /// nothing one package bound is reused by another; the "compiler only" column is the same edit with the compiler's own
    /// semantic diagnostics of the document and no analyzer. Every repetition edits again; the first one is discarded (the
    /// package's first sight of the project, which an IDE pays once, not per keystroke).
    /// </summary>
    public static class IdeMeasurement
    {
        public const string CompilerOnly = "compiler only";

        /// <summary>
        /// The documents measured per corpus: real-shaped (three shapes of the issue, in the first module and again in the
        /// last: a question answered by reading the project in source order is cheapest for the first module's files) and
        /// generated (two).
        /// </summary>
        public static IReadOnlyList<(string Path, string Label)> DocumentsOf(Corpus corpus) => corpus.RealShaped
            ? new[]
            {
                (RealShapedApp.EndpointsDocument, "async endpoints file"),
                (RealShapedApp.SharedKernelDocument, "file with a shared kernel"),
                (RealShapedApp.ClientsInHandlersDocument, "file creating clients in handlers"),
                (InLastModule(corpus, RealShapedApp.EndpointsDocument), "async endpoints file (last module)"),
                (InLastModule(corpus, RealShapedApp.SharedKernelDocument), "file with a shared kernel (last module)"),
                (InLastModule(corpus, RealShapedApp.ClientsInHandlersDocument), "file creating clients in handlers (last module)"),
            }
            : new[]
            {
                ("/corpus/Module0000/Endpoints.cs", "generated endpoints file"),
                ("/corpus/Module0000/AskController.cs", "generated controller"),
            };

        /// <summary>The same document in the corpus's last module (<c>/app/Modules/M0/…</c> → <c>/app/Modules/M{last}/…</c>).</summary>
        private static string InLastModule(Corpus corpus, string firstModuleDocument)
        {
            const string Modules = "/app/Modules/M";
            var last = corpus.Files.Select(f => f.Path).Where(p => p.StartsWith(Modules, StringComparison.Ordinal))
                .Max(p => int.Parse(p.Substring(Modules.Length, p.IndexOf('/', Modules.Length) - Modules.Length), CultureInfo.InvariantCulture));
            return Modules + last.ToString(CultureInfo.InvariantCulture) + firstModuleDocument.Substring((Modules + "0").Length);
        }

        public static async Task<IdeRow> RunAsync(Corpus corpus, string documentPath, string label, IReadOnlyList<AnalyzerSet> sets, int repetitions)
        {
            var ruleOptions = sets.SelectMany(s => s.EnabledRules).GroupBy(p => p.Key).ToImmutableDictionary(g => g.Key, g => g.First().Value);
            Compilation compilation = corpus.Compile(ruleOptions);
            var tree = compilation.SyntaxTrees.Single(t => t.FilePath == documentPath);
            var names = new[] { CompilerOnly }.Concat(sets.Select(s => s.Name)).ToList();
            var samples = names.ToDictionary(n => n, _ => new List<double>());
            var loadBefore = Load();
            for (var repetition = 0; repetition <= repetitions; repetition++)
            {
                foreach (var name in names)
                {
                    (compilation, tree) = Edit(compilation, tree);
                    Settle();
                    var clock = Stopwatch.StartNew();
                    if (name == CompilerOnly)
                    {
                        compilation.GetSemanticModel(tree).GetDiagnostics();
                    }
                    else
                    {
                        var set = sets.Single(s => s.Name == name);
                        var exceptions = new List<string>();
                        var options = new CompilationWithAnalyzersOptions(
                            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                            onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer}: {exception.Message}"); } },
                            concurrentAnalysis: false,
                            logAnalyzerExecutionTime: false,
                            reportSuppressedDiagnostics: false);
                        var withAnalyzers = compilation.WithAnalyzers(set.Analyzers, options);
                        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
                        if (exceptions.Count > 0)
                        {
                            throw new InvalidOperationException($"{name} threw on {documentPath}: {exceptions[0]}");
                        }
                    }

                    if (repetition > 0)
                    {
                        samples[name].Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }

            var load = loadBefore + " → " + Load();
            return new IdeRow(
                corpus.Name,
                corpus.Lines,
                corpus.Files.Count,
                label,
                Median(samples[CompilerOnly]),
                sets.ToDictionary(s => s.Name, s => Median(samples[s.Name])),
                sets.ToDictionary(s => s.Name, s => samples[s.Name].Max() / Math.Max(0.001, samples[s.Name].Min())),
                load);
        }

        /// <summary>One character typed: after the edit marker where the document has one, otherwise a space before its last brace.</summary>
        private static (Compilation, SyntaxTree) Edit(Compilation compilation, SyntaxTree tree)
        {
            var text = tree.GetText();
            var content = text.ToString();
            var marker = content.IndexOf(RealShapedApp.EditMarker, StringComparison.Ordinal);
            var position = marker >= 0 ? marker + RealShapedApp.EditMarker.Length : content.LastIndexOf('}');
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), marker >= 0 ? "." : " ")));
            return (compilation.ReplaceSyntaxTree(tree, edited), edited);
        }

        /// <summary>The middle value (the upper one of an even count); NaN for none. Also the host measurement's.</summary>
        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
        }

        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        /// <summary>The machine's 1-minute load average (other builds share this machine).</summary>
        public static string Load()
        {
            try
            {
                return File.ReadAllText("/proc/loadavg").Split(' ')[0];
            }
            catch (IOException)
            {
                return "?";
            }
        }

        public static string Render(IReadOnlyList<IdeRow> rows, IReadOnlyList<AnalyzerSet> sets, int repetitions)
        {
            var b = new StringBuilder();
            b.AppendLine($"One-character edit, then the document's semantic diagnostics on the new compilation; wall clock, median of {repetitions} edits after one discarded; "
                + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}. Load is the 1-minute load average before → after the row.");
            b.AppendLine();
            b.AppendLine("| Corpus | Lines | Document | Compiler only (ms) | " + string.Join(" | ", sets.Select(s => s.Name + " (ms)")) + " | RagSafety max/min | Load |");
            b.AppendLine("|---|---:|---|---:|" + string.Concat(sets.Select(_ => "---:|")) + "---:|---|");
            foreach (var row in rows)
            {
                b.AppendLine($"| {row.Corpus} | {row.Lines:N0} | {row.Document} | {row.CompilerOnly:F0} | "
                    + string.Join(" | ", sets.Select(s => row.BySet[s.Name].ToString("F0", CultureInfo.InvariantCulture)))
                    + $" | {row.SpreadBySet[sets[0].Name]:F1} | {row.Load} |");
            }

            return b.ToString();
        }
    }
}
