using System;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>Every analyzer states its generated-code policy and runs concurrently (checked on what Initialize does).</summary>
    public class AnalyzerRegistrationTests
    {
        public static TheoryData<string> AnalyzerNames()
        {
            var data = new TheoryData<string>();
            foreach (var analyzer in PackageComponents.Analyzers)
            {
                data.Add(analyzer.GetType().Name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Initialize_configures_generated_code_and_concurrency_and_registers_per_compilation(string analyzerName)
        {
            var analyzer = PackageComponents.Analyzers.Single(a => a.GetType().Name == analyzerName);
            var context = new RecordingContext();

            analyzer.Initialize(context);

            Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCode);
            Assert.True(context.Concurrent, $"{analyzerName} does not enable concurrent execution");
            Assert.True(context.CompilationStart, $"{analyzerName} does not register per compilation");
            Assert.Equal(0, context.OtherRegistrations);
        }

        /// <summary>An AnalysisContext that records what an analyzer asks of it.</summary>
        private sealed class RecordingContext : AnalysisContext
        {
            public GeneratedCodeAnalysisFlags? GeneratedCode { get; private set; }

            public bool Concurrent { get; private set; }

            public bool CompilationStart { get; private set; }

            public int OtherRegistrations { get; private set; }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCode = analysisMode;

            public override void EnableConcurrentExecution() => Concurrent = true;

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart = true;

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => OtherRegistrations++;

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => OtherRegistrations++;

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => OtherRegistrations++;

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => OtherRegistrations++;

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => OtherRegistrations++;

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => OtherRegistrations++;

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => OtherRegistrations++;
        }
    }
}
