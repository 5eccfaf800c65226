using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> KernelMemoryEntries()
        {
            const string Abstractions = "Microsoft.KernelMemory.Abstractions";
            const string Memory = "Microsoft.KernelMemory.IKernelMemory";

            // IKernelMemory covers MemoryServerless and MemoryWebClient (both implement it) and the app's own implementations.
            yield return Type(ApiRole.ThreadSafeClient, Memory, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.KernelMemory.MemoryWebClient", "Microsoft.KernelMemory.WebClient");
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.KernelMemory.MemoryServerless", "Microsoft.KernelMemory.Core");

            yield return Member(ApiRole.AiCall, Memory, "SearchAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Memory, "AskStreamingAsync", Abstractions);
            yield return Member(ApiRole.AiCall, "Microsoft.KernelMemory.KernelMemoryExtensions", "AskAsync", Abstractions);

            yield return Member(ApiRole.IndexWrite, Memory, "ImportDocumentAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, Memory, "ImportTextAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, Memory, "ImportWebPageAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, Memory, "DeleteDocumentAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, Memory, "DeleteIndexAsync", Abstractions);

            // MemoryWebClient(string endpoint, HttpClient client, string? apiKey = "", string apiKeyHeader = "Authorization").
            yield return Parameter(ApiRole.ConnectorSink, "Microsoft.KernelMemory.MemoryWebClient", ".ctor", "client", "Microsoft.KernelMemory.WebClient");
            yield return Parameter(ApiRole.CredentialParameter, "Microsoft.KernelMemory.MemoryWebClient", ".ctor", "apiKey", "Microsoft.KernelMemory.WebClient");

            // Credentials of the OpenAI / Azure OpenAI connectors. WithOpenAIDefaults lives in the AI.OpenAI assembly's part of
            // the partial class Microsoft.KernelMemory.KernelMemoryBuilderExtensions, whose name other KM assemblies share too.
            yield return Member(ApiRole.CredentialParameter, "Microsoft.KernelMemory.OpenAIConfig", "APIKey", "Microsoft.KernelMemory.AI.OpenAI");
            yield return Member(ApiRole.CredentialParameter, "Microsoft.KernelMemory.AzureOpenAIConfig", "APIKey", "Microsoft.KernelMemory.AI.AzureOpenAI");
            yield return Parameter(ApiRole.CredentialParameter, "Microsoft.KernelMemory.KernelMemoryBuilderExtensions", "WithOpenAIDefaults", "apiKey", "Microsoft.KernelMemory.AI.OpenAI");
        }
    }
}
