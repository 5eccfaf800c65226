using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// What test compilations reference: the .NET 10 and ASP.NET Core reference packs and the real AI packages, through
    /// Microsoft.CodeAnalysis.Testing's <see cref="ReferenceAssemblies"/>, plus the facades of libraries NuGet does not serve.
    /// </summary>
    /// <remarks>
    /// Packages are resolved from the NuGet global packages folder only (tests/TestPackages.props restores them there with
    /// the test project) and extracted by the library into <c>%TEMP%/test-packages</c>, its cache. Not from the feed: the
    /// feed's registration data, from which the library reads dependencies, may leave them out (the registry copy served
    /// on this project's machines does), which silently drops transitive packages on a first run; the folder has every
    /// package's .nuspec. Resolution is offline, the same on every run, and loud (an exception) when a package is missing.
    /// </remarks>
    public static class TestReferences
    {
        private const string NuGetConfigFileName = "TestPackages.nuget.config";

        /// <summary>The packages of each set, with the versions in Directory.Packages.props (a test keeps them in step).</summary>
        public static IReadOnlyDictionary<TestLibraries, ImmutableArray<PackageIdentity>> Packages { get; } = new Dictionary<TestLibraries, ImmutableArray<PackageIdentity>>
        {
            [TestLibraries.AspNetCore] = Create(("Microsoft.AspNetCore.App.Ref", "10.0.12")),
            [TestLibraries.ExtensionsAI] = Create(("Microsoft.Extensions.AI", "11.0.0"), ("Microsoft.Extensions.AI.Abstractions", "11.0.0")),
            [TestLibraries.OpenAI] = Create(("OpenAI", "2.15.0")),
            // Each set names the packages its others depend on at versions the global packages folder holds, so that every
            // set resolves on its own (the library looks a dependency up at its lowest allowed version, then falls back).
            [TestLibraries.AiPackages] = Create(
                ("Microsoft.Extensions.AI", "11.0.0"),
                ("Microsoft.Extensions.AI.Abstractions", "11.0.0"),
                ("OpenAI", "2.15.0"),
                ("Azure.Core", "1.60.0"),
                ("Microsoft.SemanticKernel", "1.82.0"),
                ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0"),
                ("Microsoft.Extensions.AI.OpenAI", "11.0.0"),
                ("Microsoft.Extensions.VectorData.Abstractions", "11.0.0"),
                ("Azure.AI.OpenAI", "2.9.0-beta.1"),
                ("Azure.AI.Inference", "1.0.0-beta.5"),
                ("Azure.Search.Documents", "11.5.1"),
                ("Qdrant.Client", "1.20.0"),
                ("OllamaSharp", "5.5.2"),
                ("Microsoft.Agents.AI", "1.28.0"),
                ("Microsoft.Azure.Functions.Worker", "2.52.0"),
                ("Microsoft.Azure.Functions.Worker.Extensions.Http", "3.3.0"),
                ("Microsoft.Azure.WebJobs", "3.0.48"),
                ("Microsoft.Azure.WebJobs.Extensions.Http", "3.2.0"),
                ("Grpc.Core.Api", "2.71.0"),
                ("Microsoft.Extensions.Http.Resilience", "11.0.0"),
                ("Microsoft.Extensions.Http.Polly", "11.0.0"),
                ("Polly.Core", "8.9.1")),
            [TestLibraries.LegacyAzureOpenAI] = Create(("Azure.AI.OpenAI", "1.0.0-beta.6"), ("Azure.Core", "1.60.0")),
            [TestLibraries.PreviousGeneration] = Create(("Microsoft.Extensions.AI.Abstractions", "10.11.0"), ("Microsoft.Extensions.VectorData.Abstractions", "9.7.0")),
        };

        /// <summary>The facade (file name) that stands in for the VectorData 9.0 previews.</summary>
        public const string VectorDataPreviewFacade = "Microsoft.Extensions.VectorData.Abstractions.Preview";

        /// <summary>The .NET 10 reference pack alone (<see cref="ReferenceAssemblies.Net.Net100"/> names a version this feed does not serve).</summary>
        private static readonly ReferenceAssemblies Net100 = new ReferenceAssemblies(
                "net10.0",
                new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
                Path.Combine("ref", "net10.0"))
            .WithNuGetConfigFilePath(WriteNuGetConfig());

        private static readonly Lazy<IReadOnlyDictionary<string, FacadeAssembly>> Facades = new(CompileFacades);
        private static readonly ConcurrentDictionary<TestLibraries, ImmutableArray<MetadataReference>> Resolved = new();

        /// <summary>The reference assemblies of a set of libraries, for <c>AnalyzerTest.ReferenceAssemblies</c>.</summary>
        public static ReferenceAssemblies AssembliesFor(TestLibraries libraries)
        {
            if (libraries.HasFlag(TestLibraries.PreviousGeneration) && libraries.HasFlag(TestLibraries.AiPackages))
            {
                throw new ArgumentException("The previous generation cannot be combined with the current AI packages, which need the current Microsoft.Extensions.AI.", nameof(libraries));
            }

            if (libraries.HasFlag(TestLibraries.LegacyAzureOpenAI) && !libraries.HasFlag(TestLibraries.AiPackages))
            {
                throw new ArgumentException("The legacy Azure OpenAI replaces 2.x among the AI packages; combine it with them (their graph supplies its dependencies).", nameof(libraries));
            }

            if (libraries.HasFlag(TestLibraries.VectorDataPreview) && libraries.HasFlag(TestLibraries.AiPackages))
            {
                throw new ArgumentException("The VectorData preview facade cannot be combined with the current AI packages, which reference the real VectorData.", nameof(libraries));
            }

            var packages = ImmutableArray.CreateBuilder<PackageIdentity>();
            foreach (var (set, identities) in Packages)
            {
                // Sets share packages (AiPackages names Microsoft.Extensions.AI and OpenAI too); each is added once.
                if (!libraries.HasFlag(set))
                {
                    continue;
                }

                // The previous generation replaces the current Microsoft.Extensions.AI; the legacy Azure OpenAI replaces 2.x
                // and drops the Semantic Kernel package that pulls in the Azure OpenAI connector (which needs 2.x).
                var replaced = identities.Where(p => !(set == TestLibraries.ExtensionsAI && libraries.HasFlag(TestLibraries.PreviousGeneration))
                    && !(set == TestLibraries.AiPackages && libraries.HasFlag(TestLibraries.LegacyAzureOpenAI) && p.Id is "Azure.AI.OpenAI" or "Microsoft.SemanticKernel"));
                packages.AddRange(replaced.Where(p => !packages.Contains(p)));
            }

            if (libraries.HasFlag(TestLibraries.VectorDataPreview))
            {
                // The preview facade references the real Microsoft.Extensions.AI.Abstractions.
                packages.AddRange(Packages[TestLibraries.ExtensionsAI].Where(p => !packages.Contains(p)));
            }

            return packages.Count == 0 ? Net100 : Net100.AddPackages(packages.ToImmutable());
        }

        /// <summary>The facades a set of libraries adds to its reference assemblies, for <c>TestState.AdditionalReferences</c>.</summary>
        public static ImmutableArray<MetadataReference> FacadesFor(TestLibraries libraries)
        {
            var references = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var facade in Facades.Value.Values)
            {
                var isPreview = facade.Name == VectorDataPreviewFacade;
                if (isPreview ? libraries.HasFlag(TestLibraries.VectorDataPreview) : libraries.HasFlag(TestLibraries.Facades))
                {
                    references.Add(facade.Reference);
                }
            }

            return references.ToImmutable();
        }

        /// <summary>Every reference of a set, for plain compilations outside the test library (unit tests, properties, the benchmark).</summary>
        public static ImmutableArray<MetadataReference> For(TestLibraries libraries) => Resolved.GetOrAdd(libraries, Resolve);

        /// <summary>The compiled facades by facade name (the file name without .cs), for tests of the facades themselves.</summary>
        public static IReadOnlyDictionary<string, FacadeAssembly> FacadeAssemblies => Facades.Value;

        private static ImmutableArray<MetadataReference> Resolve(TestLibraries libraries) =>
            ResolvePackages(AssembliesFor(libraries)).AddRange(FacadesFor(libraries));

        /// <summary>The assemblies of <paramref name="assemblies"/>, resolved once per instance by the library.</summary>
        public static ImmutableArray<MetadataReference> ResolvePackages(ReferenceAssemblies assemblies) =>
            // Test infrastructure resolving once per set and process, on a thread of its own: no context to deadlock.
            System.Threading.Tasks.Task.Run(() => assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).GetAwaiter().GetResult();

        private static ImmutableArray<PackageIdentity> Create(params (string Id, string Version)[] packages) =>
            packages.Select(p => new PackageIdentity(p.Id, p.Version)).ToImmutableArray();

        /// <summary>A NuGet.config with no package source: the library then reads the global packages folder only.</summary>
        private static string WriteNuGetConfig()
        {
            var folder = Path.Combine(Path.GetTempPath(), "ragsafety-test-references");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, NuGetConfigFileName);
            const string Config = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n";
            if (!File.Exists(path) || File.ReadAllText(path) != Config)
            {
                // Several test processes may start at once; the content is the same, so the last writer wins harmlessly.
                var temporary = path + "." + Guid.NewGuid().ToString("N");
                File.WriteAllText(temporary, Config);
                File.Move(temporary, path, overwrite: true);
            }

            return path;
        }

        private static IReadOnlyDictionary<string, FacadeAssembly> CompileFacades() =>
            // Facades are compiled against the real packages they name in their header, resolved with everything else.
            CompileFacades(ResolvePackages(AssembliesFor(TestLibraries.AspNetCore | TestLibraries.ExtensionsAI | TestLibraries.OpenAI | TestLibraries.AiPackages)));

        /// <summary>Every facade, compiled in dependency order against <paramref name="real"/> (the field test brings its own set).</summary>
        public static IReadOnlyDictionary<string, FacadeAssembly> CompileFacades(ImmutableArray<MetadataReference> real)
        {
            var sources = FacadeSource.ReadAll();
            var compiled = new Dictionary<string, FacadeAssembly>(StringComparer.Ordinal);

            FacadeAssembly Compile(FacadeSource source, ImmutableHashSet<string> inProgress)
            {
                if (compiled.TryGetValue(source.Name, out var done))
                {
                    return done;
                }

                if (inProgress.Contains(source.Name))
                {
                    throw new InvalidOperationException($"Facade references form a cycle through {source.Name}.");
                }

                // Every real assembly but one of the facade's own name (a facade of an older generation stands in for it),
                // and the facades the header names, by file name, then by assembly name.
                var references = new List<MetadataReference>(real.Where(r => Path.GetFileNameWithoutExtension(r.Display) != source.AssemblyName));
                foreach (var name in source.References)
                {
                    var dependency = sources.FirstOrDefault(s => s.Name == name) ?? sources.FirstOrDefault(s => s.AssemblyName == name && s.Name != VectorDataPreviewFacade);
                    if (dependency is not null)
                    {
                        references.Add(Compile(dependency, inProgress.Add(source.Name)).Reference);
                    }
                    else if (!real.Any(r => Path.GetFileNameWithoutExtension(r.Display) == name))
                    {
                        throw new InvalidOperationException($"Facade {source.Name} references '{name}', which is neither a facade nor an assembly of the test packages.");
                    }
                }

                var assembly = FacadeAssembly.Compile(source, references.Distinct().ToImmutableArray());
                compiled.Add(source.Name, assembly);
                return assembly;
            }

            foreach (var source in sources)
            {
                Compile(source, ImmutableHashSet<string>.Empty);
            }

            return compiled;
        }
    }

    /// <summary>One facade source file: the public API subset of one library, with its assembly identity and references.</summary>
    public sealed class FacadeSource
    {
        private FacadeSource(string name, string text, string assemblyName, Version version, ImmutableArray<string> references)
        {
            Name = name;
            Text = text;
            AssemblyName = assemblyName;
            Version = version;
            References = references;
        }

        public string Name { get; }

        public string Text { get; }

        public string AssemblyName { get; }

        public Version Version { get; }

        public ImmutableArray<string> References { get; }

        public static ImmutableArray<FacadeSource> ReadAll()
        {
            var assembly = typeof(FacadeSource).Assembly;
            return assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith("Facades/", StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
                .OrderBy(n => n, StringComparer.Ordinal)
                .Select(n =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                    return Parse(n.Substring("Facades/".Length, n.Length - "Facades/".Length - ".cs".Length), reader.ReadToEnd());
                })
                .ToImmutableArray();
        }

        /// <summary>Reads the <c>// Assembly: Name, Version=x</c> and <c>// References: a, b</c> header lines.</summary>
        public static FacadeSource Parse(string name, string text)
        {
            string? assemblyLine = null;
            var references = ImmutableArray<string>.Empty;
            foreach (var line in text.Split('\n').Take(12).Select(l => l.Trim()))
            {
                if (line.StartsWith("// Assembly:", StringComparison.Ordinal))
                {
                    assemblyLine = line.Substring("// Assembly:".Length).Trim();
                }
                else if (line.StartsWith("// References:", StringComparison.Ordinal))
                {
                    references = line.Substring("// References:".Length).Split(',').Select(r => r.Trim()).Where(r => r.Length > 0).ToImmutableArray();
                }
            }

            if (assemblyLine is null)
            {
                throw new InvalidOperationException($"Facade {name} has no '// Assembly: Name, Version=x.y.z.w' header line.");
            }

            var parts = assemblyLine.Split(',').Select(p => p.Trim()).ToArray();
            var versionPart = parts.Skip(1).FirstOrDefault(p => p.StartsWith("Version=", StringComparison.Ordinal));
            var version = versionPart is null ? new Version(1, 0, 0, 0) : Version.Parse(versionPart.Substring("Version=".Length));
            return new FacadeSource(name, text, parts[0], version, references);
        }
    }

    /// <summary>A facade compiled into an in-memory assembly.</summary>
    public sealed class FacadeAssembly
    {
        private FacadeAssembly(FacadeSource source, ImmutableArray<byte> image, ImmutableArray<Diagnostic> warnings)
        {
            Source = source;
            Image = image;
            Reference = MetadataReference.CreateFromImage(image, filePath: source.AssemblyName + ".dll");
            Warnings = warnings;
        }

        public FacadeSource Source { get; }

        public string Name => Source.Name;

        public string AssemblyName => Source.AssemblyName;

        public MetadataReference Reference { get; }

        /// <summary>The compiled assembly's bytes, for a compiler run outside this process (the benchmark's <c>--host</c> mode).</summary>
        public ImmutableArray<byte> Image { get; }

        public ImmutableArray<Diagnostic> Warnings { get; }

        public static FacadeAssembly Compile(FacadeSource source, ImmutableArray<MetadataReference> references)
        {
            var version = $"[assembly: System.Reflection.AssemblyVersion(\"{source.Version}\")]";
            var compilation = CSharpCompilation.Create(
                source.AssemblyName,
                new[]
                {
                    CSharpSyntaxTree.ParseText(source.Text, new CSharpParseOptions(LanguageVersion.Latest), path: source.Name + ".cs"),
                    CSharpSyntaxTree.ParseText(version, new CSharpParseOptions(LanguageVersion.Latest), path: source.Name + ".AssemblyInfo.cs"),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
                throw new InvalidOperationException($"Facade {source.Name} does not compile:{Environment.NewLine}{errors}");
            }

            var warnings = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray();
            return new FacadeAssembly(source, ImmutableArray.Create(image.ToArray()), warnings);
        }
    }
}
