using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// Metadata references for test compilations: the running .NET and ASP.NET Core frameworks, the real
    /// Microsoft.Extensions.AI.Abstractions and OpenAI packages, and the API facades, compiled once per test run.
    /// </summary>
    public static class TestReferences
    {
        private const string LegacyAzureOpenAIFacade = "Azure.AI.OpenAI.Legacy";

        private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore = new(() => FrameworkReferences(typeof(object)));
        private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore = new(() => FrameworkReferences(typeof(Microsoft.AspNetCore.Builder.WebApplication)));
        private static readonly Lazy<ImmutableArray<MetadataReference>> ExtensionsAI = new(() => FromAssemblies(typeof(Microsoft.Extensions.AI.IChatClient)));
        private static readonly Lazy<ImmutableArray<MetadataReference>> OpenAI = new(() => FromAssemblies(typeof(global::OpenAI.OpenAIClient), typeof(System.ClientModel.ApiKeyCredential), typeof(System.BinaryData)));
        private static readonly Lazy<IReadOnlyDictionary<string, FacadeAssembly>> Facades = new(CompileFacades);
        private static readonly ConcurrentDictionary<TestLibraries, ImmutableArray<MetadataReference>> Sets = new();

        public static ImmutableArray<MetadataReference> For(TestLibraries libraries) => Sets.GetOrAdd(libraries, Build);

        /// <summary>The compiled facades by facade name (the file name without .cs), for tests of the facades themselves.</summary>
        public static IReadOnlyDictionary<string, FacadeAssembly> FacadeAssemblies => Facades.Value;

        private static ImmutableArray<MetadataReference> Build(TestLibraries libraries)
        {
            var references = ImmutableArray.CreateBuilder<MetadataReference>();
            references.AddRange(NetCore.Value);
            if (libraries.HasFlag(TestLibraries.AspNetCore))
            {
                references.AddRange(AspNetCore.Value);
            }

            if (libraries.HasFlag(TestLibraries.ExtensionsAI))
            {
                references.AddRange(ExtensionsAI.Value);
            }

            if (libraries.HasFlag(TestLibraries.OpenAI))
            {
                references.AddRange(OpenAI.Value);
            }

            var legacy = libraries.HasFlag(TestLibraries.LegacyAzureOpenAI);
            foreach (var facade in Facades.Value.Values)
            {
                var isLegacy = facade.Name == LegacyAzureOpenAIFacade;
                var replacedByLegacy = legacy && !isLegacy && facade.AssemblyName == Facades.Value[LegacyAzureOpenAIFacade].AssemblyName;
                if ((isLegacy && legacy) || (!isLegacy && libraries.HasFlag(TestLibraries.Facades) && !replacedByLegacy))
                {
                    references.Add(facade.Reference);
                }
            }

            return references.ToImmutable();
        }

        /// <summary>The assemblies of a shared framework: every trusted-platform assembly in the folder of the given type.</summary>
        private static ImmutableArray<MetadataReference> FrameworkReferences(Type typeInFramework)
        {
            var folder = Path.GetDirectoryName(typeInFramework.Assembly.Location)!;
            var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return trusted
                .Where(path => string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal))
                .Where(IsManagedAssembly)
                .OrderBy(path => path, StringComparer.Ordinal)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
                .ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> FromAssemblies(params Type[] types) =>
            types.Select(t => (MetadataReference)MetadataReference.CreateFromFile(t.Assembly.Location)).ToImmutableArray();

        private static bool IsManagedAssembly(string path)
        {
            try
            {
                AssemblyName.GetAssemblyName(path);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }

        private static IReadOnlyDictionary<string, FacadeAssembly> CompileFacades()
        {
            var sources = FacadeSource.ReadAll();
            var compiled = new Dictionary<string, FacadeAssembly>(StringComparer.Ordinal);
            var realPackages = new Dictionary<string, ImmutableArray<MetadataReference>>(StringComparer.Ordinal)
            {
                ["Microsoft.Extensions.AI.Abstractions"] = ExtensionsAI.Value,
                ["OpenAI"] = OpenAI.Value,
                ["System.ClientModel"] = OpenAI.Value,
                ["System.Memory.Data"] = OpenAI.Value,
            };

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

                var references = new List<MetadataReference>(NetCore.Value.Concat(AspNetCore.Value));
                foreach (var name in source.References)
                {
                    if (realPackages.TryGetValue(name, out var package))
                    {
                        references.AddRange(package);
                        continue;
                    }

                    // A name is a facade's file name, or the assembly name of the facade of that name (the non-legacy one first).
                    var dependency = sources.FirstOrDefault(s => s.Name == name) ?? sources.FirstOrDefault(s => s.AssemblyName == name)
                        ?? throw new InvalidOperationException($"Facade {source.Name} references '{name}', which is neither a facade nor a known package.");
                    references.Add(Compile(dependency, inProgress.Add(source.Name)).Reference);
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
            foreach (var line in text.Split('\n').Take(10).Select(l => l.Trim()))
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
        private FacadeAssembly(FacadeSource source, MetadataReference reference, ImmutableArray<Diagnostic> warnings)
        {
            Source = source;
            Reference = reference;
            Warnings = warnings;
        }

        public FacadeSource Source { get; }

        public string Name => Source.Name;

        public string AssemblyName => Source.AssemblyName;

        public MetadataReference Reference { get; }

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
            return new FacadeAssembly(source, MetadataReference.CreateFromImage(image.ToArray(), filePath: source.AssemblyName + ".dll"), warnings);
        }
    }
}
