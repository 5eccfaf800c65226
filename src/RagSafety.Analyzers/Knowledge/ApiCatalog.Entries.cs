using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static ImmutableArray<ApiEntry> CreateEntries() => FrameworkEntries()
            .Concat(ExtensionsAIEntries())
            .Concat(AgentFrameworkEntries())
            .Concat(OpenAIEntries())
            .Concat(SemanticKernelEntries())
            .Concat(VectorStoreEntries())
            .Concat(KernelMemoryEntries())
            .Concat(AzureEntries())
            .Concat(OllamaSharpEntries())
            .Concat(ResilienceEntries())
            .ToImmutableArray();

        private static IEnumerable<ApiEntry> FrameworkEntries()
        {
            const string Net = FrameworkLibrary;
            yield return Type(ApiRole.ThreadSafeClient, "System.Net.Http.HttpClient", Net);
            yield return Member(ApiRole.TimeoutOption, "System.Net.Http.HttpClient", "Timeout", Net);
        }

        private static ApiEntry Type(ApiRole role, string typeName, string library) => new(role, typeName, null, null, library);

        private static ApiEntry Member(ApiRole role, string typeName, string member, string library) => new(role, typeName, member, null, library);

        private static ApiEntry Parameter(ApiRole role, string typeName, string member, string parameter, string library) => new(role, typeName, member, parameter, library);
    }
}
