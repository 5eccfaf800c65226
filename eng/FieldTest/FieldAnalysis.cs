using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Tests.Verification;

namespace RagSafety.FieldTest
{
    /// <summary>One diagnostic of the field: where (repository, file, line), which rule, its severity and message.</summary>
    public sealed record Finding(string Unit, string Repo, string File, int Line, string Id, string Severity, string Message)
    {
        /// <summary>The site a verdict is about: one rule on one line of one file.</summary>
        public SiteKey Key => new(Repo, File, Line, Id);
    }

    public readonly record struct SiteKey(string Repo, string File, int Line, string Id)
    {
        public override string ToString() => $"{Repo}/{File}:{Line} {Id}";
    }

    /// <summary>How a unit compiled: its size, its errors and the types it could not resolve (a miss there is unbound code).</summary>
    public sealed record UnitReport(string Unit, int Files, int Lines, int Errors, IReadOnlyList<(string Name, int Count)> Unresolved, int Findings);

    /// <summary>Compiles each unit against the field's references and runs the analyzers on it.</summary>
    public sealed partial class FieldAnalysis
    {
        private static readonly string[] PreprocessorSymbols =
        {
            "TRACE", "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER", "NET9_0_OR_GREATER", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER",
            "NET6_0_OR_GREATER", "NET5_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER",
            "NETSTANDARD2_0_OR_GREATER",
        };

        private readonly string _assetsFile;
        private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _enabledRules;
        private readonly Dictionary<bool, ImmutableArray<MetadataReference>> _referenceSets = new();
        private readonly Dictionary<bool, ImmutableHashSet<string>> _packagedNames = new();
        private readonly Dictionary<string, (CSharpCompilation Compilation, ImmutableArray<MetadataReference> Closure)?> _projects = new(StringComparer.Ordinal);

        public FieldAnalysis(string assetsFile, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableDictionary<string, ReportDiagnostic> enabledRules)
        {
            _assetsFile = assetsFile;
            _analyzers = analyzers;
            _enabledRules = enabledRules;
        }

        /// <summary>The references of a unit: the current set, or the one with the pre-2.0 Azure.AI.OpenAI when it pins that.</summary>
        public ImmutableArray<MetadataReference> ReferencesFor(bool legacyAzureOpenAI)
        {
            if (!_referenceSets.TryGetValue(legacyAzureOpenAI, out var set))
            {
                set = References(_assetsFile, legacyAzureOpenAI);
                _referenceSets[legacyAzureOpenAI] = set;
            }

            return set;
        }

        /// <summary>The assembly names of a reference set (packages, reference packs and facades).</summary>
        private ImmutableHashSet<string> PackagedAssemblyNames(bool legacyAzureOpenAI)
        {
            if (!_packagedNames.TryGetValue(legacyAzureOpenAI, out var names))
            {
                names = ReferencesFor(legacyAzureOpenAI)
                    .Select(r => r switch
                    {
                        CompilationReference c => c.Compilation.AssemblyName,
                        PortableExecutableReference { FilePath: { } path } => Path.GetFileNameWithoutExtension(path),
                        _ => null,
                    })
                    .OfType<string>()
                    .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
                _packagedNames[legacyAzureOpenAI] = names;
            }

            return names;
        }

