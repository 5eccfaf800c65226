using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG032ClientCreatedPerCallAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG032ClientCreatedPerCallFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG032ClientCreatedPerCallTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc;

            """;

        [Fact]
        public async Task Using_var_in_controller_action_is_hoisted_with_a_timeout()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public class AskController : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        using var client = {|#0:new HttpClient()|};
                        return await client.GetStringAsync(url);
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in request handler 'AskController.Get'") },
                Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly HttpClient SharedClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        return await SharedClient.GetStringAsync(url);
                    }
                }
                """);
        }

        [Fact]
        public async Task Using_statement_is_unwrapped_and_initializer_kept()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public class AskController : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string path)
                    {
                        // One client per request.
                        using (var http = [|new HttpClient { BaseAddress = new Uri("https://example.test/") }|])
                        {
                            var text = await http.GetStringAsync(path);
                            return text.Trim();
                        }
                    }
                }
                """,
                Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly HttpClient SharedHttp = new HttpClient { BaseAddress = new Uri("https://example.test/"), Timeout = TimeSpan.FromSeconds(120) };

                    [HttpGet]
                    public async Task<string> Get(string path)
                    {
                        // One client per request.
                        var text = await SharedHttp.GetStringAsync(path);
                        return text.Trim();
                    }
                }
                """);
        }

        [Fact]
        public async Task Existing_timeout_is_kept_and_receiver_form_is_replaced()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Importer
                {
                    public async Task ImportAsync(IEnumerable<string> urls)
                    {
                        foreach (var url in urls)
                        {
                            var page = await {|#0:new HttpClient() { Timeout = TimeSpan.FromMinutes(5) }|}.GetStringAsync(url);
                            Console.WriteLine(page);
                        }
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "inside a loop") },
                Usings + """
                class Importer
                {
                    private static readonly HttpClient SharedHttpClient = new HttpClient() { Timeout = TimeSpan.FromMinutes(5) };

                    public async Task ImportAsync(IEnumerable<string> urls)
                    {
                        foreach (var url in urls)
                        {
                            var page = await SharedHttpClient.GetStringAsync(url);
                            Console.WriteLine(page);
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task Method_called_from_handler_is_reported_with_the_handler()
        {
            var test = new Verify.Test { TestCode = Usings + """
                public class AskController : ControllerBase
                {
                    private readonly Fetcher _fetcher = new();

                    [HttpGet]
                    public Task<string> Get(string url) => _fetcher.FetchAsync(url);
                }

                public class Fetcher
                {
                    public async Task<string> FetchAsync(string url)
                    {
                        var client = {|#0:new HttpClient()|};
                        return await client.GetStringAsync(url);
                    }

                    public HttpClient Create() => new HttpClient();
                }
                """, FixedCode = Usings + """
                public class AskController : ControllerBase
                {
                    private readonly Fetcher _fetcher = new();

                    [HttpGet]
                    public Task<string> Get(string url) => _fetcher.FetchAsync(url);
                }

                public class Fetcher
                {
                    private static readonly HttpClient SharedClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

                    public async Task<string> FetchAsync(string url)
                    {
                        return await SharedClient.GetStringAsync(url);
                    }

                    public HttpClient Create() => new HttpClient();
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in 'Fetcher.FetchAsync', called from request handler 'AskController.Get'"));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.http_timeout_seconds = 30"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Minimal_api_lambda_hoists_into_a_program_part_and_sdk_clients_get_no_fix()
        {
            var test = new Verify.Test { TestCode = """
                using System.ClientModel;
                using System.Net.Http;
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                var app = WebApplication.Create(args);
                app.MapPost("/ask", async (string q) =>
                {
                    var chat = {|#0:new ChatClient("gpt-4o", new ApiKeyCredential(System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!))|};
                    using var http = {|#1:new HttpClient()|};
                    var page = await http.GetStringAsync("https://example.test/" + q);
                    return (await chat.CompleteChatAsync(page)).Value.Content[0].Text;
                });
                app.Run();
                """, FixedCode = """
                using System;
                using System.ClientModel;
                using System.Net.Http;
                using Microsoft.AspNetCore.Builder;
                using OpenAI.Chat;

                var app = WebApplication.Create(args);
                app.MapPost("/ask", async (string q) =>
                {
                    var chat = {|#0:new ChatClient("gpt-4o", new ApiKeyCredential(System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!))|};
                    var page = await SharedHttp.GetStringAsync("https://example.test/" + q);
                    return (await chat.CompleteChatAsync(page)).Value.Content[0].Text;
                });
                app.Run();

                partial class Program
                {
                    private static readonly HttpClient SharedHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("ChatClient", "in request handler 'MapPost(\"/ask\")'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(1).WithArguments("HttpClient", "in request handler 'MapPost(\"/ask\")'"));

            // An SDK client is never hoisted: the docs show a DI registration instead.
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("ChatClient", "in request handler 'MapPost(\"/ask\")'"));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Top_level_statements_reuse_an_existing_program_part()
        {
            var test = new Verify.Test { TestCode = """
                using System;
                using System.Net.Http;
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.Create(args);
                app.MapGet("/a", async () => await [|new HttpClient()|].GetStringAsync("https://example.test/a"));
                app.MapGet("/b", async () => await [|new HttpClient()|].GetStringAsync("https://example.test/b"));
                app.Run();

                public partial class Program
                {
                    internal const string Name = "rag";
                }
                """, FixedCode = """
                using System;
                using System.Net.Http;
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.Create(args);
                app.MapGet("/a", async () => await SharedHttpClient.GetStringAsync("https://example.test/a"));
                app.MapGet("/b", async () => await SharedHttpClient2.GetStringAsync("https://example.test/b"));
                app.Run();

                public partial class Program
                {
                    internal const string Name = "rag";
                    private static readonly HttpClient SharedHttpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                    private static readonly HttpClient SharedHttpClient2 = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                }
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Shared_and_factory_clients_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using Microsoft.Extensions.DependencyInjection;
                using OpenAI;

                public class AskController : ControllerBase
                {
                    private static readonly HttpClient Shared = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                    private static readonly HttpMessageHandler Handler = new SocketsHttpHandler();
                    private static HttpClient? _lazy;
                    private readonly IHttpClientFactory _factory;

                    public AskController(IHttpClientFactory factory) => _factory = factory;

                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        var fromFactory = _factory.CreateClient("ai");
                        _lazy ??= new HttpClient();
                        using var overShared = new HttpClient(Handler, disposeHandler: false);
                        var sdk = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(Shared) });
                        return await fromFactory.GetStringAsync(url) + await overShared.GetStringAsync(url);
                    }
                }

                public static class Startup
                {
                    public static void Register(IServiceCollection services, IEnumerable<string> names)
                    {
                        foreach (var name in names)
                        {
                            var client = new HttpClient { BaseAddress = new Uri("https://" + name) };
                            services.AddKeyedSingleton(name, client);
                        }

                        services.AddSingleton(_ => new HttpClient());
                    }

                    public static void Main()
                    {
                        using var client = new HttpClient();
                        client.GetStringAsync("https://example.test/").Wait();
                    }
                }
                """);
        }
        [Fact]
        public async Task Factories_whose_clients_every_caller_uses_once_per_request_are_reported_without_a_fix()
        {
            var source = Usings + """
                public class AskController : ControllerBase
                {
                    [HttpGet]
                    public Task<string> Get(string endpoint, string url) => Chat.AskAsync(endpoint, url);

                    [HttpGet]
                    public async Task<string> Direct(string endpoint, string url) => await Clients.Direct(endpoint).GetStringAsync(url);

                    [HttpGet]
                    public async Task<string> Redirects(string url)
                    {
                        var handler = new HttpClientHandler { AllowAutoRedirect = false };
                        using var client = {|#2:new HttpClient(handler)|};
                        return await client.GetStringAsync(url);
                    }
                }

                public static class Chat
                {
                    public static async Task<string> AskAsync(string endpoint, string url)
                    {
                        using var client = Clients.ForEndpoint(endpoint);
                        return await client.GetStringAsync(url);
                    }
                }

                public static class Clients
                {
                    public static HttpClient ForEndpoint(string endpoint)
                    {
                        var handler = new HttpClientHandler { AllowAutoRedirect = false };
                        var client = {|#0:new HttpClient(handler)|};
                        client.BaseAddress = new Uri(endpoint);
                        return client;
                    }

                    public static HttpClient Direct(string endpoint) => {|#1:new HttpClient { BaseAddress = new Uri(endpoint) }|};
                }
                """;
            var expected = new[]
            {
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in 'Clients.ForEndpoint', which returns it to callers that use it once, called from request handler 'AskController.Get'"),
                Verify.Diagnostic("RAG032").WithLocation(1).WithArguments("HttpClient", "in 'Clients.Direct', which returns it to callers that use it once, called from request handler 'AskController.Direct'"),
                Verify.Diagnostic("RAG032").WithLocation(2).WithArguments("HttpClient", "in request handler 'AskController.Redirects'"),
            };
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        [Fact]
        public async Task Factories_whose_clients_a_caller_keeps_or_that_no_handler_reaches_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.Collections.Concurrent;
                using Microsoft.Extensions.DependencyInjection;

                public class AskController : ControllerBase
                {
                    private static readonly ConcurrentDictionary<string, HttpClient> ByEndpoint = new();
                    private static readonly HttpMessageHandler SharedHandler = new SocketsHttpHandler();
                    private static HttpClient? _lazy;
                    private HttpClient? _kept;

                    [HttpGet]
                    public async Task<string> Cached(string endpoint, string url) =>
                        await ByEndpoint.GetOrAdd(endpoint, e => Clients.Cached(e)).GetStringAsync(url);

                    [HttpGet]
                    public async Task<string> Lazy(string url) => await (_lazy ??= Clients.Lazy()).GetStringAsync(url);

                    [HttpGet]
                    public async Task<string> Kept(string url)
                    {
                        _kept = Clients.Kept();
                        var once = Clients.Kept();
                        return await _kept.GetStringAsync(url) + await once.GetStringAsync(url);
                    }

                    [HttpGet]
                    public async Task<string> OverSharedHandler(string url)
                    {
                        var handler = SharedHandler;
                        using var client = new HttpClient(handler, disposeHandler: false);
                        return await client.GetStringAsync(url);
                    }
                }

                public static class Clients
                {
                    public static HttpClient Cached(string endpoint) => new HttpClient { BaseAddress = new Uri(endpoint) };

                    public static HttpClient Lazy() => new HttpClient();

                    public static HttpClient Kept() => new HttpClient();

                    public static HttpClient AtStartUp() => new HttpClient(new HttpClientHandler());
                }

                public static class Registrations
                {
                    public static void AddClients(this IServiceCollection services) => services.AddSingleton(_ => Clients.AtStartUp());
                }
                """);
        }

        [Fact]
        public async Task Fix_all_gives_each_field_a_unique_name()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly string SharedClient = "taken";

                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        using var client = [|new HttpClient()|];
                        return await client.GetStringAsync(url + SharedClient);
                    }

                    [HttpPost]
                    public async Task<string> Post(string url)
                    {
                        var client = [|new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })|];
                        return await client.GetStringAsync(url);
                    }
                }
                """,
                Usings + """
                public class AskController : ControllerBase
                {
                    private static readonly string SharedClient = "taken";
                    private static readonly HttpClient SharedClient2 = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                    private static readonly HttpClient SharedClient3 = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(120) };

                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        return await SharedClient2.GetStringAsync(url + SharedClient);
                    }

                    [HttpPost]
                    public async Task<string> Post(string url)
                    {
                        return await SharedClient3.GetStringAsync(url);
                    }
                }
                """);
        }

        [Fact]
        public async Task No_fix_when_the_creation_or_the_local_depends_on_the_call()
        {
            var source = Usings + """
                public class AskController : ControllerBase
                {
                    private readonly Uri _baseAddress = new("https://example.test/");

                    [HttpGet]
                    public async Task<string> FromParameter(string host)
                    {
                        using var client = [|new HttpClient { BaseAddress = new Uri(host) }|];
                        return await client.GetStringAsync("/");
                    }

                    [HttpGet]
                    public async Task<string> FromInstance()
                    {
                        using var client = [|new HttpClient { BaseAddress = _baseAddress }|];
                        return await client.GetStringAsync("/");
                    }

                    private static Uri BaseUri { get; } = new("https://example.test/");

                    [HttpGet]
                    public async Task<string> FromStaticProperty()
                    {
                        using var client = [|new HttpClient { BaseAddress = BaseUri }|];
                        return await client.GetStringAsync("/");
                    }

                    [HttpGet]
                    public async Task<string> Reassigned(string url)
                    {
                        var client = [|new HttpClient()|];
                        var first = await client.GetStringAsync(url);
                        client = new HttpClient();
                        return first + await client.GetStringAsync(url);
                    }

                    [HttpGet]
                    public async Task<string> DisposedByHand(string url)
                    {
                        var client = [|new HttpClient()|];
                        try { return await client.GetStringAsync(url); }
                        finally { client.Dispose(); }
                    }
                }

                public interface IFetcher
                {
                    async Task<string> FetchAsync(string url)
                    {
                        using var client = new HttpClient();
                        return await client.GetStringAsync(url);
                    }
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            await test.RunAsync();
        }

        [Fact]
        public async Task HttpClient_handed_to_a_connector_in_a_handler_is_replaced()
        {
            await Verify.VerifyCodeFixAsync("""
                #pragma warning disable SKEXP0010
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                namespace Rag.Api;

                public class ChatController(IConfiguration configuration) : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Ask(string question)
                    {
                        var kernel = Kernel.CreateBuilder()
                            .AddOpenAIChatCompletion("gpt-4o", configuration.Key, httpClient: {|#0:new HttpClient()|})
                            .Build();
                        return (await kernel.InvokePromptAsync(question)).ToString();
                    }
                }

                public interface IConfiguration { string Key { get; } }
                """,
                new[] { Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in request handler 'ChatController.Ask'") },
                """
                #pragma warning disable SKEXP0010
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                namespace Rag.Api;

                public class ChatController(IConfiguration configuration) : ControllerBase
                {
                    private static readonly HttpClient SharedHttpClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    [HttpPost]
                    public async Task<string> Ask(string question)
                    {
                        var kernel = Kernel.CreateBuilder()
                            .AddOpenAIChatCompletion("gpt-4o", configuration.Key, httpClient: SharedHttpClient)
                            .Build();
                        return (await kernel.InvokePromptAsync(question)).ToString();
                    }
                }

                public interface IConfiguration { string Key { get; } }
                """);
        }

        // The shape of a field-test miss whose endpoints do not bind there (their package is not served): a minimal API
        // endpoint reaches a scoped service that builds a kernel over a new HttpClient on every chat request.
        [Fact]
        public async Task Kernel_built_over_a_new_client_in_a_service_an_endpoint_reaches_is_reported()
        {
            var source = """
                #pragma warning disable SKEXP0010
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel;

                var app = WebApplication.Create(args);
                app.MapPost("/v1/chat/completions", (CompletionService completions, HttpContext context, string question) =>
                    completions.CompleteAsync(context, question));
                app.Run();

                public static class ModelOptions
                {
                    public static string ChatEndpoint { get; set; } = "https://example.test/";
                    public static string ChatToken { get; set; } = "";
                }

                public sealed class EndpointHandler(string endpoint) : DelegatingHandler(new HttpClientHandler())
                {
                    public string Endpoint { get; } = endpoint;
                }

                public class CompletionService(KernelFactory kernels)
                {
                    public async Task CompleteAsync(HttpContext context, string question)
                    {
                        await foreach (var part in StreamAsync(question, context.RequestAborted))
                        {
                            await context.Response.WriteAsync(part, context.RequestAborted);
                        }
                    }

                    private async IAsyncEnumerable<string> StreamAsync(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        var kernel = kernels.CreateFunctionKernel("gpt-4o");
                        await foreach (var part in kernel.InvokePromptStreamingAsync(question, cancellationToken: cancellationToken))
                        {
                            yield return part.ToString();
                        }
                    }
                }

                public class KernelFactory
                {
                    public Kernel CreateFunctionKernel(string chatModel)
                    {
                        var kernel = Kernel.CreateBuilder()
                            .AddOpenAIChatCompletion(
                                chatModel,
                                ModelOptions.ChatToken,
                                httpClient: {|#0:new HttpClient(new EndpointHandler(ModelOptions.ChatEndpoint))|})
                            .Build();
                        return kernel;
                    }
                }
                """;
            var fixedSource = """
                #pragma warning disable SKEXP0010
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.SemanticKernel;

                var app = WebApplication.Create(args);
                app.MapPost("/v1/chat/completions", (CompletionService completions, HttpContext context, string question) =>
                    completions.CompleteAsync(context, question));
                app.Run();

                public static class ModelOptions
                {
                    public static string ChatEndpoint { get; set; } = "https://example.test/";
                    public static string ChatToken { get; set; } = "";
                }

                public sealed class EndpointHandler(string endpoint) : DelegatingHandler(new HttpClientHandler())
                {
                    public string Endpoint { get; } = endpoint;
                }

                public class CompletionService(KernelFactory kernels)
                {
                    public async Task CompleteAsync(HttpContext context, string question)
                    {
                        await foreach (var part in StreamAsync(question, context.RequestAborted))
                        {
                            await context.Response.WriteAsync(part, context.RequestAborted);
                        }
                    }

                    private async IAsyncEnumerable<string> StreamAsync(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        var kernel = kernels.CreateFunctionKernel("gpt-4o");
                        await foreach (var part in kernel.InvokePromptStreamingAsync(question, cancellationToken: cancellationToken))
                        {
                            yield return part.ToString();
                        }
                    }
                }

                public class KernelFactory
                {
                    private static readonly HttpClient SharedHttpClient = new HttpClient(new EndpointHandler(ModelOptions.ChatEndpoint)) { Timeout = TimeSpan.FromSeconds(120) };

                    public Kernel CreateFunctionKernel(string chatModel)
                    {
                        var kernel = Kernel.CreateBuilder()
                            .AddOpenAIChatCompletion(
                                chatModel,
                                ModelOptions.ChatToken,
                                httpClient: SharedHttpClient)
                            .Build();
                        return kernel;
                    }
                }
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0)
                .WithArguments("HttpClient", "in 'KernelFactory.CreateFunctionKernel', called from request handler 'MapPost(\"/v1/chat/completions\")'"));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Sdk_clients_in_loops_and_per_item_lambdas_are_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Azure;
                using Azure.Search.Documents;
                using Qdrant.Client;

                static class Indexer
                {
                    public static async Task RunAsync(IEnumerable<string> hosts, string[] indexes, Uri endpoint, AzureKeyCredential key)
                    {
                        foreach (var host in hosts)
                        {
                            using var qdrant = {|#0:new QdrantClient(host)|};
                            await qdrant.ListCollectionsAsync();
                        }

                        await Parallel.ForEachAsync(indexes, async (index, token) =>
                        {
                            var search = {|#1:new SearchClient(endpoint, index, key)|};
                            await search.GetDocumentCountAsync(token);
                        });

                        var counts = indexes.Select(index => {|#2:new SearchClient(endpoint, index, key)|}.GetDocumentCount()).ToList();

                        var clients = new List<SearchClient>();
                        for (var i = 0; i < indexes.Length; i++)
                        {
                            clients.Add(new SearchClient(endpoint, indexes[i], key));
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("QdrantClient", "inside a loop"),
                Verify.Diagnostic("RAG032").WithLocation(1).WithArguments("SearchClient", "inside a loop"),
                Verify.Diagnostic("RAG032").WithLocation(2).WithArguments("SearchClient", "inside a loop"));
        }

        [Fact]
        public async Task Records_structs_partial_types_and_local_functions_are_fixed()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                namespace Rag;

                public partial record Probe(string Url)
                {
                    public async Task<int> RunAsync(IEnumerable<string> paths)
                    {
                        var total = 0;
                        foreach (var path in paths)
                        {
                            total += await Measure(path);
                        }

                        return total;

                        static async Task<int> Measure(string path)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                using HttpClient http = [|new()|];
                                return (await http.GetStringAsync(path)).Length;
                            }

                            return 0;
                        }
                    }
                }

                public struct Pinger
                {
                    public async Task PingAsync(string[] urls)
                    {
                        foreach (var url in urls)
                            using (var client = [|new HttpClient()|])
                                await client.GetAsync(url);
                    }
                }
                """,
                Usings + """
                namespace Rag;

                public partial record Probe(string Url)
                {
                    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(120) };

                    public async Task<int> RunAsync(IEnumerable<string> paths)
                    {
                        var total = 0;
                        foreach (var path in paths)
                        {
                            total += await Measure(path);
                        }

                        return total;

                        static async Task<int> Measure(string path)
                        {
                            for (var attempt = 0; attempt < 3; attempt++)
                            {
                                return (await SharedHttp.GetStringAsync(path)).Length;
                            }

                            return 0;
                        }
                    }
                }

                public struct Pinger
                {
                    private static readonly HttpClient SharedClient = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    public async Task PingAsync(string[] urls)
                    {
                        foreach (var url in urls)
                            await SharedClient.GetAsync(url);
                    }
                }
                """);
        }

        [Fact]
        public async Task Razor_page_and_hub_handlers_and_chain_depth()
        {
            var test = new Verify.Test { TestCode = """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using OpenAI.Embeddings;

                public class IndexModel : PageModel
                {
                    public async Task OnGetAsync() => await Helpers.Level1();
                }

                public class ChatHub : Hub
                {
                    public Task Send(string message) => Helpers.Deep1();
                }

                public static class Helpers
                {
                    public static async Task Level1()
                    {
                        var embeddings = {|#0:new EmbeddingClient("text-embedding-3-small", "ignored")|};
                        await embeddings.GenerateEmbeddingAsync("x");
                    }

                    public static Task Deep1() => Deep2();
                    public static Task Deep2() => Deep3();
                    public static async Task Deep3()
                    {
                        using var client = new HttpClient();
                        await client.GetAsync("https://example.test/");
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("EmbeddingClient", "in 'Helpers.Level1', called from request handler 'IndexModel.OnGetAsync'"));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.call_chain_depth = 3"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_declaration_typed_as_a_loop_body_gets_no_fix()
        {
            // While typing, `using var` can stand as a loop's whole body (an error): the finding stays, and the fix, which
            // would have to remove the declaration from a place that holds exactly one statement, is not offered.
            var source = """
                using System.Net.Http;

                foreach (var url in args)
                    {|CS1023:using var perUrl = {|#0:new HttpClient()|};|}
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "inside a loop"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "inside a loop"));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Console_main_loops_are_reported_but_a_single_creation_is_not()
        {
            var test = new Verify.Test { TestCode = """
                using System.Net.Http;
                using OpenAI.Chat;

                var chat = new ChatClient("gpt-4o", System.Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                using var shared = new HttpClient();
                foreach (var url in args)
                {
                    using var perUrl = {|#0:new HttpClient()|};
                    System.Console.WriteLine(perUrl.GetStringAsync(url).Result);
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "inside a loop"));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Azure_function_and_user_client_types()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Functions.Worker;
                using Microsoft.Azure.Functions.Worker.Http;
                using Qdrant.Client;

                namespace MyCorp.Rag
                {
                    public sealed class LlmGateway
                    {
                        public Task<string> CompleteAsync(string prompt) => Task.FromResult(prompt);
                    }

                    public class AskFunction
                    {
                        [Function("Ask")]
                        public async Task<string> Run([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequestData request)
                        {
                            var qdrant = {|#0:new QdrantClient("localhost")|};
                            var gateway = {|#1:new LlmGateway()|};
                            return await gateway.CompleteAsync("q");
                        }
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("QdrantClient", "in request handler 'AskFunction.Run'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG032").WithLocation(1).WithArguments("LlmGateway", "in request handler 'AskFunction.Run'"));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.thread_safe_client_apis = T:MyCorp.Rag.LlmGateway"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Nothing_is_registered_without_an_ai_library()
        {
            var test = new Verify.Test { TestCode = Usings + """
                public class AskController : ControllerBase
                {
                    [HttpGet]
                    public async Task<string> Get(string url)
                    {
                        using var client = new HttpClient();
                        return await client.GetStringAsync(url);
                    }
                }
                """ };
            test.Libraries = TestLibraries.AspNetCore;
            await test.RunAsync();
        }

        [Theory]
        [InlineData("using var c = new HttpClient(;")]
        [InlineData("using (var c = new HttpClient()) { return c; }")]
        [InlineData("var c = new HttpClient { Timeout = };")]
        [InlineData("foreach (var x in ) { var c = new HttpClient(); }")]
        [InlineData("var c = new UnknownClient(); var d = new HttpClient(c);")]
        [InlineData("new HttpClient().")]
        public async Task Code_being_typed_never_makes_the_analyzer_throw(string statement)
        {
            var source = Usings + "public class AskController : ControllerBase { [HttpGet] public void Get() { " + statement + " } [HttpGet] public void Ok() { using var ok = new HttpClient(); } }";
            var project = TestProject.Create(new[] { source }, new TestSettings());
            var diagnostics = await TestProject.GetDiagnosticsAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RAG032ClientCreatedPerCallAnalyzer()));

            // The complete member after the broken one is still analyzed.
            Assert.Contains(diagnostics, d => d.Id == "RAG032" && d.GetMessage().Contains("'AskController.Ok'", System.StringComparison.Ordinal));
        }

        [Fact]
        public async Task Clients_built_with_every_instance_of_a_per_request_type_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.DependencyInjection;
                using OpenAI.Chat;

                public class AskController : ControllerBase
                {
                    private readonly HttpClient _http;
                    public AskController() => _http = {|#0:new HttpClient()|};

                    [HttpGet]
                    public Task<string> Get(string url) => _http.GetStringAsync(url);
                }

                public class ChatHub : Hub
                {
                    private readonly ChatClient _chat = {|#1:new ChatClient("gpt-4o", "key")|};
                    public Task Ping() => Task.CompletedTask;
                }

                public class IndexModel : PageModel
                {
                    private readonly HttpClient _http = {|#2:new HttpClient()|};
                    public void OnGet() { }
                }

                public interface IRagService { }

                public sealed class RagService : IRagService
                {
                    private readonly HttpClient _http;
                    public RagService() { _http = {|#3:new HttpClient()|}; }
                }

                public sealed class Embedder
                {
                    private readonly HttpClient _http = {|#4:new HttpClient()|};
                }

                public static class Registration
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddScoped<IRagService, RagService>();
                        services.AddTransient<Embedder>();
                    }
                }
                """,
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in the constructor of 'AskController', which ASP.NET Core creates for every request"),
                Verify.Diagnostic("RAG032").WithLocation(1).WithArguments("ChatClient", "in a field initializer of 'ChatHub', which SignalR creates for every hub method call"),
                Verify.Diagnostic("RAG032").WithLocation(2).WithArguments("HttpClient", "in a field initializer of 'IndexModel', which ASP.NET Core creates for every request"),
                Verify.Diagnostic("RAG032").WithLocation(3).WithArguments("HttpClient", "in the constructor of 'RagService', registered with 'AddScoped<IRagService, RagService>' (one instance per request scope)"),
                Verify.Diagnostic("RAG032").WithLocation(4).WithArguments("HttpClient", "in a field initializer of 'Embedder', registered with 'AddTransient<Embedder>' (a new instance for every resolution)"));
        }

        [Fact]
        public async Task Clients_built_once_per_singleton_or_unregistered_type_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                public sealed class Gateway
                {
                    private readonly HttpClient _http = new HttpClient();
                    public Gateway() { }
                }

                public sealed class Both
                {
                    private readonly HttpClient _http;
                    public Both() => _http = new HttpClient();
                }

                public sealed class Unregistered
                {
                    private readonly HttpClient _http = new HttpClient();
                }

                public static class Registration
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton<Gateway>();
                        services.AddSingleton<Both>();
                        services.AddScoped(sp => sp.GetRequiredService<Both>());
                    }
                }
                """);
        }

        [Fact]
        public async Task Fields_recreated_in_a_method_a_handler_reaches_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed class ChatService
                {
                    private HttpClient _http = null!;
                    private HttpClient? _lazy;
                    private static HttpClient? s_shared;

                    public async Task<string> AskAsync(string url)
                    {
                        _http = {|#0:new HttpClient()|};
                        if (_lazy == null)
                        {
                            _lazy = new HttpClient();
                        }

                        s_shared ??= new HttpClient();
                        return await _http.GetStringAsync(url);
                    }
                }

                public class AskController : ControllerBase
                {
                    private readonly ChatService _chat;
                    public AskController(ChatService chat) => _chat = chat;

                    [HttpGet]
                    public Task<string> Get(string url) => _chat.AskAsync(url);
                }
                """,
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "in 'ChatService.AskAsync', called from request handler 'AskController.Get'"));
        }

        [Fact]
        public async Task Loops_in_registration_extensions_run_once_at_start_up()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                public static class Plugins
                {
                    public static IServiceCollection AddPlugins(this IServiceCollection services, IEnumerable<string> manifests)
                    {
                        foreach (var manifest in manifests)
                        {
                            using var client = new HttpClient();
                            client.GetStringAsync(manifest).GetAwaiter().GetResult();
                        }

                        return services;
                    }

                    public static void Refresh(IEnumerable<string> manifests)
                    {
                        foreach (var manifest in manifests)
                        {
                            using var client = {|#0:new HttpClient()|};
                            client.GetStringAsync(manifest).GetAwaiter().GetResult();
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG032").WithLocation(0).WithArguments("HttpClient", "inside a loop"));
        }
    }
}
