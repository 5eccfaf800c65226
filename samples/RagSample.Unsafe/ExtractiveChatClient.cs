using Microsoft.Extensions.AI;

namespace RagSample.Unsafe;

/// <summary>An offline stand-in for a model: answers with the last user message, after a model-like delay.</summary>
public sealed class ExtractiveChatClient : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, "You asked: " + question));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Assistant, response.Text);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