        /// <summary>
        /// The field's references: the compile assemblies NuGet resolved for <c>eng/FieldTest/References</c> (the AI packages
        /// the tests reference and the field's common others), the .NET and ASP.NET Core 10.0.12 reference packs, and the
        /// facades of the libraries the registry does not serve (compiled against the rest). Where two files have one
        /// assembly name, the higher version wins, as the SDK's conflict resolution does. For a project that pins the
        /// pre-2.0 Azure.AI.OpenAI, 1.0.0-beta.6 stands in for 2.x.
        /// </summary>
        public static ImmutableArray<MetadataReference> References(string assetsFile, bool legacyAzureOpenAI)
        {
            using var assets = JsonDocument.Parse(File.ReadAllText(assetsFile));
            var root = assets.RootElement;
            var packageFolder = root.GetProperty("packageFolders").EnumerateObject().First().Name;
            var libraries = root.GetProperty("libraries");
            var files = new List<string>();
            foreach (var package in root.GetProperty("targets").GetProperty("net10.0").EnumerateObject())
            {
                if (package.Value.GetProperty("type").GetString() != "package" || !package.Value.TryGetProperty("compile", out var compile))
                {
                    continue;
                }

                var folder = Path.Combine(packageFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!);
                files.AddRange(compile.EnumerateObject().Select(c => c.Name).Where(c => c.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(c => Path.Combine(folder, c)));
            }

            foreach (var pack in new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" })
            {
                files.AddRange(Directory.EnumerateFiles(Path.Combine(packageFolder, pack, ReferencePackVersion, "ref", "net10.0"), "*.dll"));
            }

            if (legacyAzureOpenAI)
            {
                files.RemoveAll(f => Path.GetFileName(f).Equals("Azure.AI.OpenAI.dll", StringComparison.OrdinalIgnoreCase));
                files.Add(Path.Combine(packageFolder, "azure.ai.openai", "1.0.0-beta.6", "lib", "netstandard2.0", "Azure.AI.OpenAI.dll"));
            }

            var real = files
                .Where(File.Exists)
                .GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderByDescending(f => System.Reflection.AssemblyName.GetAssemblyName(f).Version).First())
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
                .ToImmutableArray();
            var facades = TestReferences.CompileFacades(real).Values.Where(f => f.Name != TestReferences.VectorDataPreviewFacade).Select(f => f.Reference);
            return real.AddRange(facades);
        }

        private const string ReferencePackVersion = "10.0.12";

        public async Task<(UnitReport Report, IReadOnlyList<Finding> Findings)> RunAsync(ProjectUnit unit, CancellationToken cancellationToken)
        {
            var compilation = Compile(unit, unit.UsesLegacyAzureOpenAI, ImmutableHashSet<string>.Empty, cancellationToken);
            var trees = compilation.SyntaxTrees.Take(unit.SourceFiles.Count).ToList();
            var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var unresolved = errors
                .Where(e => e.Id is "CS0246" or "CS0234" or "CS0400")
                .Select(e => QuotedName().Match(e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)) is { Success: true } m ? m.Groups[1].Value : e.Id)
                .GroupBy(n => n, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count()))
                .OrderByDescending(g => g.Item2)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Take(5)
                .ToList();

            var exceptions = new List<string>();
            var analyzerOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var diagnostics = await compilation.WithAnalyzers(_analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            if (exceptions.Count > 0 || diagnostics.Any(d => d.Id == "AD0001"))
            {
                throw new InvalidOperationException($"{unit.Name}: an analyzer threw: " + string.Join("; ", exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()))));
            }

            var findings = diagnostics
                .Where(d => d.Location.IsInSource && d.Location.SourceTree?.FilePath is { } path && !path.EndsWith("GlobalUsings.g.cs", StringComparison.Ordinal))
                .Select(d =>
                {
                    var span = d.Location.GetLineSpan();
                    return new Finding(
                        unit.Name,
                        unit.Entry.Repo,
                        unit.Relative(span.Path),
                        span.StartLinePosition.Line + 1,
                        d.Id,
                        d.Severity.ToString(),
                        Tsv.Cell(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                })
                .Distinct()
                .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal)
                .ToList();

            var lines = trees.Sum(t => t.GetText(cancellationToken).Lines.Count);
            return (new UnitReport(unit.Name, unit.SourceFiles.Count, lines, errors.Count, unresolved, findings.Count), findings);
        }

