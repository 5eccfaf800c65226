using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.FieldTest
{
    /// <summary>
    /// One project of the field, read the way the SDK would build it, approximately: its own .cs files (nested projects,
    /// bin and obj left out), its output kind, the SDK's implicit usings when enabled, its <c>&lt;Using&gt;</c> items and
    /// its nullable context, with properties and items from Directory.Build.props files above it.
    /// </summary>
    public sealed record ProjectUnit(
        ManifestEntry Entry,
        string RepositoryFolder,
        string ProjectPath,
        string Sdk,
        OutputKind OutputKind,
        bool Nullable,
        IReadOnlyList<string> GlobalUsings,
        IReadOnlyList<(string Id, string? Version)> PackageReferences,
        IReadOnlyList<string> ProjectReferences,
        IReadOnlyList<string> SourceFiles,
        string AssemblyName,
        bool DeclaresAspNetCore)
    {
        /// <summary>
        /// Whether the SDK gives the project the ASP.NET Core shared framework without asking: every SDK but the plain and
        /// Worker ones, and any library (a web project referencing it flows the framework to it, and the field cannot tell).
        /// A console program on the plain or Worker SDK sees ASP.NET Core only through <see cref="DeclaresAspNetCore"/>.
        /// </summary>
        public bool ImpliesAspNetCore => OutputKind != OutputKind.ConsoleApplication
            || !(Sdk.Equals("Microsoft.NET.Sdk", StringComparison.OrdinalIgnoreCase) || Sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase));

        /// <summary><c>owner/name:path/to/Project.csproj</c>.</summary>
        public string Name => $"{Entry.Repo}:{Relative(ProjectPath)}";

        /// <summary>Whether the project pins the pre-2.0 Azure.AI.OpenAI (1.0.0-beta.*), whose API 2.x replaced.</summary>
        public bool UsesLegacyAzureOpenAI => PackageReferences.Any(p => p.Id.Equals("Azure.AI.OpenAI", StringComparison.OrdinalIgnoreCase) && p.Version?.StartsWith("1.0.0-beta", StringComparison.Ordinal) == true);

        /// <summary>A path inside the repository, with forward slashes.</summary>
        public string Relative(string path) => Path.GetRelativePath(RepositoryFolder, path).Replace('\\', '/');
    }

    public static partial class ProjectUnits
    {
        private static readonly string[] BaseUsings = { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

        private static readonly string[] HostingUsings = { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" };

        private static readonly Dictionary<string, string[]> SdkUsings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Microsoft.NET.Sdk"] = BaseUsings,
            ["Microsoft.NET.Sdk.Razor"] = BaseUsings,
            ["Microsoft.NET.Sdk.Worker"] = BaseUsings.Concat(HostingUsings).ToArray(),
            ["Microsoft.NET.Sdk.Web"] = BaseUsings.Concat(new[]
            {
                "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Routing",
            }).Concat(HostingUsings).ToArray(),
            ["Microsoft.NET.Sdk.BlazorWebAssembly"] = BaseUsings.Concat(new[]
            {
                "System.Net.Http.Json", "Microsoft.AspNetCore.Components.Forms", "Microsoft.AspNetCore.Components.Routing",
                "Microsoft.AspNetCore.Components.Web", "Microsoft.AspNetCore.Components.Web.Virtualization",
                "Microsoft.AspNetCore.Components.WebAssembly.Http", "Microsoft.JSInterop", "Microsoft.Extensions.Configuration",
                "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging",
            }).ToArray(),
        };

        private static readonly string[] TestPackages = { "Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "NUnit", "MSTest.TestFramework", "MSTest", "TUnit" };

        /// <summary>The non-test projects in the entry's folders, each once, in path order.</summary>
        public static IReadOnlyList<ProjectUnit> Discover(ManifestEntry entry, string repositoryFolder, out IReadOnlyList<string> skipped)
        {
            var skippedProjects = new List<string>();
            var folders = entry.Folders.Count == 0 ? new[] { string.Empty } : entry.Folders;
            var projects = folders
                .Select(f => Path.Combine(repositoryFolder, f))
                .Where(Directory.Exists)
                .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
                .Where(p => !IsBuildOutput(p))
                .Select(Path.GetFullPath)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
            var allProjectFolders = projects.Select(p => Path.GetDirectoryName(p)!).ToHashSet(StringComparer.Ordinal);

            var units = new List<ProjectUnit>();
            foreach (var project in projects)
            {
                var unit = Read(entry, repositoryFolder, project, allProjectFolders);
                if (unit is null)
                {
                    skippedProjects.Add(Path.GetRelativePath(repositoryFolder, project).Replace('\\', '/'));
                }
                else
                {
                    units.Add(unit);
                }
            }

            skipped = skippedProjects;
            return units;
        }

        /// <summary>A project another one references (outside the manifest's folders, maybe): read whatever it is.</summary>
        public static ProjectUnit? ReadReferenced(ManifestEntry entry, string repositoryFolder, string projectPath) =>
            File.Exists(projectPath) ? Read(entry, repositoryFolder, projectPath, new HashSet<string>(StringComparer.Ordinal), skipTests: false) : null;

        /// <summary>The unit of one project, or null for a test project.</summary>
        private static ProjectUnit? Read(ManifestEntry entry, string repositoryFolder, string projectPath, ISet<string> projectFolders, bool skipTests = true)
        {
            var documents = PropsAbove(projectPath, repositoryFolder).Append(projectPath).Select(LoadXml).Where(d => d is not null).Cast<XDocument>().ToList();
            var project = documents[^1];
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in documents.SelectMany(d => d.Descendants()).Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
            {
                // Conditions are not evaluated: the last unconditional-looking value wins, which is what most projects mean.
                properties[property.Name.LocalName] = property.Value.Trim();
            }

            // Versions as written (central package management's Directory.Packages.props fills in the missing ones).
            var central = CentralVersions(projectPath, repositoryFolder);
            var packages = documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "PackageReference"))
                .Select(e => (Id: (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty, Version: (string?)e.Attribute("Version") ?? (string?)e.Attribute("VersionOverride") ?? e.Elements().FirstOrDefault(v => v.Name.LocalName == "Version")?.Value))
                .Where(p => p.Id.Length > 0)
                .Select(p => (p.Id, p.Version ?? (central.TryGetValue(p.Id, out var version) ? version : null)))
                .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var projectReferences = project.Descendants().Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => (string?)e.Attribute("Include"))
                .Where(r => r is not null && r.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, r!.Replace('\\', Path.DirectorySeparatorChar))))
                .Where(File.Exists)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var name = Path.GetFileNameWithoutExtension(projectPath);
            if (skipTests && (IsTrue(properties, "IsTestProject") || packages.Any(p => TestPackages.Contains(p.Id, StringComparer.OrdinalIgnoreCase)) || TestProjectName().IsMatch(name)))
            {
                return null;
            }

            var sdk = SdkOf(project);
            var outputType = properties.TryGetValue("OutputType", out var type) ? type : null;
            var isExe = outputType is not null
                ? outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase)
                : sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
                    || sdk.Equals("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase);

            var usings = new List<string>();
            if (IsTrue(properties, "ImplicitUsings") || (properties.TryGetValue("ImplicitUsings", out var implicitUsings) && implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase)))
            {
                usings.AddRange(SdkUsings.TryGetValue(sdk, out var forSdk) ? forSdk : BaseUsings);
            }

            foreach (var item in documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "Using")))
            {
                var include = (string?)item.Attribute("Include");
                var remove = (string?)item.Attribute("Remove");
                if (remove is not null)
                {
                    usings.RemoveAll(u => u == remove);
                }
                else if (include is not null)
                {
                    usings.Add(((string?)item.Attribute("Alias")) is { } alias ? $"{alias} = {include}"
                        : string.Equals((string?)item.Attribute("Static"), "true", StringComparison.OrdinalIgnoreCase) ? $"static {include}"
                        : include);
                }
            }

            var folder = Path.GetDirectoryName(projectPath)!;
            var removed = documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == "Compile"))
                .Select(e => (string?)e.Attribute("Remove"))
                .Where(r => r is not null)
                .Select(r => r!.Replace('\\', '/'))
                .ToList();
            var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f) && !InNestedProject(f, folder, projectFolders) && !IsRemoved(Path.GetRelativePath(folder, f).Replace('\\', '/'), removed))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

            return new ProjectUnit(
                entry,
                repositoryFolder,
                projectPath,
                sdk,
                isExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                properties.TryGetValue("Nullable", out var nullable) && nullable.Equals("enable", StringComparison.OrdinalIgnoreCase),
                usings.Distinct(StringComparer.Ordinal).ToList(),
                packages,
                projectReferences,
                sources,
                AssemblyNameOf(project, name),
                documents.SelectMany(d => d.Descendants()).Any(e => e.Name.LocalName == "FrameworkReference" && ((string?)e.Attribute("Include"))?.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase) == true)
                    || packages.Any(p => p.Id.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase)));
        }

        /// <summary>The project's own literal <c>AssemblyName</c> (SK's <c>Agents.Core.csproj</c> builds Microsoft.SemanticKernel.Agents.Core), else its file name.</summary>
        private static string AssemblyNameOf(XDocument project, string fileName) =>
            project.Descendants().LastOrDefault(e => e.Name.LocalName == "AssemblyName" && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim() is { Length: > 0 } name
                && !name.Contains("$(", StringComparison.Ordinal)
                ? name
                : fileName;

        private static bool IsTrue(Dictionary<string, string> properties, string name) =>
            properties.TryGetValue(name, out var value) && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("enable", StringComparison.OrdinalIgnoreCase));

        /// <summary>The project's SDK: the Project element's attribute, a Sdk element, or an Import of Sdk.props.</summary>
        private static string SdkOf(XDocument project)
        {
            var root = project.Root!;
            var sdk = (string?)root.Attribute("Sdk")
                ?? root.Elements().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).FirstOrDefault()
                ?? root.Elements().Where(e => e.Name.LocalName == "Import").Select(e => (string?)e.Attribute("Sdk")).FirstOrDefault(s => s is not null)
                ?? "Microsoft.NET.Sdk";
            return sdk.Split('/')[0].Trim();
        }

        /// <summary>The PackageVersion items of the nearest Directory.Packages.props (central package management).</summary>
        private static Dictionary<string, string> CentralVersions(string projectPath, string repositoryFolder)
        {
            var root = Path.GetFullPath(repositoryFolder);
            for (var directory = Path.GetDirectoryName(projectPath); directory is not null && directory.StartsWith(root, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
            {
                var props = Path.Combine(directory, "Directory.Packages.props");
                if (File.Exists(props) && LoadXml(props) is { } document)
                {
                    return document.Descendants().Where(e => e.Name.LocalName == "PackageVersion")
                        .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
                        .GroupBy(e => (string)e.Attribute("Include")!, StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(g => g.Key, g => (string)g.Last().Attribute("Version")!, StringComparer.OrdinalIgnoreCase);
                }
            }

            return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>Directory.Build.props files from the repository root down to the project's folder.</summary>
        private static IEnumerable<string> PropsAbove(string projectPath, string repositoryFolder)
        {
            var found = new List<string>();
            var root = Path.GetFullPath(repositoryFolder);
            for (var directory = Path.GetDirectoryName(projectPath); directory is not null && directory.StartsWith(root, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
            {
                var props = Path.Combine(directory, "Directory.Build.props");
                if (File.Exists(props))
                {
                    found.Add(props);
                }
            }

            found.Reverse();
            return found;
        }

        private static XDocument? LoadXml(string path)
        {
            try
            {
                return XDocument.Load(path);
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }

        private static bool InNestedProject(string file, string projectFolder, ISet<string> projectFolders)
        {
            for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length > projectFolder.Length; directory = Path.GetDirectoryName(directory))
            {
                if (projectFolders.Contains(directory))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A <c>&lt;Compile Remove&gt;</c> match: an exact path, or a folder glob (<c>Folder/**</c>, <c>Folder/**/*.cs</c>).</summary>
        private static bool IsRemoved(string relative, IReadOnlyList<string> removed) =>
            removed.Any(pattern =>
            {
                var star = pattern.IndexOf("**", StringComparison.Ordinal);
                return star >= 0 ? relative.StartsWith(pattern.Substring(0, star), StringComparison.OrdinalIgnoreCase) : relative.Equals(pattern, StringComparison.OrdinalIgnoreCase);
            });

        private static bool IsBuildOutput(string path) =>
            path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        [GeneratedRegex(@"(^|\.)(Unit|Integration|Functional|E2E|Acceptance)?Tests?$", RegexOptions.IgnoreCase)]
        private static partial Regex TestProjectName();
    }
}
