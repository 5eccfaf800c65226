using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Knowledge
{
    /// <summary>
    /// The packages test compilations reference are the ones restore brings: each version TestReferences names is a
    /// PackageVersion of Directory.Packages.props referenced by tests/TestPackages.props, or one of its PackageDownloads.
    /// Otherwise resolution would look for a package the global packages folder may not hold.
    /// </summary>
    public class TestPackagesTests
    {
        [Fact]
        public void Every_test_package_is_restored_at_the_version_the_tests_name()
        {
            var versions = Items("Directory.Packages.props", "PackageVersion").ToDictionary(i => i.Id, i => i.Version);
            var testPackages = Path.Combine("tests", "TestPackages.props");
            var referenced = Items(testPackages, "PackageReference").Select(i => i.Id).ToHashSet();
            var downloaded = Items(testPackages, "PackageDownload").Select(i => (i.Id, Version: i.Version!.Trim('[', ']'))).ToHashSet();

            var problems = new List<string>();
            foreach (var package in TestReferences.Packages.Values.SelectMany(p => p).Distinct())
            {
                var restored = (referenced.Contains(package.Id) && versions.TryGetValue(package.Id, out var version) && version == package.Version)
                    || downloaded.Contains((package.Id, package.Version));
                if (!restored)
                {
                    problems.Add($"{package.Id} {package.Version}");
                }
            }

            Assert.True(problems.Count == 0, "Not restored by tests/TestPackages.props at the version TestReferences names: " + string.Join(", ", problems));
        }

        private static IEnumerable<(string Id, string? Version)> Items(string relativePath, string itemName) =>
            XDocument.Load(RepositoryFiles.PathOf(relativePath)).Descendants(itemName)
                .Select(e => ((string)e.Attribute("Include")!, (string?)e.Attribute("Version")));
    }
}
