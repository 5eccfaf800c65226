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

            // Image generation, speech to text and text to speech (experimental in 10.x and 11.0, whose public APIs are the
            // same): generations of seconds, made through these interfaces and their extension methods.
            const string Images = "Microsoft.Extensions.AI.IImageGenerator";
            const string SpeechToText = "Microsoft.Extensions.AI.ISpeechToTextClient";
            const string TextToSpeech = "Microsoft.Extensions.AI.ITextToSpeechClient";
            yield return Type(ApiRole.ThreadSafeClient, Images, Lib);
            yield return Type(ApiRole.ThreadSafeClient, SpeechToText, Lib);
            yield return Type(ApiRole.ThreadSafeClient, TextToSpeech, Lib);
            yield return Member(ApiRole.AiCall, Images, "GenerateAsync", Lib);
            foreach (var call in new[] { "GenerateImagesAsync", "EditImagesAsync", "EditImageAsync" })
            {
                yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.ImageGeneratorExtensions", call, Lib);
            }

            foreach (var call in new[] { "GetTextAsync", "GetStreamingTextAsync" })
            {
                yield return Member(ApiRole.AiCall, SpeechToText, call, Lib);
                yield return Member(ApiRole.AiCall, "Microsoft.Extensions.AI.SpeechToTextClientExtensions", call, Lib);
            }

            yield return Member(ApiRole.AiCall, TextToSpeech, "GetAudioAsync", Lib);
            yield return Member(ApiRole.AiCall, TextToSpeech, "GetStreamingAudioAsync", Lib);

            yield return Type(ApiRole.ConversationMessage, "Microsoft.Extensions.AI.ChatMessage", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.ChatOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.EmbeddingGenerationOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.ImageGenerationOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.SpeechToTextOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "Microsoft.Extensions.AI.TextToSpeechOptions", Lib);
        }
    }
}
