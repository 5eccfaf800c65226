using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace RagSample.Ai;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's <see cref="ChatClient"/> (one shared, thread-safe instance),
/// with every call bounded by the <see cref="ModelGate"/>. Text only: enough for the sample.
/// </summary>
public sealed class OpenAIChatAdapter(ChatClient client, ModelGate gate, string modelId) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.Select(ToOpenAI).ToList();
        var settings = new ChatCompletionOptions
        {
            Temperature = options?.Temperature,
            MaxOutputTokenCount = options?.MaxOutputTokens,
        };

        var completion = await gate.RunAsync(
            async token => (await client.CompleteChatAsync(request, settings, token).ConfigureAwait(false)).Value,
            cancellationToken).ConfigureAwait(false);

        var text = string.Concat(completion.Content.Select(part => part.Text));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai", null, modelId)
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType.IsInstanceOfType(client) ? client
        : null;

    public void Dispose()
    {
    }

    private static OpenAIChatMessage ToOpenAI(AIChatMessage message)
    {
        if (message.Role == ChatRole.System)
        {
            return new SystemChatMessage(message.Text);
        }

        if (message.Role == ChatRole.Assistant)
        {
            return new AssistantChatMessage(message.Text);
        }

        return new UserChatMessage(message.Text);
    }
}
