using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG060HardCodedCredentialAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG060HardCodedCredentialFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG060HardCodedCredentialTests
    {
        [Fact]
        public async Task Literal_keys_of_openai_clients_read_the_environment()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;
                using OpenAI;
                using OpenAI.Chat;

                static class Clients
                {
                    public static OpenAIClient OpenAI() => new OpenAIClient(new ApiKeyCredential({|#0:"sk-proj-abc123"|}));

                    public static AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), new ApiKeyCredential({|#1:"3f2a9c"|}));

                    public static ChatClient Chat() => new ChatClient("gpt-4o", {|#2:"sk-live-42"|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("ApiKeyCredential", ""),
                    Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("ApiKeyCredential", ""),
                    Verify.Diagnostic("RAG060").WithLocation(2).WithArguments("ChatClient", ""),
                },
                """
                using System;
                using System.ClientModel;
                using Azure.AI.OpenAI;
                using OpenAI;
                using OpenAI.Chat;

                static class Clients
                {
                    public static OpenAIClient OpenAI() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")));

                    public static AzureOpenAIClient Azure() => new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), new ApiKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set")));

                    public static ChatClient Chat() => new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                }
                """);
        }

        [Fact]
        public async Task Semantic_kernel_registrations_and_qdrant_and_search()
        {
            var test = new Verify.Test { TestCode = """
                #pragma warning disable SKEXP0010
                using Azure;
                using Azure.Search.Documents;
                using Microsoft.SemanticKernel;
                using Qdrant.Client;

                var builder = Kernel.CreateBuilder();
                builder.AddOpenAIChatCompletion("gpt-4o", apiKey: {|#0:"sk-abc"|});
                builder.AddAzureOpenAIChatCompletion("chat", "https://x.openai.azure.com", {|#1:"az-key-1"|});
                var qdrant = new QdrantClient("qdrant.internal", apiKey: {|#2:"qd-secret"|});
                var search = new SearchClient(new System.Uri("https://s.search.windows.net"), "docs", new AzureKeyCredential({|#3:"search-admin-key"|}));
                """, FixedCode = """
                #pragma warning disable SKEXP0010
                using System;
                using Azure;
                using Azure.Search.Documents;
                using Microsoft.SemanticKernel;
                using Qdrant.Client;

                var builder = Kernel.CreateBuilder();
                builder.AddOpenAIChatCompletion("gpt-4o", apiKey: Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                builder.AddAzureOpenAIChatCompletion("chat", "https://x.openai.azure.com", Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set"));
                var qdrant = new QdrantClient("qdrant.internal", apiKey: Environment.GetEnvironmentVariable("QDRANT_API_KEY") ?? throw new InvalidOperationException("QDRANT_API_KEY is not set"));
                var search = new SearchClient(new System.Uri("https://s.search.windows.net"), "docs", new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_SEARCH_API_KEY") ?? throw new InvalidOperationException("AZURE_SEARCH_API_KEY is not set")));
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("IKernelBuilder.AddOpenAIChatCompletion", ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("IKernelBuilder.AddAzureOpenAIChatCompletion", ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(2).WithArguments("QdrantClient", ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(3).WithArguments("AzureKeyCredential", ""));
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Semantic_kernel_chat_client_registrations()
        {
            // SK 1.82's IChatClient / IEmbeddingGenerator registrations (Microsoft.Extensions.DependencyInjection classes and
            // the kernel builder) take the key as a string.
            await Verify.VerifyCodeFixAsync("""
                #pragma warning disable SKEXP0010
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                static class Setup
                {
                    public static void Services(IServiceCollection services)
                    {
                        services.AddOpenAIChatClient("gpt-4o", {|#0:"sk-proj-1"|});
                        services.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", {|#1:"az-key-2"|});
                    }

                    public static void Kernel(IKernelBuilder builder) =>
                        builder.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", apiKey: {|#2:"az-key-3"|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("IServiceCollection.AddOpenAIChatClient", ""),
                    Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("IServiceCollection.AddAzureOpenAIEmbeddingGenerator", ""),
                    Verify.Diagnostic("RAG060").WithLocation(2).WithArguments("IKernelBuilder.AddAzureOpenAIChatClient", ""),
                },
                """
                #pragma warning disable SKEXP0010
                using System;
                using Microsoft.Extensions.DependencyInjection;
                using Microsoft.SemanticKernel;

                static class Setup
                {
                    public static void Services(IServiceCollection services)
                    {
                        services.AddOpenAIChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                        services.AddAzureOpenAIEmbeddingGenerator("emb", "https://x.openai.azure.com", Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set"));
                    }

                    public static void Kernel(IKernelBuilder builder) =>
                        builder.AddAzureOpenAIChatClient("chat", "https://x.openai.azure.com", apiKey: Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set"));
                }
                """);
        }

        [Fact]
        public async Task Kernel_memory_config_properties()
        {
            await Verify.VerifyCodeFixAsync("""
                using Microsoft.KernelMemory;

                class Setup
                {
                    OpenAIConfig OpenAI() => new OpenAIConfig { APIKey = {|#0:"sk-km"|}, TextModel = "gpt-4o" };

                    AzureOpenAIConfig Azure()
                    {
                        var config = new AzureOpenAIConfig();
                        config.APIKey = {|#1:"azure-km"|};
                        return config;
                    }

                    MemoryWebClient Web() => new MemoryWebClient("http://km:9001", {|#2:"km-service-key"|});
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("OpenAIConfig.APIKey", ""),
                    Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("AzureOpenAIConfig.APIKey", ""),
                    Verify.Diagnostic("RAG060").WithLocation(2).WithArguments("MemoryWebClient", ""),
                },
                """
                using System;
                using Microsoft.KernelMemory;

                class Setup
                {
                    OpenAIConfig OpenAI() => new OpenAIConfig { APIKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"), TextModel = "gpt-4o" };

                    AzureOpenAIConfig Azure()
                    {
                        var config = new AzureOpenAIConfig();
                        config.APIKey = Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set");
                        return config;
                    }

                    MemoryWebClient Web() => new MemoryWebClient("http://km:9001", Environment.GetEnvironmentVariable("KERNEL_MEMORY_API_KEY") ?? throw new InvalidOperationException("KERNEL_MEMORY_API_KEY is not set"));
                }
                """);
        }

        [Fact]
        public async Task Const_used_once_is_removed()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.ClientModel;
                using OpenAI;

                namespace Rag;

                public sealed class Factory
                {
                    // The production key.
                    private const string ApiKey = "sk-prod-777";

                    private const string Model = "gpt-4o";

                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential([|ApiKey|]));

                    public string Describe()
                    {
                        const string local = "sk-local-1";
                        return new OpenAI.Chat.ChatClient(Model, [|local|]).ToString()!;
                    }
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;

                namespace Rag;

                public sealed class Factory
                {
                    private const string Model = "gpt-4o";

                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")));

                    public string Describe()
                    {
                        return new OpenAI.Chat.ChatClient(Model, Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")).ToString()!;
                    }
                }
                """);
        }

        [Fact]
        public async Task Const_with_other_uses_becomes_a_variable()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                public sealed class Factory
                {
                    private const string ApiKey = "sk-prod-777";

                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential([|ApiKey|]));

                    public ChatClient Chat() => new ChatClient("gpt-4o", [|ApiKey|]);

                    public void Log() => Console.WriteLine("key length " + ApiKey.Length);
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                public sealed class Factory
                {
                    private static readonly string ApiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set");

                    public OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(ApiKey));

                    public ChatClient Chat() => new ChatClient("gpt-4o", ApiKey);

                    public void Log() => Console.WriteLine("key length " + ApiKey.Length);
                }
                """);
        }

        [Fact]
        public async Task Same_literal_elsewhere_in_the_document_is_replaced_too()
        {
            var test = new Verify.Test
            {
                // Copies are reported at the end of the compilation (they are known only once every site is): not local
                // diagnostics, so the library's check that fixes target local ones does not apply.
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
                TestCode = """
                using System.ClientModel;
                using OpenAI;

                static class Clients
                {
                    public static OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential([|"sk-abc-123"|]));

                    public static bool IsDefault(string key) => key == {|#0:"sk-abc-123"|};

                    public static object Concatenated() => new OpenAI.Chat.ChatClient("gpt-4o", [|"sk-" + "abc-123"|]);
                }
                """,
                FixedCode = """
                using System;
                using System.ClientModel;
                using OpenAI;

                static class Clients
                {
                    public static OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")));

                    public static bool IsDefault(string key) => key == (Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));

                    public static object Concatenated() => new OpenAI.Chat.ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                }
                """,
            };

            // The copy is reported too (it is the same secret); the site's fix replaces it with the site.
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("Clients.IsDefault", ", a copy of the one passed to 'ApiKeyCredential' (Test0.cs:6)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_where_the_secret_cannot_be_removed_safely()
        {
            var source = """
                using System.ClientModel;
                using OpenAI;

                public static class Keys
                {
                    public const string Shared = "sk-shared-1";
                    private const string Prefix = "sk-";
                    public const string Built = Prefix + "built";
                }

                static class Clients
                {
                    public static OpenAIClient FromPublic() => new OpenAIClient(new ApiKeyCredential([|Keys.Shared|]));

                    public static OpenAIClient FromBuilt() => new OpenAIClient(new ApiKeyCredential([|Keys.Built|]));

                    public static OpenAIClient Interpolated() => new OpenAIClient(new ApiKeyCredential([|$"{Keys.Shared}-x"|]));

                    public static OpenAIClient UsedInSwitch(string k) => k switch
                    {
                        {|#0:"sk-switch-2"|} => null!,
                        _ => new OpenAIClient(new ApiKeyCredential([|"sk-switch-2"|])),
                    };
                }
                """;
            // The case label is a copy of the secret too: reported, but a label must stay a constant, so there is no fix.
            var copy = Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("Clients.UsedInSwitch", ", a copy of the one passed to 'ApiKeyCredential' (Test0.cs:22)");
            var test = new Verify.Test { TestCode = source, FixedCode = source, CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };
            test.ExpectedDiagnostics.Add(copy);
            test.FixedState.ExpectedDiagnostics.Add(copy);
            await test.RunAsync();
        }

        [Fact]
        public async Task Placeholders_and_configuration_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;
                using OpenAI.Chat;

                static class Clients
                {
                    static OpenAIClient Make(string key) => new OpenAIClient(new ApiKeyCredential(key));

                    public static void All()
                    {
                        Make("");
                        new ChatClient("m", "   ");
                        new ChatClient("m", "<your-api-key>");
                        new ChatClient("m", "YOUR_API_KEY");
                        new ChatClient("m", "your-openai-key-here");
                        new ChatClient("m", "sk-...");
                        new ChatClient("m", "dummy");
                        new ChatClient("m", "ollama");
                        new ChatClient("m", "not-needed");
                        new ChatClient("m", "xxxxxxxx");
                        new ChatClient("m", "{OPENAI_KEY}");
                        new ChatClient("m", "%OPENAI_KEY%");
                        new ChatClient("m", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                        new ChatClient("gpt-4o", new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY")!));
                    }
                }
                """);
        }

        [Fact]
        public async Task User_credential_api_from_editorconfig()
        {
            var test = new Verify.Test { TestCode = """
                namespace MyCorp.Llm
                {
                    public sealed class Gateway
                    {
                        public static Gateway Connect(string endpoint, string accessKey) => new Gateway();
                    }

                    static class Setup
                    {
                        public static Gateway Create() => Gateway.Connect("https://llm.internal", [|"gw-123"|]);
                    }
                }
                """, FixedCode = """
                using System;

                namespace MyCorp.Llm
                {
                    public sealed class Gateway
                    {
                        public static Gateway Connect(string endpoint, string accessKey) => new Gateway();
                    }

                    static class Setup
                    {
                        public static Gateway Create() => Gateway.Connect("https://llm.internal", Environment.GetEnvironmentVariable("GATEWAY_API_KEY") ?? throw new InvalidOperationException("GATEWAY_API_KEY is not set"));
                    }
                }
                """ };
            test.Libraries = TestLibraries.None;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.credential_parameter_apis = M:MyCorp.Llm.Gateway.Connect(System.String,System.String)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Records_and_primary_constructors()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.ClientModel;
                using OpenAI.Embeddings;

                public record Embedder(string Model)
                {
                    public EmbeddingClient Client { get; } = new EmbeddingClient(Model, new ApiKeyCredential([|"sk-embed-9"|]));
                }

                public class Service(string model)
                {
                    private readonly EmbeddingClient _client = new(model, [|"sk-embed-9"|]);
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI.Embeddings;

                public record Embedder(string Model)
                {
                    public EmbeddingClient Client { get; } = new EmbeddingClient(Model, new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")));
                }

                public class Service(string model)
                {
                    private readonly EmbeddingClient _client = new(model, Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                }
                """);
        }

        [Fact]
        public async Task Local_holding_a_literal_gets_its_initializer_replaced()
        {
            await Verify.VerifyCodeFixAsync("""
                using System;
                using System.ClientModel;
                using OpenAI;

                static class Clients
                {
                    public static OpenAIClient Create()
                    {
                        var apiKey = "sk-local-abc";
                        var credential = new ApiKeyCredential([|apiKey|]);
                        return new OpenAIClient(new ApiKeyCredential([|apiKey|]));
                    }

                    public static int ConstLocal()
                    {
                        const string key = "sk-const-local";
                        var client = new OpenAI.Chat.ChatClient("gpt-4o", [|key|]);
                        return key.Length;
                    }

                    public static OpenAIClient Reassigned(bool fromEnvironment)
                    {
                        var key = "sk-fallback-1";
                        if (fromEnvironment) key = Environment.GetEnvironmentVariable("K")!;
                        return new OpenAIClient(new ApiKeyCredential(key));
                    }

                    public static OpenAIClient Placeholder()
                    {
                        var key = "<your-key>";
                        return new OpenAIClient(new ApiKeyCredential(key));
                    }
                }
                """,
                """
                using System;
                using System.ClientModel;
                using OpenAI;

                static class Clients
                {
                    public static OpenAIClient Create()
                    {
                        var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set");
                        var credential = new ApiKeyCredential(apiKey);
                        return new OpenAIClient(new ApiKeyCredential(apiKey));
                    }

                    public static int ConstLocal()
                    {
                        string key = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set");
                        var client = new OpenAI.Chat.ChatClient("gpt-4o", key);
                        return key.Length;
                    }

                    public static OpenAIClient Reassigned(bool fromEnvironment)
                    {
                        var key = "sk-fallback-1";
                        if (fromEnvironment) key = Environment.GetEnvironmentVariable("K")!;
                        return new OpenAIClient(new ApiKeyCredential(key));
                    }

                    public static OpenAIClient Placeholder()
                    {
                        var key = "<your-key>";
                        return new OpenAIClient(new ApiKeyCredential(key));
                    }
                }
                """);
        }

        [Fact]
        public async Task Legacy_azure_openai_client_with_an_openai_key()
        {
            var test = new Verify.Test { TestCode = """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                static class Clients
                {
                    public static OpenAIClient OpenAI() => new OpenAIClient({|#0:"sk-legacy-1"|});
                    public static OpenAIClient Azure() => new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential({|#1:"azure-legacy-2"|}));
                }
                """, FixedCode = """
                using System;
                using Azure;
                using Azure.AI.OpenAI;

                static class Clients
                {
                    public static OpenAIClient OpenAI() => new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                    public static OpenAIClient Azure() => new OpenAIClient(new Uri("https://x.openai.azure.com"), new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_OPENAI_API_KEY") ?? throw new InvalidOperationException("AZURE_OPENAI_API_KEY is not set")));
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("OpenAIClient", ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("AzureKeyCredential", ""));
            test.Libraries = TestLibraries.Default | TestLibraries.LegacyAzureOpenAI;
            await test.RunAsync();
        }

        [Theory]
        [InlineData("new ChatClient(\"m\", \"sk-1\"")]
        [InlineData("new ChatClient(\"m\", )")]
        [InlineData("new ApiKeyCredential(\"sk-2\" + )")]
        [InlineData("new ApiKeyCredential(Missing.Key)")]
        [InlineData("const string k = ; new ChatClient(\"m\", k)")]
        public async Task Code_being_typed_never_makes_the_analyzer_throw(string expression)
        {
            var source = "using System.ClientModel; using OpenAI.Chat; class C { object M() => " + expression + "; object N() => new ApiKeyCredential(\"sk-ok-1\"); }";
            var project = TestProject.Create(new[] { source }, new TestSettings());
            var diagnostics = await TestProject.GetDiagnosticsAsync(project, System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new RAG060HardCodedCredentialAnalyzer()));

            Assert.Contains(diagnostics, d => d.Id == "RAG060");
        }

        [Fact]
        public async Task Copies_in_other_files_are_reported_and_the_fix_leaves_none_behind()
        {
            // The key is also sent as a header by hand and kept in a constant elsewhere: removing it from the client alone
            // would leave it in the repository.
            var test = new Verify.Test
            {
                CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
                TestCode = """
                    using System.ClientModel;
                    using OpenAI;

                    static class Clients
                    {
                        public static OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential({|#0:"sk-live-7f3a9c21"|}));
                    }
                    """,
                FixedCode = """
                    using System;
                    using System.ClientModel;
                    using OpenAI;

                    static class Clients
                    {
                        public static OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set")));
                    }
                    """,
            };
            test.TestState.Sources.Add("""
                using System.Net.Http;

                static class RawCalls
                {
                    public const string Backup = {|#2:"sk-live-7f3a9c21"|};

                    public static void Authorize(HttpClient client) => client.DefaultRequestHeaders.Add("api-key", {|#1:"sk-live-7f3a9c21"|});
                }
                """);
            test.FixedState.Sources.Add("""
                using System;
                using System.Net.Http;

                static class RawCalls
                {
                    public static readonly string Backup = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set");

                    public static void Authorize(HttpClient client) => client.DefaultRequestHeaders.Add("api-key", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? throw new InvalidOperationException("OPENAI_API_KEY is not set"));
                }
                """);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("ApiKeyCredential", ""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("HttpHeaders.Add", ", a copy of the one passed to 'ApiKeyCredential' (Test0.cs:6)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG060").WithLocation(2).WithArguments("RawCalls.Backup", ", a copy of the one passed to 'ApiKeyCredential' (Test0.cs:6)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_when_a_copy_must_stay_a_constant()
        {
            // The copy feeds an attribute, which needs a constant: fixing the client alone would leave the key in the
            // repository without a warning, so neither is fixed and both stay reported.
            var source = """
                using System.ClientModel;
                using OpenAI;

                static class Clients
                {
                    public static OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential({|#0:"sk-live-51d0c8e2"|}));
                }
                """;
            var other = """
                using System.ComponentModel;

                static class Settings
                {
                    public const string Key = {|#1:"sk-live-51d0c8e2"|};

                    [Description(Key)]
                    public static string Describe() => "";
                }
                """;
            var test = new Verify.Test { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck, TestCode = source, FixedCode = source };
            test.TestState.Sources.Add(other);
            test.FixedState.Sources.Add(other);
            var site = Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("ApiKeyCredential", "");
            var copy = Verify.Diagnostic("RAG060").WithLocation(1).WithArguments("Settings.Key", ", a copy of the one passed to 'ApiKeyCredential' (Test0.cs:6)");
            test.ExpectedDiagnostics.AddRange(new[] { site, copy });
            test.FixedState.ExpectedDiagnostics.AddRange(new[] { site, copy });
            await test.RunAsync();
        }

        [Fact]
        public async Task Placeholders_made_of_placeholder_words_are_not_keys()
        {
            // Keyless local servers (Ollama, an OpenAI-compatible proxy) still need a non-empty key in some SDKs.
            await Verify.VerifyAnalyzerAsync("""
                using System.ClientModel;
                using Microsoft.SemanticKernel;
                using OpenAI;

                static class LocalModels
                {
                    public static OpenAIClient Proxy() => new OpenAIClient(new ApiKeyCredential("dummy-key"));

                    public static IKernelBuilder Ollama(IKernelBuilder builder) => builder.AddOpenAIChatCompletion("llama3", "NotNull");

                    public static OpenAIClient Template() => new OpenAIClient(new ApiKeyCredential("my_api_key_here"));

                    public static OpenAIClient Real() => new OpenAIClient(new ApiKeyCredential({|#0:"sk-test-9f2c41ab"|}));
                }
                """,
                Verify.Diagnostic("RAG060").WithLocation(0).WithArguments("ApiKeyCredential", ""));
        }

        [Theory]
        [InlineData("", true)]
        [InlineData("<key>", true)]
        [InlineData("YOUR-KEY", true)]
        [InlineData("sk-", true)]
        [InlineData("****", true)]
        [InlineData("NotNull", true)]
        [InlineData("dummy-key", true)]
        [InlineData("my_api_key_here", true)]
        [InlineData("sk-test-9f2c41ab", false)]
        [InlineData("search-admin-key", false)]
        [InlineData("sk-proj-1a2b", false)]
        [InlineData("k3y-9", false)]
        public void Placeholder_list(string value, bool placeholder) =>
            Assert.Equal(placeholder, RAG060HardCodedCredentialAnalyzer.IsPlaceholder(value));
    }
}
