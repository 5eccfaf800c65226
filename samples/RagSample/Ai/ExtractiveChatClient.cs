using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RagSample.Ai;

/// <summary>
/// Offline chat model: answers with the sentences of the system message (the retrieved context) that share the most
/// words with the user's question. Good enough to show retrieval working; no model weights.
/// </summary>
public sealed class ExtractiveChatClient : IChatClient
{
    private const int MaxSentences = 2;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var context = string.Join("\n", list.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var questionWords = Words.Of(question).ToHashSet(StringComparer.Ordinal);

        var best = Sentences(context)
            .Select((sentence, position) => (sentence, position, score: Words.Of(sentence).Distinct().Count(questionWords.Contains)))
            .Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ThenBy(s => s.position)
            .Take(MaxSentences)
            .OrderBy(s => s.position)
            .Select(s => s.sentence)
            .ToList();

        var answer = best.Count == 0 ? "I could not find that in the documents." : string.Join(" ", best);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)) { ModelId = "extractive" });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("local", null, "extractive")
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    /// <summary>Sentences of the context lines, skipping markup lines such as headings and source tags.</summary>
    private static IEnumerable<string> Sentences(string context)
    {
        foreach (var line in context.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#') || line.StartsWith('['))
            {
                continue;
            }

            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '.' or '?' or '!' && (i + 1 == line.Length || line[i + 1] == ' '))
                {
                    yield return line[start..(i + 1)].Trim();
                    start = i + 1;
                }
            }

            if (start < line.Length && line[start..].Trim() is { Length: > 0 } rest)
            {
                yield return rest;
            }
        }
    }
}
