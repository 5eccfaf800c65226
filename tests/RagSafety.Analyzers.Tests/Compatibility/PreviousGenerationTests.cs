using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Compatibility
{
    /// <summary>
    /// One representative case per rule family on the previous generation of the libraries (Microsoft.Extensions.AI 10.11,
    /// VectorData 9.7), so that users who have not upgraded keep their warnings. The client and credential rules do not
    /// depend on these packages and are covered by their own tests.
    /// </summary>
    public class PreviousGenerationTests
    {
        private const TestLibraries Previous = TestLibraries.AspNetCore | TestLibraries.OpenAI | TestLibraries.PreviousGeneration;

        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.VectorData;

            public sealed class Chunk
            {
                [VectorStoreKey]
                public string Id { get; set; } = "";

                [VectorStoreData]
                public string Text { get; set; } = "";
            }

            """;

        [Fact]
        public Task Shared_state_conversation_in_a_static_field() => VerifyAsync<RAG001ConversationStateSharedAnalyzer, RAG001ConversationStateSharedFixer>(
            Usings + """
                static class Chat
                {
                    public static readonly List<ChatMessage> {|#0:History|} = new();
                }
                """,
            Diagnostic<RAG001ConversationStateSharedAnalyzer, RAG001ConversationStateSharedFixer>("RAG001").WithLocation(0).WithArguments("Chat.History", "List<ChatMessage>"));

        [Fact]
        public Task Shared_state_options_in_a_static_field() => VerifyAsync<RAG003RequestOptionsSharedAnalyzer, RAG003RequestOptionsSharedFixer>(
            Usings + """
                static class Ask
                {
                    static readonly ChatOptions {|#0:Options|} = new() { Temperature = 0 };

                    public static Task<ChatResponse> RunAsync(IChatClient chat, string q) => chat.GetResponseAsync(q, Options);
                }
                """,
            Diagnostic<RAG003RequestOptionsSharedAnalyzer, RAG003RequestOptionsSharedFixer>("RAG003").WithLocation(0).WithArguments("Ask.Options", "ChatOptions"));

        [Fact]
        public Task Async_blocking_wait_on_a_chat_call() => VerifyAsync<RAG010BlockingWaitOnAiCallAnalyzer, RAG010BlockingWaitOnAiCallFixer>(
            Usings + """
                class Answerer
                {
                    string Ask(IChatClient client, string q) => {|#0:client.GetResponseAsync(q).Result|}.Text;
                }
                """,
            Diagnostic<RAG010BlockingWaitOnAiCallAnalyzer, RAG010BlockingWaitOnAiCallFixer>("RAG010").WithLocation(0).WithArguments(".Result", "IChatClient.GetResponseAsync"));

        [Fact]
        public Task Request_path_upsert_in_a_query_endpoint() => VerifyAsync<RAG020IndexWriteOnRequestPathAnalyzer, RAG020IndexWriteOnRequestPathFixer>(
            Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/ask", async (string q, IChatClient chat, VectorStoreCollection<string, Chunk> chunks) =>
                        {
                            var answer = await chat.GetResponseAsync(q);
                            await {|#0:chunks.UpsertAsync(new Chunk { Id = q, Text = answer.Text })|};
                            return answer.Text;
                        });
                }
                """,
            Diagnostic<RAG020IndexWriteOnRequestPathAnalyzer, RAG020IndexWriteOnRequestPathFixer>("RAG020").WithLocation(0)
                .WithArguments("MapPost(\"/ask\")", "VectorStoreCollection.UpsertAsync", " while it answers queries through 'IChatClient.GetResponseAsync'"));

        [Fact]
        public Task Request_path_upsert_in_an_upload_endpoint() => VerifyAsync<RAG022IngestionEndpointWritesInRequestAnalyzer, RAG022IngestionEndpointWritesInRequestFixer>(
            Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/documents", async (Chunk chunk, VectorStoreCollection<string, Chunk> chunks) => await {|#0:chunks.UpsertAsync(chunk)|});
                }
                """,
            Diagnostic<RAG022IngestionEndpointWritesInRequestAnalyzer, RAG022IngestionEndpointWritesInRequestFixer>("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents\")", "VectorStoreCollection.UpsertAsync"));

        [Fact]
        public Task Request_path_upsert_never_awaited() => VerifyAsync<RAG021IndexWriteNeverCompletesAnalyzer, RAG021IndexWriteNeverCompletesFixer>(
            Usings + """
                class Indexer(VectorStoreCollection<string, Chunk> chunks)
                {
                    async Task SaveAsync(Chunk chunk)
                    {
                        await Task.Yield();
                        {|#0:chunks.UpsertAsync(chunk)|};
                    }
                }
                """,
            Diagnostic<RAG021IndexWriteNeverCompletesAnalyzer, RAG021IndexWriteNeverCompletesFixer>("RAG021").WithLocation(0).WithArguments("VectorStoreCollection.UpsertAsync"));

        [Fact]
        public Task Concurrency_unbounded_fan_out_of_embeddings() => VerifyAsync<RAG040UnboundedFanOutAnalyzer, RAG040UnboundedFanOutFixer>(
            Usings + """
                class Embedder
                {
                    Task<Embedding<float>[]> EmbedAllAsync(IEmbeddingGenerator<string, Embedding<float>> generator, string[] texts) =>
                        {|#0:Task.WhenAll(texts.Select(t => generator.GenerateAsync(t)))|};
                }
                """,
            Diagnostic<RAG040UnboundedFanOutAnalyzer, RAG040UnboundedFanOutFixer>("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IEmbeddingGenerator.GenerateAsync", "texts"));

        [Fact]
        public Task Cancellation_not_forwarded_from_an_endpoint() => VerifyAsync<RAG050CancellationNotForwardedAnalyzer, RAG050CancellationNotForwardedFixer>(
            Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (IChatClient client, string q) => (await {|#0:client.GetResponseAsync(q)|}).Text);
                }
                """,
            Diagnostic<RAG050CancellationNotForwardedAnalyzer, RAG050CancellationNotForwardedFixer>("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token"));

        [Fact]
        public void The_previous_generation_is_what_the_tests_reference()
        {
            var compilation = TestCompilation.Create("class C { }", Previous);
            Assert.Equal(10, compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient")!.ContainingAssembly.Identity.Version.Major);
            Assert.Equal(9, compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreCollection`2")!.ContainingAssembly.Identity.Version.Major);
        }

        private static DiagnosticResult Diagnostic<TAnalyzer, TCodeFix>(string id)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new() =>
            CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Diagnostic(id);

        private static Task VerifyAsync<TAnalyzer, TCodeFix>(string source, DiagnosticResult expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TCodeFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test { TestCode = source, Libraries = Previous };
            test.ExpectedDiagnostics.Add(expected);
            return test.RunAsync();
        }
    }
}
