using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Plain compilations for unit tests of the knowledge and program model (no workspace, no analyzer driver).</summary>
    public static class TestCompilation
    {
        public static CSharpCompilation Create(string source, TestLibraries libraries = TestLibraries.Default, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
        {
            var compilation = CSharpCompilation.Create(
                "TestAssembly",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: TestProject.SourcePath(0)) },
                TestReferences.For(libraries),
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new VerificationException("The test source does not compile:\n" + string.Join("\n", errors));
            }

            return compilation;
        }

        /// <summary>A program of several files (the benchmark's corpora), compiled as is: the corpora are checked by the benchmark, not here.</summary>
        public static CSharpCompilation FromFiles(IEnumerable<RagSafety.Corpus.GeneratedFile> files) =>
            CSharpCompilation.Create(
                "Corpus",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), f.Path)),
                TestReferences.For(TestLibraries.Default),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));

        /// <summary>The first method of that name declared in the compilation's source.</summary>
        public static IMethodSymbol Method(this Compilation compilation, string typeName, string methodName) =>
            compilation.GetSymbolsWithName(methodName, SymbolFilter.Member).OfType<IMethodSymbol>()
                .First(m => m.ContainingType.Name == typeName);

        /// <summary>Analyzer options carrying the given .editorconfig key/value pairs for every file.</summary>
        public static AnalyzerOptions Options(params (string Key, string Value)[] values) =>
            new(ImmutableArray<AdditionalText>.Empty, new DictionaryOptionsProvider(values.ToDictionary(v => v.Key, v => v.Value)));

        private sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly DictionaryOptions _options;

            public DictionaryOptionsProvider(Dictionary<string, string> values) => _options = new DictionaryOptions(values);

            public override AnalyzerConfigOptions GlobalOptions => new DictionaryOptions(new Dictionary<string, string>());

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
