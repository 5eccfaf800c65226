using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG030HttpClientTimeoutAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG030HttpClientTimeoutFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG030HttpClientTimeoutTests
    {
        private const string NeverSet = "never sets Timeout, so the 100-second default applies";
        private const string Infinite = "sets an infinite Timeout";
        private const string NeverSetUnderNetworkTimeout = "never sets Timeout, so its 100-second default cuts calls off before the NetworkTimeout of the options whose transport it is";
        private const string RegistrationNeverSets = "sets no Timeout and adds no resilience handler, so the 100-second default applies";
        private const string BuildsOwnClient = "is given no HttpClient, so it builds its own, whose 100-second default Timeout is the model call's only timeout";

        private const string Usings = """
            using System;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static string FlowsInto(string sink) => $"; it flows into '{sink}', so this timeout is the model call's only timeout";

        private static string Calls(string endpoint) => $"; it calls the generation endpoint '{endpoint}'";

        private static string TypedCalls(string type, string endpoint) => $"; '{type}' calls the generation endpoint '{endpoint}'";

        private const string ChatApi = """
            class RagApi(HttpClient http)
            {
                public Task<HttpResponseMessage> AskAsync(HttpContent body) => http.PostAsync("v1/chat/completions", body);
            }

            """;

        [Fact]
        public async Task New_client_without_timeout_gets_an_initializer()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Api
                {
                    Task<HttpResponseMessage> Create(HttpContent body) { var c = {|#0:new HttpClient()|}; return c.PostAsync("https://llm/v1/chat/completions", body); }
                    Task<HttpResponseMessage> WithHandler(HttpMessageHandler handler, HttpContent body) { var c = {|#1:new HttpClient(handler)|}; return c.PostAsync("http://localhost:11434/api/chat", body); }
                    Task<HttpResponseMessage> TargetTyped(HttpContent body) { HttpClient c = {|#2:new()|}; return c.PostAsync("http://localhost:11434/api/generate", body); }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, Calls("chat/completions")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient(…)", NeverSet, Calls("api/chat")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, Calls("api/generate")),
                },
                Usings + """
                class Api
                {
                    Task<HttpResponseMessage> Create(HttpContent body) { var c = new HttpClient { Timeout = TimeSpan.FromSeconds(120) }; return c.PostAsync("https://llm/v1/chat/completions", body); }
                    Task<HttpResponseMessage> WithHandler(HttpMessageHandler handler, HttpContent body) { var c = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) }; return c.PostAsync("http://localhost:11434/api/chat", body); }
                    Task<HttpResponseMessage> TargetTyped(HttpContent body) { HttpClient c = new() { Timeout = TimeSpan.FromSeconds(120) }; return c.PostAsync("http://localhost:11434/api/generate", body); }
                }
                """);
        }

        [Fact]
        public async Task Existing_initializer_is_extended_in_its_own_layout()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Api
                {
                    static readonly HttpClient One = [|new HttpClient { BaseAddress = new Uri("https://a") }|];

                    static readonly HttpClient Many = [|new HttpClient
                    {
                        BaseAddress = new Uri("https://b"), // the endpoint
                        MaxResponseContentBufferSize = 1024
                    }|];

                    static readonly HttpClient TrailingComma = [|new HttpClient
                    {
                        BaseAddress = new Uri("https://c"),
                    }|];

                    Task Complete(HttpContent body) => Task.WhenAll(
                        One.PostAsync("v1/chat/completions", body),
                        Many.PostAsync("v1/chat/completions", body),
                        TrailingComma.PostAsync("v1/chat/completions", body));
                }
                """,
                Usings + """
                class Api
                {
                    static readonly HttpClient One = new HttpClient { BaseAddress = new Uri("https://a"), Timeout = TimeSpan.FromSeconds(120) };

                    static readonly HttpClient Many = new HttpClient
                    {
                        BaseAddress = new Uri("https://b"), // the endpoint
                        MaxResponseContentBufferSize = 1024,
                        Timeout = TimeSpan.FromSeconds(120)
                    };

                    static readonly HttpClient TrailingComma = new HttpClient
                    {
                        BaseAddress = new Uri("https://c"),
                        Timeout = TimeSpan.FromSeconds(120),
                    };

                    Task Complete(HttpContent body) => Task.WhenAll(
                        One.PostAsync("v1/chat/completions", body),
                        Many.PostAsync("v1/chat/completions", body),
                        TrailingComma.PostAsync("v1/chat/completions", body));
                }
                """);
        }

        [Fact]
        public async Task Timeout_set_on_the_same_local_field_or_property_is_fine()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Api
                {
                    private readonly HttpClient _field = new HttpClient();
                    private static readonly HttpClient Shared = new();
                    public HttpClient Prop { get; } = new HttpClient();
                    private HttpClient _assigned;

                    static Api() { Shared.Timeout = TimeSpan.FromMinutes(3); }

                    public Api()
                    {
                        _field.Timeout = TimeSpan.FromSeconds(90);
                        Prop.Timeout = TimeSpan.FromSeconds(90);
                        _assigned = new HttpClient();
                        Configure();
                    }

                    private void Configure() => this._assigned.Timeout = TimeSpan.FromSeconds(90);

                    Task<HttpResponseMessage> Local(HttpContent body)
                    {
                        var client = new HttpClient(new SocketsHttpHandler());
                        client.Timeout = TimeSpan.FromSeconds(60);
                        return client.PostAsync(Chat, body);
                    }

                    Task<HttpResponseMessage> Initialized(HttpContent body) => new HttpClient { Timeout = TimeSpan.FromMinutes(2) }.PostAsync(Chat, body);

                    private HttpClient? _lazy;

                    Task<HttpResponseMessage> Lazy(HttpContent body)
                    {
                        _lazy ??= new HttpClient();
                        _lazy.Timeout = TimeSpan.FromMinutes(2);
                        return _lazy.PostAsync(Chat, body);
                    }

                    private const string Chat = "https://llm/v1/chat/completions";

                    Task Complete(HttpContent body) => Task.WhenAll(_field.PostAsync(Chat, body), Shared.PostAsync(Chat, body), Prop.PostAsync(Chat, body), _assigned.PostAsync(Chat, body));
                }
                """);
        }

        [Fact]
        public async Task Timeout_set_only_in_another_member_does_not_count_for_a_local()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Api
                {
                    async Task<string> Ask(HttpContent body)
                    {
                        var client = [|new HttpClient()|];
                        var response = await client.PostAsync("https://llm/v1/chat/completions", body);
                        return await response.Content.ReadAsStringAsync();
                    }

                    void Later(HttpClient client) => client.Timeout = TimeSpan.FromSeconds(10);
                }
                """);
        }

        [Fact]
        public async Task Field_assigned_in_the_constructor_and_using_locals_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Api
                {
                    private readonly HttpClient _http;
                    public Api() => _http = [|new HttpClient()|];

                    Task<HttpResponseMessage> Chat(HttpContent body) => _http.PostAsync("https://llm/v1/chat/completions", body);

                    async Task<string> Once()
                    {
                        using var client = [|new HttpClient()|];
                        return await client.GetStringAsync("https://llm/api/generate");
                    }
                }
                """,
                Usings + """
                class Api
                {
                    private readonly HttpClient _http;
                    public Api() => _http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    Task<HttpResponseMessage> Chat(HttpContent body) => _http.PostAsync("https://llm/v1/chat/completions", body);

                    async Task<string> Once()
                    {
                        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                        return await client.GetStringAsync("https://llm/api/generate");
                    }
                }
                """);
        }

        [Fact]
        public async Task Field_in_a_partial_type_sees_every_declaration()
        {
            var test = new Verify.Test { TestCode = Usings + """
                partial class Api
                {
                    private readonly HttpClient _configured = new HttpClient();
                    private readonly HttpClient _unconfigured = [|new HttpClient()|];
                }
                """ };
            test.TestState.Sources.Add(Usings + """
                partial class Api
                {
                    public Api() => _configured.Timeout = TimeSpan.FromMinutes(2);

                    Task Chat(HttpContent body) => Task.WhenAll(
                        _configured.PostAsync("/v1/chat/completions", body),
                        _unconfigured.PostAsync("/v1/chat/completions", body));
                }
                """);
            await test.RunAsync();
        }

        [Fact]
        public async Task Infinite_timeouts_are_replaced()
        {
            // B's diagnostic is reported while analyzing the creation, at an assignment outside it: not local to the creation,
            // so the library's check that fixes target local diagnostics does not apply (see docs/rules/RAG030.md, IDE).
            var test = new Verify.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck, TestCode = Usings + """
                class Api
                {
                    HttpClient A() => new HttpClient { Timeout = {|#0:Timeout.InfiniteTimeSpan|} };

                    HttpClient B()
                    {
                        var client = new HttpClient();
                        client.Timeout = {|#1:TimeSpan.MaxValue|}; // never give up
                        return client;
                    }

                    HttpClient C() => new HttpClient { Timeout = {|#2:TimeSpan.FromMilliseconds(-1)|} };
                }
                """, FixedCode = Usings + """
                class Api
                {
                    HttpClient A() => new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    HttpClient B()
                    {
                        var client = new HttpClient();
                        client.Timeout = TimeSpan.FromSeconds(120); // never give up
                        return client;
                    }

                    HttpClient C() => new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", Infinite, ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", Infinite, ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", Infinite, ""));
            await test.RunAsync();
        }

        [Fact]
        public async Task Semantic_kernel_chat_client_registrations_name_their_connector()
        {
            // SK 1.82 registers IChatClient / IEmbeddingGenerator from Microsoft.Extensions.DependencyInjection classes and
            // from the kernel builder; each hands its HttpClient to the connector.
            await Verify.VerifyCodeFixAsync("""
                #pragma warning disable SKEXP0010
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                class Setup
                {
                    void Services(IServiceCollection services, string key)
                    {
                        services.AddOpenAIChatClient("gpt-4o", key, httpClient: {|#0:new HttpClient()|});
                        services.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", key, httpClient: {|#1:new HttpClient()|});
                    }

                    void Kernel(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", key, httpClient: {|#2:new HttpClient()|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddOpenAIChatClient")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIChatClient")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIChatClient")),
                },
                """
                #pragma warning disable SKEXP0010
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                class Setup
                {
                    void Services(IServiceCollection services, string key)
                    {
                        services.AddOpenAIChatClient("gpt-4o", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
                        services.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
                    }

                    void Kernel(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Client_handed_to_connectors_is_named_in_the_message()
        {
            await Verify.VerifyCodeFixAsync("""
                #pragma warning disable SKEXP0001, SKEXP0010, SKEXP0050
                using System;
                using System.Net.Http;
                using System.Threading;
                using Microsoft.KernelMemory;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.Memory;

                class Setup
                {
                    void Kernel(IKernelBuilder builder, string key)
                    {
                        var http = {|#0:new HttpClient()|};
                        builder.AddOpenAIChatCompletion("gpt-4o", key, httpClient: http);
                        builder.AddAzureOpenAIChatCompletion("chat", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = {|#1:Timeout.InfiniteTimeSpan|} });
                    }

                    IKernelMemory Memory() => new MemoryWebClient("http://km", {|#2:new HttpClient()|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddOpenAIChatCompletion")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", Infinite, FlowsInto("AddAzureOpenAIChatCompletion")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, FlowsInto("MemoryWebClient")),
                },
                """
                #pragma warning disable SKEXP0001, SKEXP0010, SKEXP0050
                using System;
                using System.Net.Http;
                using System.Threading;
                using Microsoft.KernelMemory;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.Memory;

                class Setup
                {
                    void Kernel(IKernelBuilder builder, string key)
                    {
                        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                        builder.AddOpenAIChatCompletion("gpt-4o", key, httpClient: http);
                        builder.AddAzureOpenAIChatCompletion("chat", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
                    }

                    IKernelMemory Memory() => new MemoryWebClient("http://km", new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
                }
                """);
        }

        [Fact]
        public async Task Embedding_connectors_are_left_alone()
        {
            // Embedding calls return in seconds: a client that only carries them is not at risk of the 100-second default.
            await Verify.VerifyAnalyzerAsync("""
                #pragma warning disable SKEXP0001, SKEXP0010, SKEXP0050
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.Memory;

                class Setup
                {
                    void Builder(MemoryBuilder builder) => builder.WithHttpClient(new HttpClient());

                    void Kernel(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: new HttpClient());

                    void Services(IServiceCollection services, string key) =>
                        services.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: new HttpClient());
                }
                """);
        }

        [Fact]
        public async Task Field_passed_to_a_connector_in_the_constructor_is_named()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Net.Http;
                using Microsoft.KernelMemory;

                sealed class Rag
                {
                    private static readonly HttpClient Http = {|#0:new HttpClient()|};
                    private readonly IKernelMemory _memory;
                    public Rag() => _memory = new MemoryWebClient("http://km", Http);
                }
                """,
                Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("MemoryWebClient")));
        }

        [Fact]
        public async Task OpenAI_documented_pattern_with_infinite_client_timeout_is_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using System.Threading;
                using OpenAI;
                using OpenAI.Chat;

                class Setup
                {
                    ChatClient Inline(string key)
                    {
                        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
                        var options = new OpenAIClientOptions
                        {
                            Transport = new HttpClientPipelineTransport(http),
                            NetworkTimeout = TimeSpan.FromMinutes(10),
                        };
                        return new ChatClient("gpt-4o", new ApiKeyCredential(key), options);
                    }

                    ChatClient Assigned(string key)
                    {
                        var http = new HttpClient();
                        http.Timeout = Timeout.InfiniteTimeSpan;
                        var options = new OpenAIClientOptions();
                        options.Transport = new HttpClientPipelineTransport(http);
                        options.NetworkTimeout = TimeSpan.FromMinutes(5);
                        return new ChatClient("gpt-4o", new ApiKeyCredential(key), options);
                    }
                }
                """);
        }

        [Fact]
        public async Task Default_client_timeout_under_a_network_timeout_becomes_infinite()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Azure.Core.Pipeline;
                using Azure.Search.Documents;
                using OpenAI;

                class Setup
                {
                    OpenAIClientOptions OpenAI() => new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport({|#0:new HttpClient()|}),
                        NetworkTimeout = TimeSpan.FromMinutes(10),
                    };

                    SearchClientOptions Search() => new SearchClientOptions
                    {
                        Transport = new HttpClientTransport({|#1:new HttpClient()|}),
                        Retry = { NetworkTimeout = TimeSpan.FromMinutes(2) },
                    };
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSetUnderNetworkTimeout, ""),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", NeverSetUnderNetworkTimeout, ""),
                },
                """
                using System;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using System.Threading;
                using Azure.Core.Pipeline;
                using Azure.Search.Documents;
                using OpenAI;

                class Setup
                {
                    OpenAIClientOptions OpenAI() => new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }),
                        NetworkTimeout = TimeSpan.FromMinutes(10),
                    };

                    SearchClientOptions Search() => new SearchClientOptions
                    {
                        Transport = new HttpClientTransport(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }),
                        Retry = { NetworkTimeout = TimeSpan.FromMinutes(2) },
                    };
                }
                """);
        }

        [Fact]
        public async Task Infinite_client_timeout_in_a_transport_without_network_timeout_is_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using System.Threading;
                using OpenAI;

                class Setup
                {
                    OpenAIClientOptions Options() => new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport(new HttpClient { Timeout = {|#0:Timeout.InfiniteTimeSpan|} }),
                    };
                }
                """,
                Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", Infinite, "; it flows into 'HttpClientPipelineTransport', the transport of a generation client"));
        }

        [Fact]
        public async Task AddHttpClient_without_timeout_gets_ConfigureHttpClient()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        {|#0:services.AddHttpClient<RagApi>()|};
                        {|#1:services.AddHttpClient<RagApi>("llm")|}
                            .SetHandlerLifetime(System.TimeSpan.FromMinutes(5));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddHttpClient<RagApi>()", RegistrationNeverSets, TypedCalls("RagApi", "chat/completions")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddHttpClient<RagApi>(…)", RegistrationNeverSets, TypedCalls("RagApi", "chat/completions")),
                },
                Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        services.AddHttpClient<RagApi>("llm").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120))
                            .SetHandlerLifetime(System.TimeSpan.FromMinutes(5));
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_typed_factories_and_builder_locals()
        {
            const string Api = """
                interface IRagApi { }
                class RagApi : IRagApi
                {
                    private readonly HttpClient _http;
                    public RagApi(HttpClient http) => _http = http;
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => _http.PostAsync("api/chat", body);
                }

                """;
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + Api + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        {|#0:services.AddHttpClient<IRagApi, RagApi>()|};
                        {|#1:services.AddHttpClient<IRagApi, RagApi>(http => { return new RagApi(http); })|};
                        var builder = {|#2:services.AddHttpClient<IRagApi, RagApi>("kept")|};
                        builder.SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddHttpClient<IRagApi, RagApi>()", RegistrationNeverSets, TypedCalls("RagApi", "api/chat")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddHttpClient<IRagApi, RagApi>(…)", RegistrationNeverSets, TypedCalls("RagApi", "api/chat")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("AddHttpClient<IRagApi, RagApi>(…)", RegistrationNeverSets, TypedCalls("RagApi", "api/chat")),
                },
                Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + Api + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<IRagApi, RagApi>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        services.AddHttpClient<IRagApi, RagApi>(http => { return new RagApi(http); }).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        var builder = services.AddHttpClient<IRagApi, RagApi>("kept").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        builder.SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_configure_lambda_gets_the_timeout()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        [|services.AddHttpClient<RagApi>(c => c.BaseAddress = new Uri("https://llm"))|];
                        [|services.AddHttpClient<RagApi>("block", (sp, http) =>
                        {
                            http.BaseAddress = new Uri("https://llm");
                        })|];
                        [|services.AddHttpClient<RagApi>("chained")|].ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("x", "y"));
                    }
                }
                """,
                Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c =>
                        {
                            c.BaseAddress = new Uri("https://llm");
                            c.Timeout = TimeSpan.FromSeconds(120);
                        });
                        services.AddHttpClient<RagApi>("block", (sp, http) =>
                        {
                            http.BaseAddress = new Uri("https://llm");
                            http.Timeout = TimeSpan.FromSeconds(120);
                        });
                        services.AddHttpClient<RagApi>("chained").ConfigureHttpClient(c =>
                        {
                            c.DefaultRequestHeaders.Add("x", "y");
                            c.Timeout = TimeSpan.FromSeconds(120);
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_with_timeout_or_resilience_is_fine()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services, Action<System.Net.Http.HttpClient> configure)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                        services.AddHttpClient<RagApi>("a").ConfigureHttpClient((sp, c) => c.Timeout = TimeSpan.FromMinutes(3));
                        services.AddHttpClient<RagApi>("b").AddStandardResilienceHandler(o =>
                        {
                            o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(5);
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(4);
                        });
                        var builder = services.AddHttpClient<RagApi>("c");
                        builder.AddResilienceHandler("llm", pipeline => { });
                        services.AddHttpClient<RagApi>("d", configure);
                        services.AddHttpClient();
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_is_left_alone_when_client_defaults_are_configured()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.ConfigureHttpClientDefaults(b => b.ConfigureHttpClient(c => c.Timeout = System.TimeSpan.FromMinutes(2)));
                        services.AddHttpClient<RagApi>();
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_with_infinite_timeout_in_the_lambda_is_replaced()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;

                static class Registration
                {
                    static void Register(IServiceCollection services) =>
                        services.AddHttpClient("llm", c => c.Timeout = {|#0:Timeout.InfiniteTimeSpan|});
                }
                """,
                new[] { Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddHttpClient(…)", Infinite, "") },
                """
                using System;
                using System.Threading;
                using Microsoft.Extensions.DependencyInjection;

                static class Registration
                {
                    static void Register(IServiceCollection services) =>
                        services.AddHttpClient("llm", c => c.Timeout = TimeSpan.FromSeconds(120));
                }
                """);
        }

        [Fact]
        public async Task Top_level_statements_primary_constructors_and_records()
        {
            var test = new Verify.Test { TestCode = Source("[|new HttpClient()|]", "[|new()|]", "[|new HttpClient()|]"), FixedCode = Source(
                "new HttpClient { Timeout = TimeSpan.FromSeconds(120) }",
                "new() { Timeout = TimeSpan.FromSeconds(120) }",
                "new HttpClient { Timeout = TimeSpan.FromSeconds(120) }") };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();

            // A web app (its top-level statements build a host): its HttpClients carry the service's model calls.
            static string Source(string http, string own, string local) => $$"""
                using System;
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;

                var app = WebApplication.CreateBuilder(args).Build();
                var http = {{http}};
                var configured = new HttpClient();
                configured.Timeout = TimeSpan.FromMinutes(3);
                await configured.PostAsync("http://localhost:11434/api/generate", null);
                await http.PostAsync("http://localhost:11434/api/generate", null);
                Console.WriteLine(new Service(http).Name);
                app.Run();

                sealed class Service(HttpClient client)
                {
                    private readonly HttpClient _own = {{own}};
                    public string Name => client.BaseAddress?.ToString() ?? "";
                    public Task<HttpResponseMessage> Ask(HttpContent body) => _own.PostAsync("v1/chat/completions", body);
                }

                record Holder(HttpClient Client)
                {
                    public static Holder Create() => new(new HttpClient { Timeout = TimeSpan.FromMinutes(5) });
                    public static async Task<string> Local() { async Task<string> Ask() { using var c = {{local}}; return await c.GetStringAsync("http://localhost:11434/api/generate"); } return await Ask(); }
                }
                """;
        }

        [Fact]
        public async Task Fix_adds_using_System_and_honours_the_option()
        {
            var test = new Verify.Test { TestCode = """
                using System.Net.Http;

                class Api
                {
                    static readonly HttpClient Http = [|new HttpClient()|];
                    System.Threading.Tasks.Task<HttpResponseMessage> Ask(HttpContent body) => Http.PostAsync("v1/chat/completions", body);
                }
                """, FixedCode = """
                using System;
                using System.Net.Http;

                class Api
                {
                    static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(300) };
                    System.Threading.Tasks.Task<HttpResponseMessage> Ask(HttpContent body) => Http.PostAsync("v1/chat/completions", body);
                }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.http_timeout_seconds = 300"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Out_of_range_option_falls_back_to_the_default()
        {
            var test = new Verify.Test { TestCode = Usings + """
                class Api { Task<string> Ask() { var c = [|new HttpClient()|]; return c.GetStringAsync("http://localhost:11434/api/generate"); } }
                """, FixedCode = Usings + """
                class Api { Task<string> Ask() { var c = new HttpClient { Timeout = TimeSpan.FromSeconds(120) }; return c.GetStringAsync("http://localhost:11434/api/generate"); } }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.http_timeout_seconds = 0"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Client_stored_in_another_object_is_left_alone()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Holder { public HttpClient Client { get; set; } = null!; }

                class Api
                {
                    void Store(Holder holder) => holder.Client = new HttpClient();
                    Holder Init() => new Holder { Client = new HttpClient() };
                }
                """);
        }

        [Fact]
        public async Task Own_connector_sinks_come_from_editorconfig()
        {
            var test = new Verify.Test { TestCode = Usings + """
                namespace MyLlm
                {
                    public static class Gateway { public static void Connect(HttpClient http) { } }

                    class Setup
                    {
                        void Create() => Gateway.Connect({|#0:new HttpClient()|});
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("Connect")));
            test.Libraries = TestLibraries.AspNetCore;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.connector_sink_apis = M:MyLlm.Gateway.Connect(System.Net.Http.HttpClient)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Project_without_AI_libraries_is_silent()
        {
            var test = new Verify.Test { TestCode = Usings + """
                class Api { HttpClient Create() => new HttpClient(); }
                """ };
            test.Libraries = TestLibraries.AspNetCore;
            await test.RunAsync();
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Api
                {
                    HttpClient A() => new {|CS1729:HttpClient|}(1, 2, 3);
                    void B() { var c = [|new HttpClient()|]; c.{|CS1061:Timeot|} = TimeSpan.Zero; {|CS0103:missing|}.Timeout = Timeout.InfiniteTimeSpan; c.PostAsync("v1/chat/completions", null); }
                    HttpClient C() => new HttpClient { Timeout = {|CS0103:unknown|} };
                }
                """);
        }

        [Fact]
        public async Task Clients_without_model_traffic_are_left_alone()
        {
            // Licence checks, messaging webhooks, scrapers, CRM: the 100-second default is not this rule's concern there.
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                class LicenseCheck
                {
                    private static readonly HttpClient Http = new HttpClient();
                    public Task<string> CheckAsync(string key) => Http.GetStringAsync("https://licensing.example.com/check?key=" + key);
                }

                class SlackNotifier(HttpClient http)
                {
                    public Task<HttpResponseMessage> NotifyAsync(HttpContent body) => http.PostAsync("https://slack.com/api/chat.postMessage", body);
                }

                class Scraper
                {
                    public async Task<string> FetchAsync(string url)
                    {
                        using var client = new HttpClient();
                        return await client.GetStringAsync(url);
                    }
                }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<SlackNotifier>();
                        services.AddHttpClient("crm", c => c.BaseAddress = new Uri("https://crm.example.com"));
                    }
                }
                """);
        }

        [Fact]
        public async Task Generation_endpoints_in_interpolated_and_constant_urls_are_evidence()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Gateway
                {
                    private const string ChatPath = "/api/chat";
                    private static readonly HttpClient Ollama = {|#0:new HttpClient()|};
                    private readonly HttpClient _openAi = {|#1:new HttpClient()|};
                    private readonly string _baseUrl = "https://llm";

                    public Task<HttpResponseMessage> OllamaAsync(HttpContent body) => Ollama.PostAsync(ChatPath, body);

                    public Task<HttpResponseMessage> OpenAIAsync(HttpContent body) =>
                        _openAi.PostAsync($"{_baseUrl}/openai/deployments/gpt/chat/completions?api-version=2024-10-21", body);

                    public async Task<HttpResponseMessage> ResponsesAsync(HttpContent body)
                    {
                        var request = new HttpRequestMessage(HttpMethod.Post, $"{_baseUrl}/v1/responses") { Content = body };
                        using var client = {|#2:new HttpClient()|};
                        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    }
                }
                """,
                Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, Calls("api/chat")),
                Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", NeverSet, Calls("chat/completions")),
                Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, Calls("v1/responses")));
        }

        [Fact]
        public async Task Client_handed_to_a_class_that_calls_a_generation_endpoint_is_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using System.Net.Http.Json;

                sealed class OllamaChat
                {
                    private readonly HttpClient _http;
                    public OllamaChat(HttpClient http) => _http = http;
                    public Task<HttpResponseMessage> ChatAsync(object request) => _http.PostAsJsonAsync("/api/chat", request);
                }

                static class Factory
                {
                    public static OllamaChat Create(Uri endpoint)
                    {
                        var http = {|#0:new HttpClient { BaseAddress = endpoint }|};
                        return new OllamaChat(http);
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, "; it flows into 'OllamaChat', which calls the generation endpoint 'api/chat'") },
                Usings + """
                using System.Net.Http.Json;

                sealed class OllamaChat
                {
                    private readonly HttpClient _http;
                    public OllamaChat(HttpClient http) => _http = http;
                    public Task<HttpResponseMessage> ChatAsync(object request) => _http.PostAsJsonAsync("/api/chat", request);
                }

                static class Factory
                {
                    public static OllamaChat Create(Uri endpoint)
                    {
                        var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(120) };
                        return new OllamaChat(http);
                    }
                }
                """);
        }

        [Fact]
        public async Task Fallbacks_behind_an_injected_client_are_left_alone()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;
                using OllamaSharp;

                sealed class Chat
                {
                    private readonly HttpClient _http;
                    public Chat(HttpClient? http = null) => _http = http ?? new HttpClient();
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => _http.PostAsync("v1/chat/completions", body);
                }

                sealed class Completions(IHttpClientFactory factory)
                {
                    private readonly HttpClient _http = factory.CreateClient("llm") ?? new HttpClient();
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => _http.PostAsync("v1/chat/completions", body);
                }

                static class Registration
                {
                    static void Register(IServiceCollection services) =>
                        services.AddSingleton(sp => new OllamaApiClient(sp.GetService<HttpClient>() ?? new HttpClient()));
                }
                """);
        }

        [Fact]
        public async Task A_field_is_reported_once()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Completions
                {
                    private readonly HttpClient _http;
                    public Completions(HttpMessageHandler handler) => _http = {|#0:new HttpClient(handler)|};
                    public Completions() => _http = new HttpClient();
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => _http.PostAsync("v1/chat/completions", body);
                }
                """,
                Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient(…)", NeverSet, Calls("chat/completions")));
        }

        [Fact]
        public async Task Clients_created_per_call_are_left_to_RAG032()
        {
            // RAG032 reports this creation; its fix shares the client and sets the timeout.
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.AspNetCore.Mvc;

                public class AskController : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Post([FromBody] string question)
                    {
                        using var client = new HttpClient();
                        var response = await client.PostAsync("https://llm/v1/chat/completions", new StringContent(question));
                        return await response.Content.ReadAsStringAsync();
                    }
                }
                """);
        }

        [Fact]
        public async Task Typed_client_that_sets_its_own_timeout_is_left_alone()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                interface IChatService { }

                sealed class ChatService : IChatService
                {
                    private readonly HttpClient _http;

                    public ChatService(HttpClient http)
                    {
                        _http = http;
                        _http.Timeout = TimeSpan.FromMinutes(10);
                    }

                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => _http.PostAsync("v1/chat/completions", body);
                }

                static class Registration
                {
                    static void Register(IServiceCollection services) => services.AddHttpClient<IChatService, ChatService>();
                }
                """);
        }

        [Fact]
        public async Task Connectors_that_build_their_own_client_are_reported_as_info()
        {
            // Whether SK's or OllamaSharp's own 100-second client cuts answers off depends on how long they are: Info.
            await Verify.VerifyAnalyzerAsync("""
                #pragma warning disable SKEXP0010, CS0618
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;
                using OllamaSharp;
                using OpenAI;

                class Setup
                {
                    private static readonly HttpClient Shared = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

                    void Kernel(IKernelBuilder builder, string key)
                    {
                        {|#0:builder.AddOpenAIChatCompletion("gpt-4o", key)|};
                        {|#1:builder.AddAzureOpenAIChatCompletion("chat", "https://x.openai.azure.com", key)|};
                        builder.AddOpenAIChatCompletion("gpt-4o", key, httpClient: Shared);
                        builder.AddOpenAIChatCompletion("gpt-4o", new OpenAIClient(key));
                        builder.AddOpenAITextEmbeddingGeneration("emb", key);
                    }

                    void Services(IServiceCollection services, string key)
                    {
                        {|#2:services.AddOpenAIChatCompletion("gpt-4o", key)|};
                        {|#3:services.AddOpenAIChatClient("gpt-4o", key)|};
                    }

                    IChatClient Ollama(Uri endpoint) => {|#4:new OllamaApiClient(endpoint)|};

                    IChatClient OllamaShared() => new OllamaApiClient(Shared);

                    IEmbeddingGenerator<string, Embedding<float>> OllamaEmbeddings(Uri endpoint) => new OllamaApiClient(endpoint, "nomic-embed-text");
                }
                """,
                Verify.Diagnostic("RAG030").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOpenAIChatCompletion(…)", BuildsOwnClient, ""),
                Verify.Diagnostic("RAG030").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddAzureOpenAIChatCompletion(…)", BuildsOwnClient, ""),
                Verify.Diagnostic("RAG030").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOpenAIChatCompletion(…)", BuildsOwnClient, ""),
                Verify.Diagnostic("RAG030").WithLocation(3).WithSeverity(DiagnosticSeverity.Info).WithArguments("AddOpenAIChatClient(…)", BuildsOwnClient, ""),
                Verify.Diagnostic("RAG030").WithLocation(4).WithSeverity(DiagnosticSeverity.Info).WithArguments("new OllamaApiClient(…)", BuildsOwnClient, ""));
        }

        [Fact]
        public async Task Connectors_building_their_own_client_follow_the_client_defaults()
        {
            await Verify.VerifyAnalyzerAsync("""
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                static class Setup
                {
                    static void Register(IServiceCollection services, string key)
                    {
                        services.ConfigureHttpClientDefaults(b => b.ConfigureHttpClient(c => c.Timeout = System.TimeSpan.FromMinutes(5)));
                        services.AddOpenAIChatCompletion("gpt-4o", key);
                    }
                }
                """);
        }

        [Fact]
        public async Task Registration_after_a_configured_typed_client_discards_it()
        {
            const string Discards = "registers '{0}' again after '{1}', so DI builds it with the factory's default HttpClient and the Timeout configured there is discarded";
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                interface IChatService { }
                sealed class ChatService(HttpClient http) : IChatService
                {
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => http.PostAsync("v1/chat/completions", body);
                }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                        {|#0:services.AddScoped<RagApi>()|};
                        services.AddHttpClient<IChatService, ChatService>(c => c.Timeout = TimeSpan.FromMinutes(3));
                        {|#1:services.AddTransient<IChatService, ChatService>()|};
                    }

                    static void RegisteredFirst(IServiceCollection services)
                    {
                        services.AddSingleton<RagApi>();
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddScoped<RagApi>()", string.Format(Discards, "RagApi", "AddHttpClient<RagApi>(…)"), ""),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddTransient<IChatService, ChatService>()", string.Format(Discards, "IChatService", "AddHttpClient<IChatService, ChatService>(…)"), ""),
                },
                Usings + """
                using Microsoft.Extensions.DependencyInjection;

                """ + ChatApi + """
                interface IChatService { }
                sealed class ChatService(HttpClient http) : IChatService
                {
                    public Task<HttpResponseMessage> AskAsync(HttpContent body) => http.PostAsync("v1/chat/completions", body);
                }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                        services.AddHttpClient<IChatService, ChatService>(c => c.Timeout = TimeSpan.FromMinutes(3));
                    }

                    static void RegisteredFirst(IServiceCollection services)
                    {
                        services.AddSingleton<RagApi>();
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                    }
                }
                """);
        }

        [Fact]
        public async Task Console_programs_are_left_alone()
        {
            var test = new Verify.Test { TestCode = """
                using System.Net.Http;
                using Microsoft.SemanticKernel;

                var http = new HttpClient();
                await http.PostAsync("http://localhost:11434/api/generate", null);
                var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        private const string Resilience = """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;

            """;

        private static string ShortPipeline(string attempt, string total, string prefix = "") =>
            $"{prefix}cancels each attempt after {attempt} and the whole call after {total}, less than the 60 seconds a generation may take";

        private static string ShortAttempt(string attempt, string prefix = "") =>
            $"{prefix}cancels each attempt after {attempt}, less than the 60 seconds a generation may take";

        private static string ShortClient(int seconds) => $"sets a {seconds}-second Timeout, less than the 60 seconds a generation may take";

        [Fact]
        public async Task Standard_handler_defaults_on_a_generation_client_are_raised()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>().{|#0:AddStandardResilienceHandler()|};
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddStandardResilienceHandler()", ShortPipeline("10 s (its default)", "30 s (its default)"), TypedCalls("RagApi", "chat/completions")) },
                Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>().AddStandardResilienceHandler(options =>
                        {
                            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task Explicit_short_handler_timeouts_are_replaced_and_kept_valid()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        // Short timeouts for a chat model.
                        services.AddHttpClient<RagApi>().{|#0:AddStandardResilienceHandler(o =>
                        {
                            o.Retry.MaxRetryAttempts = 2;
                            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(20); // per attempt
                            o.TotalRequestTimeout = new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(45) };
                        })|};
                        services.AddHttpClient<RagApi>("chained").{|#1:AddStandardResilienceHandler()|}.Configure(o => o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddStandardResilienceHandler(…)", ShortPipeline("20 s", "45 s"), TypedCalls("RagApi", "chat/completions")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddStandardResilienceHandler()", ShortPipeline("10 s (its default)", "30 s"), TypedCalls("RagApi", "chat/completions")),
                },
                Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        // Short timeouts for a chat model.
                        services.AddHttpClient<RagApi>().AddStandardResilienceHandler(o =>
                        {
                            o.Retry.MaxRetryAttempts = 2;
                            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120); // per attempt
                            o.TotalRequestTimeout = new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(240) };
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                        });
                        services.AddHttpClient<RagApi>("chained").AddStandardResilienceHandler().Configure(o =>
                        {
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task Client_defaults_handler_is_reported_at_the_generation_clients_that_use_it()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + "using Microsoft.SemanticKernel;\n\n" + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services, string key)
                    {
                        services.ConfigureHttpClientDefaults(http =>
                        {
                            http.AddStandardResilienceHandler();
                        });
                        services.{|#0:AddOpenAIChatCompletion("gpt-4o", key)|};
                        services.{|#1:AddHttpClient<RagApi>()|};
                        services.AddKernel().AddOpenAIChatCompletion("gpt-4o", key, httpClient: new HttpClient { Timeout = TimeSpan.FromMinutes(3) });
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments(
                        "AddOpenAIChatCompletion(…)",
                        ShortPipeline("10 s (its default)", "30 s (its default)", "gets the standard resilience handler of ConfigureHttpClientDefaults, which "),
                        "; given no HttpClient, it takes the one DI builds, so these are the model call's timeouts"),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments(
                        "AddHttpClient<RagApi>()",
                        ShortPipeline("10 s (its default)", "30 s (its default)", "gets the standard resilience handler of ConfigureHttpClientDefaults, which "),
                        TypedCalls("RagApi", "chat/completions")),
                },
                Usings + Resilience + "using Microsoft.SemanticKernel;\n\n" + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services, string key)
                    {
                        services.ConfigureHttpClientDefaults(http =>
                        {
                            http.AddStandardResilienceHandler(options =>
                            {
                                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                            });
                        });
                        services.AddOpenAIChatCompletion("gpt-4o", key);
                        services.AddHttpClient<RagApi>();
                        services.AddKernel().AddOpenAIChatCompletion("gpt-4o", key, httpClient: new HttpClient { Timeout = TimeSpan.FromMinutes(3) });
                    }
                }
                """);
        }

        [Fact]
        public async Task Short_client_defaults_attempt_timeout_is_reported_at_a_kernel_builder_connector()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + """
                using Microsoft.SemanticKernel;

                static class Registration
                {
                    static void Register(IServiceCollection services, string deployment, string endpoint, string key)
                    {
                        services.ConfigureHttpClientDefaults(configure =>
                        {
                            configure.AddStandardResilienceHandler(options =>
                            {
                                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(15);
                                options.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(2);
                            });
                        });
                        services.AddKernel()
                            .{|#0:AddAzureOpenAIChatCompletion(deployment, endpoint, key, modelId: "gpt-4o")|};
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments(
                        "AddAzureOpenAIChatCompletion(…)",
                        ShortAttempt("15 s", "gets the standard resilience handler of ConfigureHttpClientDefaults, which "),
                        "; given no HttpClient, it takes the one DI builds, so these are the model call's timeouts"),
                },
                Usings + Resilience + """
                using Microsoft.SemanticKernel;

                static class Registration
                {
                    static void Register(IServiceCollection services, string deployment, string endpoint, string key)
                    {
                        services.ConfigureHttpClientDefaults(configure =>
                        {
                            configure.AddStandardResilienceHandler(options =>
                            {
                                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                            });
                        });
                        services.AddKernel()
                            .AddAzureOpenAIChatCompletion(deployment, endpoint, key, modelId: "gpt-4o");
                    }
                }
                """);
        }

        [Fact]
        public async Task Named_client_handed_to_a_generation_transport_is_reported_at_CreateClient()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + """
                using System.ClientModel.Primitives;
                using OpenAI;

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("model").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 1);
                        services.AddSingleton(sp => new OpenAIClient(new System.ClientModel.ApiKeyCredential("key"), new OpenAIClientOptions
                        {
                            NetworkTimeout = TimeSpan.FromMinutes(2),
                            Transport = new HttpClientPipelineTransport(sp.GetRequiredService<IHttpClientFactory>().{|#0:CreateClient("model")|}),
                        }));
                        services.AddHttpClient("crm").AddStandardResilienceHandler();
                        services.AddSingleton(sp => sp.GetRequiredService<IHttpClientFactory>().CreateClient("crm"));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments(
                        "CreateClient(\"model\")",
                        ShortPipeline("10 s (its default)", "30 s (its default)", "gets the standard resilience handler of AddHttpClient(\"model\"), which "),
                        "; it flows into 'HttpClientPipelineTransport', the transport of a generation client"),
                },
                Usings + Resilience + """
                using System.ClientModel.Primitives;
                using OpenAI;

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("model").AddStandardResilienceHandler(o =>
                        {
                            o.Retry.MaxRetryAttempts = 1;
                            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                        });
                        services.AddSingleton(sp => new OpenAIClient(new System.ClientModel.ApiKeyCredential("key"), new OpenAIClientOptions
                        {
                            NetworkTimeout = TimeSpan.FromMinutes(2),
                            Transport = new HttpClientPipelineTransport(sp.GetRequiredService<IHttpClientFactory>().CreateClient("model")),
                        }));
                        services.AddHttpClient("crm").AddStandardResilienceHandler();
                        services.AddSingleton(sp => sp.GetRequiredService<IHttpClientFactory>().CreateClient("crm"));
                    }
                }
                """);
        }

        [Fact]
        public async Task Short_client_timeouts_on_generation_traffic_are_raised()
        {
            await Verify.VerifyCodeFixAsync(Usings + Resilience + ChatApi + """
                class Api
                {
                    Task<HttpResponseMessage> Ask(HttpContent body)
                    {
                        var c = new HttpClient { Timeout = {|#0:TimeSpan.FromSeconds(30)|} };
                        return c.PostAsync("http://localhost:11434/api/chat", body);
                    }

                    static void Register(IServiceCollection services) =>
                        services.AddHttpClient<RagApi>(c => c.Timeout = {|#1:TimeSpan.FromSeconds(15)|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", ShortClient(30), Calls("api/chat")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddHttpClient<RagApi>(…)", ShortClient(15), TypedCalls("RagApi", "chat/completions")),
                },
                Usings + Resilience + ChatApi + """
                class Api
                {
                    Task<HttpResponseMessage> Ask(HttpContent body)
                    {
                        var c = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                        return c.PostAsync("http://localhost:11434/api/chat", body);
                    }

                    static void Register(IServiceCollection services) =>
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromSeconds(120));
                }
                """);
        }

        [Fact]
        public async Task Short_timeouts_without_generation_traffic_or_values_in_view_are_left_alone()
        {
            await Verify.VerifyAnalyzerAsync(Usings + Resilience + """
                class Crm(HttpClient http)
                {
                    public Task<string> ContactAsync(string id) => http.GetStringAsync("api/contacts/" + id);
                }

                """ + ChatApi + """
                class Api
                {
                    Task<string> Page() { var c = new HttpClient { Timeout = TimeSpan.FromSeconds(5) }; return c.GetStringAsync("https://example.com"); }

                    static void Register(IServiceCollection services, Microsoft.Extensions.Configuration.IConfigurationSection section, Action<HttpStandardResilienceOptions> configure)
                    {
                        services.AddHttpClient<Crm>().AddStandardResilienceHandler();
                        services.AddHttpClient<Crm>("crm", c => c.Timeout = TimeSpan.FromSeconds(10));
                        services.AddHttpClient<RagApi>("section").AddStandardResilienceHandler(section);
                        services.AddHttpClient<RagApi>("delegate").AddStandardResilienceHandler(configure);
                        services.AddHttpClient<RagApi>("configured").AddStandardResilienceHandler().Configure(section);
                        services.AddHttpClient<RagApi>("long").AddStandardResilienceHandler(o =>
                        {
                            o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(3);
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(10);
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(10);
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task Minimum_generation_timeout_comes_from_editorconfig()
        {
            var test = new Verify.Test { TestCode = Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromSeconds(45));
                        services.AddHttpClient<RagApi>("a").{|#0:AddStandardResilienceHandler(o => o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(25))|};
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG030").WithLocation(0).WithArguments(
                "AddStandardResilienceHandler(…)",
                "cancels each attempt after 25 s and the whole call after 30 s (its default), less than the 40 seconds a generation may take",
                TypedCalls("RagApi", "chat/completions")));
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.min_generation_timeout_seconds = 40"));
            test.FixedCode = Usings + Resilience + ChatApi + """
                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromSeconds(45));
                        services.AddHttpClient<RagApi>("a").AddStandardResilienceHandler(o =>
                        {
                            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(120);
                            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(240);
                            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(240);
                        });
                    }
                }
                """;
            await test.RunAsync();
        }
    }
}
