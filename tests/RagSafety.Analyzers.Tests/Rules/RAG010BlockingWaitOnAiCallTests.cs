using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG010BlockingWaitOnAiCallAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG010BlockingWaitOnAiCallFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG010BlockingWaitOnAiCallTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            """;

        [Fact]
        public async Task Result_on_chat_call_in_async_method_is_awaited()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(IChatClient client)
                    {
                        await Task.Yield();
                        var response = {|#0:client.GetResponseAsync("hello").Result|};
                        return response.Text;
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "IChatClient.GetResponseAsync") },
                Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(IChatClient client)
                    {
                        await Task.Yield();
                        var response = await client.GetResponseAsync("hello");
                        return response.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Result_used_as_receiver_keeps_parentheses()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(IChatClient client) => [|client.GetResponseAsync("hello").Result|].Text;
                }
                """,
                Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(IChatClient client) => (await client.GetResponseAsync("hello")).Text;
                }
                """);
        }

        [Fact]
        public async Task Wait_and_GetAwaiter_GetResult_and_WaitAll_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class ChatService
                {
                    async Task RunAsync(IChatClient client, IEmbeddingGenerator<string, Embedding<float>> embedder)
                    {
                        var first = client.GetResponseAsync("a");
                        var second = embedder.GenerateAsync(new[] { "b" });
                        [|first.Wait()|];
                        var embeddings = [|embedder.GenerateAsync(new[] { "c" }).GetAwaiter().GetResult()|];
                        [|Task.WaitAll(first, second)|];
                    }
                }
                """,
                Usings + """
                class ChatService
                {
                    async Task RunAsync(IChatClient client, IEmbeddingGenerator<string, Embedding<float>> embedder)
                    {
                        var first = client.GetResponseAsync("a");
                        var second = embedder.GenerateAsync(new[] { "b" });
                        await first;
                        var embeddings = await embedder.GenerateAsync(new[] { "c" });
                        await Task.WhenAll(first, second);
                    }
                }
                """);
        }
    }
}
