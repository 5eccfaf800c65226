using System.Threading.Tasks;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG032ClientCreatedPerCallAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG032ClientCreatedPerCallFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    /// <summary>
    /// RAG032 on Agent Framework agents: an AIAgent serves many conversations, so building one per request over a shared
    /// chat client is fine; only a client the building creates is a new connection pool per request.
    /// </summary>
    public class RAG032AgentsBuiltPerRequestTests
    {
        [Fact]
        public async Task Agent_built_per_request_over_a_new_client_reports_the_client()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using OpenAI;

                public class ChatController : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<string> Post(string message, string apiKey)
                    {
                        var agent = {|#0:new OpenAIClient(apiKey)|}.GetChatClient("gpt-4o-mini").AsIChatClient().AsAIAgent("You answer briefly.");
                        return (await agent.RunAsync(message)).Text;
                    }
                }
                """,
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("OpenAIClient", "in request handler 'ChatController.Post'"));
        }

        [Fact]
        public async Task Agent_built_per_request_over_the_shared_client_is_not_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class ChatController(IChatClient chatClient) : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<string> Post(string message, string persona)
                    {
                        var agent = new ChatClientAgent(chatClient, "You are " + persona + ".");
                        var wrapped = new AIAgentBuilder(agent).Build();
                        var quick = chatClient.AsAIAgent(new ChatClientAgentOptions { Name = persona });
                        return (await wrapped.RunAsync(message)).Text + (await quick.RunAsync(message)).Text;
                    }
                }
                """);
        }
    }
}
