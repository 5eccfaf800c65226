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

        /// <summary>
        /// Regression: many fan-outs over a method group whose method takes a semaphore, analyzed concurrently. A cache
        /// that published a placeholder while one thread read the method's body made other threads see "no throttle"
        /// and report RAG040 on some runs.
        /// </summary>
        [Fact]
        public async Task Fan_outs_through_a_throttled_method_group_are_decided_the_same_under_concurrency()
        {
            // A long body keeps the first reader busy binding it while other files' fan-outs ask about the same method.
            var padding = string.Concat(Enumerable.Range(0, 300).Select(i => $"        var v{i} = q.Length + {i};\n"));
            var gated = $$"""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public class Gated(IChatClient client)
                {
                    private readonly SemaphoreSlim _gate = new(4);

                    public async Task<ChatResponse> GatedAsync(string q)
                    {
                {{padding}}        await _gate.WaitAsync();
                        try { return await client.GetResponseAsync(q); }
                        finally { _gate.Release(); }
                    }
                }
                """;
            var trees = Enumerable.Range(0, 8)
                .Select(file => string.Concat(Enumerable.Range(0, 10).Select(i => $$"""
                        public async Task<ChatResponse[]> Ask{{i}}Async(string[] questions) => await Task.WhenAll(questions.Select(gated.GatedAsync));

                    """)))
                .Select((members, file) => $$"""
                    using System.Linq;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;

                    public class Asker{{file}}(Gated gated)
                    {
                    {{members}}}
                    """)
                .Prepend(gated)
                .Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), $"File{i}.cs"))
                .ToArray();
            for (var run = 0; run < Runs; run++)
            {
                var compilation = CSharpCompilation.Create("Gated" + run, trees, TestReferences.For(TestLibraries.Default), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
                var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(PackageComponents.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
                Assert.DoesNotContain(diagnostics, d => d.Id is "RAG040" or "AD0001");
            }
        }
    }
}
