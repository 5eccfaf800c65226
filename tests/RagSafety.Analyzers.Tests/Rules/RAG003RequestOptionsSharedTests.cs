using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG003RequestOptionsSharedAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG003RequestOptionsSharedFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG003RequestOptionsSharedTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            """;

        private const string SkUsings = """
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            """;

        // RAG003 reports at compilation end (a member is shared options only once every use in the compilation is seen), so
        // its diagnostics are not local to a document: the library's check that fixes target local diagnostics does not apply.
        private const CodeFixTestBehaviors CompilationEnd = CodeFixTestBehaviors.SkipLocalDiagnosticCheck;

        private static Task VerifyCodeFixAsync(string source, string fixedSource)
        {
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = source, FixedCode = fixedSource };
            return test.RunAsync();
        }

        private static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
        {
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        [Fact]
        public async Task Static_ChatOptions_field_passed_to_chat_call_becomes_fresh_per_use()
        {
            await VerifyCodeFixAsync(Usings + """
                public sealed class Answerer(IChatClient chat)
                {
                    // Shared by every request.
                    private static readonly ChatOptions {|#0:Options|} = new()
                    {
                        Temperature = 0.2f,
                        MaxOutputTokens = 500,
                    };

                    public async Task<string> AskAsync(string question) =>
                        (await chat.GetResponseAsync(question, Options)).Text;
                }
                """,
                new[] { Verify.Diagnostic("RAG003").WithLocation(0).WithArguments("Answerer.Options", "ChatOptions") },
                Usings + """
                public sealed class Answerer(IChatClient chat)
                {
                    // Shared by every request.
                    private static ChatOptions Options => new()
                    {
                        Temperature = 0.2f,
                        MaxOutputTokens = 500,
                    };

                    public async Task<string> AskAsync(string question) =>
                        (await chat.GetResponseAsync(question, Options)).Text;
                }
                """);
        }

        [Fact]
        public async Task Settings_properties_and_other_option_types_are_fixed_together()
        {
            await VerifyCodeFixAsync(SkUsings + """
                using System.Collections.Generic;
                using Microsoft.Extensions.AI;
                using OpenAI.Chat;

                public static class AiDefaults
                {
                    public static OpenAIPromptExecutionSettings {|#0:Settings|} { get; } = new() { Temperature = 0, MaxTokens = 800 };
                    internal static ChatCompletionOptions {|#1:Completion|} = new() { Temperature = 0f };
                    public static readonly EmbeddingGenerationOptions {|#2:Embedding|} = new() { Dimensions = 256 };
                    public static PromptExecutionSettings {|#3:Base|} { get; } = CreateBase();

                    private static PromptExecutionSettings CreateBase() => new();
                }

                public sealed class Rag(Kernel kernel, IChatCompletionService chat, ChatClient openAi, IEmbeddingGenerator<string, Embedding<float>> embedder)
                {
                    public async Task RunAsync(ChatHistory history, List<OpenAI.Chat.ChatMessage> messages)
                    {
                        await kernel.InvokePromptAsync("Summarize {{$input}}", new KernelArguments(AiDefaults.Settings));
                        await chat.GetChatMessageContentAsync(history, AiDefaults.Base);
                        await openAi.CompleteChatAsync(messages, AiDefaults.Completion);
                        await embedder.GenerateAsync(new[] { "text" }, AiDefaults.Embedding);
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG003").WithLocation(0).WithArguments("AiDefaults.Settings", "OpenAIPromptExecutionSettings"),
                    Verify.Diagnostic("RAG003").WithLocation(1).WithArguments("AiDefaults.Completion", "ChatCompletionOptions"),
                    Verify.Diagnostic("RAG003").WithLocation(2).WithArguments("AiDefaults.Embedding", "EmbeddingGenerationOptions"),
                    Verify.Diagnostic("RAG003").WithLocation(3).WithArguments("AiDefaults.Base", "PromptExecutionSettings"),
                },
                SkUsings + """
                using System.Collections.Generic;
                using Microsoft.Extensions.AI;
                using OpenAI.Chat;

                public static class AiDefaults
                {
                    public static OpenAIPromptExecutionSettings Settings => new() { Temperature = 0, MaxTokens = 800 };
                    internal static ChatCompletionOptions Completion => new() { Temperature = 0f };
                    public static EmbeddingGenerationOptions Embedding => new() { Dimensions = 256 };
                    public static PromptExecutionSettings Base => CreateBase();

                    private static PromptExecutionSettings CreateBase() => new();
                }

                public sealed class Rag(Kernel kernel, IChatCompletionService chat, ChatClient openAi, IEmbeddingGenerator<string, Embedding<float>> embedder)
                {
                    public async Task RunAsync(ChatHistory history, List<OpenAI.Chat.ChatMessage> messages)
                    {
                        await kernel.InvokePromptAsync("Summarize {{$input}}", new KernelArguments(AiDefaults.Settings));
                        await chat.GetChatMessageContentAsync(history, AiDefaults.Base);
                        await openAi.CompleteChatAsync(messages, AiDefaults.Completion);
                        await embedder.GenerateAsync(new[] { "text" }, AiDefaults.Embedding);
                    }
                }
                """);
        }

        [Fact]
        public async Task Options_passed_through_the_apps_own_method_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed class Gateway(IChatClient chat)
                {
                    public async Task<string> CompleteAsync(string prompt, ChatOptions options) =>
                        (await chat.GetResponseAsync(prompt, options)).Text;
                }

                public static class Prompts
                {
                    private static readonly ChatOptions {|#0:Strict|} = new() { Temperature = 0 };

                    public static Task<string> RunAsync(Gateway gateway) => gateway.CompleteAsync("q", Strict);
                }
                """,
                Verify.Diagnostic("RAG003").WithLocation(0).WithArguments("Prompts.Strict", "ChatOptions"));
        }

        [Fact]
        public async Task Options_changed_after_creation_are_reported_without_a_fix()
        {
            const string source = Usings + """
                public static class Chat
                {
                    private static readonly ChatOptions [|Options|] = new();
                    private static ChatOptions [|Assigned|] = new();
                    private static readonly ChatOptions [|WithTools|] = new() { Tools = new List<AITool>() };
                    private static readonly ChatOptions [|Multi|] = new(), Other = new();
                    [System.Obsolete] private static readonly ChatOptions [|Attributed|] = new();
                    private static readonly ChatOptions [|NoInitializer|];

                    static Chat()
                    {
                        Options.Temperature = 0.5f;
                        NoInitializer = new();
                    }

                    public static void Reset() => Assigned = new();

                    public static async Task RunAsync(IChatClient chat)
                    {
                        WithTools.Tools!.Add(AIFunctionFactory.Create(() => 42, "answer"));
                        await chat.GetResponseAsync("a", Options);
                        await chat.GetResponseAsync("b", Assigned);
                        await chat.GetResponseAsync("c", WithTools);
                        await chat.GetResponseAsync("d", Multi);
                        await chat.GetResponseAsync("e", Attributed);
                        await chat.GetResponseAsync("f", NoInitializer);
                    }
                }
                """;
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = source, FixedCode = source };
            await test.RunAsync();
        }

        [Fact]
        public async Task Cloned_frozen_unused_instance_and_computed_options_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(SkUsings + """
                using Microsoft.Extensions.AI;

                public sealed class Safe(IChatClient chat, IChatCompletionService service, ChatHistory history)
                {
                    private static readonly ChatOptions Template = new() { Temperature = 0 };
                    private static readonly OpenAIPromptExecutionSettings Frozen = CreateFrozen();
                    private static readonly ChatOptions NeverSent = new();
                    private static ChatOptions Fresh => new() { Temperature = 0 };
                    private readonly ChatOptions _perInstance = new();

                    private static OpenAIPromptExecutionSettings CreateFrozen()
                    {
                        var settings = new OpenAIPromptExecutionSettings { Temperature = 0 };
                        settings.Freeze();
                        return settings;
                    }

                    static Safe() => Frozen.Freeze();

                    public async Task RunAsync()
                    {
                        await chat.GetResponseAsync("a", Template.Clone());
                        await service.GetChatMessageContentAsync(history, Frozen);
                        await chat.GetResponseAsync("b", Fresh);
                        await chat.GetResponseAsync("c", _perInstance);
                        var temperature = NeverSent.Temperature;
                    }
                }
                """);
        }

        [Fact]
        public async Task Records_partial_types_and_top_level_statements()
        {
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = Usings + """
                IChatClient chat = null!;
                await chat.GetResponseAsync("hi", Defaults.Options);

                public static partial class Defaults
                {
                    public static readonly ChatOptions {|#0:Options|} = new() { ModelId = "gpt-4o-mini" };
                }

                public static partial class Defaults
                {
                    public static string Model => Options.ModelId!;
                }

                public record Request(string Question)
                {
                    public static ChatOptions {|#1:Shared|} { get; } = new();

                    public Task<ChatResponse> SendAsync(IChatClient chat) => chat.GetResponseAsync(Question, Shared);
                }
                """, FixedCode = Usings + """
                IChatClient chat = null!;
                await chat.GetResponseAsync("hi", Defaults.Options);

                public static partial class Defaults
                {
                    public static ChatOptions Options => new() { ModelId = "gpt-4o-mini" };
                }

                public static partial class Defaults
                {
                    public static string Model => Options.ModelId!;
                }

                public record Request(string Question)
                {
                    public static ChatOptions Shared => new();

                    public Task<ChatResponse> SendAsync(IChatClient chat) => chat.GetResponseAsync(Question, Shared);
                }
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG003").WithLocation(0).WithArguments("Defaults.Options", "ChatOptions"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG003").WithLocation(1).WithArguments("Request.Shared", "ChatOptions"));
            await test.RunAsync();
        }

        [Fact]
        public async Task User_catalogued_options_and_ai_call_are_reported()
        {
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = """
                namespace MyCorp.Llm
                {
                    public sealed class GenerationSettings { public double Temperature { get; set; } }

                    public sealed class Gateway { public string Complete(string prompt, GenerationSettings settings) => prompt; }

                    public static class Defaults
                    {
                        public static readonly GenerationSettings [|Settings|] = new();

                        public static string Run(Gateway gateway) => gateway.Complete("p", Settings);
                    }
                }
                """, FixedCode = """
                namespace MyCorp.Llm
                {
                    public sealed class GenerationSettings { public double Temperature { get; set; } }

                    public sealed class Gateway { public string Complete(string prompt, GenerationSettings settings) => prompt; }

                    public static class Defaults
                    {
                        public static GenerationSettings Settings => new();

                        public static string Run(Gateway gateway) => gateway.Complete("p", Settings);
                    }
                }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.request_options_apis = T:MyCorp.Llm.GenerationSettings\nrag_safety.ai_call_apis = M:MyCorp.Llm.Gateway.Complete(System.String,MyCorp.Llm.GenerationSettings)"));
            await test.RunAsync();
        }

        private const string AgentUsings = """
            #pragma warning disable SKEXP0110
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Agents;

            """;

        [Fact]
        public async Task Shared_agent_run_options_changed_per_request_are_reported_without_a_fix()
        {
            // Each request writes its own tools, tenant or arguments into the one shared object while other runs read it.
            const string source = AgentUsings + """
                public static class Assistant
                {
                    private static readonly ChatClientAgentRunOptions {|#0:RunOptions|} = new(new ChatOptions { Temperature = 0 });
                    private static readonly AgentRunOptions {|#1:Tagged|} = new();
                    private static readonly AgentInvokeOptions {|#2:Invoke|} = new() { KernelArguments = new KernelArguments() };

                    public static async Task<string> AskAsync(ChatClientAgent agent, AgentSession session, string question, IList<AITool> userTools)
                    {
                        RunOptions.ChatOptions!.Tools = userTools;
                        return (await agent.RunAsync(question, session, RunOptions)).Text;
                    }

                    public static async Task<string> AskForTenantAsync(AIAgent agent, string tenant, string question)
                    {
                        Tagged.AdditionalProperties ??= new AdditionalPropertiesDictionary();
                        Tagged.AdditionalProperties["tenant"] = tenant;
                        return (await agent.RunAsync(question, options: Tagged)).Text;
                    }

                    public static async Task<string> PlanTripAsync(ChatCompletionAgent agent, AgentThread thread, string city)
                    {
                        Invoke.KernelArguments!["city"] = city;
                        var replies = await agent.InvokeAsync("Plan my trip.", thread, Invoke).ToListAsync();
                        return replies.Last().Message.Content ?? "";
                    }
                }
                """;
            var test = new Verify.Test { CodeFixTestBehaviors = CompilationEnd, TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG003").WithLocation(0).WithArguments("Assistant.RunOptions", "ChatClientAgentRunOptions"),
                Verify.Diagnostic("RAG003").WithLocation(1).WithArguments("Assistant.Tagged", "AgentRunOptions"),
                Verify.Diagnostic("RAG003").WithLocation(2).WithArguments("Assistant.Invoke", "AgentInvokeOptions"),
            });
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }

        [Fact]
        public async Task Shared_agent_run_options_only_passed_to_runs_are_not_reported()
        {
            // The agents copy run options per run (AgentRunOptions.Clone, ChatOptions cloned before merging) and only read SK's
            // init-only invoke options: one shared instance configured once is safe.
            await Verify.VerifyAnalyzerAsync(AgentUsings + """
                public static class Assistant
                {
                    private static readonly ChatClientAgentRunOptions RunOptions = new(new ChatOptions { Temperature = 0, MaxOutputTokens = 800 });
                    private static readonly AgentRunOptions Background = new() { AllowBackgroundResponses = true };
                    private static readonly AgentRunOptions Tagged = new();
                    private static readonly AgentInvokeOptions Invoke = new() { AdditionalInstructions = "Answer briefly." };

                    static Assistant()
                    {
                        Tagged.AdditionalProperties = new AdditionalPropertiesDictionary { ["app"] = "support" };
                    }

                    public static async Task<string> AskAsync(ChatClientAgent agent, AgentSession session, string question)
                    {
                        var budget = RunOptions.ChatOptions?.MaxOutputTokens ?? 0;
                        var answer = await agent.RunAsync(question, session, RunOptions);
                        var report = await agent.RunAsync(question, options: Background);
                        var tagged = await agent.RunAsync(question, options: Tagged);
                        var hasApp = Tagged.AdditionalProperties?.ContainsKey("app") ?? false;
                        return answer.Text + report.Text + tagged.Text + budget + hasApp;
                    }

                    public static async Task<string> InvokeAsync(ChatCompletionAgent agent, AgentThread thread, string question)
                    {
                        var replies = await agent.InvokeAsync(question, thread, Invoke).ToListAsync();
                        return replies.Last().Message.Content ?? "";
                    }
                }
                """);
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public static class Broken
                {
                    private static readonly ChatOptions Options = new() { {|CS0117:Unknown|} = 1 };

                    public static async Task RunAsync(IChatClient chat)
                    {
                        await chat.{|CS1061:Missing|}("a", Options);
                        await {|CS0103:Nowhere|}.GetResponseAsync("b", Options);
                    }
                }
                """);
        }
    }
}
