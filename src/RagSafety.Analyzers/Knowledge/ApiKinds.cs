using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// Finer kinds of catalogued calls, for the rules that judge a request handler's intent (RAG020, RAG022): which AI calls
    /// answer a query, which index writes drop a whole collection, and which calls report ingestion status. By name, on
    /// methods the catalog already gives the role; an override or implementation shares its member's name.
    /// </summary>
    internal static class ApiKinds
    {
        /// <summary>
        /// AI calls that serve no query: embeddings (ingestion computes them too), speech, transcription, images (OpenAI's and
        /// Microsoft.Extensions.AI's), and reads of
        /// records by key. Every other AI call (chat, completion, responses, agent runs, kernel and prompt invocation, ask,
        /// vector, text, hybrid and index search) answers or retrieves for a question.
        /// </summary>
        private static readonly ImmutableHashSet<string> NonAnsweringNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "GenerateAsync", "GenerateVectorAsync", "GenerateAndZipAsync", "GenerateEmbeddingVectorAsync",
            "GenerateEmbedding", "GenerateEmbeddingAsync", "GenerateEmbeddings", "GenerateEmbeddingsAsync",
            "GetEmbeddings", "GetEmbeddingsAsync",
            "GenerateSpeech", "GenerateSpeechAsync", "TranscribeAudio", "TranscribeAudioAsync", "TranslateAudio", "TranslateAudioAsync",
            "GenerateImage", "GenerateImageAsync", "GenerateImages", "GenerateImagesAsync", "GenerateImageEdit", "GenerateImageEditAsync",
            "GenerateImageEdits", "GenerateImageEditsAsync", "GenerateImageVariation", "GenerateImageVariationAsync",
            "GenerateImageVariations", "GenerateImageVariationsAsync",
            "Embed", "EmbedAsync", "GenerateImagesAsync", "EditImagesAsync", "EditImageAsync",
            "GetTextAsync", "GetStreamingTextAsync", "GetAudioAsync", "GetStreamingAudioAsync",
            "GetAsync", "GetBatchAsync");

        /// <summary>Index writes that delete or rebuild a whole collection or index, not records in it.</summary>
        private static readonly ImmutableHashSet<string> CollectionDropNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "EnsureCollectionDeletedAsync", "DeleteCollectionAsync", "RecreateCollectionAsync", "DeleteIndex", "DeleteIndexAsync");

        /// <summary>Calls that ask how far a document's ingestion got (Kernel Memory, Azure AI Search indexers).</summary>
        public static readonly ImmutableHashSet<string> IngestionStatusNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "IsDocumentReadyAsync", "GetDocumentStatusAsync", "GetIndexerStatus", "GetIndexerStatusAsync");

        /// <summary>An AI call that answers or retrieves for a query (chat, ask, search), not an embedding or a key lookup. APIs added by the user count as answering.</summary>
        public static bool IsAnsweringCall(IMethodSymbol method, KnownApis apis) =>
            apis.IsAiCall(method) && (!NonAnsweringNames.Contains(method.Name) || apis.IsUserApi(method) || IsOllamaGenerate(method));

        /// <summary>OllamaSharp's <c>GenerateAsync</c> is text generation (a completion), not MEAI's embedding <c>GenerateAsync</c>.</summary>
        private static bool IsOllamaGenerate(IMethodSymbol method) =>
            method.Name == "GenerateAsync" && (method.ReducedFrom ?? method).ContainingType?.ContainingNamespace?.ToDisplayString() == "OllamaSharp"
            && Generations.IsGeneration(method);

        /// <summary>A catalogued index write that deletes or recreates a whole collection or index.</summary>
        public static bool IsCollectionDrop(IMethodSymbol method, KnownApis apis) =>
            CollectionDropNames.Contains(method.Name) && apis.IsIndexWrite(method);

        /// <summary>
        /// An import through Kernel Memory's web client: the call uploads the document to the Kernel Memory service, whose
        /// web service stores it and queues the ingestion pipeline for its background handlers (the service's documented
        /// design). The request waits for an upload, not for the ingestion.
        /// </summary>
        public static bool IsQueuedByService(IMethodSymbol method) =>
            method.Name.StartsWith("Import", StringComparison.Ordinal)
            && method.ContainingType is { Name: "MemoryWebClient" } type
            && type.ContainingNamespace?.ToDisplayString() == "Microsoft.KernelMemory";

        /// <summary>A library call that reports a document's ingestion status (polled in a loop, it keeps the request waiting for the pipeline).</summary>
        public static bool IsIngestionStatusCall(IMethodSymbol method)
        {
            if (!IngestionStatusNames.Contains(method.Name) || method.ContainingType is not { } type || type.DeclaringSyntaxReferences.Length > 0)
            {
                return false;
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns.StartsWith("Microsoft.KernelMemory", StringComparison.Ordinal) || ns == "Azure.Search.Documents.Indexes";
        }
    }
}
