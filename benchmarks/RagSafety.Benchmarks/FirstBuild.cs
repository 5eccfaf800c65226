using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace RagSafety.Benchmarks
{
    /// <summary>
    /// The fixed cost of a build (--first-build): what RagSafety costs the first time it runs in a fresh process (JIT of its
    /// code, the catalog's first resolution), against the same analysis once warm. Each sample is its own process that
    /// compiles the real-shaped app once (so the compiler's own code is JIT-compiled first, as in a build), then runs
    /// RagSafety alone on it once, then three more times. The JIT columns are the runtime's own count over the first run
    /// (all threads, background re-compilation of hot methods included).
    /// </summary>
    public static class FirstBuild
    {
        private const string ChildFlag = "--first-build-child";

        public static bool IsChild(IReadOnlyList<string> arguments) => arguments.Contains(ChildFlag);

        /// <summary>In the child: one line with the first run's and the warm runs' RagSafety time, and the first run by rule.</summary>
        public static async Task<int> RunChildAsync(int size, AnalyzerSet ragSafety)
        {
            var corpus = new Corpus(size, withAi: true, realShaped: true);

            // The compiler's own first compile happens before any analyzer in a build: its JIT is not RagSafety's.
            _ = corpus.Compile(System.Collections.Immutable.ImmutableDictionary<string, Microsoft.CodeAnalysis.ReportDiagnostic>.Empty).GetDiagnostics();
            var (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime(), System.Runtime.JitInfo.GetCompiledMethodCount());
            var first = await Measurement.RunAsync(corpus, new[] { ragSafety });
            (jitTime, jitMethods) = (System.Runtime.JitInfo.GetCompilationTime() - jitTime, System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods);
            var warm = new List<RunResult>();
            for (var run = 0; run < 3; run++)
            {
                warm.Add(await Measurement.RunAsync(corpus, new[] { ragSafety }));
            }

            var warmMedian = warm.Select(r => r.BySet[ragSafety.Name].TotalMilliseconds).OrderBy(t => t).ElementAt(1);
            var byRule = string.Join(",", first.ByRagSafetyRule.OrderByDescending(p => p.Value).Select(p => $"{p.Key}:{p.Value.TotalMilliseconds:F0}"));
            Console.WriteLine(FormattableString.Invariant($"FIRSTBUILD first={first.BySet[ragSafety.Name].TotalMilliseconds:F1} warm={warmMedian:F1} compile={first.Compile.TotalMilliseconds:F1} jit={jitTime.TotalMilliseconds:F1} jitmethods={jitMethods} rules={byRule}"));
            return 0;
        }

        /// <summary>In the parent: <paramref name="samples"/> fresh processes, one after another; the table of their medians.</summary>
        public static string Run(int size, int samples, IEnumerable<string> passOn)
        {
            var self = typeof(FirstBuild).Assembly.Location;
            var lines = new List<(double First, double Warm, double Compile, double Jit, double JitMethods, string Rules)>();
            for (var sample = 0; sample < samples; sample++)
            {
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var argument in new[] { self, ChildFlag, "--ragsafety-only", "--sizes", size.ToString(CultureInfo.InvariantCulture) }.Concat(passOn))
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start)!;
                var output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("FIRSTBUILD ", StringComparison.Ordinal))
                    ?? throw new InvalidOperationException("The child printed no result:\n" + output);
                var fields = line.Substring("FIRSTBUILD ".Length).Split(' ').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
                lines.Add((double.Parse(fields["first"], CultureInfo.InvariantCulture), double.Parse(fields["warm"], CultureInfo.InvariantCulture),
                    double.Parse(fields["compile"], CultureInfo.InvariantCulture), double.Parse(fields["jit"], CultureInfo.InvariantCulture),
                    double.Parse(fields["jitmethods"], CultureInfo.InvariantCulture), fields["rules"]));
                Console.WriteLine($"  sample {sample + 1}/{samples}: first {lines[^1].First:F0} ms, warm {lines[^1].Warm:F0} ms, JIT {lines[^1].Jit:F0} ms ({lines[^1].JitMethods:F0} methods), compile (first) {lines[^1].Compile:F0} ms");
            }

            double Median(Func<(double First, double Warm, double Compile, double Jit, double JitMethods, string Rules), double> pick) =>
                lines.Select(pick).OrderBy(v => v).ElementAt(lines.Count / 2);
            var b = new StringBuilder();
            b.AppendLine(FormattableString.Invariant($"Fresh process, real-shaped app at {size:N0} lines, RagSafety alone; median of {samples} processes (load {IdeMeasurement.Load()}):"));
            b.AppendLine();
            b.AppendLine("| First run (ms) | Warm run (ms) | Fixed cost: first − warm (ms) | JIT during the first run (ms) | Methods JIT-compiled then | Compiler's first compile (ms) |");
            b.AppendLine("|---:|---:|---:|---:|---:|---:|");
            b.AppendLine(FormattableString.Invariant($"| {Median(l => l.First):F0} | {Median(l => l.Warm):F0} | {Median(l => l.First - l.Warm):F0} | {Median(l => l.Jit):F0} | {Median(l => l.JitMethods):F0} | {Median(l => l.Compile):F0} |"));
            b.AppendLine();
            b.AppendLine("First run by rule, one process: " + lines[lines.Count / 2].Rules);
            return b.ToString();
        }
    }
}
