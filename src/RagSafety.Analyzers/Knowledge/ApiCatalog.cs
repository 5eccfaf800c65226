using System.Collections.Immutable;
using System.Linq;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// The one list of APIs the rules reason about. Facts only (names and signatures from the libraries' public API);
    /// entries are resolved per compilation by <see cref="KnownApis"/>, and users add their own through .editorconfig.
    /// </summary>
    internal static partial class ApiCatalog
    {
        /// <summary>Library name for types of the .NET shared framework: their presence says nothing about AI use.</summary>
        public const string FrameworkLibrary = ".NET";

        /// <summary>Every catalogued API (see ApiCatalog.Entries.cs).</summary>
        public static ImmutableArray<ApiEntry> Entries { get; } = CreateEntries();

        /// <summary>
        /// Libraries catalogued for what they do to AI traffic (resilience pipelines, Polly), not AI libraries themselves:
        /// like .NET's own types, referencing one says nothing about AI use.
        /// </summary>
        public static ImmutableHashSet<string> SupportLibraries { get; } = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            "Polly.Core",
            "Polly",
            "Microsoft.Extensions.Http.Resilience",
            "Microsoft.Extensions.Http.Polly");

        /// <summary>The assemblies of the catalogued libraries other than .NET itself and the support libraries: referencing one means using AI.</summary>
        public static ImmutableHashSet<string> LibraryNames { get; } =
            Entries.Select(e => e.Library).Where(IsAiLibrary).ToImmutableHashSet(System.StringComparer.Ordinal);

        /// <summary>Whether an entry's library says the compilation uses AI (not .NET, not a support library).</summary>
        public static bool IsAiLibrary(string library) => library != FrameworkLibrary && !SupportLibraries.Contains(library);
    }
}
