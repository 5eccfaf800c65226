using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> AzureEntries()
        {
            // Azure.Core: credentials, the HttpClient sink and the network timeout of every Azure.Core-based client.
            const string Core = "Azure.Core";
            yield return Parameter(ApiRole.CredentialParameter, "Azure.AzureKeyCredential", ".ctor", "key", Core);
            // AzureKeyCredential.Update is ApiKeyCredential.Update (System.ClientModel) since Azure.Core 1.4x: catalogued there.
            yield return Parameter(ApiRole.ConnectorSink, "Azure.Core.Pipeline.HttpClientTransport", ".ctor", "client", Core);
            yield return Member(ApiRole.TimeoutOption, "Azure.Core.RetryOptions", "NetworkTimeout", Core);

            // Azure AI Search.
            const string Search = "Azure.Search.Documents";
            const string SearchClient = "Azure.Search.Documents.SearchClient";
            const string IndexClient = "Azure.Search.Documents.Indexes.SearchIndexClient";
            yield return Type(ApiRole.ThreadSafeClient, SearchClient, Search);
            yield return Type(ApiRole.ThreadSafeClient, IndexClient, Search);
            yield return Member(ApiRole.AiCall, SearchClient, "Search", Search);
            yield return Member(ApiRole.AiCall, SearchClient, "SearchAsync", Search);
            foreach (var write in new[] { "UploadDocuments", "MergeOrUploadDocuments", "MergeDocuments", "DeleteDocuments", "IndexDocuments" })
            {
                yield return Member(ApiRole.IndexWrite, SearchClient, write, Search);
                yield return Member(ApiRole.IndexWrite, SearchClient, write + "Async", Search);
            }

            foreach (var write in new[] { "CreateIndex", "CreateOrUpdateIndex", "DeleteIndex" })
            {
                yield return Member(ApiRole.IndexWrite, IndexClient, write, Search);
                yield return Member(ApiRole.IndexWrite, IndexClient, write + "Async", Search);
            }

            // Azure.AI.OpenAI 2.x: an OpenAI.OpenAIClient subclass (its Get…Client methods and the clients they return are
            // catalogued with OpenAI); the options derive from System.ClientModel's ClientPipelineOptions (NetworkTimeout).
            const string AzureOpenAI = "Azure.AI.OpenAI";
            yield return Type(ApiRole.ThreadSafeClient, "Azure.AI.OpenAI.AzureOpenAIClient", AzureOpenAI);

            // Azure.AI.OpenAI 1.0.0-beta: same assembly name, its own OpenAIClient (tests reference one generation or the other).
            const string LegacyClient = "Azure.AI.OpenAI.OpenAIClient";
            yield return Type(ApiRole.ThreadSafeClient, LegacyClient, AzureOpenAI);
            yield return Type(ApiRole.RequestOptions, "Azure.AI.OpenAI.ChatCompletionsOptions", AzureOpenAI);
            foreach (var call in new[] { "GetChatCompletions", "GetChatCompletionsStreaming", "GetCompletions", "GetCompletionsStreaming", "GetEmbeddings" })
            {
                yield return Member(ApiRole.AiCall, LegacyClient, call, AzureOpenAI);
                yield return Member(ApiRole.AiCall, LegacyClient, call + "Async", AzureOpenAI);
            }

            yield return Parameter(ApiRole.CredentialParameter, LegacyClient, ".ctor", "openAIApiKey", AzureOpenAI);

            // Azure.AI.Inference (1.0.0-beta.5): Azure.Core clients for Azure AI Foundry / GitHub Models endpoints. Each call has a
            // synchronous twin; the network timeout is AzureAIInferenceClientOptions.Retry.NetworkTimeout (Azure.Core,
            // catalogued above), the key an AzureKeyCredential (catalogued above).
            const string Inference = "Azure.AI.Inference";
            const string Completions = "Azure.AI.Inference.ChatCompletionsClient";
            yield return Type(ApiRole.ThreadSafeClient, Completions, Inference);
            yield return Type(ApiRole.ThreadSafeClient, "Azure.AI.Inference.EmbeddingsClient", Inference);
            yield return Type(ApiRole.ThreadSafeClient, "Azure.AI.Inference.ImageEmbeddingsClient", Inference);
            foreach (var call in new[] { "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync" })
            {
                yield return Member(ApiRole.AiCall, Completions, call, Inference);
            }

            foreach (var call in new[] { "Embed", "EmbedAsync" })
            {
                yield return Member(ApiRole.AiCall, "Azure.AI.Inference.EmbeddingsClient", call, Inference);
                yield return Member(ApiRole.AiCall, "Azure.AI.Inference.ImageEmbeddingsClient", call, Inference);
            }

            // ChatCompletionsOptions carries the conversation's Messages and the tools: per request, like the 1.0 beta's.
            yield return Type(ApiRole.RequestOptions, "Azure.AI.Inference.ChatCompletionsOptions", Inference);
            yield return Type(ApiRole.RequestOptions, "Azure.AI.Inference.EmbeddingsOptions", Inference);
        }
    }
}
