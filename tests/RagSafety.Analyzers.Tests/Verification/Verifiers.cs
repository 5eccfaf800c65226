using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// Analyzer and code fix tests on Microsoft.CodeAnalysis.Testing, set up for this project: the references of
    /// <see cref="Libraries"/> (real packages, and the facades of unserved libraries), nullable enabled, the latest C#.
    /// Everything else (markup, comparison, compiler errors, generated-code and pragma re-runs, fix iterations, Fix All in
    /// document, project and solution) is the library's.
    /// </summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <inheritdoc cref="TestSetup.Diagnostic"/>
        public static DiagnosticResult Diagnostic(string id) => TestSetup.Diagnostic(CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id));

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
            VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

        public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : RagSafetyCodeFixTest<TAnalyzer, TCodeFix>
        {
        }
    }

    /// <summary>
    /// The library's code fix test with the project's setup (<see cref="TestSetup"/>) and one check the library lacks: a
    /// code action that adds a document fails, naming it (<see cref="NoAddedDocuments"/>).
    /// </summary>
    public class RagSafetyCodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        /// <summary>The libraries the test compilation references; <see cref="TestLibraries.Default"/> unless set.</summary>
        public TestLibraries Libraries { get; set; } = TestLibraries.Default;

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestSetup.Apply(this, Libraries);

            // A test is one project: Fix All in the solution is Fix All in the project, which the library checks already.
            CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipFixAllInSolutionCheck;

            // Markup in the fixed code marks the diagnostics that remain after the fixes, fixable ones included (a fix
            // that declines a site leaves its diagnostic); the library would ignore fixable markup there by default.
            if (FixedState.Sources.Count > 0 && FixedState.MarkupHandling is null)
            {
                FixedState.MarkupHandling = MarkupMode.Allow;
            }

            return base.RunImplAsync(cancellationToken);
        }

        protected override CompilationOptions CreateCompilationOptions() => TestSetup.CompilationOptions(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions() => TestSetup.ParseOptions(base.CreateParseOptions());

        protected override Project ApplyCompilationOptions(Project project) => TestSetup.UnpinSeverities(base.ApplyCompilationOptions(project), GetDiagnosticAnalyzers());

        /// <summary>Each registered action is checked against the solution it was offered on (the context's, not shared state).</summary>
        protected override CodeFixContext CreateCodeFixContext(Document document, TextSpan span, ImmutableArray<Diagnostic> diagnostics, Action<CodeAction, ImmutableArray<Diagnostic>> registerCodeFix, CancellationToken cancellationToken) =>
            base.CreateCodeFixContext(document, span, diagnostics, (action, fixedDiagnostics) => registerCodeFix(NoAddedDocuments.Wrap(action, document.Project.Solution), fixedDiagnostics), cancellationToken);
    }

    /// <summary>Analyzer tests, for rules without a code fix; set up as <see cref="CSharpCodeFixVerifier{TAnalyzer, TCodeFix}"/>.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        /// <inheritdoc cref="TestSetup.Diagnostic"/>
        public static DiagnosticResult Diagnostic(string id) => TestSetup.Diagnostic(CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id));

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            /// <summary>The libraries the test compilation references; <see cref="TestLibraries.Default"/> unless set.</summary>
            public TestLibraries Libraries { get; set; } = TestLibraries.Default;

            protected override Task RunImplAsync(CancellationToken cancellationToken)
            {
                TestSetup.Apply(this, Libraries);
                return base.RunImplAsync(cancellationToken);
            }

            protected override CompilationOptions CreateCompilationOptions() => TestSetup.CompilationOptions(base.CreateCompilationOptions());

            protected override ParseOptions CreateParseOptions() => TestSetup.ParseOptions(base.CreateParseOptions());

            protected override Project ApplyCompilationOptions(Project project) => TestSetup.UnpinSeverities(base.ApplyCompilationOptions(project), GetDiagnosticAnalyzers());
        }
    }

    /// <summary>The project's settings on a Microsoft.CodeAnalysis.Testing test, shared by every verifier.</summary>
    public static class TestSetup
    {
        public static void Apply<TVerifier>(AnalyzerTest<TVerifier> test, TestLibraries libraries)
            where TVerifier : IVerifier, new()
        {
            test.ReferenceAssemblies = TestReferences.AssembliesFor(libraries);
            test.TestState.AdditionalReferences.AddRange(TestReferences.FacadesFor(libraries));
        }

        /// <summary>
        /// An expected diagnostic of a rule. Its additional locations are not compared: rules put there the nodes their
        /// fixes rewrite, which the fix tests check by their result.
        /// </summary>
        public static DiagnosticResult Diagnostic(DiagnosticResult result) => result.WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static CompilationOptions CompilationOptions(CompilationOptions options) =>
            ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

        public static ParseOptions ParseOptions(ParseOptions options) =>
            ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

        /// <summary>
        /// The library pins every tested ID to <see cref="ReportDiagnostic.Default"/> in the compilation options, which
        /// outranks a severity set in .editorconfig. The rules are on by default, so without the pin only that changes:
        /// tests of <c>dotnet_diagnostic.RAGnnn.severity</c> see what a user's build does.
        /// </summary>
        public static Project UnpinSeverities(Project project, IEnumerable<DiagnosticAnalyzer> analyzers)
        {
            var options = project.CompilationOptions!;
            var onByDefault = analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.IsEnabledByDefault).Select(d => d.Id)
                .Where(id => options.SpecificDiagnosticOptions.TryGetValue(id, out var report) && report == ReportDiagnostic.Default);
            return project.WithCompilationOptions(options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.RemoveRange(onByDefault)));
        }
    }

    /// <summary>.editorconfig files for <c>TestState.AnalyzerConfigFiles</c>.</summary>
    public static class EditorConfig
    {
        /// <summary>A root .editorconfig whose <c>[*.cs]</c> section holds <paramref name="lines"/> (e.g. <c>rag_safety.max_concurrency = 12</c>).</summary>
        public static (string Path, string Content) ForCSharp(string lines) => ("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n");
    }
}
