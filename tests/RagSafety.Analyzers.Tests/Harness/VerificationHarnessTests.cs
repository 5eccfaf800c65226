using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Harness
{
    /// <summary>The harness itself: it must pass correct expectations and fail wrong ones with a readable message.</summary>
    public class VerificationHarnessTests
    {
        private const string Source = """
            class C
            {
                int bad = 1;
                int good = 2;
            }
            """;

        [Fact]
        public async Task Correct_markup_passes()
        {
            await Run(Source.Replace("int bad", "int [|bad|]"));
        }

        [Fact]
        public async Task Location_markers_and_arguments_pass()
        {
            await Run(Source.Replace("int bad", "int {|#0:bad|}"), Expect().WithLocation(0).WithArguments("bad"));
        }

        [Fact]
        public async Task Explicit_span_passes()
        {
            await Run(Source, Expect().WithSpan(3, 9, 3, 12).WithMessage("Field 'bad' is bad"));
        }

        [Fact]
        public async Task Wrong_span_fails_with_a_ready_to_paste_expectation()
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Run(Source, Expect().WithSpan(3, 5, 3, 12)));
            Assert.Contains("Expected diagnostic to start at column \"5\" was actually at column \"9\"", error.Message);
            Assert.Contains(".WithSpan(3, 9, 3, 12).WithArguments(\"bad\")", error.Message);
        }

        [Fact]
        public async Task Missing_expectation_fails()
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Run(Source));
            Assert.Contains("Mismatch between number of diagnostics returned, expected \"0\" actual \"1\"", error.Message);
        }

        [Fact]
        public async Task Wrong_arguments_fail()
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Run(Source, Expect().WithSpan(3, 9, 3, 12).WithArguments("good")));
            Assert.Contains("Expected diagnostic message to be \"Field 'good' is bad\" was \"Field 'bad' is bad\"", error.Message);
        }

        [Fact]
        public async Task Compiler_errors_count_unless_marked()
        {
            var broken = Source.Replace("int good = 2;", "int good = missing;").Replace("int bad", "int [|bad|]");
            var error = await Assert.ThrowsAnyAsync<Exception>(() => Run(broken));
            Assert.Contains("CS0103", error.Message);

            await Run(broken.Replace("= missing;", "= {|CS0103:missing|};"));
        }

        [Fact]
        public async Task Analyzer_exception_fails_as_AD0001()
        {
            var test = new HarnessTest(new ThrowingAnalyzer()) { TestCode = Source };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
            Assert.Contains("AD0001", error.Message);
        }

        [Fact]
        public async Task Reporting_in_generated_code_fails_the_rerun()
        {
            var test = new HarnessTest(new BadFieldAnalyzer(reportsInGeneratedCode: true)) { TestCode = Source.Replace("int bad", "int [|bad|]") };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
            Assert.Contains("auto-generated", error.Message);
        }

        [Fact]
        public async Task Editorconfig_options_reach_the_analyzer()
        {
            var test = new HarnessTest(new BadFieldAnalyzer()) { TestCode = Source.Replace("int good", "int [|good|]") };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("test.bad_name = good"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_is_applied_iteratively_and_as_fix_all()
        {
            var test = new HarnessTest(new BadFieldAnalyzer(matchPrefix: true), new RenameBadFix())
            {
                TestCode = "class C\n{\n    int [|bad|] = 1;\n    int [|badder|] = 3;\n}",
                FixedCode = "class C\n{\n    int fine_bad = 1;\n    int fine_badder = 3;\n}",
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task Wrong_fixed_code_fails_with_a_diff()
        {
            var test = new HarnessTest(new BadFieldAnalyzer(), new RenameBadFix())
            {
                TestCode = Source.Replace("int bad", "int [|bad|]"),
                FixedCode = Source.Replace("int bad", "int better"),
            };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
            Assert.Contains("-    int better = 1;", error.Message);
            Assert.Contains("+    int fine_bad = 1;", error.Message);
        }

        [Fact]
        public async Task Fix_that_breaks_the_build_fails()
        {
            var test = new HarnessTest(new BadFieldAnalyzer(), new RenameBadFix(newName: "good"))
            {
                TestCode = Source.Replace("int bad", "int [|bad|]"),
                FixedCode = Source.Replace("int bad", "int good"),
            };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
            Assert.Contains("CS0102", error.Message);
        }

        [Fact]
        public async Task Fix_that_adds_a_document_fails_with_the_reason()
        {
            var test = new HarnessTest(new BadFieldAnalyzer(), new AddDocumentFix())
            {
                TestCode = Source.Replace("int bad", "int [|bad|]"),
                FixedCode = Source,
            };
            var error = await Assert.ThrowsAnyAsync<Exception>(() => test.RunAsync());
            Assert.Contains("adds Added.cs: fixes must change existing documents only", error.Message);
        }

        [Fact]
        public async Task Real_packages_and_facades_are_referenced()
        {
            var test = new HarnessTest(new BadFieldAnalyzer())
            {
                TestCode = """
                    using Microsoft.SemanticKernel;
                    using Microsoft.KernelMemory;

                    class C
                    {
                        Kernel kernel = Kernel.CreateBuilder().Build();
                        IKernelMemory? memory;
                        int [|bad|] = 1;
                    }
                    """,
            };
            test.Libraries = TestLibraries.Default;
            await test.RunAsync();
        }

        private static DiagnosticResult Expect() => new(BadFieldAnalyzer.Rule);

        private static Task Run(string source, params DiagnosticResult[] expected)
        {
            var test = new HarnessTest(new BadFieldAnalyzer()) { TestCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>A library test over analyzer and fix instances (the verifiers take types).</summary>
        private sealed class HarnessTest : RagSafetyCodeFixTest<EmptyDiagnosticAnalyzer, EmptyCodeFixProvider>
        {
            private readonly DiagnosticAnalyzer _analyzer;
            private readonly CodeFixProvider? _fix;

            public HarnessTest(DiagnosticAnalyzer analyzer, CodeFixProvider? fix = null)
            {
                _analyzer = analyzer;
                _fix = fix;
                Libraries = TestLibraries.None;
            }

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { _analyzer };

            protected override IEnumerable<CodeFixProvider> GetCodeFixProviders() => _fix is null ? Array.Empty<CodeFixProvider>() : new[] { _fix };
        }

        // Analyzers of the harness's own tests: built by hand, never loaded by a host, so no [DiagnosticAnalyzer] attribute
        // (RS1001) and no release tracking (RS2008); one leaves generated code unconfigured on purpose (RS1025).
#pragma warning disable RS1001, RS1025, RS2008
        /// <summary>Reports fields named "bad" (or the name in test.bad_name), or starting with it.</summary>
        private sealed class BadFieldAnalyzer : DiagnosticAnalyzer
        {
            public static readonly DiagnosticDescriptor Rule = new("TEST001", "Bad field", "Field '{0}' is bad", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
            private readonly bool _reportsInGeneratedCode;
            private readonly bool _matchPrefix;

            public BadFieldAnalyzer(bool reportsInGeneratedCode = false, bool matchPrefix = false)
            {
                _reportsInGeneratedCode = reportsInGeneratedCode;
                _matchPrefix = matchPrefix;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                // The mistake the harness must catch: not configuring generated code, so the default reports in it.
                if (!_reportsInGeneratedCode)
                {
                    context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                }

                context.EnableConcurrentExecution();
                context.RegisterSymbolAction(c =>
                {
                    var name = c.Options.AnalyzerConfigOptionsProvider.GetOptions(c.Symbol.Locations[0].SourceTree!).TryGetValue("test.bad_name", out var configured) ? configured : "bad";
                    if (c.Symbol.Name == name || (_matchPrefix && c.Symbol.Name.StartsWith(name, System.StringComparison.Ordinal)))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, c.Symbol.Locations[0], c.Symbol.Name));
                    }
                }, SymbolKind.Field);
            }
        }

        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(BadFieldAnalyzer.Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterSymbolAction(_ => throw new System.InvalidOperationException("boom"), SymbolKind.Field);
            }
        }
#pragma warning restore RS1001, RS1025, RS2008

        /// <summary>Renames a reported field to fine_{name} (or to a fixed name, to produce broken code on purpose).</summary>
        private sealed class RenameBadFix : CodeFixProvider
        {
            private readonly string? _newName;

            public RenameBadFix(string? newName = null) => _newName = newName;

            public RenameBadFix()
                : this(null)
            {
            }

            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST001");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override async Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
                var token = root!.FindToken(context.Span.Start);
                var replacement = _newName is null ? SyntaxFactory.Identifier("fine_" + token.ValueText) : SyntaxFactory.Identifier(_newName);
                context.RegisterCodeFix(
                    CodeAction.Create("Rename", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceToken(token, replacement.WithTriviaFrom(token)))), "Rename"),
                    context.Diagnostics);
            }
        }
    
        /// <summary>Adds a document instead of changing the reported one (what SDK-style projects cannot take from dotnet format).</summary>
        private sealed class AddDocumentFix : CodeFixProvider
        {
            public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("TEST001");

            public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

            public override Task RegisterCodeFixesAsync(CodeFixContext context)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add a file", _ => Task.FromResult(context.Document.Project.AddDocument("Added.cs", "class Added { }").Project.Solution), "Add"),
                    context.Diagnostics);
                return Task.CompletedTask;
            }
        }
}
}
