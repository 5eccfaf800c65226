using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> ExtensionsAIEntries()
        {
            const string Lib = "Microsoft.Extensions.AI.Abstractions";
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.AI.IChatClient", Lib);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.AI.IEmbeddingGenerator`2", Lib);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.AI.IEmbeddingGenerator", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.IChatClient", "GetResponseAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.IChatClient", "GetStreamingResponseAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.ChatClientExtensions", "GetResponseAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.ChatClientExtensions", "GetStreamingResponseAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.IEmbeddingGenerator`2", "GenerateAsync", Lib);

            // 10.11 declares no GenerateEmbeddingAsync; GenerateAsync(value) is the single-value form.
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", "GenerateAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", "GenerateVectorAsync", Lib);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.EmbeddingGeneratorExtensions", "GenerateAndZipAsync", Lib);
            // Microsoft.Extensions.AI: structured output, GetResponseAsync<T> (a chat call that deserializes the answer).
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions", "GetResponseAsync", "Microsoft.Extensions.AI");

            yield return Type(ApiRole.ConversationMessage, "Microsoft.Extensions.AI.ChatMessage", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.ChatOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.EmbeddingGenerationOptions", Lib);
        }
    }
}
