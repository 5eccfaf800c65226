using Microsoft.Extensions.AI;

namespace RagSample.Unsafe;

/// <summary>Answers a question with the chat model, keeping "the" conversation in the (singleton) service.</summary>
public sealed class AnswerService(IChatClient chat)
{
    private readonly List<ChatMessage> _conversation = [];

    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        _conversation.Add(new ChatMessage(ChatRole.User, question));
        var response = await chat.GetResponseAsync(_conversation, cancellationToken: cancellationToken);
        _conversation.AddMessages(response);
        return response.Text;
    }
}
