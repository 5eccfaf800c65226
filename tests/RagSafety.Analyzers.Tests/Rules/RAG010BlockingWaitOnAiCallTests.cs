using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
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
        public async Task Structured_output_call_of_microsoft_extensions_ai_is_awaited()
        {
            // GetResponseAsync<T> (ChatClientStructuredOutputExtensions, package Microsoft.Extensions.AI) is a chat call.
            await Verify.VerifyCodeFixAsync(Usings + """
                public sealed record Verdict(bool Relevant, string Reason);

                class Grader
                {
                    async Task<bool> IsRelevantAsync(IChatClient client, string passage)
                    {
                        await Task.Yield();
                        var verdict = {|#0:client.GetResponseAsync<Verdict>("Is this relevant? " + passage).Result|};
                        return verdict.Result.Relevant;
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "IChatClient.GetResponseAsync") },
                Usings + """
                public sealed record Verdict(bool Relevant, string Reason);

                class Grader
                {
                    async Task<bool> IsRelevantAsync(IChatClient client, string passage)
                    {
                        await Task.Yield();
                        var verdict = await client.GetResponseAsync<Verdict>("Is this relevant? " + passage);
                        return verdict.Result.Relevant;
                    }
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

        [Fact]
        public async Task Wait_through_app_method_names_the_chain()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                interface IAnswerer { Task<string> AnswerAsync(string question); }

                class ChatHost : IAnswerer
                {
                    private readonly IChatClient _client;
                    public ChatHost(IChatClient client) => _client = client;
                    public async Task<string> AnswerAsync(string question) => (await _client.GetResponseAsync(question)).Text;
                }

                class Caller
                {
                    string Direct(ChatHost host) => {|#0:host.AnswerAsync("q").Result|};
                    string ThroughInterface(IAnswerer answerer) => {|#1:answerer.AnswerAsync("q").Result|};
                }
                """,
                Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "ChatHost.AnswerAsync → IChatClient.GetResponseAsync"),
                Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".Result", "IAnswerer.AnswerAsync → ChatHost.AnswerAsync → IChatClient.GetResponseAsync"));
        }

        [Fact]
        public async Task Call_chain_depth_is_configurable()
        {
            var source = Usings + """
                class Chain
                {
                    private readonly IChatClient _client;
                    public Chain(IChatClient client) => _client = client;
                    Task<ChatResponse> Level2() => _client.GetResponseAsync("q");
                    Task<ChatResponse> Level1() => Level2();
                    ChatResponse Block() => Level1().Result;
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.call_chain_depth = 1"));
            await test.RunAsync();

            await Verify.VerifyAnalyzerAsync(source.Replace("Level1().Result", "[|Level1().Result|]"));
        }

        [Fact]
        public async Task Controller_action_becomes_async()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class AskController : ControllerBase
                {
                    private readonly IChatClient _client;
                    public AskController(IChatClient client) => _client = client;

                    [HttpGet("/ask")]
                    public IActionResult Ask(string q)
                    {
                        // The model answers in seconds; this thread waits for it.
                        var answer = [|_client.GetResponseAsync(q).Result|];
                        return Ok(answer.Text);
                    }
                }
                """,
                Usings + """
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                public class AskController : ControllerBase
                {
                    private readonly IChatClient _client;
                    public AskController(IChatClient client) => _client = client;

                    [HttpGet("/ask")]
                    public async Task<IActionResult> Ask(string q)
                    {
                        // The model answers in seconds; this thread waits for it.
                        var answer = await _client.GetResponseAsync(q);
                        return Ok(answer.Text);
                    }
                }
                """);
        }

        [Fact]
        public async Task Void_handler_without_modifiers_gets_Task_and_using()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub : Hub
                {
                    private readonly IChatClient _client;
                    public ChatHub(IChatClient client) => _client = client;

                    public void Send(string message)
                    {
                        [|_client.GetResponseAsync(message).Wait()|];
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub : Hub
                {
                    private readonly IChatClient _client;
                    public ChatHub(IChatClient client) => _client = client;

                    public async Task Send(string message)
                    {
                        await _client.GetResponseAsync(message);
                    }
                }
                """);
        }

        [Fact]
        public async Task Minimal_api_lambda_becomes_async()
        {
            var test = new Verify.Test { TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create(args);
                var api = app.MapGroup("/api");
                api.MapGet("/ask", (IChatClient client, string q) => [|client.GetResponseAsync(q).Result|].Text);
                app.Run();
                """, FixedCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create(args);
                var api = app.MapGroup("/api");
                api.MapGet("/ask", async (IChatClient client, string q) => (await client.GetResponseAsync(q)).Text);
                app.Run();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Method_group_endpoint_and_entry_point_become_async()
        {
            var test = new Verify.Test { TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var app = WebApplication.Create(args);
                        var client = (IChatClient)app.Services.GetService(typeof(IChatClient))!;
                        [|client.GetResponseAsync("warm up").Wait()|];
                        app.MapPost("/ask", Ask);
                        app.Run();
                    }

                    static string Ask(IChatClient client, string q) => [|client.GetResponseAsync(q).GetAwaiter().GetResult()|].Text;
                }
                """, FixedCode = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public static class Program
                {
                    public static async Task Main(string[] args)
                    {
                        var app = WebApplication.Create(args);
                        var client = (IChatClient)app.Services.GetService(typeof(IChatClient))!;
                        await client.GetResponseAsync("warm up");
                        app.MapPost("/ask", Ask);
                        app.Run();
                    }

                    static async Task<string> Ask(IChatClient client, string q) => (await client.GetResponseAsync(q)).Text;
                }
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Top_level_statements_await_directly()
        {
            var test = new Verify.Test { TestCode = Usings + """
                IChatClient client = null!;
                var text = [|client.GetResponseAsync("q").Result|].Text;
                System.Console.WriteLine(text);
                """, FixedCode = Usings + """
                IChatClient client = null!;
                var text = (await client.GetResponseAsync("q")).Text;
                System.Console.WriteLine(text);
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Reported_without_fix_where_await_would_break_code()
        {
            var source = Usings + """
                class Service
                {
                    private readonly object _gate = new();

                    // An ordinary sync method: its callers would silently drop a task if it became async.
                    public string Sync(IChatClient client) => [|client.GetResponseAsync("q").Result|].Text;

                    async Task InLock(IChatClient client)
                    {
                        await Task.Yield();
                        lock (_gate)
                        {
                            [|client.GetResponseAsync("q").Wait()|];
                        }
                    }

                    async Task<List<string>> InLambda(IChatClient client, string[] questions)
                    {
                        await Task.Yield();
                        return questions.Select(q => [|client.GetResponseAsync(q).Result|].Text).ToList();
                    }

                    async Task LocalFunction(IChatClient client)
                    {
                        await Task.Yield();
                        string Local() => [|client.GetResponseAsync("q").Result|].Text;
                        Local();
                    }

                    async Task TimeoutsAndIndexes(IChatClient client, CancellationToken token)
                    {
                        var task = client.GetResponseAsync("q");
                        bool done = [|task.Wait(1000)|];
                        [|client.GetResponseAsync("r").Wait(token)|];
                        int first = [|Task.WaitAny(client.GetResponseAsync("s"), client.GetResponseAsync("t"))|];
                        await Task.Yield();
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Completed_and_unrelated_tasks_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Service
                {
                    private Task<ChatResponse> _pending = Task.FromResult(new ChatResponse());

                    async Task<string> AfterAwait(IChatClient client)
                    {
                        var task = client.GetResponseAsync("q");
                        await task;
                        return task.Result.Text;
                    }

                    async Task<string> AfterWhenAll(IChatClient client)
                    {
                        var a = client.GetResponseAsync("a");
                        var b = client.GetResponseAsync("b");
                        await Task.WhenAll(a, b);
                        return a.Result.Text + b.GetAwaiter().GetResult().Text;
                    }

                    string Guarded(IChatClient client)
                    {
                        var task = client.GetResponseAsync("q");
                        if (task.IsCompletedSuccessfully && task.Result.Text.Length > 0)
                        {
                            return task.Result.Text;
                        }

                        return task.IsCompleted ? task.Result.Text : "";
                    }

                    Task<string> Continuation(IChatClient client)
                    {
                        var task = client.GetResponseAsync("q");
                        return task.ContinueWith(t => t.Result.Text + task.Result.Text);
                    }

                    string Names() => nameof(Task<ChatResponse>.Result);

                    int NotAi() => Task.Run(() => 42).Result;

                    string UnknownOrigin() => _pending.Result.Text;

                    string Reassigned(IChatClient client)
                    {
                        var task = client.GetResponseAsync("q");
                        task = Task.FromResult(new ChatResponse());
                        return task.Result.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task ValueTask_and_ConfigureAwait_forms_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Service
                {
                    async ValueTask<ChatResponse> AskAsync(IChatClient client) => await client.GetResponseAsync("q");

                    async Task Run(IChatClient client)
                    {
                        var viaValueTask = [|AskAsync(client).Result|];
                        var configured = [|client.GetResponseAsync("q").ConfigureAwait(false).GetAwaiter().GetResult()|];
                    }
                }
                """,
                Usings + """
                class Service
                {
                    async ValueTask<ChatResponse> AskAsync(IChatClient client) => await client.GetResponseAsync("q");

                    async Task Run(IChatClient client)
                    {
                        var viaValueTask = await AskAsync(client);
                        var configured = await client.GetResponseAsync("q").ConfigureAwait(false);
                    }
                }
                """);
        }

        [Fact]
        public async Task Nested_waits_are_fixed_together()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Service
                {
                    async Task<string> Run(IChatClient client) =>
                        {|RAG010:client.GetResponseAsync({|RAG010:client.GetResponseAsync("draft").Result|}.Text).Result|}.Text;
                }
                """,
                Usings + """
                class Service
                {
                    async Task<string> Run(IChatClient client) =>
                        (await client.GetResponseAsync((await client.GetResponseAsync("draft")).Text)).Text;
                }
                """);
        }

        [Fact]
        public async Task Two_waits_in_one_handler_make_it_async_once()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.AspNetCore.Mvc;

                public class AskController : Controller
                {
                    public string Both(IChatClient client)
                    {
                        var a = [|client.GetResponseAsync("a").Result|];
                        var b = [|client.GetResponseAsync("b").Result|];
                        return a.Text + b.Text;
                    }
                }
                """,
                Usings + """
                using Microsoft.AspNetCore.Mvc;

                public class AskController : Controller
                {
                    public async Task<string> Both(IChatClient client)
                    {
                        var a = await client.GetResponseAsync("a");
                        var b = await client.GetResponseAsync("b");
                        return a.Text + b.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task User_catalogued_api_counts_as_ai_call()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading.Tasks;

                namespace MyCorp.Llm
                {
                    public class Gateway
                    {
                        public Task<string> CompleteAsync(string prompt) => Task.FromResult(prompt);
                    }

                    class Caller
                    {
                        string Run(Gateway gateway) => [|gateway.CompleteAsync("q").Result|];
                    }
                }
                """ };
            test.Libraries = TestLibraries.None;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.ai_call_apis = M:MyCorp.Llm.Gateway.CompleteAsync(System.String)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Nothing_is_registered_without_an_ai_library()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading.Tasks;

                namespace MyCorp.Llm
                {
                    public interface IChatClient { Task<string> GetResponseAsync(string prompt); }

                    class Caller
                    {
                        string Run(IChatClient client) => client.GetResponseAsync("q").Result;
                    }
                }
                """ };
            test.Libraries = TestLibraries.AspNetCore;
            await test.RunAsync();
        }

        [Theory]
        [InlineData("var r = client.GetResponseAsync(.Result;")]
        [InlineData("var r = client.GetResponseAsync(\"q\").Result")]
        [InlineData("var r = client.GetResponseAsync(\"q\").")]
        [InlineData("Task.WaitAll(")]
        [InlineData("Task.WaitAll(new[] { client.GetResponseAsync(\"q\"), }).")]
        [InlineData("var t = client.GetResponseAsync(\"q\"); if (t.IsCompleted && ) { var r = t.Result; }")]
        [InlineData("client.GetResponseAsync(\"q\").GetAwaiter().GetResult(")]
        [InlineData("lock () { client.GetResponseAsync(\"q\").Wait(); }")]
        [InlineData("var x = nameof(client.GetResponseAsync(\"q\").Result);")]
        public async Task Code_being_typed_never_makes_the_analyzer_throw(string statement)
        {
            var source = Usings + "class C { async Task M(IChatClient client) { " + statement + " } string N(IChatClient c) => c.GetResponseAsync(\"x\").Result.Text; }";
            var project = TestProject.Create(new[] { source }, new TestSettings());
            var diagnostics = await TestProject.GetDiagnosticsAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RAG010BlockingWaitOnAiCallAnalyzer()));

            // The complete member after the broken one is still analyzed.
            Assert.Contains(diagnostics, d => d.Id == "RAG010" && d.GetMessage().Contains("'.Result'", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Semantic_kernel_calls_are_reported_and_fixed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class ChatController : ControllerBase
                {
                    private readonly Kernel _kernel;
                    public ChatController(Kernel kernel) => _kernel = kernel;

                    [HttpPost("/chat")]
                    public string Post(string message)
                    {
                        var chat = _kernel.GetRequiredService<IChatCompletionService>();
                        var history = new ChatHistory();
                        history.AddUserMessage(message);
                        var reply = {|#0:chat.GetChatMessageContentAsync(history).Result|};
                        var summary = {|#1:_kernel.InvokePromptAsync("Summarize: " + reply.Content).GetAwaiter().GetResult()|};
                        return summary.GetValue<string>() ?? "";
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "IChatCompletionService.GetChatMessageContentAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "Kernel.InvokePromptAsync"),
                },
                """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                public class ChatController : ControllerBase
                {
                    private readonly Kernel _kernel;
                    public ChatController(Kernel kernel) => _kernel = kernel;

                    [HttpPost("/chat")]
                    public async Task<string> Post(string message)
                    {
                        var chat = _kernel.GetRequiredService<IChatCompletionService>();
                        var history = new ChatHistory();
                        history.AddUserMessage(message);
                        var reply = await chat.GetChatMessageContentAsync(history);
                        var summary = await _kernel.InvokePromptAsync("Summarize: " + reply.Content);
                        return summary.GetValue<string>() ?? "";
                    }
                }
                """);
        }

        [Fact]
        public async Task Agent_framework_runs_are_reported_and_awaited()
        {
            // A run is model calls with tool calls in between: the blocked thread waits for all of them.
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;

                public record Ticket(string Title, string Priority);

                public class SupportController(AIAgent agent, ChatClientAgent triage) : ControllerBase
                {
                    [HttpPost("/support")]
                    public string Post(string message)
                    {
                        var session = agent.CreateSessionAsync().AsTask().Result;
                        var reply = {|#0:agent.RunAsync(message, session).Result|};
                        var ticket = {|#1:agent.RunAsync<Ticket>(message).GetAwaiter().GetResult()|};
                        var streamed = {|#2:agent.RunStreamingAsync(message).ToAgentResponseAsync().Result|};
                        var tuned = {|#3:triage.RunAsync(message, session, new ChatClientAgentRunOptions()).Result|};
                        return reply.Text + ticket.Result.Title + streamed.Text + tuned.Text;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "AIAgent.RunAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "AIAgent.RunAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(2).WithArguments(".Result", "AIAgent.RunStreamingAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(3).WithArguments(".Result", "ChatClientAgent.RunAsync"),
                },
                """
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;

                public record Ticket(string Title, string Priority);

                public class SupportController(AIAgent agent, ChatClientAgent triage) : ControllerBase
                {
                    [HttpPost("/support")]
                    public async Task<string> Post(string message)
                    {
                        var session = agent.CreateSessionAsync().AsTask().Result;
                        var reply = await agent.RunAsync(message, session);
                        var ticket = await agent.RunAsync<Ticket>(message);
                        var streamed = await agent.RunStreamingAsync(message).ToAgentResponseAsync();
                        var tuned = await triage.RunAsync(message, session, new ChatClientAgentRunOptions());
                        return reply.Text + ticket.Result.Title + streamed.Text + tuned.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Semantic_kernel_agent_invocations_are_reported_at_their_consumers()
        {
            // Agent.InvokeAsync returns an async stream: the wait happens where a consumer of the stream is blocked on.
            await Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.Agents;

                public class TravelController(ChatCompletionAgent agent) : ControllerBase
                {
                    [HttpPost("/travel")]
                    public string Post(string message)
                    {
                        var thread = new ChatHistoryAgentThread();
                        var replies = {|#0:agent.InvokeAsync(message, thread).ToListAsync().Result|};
                        var first = {|#1:agent.InvokeStreamingAsync(message, thread).FirstAsync().GetAwaiter().GetResult()|};
                        return replies.Last().Message.Content + first.Message.Content;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "Agent.InvokeAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "Agent.InvokeStreamingAsync"),
                },
                """
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.Agents;

                public class TravelController(ChatCompletionAgent agent) : ControllerBase
                {
                    [HttpPost("/travel")]
                    public async Task<string> Post(string message)
                    {
                        var thread = new ChatHistoryAgentThread();
                        var replies = await agent.InvokeAsync(message, thread).ToListAsync();
                        var first = await agent.InvokeStreamingAsync(message, thread).FirstAsync();
                        return replies.Last().Message.Content + first.Message.Content;
                    }
                }
                """);
        }

        [Fact]
        public async Task OpenAI_and_kernel_memory_calls_are_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.KernelMemory;
                using OpenAI.Chat;

                class Service
                {
                    string Complete(ChatClient client) => {|#0:client.CompleteChatAsync("hi").Result|}.Value.Content[0].Text;

                    string Ask(IKernelMemory memory) => {|#1:memory.AskAsync("What is RAG?").Result|}.Result;
                }
                """,
                Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "ChatClient.CompleteChatAsync"),
                Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".Result", "IKernelMemory.AskAsync"));
        }

        [Fact]
        public async Task No_fix_where_await_cannot_compile_or_would_change_a_contract()
        {
            var source = Usings + """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;

                public interface IAsk { string Ask(IChatClient client); }

                public abstract class BaseController : ControllerBase
                {
                    public abstract string Ask(IChatClient client);
                }

                public class OverridingController : BaseController
                {
                    public override string Ask(IChatClient client) => [|client.GetResponseAsync("q").Result|].Text;
                }

                public class ImplementingController : ControllerBase, IAsk
                {
                    public string Ask(IChatClient client) => [|client.GetResponseAsync("q").Result|].Text;
                }

                public class Service
                {
                    async Task<bool> Filter(IChatClient client)
                    {
                        await Task.Yield();
                        try { return true; }
                        catch (System.Exception) when ([|client.GetResponseAsync("retry?").Result|].Text == "yes") { return false; }
                    }

                    async Task Unsafe(IChatClient client)
                    {
                        await Task.Yield();
                        unsafe
                        {
                            [|client.GetResponseAsync("q").Wait()|];
                        }
                    }

                    static void Map(WebApplication app)
                    {
                        // A void lambda would start returning the response body.
                        app.MapPost("/warm", (IChatClient client) => [|client.GetResponseAsync("warm").Wait()|]);
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task A_task_waited_once_is_reported_once()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Service
                {
                    string Run(IChatClient client)
                    {
                        var task = client.GetResponseAsync("q");
                        {|#0:task.Wait(1000)|};
                        [|task.Wait()|];
                        return task.Result.Text + task.GetAwaiter().GetResult().Text;
                    }
                }
                """,
                Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Wait(…)", "IChatClient.GetResponseAsync"));
        }

        [Fact]
        public async Task User_apis_with_several_parameters_are_read_whole()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                namespace MyCorp.Llm
                {
                    public class Gateway
                    {
                        public Task<string> CompleteAsync(string prompt, CancellationToken token) => Task.FromResult(prompt);
                        public Task<string> EmbedAsync(string text) => Task.FromResult(text);
                    }

                    class Caller
                    {
                        string Run(Gateway gateway) => [|gateway.CompleteAsync("q", default).Result|] + [|gateway.EmbedAsync("e").Result|];
                    }
                }
                """ };
            test.Libraries = TestLibraries.None;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.ai_call_apis = M:MyCorp.Llm.Gateway.CompleteAsync(System.String,System.Threading.CancellationToken), M:MyCorp.Llm.Gateway.EmbedAsync(System.String)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Combined_and_offloaded_ai_tasks_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Service
                {
                    async Task Run(IChatClient client, string[] questions)
                    {
                        var a = client.GetResponseAsync("a");
                        var b = client.GetResponseAsync("b");
                        {|#0:Task.WhenAll(a, b).Wait()|};
                        var offloaded = {|#1:Task.Run(() => client.GetResponseAsync("c")).Result|};
                        var notAi = Task.Run(() => questions.Length).Result;
                        Task.WhenAll(Task.Delay(1), Task.Delay(2)).Wait();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG010").WithLocation(0).WithArguments(".Wait()", "IChatClient.GetResponseAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(1).WithArguments(".Result", "IChatClient.GetResponseAsync"),
                },
                Usings + """
                class Service
                {
                    async Task Run(IChatClient client, string[] questions)
                    {
                        var a = client.GetResponseAsync("a");
                        var b = client.GetResponseAsync("b");
                        await Task.WhenAll(a, b);
                        var offloaded = await Task.Run(() => client.GetResponseAsync("c"));
                        var notAi = Task.Run(() => questions.Length).Result;
                        Task.WhenAll(Task.Delay(1), Task.Delay(2)).Wait();
                    }
                }
                """);
        }

        [Fact]
        public async Task Select_arrays_stream_materializers_and_blocking_enumeration_are_waits_on_ai_calls()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Service
                {
                    async Task<int> Run(IChatClient client, string[] questions)
                    {
                        {|#0:Task.WaitAll(questions.Select(q => client.GetResponseAsync(q)).ToArray())|};
                        var tasks = questions.Select(q => client.GetResponseAsync(q)).ToList();
                        {|#1:Task.WaitAll(tasks)|};
                        var updates = {|#2:client.GetStreamingResponseAsync("q").ToListAsync().Result|};
                        var response = {|#3:client.GetStreamingResponseAsync("q").ToChatResponseAsync().GetAwaiter().GetResult()|};
                        var count = 0;
                        foreach (var update in {|#4:client.GetStreamingResponseAsync("q").ToBlockingEnumerable()|})
                        {
                            count++;
                        }

                        return updates.Count + response.Text.Length + count;
                    }

                    int NotAi(string[] questions)
                    {
                        Task.WaitAll(questions.Select(q => Task.Delay(q.Length)).ToArray());
                        var numbers = new[] { 1, 2 }.ToAsyncEnumerable().ToListAsync().Result;
                        return numbers.Count + new[] { 3 }.ToAsyncEnumerable().ToBlockingEnumerable().Count();
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG010").WithLocation(0).WithArguments("Task.WaitAll", "IChatClient.GetResponseAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(1).WithArguments("Task.WaitAll", "IChatClient.GetResponseAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(2).WithArguments(".Result", "IChatClient.GetStreamingResponseAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(3).WithArguments(".GetAwaiter().GetResult()", "IChatClient.GetStreamingResponseAsync"),
                    Verify.Diagnostic("RAG010").WithLocation(4).WithArguments(".ToBlockingEnumerable()", "IChatClient.GetStreamingResponseAsync"),
                },
                Usings + """
                class Service
                {
                    async Task<int> Run(IChatClient client, string[] questions)
                    {
                        await Task.WhenAll(questions.Select(q => client.GetResponseAsync(q)).ToArray());
                        var tasks = questions.Select(q => client.GetResponseAsync(q)).ToList();
                        await Task.WhenAll(tasks);
                        var updates = await client.GetStreamingResponseAsync("q").ToListAsync();
                        var response = await client.GetStreamingResponseAsync("q").ToChatResponseAsync();
                        var count = 0;
                        foreach (var update in [|client.GetStreamingResponseAsync("q").ToBlockingEnumerable()|])
                        {
                            count++;
                        }

                        return updates.Count + response.Text.Length + count;
                    }

                    int NotAi(string[] questions)
                    {
                        Task.WaitAll(questions.Select(q => Task.Delay(q.Length)).ToArray());
                        var numbers = new[] { 1, 2 }.ToAsyncEnumerable().ToListAsync().Result;
                        return numbers.Count + new[] { 3 }.ToAsyncEnumerable().ToBlockingEnumerable().Count();
                    }
                }
                """);
        }
    }
}
