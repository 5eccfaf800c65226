using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Tests.Verification;
using RagSafety.Corpus;
using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>A generated service analyzed concurrently, again and again, on fresh compilations: the same diagnostics every time.</summary>
    [Trait("Category", "Robustness")]
    public class DeterminismTests
    {
        private const int Runs = 20;

        private readonly ITestOutputHelper _output;

        public DeterminismTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Concurrent_analysis_reports_identical_diagnostics_every_time()
        {
            var files = RagAppGenerator.Generate(targetLines: 3000);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)).ToImmutableArray();
            string? first = null;
            var count = 0;
            for (var run = 0; run < Runs; run++)
            {
                // A fresh compilation each run, so no cached result of an earlier run can hide a race.
                var compilation = CSharpCompilation.Create(
                    "Determinism",
                    trees,
                    TestReferences.For(TestLibraries.Default),
                    new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw", exception),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(PackageComponents.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                var rendered = string.Join(
                    Environment.NewLine,
                    diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.GetMessage()}").OrderBy(l => l, StringComparer.Ordinal));
                if (first is null)
                {
                    first = rendered;
                    count = diagnostics.Length;
                    Assert.Contains(diagnostics, d => d.Id.StartsWith("RAG", StringComparison.Ordinal));
                    Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
                }
                else
                {
                    Assert.Equal(first, rendered);
                }
            }

            var summary = $"determinism: {files.Sum(f => f.Lines)} generated lines analyzed {Runs} times concurrently, {count} diagnostics each time";
            _output.WriteLine(summary);
            PackageComponents.Report(summary);
        }
    }
}