        /// <summary>
        /// The unit's compilation: its sources (then a global-usings file), the reference set, and the compilations of the
        /// projects it references, each built once (a referenced project outside the manifest's folders too).
        /// </summary>
        /// <summary>
        /// The compilations of the projects a unit references, transitively, as the SDK flows project references: a
        /// project sees the types of the projects its references reference.
        /// </summary>
        private IEnumerable<MetadataReference> ProjectReferencesOf(ProjectUnit unit, bool legacyAzureOpenAI, ImmutableHashSet<string> inProgress, CancellationToken cancellationToken)
        {
            var closure = new List<MetadataReference>();
            var packaged = PackagedAssemblyNames(legacyAzureOpenAI);
            foreach (var projectPath in unit.ProjectReferences.Where(p => !inProgress.Contains(p) && p != unit.ProjectPath))
            {
                var key = (legacyAzureOpenAI ? "legacy:" : "current:") + projectPath;
                if (!_projects.TryGetValue(key, out var dependency))
                {
                    // A library's own samples reference its source projects (agent-framework, semantic-kernel). Compiled here
                    // beside the reference set's package of the same assembly name, every type of it would be ambiguous and
                    // the sample unbound: the package, that project's released build, stands in for it.
                    if (ProjectUnits.ReadReferenced(unit.Entry, unit.RepositoryFolder, projectPath) is { } referenced && !packaged.Contains(referenced.AssemblyName))
                    {
                        var compilation = Compile(referenced, legacyAzureOpenAI, inProgress.Add(unit.ProjectPath), cancellationToken);
                        var own = ProjectReferencesOf(referenced, legacyAzureOpenAI, inProgress.Add(unit.ProjectPath), cancellationToken);
                        dependency = (compilation, own.Prepend(compilation.ToMetadataReference()).ToImmutableArray());
                    }

                    _projects[key] = dependency;
                }

                if (dependency is { } found)
                {
                    closure.AddRange(found.Closure);
                }
            }

            return closure.Distinct();
        }

        private CSharpCompilation Compile(ProjectUnit unit, bool legacyAzureOpenAI, ImmutableHashSet<string> inProgress, CancellationToken cancellationToken)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: PreprocessorSymbols);
            var trees = unit.SourceFiles
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parseOptions, f, System.Text.Encoding.UTF8, cancellationToken))
                .ToList();
            if (unit.GlobalUsings.Count > 0)
            {
                var globalUsings = string.Concat(unit.GlobalUsings.Select(u => $"global using {u};\n"));
                trees.Add(CSharpSyntaxTree.ParseText(globalUsings, parseOptions, Path.Combine(Path.GetDirectoryName(unit.ProjectPath)!, "obj", "GlobalUsings.g.cs"), System.Text.Encoding.UTF8, cancellationToken));
            }

            var references = ReferencesFor(legacyAzureOpenAI).ToBuilder();
            if (!SeesAspNetCore(unit))
            {
                // A console program on the plain SDK has no ASP.NET Core: given it, rules that stay silent in console
                // programs without a server framework (RAG001) would report what the team's build never shows.
                // The pack's Microsoft.Extensions assemblies stay: console programs get them from the Hosting packages.
                references.RemoveAll(r => r is PortableExecutableReference { FilePath: { } path }
                    && path.Contains("microsoft.aspnetcore.app.ref", StringComparison.OrdinalIgnoreCase)
                    && Path.GetFileName(path).StartsWith("Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase));
            }

            references.AddRange(ProjectReferencesOf(unit, legacyAzureOpenAI, inProgress, cancellationToken));

            var options = new CSharpCompilationOptions(
                    unit.OutputKind,
                    nullableContextOptions: unit.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                    allowUnsafe: true)
                .WithSpecificDiagnosticOptions(_enabledRules);
            return CSharpCompilation.Create(unit.AssemblyName, trees, references.ToImmutable(), options);
        }

        /// <summary>Whether the unit's build gives it ASP.NET Core: by its SDK, its own declaration, or a referenced project's (framework references flow to referencing projects).</summary>
        private static bool SeesAspNetCore(ProjectUnit unit) =>
            unit.ImpliesAspNetCore || unit.DeclaresAspNetCore
            || unit.ProjectReferences.Any(p => ProjectUnits.ReadReferenced(unit.Entry, unit.RepositoryFolder, p) is { } referenced
                && (referenced.DeclaresAspNetCore || referenced.OutputKind == OutputKind.ConsoleApplication && referenced.ImpliesAspNetCore));

        [GeneratedRegex("'([^']+)'")]
        private static partial Regex QuotedName();
    }
}
