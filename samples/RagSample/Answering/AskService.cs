using System.Text;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagSample.Answering;

/// <summary>The answer to <c>GET /ask</c>, with the chunks it was grounded on.</summary>
public sealed record Answer(string Question, string Text, IReadOnlyList<Source> Sources);

public sealed record Source(string Document, string Title, double Score);

/// <summary>
/// Retrieval and generation for one question. The service is scoped and <c>AddKernel()</c> registers the
/// <see cref="Kernel"/> as transient, so each request works with a kernel of its own over the shared plugins and
/// services. The kernel runs the search plugin; the question and the passages found go to the chat model in a
/// <see cref="ChatHistory"/> built for this request, with settings made for this call. Nothing outlives the request.
/// </summary>
public sealed class AskService(Kernel kernel, RagSettings settings)
{
    private const string Instructions =
        "Answer the user's question about Tidewater using only the context below. If the context does not contain the answer, say so.";

    public async Task<Answer> AskAsync(string question, CancellationToken cancellationToken)
    {
        var hits = await kernel.InvokeAsync<IReadOnlyList<SearchHit>>(
            DocumentSearchPlugin.PluginName,
            DocumentSearchPlugin.SearchFunctionName,
            new KernelArguments { ["question"] = question, ["top"] = settings.TopK },
            cancellationToken) ?? [];

        var history = new ChatHistory(SystemMessage(hits));
        history.AddUserMessage(question);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync(history, AnswerSettings(), kernel, cancellationToken);

        return new Answer(
            question,
            reply.Content ?? string.Empty,
            hits.Select(h => new Source(h.DocumentId, h.Title, h.Score)).ToList());
    }

    /// <summary>Made per call: a chat service may change the settings object it is given, so no two calls share one.</summary>
    private static PromptExecutionSettings AnswerSettings() => new()
    {
        ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.1, ["max_tokens"] = 400 },
    };

    private static string SystemMessage(IReadOnlyList<SearchHit> hits)
    {
        var context = new StringBuilder(Instructions).Append("\n\n");
        foreach (var hit in hits)
        {
            context.Append('[').Append(hit.DocumentId).Append("]\n").Append(hit.Text).Append("\n\n");
        }

        return context.ToString();
    }
}
