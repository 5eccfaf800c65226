using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG031AiClientNetworkTimeoutAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG031AiClientNetworkTimeoutFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG031AiClientNetworkTimeoutTests
    {
        [Fact]
        public async Task OpenAI_clients_without_options_get_options()
        {
            await Verify.VerifyCodeFixAsync("""
                #pragma warning disable OPENAI001
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;
                using OpenAI.Responses;

                class Clients
                {
                    OpenAIClient Root(ApiKeyCredential key) => {|#0:new OpenAIClient(key)|};
                    ChatClient Chat(string key) => {|#1:new ChatClient("gpt-4o", key)|};
                    ResponsesClient Responses(ApiKeyCredential key) => {|#2:new ResponsesClient(key)|};
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("OpenAIClient", "OpenAIClientOptions.NetworkTimeout"),
                    Verify.Diagnostic("RAG031").WithLocation(1).WithArguments("ChatClient", "OpenAIClientOptions.NetworkTimeout"),
                    Verify.Diagnostic("RAG031").WithLocation(2).WithArguments("ResponsesClient", "ResponsesClientOptions.NetworkTimeout"),
                },
                """
                #pragma warning disable OPENAI001
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;
                using OpenAI.Responses;

                class Clients
                {
                    OpenAIClient Root(ApiKeyCredential key) => new OpenAIClient(key, new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                    ChatClient Chat(string key) => new ChatClient("gpt-4o", new ApiKeyCredential(key), new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                    ResponsesClient Responses(ApiKeyCredential key) => new ResponsesClient(key, new ResponsesClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Fix_adds_the_namespaces_it_needs()
        {
            await Verify.VerifyCodeFixAsync("""
                using OpenAI.Chat;

                class Clients
                {
                    ChatClient Chat(string key) => [|new ChatClient(model: "gpt-4o", apiKey: key)|];
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                class Clients
                {
                    ChatClient Chat(string key) => new ChatClient(model: "gpt-4o", credential: new ApiKeyCredential(key), options: new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Options_without_network_timeout_are_extended()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;
                using OpenAI.Embeddings;

                class Clients
                {
                    ChatClient Inline(ApiKeyCredential key) =>
                        [|new ChatClient("gpt-4o", key, new OpenAIClientOptions { Endpoint = new Uri("https://llm") })|];

                    (ChatClient, EmbeddingClient) Shared(ApiKeyCredential key)
                    {
                        var options = new OpenAIClientOptions
                        {
                            Endpoint = new Uri("https://llm"),
                        };
                        options.UserAgentApplicationId = "rag";
                        return ([|new ChatClient("gpt-4o", key, options)|], new EmbeddingClient("emb", key, options));
                    }

                    OpenAIClient Empty(ApiKeyCredential key)
                    {
                        OpenAIClientOptions options = new();
                        return [|new OpenAIClient(key, options)|];
                    }
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;
                using OpenAI.Embeddings;

                class Clients
                {
                    ChatClient Inline(ApiKeyCredential key) =>
                        new ChatClient("gpt-4o", key, new OpenAIClientOptions { Endpoint = new Uri("https://llm"), NetworkTimeout = TimeSpan.FromSeconds(120) });

                    (ChatClient, EmbeddingClient) Shared(ApiKeyCredential key)
                    {
                        var options = new OpenAIClientOptions
                        {
                            Endpoint = new Uri("https://llm"),
                            NetworkTimeout = TimeSpan.FromSeconds(120),
                        };
                        options.UserAgentApplicationId = "rag";
                        return (new ChatClient("gpt-4o", key, options), new EmbeddingClient("emb", key, options));
                    }

                    OpenAIClient Empty(ApiKeyCredential key)
                    {
                        OpenAIClientOptions options = new() { NetworkTimeout = TimeSpan.FromSeconds(120) };
                        return new OpenAIClient(key, options);
                    }
                }
                """);
        }

        [Fact]
        public async Task Network_timeout_set_or_options_not_visible_is_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                class Clients
                {
                    private static readonly OpenAIClientOptions SharedOptions = new();

                    ChatClient Inline(ApiKeyCredential key) =>
                        new ChatClient("gpt-4o", key, new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromMinutes(3) });

                    ChatClient Assigned(ApiKeyCredential key)
                    {
                        var options = new OpenAIClientOptions();
                        options.NetworkTimeout = TimeSpan.FromMinutes(3);
                        return new ChatClient("gpt-4o", key, options);
                    }

                    ChatClient Parameter(ApiKeyCredential key, OpenAIClientOptions options) => new ChatClient("gpt-4o", key, options);

                    ChatClient Field(ApiKeyCredential key) => new ChatClient("gpt-4o", key, SharedOptions);

                    ChatClient Helper(ApiKeyCredential key)
                    {
                        var options = new OpenAIClientOptions();
                        Configure(options);
                        return new ChatClient("gpt-4o", key, options);
                    }

                    ChatClient FromRoot(OpenAIClient root) => root.GetChatClient("gpt-4o");

                    static void Configure(OpenAIClientOptions options) => options.NetworkTimeout = TimeSpan.FromMinutes(2);
                }
                """);
        }

        [Fact]
        public async Task Null_options_are_reported_without_a_fix()
        {
            const string Source = """
                using System.ClientModel;
                using OpenAI.Chat;

                class Clients
                {
                    ChatClient Chat(ApiKeyCredential key) => {|#0:new ChatClient("gpt-4o", key, null)|};
                }
                """;
            await Verify.VerifyCodeFixAsync(
                Source,
                new[] { Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("ChatClient", "OpenAIClientOptions.NetworkTimeout") },
                Source.Replace("{|#0:new ChatClient(\"gpt-4o\", key, null)|}", "{|RAG031:new ChatClient(\"gpt-4o\", key, null)|}"));
        }

        [Fact]
        public async Task Azure_OpenAI_client_gets_its_options()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;

                class Clients
                {
                    AzureOpenAIClient Create(ApiKeyCredential key) => {|#0:new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key)|};
                }
                """,
                new[] { Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("AzureOpenAIClient", "AzureOpenAIClientOptions.NetworkTimeout") },
                """
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;

                class Clients
                {
                    AzureOpenAIClient Create(ApiKeyCredential key) => new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key, new AzureOpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Search_embedding_audio_and_image_clients_are_left_alone()
        {
            // Their calls finish quickly; only generation clients (and Qdrant, whose default has no deadline) are reported.
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using Azure;
                using Azure.Search.Documents;
                using Azure.Search.Documents.Indexes;
                using OpenAI.Audio;
                using OpenAI.Embeddings;
                using OpenAI.Images;

                class Clients
                {
                    SearchClient Search(AzureKeyCredential key) => new SearchClient(new Uri("https://s"), "docs", key);
                    SearchIndexClient Index(AzureKeyCredential key) => new SearchIndexClient(new Uri("https://s"), key, new SearchClientOptions { Retry = { MaxRetries = 3 } });
                    EmbeddingClient Embeddings(ApiKeyCredential key) => new EmbeddingClient("text-embedding-3-small", key);
                    AudioClient Audio(ApiKeyCredential key) => new AudioClient("whisper-1", key);
                    ImageClient Images(ApiKeyCredential key) => new ImageClient("gpt-image-1", key);
                }
                """);
        }

        [Fact]
        public async Task Root_clients_are_reported_unless_they_only_serve_other_clients()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;
                using OpenAI;
                using OpenAI.Chat;
                using OpenAI.Embeddings;

                class Clients
                {
                    ChatClient Chat(ApiKeyCredential key) => {|#0:new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key)|}.GetChatClient("gpt-4o");

                    EmbeddingClient Embeddings(ApiKeyCredential key) => new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key).GetEmbeddingClient("emb");

                    (EmbeddingClient, ChatClient) Both(ApiKeyCredential key)
                    {
                        var root = {|#1:new OpenAIClient(key)|};
                        return (root.GetEmbeddingClient("emb"), root.GetChatClient("gpt-4o"));
                    }

                    EmbeddingClient EmbeddingsOnly(ApiKeyCredential key)
                    {
                        var root = new OpenAIClient(key);
                        return root.GetEmbeddingClient("emb");
                    }

                    object RealtimeOfAnotherVersion(ApiKeyCredential key)
                    {
                        var root = new OpenAIClient(key);
                        return root.{|CS1061:GetRealtimeConversationClient|}("gpt-4o-realtime-preview");
                    }
                }
                """,
                Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("AzureOpenAIClient", "AzureOpenAIClientOptions.NetworkTimeout"),
                Verify.Diagnostic("RAG031").WithLocation(1).WithArguments("OpenAIClient", "OpenAIClientOptions.NetworkTimeout"));
        }

        [Fact]
        public async Task Options_with_a_transport_over_an_app_HttpClient_are_left_alone()
        {
            // The transport's HttpClient (its Timeout, its resilience handler) bounds the calls; RAG030 checks that client.
            await Verify.VerifyAnalyzerAsync("""
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using OpenAI;
                using OpenAI.Chat;

                class Clients
                {
                    ChatClient Inline(ApiKeyCredential key, HttpClient http) =>
                        new ChatClient("gpt-4o", key, new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(http) });

                    ChatClient Assigned(ApiKeyCredential key, IHttpClientFactory factory)
                    {
                        var options = new OpenAIClientOptions();
                        options.Transport = new HttpClientPipelineTransport(factory.CreateClient("openai"));
                        return new ChatClient("gpt-4o", key, options);
                    }
                }
                """);
        }

        [Fact]
        public async Task A_generic_host_is_a_service_when_it_runs()
        {
            // A console tool that builds a host only for configuration and DI is not a service; a worker that runs it is.
            var tool = new Verify.Test { TestCode = """
                using System.ClientModel;
                using Microsoft.Extensions.Hosting;
                using OpenAI.Chat;

                var builder = Host.CreateApplicationBuilder(args);
                var chat = new ChatClient("gpt-4o", new ApiKeyCredential(builder.Configuration["AI:Key"]!));
                using var app = builder.Build();
                System.Console.WriteLine(chat.CompleteChat("Hi").Value.Content[0].Text);
                """ };
            tool.TestState.OutputKind = OutputKind.ConsoleApplication;
            await tool.RunAsync();

            var worker = new Verify.Test { TestCode = """
                using System.ClientModel;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using OpenAI.Chat;

                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddSingleton({|#0:new ChatClient("gpt-4o", new ApiKeyCredential(builder.Configuration["AI:Key"]!))|});
                await builder.Build().RunAsync();
                """ };
            worker.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("ChatClient", "OpenAIClientOptions.NetworkTimeout"));
            worker.TestState.OutputKind = OutputKind.ConsoleApplication;
            worker.FixedCode = """
                using System;
                using System.ClientModel;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.Extensions.Hosting;
                using OpenAI;
                using OpenAI.Chat;

                var builder = Host.CreateApplicationBuilder(args);
                builder.Services.AddSingleton(new ChatClient("gpt-4o", new ApiKeyCredential(builder.Configuration["AI:Key"]!), new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) }));
                await builder.Build().RunAsync();
                """;
            await worker.RunAsync();
        }

        [Fact]
        public async Task Console_programs_are_left_alone()
        {
            var test = new Verify.Test { TestCode = """
                using System.ClientModel;
                using OpenAI.Chat;

                var chat = new ChatClient("gpt-4o", new ApiKeyCredential("k"));
                System.Console.WriteLine(chat.CompleteChat("Hi").Value.Content[0].Text);
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Legacy_Azure_OpenAI_client_sets_Retry_NetworkTimeout()
        {
            var test = new Verify.Test { TestCode = """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class Clients
                {
                    OpenAIClient Create(string key) => {|#0:new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential(key))|};

                    OpenAIClient Retried(string key) =>
                        {|#1:new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential(key), new OpenAIClientOptions { Retry = { MaxRetries = 3 } })|};
                }
                """, FixedCode = """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                class Clients
                {
                    OpenAIClient Create(string key) => new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential(key), new OpenAIClientOptions { Retry = { NetworkTimeout = TimeSpan.FromSeconds(120) } });

                    OpenAIClient Retried(string key) =>
                        new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential(key), new OpenAIClientOptions { Retry = { MaxRetries = 3, NetworkTimeout = TimeSpan.FromSeconds(120) } });
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("OpenAIClient", "OpenAIClientOptions.Retry.NetworkTimeout"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG031").WithLocation(1).WithArguments("OpenAIClient", "OpenAIClientOptions.Retry.NetworkTimeout"));
            test.Libraries = TestLibraries.AspNetCore | TestLibraries.AiPackages | TestLibraries.Facades | TestLibraries.LegacyAzureOpenAI;
            await test.RunAsync();
        }

        [Fact]
        public async Task Qdrant_client_gets_a_grpc_timeout()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.Collections.Generic;
                using Qdrant.Client;

                class Clients
                {
                    QdrantClient Local() => {|#0:new QdrantClient("localhost")|};
                    QdrantClient Https(string key) => {|#1:new QdrantClient("qdrant.example", 6334, https: true, apiKey: key)|};
                    QdrantClient Headers(Dictionary<string, string> headers) => {|#2:new QdrantClient(new Uri("http://q:6334"), null, TimeSpan.Zero, null, headers)|};
                    QdrantClient Bounded() => new QdrantClient("localhost", grpcTimeout: TimeSpan.FromSeconds(30));
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG031").WithLocation(0).WithArguments("QdrantClient", "grpcTimeout"),
                    Verify.Diagnostic("RAG031").WithLocation(1).WithArguments("QdrantClient", "grpcTimeout"),
                    Verify.Diagnostic("RAG031").WithLocation(2).WithArguments("QdrantClient", "grpcTimeout"),
                },
                """
                using System;
                using System.Collections.Generic;
                using Qdrant.Client;

                class Clients
                {
                    QdrantClient Local() => new QdrantClient("localhost", grpcTimeout: TimeSpan.FromSeconds(120));
                    QdrantClient Https(string key) => new QdrantClient("qdrant.example", 6334, https: true, apiKey: key, grpcTimeout: TimeSpan.FromSeconds(120));
                    QdrantClient Headers(Dictionary<string, string> headers) => new QdrantClient(new Uri("http://q:6334"), null, TimeSpan.FromSeconds(120), null, headers);
                    QdrantClient Bounded() => new QdrantClient("localhost", grpcTimeout: TimeSpan.FromSeconds(30));
                }
                """);
        }

        [Fact]
        public async Task Option_sets_the_seconds_and_top_level_code_is_covered()
        {
            var test = new Verify.Test { TestCode = """
                using System.ClientModel;
                using OpenAI.Chat;

                var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();
                var chat = [|new ChatClient("gpt-4o", new ApiKeyCredential("k"))|];
                System.Console.WriteLine(chat);

                record Service(ChatClient Chat, string Name)
                {
                    public static Service Create(ApiKeyCredential key) => new([|new("gpt-4o", key)|], "chat");
                }
                """, FixedCode = """
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();
                var chat = new ChatClient("gpt-4o", new ApiKeyCredential("k"), new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(600) });
                System.Console.WriteLine(chat);

                record Service(ChatClient Chat, string Name)
                {
                    public static Service Create(ApiKeyCredential key) => new(new("gpt-4o", key, new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(600) }), "chat");
                }
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.http_timeout_seconds = 600"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Multiline_arguments_keep_their_layout()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.ClientModel;
                using OpenAI;

                class Clients
                {
                    OpenAIClient Create(ApiKeyCredential key) => [|new OpenAIClient(
                        key)|];
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;

                class Clients
                {
                    OpenAIClient Create(ApiKeyCredential key) => new OpenAIClient(
                        key, new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                class Clients
                {
                    ChatClient A() => new {|CS0122:ChatClient|}();
                    ChatClient B(ApiKeyCredential key) => new ChatClient("m", key, {|CS0103:missing|});
                    ChatClient C(ApiKeyCredential key) => new ChatClient("m", key, new OpenAIClientOptions { {|CS0117:Bogus|} = 1 });
                }
                """,
                Verify.Diagnostic("RAG031").WithSpan(9, 43, 9, 106).WithArguments("ChatClient", "OpenAIClientOptions.NetworkTimeout"));
        }
    }
}
