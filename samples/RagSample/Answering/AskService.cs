using System.Text;
using Microsoft.Extensions.AI;
using RagSample.Indexing;

namespace RagSample.Answering;

/// <summary>The answer to <c>GET /ask</c>, with the chunks it was grounded on.</summary>
public sealed record Answer(string Question, string Text, IReadOnlyList<Source> Sources);

public sealed record Source(string Document, string Title, float Score);

/// <summary>
/// Retrieval and generation for one question: embed it, take the top-k chunks of the current snapshot, ask the chat
/// model with them as context. Stateless (each request builds its own messages), so one instance serves everyone.
/// </summary>
public sealed class AskService(
    VectorIndex index,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IChatClient chat,
    RagSettings settings)
{
    private const string Instructions =
        "Answer the user's question about Tidewater using only the context below. If the context does not contain the answer, say so.";

    public async Task<Answer> AskAsync(string question, CancellationToken cancellationToken)
    {
        var snapshot = index.Current;
        var embeddings = await embedder.GenerateAsync([question], cancellationToken: cancellationToken);
        var hits = snapshot.Search(embeddings[0].Vector.Span, settings.TopK);

        var context = new StringBuilder(Instructions).Append("\n\n");
        foreach (var hit in hits)
        {
            context.Append('[').Append(hit.Chunk.DocumentId).Append("]\n").Append(hit.Chunk.Text).Append("\n\n");
        }

        List<ChatMessage> messages =
        [
            new(ChatRole.System, context.ToString()),
            new(ChatRole.User, question),
        ];
        var response = await chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 400 }, cancellationToken);

        return new Answer(
            question,
            response.Text,
            hits.Select(h => new Source(h.Chunk.DocumentId, h.Chunk.Title, h.Score)).ToList());
    }
}
