using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG011SynchronousAiApiAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG011SynchronousAiApiFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG011SynchronousAiApiTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            """;

        private const string WebUsings = """
            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using OpenAI.Chat;

            """;

        [Fact]
        public async Task CompleteChat_in_async_method_awaits_the_twin_and_forwards_the_token()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(ChatClient client, List<ChatMessage> messages, CancellationToken ct)
                    {
                        await Task.Yield();
                        ChatCompletion completion = {|#0:client.CompleteChat(messages)|};
                        return completion.Content[0].Text;
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG011").WithLocation(0).WithArguments("ChatClient.CompleteChat", "ChatClient.CompleteChatAsync") },
                Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(ChatClient client, List<ChatMessage> messages, CancellationToken ct)
                    {
                        await Task.Yield();
                        ChatCompletion completion = await client.CompleteChatAsync(messages, cancellationToken: ct);
                        return completion.Content[0].Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Result_used_as_receiver_keeps_parentheses_and_token_goes_positional()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Embedder
                {
                    async Task<float> FirstAsync(EmbeddingClient client, string text, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        var first = [|client.GenerateEmbedding(text, null)|].Value.ToFloats().Span[0];
                        var all = [|client.GenerateEmbeddings(new[] { text, text })|].Value.Count;
                        return first + all;
                    }
                }
                """,
                Usings + """
                class Embedder
                {
                    async Task<float> FirstAsync(EmbeddingClient client, string text, CancellationToken cancellationToken)
                    {
                        await Task.Yield();
                        var first = (await client.GenerateEmbeddingAsync(text, null, cancellationToken)).Value.ToFloats().Span[0];
                        var all = (await client.GenerateEmbeddingsAsync(new[] { text, text }, cancellationToken: cancellationToken)).Value.Count;
                        return first + all;
                    }
                }
                """);
        }

        [Fact]
        public async Task Params_overload_has_a_twin_without_token()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(ChatClient client, CancellationToken ct)
                    {
                        await Task.Yield();
                        return [|client.CompleteChat(new UserChatMessage("hi"), new UserChatMessage("there"))|].Value.Content[0].Text;
                    }
                }
                """,
                Usings + """
                class ChatService
                {
                    async Task<string> AskAsync(ChatClient client, CancellationToken ct)
                    {
                        await Task.Yield();
                        return (await client.CompleteChatAsync(new UserChatMessage("hi"), new UserChatMessage("there"))).Value.Content[0].Text;
                    }
                }
                """);
        }

        [Fact]
        public async Task Minimal_api_lambda_becomes_async()
        {
            await Verify.VerifyCodeFixAsync(WebUsings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", (ChatClient client, string q) => [|client.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text);
                        app.MapPost("/ask", (ChatClient client, string q) =>
                        {
                            // the answer
                            var completion = [|client.CompleteChat(new UserChatMessage(q))|];
                            return completion.Value.Content[0].Text;
                        });
                    }
                }
                """,
                WebUsings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", async (ChatClient client, string q) => (await client.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text);
                        app.MapPost("/ask", async (ChatClient client, string q) =>
                        {
                            // the answer
                            var completion = await client.CompleteChatAsync(new UserChatMessage(q));
                            return completion.Value.Content[0].Text;
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task Minimal_api_in_top_level_statements()
        {
            var test = new Verify.Test { TestCode = """
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                var app = WebApplication.Create(args);
                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                app.MapGet("/ask", (string q) => [|chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text);
                app.Run();
                """, FixedCode = """
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                var app = WebApplication.Create(args);
                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                app.MapGet("/ask", async (string q) => (await chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text);
                app.Run();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Top_level_statements_with_await_are_async_code_and_without_are_not()
        {
            var test = new Verify.Test { TestCode = """
                using OpenAI.Chat;

                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                await System.Threading.Tasks.Task.Yield();
                var answer = [|chat.CompleteChat(new UserChatMessage("hi"))|];
                System.Console.WriteLine(answer.Value.Content[0].Text);
                """, FixedCode = """
                using OpenAI.Chat;

                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                await System.Threading.Tasks.Task.Yield();
                var answer = await chat.CompleteChatAsync(new UserChatMessage("hi"));
                System.Console.WriteLine(answer.Value.Content[0].Text);
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();

            var console = new Verify.Test { TestCode = """
                using OpenAI.Chat;

                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                var answer = chat.CompleteChat(new UserChatMessage("hi"));
                System.Console.WriteLine(answer.Value.Content[0].Text);
                """ };
            console.TestState.OutputKind = OutputKind.ConsoleApplication;
            await console.RunAsync();
        }

        [Fact]
        public async Task Controller_action_with_primary_constructor_becomes_async()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                namespace Rag.Web;

                [ApiController]
                [Route("ask")]
                public class AskController(ChatClient chat) : ControllerBase
                {
                    [HttpGet]
                    public string Get(string q) => [|chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;

                    [HttpPost]
                    public IActionResult Post(string q)
                    {
                        var completion = [|chat.CompleteChat(new UserChatMessage(q))|];
                        return Ok(completion.Value.Content[0].Text);
                    }
                }
                """,
                """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                namespace Rag.Web;

                [ApiController]
                [Route("ask")]
                public class AskController(ChatClient chat) : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string q) => (await chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;

                    [HttpPost]
                    public async Task<IActionResult> Post(string q)
                    {
                        var completion = await chat.CompleteChatAsync(new UserChatMessage(q));
                        return Ok(completion.Value.Content[0].Text);
                    }
                }
                """);
        }

        [Fact]
        public async Task Razor_page_hub_and_method_group_handlers()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using OpenAI.Chat;

                public class AskModel : PageModel
                {
                    private readonly ChatClient _chat;
                    public AskModel(ChatClient chat) => _chat = chat;
                    public string? Answer { get; private set; }
                    public void OnPost(string q) => Answer = [|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                }

                public class ChatHub : Hub
                {
                    private readonly ChatClient _chat;
                    public ChatHub(ChatClient chat) => _chat = chat;
                    public string Ask(string q) => [|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.MapGet("/ask", Ask);
                    static string Ask(ChatClient chat, string q) => [|chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                }
                """,
                """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using OpenAI.Chat;

                public class AskModel : PageModel
                {
                    private readonly ChatClient _chat;
                    public AskModel(ChatClient chat) => _chat = chat;
                    public string? Answer { get; private set; }
                    public async Task OnPost(string q) => Answer = (await _chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;
                }

                public class ChatHub : Hub
                {
                    private readonly ChatClient _chat;
                    public ChatHub(ChatClient chat) => _chat = chat;
                    public async Task<string> Ask(string q) => (await _chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.MapGet("/ask", Ask);
                    static async Task<string> Ask(ChatClient chat, string q) => (await chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;
                }
                """);
        }

        [Fact]
        public async Task Image_edits_and_variations_await_their_twins()
        {
            // Edits and variations are generations that take seconds, like GenerateImage.
            await Verify.VerifyCodeFixAsync("""
                using System.IO;
                using System.Threading.Tasks;
                using OpenAI.Images;

                class ImageService(ImageClient images)
                {
                    public async Task<GeneratedImage> EditAsync(Stream image, string prompt)
                    {
                        await Task.Yield();
                        return {|#0:images.GenerateImageEdit(image, "image.png", prompt)|}.Value;
                    }

                    public async Task<GeneratedImageCollection> VaryAsync(Stream image)
                    {
                        await Task.Yield();
                        return {|#1:images.GenerateImageVariations(image, "image.png", 2)|}.Value;
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG011").WithLocation(0).WithArguments("ImageClient.GenerateImageEdit", "ImageClient.GenerateImageEditAsync"),
                    Verify.Diagnostic("RAG011").WithLocation(1).WithArguments("ImageClient.GenerateImageVariations", "ImageClient.GenerateImageVariationsAsync"),
                },
                """
                using System.IO;
                using System.Threading.Tasks;
                using OpenAI.Images;

                class ImageService(ImageClient images)
                {
                    public async Task<GeneratedImage> EditAsync(Stream image, string prompt)
                    {
                        await Task.Yield();
                        return (await images.GenerateImageEditAsync(image, "image.png", prompt)).Value;
                    }

                    public async Task<GeneratedImageCollection> VaryAsync(Stream image)
                    {
                        await Task.Yield();
                        return (await images.GenerateImageVariationsAsync(image, "image.png", 2)).Value;
                    }
                }
                """);
        }

        [Fact]
        public async Task Azure_search_query_and_writes()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Azure.Search.Documents;
                using Azure.Search.Documents.Models;

                public record Doc(string Id, string Text);

                public class Indexer(SearchClient search)
                {
                    public async Task<long?> CountAsync(string q)
                    {
                        await Task.Yield();
                        return {|#0:search.Search<Doc>(q)|}.Value.TotalCount;
                    }

                    public async Task StoreAsync(IEnumerable<Doc> docs, CancellationToken ct)
                    {
                        await Task.Yield();
                        {|#1:search.UploadDocuments(docs)|};
                        {|#2:search.MergeOrUploadDocuments(docs, null, ct)|};
                        {|#3:search.IndexDocuments(IndexDocumentsBatch.Upload(docs))|};
                        {|#4:search.DeleteDocuments("id", new[] { "1" })|};
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG011").WithLocation(0).WithArguments("SearchClient.Search", "SearchClient.SearchAsync"),
                    Verify.Diagnostic("RAG011").WithLocation(1).WithArguments("SearchClient.UploadDocuments", "SearchClient.UploadDocumentsAsync"),
                    Verify.Diagnostic("RAG011").WithLocation(2).WithArguments("SearchClient.MergeOrUploadDocuments", "SearchClient.MergeOrUploadDocumentsAsync"),
                    Verify.Diagnostic("RAG011").WithLocation(3).WithArguments("SearchClient.IndexDocuments", "SearchClient.IndexDocumentsAsync"),
                    Verify.Diagnostic("RAG011").WithLocation(4).WithArguments("SearchClient.DeleteDocuments", "SearchClient.DeleteDocumentsAsync"),
                },
                """
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Azure.Search.Documents;
                using Azure.Search.Documents.Models;

                public record Doc(string Id, string Text);

                public class Indexer(SearchClient search)
                {
                    public async Task<long?> CountAsync(string q)
                    {
                        await Task.Yield();
                        return (await search.SearchAsync<Doc>(q)).Value.TotalCount;
                    }

                    public async Task StoreAsync(IEnumerable<Doc> docs, CancellationToken ct)
                    {
                        await Task.Yield();
                        await search.UploadDocumentsAsync(docs, cancellationToken: ct);
                        await search.MergeOrUploadDocumentsAsync(docs, null, ct);
                        await search.IndexDocumentsAsync(IndexDocumentsBatch.Upload(docs), cancellationToken: ct);
                        await search.DeleteDocumentsAsync("id", new[] { "1" }, cancellationToken: ct);
                    }
                }
                """);
        }

        [Fact]
        public async Task Legacy_azure_openai_GetChatCompletions_in_controller()
        {
            var test = new Verify.Test { TestCode = """
                using Azure.AI.OpenAI;
                using Microsoft.AspNetCore.Mvc;

                public class ChatController : ControllerBase
                {
                    private readonly OpenAIClient _client;
                    public ChatController(OpenAIClient client) => _client = client;

                    public string Ask(string q)
                    {
                        var options = new ChatCompletionsOptions(new[] { new ChatMessage(ChatRole.User, q) });
                        var embeddings = {|#1:_client.GetEmbeddings("ada", new EmbeddingsOptions(q))|};
                        return {|#0:_client.GetChatCompletions("gpt-4", options)|}.Value.Choices[0].Message.Content;
                    }
                }
                """, FixedCode = """
                using System.Threading.Tasks;
                using Azure.AI.OpenAI;
                using Microsoft.AspNetCore.Mvc;

                public class ChatController : ControllerBase
                {
                    private readonly OpenAIClient _client;
                    public ChatController(OpenAIClient client) => _client = client;

                    public async Task<string> Ask(string q)
                    {
                        var options = new ChatCompletionsOptions(new[] { new ChatMessage(ChatRole.User, q) });
                        var embeddings = await _client.GetEmbeddingsAsync("ada", new EmbeddingsOptions(q));
                        return (await _client.GetChatCompletionsAsync("gpt-4", options)).Value.Choices[0].Message.Content;
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG011").WithLocation(0).WithArguments("OpenAIClient.GetChatCompletions", "OpenAIClient.GetChatCompletionsAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG011").WithLocation(1).WithArguments("OpenAIClient.GetEmbeddings", "OpenAIClient.GetEmbeddingsAsync"));
            test.Libraries = TestLibraries.Default | TestLibraries.LegacyAzureOpenAI;
            await test.RunAsync();
        }

        [Fact]
        public async Task Reported_without_fix_where_await_cannot_go()
        {
            var source = Usings + """
                using Microsoft.AspNetCore.Mvc;

                public class AskController : ControllerBase
                {
                    private readonly ChatClient _chat;
                    private readonly object _gate = new();
                    public AskController(ChatClient chat) => _chat = chat;

                    // A lambda inside the handler is not the handler: it is not made async.
                    public List<string> Many(string[] questions) =>
                        questions.Select(q => [|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text).ToList();

                    // A local function's callers would change.
                    public string Local(string q)
                    {
                        string Ask() => [|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                        return Ask();
                    }

                    // Already returns a task without being async.
                    public Task<string> NotAsync(string q) => Task.FromResult([|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text);

                    public async Task<string> Locked(string q)
                    {
                        await Task.Yield();
                        lock (_gate)
                        {
                            return [|_chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                        }
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Sync_code_outside_handlers_and_calls_without_awaitable_twin_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Tool
                {
                    // A console tool or a background thread: synchronous by design.
                    string Ask(ChatClient client, string q) => client.CompleteChat(new UserChatMessage(q)).Value.Content[0].Text;

                    async Task StreamAsync(ChatClient client, string q)
                    {
                        // The twin returns an async stream, not a task: another fix entirely.
                        foreach (var update in client.CompleteChatStreaming(new UserChatMessage(q)))
                        {
                            await Task.Yield();
                        }

                        await client.CompleteChatAsync(new UserChatMessage(q));
                    }

                    async Task<string> AsyncLambdaInSyncMethodIsAsyncCode(ChatClient client)
                    {
                        System.Func<string> sync = () => client.CompleteChat(new UserChatMessage("q")).Value.Content[0].Text;
                        await Task.Yield();
                        return sync();
                    }
                }
                """);
        }

        [Fact]
        public async Task The_enclosing_async_override_is_never_suggested()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.ClientModel;

                class CachedChatClient : ChatClient
                {
                    public override Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
                        Task.FromResult(CompleteChat(messages, options, cancellationToken));
                }
                """);
        }

        [Fact]
        public async Task User_catalogued_api_with_twin_and_obsolete_twin()
        {
            var source = """
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                namespace MyCorp.Rag
                {
                    public class Index
                    {
                        public int Put(string text, CancellationToken cancellationToken = default) => 0;
                        public Task<int> PutAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(0);
                        public int Remove(string id) => 0;
                        [Obsolete("use RemoveManyAsync")]
                        public Task<int> RemoveAsync(string id) => Task.FromResult(0);
                    }

                    class Ingest
                    {
                        async Task RunAsync(Index index, CancellationToken ct)
                        {
                            await Task.Yield();
                            {|#0:index.Put("text")|};
                            index.Remove("id");
                        }
                    }
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source.Replace("{|#0:index.Put(\"text\")|}", "await index.PutAsync(\"text\", ct)") };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG011").WithLocation(0).WithArguments("Index.Put", "Index.PutAsync"));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.index_write_apis = M:MyCorp.Rag.Index.Put(System.String,System.Threading.CancellationToken), M:MyCorp.Rag.Index.Remove(System.String)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Azure_function_becomes_async_and_grpc_override_is_reported_without_fix()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Azure.Functions.Worker;
                using OpenAI.Chat;

                public class AskFunction(ChatClient chat)
                {
                    [Function("Ask")]
                    public IActionResult Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) =>
                        new OkObjectResult([|chat.CompleteChat(new UserChatMessage("q"))|].Value.Content[0].Text);
                }

                public static partial class Greeter
                {
                    [BindServiceMethod(typeof(Greeter), "BindService")]
                    public abstract class GreeterBase
                    {
                        public virtual Task<string> Ask(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public partial class GreeterService(ChatClient chat) : Greeter.GreeterBase
                {
                    // Overrides keep their signature; it already returns a task without being async.
                    public override Task<string> Ask(string request, ServerCallContext context) =>
                        Task.FromResult([|chat.CompleteChat(new UserChatMessage(request))|].Value.Content[0].Text);
                }
                """,
                """
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Azure.Functions.Worker;
                using OpenAI.Chat;

                public class AskFunction(ChatClient chat)
                {
                    [Function("Ask")]
                    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) =>
                        new OkObjectResult((await chat.CompleteChatAsync(new UserChatMessage("q"))).Value.Content[0].Text);
                }

                public static partial class Greeter
                {
                    [BindServiceMethod(typeof(Greeter), "BindService")]
                    public abstract class GreeterBase
                    {
                        public virtual Task<string> Ask(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public partial class GreeterService(ChatClient chat) : Greeter.GreeterBase
                {
                    // Overrides keep their signature; it already returns a task without being async.
                    public override Task<string> Ask(string request, ServerCallContext context) =>
                        Task.FromResult({|RAG011:chat.CompleteChat(new UserChatMessage(request))|}.Value.Content[0].Text);
                }
                """);
        }

        [Fact]
        public async Task Async_local_function_and_async_lambda_in_a_record()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public record Answerer(ChatClient Chat)
                {
                    public async Task<string> AskAsync(string q)
                    {
                        async Task<string> Local() => [|Chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                        System.Func<Task<string>> lambda = async () => [|Chat.CompleteChat(new UserChatMessage(q))|].Value.Content[0].Text;
                        return await Local() + await lambda();
                    }
                }
                """,
                Usings + """
                public record Answerer(ChatClient Chat)
                {
                    public async Task<string> AskAsync(string q)
                    {
                        async Task<string> Local() => (await Chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;
                        System.Func<Task<string>> lambda = async () => (await Chat.CompleteChatAsync(new UserChatMessage(q))).Value.Content[0].Text;
                        return await Local() + await lambda();
                    }
                }
                """);
        }

        [Fact]
        public async Task Image_and_speech_generation_in_a_handler()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Audio;
                using OpenAI.Images;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/image", (ImageClient images, string prompt) => [|images.GenerateImage(prompt)|].Value.ImageUri);
                        app.MapGet("/speech", (AudioClient audio, string text) => [|audio.GenerateSpeech(text, GeneratedSpeechVoice.Alloy)|].Value.ToArray());
                    }
                }
                """,
                """
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Audio;
                using OpenAI.Images;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/image", async (ImageClient images, string prompt) => (await images.GenerateImageAsync(prompt)).Value.ImageUri);
                        app.MapGet("/speech", async (AudioClient audio, string text) => (await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy)).Value.ToArray());
                    }
                }
                """);
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Broken
                {
                    async Task<string> AskAsync(ChatClient client)
                    {
                        await Task.Yield();
                        return client.CompleteChat({|CS0103:missing|}).Value.Content[0].Text;
                    }

                    async Task Other(ChatClient client) => client.{|CS1061:CompleteChatt|}();
                }
                """);
        }
    }
}
