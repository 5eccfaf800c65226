using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG050CancellationNotForwardedAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG050CancellationNotForwardedFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG050CancellationNotForwardedTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            """;

        [Fact]
        public async Task Token_in_scope_of_an_ordinary_method_is_passed_at_info_severity()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Answerer
                {
                    async Task<string> AnswerAsync(IChatClient client, string question, ChatOptions options, CancellationToken ct)
                    {
                        var first = await {|#0:client.GetResponseAsync(question)|};
                        var second = await {|#1:client.GetResponseAsync(question, options)|};
                        var third = await client.GetResponseAsync(question, options, ct);
                        var fourth = await client.GetResponseAsync(question, cancellationToken: CancellationToken.None);
                        return first.Text + second.Text + third.Text + fourth.Text;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                },
                Usings + """
                class Answerer
                {
                    async Task<string> AnswerAsync(IChatClient client, string question, ChatOptions options, CancellationToken ct)
                    {
                        var first = await client.GetResponseAsync(question, cancellationToken: ct);
                        var second = await client.GetResponseAsync(question, options, ct);
                        var third = await client.GetResponseAsync(question, options, ct);
                        var fourth = await client.GetResponseAsync(question, cancellationToken: CancellationToken.None);
                        return first.Text + second.Text + third.Text + fourth.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Multi_line_arguments_keep_their_layout()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Embedder
                {
                    async Task<int> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator, List<string> texts, CancellationToken cancellationToken)
                    {
                        var embeddings = await [|generator.GenerateAsync(
                            texts,
                            new EmbeddingGenerationOptions { Dimensions = 256 })|];
                        return embeddings.Count;
                    }
                }
                """,
                Usings + """
                class Embedder
                {
                    async Task<int> EmbedAsync(IEmbeddingGenerator<string, Embedding<float>> generator, List<string> texts, CancellationToken cancellationToken)
                    {
                        var embeddings = await generator.GenerateAsync(
                            texts,
                            new EmbeddingGenerationOptions { Dimensions = 256 },
                            cancellationToken);
                        return embeddings.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task Minimal_api_lambda_gets_a_token_parameter()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", async (IChatClient client, string q) =>
                        {
                            var draft = await {|#0:client.GetResponseAsync(q)|};
                            return (await {|#1:client.GetResponseAsync("Improve: " + draft.Text)|}).Text;
                        });
                        app.MapGet("/ping", async () => (await {|#2:Chat.Client.GetResponseAsync("ping")|}).Text);
                    }
                }

                static class Chat
                {
                    public static IChatClient Client = null!;
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token").WithSeverity(DiagnosticSeverity.Warning),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token"),
                    Verify.Diagnostic("RAG050").WithLocation(2).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token"),
                },
                """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", async (IChatClient client, string q, CancellationToken cancellationToken) =>
                        {
                            var draft = await client.GetResponseAsync(q, cancellationToken: cancellationToken);
                            return (await client.GetResponseAsync("Improve: " + draft.Text, cancellationToken: cancellationToken)).Text;
                        });
                        app.MapGet("/ping", async (CancellationToken cancellationToken) => (await Chat.Client.GetResponseAsync("ping", cancellationToken: cancellationToken)).Text);
                    }
                }

                static class Chat
                {
                    public static IChatClient Client = null!;
                }
                """);
        }

        [Fact]
        public async Task Structured_output_call_in_an_endpoint_gets_the_request_token()
        {
            // GetResponseAsync<T> (Microsoft.Extensions.AI's structured output) is a chat call like GetResponseAsync.
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public sealed record Summary(string Title, string[] Points);

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/summarize", async (IChatClient client, string text) =>
                            (await {|#0:client.GetResponseAsync<Summary>("Summarize: " + text)|}).Result);
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token") },
                """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                public sealed record Summary(string Title, string[] Points);

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/summarize", async (IChatClient client, string text, CancellationToken cancellationToken) =>
                            (await client.GetResponseAsync<Summary>("Summarize: " + text, cancellationToken: cancellationToken)).Result);
                }
                """);
        }

        [Fact]
        public async Task Agent_run_in_an_endpoint_gets_the_request_token()
        {
            // An Agent Framework run is model calls with tool calls in between; an abandoned request should stop it.
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Builder;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/chat", async (AIAgent agent, string message) => (await {|#0:agent.RunAsync(message)|}).Text);
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("AIAgent.RunAsync", "the request's cancellation token") },
                """
                using System.Threading;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Builder;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/chat", async (AIAgent agent, string message, CancellationToken cancellationToken) => (await agent.RunAsync(message, cancellationToken: cancellationToken)).Text);
                }
                """);
        }

        [Fact]
        public async Task Agent_framework_runs_in_handlers_get_the_request_token()
        {
            // Streaming, structured-output and ChatClientAgent run-options overloads: each keeps the model and tool loop
            // running after the client has gone unless the request's token reaches it.
            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;

                public record Ticket(string Title);

                public class SupportController(AIAgent agent, ChatClientAgent triage) : ControllerBase
                {
                    [HttpPost("/support")]
                    public async Task<string> Post(string message, CancellationToken cancellationToken)
                    {
                        var session = await agent.CreateSessionAsync(cancellationToken);
                        var text = "";
                        await foreach (var update in {|#0:agent.RunStreamingAsync(message, session)|})
                        {
                            text += update.Text;
                        }

                        var ticket = await {|#1:agent.RunAsync<Ticket>(message, session)|};
                        var routed = await {|#2:triage.RunAsync(message, session, new ChatClientAgentRunOptions())|};
                        var checkedReply = await agent.RunAsync(message, session, cancellationToken: cancellationToken);
                        var summary = await agent.RunStreamingAsync(message).ToAgentResponseAsync(cancellationToken);
                        return text + ticket.Result.Title + routed.Text + checkedReply.Text + summary.Text;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("AIAgent.RunStreamingAsync", "the cancellation token 'cancellationToken' in scope"),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("AIAgent.RunAsync", "the cancellation token 'cancellationToken' in scope"),
                    Verify.Diagnostic("RAG050").WithLocation(2).WithArguments("ChatClientAgent.RunAsync", "the cancellation token 'cancellationToken' in scope"),
                },
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.AspNetCore.Mvc;

                public record Ticket(string Title);

                public class SupportController(AIAgent agent, ChatClientAgent triage) : ControllerBase
                {
                    [HttpPost("/support")]
                    public async Task<string> Post(string message, CancellationToken cancellationToken)
                    {
                        var session = await agent.CreateSessionAsync(cancellationToken);
                        var text = "";
                        await foreach (var update in agent.RunStreamingAsync(message, session, cancellationToken: cancellationToken))
                        {
                            text += update.Text;
                        }

                        var ticket = await agent.RunAsync<Ticket>(message, session, cancellationToken: cancellationToken);
                        var routed = await triage.RunAsync(message, session, new ChatClientAgentRunOptions(), cancellationToken);
                        var checkedReply = await agent.RunAsync(message, session, cancellationToken: cancellationToken);
                        var summary = await agent.RunStreamingAsync(message).ToAgentResponseAsync(cancellationToken);
                        return text + ticket.Result.Title + routed.Text + checkedReply.Text + summary.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Semantic_kernel_agent_invocation_in_an_endpoint_gets_the_request_token()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.SemanticKernel.Agents;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/summary", async (ChatCompletionAgent agent, string text) =>
                        {
                            var summary = "";
                            await foreach (var item in {|#0:agent.InvokeAsync(text)|})
                            {
                                summary += item.Message.Content;
                            }

                            return summary;
                        });
                        app.MapPost("/translate", async (ChatCompletionAgent agent, string text, CancellationToken cancellationToken) =>
                        {
                            var translation = "";
                            await foreach (var item in agent.InvokeStreamingAsync(text).WithCancellation(cancellationToken))
                            {
                                translation += item.Message.Content;
                            }

                            return translation;
                        });
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("Agent.InvokeAsync", "the request's cancellation token") },
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.SemanticKernel.Agents;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/summary", async (ChatCompletionAgent agent, string text, CancellationToken cancellationToken) =>
                        {
                            var summary = "";
                            await foreach (var item in agent.InvokeAsync(text, cancellationToken: cancellationToken))
                            {
                                summary += item.Message.Content;
                            }

                            return summary;
                        });
                        app.MapPost("/translate", async (ChatCompletionAgent agent, string text, CancellationToken cancellationToken) =>
                        {
                            var translation = "";
                            await foreach (var item in agent.InvokeStreamingAsync(text).WithCancellation(cancellationToken))
                            {
                                translation += item.Message.Content;
                            }

                            return translation;
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task HttpContext_parameter_of_a_minimal_api_lambda_is_a_token_in_scope()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (HttpContext context, IChatClient client) => (await {|#0:client.GetResponseAsync("q")|}).Text);
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'context.RequestAborted' in scope").WithSeverity(DiagnosticSeverity.Warning) },
                """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (HttpContext context, IChatClient client) => (await client.GetResponseAsync("q", cancellationToken: context.RequestAborted)).Text);
                }
                """);
        }

        private const string Controller = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;

            namespace Rag.Web;

            [ApiController]
            [Route("ask")]
            public class AskController(IChatClient chat) : ControllerBase
            {
                [HttpGet]
                public async Task<string> Get(string q)
                {
                    var response = await [|chat.GetResponseAsync(q)|];
                    return response.Text;
                }
            }
            """;

        [Fact]
        public async Task Controller_action_gets_a_token_parameter()
        {
            await Verify.VerifyCodeFixAsync(Controller, """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Rag.Web;

                [ApiController]
                [Route("ask")]
                public class AskController(IChatClient chat) : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string q, CancellationToken cancellationToken)
                    {
                        var response = await chat.GetResponseAsync(q, cancellationToken: cancellationToken);
                        return response.Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Controller_action_can_pass_RequestAborted()
        {
            var test = new Verify.Test { TestCode = Controller, FixedCode = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Rag.Web;

                [ApiController]
                [Route("ask")]
                public class AskController(IChatClient chat) : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string q)
                    {
                        var response = await chat.GetResponseAsync(q, cancellationToken: HttpContext.RequestAborted);
                        return response.Text;
                    }
                }
                """ };
            test.CodeActionEquivalenceKey = RAG050CancellationNotForwardedFixer.RequestAbortedKey;
            await test.RunAsync();
        }

        [Fact]
        public async Task Controller_action_with_a_token_passes_it_at_warning_severity()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class AskController : Controller
                {
                    private readonly IChatClient _chat;
                    public AskController(IChatClient chat) => _chat = chat;

                    public async Task<IActionResult> Index(string q, CancellationToken token) => Ok((await {|#0:_chat.GetResponseAsync(q)|}).Text);
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'token' in scope").WithSeverity(DiagnosticSeverity.Warning) },
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class AskController : Controller
                {
                    private readonly IChatClient _chat;
                    public AskController(IChatClient chat) => _chat = chat;

                    public async Task<IActionResult> Index(string q, CancellationToken token) => Ok((await _chat.GetResponseAsync(q, cancellationToken: token)).Text);
                }
                """);
        }

        [Fact]
        public async Task Razor_page_handler_and_method_group_handler_get_a_parameter()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.Extensions.AI;

                public class AskModel(IChatClient chat) : PageModel
                {
                    public string? Answer { get; private set; }
                    public async Task OnPostAsync(string q) => Answer = (await [|chat.GetResponseAsync(q)|]).Text;
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.MapGet("/ask", AskAsync);
                    static async Task<string> AskAsync(IChatClient chat, string q) => (await [|chat.GetResponseAsync(q)|]).Text;
                }
                """,
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.Extensions.AI;

                public class AskModel(IChatClient chat) : PageModel
                {
                    public string? Answer { get; private set; }
                    public async Task OnPostAsync(string q, CancellationToken cancellationToken) => Answer = (await chat.GetResponseAsync(q, cancellationToken: cancellationToken)).Text;
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.MapGet("/ask", AskAsync);
                    static async Task<string> AskAsync(IChatClient chat, string q, CancellationToken cancellationToken) => (await chat.GetResponseAsync(q, cancellationToken: cancellationToken)).Text;
                }
                """);
        }

        [Fact]
        public async Task No_parameter_is_added_where_callers_or_signature_would_break()
        {
            var source = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.MapGet("/ask", AskAsync);
                    public static async Task<string> AskAsync(IChatClient chat, string q) => (await [|chat.GetResponseAsync(q)|]).Text;
                    public static Task<string> Again(IChatClient chat) => AskAsync(chat, "again");
                    public static void Optional(WebApplication app) =>
                        app.MapGet("/opt", async (IChatClient chat, string q = "hi") => (await [|chat.GetResponseAsync(q)|]).Text);
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Grpc_ServerCallContext_token_is_passed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.Extensions.AI;

                public static partial class Greeter
                {
                    [BindServiceMethod(typeof(Greeter), "BindService")]
                    public abstract class GreeterBase
                    {
                        public virtual Task<string> Ask(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public class GreeterService(IChatClient chat) : Greeter.GreeterBase
                {
                    public override async Task<string> Ask(string request, ServerCallContext context) => (await [|chat.GetResponseAsync(request)|]).Text;
                }
                """,
                """
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.Extensions.AI;

                public static partial class Greeter
                {
                    [BindServiceMethod(typeof(Greeter), "BindService")]
                    public abstract class GreeterBase
                    {
                        public virtual Task<string> Ask(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public class GreeterService(IChatClient chat) : Greeter.GreeterBase
                {
                    public override async Task<string> Ask(string request, ServerCallContext context) => (await chat.GetResponseAsync(request, cancellationToken: context.CancellationToken)).Text;
                }
                """);
        }

        [Fact]
        public async Task App_method_that_reaches_an_AI_call_and_index_writes_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.VectorData;

                public record Chunk([property: VectorStoreKey] string Id, [property: VectorStoreData] string Text);

                public class RagService(IChatClient chat, VectorStoreCollection<string, Chunk> chunks)
                {
                    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default) =>
                        (await chat.GetResponseAsync(question, cancellationToken: cancellationToken)).Text;

                    public async Task<string> HandleAsync(Chunk chunk, CancellationToken cancellationToken)
                    {
                        await {|#0:chunks.UpsertAsync(chunk)|};
                        return await {|#1:AnswerAsync(chunk.Text)|};
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("VectorStoreCollection.UpsertAsync", "the cancellation token 'cancellationToken' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("RagService.AnswerAsync → IChatClient.GetResponseAsync", "the cancellation token 'cancellationToken' in scope").WithSeverity(DiagnosticSeverity.Info),
                },
                Usings + """
                using Microsoft.Extensions.VectorData;

                public record Chunk([property: VectorStoreKey] string Id, [property: VectorStoreData] string Text);

                public class RagService(IChatClient chat, VectorStoreCollection<string, Chunk> chunks)
                {
                    public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken = default) =>
                        (await chat.GetResponseAsync(question, cancellationToken: cancellationToken)).Text;

                    public async Task<string> HandleAsync(Chunk chunk, CancellationToken cancellationToken)
                    {
                        await chunks.UpsertAsync(chunk, cancellationToken);
                        return await AnswerAsync(chunk.Text, cancellationToken);
                    }
                }
                """);
        }

        [Fact]
        public async Task Lambdas_without_a_token_are_not_crossed_and_local_functions_use_their_own()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Batch
                {
                    async Task<int> RunAsync(IChatClient client, string[] questions, CancellationToken ct)
                    {
                        // The lambda has no token of its own: CA2016's rule, no report.
                        var tasks = questions.Select(q => client.GetResponseAsync(q));
                        await Task.WhenAll(tasks);

                        async Task<string> Local(string q, CancellationToken inner) => (await [|client.GetResponseAsync(q)|]).Text;
                        async Task<string> NoToken(string q) => (await client.GetResponseAsync(q)).Text;
                        return (await Local("q", ct)).Length + (await NoToken("q")).Length;
                    }

                    async IAsyncEnumerable<string> StreamAsync(IChatClient client, string q, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
                    {
                        await foreach (var update in client.GetStreamingResponseAsync(q).WithCancellation(ct))
                        {
                            yield return update.Text;
                        }

                        await foreach (var update in client.GetStreamingResponseAsync(q).ConfigureAwait(false).WithCancellation(ct))
                        {
                            yield return update.Text;
                        }
                    }
                }
                """,
                Usings + """
                class Batch
                {
                    async Task<int> RunAsync(IChatClient client, string[] questions, CancellationToken ct)
                    {
                        // The lambda has no token of its own: CA2016's rule, no report.
                        var tasks = questions.Select(q => client.GetResponseAsync(q));
                        await Task.WhenAll(tasks);

                        async Task<string> Local(string q, CancellationToken inner) => (await client.GetResponseAsync(q, cancellationToken: inner)).Text;
                        async Task<string> NoToken(string q) => (await client.GetResponseAsync(q)).Text;
                        return (await Local("q", ct)).Length + (await NoToken("q")).Length;
                    }

                    async IAsyncEnumerable<string> StreamAsync(IChatClient client, string q, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
                    {
                        await foreach (var update in client.GetStreamingResponseAsync(q).WithCancellation(ct))
                        {
                            yield return update.Text;
                        }

                        await foreach (var update in client.GetStreamingResponseAsync(q).ConfigureAwait(false).WithCancellation(ct))
                        {
                            yield return update.Text;
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task Name_collision_picks_a_free_parameter_name()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (IChatClient client, string cancellationToken) => (await [|client.GetResponseAsync(cancellationToken)|]).Text);
                }
                """,
                """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (IChatClient client, string cancellationToken, CancellationToken cancellationToken1) => (await client.GetResponseAsync(cancellationToken, cancellationToken: cancellationToken1)).Text);
                }
                """);
        }

        [Fact]
        public async Task Editorconfig_severity_overrides_both_levels()
        {
            var source = Usings + """
                using Microsoft.AspNetCore.Builder;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (IChatClient client) => (await {|#0:client.GetResponseAsync("q")|}).Text);

                    static async Task<string> Helper(IChatClient client, CancellationToken ct) => (await {|#1:client.GetResponseAsync("q")|}).Text;
                }
                """;
            object[] inHandler = { "IChatClient.GetResponseAsync", "the request's cancellation token" };
            object[] inScope = { "IChatClient.GetResponseAsync", "the cancellation token 'ct' in scope" };
            var error = new Verify.Test { TestCode = source };
            error.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(0).WithArguments(inHandler).WithSeverity(DiagnosticSeverity.Error));
            error.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(1).WithArguments(inScope).WithSeverity(DiagnosticSeverity.Error));
            error.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("dotnet_diagnostic.RAG050.severity = error"));
            await error.RunAsync();

            var none = new Verify.Test { TestCode = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty) };
            none.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("dotnet_diagnostic.RAG050.severity = none"));
            await none.RunAsync();

            var category = new Verify.Test { TestCode = source };
            category.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(0).WithArguments(inHandler).WithSeverity(DiagnosticSeverity.Warning));
            category.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(1).WithArguments(inScope).WithSeverity(DiagnosticSeverity.Warning));
            category.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("dotnet_analyzer_diagnostic.category-RagSafety.Cancellation.severity = warning"));
            await category.RunAsync();

            var defaults = new Verify.Test { TestCode = source };
            defaults.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(0).WithArguments(inHandler).WithSeverity(DiagnosticSeverity.Warning));
            defaults.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(1).WithArguments(inScope).WithSeverity(DiagnosticSeverity.Info));
            await defaults.RunAsync();
        }

        [Fact]
        public async Task User_catalogued_api_and_sync_openai_calls()
        {
            var source = """
                using System.Threading;
                using System.Threading.Tasks;
                using OpenAI.Chat;

                namespace MyCorp.Rag
                {
                    public class Index
                    {
                        public Task PutAsync(string text, CancellationToken cancellationToken = default) => Task.CompletedTask;
                    }

                    class Ingest
                    {
                        async Task RunAsync(Index index, ChatClient chat, System.Collections.Generic.List<ChatMessage> messages, CancellationToken ct)
                        {
                            await {|#0:index.PutAsync("text")|};
                            var completion = {|#1:chat.CompleteChat(messages)|};
                        }
                    }
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source
                .Replace("{|#0:index.PutAsync(\"text\")|}", "index.PutAsync(\"text\", ct)")
                .Replace("{|#1:chat.CompleteChat(messages)|}", "chat.CompleteChat(messages, cancellationToken: ct)") };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("Index.PutAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("ChatClient.CompleteChat", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.index_write_apis = M:MyCorp.Rag.Index.PutAsync(System.String,System.Threading.CancellationToken)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Azure_function_gets_a_token_parameter()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Azure.Functions.Worker;
                using Microsoft.Extensions.AI;

                public class AskFunction(IChatClient chat)
                {
                    [Function("Ask")]
                    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) =>
                        new OkObjectResult((await [|chat.GetResponseAsync("q")|]).Text);
                }
                """,
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Azure.Functions.Worker;
                using Microsoft.Extensions.AI;

                public class AskFunction(IChatClient chat)
                {
                    [Function("Ask")]
                    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request, CancellationToken cancellationToken) =>
                        new OkObjectResult((await chat.GetResponseAsync("q", cancellationToken: cancellationToken)).Text);
                }
                """);
        }

        [Fact]
        public async Task Hub_method_with_a_token_and_partial_controller()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub(IChatClient chat) : Hub
                {
                    public async Task<string> Ask(string q, CancellationToken ct) => (await {|#0:chat.GetResponseAsync(q)|}).Text;
                }

                public partial class AskController : ControllerBase
                {
                    private readonly IChatClient _chat = null!;
                }

                public partial class AskController
                {
                    [HttpGet("/ask")]
                    public async Task<string> Get(string q, CancellationToken cancellationToken) => (await {|#1:_chat.GetResponseAsync(q)|}).Text;
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Warning),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'cancellationToken' in scope").WithSeverity(DiagnosticSeverity.Warning),
                },
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub(IChatClient chat) : Hub
                {
                    public async Task<string> Ask(string q, CancellationToken ct) => (await chat.GetResponseAsync(q, cancellationToken: ct)).Text;
                }

                public partial class AskController : ControllerBase
                {
                    private readonly IChatClient _chat = null!;
                }

                public partial class AskController
                {
                    [HttpGet("/ask")]
                    public async Task<string> Get(string q, CancellationToken cancellationToken) => (await _chat.GetResponseAsync(q, cancellationToken: cancellationToken)).Text;
                }
                """);
        }

        [Fact]
        public async Task Top_level_minimal_api_gets_a_parameter()
        {
            var test = new Verify.Test { TestCode = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create(args);
                app.MapGet("/ask", async (IChatClient chat, string q) => (await [|chat.GetResponseAsync(q)|]).Text);
                app.Run();
                """, FixedCode = """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create(args);
                app.MapGet("/ask", async (IChatClient chat, string q, CancellationToken cancellationToken) => (await chat.GetResponseAsync(q, cancellationToken: cancellationToken)).Text);
                app.Run();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task OpenAI_params_call_switches_to_the_sequence_overload_with_a_token()
        {
            const string OpenAIUsings = """
                using System.Threading;
                using System.Threading.Tasks;
                using OpenAI.Chat;

                """;
            await Verify.VerifyCodeFixAsync(OpenAIUsings + """
                class Answerer
                {
                    async Task<string> AskAsync(ChatClient client, string q, CancellationToken ct)
                    {
                        var a = await {|#0:client.CompleteChatAsync(new UserChatMessage(q))|};
                        var b = await {|#1:client.CompleteChatAsync(
                            new SystemChatMessage("Be brief."),
                            new UserChatMessage(q))|};
                        ChatMessage[] messages = [new UserChatMessage(q)];
                        var c = await {|#2:client.CompleteChatAsync(messages)|};
                        var d = {|#3:client.CompleteChat(new UserChatMessage(q), new UserChatMessage(q))|};
                        return a.Value.Content[0].Text + b.Value.Content[0].Text + c.Value.Content[0].Text + d.Value.Content[0].Text;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("ChatClient.CompleteChatAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("ChatClient.CompleteChatAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(2).WithArguments("ChatClient.CompleteChatAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(3).WithArguments("ChatClient.CompleteChat", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                },
                OpenAIUsings + """
                class Answerer
                {
                    async Task<string> AskAsync(ChatClient client, string q, CancellationToken ct)
                    {
                        var a = await client.CompleteChatAsync([new UserChatMessage(q)], cancellationToken: ct);
                        var b = await client.CompleteChatAsync(
                            [new SystemChatMessage("Be brief."),
                            new UserChatMessage(q)], cancellationToken: ct);
                        ChatMessage[] messages = [new UserChatMessage(q)];
                        var c = await client.CompleteChatAsync(messages, cancellationToken: ct);
                        var d = client.CompleteChat([new UserChatMessage(q), new UserChatMessage(q)], cancellationToken: ct);
                        return a.Value.Content[0].Text + b.Value.Content[0].Text + c.Value.Content[0].Text + d.Value.Content[0].Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task OpenAI_params_call_in_a_minimal_api_handler_gets_a_parameter()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (ChatClient chat, string q) => (await [|chat.CompleteChatAsync(new UserChatMessage(q))|]).Value.Content[0].Text);
                }
                """,
                """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask", async (ChatClient chat, string q, CancellationToken cancellationToken) => (await chat.CompleteChatAsync([new UserChatMessage(q)], cancellationToken: cancellationToken)).Value.Content[0].Text);
                }
                """);
        }

        [Fact]
        public async Task Hub_method_passes_the_connection_token()
        {
            // SignalR binds no token to an ordinary hub method; the connection's token fires when the caller goes away.
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub(IChatClient chat) : Hub
                {
                    public async Task<string> Ask(string q) => (await {|#0:chat.GetResponseAsync(q)|}).Text;

                    public async Task<string> Shadowed(string q, string Context) => (await chat.GetResponseAsync(q + Context)).Text;
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the connection's cancellation token 'Context.ConnectionAborted'").WithSeverity(DiagnosticSeverity.Warning) },
                """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class ChatHub(IChatClient chat) : Hub
                {
                    public async Task<string> Ask(string q) => (await chat.GetResponseAsync(q, cancellationToken: Context.ConnectionAborted)).Text;

                    public async Task<string> Shadowed(string q, string Context) => (await chat.GetResponseAsync(q + Context)).Text;
                }
                """);
        }

        [Fact]
        public async Task Request_tokens_from_HttpContext_accessor_and_hub_context_count_as_forwarded()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;

                public class AskController(IChatClient chat) : ControllerBase
                {
                    [HttpGet("/ask")]
                    public async Task<string> Get(string q) => (await chat.GetResponseAsync(q, cancellationToken: HttpContext.RequestAborted)).Text;
                }

                public class ChatHub(IChatClient chat) : Hub
                {
                    public async Task<string> Ask(string q) => (await chat.GetResponseAsync(q, cancellationToken: Context.ConnectionAborted)).Text;
                }

                public class Answerer(IChatClient chat, IHttpContextAccessor accessor)
                {
                    public async Task<string> AnswerAsync(string q) =>
                        (await chat.GetResponseAsync(q, cancellationToken: accessor.HttpContext?.RequestAborted ?? default)).Text;
                }

                public static class Endpoints
                {
                    // The service reads the request's token from the accessor: the chain has a token after all.
                    public static void Map(WebApplication app) =>
                        app.MapGet("/answer", async (Answerer answerer, string q) => await answerer.AnswerAsync(q));
                }
                """);
        }

        [Fact]
        public async Task Embeddings_searches_and_writes_in_a_handler_are_info_generations_warn()
        {
            // Severity by intent: a generation abandoned by its caller keeps the model busy for seconds to minutes; a query
            // embedding, a search or a write in a handler is one short call.
            await Verify.VerifyCodeFixAsync("""
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.VectorData;

                public record Doc([property: VectorStoreKey] string Id, [property: VectorStoreData] string Text);

                public class Rag(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> docs)
                {
                    public async Task<string> SearchAsync(string q, CancellationToken cancellationToken = default)
                    {
                        var vector = await embedder.GenerateVectorAsync(q, cancellationToken: cancellationToken);
                        return string.Join("\n", await docs.SearchAsync(vector, 3, cancellationToken: cancellationToken).Select(r => r.Record.Text).ToListAsync(cancellationToken));
                    }

                    public async Task<string> AnswerAsync(string q, CancellationToken cancellationToken = default)
                    {
                        var context = await SearchAsync(q, cancellationToken);
                        return (await chat.GetResponseAsync(context + q, cancellationToken: cancellationToken)).Text;
                    }
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/embed", async (IEmbeddingGenerator<string, Embedding<float>> embedder, string q) =>
                            (await {|#0:embedder.GenerateVectorAsync(q)|}).Length);
                        app.MapPost("/docs", async (VectorStoreCollection<string, Doc> docs, Doc doc) => await {|#1:docs.UpsertAsync(doc)|});
                        app.MapGet("/search", async (Rag rag, string q) => await {|#2:rag.SearchAsync(q)|});
                        app.MapGet("/ask", async (Rag rag, string q) => await {|#3:rag.AnswerAsync(q)|});
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IEmbeddingGenerator.GenerateVectorAsync", "the request's cancellation token").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("VectorStoreCollection.UpsertAsync", "the request's cancellation token").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(2).WithArguments("Rag.SearchAsync → IEmbeddingGenerator.GenerateVectorAsync", "the request's cancellation token").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(3).WithArguments("Rag.AnswerAsync → IChatClient.GetResponseAsync", "the request's cancellation token").WithSeverity(DiagnosticSeverity.Warning),
                },
                """
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.VectorData;

                public record Doc([property: VectorStoreKey] string Id, [property: VectorStoreData] string Text);

                public class Rag(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> docs)
                {
                    public async Task<string> SearchAsync(string q, CancellationToken cancellationToken = default)
                    {
                        var vector = await embedder.GenerateVectorAsync(q, cancellationToken: cancellationToken);
                        return string.Join("\n", await docs.SearchAsync(vector, 3, cancellationToken: cancellationToken).Select(r => r.Record.Text).ToListAsync(cancellationToken));
                    }

                    public async Task<string> AnswerAsync(string q, CancellationToken cancellationToken = default)
                    {
                        var context = await SearchAsync(q, cancellationToken);
                        return (await chat.GetResponseAsync(context + q, cancellationToken: cancellationToken)).Text;
                    }
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/embed", async (IEmbeddingGenerator<string, Embedding<float>> embedder, string q, CancellationToken cancellationToken) =>
                            (await embedder.GenerateVectorAsync(q, cancellationToken: cancellationToken)).Length);
                        app.MapPost("/docs", async (VectorStoreCollection<string, Doc> docs, Doc doc, CancellationToken cancellationToken) => await docs.UpsertAsync(doc, cancellationToken));
                        app.MapGet("/search", async (Rag rag, string q, CancellationToken cancellationToken) => await rag.SearchAsync(q, cancellationToken));
                        app.MapGet("/ask", async (Rag rag, string q, CancellationToken cancellationToken) => await rag.AnswerAsync(q, cancellationToken));
                    }
                }
                """);
        }

        [Fact]
        public async Task Explicit_default_token_on_a_generation_in_a_handler_is_replaced()
        {
            // In a handler an explicit default loses the request's abort the same way an omitted token does.
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/chat", async (IChatClient client, string message) =>
                            (await {|#0:client.GetResponseAsync(message, cancellationToken: default)|}).Text);
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the request's cancellation token (it is given 'default')").WithSeverity(DiagnosticSeverity.Warning) },
                """
                using System.Threading;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/chat", async (IChatClient client, string message, CancellationToken cancellationToken) =>
                            (await client.GetResponseAsync(message, cancellationToken: cancellationToken)).Text);
                }
                """);

            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class ChatController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<string> Post(string message, CancellationToken token) =>
                        (await {|#0:chat.GetResponseAsync(message, null, CancellationToken.None)|}).Text;
                }
                """,
                new[] { Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'token' in scope (it is given 'CancellationToken.None')").WithSeverity(DiagnosticSeverity.Warning) },
                """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class ChatController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<string> Post(string message, CancellationToken token) =>
                        (await chat.GetResponseAsync(message, null, token)).Text;
                }
                """);
        }

        [Fact]
        public async Task Explicit_default_on_a_write_or_outside_handlers_is_a_choice()
        {
            // Finishing a write after the caller left is a legitimate reason for CancellationToken.None; so is any choice
            // made outside a request handler.
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.VectorData;

                public record Doc([property: VectorStoreKey] string Id, [property: VectorStoreData] string Text);

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapPost("/docs", async (VectorStoreCollection<string, Doc> docs, Doc doc, CancellationToken ct) =>
                            await docs.UpsertAsync(doc, CancellationToken.None));

                    static async Task<string> Summarize(IChatClient chat, string text, CancellationToken ct) =>
                        (await chat.GetResponseAsync(text, cancellationToken: default(CancellationToken))).Text;
                }
                """);
        }

        [Fact]
        public async Task Stream_consumed_with_a_token_is_forwarded()
        {
            // The consumer enumerates the stream with its token, and the AI iterator receives it ([EnumeratorCancellation]).
            await Verify.VerifyCodeFixAsync(Usings + """
                class Streams
                {
                    async Task<int> RunAsync(IChatClient client, string q, CancellationToken ct)
                    {
                        var response = await client.GetStreamingResponseAsync(q).ToChatResponseAsync(ct);
                        var updates = await client.GetStreamingResponseAsync(q).ToListAsync(ct);
                        var first = await client.GetStreamingResponseAsync(q).Where(u => u.Text.Length > 0).FirstAsync(ct);
                        var all = await {|#0:client.GetStreamingResponseAsync(q)|}.ToListAsync();
                        var none = await {|#1:client.GetStreamingResponseAsync(q)|}.ToListAsync(CancellationToken.None);
                        return response.Text.Length + updates.Count + first.Text.Length + all.Count + none.Count;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetStreamingResponseAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                    Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("IChatClient.GetStreamingResponseAsync", "the cancellation token 'ct' in scope").WithSeverity(DiagnosticSeverity.Info),
                },
                Usings + """
                class Streams
                {
                    async Task<int> RunAsync(IChatClient client, string q, CancellationToken ct)
                    {
                        var response = await client.GetStreamingResponseAsync(q).ToChatResponseAsync(ct);
                        var updates = await client.GetStreamingResponseAsync(q).ToListAsync(ct);
                        var first = await client.GetStreamingResponseAsync(q).Where(u => u.Text.Length > 0).FirstAsync(ct);
                        var all = await client.GetStreamingResponseAsync(q, cancellationToken: ct).ToListAsync();
                        var none = await client.GetStreamingResponseAsync(q, cancellationToken: ct).ToListAsync(CancellationToken.None);
                        return response.Text.Length + updates.Count + first.Text.Length + all.Count + none.Count;
                    }
                }
                """);
        }

        [Fact]
        public async Task Handler_calling_an_app_method_without_a_token_parameter_gets_info()
        {
            // The handler has the request's token but the app's own method takes none: the token cannot reach the model.
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public class Answers(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
                {
                    public async Task<string> AnswerAsync(string q)
                    {
                        var vector = await embedder.GenerateVectorAsync(q);
                        return await ComposeAsync(q, vector.Length);
                    }

                    public async Task<int> EmbedAsync(string q) => (await embedder.GenerateVectorAsync(q)).Length;

                    private async Task<string> ComposeAsync(string q, int size) => (await chat.GetResponseAsync(q + size)).Text;
                }

                public class AskController(Answers answers) : ControllerBase
                {
                    [HttpGet("/ask")]
                    public async Task<string> Get(string q, CancellationToken cancellationToken) => await {|#0:answers.AnswerAsync(q)|};

                    // Only an embedding behind it: nothing long to cancel.
                    [HttpGet("/embed")]
                    public async Task<int> Embed(string q, CancellationToken cancellationToken) => await answers.EmbedAsync(q);
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/ask2", async (Answers answers, string q) => await {|#1:answers.AnswerAsync(q)|});

                    // Not a request handler: no request token to lose.
                    static Task<string> Warm(Answers answers) => answers.AnswerAsync("warm-up");
                }
                """,
                Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("Answers.AnswerAsync → Answers.ComposeAsync → IChatClient.GetResponseAsync", "the request's cancellation token: 'Answers.AnswerAsync' has no CancellationToken parameter").WithSeverity(DiagnosticSeverity.Info),
                Verify.Diagnostic("RAG050").WithLocation(1).WithArguments("Answers.AnswerAsync → Answers.ComposeAsync → IChatClient.GetResponseAsync", "the request's cancellation token: 'Answers.AnswerAsync' has no CancellationToken parameter").WithSeverity(DiagnosticSeverity.Info));
        }

        [Fact]
        public async Task Missing_parameter_info_skips_captured_tokens_given_contexts_and_detached_work()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.AI;

                public class Summaries(IChatClient chat)
                {
                    // Starts the summary and returns: the work is meant to outlive the request.
                    public void Refresh(int id) => _ = SummarizeAsync(id);

                    private async Task SummarizeAsync(int id) => await chat.GetResponseAsync("summarize " + id);

                    // Given the HttpContext, it has the request's token at hand (and is told so here, not at its caller).
                    public async Task WriteAnswerAsync(HttpContext context, string q) =>
                        await context.Response.WriteAsync((await {|#0:chat.GetResponseAsync(q)|}).Text);
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/tickets/{id}", (int id, Summaries summaries, CancellationToken cancellationToken) => summaries.Refresh(id));
                        app.MapPost("/answer", async (HttpContext context, Summaries summaries, string q) => await summaries.WriteAnswerAsync(context, q));
                        app.MapPost("/stream", (IChatClient chat, string q, CancellationToken cancellationToken) =>
                        {
                            // The local function captures the handler's token.
                            async IAsyncEnumerable<string> Stream()
                            {
                                await foreach (var update in chat.GetStreamingResponseAsync(q, cancellationToken: cancellationToken))
                                {
                                    yield return update.Text;
                                }
                            }

                            return Stream();
                        });
                    }
                }
                """,
                Verify.Diagnostic("RAG050").WithLocation(0).WithArguments("IChatClient.GetResponseAsync", "the cancellation token 'context.RequestAborted' in scope").WithSeverity(DiagnosticSeverity.Info));
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Broken
                {
                    async Task<string> AskAsync(IChatClient client, CancellationToken ct)
                    {
                        var a = await client.GetResponseAsync({|CS0103:missing|});
                        var b = await client.{|CS1061:GetResponseAsyncc|}("q");
                        return a.Text;
                    }
                }
                """);
        }
    }
}
