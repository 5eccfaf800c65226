using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> OpenAIEntries()
        {
            // OpenAI 2.x: the clients are thread-safe and meant to be shared; messages and options are per request.
            const string Lib = "OpenAI";
            const string Chat = "OpenAI.Chat.ChatClient";
            const string Embeddings = "OpenAI.Embeddings.EmbeddingClient";
            const string Responses = "OpenAI.Responses.ResponsesClient";
            yield return Type(ApiRole.ThreadSafeClient, "OpenAI.OpenAIClient", Lib);
            yield return Type(ApiRole.ThreadSafeClient, Chat, Lib);
            yield return Type(ApiRole.ThreadSafeClient, Embeddings, Lib);
            yield return Type(ApiRole.ThreadSafeClient, Responses, Lib);
            yield return Type(ApiRole.ThreadSafeClient, "OpenAI.Audio.AudioClient", Lib);
            yield return Type(ApiRole.ThreadSafeClient, "OpenAI.Images.ImageClient", Lib);

            foreach (var call in new[] { "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync" })
            {
                yield return Member(ApiRole.AiCall, Chat, call, Lib);
            }

            foreach (var call in new[] { "GenerateEmbedding", "GenerateEmbeddingAsync", "GenerateEmbeddings", "GenerateEmbeddingsAsync" })
            {
                yield return Member(ApiRole.AiCall, Embeddings, call, Lib);
            }

            foreach (var call in new[] { "CreateResponse", "CreateResponseAsync", "CreateResponseStreamingAsync" })
            {
                yield return Member(ApiRole.AiCall, Responses, call, Lib);
            }

            // Speech, transcription and image generation: generation calls that take seconds (RAG011 finds their sync forms).
            foreach (var call in new[] { "GenerateSpeech", "TranscribeAudio", "TranslateAudio" })
            {
                yield return Member(ApiRole.AiCall, "OpenAI.Audio.AudioClient", call, Lib);
                yield return Member(ApiRole.AiCall, "OpenAI.Audio.AudioClient", call + "Async", Lib);
            }

            foreach (var call in new[] { "GenerateImage", "GenerateImages", "GenerateImageEdit", "GenerateImageEdits", "GenerateImageVariation", "GenerateImageVariations" })
            {
                yield return Member(ApiRole.AiCall, "OpenAI.Images.ImageClient", call, Lib);
                yield return Member(ApiRole.AiCall, "OpenAI.Images.ImageClient", call + "Async", Lib);
            }

            yield return Type(ApiRole.ConversationMessage, "OpenAI.Chat.ChatMessage", Lib);
            yield return Type(ApiRole.RequestOptions, "OpenAI.Chat.ChatCompletionOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "OpenAI.Embeddings.EmbeddingGenerationOptions", Lib);
            yield return Type(ApiRole.RequestOptions, "OpenAI.Responses.CreateResponseOptions", Lib);

            yield return Parameter(ApiRole.CredentialParameter, "OpenAI.OpenAIClient", ".ctor", "apiKey", Lib);
            yield return Parameter(ApiRole.CredentialParameter, Chat, ".ctor", "apiKey", Lib);
            yield return Parameter(ApiRole.CredentialParameter, Embeddings, ".ctor", "apiKey", Lib);
            yield return Parameter(ApiRole.CredentialParameter, Responses, ".ctor", "apiKey", Lib);
            yield return Parameter(ApiRole.CredentialParameter, "OpenAI.Audio.AudioClient", ".ctor", "apiKey", Lib);
            yield return Parameter(ApiRole.CredentialParameter, "OpenAI.Images.ImageClient", ".ctor", "apiKey", Lib);

            // System.ClientModel: the credential, the HttpClient sink and the network timeout of every OpenAI (and Azure OpenAI 2.x) client.
            const string ClientModel = "System.ClientModel";
            yield return Parameter(ApiRole.CredentialParameter, "System.ClientModel.ApiKeyCredential", ".ctor", "key", ClientModel);
            yield return Parameter(ApiRole.CredentialParameter, "System.ClientModel.ApiKeyCredential", "Update", "key", ClientModel);
            yield return Parameter(ApiRole.ConnectorSink, "System.ClientModel.Primitives.HttpClientPipelineTransport", ".ctor", "client", ClientModel);
            yield return Member(ApiRole.TimeoutOption, "System.ClientModel.Primitives.ClientPipelineOptions", "NetworkTimeout", ClientModel);
        }
    }
}
