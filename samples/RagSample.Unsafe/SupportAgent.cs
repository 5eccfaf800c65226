using Microsoft.Agents.AI;

namespace RagSample.Unsafe;

/// <summary>
/// A support agent (Microsoft Agent Framework) over the sample's chat client. Registered as a singleton, it keeps one
/// session, so every caller's turns land in one conversation.
/// </summary>
public sealed class SupportAgent
{
    private readonly AIAgent _agent = new ChatClientAgent(RagEngine.Chat, "You answer support questions about Tidewater.");

    private AgentSession? _session;

    public async Task<string> AskAsync(string question)
    {
        _session ??= await _agent.CreateSessionAsync();
        var response = await _agent.RunAsync(question, _session);
        return response.Text;
    }
}
