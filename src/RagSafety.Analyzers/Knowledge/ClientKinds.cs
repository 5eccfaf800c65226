using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>What traffic an AI client carries, as far as its type tells.</summary>
    internal enum ClientKind
    {
        /// <summary>Embeddings, search, audio, images, realtime, moderation, files: calls that finish quickly or stream.</summary>
        Other,

        /// <summary>Chat, responses and text generation: one call can run for minutes.</summary>
        Generation,

        /// <summary>A root client that hands out the others (<c>OpenAIClient</c>, <c>AzureOpenAIClient</c>): its use decides.</summary>
        RootClient,

        /// <summary>A vector database client whose default sets no deadline at all (Qdrant's gRPC client).</summary>
        VectorDatabase,
    }

    /// <summary>What an HttpClient handed to a connector sink carries.</summary>
    internal enum SinkKind
    {
        /// <summary>A chat or text generation connector (Semantic Kernel chat completion, OllamaSharp, Kernel Memory's web client).</summary>
        Generation,

        /// <summary>An embedding connector (SK embedding services, <c>MemoryBuilder.WithHttpClient</c>): its calls are short.</summary>
        Embedding,

        /// <summary>A transport of SDK options (<c>HttpClientPipelineTransport</c>, Azure.Core <c>HttpClientTransport</c>): the client that takes the options decides.</summary>
        Transport,
    }

    /// <summary>
    /// Which AI clients and connectors carry generation traffic, the calls a default 100-second timeout cuts off. Shared by
    /// RAG030 (an HttpClient needs evidence that it carries generation traffic) and RAG031 (only generation clients and
    /// Qdrant are reported). By metadata name: the catalog's roles say a type is a client, not what its calls return.
    /// </summary>
    internal static class ClientKinds
    {
        private static readonly ImmutableHashSet<string> GenerationClients = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "OpenAI.Chat.ChatClient",
            "OpenAI.Responses.ResponsesClient",
            "OpenAI.Responses.OpenAIResponseClient",
            "OpenAI.Assistants.AssistantClient",
            "Azure.AI.Inference.ChatCompletionsClient",
            "OllamaSharp.OllamaApiClient",
            "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService",
            "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService");

        private static readonly ImmutableHashSet<string> RootClients = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "OpenAI.OpenAIClient",
            "Azure.AI.OpenAI.AzureOpenAIClient",
            "Azure.AI.OpenAI.OpenAIClient");

        private static readonly ImmutableHashSet<string> VectorDatabaseClients = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Qdrant.Client.QdrantClient");

        /// <summary>Members of a root client that hand out, or are, generation (<c>GetChatClient</c>, the 1.0 beta's <c>GetChatCompletions</c>).</summary>
        private static readonly ImmutableHashSet<string> GenerationMembers = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "GetChatClient",
            "GetResponsesClient",
            "GetOpenAIResponseClient",
            "GetAssistantClient",
            "AsChatClient",
            "AsIChatClient",
            "GetChatCompletions",
            "GetChatCompletionsAsync",
            "GetChatCompletionsStreaming",
            "GetChatCompletionsStreamingAsync",
            "GetCompletions",
            "GetCompletionsAsync");

        /// <summary>The kind of a client type (its own class chain, by metadata name).</summary>
        public static ClientKind Of(ITypeSymbol? type)
        {
            for (var current = type as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                var name = MetadataName(current.OriginalDefinition);
                if (GenerationClients.Contains(name))
                {
                    return ClientKind.Generation;
                }

                if (RootClients.Contains(name))
                {
                    return ClientKind.RootClient;
                }

                if (VectorDatabaseClients.Contains(name))
                {
                    return ClientKind.VectorDatabase;
                }
            }

            return ClientKind.Other;
        }

        /// <summary>Whether a member called on a root client hands out (or makes) a generation call.</summary>
        public static bool IsGenerationMember(string name) => GenerationMembers.Contains(name);

        /// <summary>
        /// What a catalogued sink carries: embedding connectors are named so (<c>AddOpenAITextEmbeddingGeneration</c>,
        /// <c>AzureOpenAITextEmbeddingGenerationService</c>) or are SK's memory builder; transports are named so; the rest
        /// (chat completion, chat clients, OllamaSharp, Kernel Memory's web client, the user's own sinks) carry generation.
        /// </summary>
        public static SinkKind SinkOf(IMethodSymbol sink)
        {
            var type = sink.ContainingType?.Name ?? string.Empty;
            if (type.EndsWith("Transport", StringComparison.Ordinal))
            {
                return SinkKind.Transport;
            }

            var name = sink.MethodKind == MethodKind.Constructor ? type : sink.Name;
            return name.IndexOf("Embedding", StringComparison.Ordinal) >= 0 || (type == "MemoryBuilder" && sink.Name == "WithHttpClient")
                ? SinkKind.Embedding
                : SinkKind.Generation;
        }

        /// <summary>
        /// Whether a catalogued generation sink builds its own HttpClient when none is passed: Semantic Kernel's connectors
        /// (through its HttpClientProvider: the app's DI HttpClient or a new one) and OllamaSharp's client (a new one). Either
        /// way the client's 100-second default is the model call's only timeout, because SK turns the SDK's own network
        /// timeout off.
        /// </summary>
        public static bool BuildsOwnHttpClient(ApiEntry sink) =>
            sink.Role == ApiRole.ConnectorSink
            && (sink.Library.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal) || sink.Library == "OllamaSharp");

        /// <summary>
        /// A Semantic Kernel registration (an extension method) given no HttpClient takes the one DI builds
        /// (<c>HttpClientProvider.GetHttpClient(httpClient, serviceProvider)</c>): the factory's default client, which
        /// <c>ConfigureHttpClientDefaults</c> configures. The Ollama connector's endpoint overloads (no HttpClient parameter)
        /// build an <c>OllamaApiClient</c> of their own instead.
        /// </summary>
        public static bool TakesHttpClientFromServices(ApiEntry sink, IMethodSymbol definition, bool hasHttpClientParameter) =>
            BuildsOwnHttpClient(sink)
            && definition.IsExtensionMethod
            && sink.Library.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal)
            && (hasHttpClientParameter || sink.Library.IndexOf("Ollama", StringComparison.Ordinal) < 0);

        /// <summary>
        /// Path endings of generation endpoints: OpenAI-compatible chat and text completions, the Responses API, Ollama's
        /// chat and generate, Gemini's generateContent. A URL whose path (before a query string) ends with one, after a
        /// <c>/</c> or <c>:</c> or as the whole text, is a call that returns only when the answer is generated, unless streamed.
        /// </summary>
        private static readonly string[] GenerationEndpoints = { "chat/completions", "completions", "api/chat", "api/generate", "v1/responses", "openai/responses", "generateContent" };

        /// <summary>The generation endpoint a piece of URL text ends with (<c>chat/completions</c> in <c>"/v1/chat/completions?api-version="</c>), or null.</summary>
        public static string? GenerationEndpointIn(string text)
        {
            var query = text.IndexOf('?');
            var path = (query >= 0 ? text.Substring(0, query) : text).TrimEnd('/');
            foreach (var endpoint in GenerationEndpoints)
            {
                if (path.EndsWith(endpoint, StringComparison.OrdinalIgnoreCase)
                    && (path.Length == endpoint.Length || path[path.Length - endpoint.Length - 1] is '/' or ':'))
                {
                    return endpoint;
                }
            }

            return null;
        }

        private static string MetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
            }

            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }
    }
}
