using System.ClientModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace RagSample.Unsafe;

/// <summary>
/// The model: offline stand-ins by default; with <c>OPENAI_BASE_URL</c> set, an OpenAI-compatible endpoint reached
/// with a client built per call, a key in the source and no timeout.
/// </summary>
public static class ModelCalls
{
    internal static readonly ApiKeyCredential Credential = new("sk-ragsample-3f9a1c7e5b2d4086a1e9c3b7d5f20e48"); // RAG060

    private static readonly string? BaseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL")?.TrimEnd('/');

    private static readonly string ChatModel = Environment.GetEnvironmentVariable("OPENAI_CHAT_MODEL") ?? "gpt-4o-mini";

    private static readonly string EmbeddingModel = Environment.GetEnvironmentVariable("OPENAI_EMBEDDING_MODEL") ?? "text-embedding-3-small";

    /// <summary>The configured OpenAI-compatible endpoint, or null for OpenAI itself.</summary>
    public static Uri? Endpoint => BaseUrl is null ? null : new Uri(BaseUrl);

    public static string Model => ChatModel;

    public static IChatClient CreateChatClient() => BaseUrl is null ? new ExtractiveChatClient() : new RemoteChatClient();

    public static IEmbeddingGenerator<string, Embedding<float>> CreateEmbedder() => BaseUrl is null ? new HashingEmbedder() : new RemoteEmbedder();

    /// <summary>
    /// Asks the model to summarize one chunk for the question: offline through the shared options, whose instructions
    /// a concurrent summary may replace before the call reads them; online a raw HTTP call on a fresh HttpClient that
    /// never times out.
    /// </summary>
    public static async Task<string> SummarizeAsync(string text, string question, CancellationToken cancellationToken = default)
    {
        var instructions = $"Summarize this for the question '{question}'.";
        if (BaseUrl is null)
        {
            RagEngine.Options.Instructions = instructions;
            var local = await RagEngine.Chat.GetResponseAsync(text, RagEngine.Options); // RAG050
            return local.Text;
        }

        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // RAG030 RAG032
        Credential.Deconstruct(out var key);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = new { model = ChatModel, messages = new[] { new { role = "system", content = instructions }, new { role = "user", content = text } } };
        var response = await http.PostAsJsonAsync(BaseUrl + "/chat/completions", body);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString() ?? string.Empty;
    }

    /// <summary>IChatClient over the OpenAI SDK, building a client for every call and calling it synchronously.</summary>
    private sealed class RemoteChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var client = new ChatClient(ChatModel, Credential, new OpenAIClientOptions { Endpoint = new Uri(BaseUrl!) }); // RAG031
            var request = new List<OpenAI.Chat.ChatMessage>();
            if (options?.Instructions is { } instructions)
            {
                request.Add(new SystemChatMessage(instructions));
            }

            foreach (var message in messages)
            {
                request.Add(message.Role == ChatRole.Assistant ? new AssistantChatMessage(message.Text) : new UserChatMessage(message.Text));
            }

            var completion = client.CompleteChat(request).Value; // RAG011 RAG050
            var text = string.Concat(completion.Content.Select(part => part.Text));
            return Task.FromResult(new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, text)));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var response = await GetResponseAsync(messages, options, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, response.Text);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }

    /// <summary>IEmbeddingGenerator over the OpenAI SDK, building a client for every call and calling it synchronously.</summary>
    private sealed class RemoteEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var client = new EmbeddingClient(EmbeddingModel, Credential, new OpenAIClientOptions { Endpoint = new Uri(BaseUrl!) });
            var result = client.GenerateEmbeddings(values.ToList()).Value; // RAG011 RAG050
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(result.Select(e => new Embedding<float>(e.ToFloats()))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose()
        {
        }
    }
}
