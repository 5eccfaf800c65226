using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using System.Threading.Tasks;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Every analyzer runs over seeded mutations of every corpus input and must never throw (AD0001); every code action
    /// offered on them is computed and must not throw either. The number of
    /// variants per input comes from RAGSAFETY_FUZZ_VARIANTS (default 3) and the run stops at RAGSAFETY_FUZZ_SECONDS
    /// (default 120); RAGSAFETY_FUZZ_ONLY="input#seed" replays one variant. A failing variant is printed as input#seed.
    /// </summary>
    [Trait("Category", "Fuzzing")]
    public class MutationFuzzingTests
    {
        private readonly ITestOutputHelper _output;

        public MutationFuzzingTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task No_analyzer_throws_on_mutated_sources()
        {
            var variantsPerInput = Setting("RAGSAFETY_FUZZ_VARIANTS", 3);
            var budget = TimeSpan.FromSeconds(Setting("RAGSAFETY_FUZZ_SECONDS", 120));
            var only = Environment.GetEnvironmentVariable("RAGSAFETY_FUZZ_ONLY");
            var failures = new List<string>();
            var run = 0;
            var fixesComputed = 0;
            var clock = Stopwatch.StartNew();
            foreach (var input in CorpusInputs.All)
            {
                for (var variant = 0; variant < variantsPerInput && clock.Elapsed < budget; variant++)
                {
                    var seed = SeedOf(input.Name, variant);
                    var id = $"{input.Name}#{seed}";
                    if (only is not null && only != id)
                    {
                        continue;
                    }

                    var sources = Mutated(input, seed);
                    run++;
                    try
                    {
                        var project = TestProject.Create(sources, new TestSettings { OutputKind = input.OutputKind });
                        var diagnostics = await TestProject.GetDiagnosticsAsync(project, PackageComponents.Analyzers);
                        fixesComputed += await ComputeEveryFixAsync(project, diagnostics);
                    }
                    catch (Exception exception)
                    {
                        failures.Add($"{id}: {exception}");
                    }
                }
            }

            var summary = $"fuzzing: {run} mutated variants of {CorpusInputs.All.Count} inputs, {PackageComponents.Analyzers.Length} analyzers, "
                + $"{fixesComputed} code actions computed on them, {failures.Count} crashes, {clock.Elapsed.TotalSeconds:F0} s";
            _output.WriteLine(summary);
            PackageComponents.Report(summary);
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
            Assert.True(run > 0, "no variant ran");
        }

        /// <summary>Asks every fixer for its actions on each of the package's diagnostics and computes their changes; a throw fails.</summary>
        private static async Task<int> ComputeEveryFixAsync(Project project, ImmutableArray<Diagnostic> diagnostics)
        {
            var computed = 0;
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("RAG", StringComparison.Ordinal)))
            {
                foreach (var fixer in PackageComponents.FixersFor(diagnostic.Id))
                {
                    foreach (var action in await CodeActions.OfferedAsync(project, fixer, diagnostic))
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                        computed++;
                    }
                }
            }

            return computed;
        }

        /// <summary>The input with one of its sources mutated (the seed also picks which).</summary>
        internal static List<string> Mutated(CorpusInput input, int seed)
        {
            var sources = input.Sources.ToList();
            var index = new Random(seed).Next(sources.Count);
            sources[index] = SourceMutator.Mutate(sources[index], seed);
            return sources;
        }

        /// <summary>A seed that depends only on the input's name and the variant number, never on the run.</summary>
        private static int SeedOf(string name, int variant)
        {
            var hash = 17;
            foreach (var c in name)
            {
                hash = unchecked((hash * 31) + c);
            }

            return unchecked((hash * 101) + variant) & int.MaxValue;
        }

        private static int Setting(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
