using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Rules.Libraries
{
    /// <summary>
    /// Azure.AI.Inference 1.0.0-beta.5 on the real package, per rule family: ChatCompletionsClient and EmbeddingsClient calls
    /// and their synchronous twins, the Azure.Core network timeout, per-call clients and key literals.
    /// </summary>
    public class AzureAIInferenceTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Azure;
            using Azure.AI.Inference;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;

            """;

        [Fact]
        public async Task Synchronous_Complete_and_Embed_in_a_handler_are_RAG011()
        {
            await CSharpCodeFixVerifier<RAG011SynchronousAiApiAnalyzer, RagSafety.Analyzers.CodeFixes.Rules.RAG011SynchronousAiApiFixer>.VerifyCodeFixAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private readonly ChatCompletionsClient _chat;
                    public AskController(ChatCompletionsClient chat) => _chat = chat;

                    [HttpPost("ask")]
                    public async Task<string> Ask(string question, CancellationToken ct)
                    {
                        var options = new ChatCompletionsOptions { Messages = { new ChatRequestUserMessage(question) } };
                        ChatCompletions answer = {|#0:_chat.Complete(options)|};
                        return await Task.FromResult(answer.Content);
                    }
                }
                """,
                new[] { CSharpCodeFixVerifier<RAG011SynchronousAiApiAnalyzer, RagSafety.Analyzers.CodeFixes.Rules.RAG011SynchronousAiApiFixer>.Diagnostic("RAG011").WithLocation(0).WithArguments("ChatCompletionsClient.Complete", "ChatCompletionsClient.CompleteAsync") },
                Usings + """
                public class AskController : ControllerBase
                {
                    private readonly ChatCompletionsClient _chat;
                    public AskController(ChatCompletionsClient chat) => _chat = chat;

                    [HttpPost("ask")]
                    public async Task<string> Ask(string question, CancellationToken ct)
                    {
                        var options = new ChatCompletionsOptions { Messages = { new ChatRequestUserMessage(question) } };
                        ChatCompletions answer = await _chat.CompleteAsync(options, ct);
                        return await Task.FromResult(answer.Content);
                    }
                }
                """);
        }

        [Fact]
        public async Task Synchronous_calls_in_a_console_Main_are_not_RAG011()
        {
            var test = new CSharpAnalyzerVerifier<RAG011SynchronousAiApiAnalyzer>.Test
            {
                TestCode = Usings + """
                    static class Program
                    {
                        static void Main()
                        {
                            var embeddings = new EmbeddingsClient(new Uri("https://models.inference.ai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("GITHUB_TOKEN")!));
                            var result = embeddings.Embed(new EmbeddingsOptions(new[] { "hello" }));
                            Console.WriteLine(result.Value.Data.Count);
                        }
                    }
                    """,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Blocking_on_CompleteAsync_is_RAG010_and_its_token_RAG050()
        {
            await CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private readonly ChatCompletionsClient _chat;
                    public AskController(ChatCompletionsClient chat) => _chat = chat;

                    [HttpPost("ask")]
                    public string Ask(ChatCompletionsOptions options) => {|#0:_chat.CompleteAsync(options).Result|}.Value.Content;

                    [HttpGet("info")]
                    public string Info() => _chat.GetModelInfoAsync().Result.Value.ModelName;
                }
                """,
                CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "ChatCompletionsClient.CompleteAsync"));

            await CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/ask", async (ChatCompletionsClient chat, ChatCompletionsOptions options, CancellationToken ct) =>
                            (await {|#0:chat.CompleteAsync(options)|}).Value.Content);
                        app.MapPost("/ask-forwarded", async (ChatCompletionsClient chat, ChatCompletionsOptions options, CancellationToken ct) =>
                            (await chat.CompleteAsync(options, ct)).Value.Content);
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.Diagnostic("RAG050").WithLocation(0).WithArguments("ChatCompletionsClient.CompleteAsync", "the cancellation token 'ct' in scope"));
        }

        [Fact]
        public async Task Completing_for_every_item_at_once_is_RAG040()
        {
            await CSharpAnalyzerVerifier<RAG040UnboundedFanOutAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class Grader
                {
                    public Task<Response<ChatCompletions>[]> GradeAllAsync(ChatCompletionsClient chat, IEnumerable<string> answers) =>
                        {|#0:Task.WhenAll(answers.Select(a => chat.CompleteAsync(new ChatCompletionsOptions { Messages = { new ChatRequestUserMessage(a) } })))|};
                }
                """,
                CSharpAnalyzerVerifier<RAG040UnboundedFanOutAnalyzer>.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "ChatCompletionsClient.CompleteAsync", "answers"));
        }

        [Fact]
        public async Task A_chat_client_without_a_network_timeout_is_RAG031_and_an_embeddings_client_is_not()
        {
            await CSharpCodeFixVerifier<RAG031AiClientNetworkTimeoutAnalyzer, RagSafety.Analyzers.CodeFixes.Rules.RAG031AiClientNetworkTimeoutFixer>.VerifyCodeFixAsync(Usings + """
                static class Clients
                {
                    public static ChatCompletionsClient Chat(Uri endpoint, AzureKeyCredential key) => {|#0:new ChatCompletionsClient(endpoint, key)|};
                    public static ChatCompletionsClient Patient(Uri endpoint, AzureKeyCredential key) =>
                        new ChatCompletionsClient(endpoint, key, new AzureAIInferenceClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(5) } });
                    public static EmbeddingsClient Embeddings(Uri endpoint, AzureKeyCredential key) => new EmbeddingsClient(endpoint, key);
                }
                """,
                new[] { CSharpCodeFixVerifier<RAG031AiClientNetworkTimeoutAnalyzer, RagSafety.Analyzers.CodeFixes.Rules.RAG031AiClientNetworkTimeoutFixer>.Diagnostic("RAG031").WithLocation(0).WithArguments("ChatCompletionsClient", "AzureAIInferenceClientOptions.Retry.NetworkTimeout") },
                Usings + """
                static class Clients
                {
                    public static ChatCompletionsClient Chat(Uri endpoint, AzureKeyCredential key) => new ChatCompletionsClient(endpoint, key, new AzureAIInferenceClientOptions { Retry = { NetworkTimeout = TimeSpan.FromSeconds(120) } });
                    public static ChatCompletionsClient Patient(Uri endpoint, AzureKeyCredential key) =>
                        new ChatCompletionsClient(endpoint, key, new AzureAIInferenceClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(5) } });
                    public static EmbeddingsClient Embeddings(Uri endpoint, AzureKeyCredential key) => new EmbeddingsClient(endpoint, key);
                }
                """);
        }

        [Fact]
        public async Task A_client_created_per_request_is_RAG032()
        {
            await CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    [HttpPost("ask")]
                    public async Task<string> Ask(ChatCompletionsOptions options, CancellationToken ct)
                    {
                        var chat = {|#0:new ChatCompletionsClient(new Uri("https://models.inference.ai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("GITHUB_TOKEN")!))|};
                        return (await chat.CompleteAsync(options, ct)).Value.Content;
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.Diagnostic("RAG032").WithLocation(0).WithArguments("ChatCompletionsClient", "in request handler 'AskController.Ask'"));
        }

        [Fact]
        public async Task A_key_literal_in_AzureKeyCredential_is_RAG060_and_a_placeholder_is_not()
        {
            await CSharpAnalyzerVerifier<RAG060HardCodedCredentialAnalyzer>.VerifyAnalyzerAsync(Usings + """
                static class Clients
                {
                    public static readonly ChatCompletionsClient Chat = new(new Uri("https://example.services.ai.azure.com/models"), new AzureKeyCredential({|#0:"5f0c2a9e8b7d4c13a6e1f2b3c4d5e6f7"|}));
                    public static readonly ChatCompletionsClient Placeholder = new(new Uri("https://example.services.ai.azure.com/models"), new AzureKeyCredential("<your-key>"));
                }
                """,
                CSharpAnalyzerVerifier<RAG060HardCodedCredentialAnalyzer>.Diagnostic("RAG060").WithLocation(0).WithArguments("AzureKeyCredential", ""));
        }

        [Fact]
        public async Task Shared_ChatCompletionsOptions_changed_per_request_are_RAG003()
        {
            await CSharpAnalyzerVerifier<RAG003RequestOptionsSharedAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly ChatCompletionsOptions {|#0:Options|} = new() { Temperature = 0.2f };
                    private readonly ChatCompletionsClient _chat;
                    public AskController(ChatCompletionsClient chat) => _chat = chat;

                    [HttpPost("ask")]
                    public async Task<string> Ask(string question, CancellationToken ct)
                    {
                        Options.Messages.Add(new ChatRequestUserMessage(question));
                        return (await _chat.CompleteAsync(Options, ct)).Value.Content;
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG003RequestOptionsSharedAnalyzer>.Diagnostic("RAG003").WithLocation(0).WithArguments("AskController.Options", "ChatCompletionsOptions"));
        }
    }
}
