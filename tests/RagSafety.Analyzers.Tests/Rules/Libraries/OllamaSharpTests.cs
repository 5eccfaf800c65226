using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Rules.Libraries
{
    /// <summary>
    /// OllamaSharp 5.5 on the real package, per rule family: its native API (ChatAsync and GenerateAsync streams, EmbedAsync),
    /// its Chat conversation object, its own HttpClient, and Semantic Kernel's Ollama registrations (facade).
    /// </summary>
    public class OllamaSharpTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using OllamaSharp;
            using OllamaSharp.Models;
            using OllamaSharp.Models.Chat;

            """;

        [Fact]
        public async Task Blocking_on_a_consumer_of_a_native_stream_is_RAG010()
        {
            await CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private readonly IOllamaApiClient _ollama;
                    public AskController(IOllamaApiClient ollama) => _ollama = ollama;

                    [HttpPost("chat")]
                    public string Chat(ChatRequest request) => {|#0:_ollama.ChatAsync(request).StreamToEndAsync().Result|}?.Message?.Content ?? "";

                    [HttpGet("complete")]
                    public string Complete(string prompt) => string.Concat({|#1:_ollama.GenerateAsync(prompt).ToBlockingEnumerable()|}.Select(u => u?.Response));

                    [HttpGet("models")]
                    public int Models() => _ollama.ListLocalModelsAsync().Result.Count();

                    [HttpPost("chat-async")]
                    public async Task<string> ChatAsync(ChatRequest request, CancellationToken ct) =>
                        (await _ollama.ChatAsync(request, ct).StreamToEndAsync())?.Message?.Content ?? "";
                }
                """,
                CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "IOllamaApiClient.ChatAsync"),
                CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.Diagnostic("RAG010").WithLocation(1).WithArguments(".ToBlockingEnumerable()", "IOllamaApiClient.GenerateAsync"));
        }

        [Fact]
        public async Task A_handler_that_does_not_forward_its_token_to_a_native_call_is_RAG050()
        {
            await CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/chat", async (IOllamaApiClient ollama, ChatRequest request, CancellationToken ct) =>
                        {
                            var answer = "";
                            await foreach (var update in {|#0:ollama.ChatAsync(request)|})
                            {
                                answer += update?.Message?.Content;
                            }

                            return answer;
                        });

                        app.MapPost("/chat-forwarded", async (IOllamaApiClient ollama, ChatRequest request, CancellationToken ct) =>
                        {
                            var answer = "";
                            await foreach (var update in ollama.ChatAsync(request).WithCancellation(ct))
                            {
                                answer += update?.Message?.Content;
                            }

                            return answer;
                        });

                        app.MapPost("/embed", async (IOllamaApiClient ollama, string text, CancellationToken ct) =>
                            (await ollama.EmbedAsync(text, ct)).Embeddings.Count);
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.Diagnostic("RAG050").WithLocation(0).WithArguments("IOllamaApiClient.ChatAsync", "the cancellation token 'ct' in scope"));
        }

        [Fact]
        public async Task Embedding_one_text_per_request_in_a_loop_is_RAG041_but_generating_per_prompt_is_not()
        {
            await CSharpAnalyzerVerifier<RAG041PerItemEmbeddingAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class Indexer
                {
                    public async Task<List<float[]>> EmbedAllAsync(OllamaApiClient ollama, IReadOnlyList<string> chunks, CancellationToken ct)
                    {
                        var vectors = new List<float[]>();
                        foreach (var chunk in chunks)
                        {
                            var response = await {|#0:ollama.EmbedAsync(chunk, ct)|};
                            vectors.Add(response.Embeddings[0]);
                        }

                        return vectors;
                    }

                    public async Task<List<string>> SummarizeAllAsync(OllamaApiClient ollama, IReadOnlyList<string> chunks, CancellationToken ct)
                    {
                        var summaries = new List<string>();
                        foreach (var chunk in chunks)
                        {
                            var done = await ollama.GenerateAsync("Summarize: " + chunk, cancellationToken: ct).StreamToEndAsync();
                            summaries.Add(done?.Response ?? "");
                        }

                        return summaries;
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG041PerItemEmbeddingAnalyzer>.Diagnostic("RAG041").WithLocation(0).WithArguments("IOllamaApiClient.EmbedAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"));
        }

        [Fact]
        public async Task Generating_for_every_item_at_once_is_RAG040()
        {
            await CSharpAnalyzerVerifier<RAG040UnboundedFanOutAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class Summaries
                {
                    public Task<GenerateDoneResponseStream?[]> AllAsync(IOllamaApiClient ollama, IEnumerable<string> documents) =>
                        {|#0:Task.WhenAll(documents.Select(d => ollama.GenerateAsync("Summarize: " + d).StreamToEndAsync()))|};
                }
                """,
                CSharpAnalyzerVerifier<RAG040UnboundedFanOutAnalyzer>.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IOllamaApiClient.GenerateAsync", "documents"));
        }

        [Fact]
        public async Task A_shared_Chat_is_conversation_state_RAG001()
        {
            await CSharpAnalyzerVerifier<RAG001ConversationStateSharedAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public static class Assistant
                {
                    private static readonly Chat {|#0:Conversation|} = new Chat(new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2"));

                    public static IAsyncEnumerable<string> AskAsync(string question, CancellationToken ct) => Conversation.SendAsync(question, ct);
                }

                public class PerRequest
                {
                    public IAsyncEnumerable<string> AskAsync(IOllamaApiClient ollama, string question, CancellationToken ct) => new Chat(ollama).SendAsync(question, ct);
                }
                """,
                CSharpAnalyzerVerifier<RAG001ConversationStateSharedAnalyzer>.Diagnostic("RAG001").WithLocation(0).WithArguments("Assistant.Conversation", "Chat"));
        }

        [Fact]
        public async Task An_OllamaApiClient_created_per_request_is_RAG032_and_a_shared_one_is_not()
        {
            await CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly OllamaApiClient Shared = new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2");

                    [HttpPost("ask")]
                    public async Task<string> Ask(ChatRequest request, CancellationToken ct)
                    {
                        var ollama = {|#0:new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2")|};
                        return (await ollama.ChatAsync(request, ct).StreamToEndAsync())?.Message?.Content ?? "";
                    }

                    [HttpPost("ask-shared")]
                    public async Task<string> AskShared(ChatRequest request, CancellationToken ct) =>
                        (await Shared.ChatAsync(request, ct).StreamToEndAsync())?.Message?.Content ?? "";
                }
                """,
                CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.Diagnostic("RAG032").WithLocation(0).WithArguments("OllamaApiClient", "in request handler 'AskController.Ask'"));
        }

        [Fact]
        public async Task Semantic_Kernel_Ollama_registrations_without_an_HttpClient_build_their_own_RAG030()
        {
            const string BuildsOwnClient = "is given no HttpClient, so it builds its own, whose 100-second default Timeout is the model call's only timeout";
            await CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                static class Setup
                {
                    static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

                    static void Register(IServiceCollection services, IKernelBuilder kernel, Uri endpoint, OllamaApiClient shared)
                    {
                        {|#0:kernel.AddOllamaChatCompletion("llama3.2", endpoint)|};
                        {|#1:services.AddOllamaChatClient("llama3.2")|};
                        {|#2:kernel.AddOllamaChatClient("llama3.2", endpoint)|};
                        kernel.AddOllamaChatCompletion("llama3.2", Http);
                        kernel.AddOllamaChatCompletion(shared);
                        services.AddOllamaEmbeddingGenerator("nomic-embed-text", endpoint);
                        kernel.AddOllamaTextEmbeddingGeneration("nomic-embed-text", endpoint);
                        kernel.AddOllamaEmbeddingGenerator("nomic-embed-text", endpoint);
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.Diagnostic("RAG030").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOllamaChatCompletion(…)", BuildsOwnClient, ""),
                CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.Diagnostic("RAG030").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOllamaChatClient(…)", BuildsOwnClient, ""),
                CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.Diagnostic("RAG030").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOllamaChatClient(…)", BuildsOwnClient, ""));
        }

        [Fact]
        public async Task An_HttpClient_handed_to_OllamaApiClient_needs_a_timeout_RAG030()
        {
            await CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.VerifyAnalyzerAsync(Usings + """
                static class Clients
                {
                    public static readonly OllamaApiClient Chat = new OllamaApiClient({|#0:new HttpClient { BaseAddress = new Uri("http://localhost:11434") }|}, "llama3.2");
                    public static readonly OllamaApiClient Patient = new OllamaApiClient(new HttpClient { BaseAddress = new Uri("http://localhost:11434"), Timeout = TimeSpan.FromMinutes(10) }, "llama3.2");
                }
                """,
                CSharpAnalyzerVerifier<RAG030HttpClientTimeoutAnalyzer>.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", "never sets Timeout, so the 100-second default applies", "; it flows into 'OllamaApiClient', so this timeout is the model call's only timeout"));
        }
    }
}
