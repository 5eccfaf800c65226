using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Benchmarks
{
    /// <summary>
    /// What RagSafety adds to a build that already analyzes operations (--marginal). Telemetry charges an analyzer for the
    /// method bodies it binds first, including other files' bodies the driver would bind anyway for any operation analyzer
    /// (the SDK's own CA rules are on in every build); the driver's own binding is charged to nobody. So the added cost is
    /// measured as wall clock: the driver with an analyzer that only asks for every invocation's operation, against the same
    /// with RagSafety added, each on a fresh compilation, single-threaded.
    /// </summary>
    public static class MarginalBuild
    {
        public static async Task<string> RunAsync(IReadOnlyList<int> sizes, AnalyzerSet ragSafety, int runs)
        {
            var b = new StringBuilder();
            b.AppendLine(FormattableString.Invariant($"Wall clock, median of {runs} runs after one warm-up run per size; single-threaded driver; load {IdeMeasurement.Load()} at the start."));
            b.AppendLine();
            b.AppendLine("| Lines | Compile (ms) | Operations bound, no rule (ms) | The same with RagSafety (ms) | RagSafety adds (ms) | Added, % of compile |");
            b.AppendLine("|---:|---:|---:|---:|---:|---:|");
            foreach (var size in sizes)
            {
                var corpus = new Corpus(size, withAi: true, realShaped: true);
                var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new OperationsOnly());
                var with = baseline.AddRange(ragSafety.Analyzers);
                await WallAsync(corpus, with);
                var samples = new List<(double Compile, double Baseline, double With)>();
                for (var run = 0; run < runs; run++)
                {
                    Measurement.Settle();
                    var clock = Stopwatch.StartNew();
                    _ = corpus.Compile(ImmutableDictionary<string, ReportDiagnostic>.Empty).GetDiagnostics();
                    var compile = clock.Elapsed.TotalMilliseconds;
                    var only = await WallAsync(corpus, baseline);
                    var both = await WallAsync(corpus, with);
                    samples.Add((compile, only, both));
                    Console.WriteLine(FormattableString.Invariant($"  {corpus.Lines:N0} lines, run {run + 1}/{runs}: compile {compile:F0} ms, operations only {only:F0} ms, with RagSafety {both:F0} ms"));
                }

                double Median(Func<(double Compile, double Baseline, double With), double> pick) => samples.Select(pick).OrderBy(v => v).ElementAt(samples.Count / 2);
                var added = Median(s => s.With - s.Baseline);
                b.AppendLine(FormattableString.Invariant($"| {corpus.Lines:N0} | {Median(s => s.Compile):F0} | {Median(s => s.Baseline):F0} | {Median(s => s.With):F0} | {added:F0} | {added * 100 / Median(s => s.Compile):F1} % |"));
            }

            return b.ToString();
        }

        private static async Task<double> WallAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = corpus.CompileFreshlyParsed(ImmutableDictionary<string, ReportDiagnostic>.Empty);
            Measurement.Settle();
            var clock = Stopwatch.StartNew();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            _ = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return clock.Elapsed.TotalMilliseconds;
        }

        /// <summary>Asks for every invocation's operation and reports nothing: the driver binds every body, as for the SDK's CA rules.</summary>
#pragma warning disable RS1001, RS1026, RS1036, RS2008 // A benchmark's stand-in for the SDK's analyzers, never shipped.
        private sealed class OperationsOnly : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Never = new("BENCH0001", "never reported", "never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
            }
        }
#pragma warning restore RS1001, RS1026, RS1036, RS2008
    }
}
