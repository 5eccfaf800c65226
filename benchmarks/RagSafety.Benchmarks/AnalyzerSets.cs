using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Benchmarks
{
    /// <summary>A named group of analyzers measured together, with the rule IDs it is measured for.</summary>
    public sealed record AnalyzerSet(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic> EnabledRules, string? LoadProblem = null)
    {
        public bool Contains(DiagnosticAnalyzer analyzer) => Analyzers.Contains(analyzer);
    }

    /// <summary>RagSafety's own analyzers and the peers, loaded from the package folder the project restored them into.</summary>
    public static class AnalyzerSets
    {
        public static AnalyzerSet RagSafety(IReadOnlyCollection<string>? onlyRules = null) =>
            new("RagSafety", typeof(RagSafety.Analyzers.RagSafetyAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Where(t => onlyRules is null || onlyRules.Any(id => t.Name.StartsWith(id, StringComparison.Ordinal)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray(), ImmutableDictionary<string, ReportDiagnostic>.Empty);

        public static IReadOnlyList<AnalyzerSet> Peers() => new[]
        {
            Load("VSTHRD (vs-threading 18.12.1)", "microsoft.visualstudio.threading.analyzers/18.12.1/analyzers/cs", onlyRules: null),
            Load("Meziantou MA0042/MA0045 (3.0.321)", "meziantou.analyzer/3.0.321/analyzers/dotnet/roslyn4.14/cs", onlyRules: new[] { "MA0042", "MA0045" }),
            Load("AsyncFixer 2.1.0", "asyncfixer/2.1.0/analyzers/dotnet/cs", onlyRules: null),
            Load("CA1849/CA2016 (NetAnalyzers 10.0.111)", "microsoft.codeanalysis.netanalyzers/10.0.111/analyzers/dotnet/cs", onlyRules: new[] { "CA1849", "CA2016" }),
        };

        private static AnalyzerSet Load(string name, string relativeFolder, string[]? onlyRules)
        {
            var folder = Path.Combine(PackageRoot(), relativeFolder);
            if (!Directory.Exists(folder))
            {
                return new AnalyzerSet(name, ImmutableArray<DiagnosticAnalyzer>.Empty, ImmutableDictionary<string, ReportDiagnostic>.Empty, "not found at " + folder);
            }

            var loader = new FolderLoader();
            var problems = new List<string>();
            var analyzers = new List<DiagnosticAnalyzer>();
            foreach (var dll in Directory.EnumerateFiles(folder, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
            {
                var reference = new AnalyzerFileReference(dll, loader);
                reference.AnalyzerLoadFailed += (_, e) => problems.Add($"{Path.GetFileName(dll)}: {e.ErrorCode} {e.Message}");
                analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }

            if (onlyRules is not null)
            {
                analyzers = analyzers.Where(a => SafeIds(a).Intersect(onlyRules).Any()).ToList();
            }

            // Rules off by default (CA1849, MA0045) are turned on, as a user measuring them would.
            var enabled = (onlyRules ?? Array.Empty<string>()).ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
            return new AnalyzerSet(name, analyzers.ToImmutableArray(), enabled, problems.Count == 0 ? null : string.Join("; ", problems.Distinct()));
        }

        private static IEnumerable<string> SafeIds(DiagnosticAnalyzer analyzer)
        {
            try
            {
                return analyzer.SupportedDiagnostics.Select(d => d.Id).ToList();
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>The NuGet package folder this project was restored with (NUGET_PACKAGES or the user's default).</summary>
        private static string PackageRoot() =>
            typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value
            ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

        private sealed class FolderLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
