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

        private const string Usings = """
            using System;
            using System.Net.Http;
            using System.Threading;

            """;

        private static string FlowsInto(string sink) => $"; it flows into '{sink}', so this timeout is the model call's only timeout";

        [Fact]
        public async Task New_client_without_timeout_gets_an_initializer()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Api
                {
                    HttpClient Create() => {|#0:new HttpClient()|};
                    HttpClient WithHandler(HttpMessageHandler handler) => {|#1:new HttpClient(handler)|};
                    HttpClient TargetTyped() { HttpClient c = {|#2:new()|}; return c; }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, ""),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient(…)", NeverSet, ""),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, ""),
                },
                Usings + """
                class Api
                {
                    HttpClient Create() => new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                    HttpClient WithHandler(HttpMessageHandler handler) => new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(120) };
                    HttpClient TargetTyped() { HttpClient c = new() { Timeout = TimeSpan.FromSeconds(120) }; return c; }
                }
                """);
        }

        [Fact]
        public async Task Existing_initializer_is_extended_in_its_own_layout()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Api
                {
                    HttpClient One() => [|new HttpClient { BaseAddress = new Uri("https://a") }|];

                    HttpClient Many() => [|new HttpClient
                    {
                        BaseAddress = new Uri("https://b"), // the endpoint
                        MaxResponseContentBufferSize = 1024
                    }|];

                    HttpClient TrailingComma() => [|new HttpClient
                    {
                        BaseAddress = new Uri("https://c"),
                    }|];
                }
                """,
                Usings + """
                class Api
                {
                    HttpClient One() => new HttpClient { BaseAddress = new Uri("https://a"), Timeout = TimeSpan.FromSeconds(120) };

                    HttpClient Many() => new HttpClient
                    {
                        BaseAddress = new Uri("https://b"), // the endpoint
                        MaxResponseContentBufferSize = 1024,
                        Timeout = TimeSpan.FromSeconds(120)
                    };

                    HttpClient TrailingComma() => new HttpClient
                    {
                        BaseAddress = new Uri("https://c"),
                        Timeout = TimeSpan.FromSeconds(120),
                    };
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

                    private void Configure() => this._assigned.Timeout = TimeSpan.FromSeconds(30);

                    HttpClient Local()
                    {
                        var client = new HttpClient(new SocketsHttpHandler());
                        client.Timeout = TimeSpan.FromSeconds(60);
                        return client;
                    }

                    HttpClient Initialized() => new HttpClient { Timeout = TimeSpan.FromSeconds(45) };

                    private HttpClient? _lazy;

                    HttpClient Lazy()
                    {
                        _lazy ??= new HttpClient();
                        _lazy.Timeout = TimeSpan.FromMinutes(2);
                        return _lazy;
                    }
                }
                """);
        }

        [Fact]
        public async Task Timeout_set_only_in_another_member_does_not_count_for_a_local()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Api
                {
                    HttpClient Create()
                    {
                        var client = [|new HttpClient()|];
                        return client;
                    }

                    void Later(HttpClient client) => client.Timeout = TimeSpan.FromSeconds(10);
                }
                """);
        }

        [Fact]
        public async Task Field_assigned_in_the_constructor_and_using_locals_are_reported()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using System.Threading.Tasks;

                class Api
                {
                    private readonly HttpClient _http;
                    public Api() => _http = [|new HttpClient()|];

                    async Task<string> Once()
                    {
                        using var client = [|new HttpClient()|];
                        return await client.GetStringAsync("https://llm");
                    }
                }
                """,
                Usings + """
                using System.Threading.Tasks;

                class Api
                {
                    private readonly HttpClient _http;
                    public Api() => _http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

                    async Task<string> Once()
                    {
                        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                        return await client.GetStringAsync("https://llm");
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
                        services.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: {|#2:new HttpClient()|});
                    }

                    void Kernel(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", key, httpClient: {|#3:new HttpClient()|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddOpenAIChatClient")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIChatClient")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIEmbeddingGenerator")),
                    Verify.Diagnostic("RAG030").WithLocation(3).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIChatClient")),
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
                        services.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
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

                    void Builder(MemoryBuilder builder) => builder.WithHttpClient({|#3:new HttpClient()|});

                    void Embeddings(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: {|#4:new HttpClient()|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddOpenAIChatCompletion")),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("new HttpClient()", Infinite, FlowsInto("AddAzureOpenAIChatCompletion")),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("new HttpClient()", NeverSet, FlowsInto("MemoryWebClient")),
                    Verify.Diagnostic("RAG030").WithLocation(3).WithArguments("new HttpClient()", NeverSet, FlowsInto("WithHttpClient")),
                    Verify.Diagnostic("RAG030").WithLocation(4).WithArguments("new HttpClient()", NeverSet, FlowsInto("AddAzureOpenAIEmbeddingGenerator")),
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

                    void Builder(MemoryBuilder builder) => builder.WithHttpClient(new HttpClient { Timeout = TimeSpan.FromSeconds(120) });

                    void Embeddings(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", key, httpClient: new HttpClient { Timeout = TimeSpan.FromSeconds(120) });
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
                Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("new HttpClient()", Infinite, FlowsInto("HttpClientPipelineTransport")));
        }

        [Fact]
        public async Task AddHttpClient_without_timeout_gets_ConfigureHttpClient()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.Extensions.DependencyInjection;

                class RagApi { }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        {|#0:services.AddHttpClient<RagApi>()|};
                        {|#1:services.AddHttpClient("llm")|}
                            .SetHandlerLifetime(System.TimeSpan.FromMinutes(5));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddHttpClient<RagApi>()", RegistrationNeverSets, ""),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddHttpClient(…)", RegistrationNeverSets, ""),
                },
                """
                using System;
                using Microsoft.Extensions.DependencyInjection;

                class RagApi { }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        services.AddHttpClient("llm").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120))
                            .SetHandlerLifetime(System.TimeSpan.FromMinutes(5));
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_typed_factories_and_builder_locals()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                interface IRagApi { }
                class RagApi : IRagApi { public RagApi(HttpClient http) { } }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        {|#0:services.AddHttpClient<IRagApi, RagApi>()|};
                        {|#1:services.AddHttpClient<IRagApi, RagApi>(http => { return new RagApi(http); })|};
                        var builder = {|#2:services.AddHttpClient("kept")|};
                        builder.SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG030").WithLocation(0).WithArguments("AddHttpClient<IRagApi, RagApi>()", RegistrationNeverSets, ""),
                    Verify.Diagnostic("RAG030").WithLocation(1).WithArguments("AddHttpClient<IRagApi, RagApi>(…)", RegistrationNeverSets, ""),
                    Verify.Diagnostic("RAG030").WithLocation(2).WithArguments("AddHttpClient(…)", RegistrationNeverSets, ""),
                },
                """
                using System;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;

                interface IRagApi { }
                class RagApi : IRagApi { public RagApi(HttpClient http) { } }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<IRagApi, RagApi>().ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        services.AddHttpClient<IRagApi, RagApi>(http => { return new RagApi(http); }).ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        var builder = services.AddHttpClient("kept").ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(120));
                        builder.SetHandlerLifetime(System.Threading.Timeout.InfiniteTimeSpan);
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_configure_lambda_gets_the_timeout()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using Microsoft.Extensions.DependencyInjection;

                class RagApi { }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        [|services.AddHttpClient<RagApi>(c => c.BaseAddress = new Uri("https://llm"))|];
                        [|services.AddHttpClient("block", (sp, http) =>
                        {
                            http.BaseAddress = new Uri("https://llm");
                        })|];
                        [|services.AddHttpClient("chained")|].ConfigureHttpClient(c => c.DefaultRequestHeaders.Add("x", "y"));
                    }
                }
                """,
                """
                using System;
                using Microsoft.Extensions.DependencyInjection;

                class RagApi { }

                static class Registration
                {
                    static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient<RagApi>(c =>
                        {
                            c.BaseAddress = new Uri("https://llm");
                            c.Timeout = TimeSpan.FromSeconds(120);
                        });
                        services.AddHttpClient("block", (sp, http) =>
                        {
                            http.BaseAddress = new Uri("https://llm");
                            http.Timeout = TimeSpan.FromSeconds(120);
                        });
                        services.AddHttpClient("chained").ConfigureHttpClient(c =>
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
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using Microsoft.Extensions.DependencyInjection;

                namespace Microsoft.Extensions.DependencyInjection
                {
                    // Stand-in for Microsoft.Extensions.Http.Resilience (recognized by name on IHttpClientBuilder).
                    static class ResilienceHttpClientBuilderExtensions
                    {
                        public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder) => builder;
                    }
                }

                class RagApi { }

                static class Registration
                {
                    static void Register(IServiceCollection services, Action<System.Net.Http.HttpClient> configure)
                    {
                        services.AddHttpClient<RagApi>(c => c.Timeout = TimeSpan.FromMinutes(3));
                        services.AddHttpClient("a").ConfigureHttpClient((sp, c) => c.Timeout = TimeSpan.FromMinutes(3));
                        services.AddHttpClient("b").AddStandardResilienceHandler();
                        var builder = services.AddHttpClient("c");
                        builder.AddStandardResilienceHandler();
                        services.AddHttpClient("d", configure);
                        services.AddHttpClient();
                    }
                }
                """);
        }

        [Fact]
        public async Task AddHttpClient_is_left_alone_when_client_defaults_are_configured()
        {
            await Verify.VerifyAnalyzerAsync("""
                using Microsoft.Extensions.DependencyInjection;

                class RagApi { }

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
            var test = new Verify.Test { TestCode = """
                using System;
                using System.Net.Http;

                var http = [|new HttpClient()|];
                var configured = new HttpClient();
                configured.Timeout = TimeSpan.FromSeconds(30);
                Console.WriteLine(new Service(http).Name);

                sealed class Service(HttpClient client)
                {
                    private readonly HttpClient _own = [|new()|];
                    public string Name => client.BaseAddress?.ToString() ?? "";
                }

                record Holder(HttpClient Client)
                {
                    public static Holder Create() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) });
                    public static Holder Local() { HttpClient Make() => [|new HttpClient()|]; return new(Make()); }
                }
                """, FixedCode = """
                using System;
                using System.Net.Http;

                var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
                var configured = new HttpClient();
                configured.Timeout = TimeSpan.FromSeconds(30);
                Console.WriteLine(new Service(http).Name);

                sealed class Service(HttpClient client)
                {
                    private readonly HttpClient _own = new() { Timeout = TimeSpan.FromSeconds(120) };
                    public string Name => client.BaseAddress?.ToString() ?? "";
                }

                record Holder(HttpClient Client)
                {
                    public static Holder Create() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) });
                    public static Holder Local() { HttpClient Make() => new HttpClient { Timeout = TimeSpan.FromSeconds(120) }; return new(Make()); }
                }
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_adds_using_System_and_honours_the_option()
        {
            var test = new Verify.Test { TestCode = """
                using System.Net.Http;

                class Api
                {
                    HttpClient Create() => [|new HttpClient()|];
                }
                """, FixedCode = """
                using System;
                using System.Net.Http;

                class Api
                {
                    HttpClient Create() => new HttpClient { Timeout = TimeSpan.FromSeconds(300) };
                }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.http_timeout_seconds = 300"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Out_of_range_option_falls_back_to_the_default()
        {
            var test = new Verify.Test { TestCode = Usings + """
                class Api { HttpClient Create() => [|new HttpClient()|]; }
                """, FixedCode = Usings + """
                class Api { HttpClient Create() => new HttpClient { Timeout = TimeSpan.FromSeconds(120) }; }
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
                    void B() { var c = [|new HttpClient()|]; c.{|CS1061:Timeot|} = TimeSpan.Zero; {|CS0103:missing|}.Timeout = Timeout.InfiniteTimeSpan; }
                    HttpClient C() => new HttpClient { Timeout = {|CS0103:unknown|} };
                }
                """);
        }
    }
}
