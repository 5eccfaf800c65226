using System.IO;
using System.Linq;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Docs
{
    /// <summary>docs/supported-libraries.md stays in step with the catalog: every catalogued assembly has its row.</summary>
    public class SupportedLibrariesTests
    {
        private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "supported-libraries.md"));

        [Fact]
        public void Every_catalogued_assembly_is_named_in_the_table()
        {
            var tableRows = Page.Split('\n').Where(line => line.StartsWith("| ", System.StringComparison.Ordinal)).ToList();
            var missing = ApiCatalog.LibraryNames
                .Where(library => !tableRows.Any(row => row.Contains("`" + library + "`", System.StringComparison.Ordinal)))
                .OrderBy(library => library, System.StringComparer.Ordinal)
                .ToList();
            Assert.True(missing.Count == 0, "docs/supported-libraries.md has no table row naming: " + string.Join(", ", missing));
        }

        [Fact]
        public void Every_facade_library_is_marked_as_one()
        {
            var tableRows = Page.Split('\n').Where(line => line.StartsWith("| ", System.StringComparison.Ordinal)).ToList();
            foreach (var facade in TestReferences.FacadeAssemblies.Values)
            {
                var row = tableRows.FirstOrDefault(r => r.Contains("`" + facade.AssemblyName + "`", System.StringComparison.Ordinal));
                if (row is not null)
                {
                    Assert.Contains("*facade*", row);
                }
            }
        }

        [Fact]
        public void The_page_names_every_user_api_key()
        {
            foreach (var role in System.Enum.GetValues<ApiRole>())
            {
                var key = RagSafety.Analyzers.Configuration.OptionKeys.ApisKey(role);
                var roleName = key.Substring("rag_safety.".Length, key.Length - "rag_safety.".Length - "_apis".Length);
                Assert.Contains("`" + roleName + "`", Page);
            }
        }
    }
}
