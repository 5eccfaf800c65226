using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> OllamaSharpEntries()
        {
            // OllamaSharp 5.x: OllamaApiClient is an IChatClient and IEmbeddingGenerator (its calls are AI calls through those
            // interfaces) that owns an HttpClient: the one handed to OllamaApiClient(HttpClient client, …), or one it
            // builds itself from a URI or a Configuration, whose Timeout is then the 100-second default.
            const string Lib = "OllamaSharp";
            const string Client = "OllamaSharp.IOllamaApiClient";
            const string Extensions = "OllamaSharp.OllamaApiClientExtensions";
            yield return Type(ApiRole.ThreadSafeClient, "OllamaSharp.OllamaApiClient", Lib);
            yield return Type(ApiRole.ThreadSafeClient, Client, Lib);
            yield return Parameter(ApiRole.ConnectorSink, "OllamaSharp.OllamaApiClient", ".ctor", "client", Lib);

            // The native API: ChatAsync and GenerateAsync return IAsyncEnumerable streams (the generation runs while they are
            // enumerated; waiting on a consumer such as StreamToEndAsync waits on it); EmbedAsync is one embedding request.
            // OllamaApiClient implements them, so calls on the class take the role too.
            yield return Member(ApiRole.AiCall, Client, "ChatAsync", Lib);
            yield return Member(ApiRole.AiCall, Client, "GenerateAsync", Lib);
            yield return Member(ApiRole.AiCall, Client, "EmbedAsync", Lib);
            yield return Member(ApiRole.AiCall, Extensions, "GenerateAsync", Lib);
            yield return Member(ApiRole.AiCall, Extensions, "EmbedAsync", Lib);

            // OllamaSharp.Chat keeps one conversation: its Messages list grows with every SendAsync, and each send is a chat call.
            yield return Type(ApiRole.ConversationState, "OllamaSharp.Chat", Lib);
            yield return Member(ApiRole.AiCall, "OllamaSharp.Chat", "SendAsync", Lib);
            yield return Member(ApiRole.AiCall, "OllamaSharp.Chat", "SendAsAsync", Lib);

            // Requests: ChatRequest holds the conversation's messages; RequestOptions the model parameters (temperature, …).
            yield return Type(ApiRole.RequestOptions, "OllamaSharp.Models.Chat.ChatRequest", Lib);
            yield return Type(ApiRole.RequestOptions, "OllamaSharp.Models.RequestOptions", Lib);

            // Semantic Kernel's Ollama connector (Microsoft.SemanticKernel.Connectors.Ollama, prerelease): its registrations
            // create an OllamaApiClient, over the httpClient given, the app's DI HttpClient or a new one (SK's
            // HttpClientProvider), or from the endpoint URI alone (OllamaSharp's own client). Overloads that take an
            // OllamaApiClient use that client.
            const string SkOllama = "Microsoft.SemanticKernel.Connectors.Ollama";
            foreach (var (type, member) in new[]
            {
                ("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions", "AddOllamaChatCompletion"),
                ("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions", "AddOllamaTextGeneration"),
                ("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions", "AddOllamaTextEmbeddingGeneration"),
                ("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions", "AddOllamaChatClient"),
                ("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions", "AddOllamaEmbeddingGenerator"),
                ("Microsoft.SemanticKernel.OllamaServiceCollectionExtensions", "AddOllamaChatCompletion"),
                ("Microsoft.SemanticKernel.OllamaServiceCollectionExtensions", "AddOllamaTextGeneration"),
                ("Microsoft.SemanticKernel.OllamaServiceCollectionExtensions", "AddOllamaTextEmbeddingGeneration"),
                ("Microsoft.Extensions.DependencyInjection.OllamaServiceCollectionExtensions", "AddOllamaChatClient"),
                ("Microsoft.Extensions.DependencyInjection.OllamaServiceCollectionExtensions", "AddOllamaEmbeddingGenerator"),
            })
            {
                yield return Parameter(ApiRole.ConnectorSink, type, member, "httpClient", SkOllama);
            }
        }
    }
}
