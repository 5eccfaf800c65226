using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>
    /// For every diagnostic of every corpus input, every offered code action, applied alone and as Fix All in the
    /// document, adds no compiler error and makes that diagnostic go away (the fix converges).
    /// </summary>
    [Trait("Category", "Robustness")]
    public class FixConvergenceTests
    {
        private readonly ITestOutputHelper _output;

        public FixConvergenceTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task Every_code_action_compiles_and_converges()
        {
            var failures = new List<string>();
            int diagnostics = 0, single = 0, fixAll = 0;
            foreach (var input in CorpusInputs.All)
            {
                var project = TestProject.Create(input.Sources, new TestSettings { OutputKind = input.OutputKind });
                var before = await TestProject.GetDiagnosticsAsync(project, PackageComponents.Analyzers);
                var errorsBefore = Errors(before);

                // A Fix All over a document with one such diagnostic yields the single fix's project again: analyzed once.
                var analyzed = new Dictionary<string, Task<ImmutableArray<Diagnostic>>>(StringComparer.Ordinal);
                foreach (var diagnostic in before.Where(d => d.Id.StartsWith("RAG", StringComparison.Ordinal)))
                {
                    diagnostics++;
                    foreach (var fixer in PackageComponents.FixersFor(diagnostic.Id))
                    {
                        foreach (var action in await CodeActions.OfferedAsync(project, fixer, diagnostic))
                        {
                            single++;
                            var where = $"{input.Name}: {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition}, '{action.Title}'";
                            var fixedProject = await ApplyAsync(project, action);
                            await CheckAsync(where, fixedProject, diagnostic, before, errorsBefore, failures, analyzed);

                            if (fixer.GetFixAllProvider() is { } provider && action.EquivalenceKey is { } key)
                            {
                                fixAll++;
                                var document = project.GetDocument(diagnostic.Location.SourceTree)!;
                                var inDocument = before.Where(d => d.Location.SourceTree == diagnostic.Location.SourceTree).ToImmutableArray();
                                var context = new FixAllContext(document, fixer, FixAllScope.Document, key, fixer.FixableDiagnosticIds, new KnownDiagnostics(inDocument), CancellationToken.None);
                                if (await provider.GetFixAsync(context) is { } fixAllAction)
                                {
                                    await CheckAsync(where + " (Fix All)", await ApplyAsync(project, fixAllAction), diagnostic, before, errorsBefore, failures, analyzed);
                                }
                            }
                        }
                    }
                }
            }

            var summary = $"fix convergence: {CorpusInputs.All.Count} inputs, {diagnostics} diagnostics, {single} code actions applied alone, "
                + $"{fixAll} as Fix All, {failures.Count} failures";
            _output.WriteLine(summary);
            PackageComponents.Report(summary);
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures));
        }

        private static async Task CheckAsync(string where, Project fixedProject, Diagnostic fixedDiagnostic, ImmutableArray<Diagnostic> before, ILookup<string, string> errorsBefore, List<string> failures, Dictionary<string, Task<ImmutableArray<Diagnostic>>> analyzed)
        {
            ImmutableArray<Diagnostic> after;
            try
            {
                var texts = string.Join("\u0000", await Task.WhenAll(fixedProject.Documents.OrderBy(d => d.FilePath, StringComparer.Ordinal).Select(async d => (await d.GetTextAsync()).ToString())));
                if (!analyzed.TryGetValue(texts, out var analysis))
                {
                    analysis = TestProject.GetDiagnosticsAsync(fixedProject, PackageComponents.Analyzers);
                    analyzed[texts] = analysis;
                }

                after = await analysis;
            }
            catch (VerificationException exception)
            {
                failures.Add($"{where}: analyzing the fixed code threw: {exception.Message}");
                return;
            }

            var newErrors = after.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("RAG", StringComparison.Ordinal))
                .GroupBy(Key)
                .Where(g => g.Count() > errorsBefore[g.Key].Count())
                .Select(g => g.First())
                .ToList();
            if (newErrors.Count > 0)
            {
                var text = (await fixedProject.GetDocument(newErrors[0].Location.SourceTree)!.GetTextAsync()).ToString();
                failures.Add($"{where}: the fix adds compiler errors: {string.Join("; ", newErrors.Select(e => e.ToString()))}{Environment.NewLine}{text}");
            }

            var sameBefore = before.Count(d => d.Id == fixedDiagnostic.Id && d.GetMessage() == fixedDiagnostic.GetMessage());
            var sameAfter = after.Count(d => d.Id == fixedDiagnostic.Id && d.GetMessage() == fixedDiagnostic.GetMessage());
            if (sameAfter >= sameBefore)
            {
                failures.Add($"{where}: the diagnostic is still reported after the fix ({sameAfter} of {sameBefore} remain)");
            }
        }

        private static ILookup<string, string> Errors(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("RAG", StringComparison.Ordinal)).Select(Key).ToLookup(k => k);

        private static string Key(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.GetMessage();

        private static async Task<Project> ApplyAsync(Project project, CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
        }

        private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
