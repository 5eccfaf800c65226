using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Analyzer tests in the vocabulary of Microsoft.CodeAnalysis.Testing.</summary>
    public static class CSharpAnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static RagSafetyTest Test(string source) => new(new TAnalyzer()) { TestCode = source };

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        {
            var test = Test(source);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>Analyzer and code fix tests in the vocabulary of Microsoft.CodeAnalysis.Testing.</summary>
    public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new(id);

        public static RagSafetyTest Test(string source, string? fixedSource = null) =>
            new(new TAnalyzer(), new TCodeFix()) { TestCode = source, FixedCode = fixedSource };

        public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
            VerifyCodeFixAsync(source, expected, fixedSource: null);

        public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
            VerifyCodeFixAsync(source, System.Array.Empty<DiagnosticResult>(), fixedSource);

        public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string? fixedSource)
        {
            var test = Test(source, fixedSource);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }
}
