using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG042RetriesPileUpAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG042RetriesPileUpFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG042RetriesPileUpTests
    {
        private const string Stacked = "while the SDK's own retries are on, so attempts multiply under throttling";

        // ---- Stacked retries. ----

        [Fact]
        public async Task Named_factory_client_with_the_standard_handler_in_an_OpenAI_transport_is_reported_and_fixed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using OpenAI;

                static class ModelClients
                {
                    public static void Register(IServiceCollection services, string key)
                    {
                        services.AddHttpClient("openai").AddStandardResilienceHandler();
                        services.AddSingleton(sp =>
                        {
                            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("openai");
                            return new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                            {
                                // The factory's client carries the resilience pipeline.
                                Transport = {|#0:new HttpClientPipelineTransport(http)|},
                            });
                        });
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG042").WithLocation(0).WithArguments(
                        "new HttpClientPipelineTransport(…)",
                        "hands OpenAIClientOptions an HttpClient that already retries (AddStandardResilienceHandler on AddHttpClient(\"openai\")) " + Stacked + " (4 × 4 = 16 calls per request with both defaults)",
                        "turn the SDK's retries off (RetryPolicy = new ClientRetryPolicy(0))"),
                },
                """
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using OpenAI;

                static class ModelClients
                {
                    public static void Register(IServiceCollection services, string key)
                    {
                        services.AddHttpClient("openai").AddStandardResilienceHandler();
                        services.AddSingleton(sp =>
                        {
                            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("openai");
                            return new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                            {
                                // The factory's client carries the resilience pipeline.
                                Transport = new HttpClientPipelineTransport(http),
                                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                            });
                        });
                    }
                }
                """);
        }

        [Fact]
        public async Task Typed_client_under_retrying_defaults_in_an_Azure_transport_is_reported_and_fixed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.Net.Http;
                using Azure;
                using Azure.Core.Pipeline;
                using Azure.Search.Documents;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Retry;

                static class SearchSetup
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.ConfigureHttpClientDefaults(http => http.AddResilienceHandler("retry", pipeline =>
                            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage> { BackoffType = DelayBackoffType.Exponential, UseJitter = true })));
                        services.AddHttpClient<SearchService>();
                    }
                }

                class SearchService(HttpClient http, AzureKeyCredential key)
                {
                    private readonly SearchClient _client = new SearchClient(
                        new Uri("https://search.example"), "docs", key, new SearchClientOptions { Transport = {|#0:new HttpClientTransport(http)|} });
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG042").WithLocation(0).WithArguments(
                        "new HttpClientTransport(…)",
                        "hands SearchClientOptions an HttpClient that already retries (AddResilienceHandler in ConfigureHttpClientDefaults) " + Stacked,
                        "turn the SDK's retries off (Retry.MaxRetries = 0)"),
                },
                """
                using System;
                using System.Net.Http;
                using Azure;
                using Azure.Core.Pipeline;
                using Azure.Search.Documents;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Retry;

                static class SearchSetup
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.ConfigureHttpClientDefaults(http => http.AddResilienceHandler("retry", pipeline =>
                            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage> { BackoffType = DelayBackoffType.Exponential, UseJitter = true })));
                        services.AddHttpClient<SearchService>();
                    }
                }

                class SearchService(HttpClient http, AzureKeyCredential key)
                {
                    private readonly SearchClient _client = new SearchClient(
                        new Uri("https://search.example"), "docs", key, new SearchClientOptions { Transport = new HttpClientTransport(http), Retry = { MaxRetries = 0 } });
                }
                """);
        }

        [Fact]
        public async Task Options_in_a_local_and_a_Polly_retry_policy_handler_are_reported_and_fixed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Extensions.Http;

                static class ModelClients
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("aoai").AddPolicyHandler(RetryPolicy());
                    }

                    static IAsyncPolicy<HttpResponseMessage> RetryPolicy() =>
                        HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));

                    public static AzureOpenAIClient Create(IHttpClientFactory factory, Uri endpoint, ApiKeyCredential key)
                    {
                        var options = new AzureOpenAIClientOptions();
                        var transport = {|#0:new HttpClientPipelineTransport(factory.CreateClient("aoai"))|};
                        options.Transport = transport;
                        return new AzureOpenAIClient(endpoint, key, options);
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG042").WithLocation(0).WithArguments(
                        "new HttpClientPipelineTransport(…)",
                        "hands AzureOpenAIClientOptions an HttpClient that already retries (AddPolicyHandler on AddHttpClient(\"aoai\")) " + Stacked,
                        "turn the SDK's retries off (RetryPolicy = new ClientRetryPolicy(0))"),
                },
                """
                using System;
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Azure.AI.OpenAI;
                using Microsoft.Extensions.DependencyInjection;
                using Polly;
                using Polly.Extensions.Http;

                static class ModelClients
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddHttpClient("aoai").AddPolicyHandler(RetryPolicy());
                    }

                    static IAsyncPolicy<HttpResponseMessage> RetryPolicy() =>
                        HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(3, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));

                    public static AzureOpenAIClient Create(IHttpClientFactory factory, Uri endpoint, ApiKeyCredential key)
                    {
                        var options = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) };
                        var transport = new HttpClientPipelineTransport(factory.CreateClient("aoai"));
                        options.Transport = transport;
                        return new AzureOpenAIClient(endpoint, key, options);
                    }
                }
                """);
        }

        [Fact]
        public async Task Explicit_SDK_retries_on_a_retrying_client_are_reported_without_a_fix()
        {
            var source = """
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Microsoft.Extensions.DependencyInjection;
                using OpenAI;

                class ChatClients(IHttpClientFactory factory)
                {
                    public OpenAIClient Create(ApiKeyCredential key) => new OpenAIClient(key, new OpenAIClientOptions
                    {
                        Transport = {|#0:new HttpClientPipelineTransport(factory.CreateClient("openai"))|},
                        RetryPolicy = new ClientRetryPolicy(5),
                    });
                }

                static class Registration
                {
                    public static void Register(IServiceCollection services) => services.AddHttpClient("openai").AddStandardHedgingHandler();
                }
                """;
            await Verify.VerifyCodeFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("RAG042").WithLocation(0).WithArguments(
                        "new HttpClientPipelineTransport(…)",
                        "hands OpenAIClientOptions an HttpClient that already retries (AddStandardHedgingHandler on AddHttpClient(\"openai\")) " + Stacked,
                        "turn the SDK's retries off (RetryPolicy = new ClientRetryPolicy(0))"),
                },
                source);
        }

        [Fact]
        public async Task SDK_retries_already_off_a_connector_over_a_resilient_client_and_clients_that_do_not_retry_are_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Net.Http;
                using Azure;
                using Azure.Core.Pipeline;
                using Azure.Search.Documents;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;
                using OpenAI;

                static class ModelClients
                {
                    public static void Register(IServiceCollection services, IKernelBuilder kernel, IHttpClientFactory factory, string key)
                    {
                        services.AddHttpClient("openai").AddStandardResilienceHandler();
                        services.AddHttpClient("plain");

                        // Semantic Kernel's OpenAI connector sets RetryPolicy = new ClientRetryPolicy(0) when it is given an HttpClient.
                        kernel.AddOpenAIChatCompletion("gpt-4o", key, httpClient: factory.CreateClient("openai"));
                    }

                    public static OpenAIClient RetriesOff(IHttpClientFactory factory, string key) => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport(factory.CreateClient("openai")),
                        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    });

                    public static SearchClient AzureRetriesOff(IHttpClientFactory factory, AzureKeyCredential key)
                    {
                        var options = new SearchClientOptions { Transport = new HttpClientTransport(factory.CreateClient("openai")) };
                        options.Retry.MaxRetries = 0;
                        return new SearchClient(new Uri("https://search.example"), "docs", key, options);
                    }

                    public static OpenAIClient PlainClient(IHttpClientFactory factory, string key) => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport(factory.CreateClient("plain")),
                    });

                    public static OpenAIClient OwnClient(string key) => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions
                    {
                        Transport = new HttpClientPipelineTransport(new HttpClient { Timeout = TimeSpan.FromMinutes(3) }),
                    });
                }
                """);
        }

        // ---- Hand-written retry loops around AI calls. ----

        [Fact]
        public async Task Retry_loops_without_a_bound_without_a_delay_or_with_a_constant_delay_are_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Answerer(IChatClient chat, RagService rag)
                {
                    public async Task<string> AskAsync(string question, CancellationToken ct)
                    {
                        {|#0:while|} (true)
                        {
                            try
                            {
                                var response = await chat.GetResponseAsync(question, cancellationToken: ct);
                                return response.Text;
                            }
                            catch (HttpRequestException)
                            {
                                await Task.Delay(1000, ct);
                            }
                        }
                    }

                    public async Task<string> SummarizeAsync(string text, CancellationToken ct)
                    {
                        {|#1:for|} (var attempt = 0; attempt < 5; attempt++)
                        {
                            try
                            {
                                return (await chat.GetResponseAsync(text, cancellationToken: ct)).Text;
                            }
                            catch (HttpRequestException) when (attempt < 4)
                            {
                            }
                        }

                        return string.Empty;
                    }

                    public async Task<string> TranslateAsync(string text, CancellationToken ct)
                    {
                        var attempts = 0;
                        {|#2:do|}
                        {
                            try
                            {
                                return await rag.AnswerAsync(text, ct);
                            }
                            catch (HttpRequestException) when (++attempts < 3)
                            {
                                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                            }
                        }
                        while (true);
                    }
                }

                class RagService(IChatClient chat)
                {
                    public async Task<string> AnswerAsync(string question, CancellationToken ct) => (await chat.GetResponseAsync(question, cancellationToken: ct)).Text;
                }
                """,
                Verify.Diagnostic("RAG042").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                    "IChatClient.GetResponseAsync", "is retried in a 'while' loop without a bound", "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries"),
                Verify.Diagnostic("RAG042").WithLocation(1).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                    "IChatClient.GetResponseAsync", "is retried in a 'for' loop without waiting between attempts", "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries"),
                Verify.Diagnostic("RAG042").WithLocation(2).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                    "RagService.AnswerAsync → IChatClient.GetResponseAsync", "is retried in a 'do' loop after a constant delay, so throttled callers retry in step", "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries"));
        }

        [Fact]
        public async Task Bounded_loops_with_growing_delays_and_per_item_loops_are_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Answerer(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
                {
                    public async Task<string> AskAsync(string question, CancellationToken ct)
                    {
                        for (var attempt = 0; attempt < 4; attempt++)
                        {
                            try
                            {
                                return (await chat.GetResponseAsync(question, cancellationToken: ct)).Text;
                            }
                            catch (HttpRequestException) when (attempt < 3)
                            {
                                await Task.Delay(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt) + Random.Shared.Next(100)), ct);
                            }
                        }

                        throw new InvalidOperationException("unreachable");
                    }

                    public async Task<string> SummarizeAsync(string text, CancellationToken ct)
                    {
                        var delay = TimeSpan.FromMilliseconds(500);
                        var attempt = 0;
                        while (attempt < 3)
                        {
                            try
                            {
                                return (await chat.GetResponseAsync(text, cancellationToken: ct)).Text;
                            }
                            catch (HttpRequestException)
                            {
                                attempt++;
                                await Task.Delay(delay, ct);
                                delay *= 2;
                            }
                        }

                        return string.Empty;
                    }

                    public async Task EmbedAllAsync(IList<string> texts, CancellationToken ct)
                    {
                        for (var i = 0; i < texts.Count; i++)
                        {
                            try
                            {
                                await embedder.GenerateAsync(texts[i], cancellationToken: ct);
                            }
                            catch (HttpRequestException)
                            {
                                Console.WriteLine($"skipped {i}");
                            }
                        }
                    }

                    public async Task<string> FailFastAsync(string question, CancellationToken ct)
                    {
                        while (true)
                        {
                            try
                            {
                                return (await chat.GetResponseAsync(question, cancellationToken: ct)).Text;
                            }
                            catch (HttpRequestException)
                            {
                                throw;
                            }
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task A_filter_on_the_failure_alone_is_no_bound()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class RetryOnRateLimit(IChatClient inner) : DelegatingChatClient(inner)
                {
                    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    {
                        {|#0:while|} (true)
                        {
                            try
                            {
                                return await base.GetResponseAsync(messages, options, cancellationToken);
                            }
                            catch (ClientResultException ex) when (ex.Status == 429)
                            {
                                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                            }
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG042").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                    "DelegatingChatClient.GetResponseAsync", "is retried in a 'while' loop without a bound", "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries"));
        }

        [Fact]
        public async Task Dispatch_loops_and_re_asking_after_an_unparsable_answer_are_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Server(IChatClient chat)
                {
                    public async Task RunAsync(Func<Task<string?>> read, CancellationToken ct)
                    {
                        while (!ct.IsCancellationRequested)
                        {
                            var method = await read();
                            try
                            {
                                switch (method)
                                {
                                    case "chat":
                                        await chat.GetResponseAsync("hello", cancellationToken: ct);
                                        break;
                                    case "shutdown":
                                        return;
                                }
                            }
                            catch (Exception ex)
                            {
                                Console.Error.WriteLine(ex.Message);
                            }
                        }
                    }

                    public async Task<JsonDocument> AskForJsonAsync(string prompt, CancellationToken ct)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            try
                            {
                                return JsonDocument.Parse((await chat.GetResponseAsync(prompt, cancellationToken: ct)).Text);
                            }
                            catch (JsonException)
                            {
                            }
                        }

                        throw new InvalidOperationException("The model never answered with JSON.");
                    }
                }
                """);
        }

        [Fact]
        public async Task Start_up_code_waiting_for_a_local_model_is_silent()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading.Tasks;
                    using Microsoft.AspNetCore.Builder;
                    using Microsoft.Extensions.AI;

                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    IChatClient chat = app.Services.GetService(typeof(IChatClient)) as IChatClient ?? throw new InvalidOperationException();

                    // Wait until the local model answers before taking traffic.
                    while (true)
                    {
                        try
                        {
                            await chat.GetResponseAsync("ping");
                            break;
                        }
                        catch (HttpRequestException)
                        {
                            await Task.Delay(1000);
                        }
                    }

                    app.MapGet("/", () => "ready");
                    app.Run();
                    """,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Console_tools_are_silent()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;

                    static class Tool
                    {
                        public static async Task<string> AskAsync(IChatClient chat, string question)
                        {
                            while (true)
                            {
                                try
                                {
                                    return (await chat.GetResponseAsync(question)).Text;
                                }
                                catch (HttpRequestException)
                                {
                                }
                            }
                        }

                        public static async Task Main() => Console.WriteLine(await AskAsync(null!, "hello"));
                    }
                    """,
                Libraries = TestLibraries.ExtensionsAI,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Executables_that_serve_nothing_are_console_tools_even_when_they_reference_ASP_NET_Core()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;

                    // An evaluation tool that reuses the web project's classes: ASP.NET Core is referenced, nothing is served.
                    static class Evaluation
                    {
                        public static async Task<string> ScoreAsync(IChatClient chat, string answer)
                        {
                            while (true)
                            {
                                try
                                {
                                    return (await chat.GetResponseAsync("Score: " + answer)).Text;
                                }
                                catch (HttpRequestException)
                                {
                                    await Task.Delay(3000);
                                }
                            }
                        }

                        public static async Task Main() => Console.WriteLine(await ScoreAsync(null!, "42"));
                    }
                    """,
                Libraries = TestLibraries.AspNetCore | TestLibraries.ExtensionsAI,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task A_worker_is_a_service_and_a_rate_limiter_wait_inside_the_try_is_no_delay_between_attempts()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using System;
                    using System.Net.Http;
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.Extensions.AI;
                    using Microsoft.Extensions.DependencyInjection;
                    using Microsoft.Extensions.Hosting;

                    static class Program
                    {
                        public static void Main()
                        {
                            var services = new ServiceCollection();
                            services.AddHostedService<Summarizer>();
                        }
                    }

                    sealed class RateLimiter
                    {
                        public Task WaitAsync(CancellationToken ct) => Task.Delay(100, ct);
                    }

                    sealed class Summarizer(IChatClient chat, RateLimiter limiter) : BackgroundService
                    {
                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            {|#0:for|} (var attempt = 0; attempt < 3; attempt++)
                            {
                                try
                                {
                                    await limiter.WaitAsync(stoppingToken);
                                    await chat.GetResponseAsync("Summarize the day.", cancellationToken: stoppingToken);
                                    return;
                                }
                                catch (HttpRequestException) when (attempt < 2)
                                {
                                }
                            }
                        }
                    }
                    """,
                Libraries = TestLibraries.AspNetCore | TestLibraries.ExtensionsAI,
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic("RAG042").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                        "IChatClient.GetResponseAsync", "is retried in a 'for' loop without waiting between attempts", "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries"),
                },
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        // ---- Polly retry strategies on AI calls. ----

        [Fact]
        public async Task Polly_retry_with_a_constant_delay_and_no_jitter_on_an_AI_call_is_reported_as_information()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Polly;
                using Polly.Retry;

                class Summaries(IChatClient chat)
                {
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry({|#0:new RetryStrategyOptions { MaxRetryAttempts = 5 }|})
                        .AddTimeout(TimeSpan.FromSeconds(90))
                        .Build();

                    public async Task<string> SummarizeAsync(string text, CancellationToken ct) =>
                        await _pipeline.ExecuteAsync(async token => (await chat.GetResponseAsync(text, cancellationToken: token)).Text, ct);

                    public async Task<string> TitleAsync(string text, CancellationToken ct)
                    {
                        var pipeline = new ResiliencePipelineBuilder<string>()
                            .AddRetry({|#1:new RetryStrategyOptions<string> { BackoffType = DelayBackoffType.Constant, Delay = TimeSpan.FromSeconds(1) }|})
                            .Build();
                        return await pipeline.ExecuteAsync(async token => (await chat.GetResponseAsync(text, cancellationToken: token)).Text, ct);
                    }
                }
                """,
                Verify.Diagnostic("RAG042").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                    "AddRetry", "retries the AI call 'IChatClient.GetResponseAsync' after a constant delay without jitter, so throttled callers retry in step", "set BackoffType = DelayBackoffType.Exponential and UseJitter = true"),
                Verify.Diagnostic("RAG042").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                    "AddRetry", "retries the AI call 'IChatClient.GetResponseAsync' after a constant delay without jitter, so throttled callers retry in step", "set BackoffType = DelayBackoffType.Exponential and UseJitter = true"));
        }

        [Fact]
        public async Task Polly_retries_with_backoff_and_jitter_or_without_AI_calls_are_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.IO;
                using System.Net.Http;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Http.Resilience;
                using Polly;
                using Polly.Retry;

                class Summaries(IChatClient chat)
                {
                    private readonly ResiliencePipeline _models = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                        .Build();

                    private readonly ResiliencePipeline<HttpResponseMessage> _http = new ResiliencePipelineBuilder<HttpResponseMessage>()
                        .AddRetry(new HttpRetryStrategyOptions())
                        .Build();

                    private readonly ResiliencePipeline _files = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions())
                        .Build();

                    public async Task<string> SummarizeAsync(string text, CancellationToken ct) =>
                        await _models.ExecuteAsync(async token => (await chat.GetResponseAsync(text, cancellationToken: token)).Text, ct);

                    public async Task<HttpResponseMessage> FetchAsync(HttpClient http, CancellationToken ct) =>
                        await _http.ExecuteAsync(async token => await http.GetAsync("https://example.org", token), ct);

                    public async Task<string> ReadAsync(string path, CancellationToken ct) =>
                        await _files.ExecuteAsync(async token => await File.ReadAllTextAsync(path, token), ct);
                }
                """);
        }
        [Fact]
        public async Task Polly_retries_inside_an_unbounded_fan_out_of_AI_calls_are_reported_as_information()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Polly;
                using Polly.Retry;

                class Summaries(IChatClient chat)
                {
                    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                        .AddRetry({|#0:new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true, MaxRetryAttempts = 4 }|})
                        .Build();

                    public Task<string[]> SummarizeAllAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
                        Task.WhenAll(texts.Select(t => SummarizeAsync(t, ct)));

                    private async Task<string> SummarizeAsync(string text, CancellationToken ct) =>
                        await _pipeline.ExecuteAsync(async token => (await chat.GetResponseAsync(text, cancellationToken: token)).Text, ct);

                    public async Task<string[]> TitlesAsync(IEnumerable<string> texts, CancellationToken ct)
                    {
                        var pipeline = new ResiliencePipelineBuilder()
                            .AddRetry({|#1:new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true }|})
                            .Build();
                        var tasks = texts.Select(async t => await pipeline.ExecuteAsync(async token => (await chat.GetResponseAsync(t, cancellationToken: token)).Text, ct));
                        return await Task.WhenAll(tasks);
                    }
                }
                """,
                Verify.Diagnostic("RAG042").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                    "AddRetry",
                    "retries the AI call 'IChatClient.GetResponseAsync' up to 4 times in each task 'Task.WhenAll' starts for every item of 'texts' at once, so a throttled burst is sent up to 5 times",
                    "bound the fan-out first (RAG040), or retry fewer times"),
                Verify.Diagnostic("RAG042").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments(
                    "AddRetry",
                    "retries the AI call 'IChatClient.GetResponseAsync' up to 3 times in each task 'Task.WhenAll' starts for every item of 'texts' at once, so a throttled burst is sent up to 4 times",
                    "bound the fan-out first (RAG040), or retry fewer times"));
        }

        [Fact]
        public async Task Polly_retries_in_a_bounded_fan_out_a_sequential_loop_or_with_one_attempt_are_silent()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Polly;
                using Polly.Retry;

                class Summaries(IChatClient chat, int configuredAttempts)
                {
                    private static readonly SemaphoreSlim Gate = new(4);

                    private readonly ResiliencePipeline _throttled = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                        .Build();

                    private readonly ResiliencePipeline _sequential = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                        .Build();

                    public Task<string[]> ThrottledAsync(IReadOnlyList<string> texts, CancellationToken ct) =>
                        Task.WhenAll(texts.Select(async t =>
                        {
                            await Gate.WaitAsync(ct);
                            try { return await _throttled.ExecuteAsync(async token => (await chat.GetResponseAsync(t, cancellationToken: token)).Text, ct); }
                            finally { Gate.Release(); }
                        }));

                    public async Task<List<string>> SequentialAsync(IReadOnlyList<string> texts, CancellationToken ct)
                    {
                        var results = new List<string>();
                        foreach (var t in texts)
                        {
                            results.Add(await _sequential.ExecuteAsync(async token => (await chat.GetResponseAsync(t, cancellationToken: token)).Text, ct));
                        }

                        return results;
                    }

                    public async Task<string[]> OnceAsync(IEnumerable<string> texts, CancellationToken ct)
                    {
                        var once = new ResiliencePipelineBuilder()
                            .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true, MaxRetryAttempts = 1 })
                            .Build();
                        return await Task.WhenAll(texts.Select(async t => await once.ExecuteAsync(async token => (await chat.GetResponseAsync(t, cancellationToken: token)).Text, ct)));
                    }

                    public async Task<string[]> ConfiguredAsync(IEnumerable<string> texts, CancellationToken ct)
                    {
                        var configured = new ResiliencePipelineBuilder()
                            .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true, MaxRetryAttempts = configuredAttempts })
                            .Build();
                        return await Task.WhenAll(texts.Select(async t => await configured.ExecuteAsync(async token => (await chat.GetResponseAsync(t, cancellationToken: token)).Text, ct)));
                    }
                }
                """);
        }
    }
}
