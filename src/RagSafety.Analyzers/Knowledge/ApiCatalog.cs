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

        /// <summary>The assemblies of the catalogued libraries other than .NET itself: referencing one means using AI.</summary>
        public static ImmutableHashSet<string> LibraryNames { get; } =
            Entries.Select(e => e.Library).Where(l => l != FrameworkLibrary).ToImmutableHashSet(System.StringComparer.Ordinal);
    }
}
