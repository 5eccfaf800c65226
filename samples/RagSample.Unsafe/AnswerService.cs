using Microsoft.Extensions.AI;

namespace RagSample.Unsafe;

/// <summary>Answers a question with the chat model.</summary>
public sealed class AnswerService(IChatClient chat)
{
    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        var response = await chat.GetResponseAsync(question, cancellationToken: cancellationToken);
        return response.Text;
    }
}
