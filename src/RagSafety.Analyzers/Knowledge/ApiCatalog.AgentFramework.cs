using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> AgentFrameworkEntries()
        {
            // Microsoft Agent Framework (Microsoft.Agents.AI.Abstractions 1.x): an agent serves many conversations at once,
            // so it is shared like a client; a run is one or more model calls, with tool calls in between.
            const string Abstractions = "Microsoft.Agents.AI.Abstractions";
            const string Agent = "Microsoft.Agents.AI.AIAgent";
            yield return Type(ApiRole.ThreadSafeClient, Agent, Abstractions);
            yield return Member(ApiRole.AiCall, Agent, "RunAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Agent, "RunStreamingAsync", Abstractions);
        }
    }
}
