using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> AgentFrameworkEntries()
        {
            // Microsoft Agent Framework (Microsoft.Agents.AI.Abstractions 1.x): an agent serves many conversations at once,
            // so it is shared like a client; a run is one or more model calls, with tool calls in between. RunAsync covers
            // the structured-output RunAsync<T> overloads too.
            const string Abstractions = "Microsoft.Agents.AI.Abstractions";
            const string Agent = "Microsoft.Agents.AI.AIAgent";
            yield return Type(ApiRole.ThreadSafeClient, Agent, Abstractions);
            yield return Member(ApiRole.AiCall, Agent, "RunAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Agent, "RunStreamingAsync", Abstractions);

            // A session is one conversation (its history or a reference to it, and the state the agent keeps for it); it has
            // no public constructor and comes from AIAgent.CreateSessionAsync. AgentSessionStore is a store keyed by session
            // id, and InMemoryChatHistoryProvider keeps its messages in each session's state bag: neither is one conversation.
            yield return Type(ApiRole.ConversationState, "Microsoft.Agents.AI.AgentSession", Abstractions);

            // Run options are copied per run: AgentRunOptions.Clone() (ChatClientAgentRunOptions overrides it), RunAsync<T>
            // clones them before setting the response format, and ChatClientAgent clones their ChatOptions before merging.
            yield return Type(ApiRole.CopiedRequestOptions, "Microsoft.Agents.AI.AgentRunOptions", Abstractions);

            // Microsoft.Agents.AI: ChatClientAgent declares its own RunAsync / RunStreamingAsync overloads that take
            // ChatClientAgentRunOptions; they are new methods, not overrides of AIAgent's.
            const string Core = "Microsoft.Agents.AI";
            const string ChatClientAgent = "Microsoft.Agents.AI.ChatClientAgent";
            yield return Member(ApiRole.AiCall, ChatClientAgent, "RunAsync", Core);
            yield return Member(ApiRole.AiCall, ChatClientAgent, "RunStreamingAsync", Core);
        }
    }
}
