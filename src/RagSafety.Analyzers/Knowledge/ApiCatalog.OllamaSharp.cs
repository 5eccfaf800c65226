using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> OllamaSharpEntries()
        {
            // OllamaSharp: OllamaApiClient is an IChatClient and IEmbeddingGenerator (its calls are AI calls through those
            // interfaces) that owns an HttpClient: the one handed to OllamaApiClient(HttpClient client, …), or one it
            // builds itself from a URI or a Configuration, whose Timeout is then the 100-second default.
            const string Lib = "OllamaSharp";
            yield return Type(ApiRole.ThreadSafeClient, "OllamaSharp.OllamaApiClient", Lib);
            yield return Parameter(ApiRole.ConnectorSink, "OllamaSharp.OllamaApiClient", ".ctor", "client", Lib);
        }
    }
}
