using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Builds the in-memory project a test runs on, and runs analyzers over it.</summary>
    public static class TestProject
    {
        public const string Folder = "/0/";

        public static string SourcePath(int index) => $"{Folder}Test{index}.cs";

        public static Project Create(IReadOnlyList<string> sources, TestSettings settings)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId("TestProject");
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var compilationOptions = new CSharpCompilationOptions(settings.OutputKind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);
            var projectInfo = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                filePath: Folder + "TestProject.csproj",
                compilationOptions: compilationOptions,
                parseOptions: parseOptions,
                metadataReferences: TestReferences.For(settings.Libraries));
            var solution = workspace.CurrentSolution.AddProject(projectInfo);
            for (var i = 0; i < sources.Count; i++)
            {
                var path = SourcePath(i);
                solution = solution.AddDocument(DocumentId.CreateNewId(projectId, path), $"Test{i}.cs", SourceText.From(sources[i]), filePath: path);
            }

            var editorConfig = "root = true\n\n[*.cs]\n" + (settings.EditorConfig ?? string.Empty);
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId, ".editorconfig"), ".editorconfig", SourceText.From(editorConfig), filePath: Folder + ".editorconfig");
            return solution.GetProject(projectId)!;
        }

        /// <summary>Compiler errors and the analyzers' diagnostics, in source order. Analyzer exceptions fail the test.</summary>
        public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken = default)
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var analyzerDiagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            var crashes = analyzerDiagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
            if (crashes.Count > 0)
            {
                throw new VerificationException("An analyzer threw (AD0001):" + Environment.NewLine + string.Join(Environment.NewLine, crashes));
            }

            return compilation.GetDiagnostics(cancellationToken)
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Concat(analyzerDiagnostics)
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Location.SourceSpan.End)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        /// <summary>The arguments a diagnostic's message was formatted with (Roslyn keeps them internal).</summary>
        public static IReadOnlyList<object?> ArgumentsOf(Diagnostic diagnostic) =>
            diagnostic.GetType().GetProperty("Arguments", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(diagnostic) as IReadOnlyList<object?>
            ?? Array.Empty<object?>();
    }

    /// <summary>The knobs of a test project.</summary>
    public sealed record TestSettings
    {
        public TestLibraries Libraries { get; init; } = TestLibraries.Default;

        public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

        /// <summary>Lines of the <c>[*.cs]</c> section of the project's .editorconfig, e.g. <c>rag_safety.call_chain_depth = 2</c>.</summary>
        public string? EditorConfig { get; init; }
    }

    public sealed class VerificationException : Exception
    {
        public VerificationException(string message)
            : base(message)
        {
        }
    }
}
