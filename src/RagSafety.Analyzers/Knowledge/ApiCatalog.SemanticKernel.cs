using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> SemanticKernelEntries()
        {
            yield break;
        }
    }
}
