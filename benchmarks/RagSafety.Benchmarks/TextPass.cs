using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Program;

namespace RagSafety.Benchmarks
{
    /// <summary>
    /// The call-name pass on its own, outside the analyzer driver: inside a measured run its code may still be running
    /// unoptimized (tiered JIT) and shares the CPU caches with the compiler, so this shows what it costs once warm.
    /// </summary>
    public static class TextPass
    {
        public static string Measure(Corpus corpus, int times)
        {
            var elapsed = new double[times];
            for (var run = 0; run < times; run++)
            {
                // Freshly parsed trees each time, as in a build: the pass keeps its facts per tree, so shared trees would be read once.
                var compilation = corpus.CompileFreshlyParsed(ImmutableDictionary<string, ReportDiagnostic>.Empty);
                GC.Collect();
                var clock = Stopwatch.StartNew();
                CallNameGraph.Build(compilation);
                elapsed[run] = clock.Elapsed.TotalMilliseconds;
            }

            var lastFive = elapsed.Skip(times - 5).OrderBy(t => t).ToArray();
            return $"text pass, {corpus.Lines:N0} lines: first {elapsed[0]:F0} ms, median of the last 5 {lastFive[2]:F0} ms "
                + $"({lastFive[2] * 1000 / corpus.Lines:F2} ms per 1k lines); every run: {string.Join(", ", elapsed.Select(t => t.ToString("F0")))}";
        }
    }
}
