using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Docs
{
    /// <summary>What a user meets first stays in step with the code: help links, rule pages, README, release tracking.</summary>
    public class RuleDocumentationTests
    {
        private static readonly string Root = RepositoryFiles.Root;

        public static TheoryData<string> AnalyzerTypes()
        {
            var data = new TheoryData<string>();
            foreach (var type in AllAnalyzers().Select(a => a.GetType().Name))
            {
                data.Add(type);
            }

            return data;
        }

        [Fact]
        public void Every_descriptor_has_its_page_readme_row_and_release_entry()
        {
            var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
            var packageReadme = File.ReadAllText(Path.Combine(Root, "src", "RagSafety.Analyzers.Package", "PackageReadme.md"));
            var unshipped = File.ReadAllLines(Path.Combine(Root, "src", "RagSafety.Analyzers", "AnalyzerReleases.Unshipped.md"));
            var descriptors = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).ToList();
            Assert.NotEmpty(descriptors);
            foreach (var descriptor in descriptors)
            {
                var id = descriptor.Id;
                Assert.Equal(HelpLinks.For(id), descriptor.HelpLinkUri);
                Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
                var page = Path.Combine(Root, "docs", "rules", id + ".md");
                Assert.True(File.Exists(page), $"{id} has no docs/rules/{id}.md");
                Assert.StartsWith($"# {id}: {descriptor.Title}", File.ReadAllText(page), StringComparison.Ordinal);
                Assert.Contains($"[{id}](docs/rules/{id}.md)", readme, StringComparison.Ordinal);
                Assert.Contains($"| {id} |", packageReadme, StringComparison.Ordinal);
                Assert.Contains(unshipped, line => line.StartsWith($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", StringComparison.Ordinal));
            }
        }

        [Fact]
        public void Every_option_key_is_documented()
        {
            var configuration = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
            foreach (var key in OptionSpecs.All.Keys)
            {
                Assert.Contains(key, configuration, StringComparison.OrdinalIgnoreCase);
            }
        }

        [Fact]
        public void Every_option_key_has_a_spec_that_RAG900_checks()
        {
            var keys = typeof(OptionKeys).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(OptionKeys.Prefix))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Concat(Enum.GetValues(typeof(ApiRole)).Cast<ApiRole>().Select(OptionKeys.ApisKey))
                .ToList();
            Assert.NotEmpty(keys);
            Assert.All(keys, key => Assert.True(OptionSpecs.All.ContainsKey(key), $"{key} has no entry in OptionSpecs.All"));
        }

        [Theory]
        [MemberData(nameof(AnalyzerTypes))]
        public void Every_analyzer_skips_generated_code_and_runs_concurrently_through_the_base_class(string analyzerType)
        {
            var analyzer = AllAnalyzers().Single(a => a.GetType().Name == analyzerType);
            Assert.IsAssignableFrom<RagSafetyAnalyzer>(analyzer);
            Assert.NotNull(analyzer.GetType().GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).SingleOrDefault());
        }

        private static DiagnosticAnalyzer[] AllAnalyzers() =>
            typeof(RagSafetyAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToArray();
    }
}
