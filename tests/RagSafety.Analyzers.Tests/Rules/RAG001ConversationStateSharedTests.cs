using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG001ConversationStateSharedAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG001ConversationStateSharedFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG001ConversationStateSharedTests
    {
        private const string Usings = """
            #pragma warning disable SKEXP0001, SKEXP0110
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Net.Http;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Agents;
            using Microsoft.SemanticKernel.ChatCompletion;

            """;

        [Fact]
        public async Task Static_fields_and_properties_of_conversation_state_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Conversation
                {
                    public static ChatHistory {|#0:History|} = new();
                    private static readonly List<ChatMessage> {|#1:Messages|} = new();
                    public static List<ChatMessageContent> {|#2:Contents|} { get; } = new();
                    private static readonly Lazy<ChatHistory> {|#3:LazyHistory|} = new(() => new ChatHistory());
                    internal static KernelArguments {|#4:Arguments|} = new();
                    private static AgentThread? {|#5:Thread|};
                    private static readonly ChatHistoryAgentThread {|#6:AgentThread|} = new();
                    private static readonly IList<OpenAI.Chat.ChatMessage> {|#7:OpenAiMessages|} = new List<OpenAI.Chat.ChatMessage>();
                    private static readonly ConcurrentBag<ChatMessage> {|#8:Bag|} = new();
                }
                """,
                Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("Conversation.History", "ChatHistory"),
                Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("Conversation.Messages", "List<ChatMessage>"),
                Verify.Diagnostic("RAG001").WithLocation(2).WithArguments("Conversation.Contents", "List<ChatMessageContent>"),
                Verify.Diagnostic("RAG001").WithLocation(3).WithArguments("Conversation.LazyHistory", "ChatHistory"),
                Verify.Diagnostic("RAG001").WithLocation(4).WithArguments("Conversation.Arguments", "KernelArguments"),
                Verify.Diagnostic("RAG001").WithLocation(5).WithArguments("Conversation.Thread", "AgentThread"),
                Verify.Diagnostic("RAG001").WithLocation(6).WithArguments("Conversation.AgentThread", "ChatHistoryAgentThread"),
                Verify.Diagnostic("RAG001").WithLocation(7).WithArguments("Conversation.OpenAiMessages", "IList<ChatMessage>"),
                Verify.Diagnostic("RAG001").WithLocation(8).WithArguments("Conversation.Bag", "ConcurrentBag<ChatMessage>"));
        }

        [Fact]
        public async Task Static_members_get_no_automatic_fix()
        {
            const string source = Usings + """
                class ChatEndpoint
                {
                    private static readonly ChatHistory [|History|] = new("You are a helpful assistant.");
                }
                """;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Per_conversation_stores_read_only_prompts_clients_and_computed_properties_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Safe
                {
                    // A store keyed by conversation id: one history per conversation.
                    private static readonly ConcurrentDictionary<string, ChatHistory> Histories = new();
                    private static readonly ConcurrentDictionary<string, List<ChatMessage>> Messages = new();
                    private static readonly Dictionary<Guid, AgentThread> Threads = new();

                    // Fixed prompts that nobody appends to.
                    private static readonly ChatMessage[] FewShot = { new(ChatRole.System, "Answer briefly.") };
                    private static readonly IReadOnlyList<ChatMessage> Preamble = new[] { new ChatMessage(ChatRole.System, "Be precise.") };
                    private static readonly ImmutableList<ChatMessage> Examples = ImmutableList<ChatMessage>.Empty;
                    private static IEnumerable<ChatMessageContent> Seed => new List<ChatMessageContent>();

                    // Thread-safe clients are built to be shared.
                    private static readonly HttpClient Http = new();
                    private static IChatClient? Client;

                    // Fresh state per use, per thread, or not state at all.
                    public static ChatHistory NewHistory => new();
                    [ThreadStatic] private static ChatHistory? PerThread;
                    private const string SystemPrompt = "You are a helpful assistant.";
                    private static readonly ChatOptions Options = new();
                }

                class Conversation
                {
                    private readonly ChatHistory _history = new();
                    public List<ChatMessage> Messages { get; } = new();
                }
                """);
        }

        [Fact]
        public async Task Singleton_registrations_become_scoped()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.{|#0:AddSingleton<ChatHistory>|}();
                        services.{|#1:AddSingleton<KernelArguments>|}(sp => new KernelArguments());
                        services.{|#2:AddSingleton|}(sp => new List<ChatMessage>());
                        services.{|#3:AddSingleton|}(typeof(ChatHistory));
                        services.{|#4:TryAddSingleton<ChatHistory>|}();
                        services.{|#5:AddKeyedSingleton<ChatHistory>|}("support");
                        services.{|#6:TryAddKeyedSingleton<AgentThread, ChatHistoryAgentThread>|}("agent");
                        services.{|#7:AddKeyedSingleton<ChatHistory>|}("sales", (sp, key) => new ChatHistory());
                        services.{|#8:TryAddSingleton|}(typeof(ChatHistory), sp => new ChatHistory());
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("AddSingleton<ChatHistory>", "ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("AddSingleton<KernelArguments>", "KernelArguments"),
                    Verify.Diagnostic("RAG001").WithLocation(2).WithArguments("AddSingleton(List<ChatMessage>)", "List<ChatMessage>"),
                    Verify.Diagnostic("RAG001").WithLocation(3).WithArguments("AddSingleton(ChatHistory)", "ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(4).WithArguments("TryAddSingleton<ChatHistory>", "ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(5).WithArguments("AddKeyedSingleton<ChatHistory>", "ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(6).WithArguments("TryAddKeyedSingleton<AgentThread, ChatHistoryAgentThread>", "ChatHistoryAgentThread"),
                    Verify.Diagnostic("RAG001").WithLocation(7).WithArguments("AddKeyedSingleton<ChatHistory>", "ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(8).WithArguments("TryAddSingleton(ChatHistory)", "ChatHistory"),
                },
                Usings + """
                static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddScoped<ChatHistory>();
                        services.AddScoped<KernelArguments>(sp => new KernelArguments());
                        services.AddScoped(sp => new List<ChatMessage>());
                        services.AddScoped(typeof(ChatHistory));
                        services.TryAddScoped<ChatHistory>();
                        services.AddKeyedScoped<ChatHistory>("support");
                        services.TryAddKeyedScoped<AgentThread, ChatHistoryAgentThread>("agent");
                        services.AddKeyedScoped<ChatHistory>("sales", (sp, key) => new ChatHistory());
                        services.TryAddScoped(typeof(ChatHistory), sp => new ChatHistory());
                    }
                }
                """);
        }

        [Fact]
        public async Task Registered_instances_and_factories_returning_an_existing_object_get_no_fix()
        {
            const string source = Usings + """
                var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                var history = new ChatHistory();
                builder.Services.{|#0:AddSingleton|}(history);
                builder.Services.{|#1:AddSingleton|}(sp => history);
                builder.Services.{|#2:TryAddSingleton|}(new List<ChatMessage>());
                builder.Services.{|#3:AddKeyedSingleton|}("k", history);
                """;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("AddSingleton(ChatHistory)", "ChatHistory"),
                Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("AddSingleton(ChatHistory)", "ChatHistory"),
                Verify.Diagnostic("RAG001").WithLocation(2).WithArguments("TryAddSingleton(List<ChatMessage>)", "List<ChatMessage>"),
                Verify.Diagnostic("RAG001").WithLocation(3).WithArguments("AddKeyedSingleton(ChatHistory)", "ChatHistory"),
            });
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }

        [Fact]
        public async Task Scoped_transient_and_stateless_singletons_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                sealed class Answerer(IChatClient chat, IEmbeddingGenerator<string, Embedding<float>> embedder)
                {
                    private readonly ChatOptions _options = new();
                    public IChatClient Chat => chat;
                }

                sealed class HistoryStore
                {
                    private readonly ConcurrentDictionary<string, ChatHistory> _histories = new();
                    public ChatHistory For(string conversationId) => _histories.GetOrAdd(conversationId, _ => new ChatHistory());
                }

                sealed class PromptBuilder(ChatHistory history)
                {
                    // Only read in an initializer: the parameter is not captured.
                    private readonly int _count = history.Count;
                }

                // A client implementation is built to be shared, whatever it keeps inside.
                sealed class RecordingChatClient : DelegatingChatClient
                {
                    private readonly List<ChatMessage> _log = new();
                    public RecordingChatClient(IChatClient inner) : base(inner) { }
                }

                static class Registrations
                {
                    public static void Register(IServiceCollection services, IChatClient client)
                    {
                        services.AddSingleton<IChatClient>(sp => new RecordingChatClient(client));
                        services.AddSingleton(sp => new OpenAI.Chat.ChatClient("gpt-4o-mini", "key"));
                        services.AddSingleton<Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService>(sp => null!);
                        services.AddSingleton<Microsoft.KernelMemory.IKernelMemory>(sp => null!);
                        services.AddSingleton<Microsoft.Extensions.VectorData.VectorStore>(sp => null!);
                        services.AddScoped<ChatHistory>();
                        services.AddTransient<KernelArguments>();
                        services.TryAddScoped<ChatHistoryAgentThread>();
                        services.AddKeyedTransient<ChatHistory>("k");
                        services.AddSingleton<IChatClient>(client);
                        services.AddSingleton(new HttpClient());
                        services.AddSingleton<Answerer>();
                        services.AddSingleton<HistoryStore>();
                        services.AddSingleton<PromptBuilder>();
                        services.AddSingleton<Kernel>();
                    }
                }
                """);
        }

        [Fact]
        public async Task Singletons_in_a_kernel_builders_own_services_live_with_that_kernel_and_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Kernels
                {
                    public static Kernel Build(IServiceCollection services)
                    {
                        var kernelBuilder = Kernel.CreateBuilder();
                        kernelBuilder.Services.AddSingleton<ChatHistory>();
                        Kernel.CreateBuilder().Services.AddSingleton(sp => new List<ChatMessage>());

                        // AddKernel wraps the app's own collection: its singletons are the app's.
                        services.AddKernel().Services.{|#0:AddSingleton<ChatHistory>|}();
                        IKernelBuilder appKernel = services.AddKernel();
                        appKernel.Services.{|#1:TryAddSingleton<ChatHistory>|}();
                        return kernelBuilder.Build();
                    }
                }
                """,
                Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("AddSingleton<ChatHistory>", "ChatHistory"),
                Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("TryAddSingleton<ChatHistory>", "ChatHistory"));
        }

        [Fact]
        public async Task Own_types_holding_state_name_the_field_transitively()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public interface IQueryEngine { }

                public sealed class QueryEngine : IQueryEngine
                {
                    private readonly ChatHistory _history = new();
                }

                public sealed class HistoryHolder
                {
                    public List<ChatMessage> Messages { get; } = new();
                }

                public sealed class RagPipeline
                {
                    private readonly IChatClient? _client;
                    private readonly HistoryHolder _holder = new();
                }

                public sealed class Session(ChatHistory history)
                {
                    public int Count => history.Count;
                }

                public record Conversation(string Id, ChatHistory History);

                public static class Registrations
                {
                    public static QueryEngine {|#0:Shared|} = new();

                    public static void Register(IServiceCollection services)
                    {
                        services.{|#1:AddSingleton<IQueryEngine, QueryEngine>|}();
                        services.{|#2:AddSingleton<RagPipeline>|}();
                        services.{|#3:AddSingleton<Session>|}();
                        services.{|#4:AddSingleton|}(sp => new Conversation("c", new ChatHistory()));
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("Registrations.Shared", "QueryEngine._history: ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("AddSingleton<IQueryEngine, QueryEngine>", "QueryEngine._history: ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(2).WithArguments("AddSingleton<RagPipeline>", "RagPipeline._holder → HistoryHolder.Messages: List<ChatMessage>"),
                    Verify.Diagnostic("RAG001").WithLocation(3).WithArguments("AddSingleton<Session>", "Session.history: ChatHistory"),
                    Verify.Diagnostic("RAG001").WithLocation(4).WithArguments("AddSingleton(Conversation)", "Conversation.History: ChatHistory"),
                },
                Usings + """
                public interface IQueryEngine { }

                public sealed class QueryEngine : IQueryEngine
                {
                    private readonly ChatHistory _history = new();
                }

                public sealed class HistoryHolder
                {
                    public List<ChatMessage> Messages { get; } = new();
                }

                public sealed class RagPipeline
                {
                    private readonly IChatClient? _client;
                    private readonly HistoryHolder _holder = new();
                }

                public sealed class Session(ChatHistory history)
                {
                    public int Count => history.Count;
                }

                public record Conversation(string Id, ChatHistory History);

                public static class Registrations
                {
                    public static QueryEngine [|Shared|] = new();

                    public static void Register(IServiceCollection services)
                    {
                        services.AddScoped<IQueryEngine, QueryEngine>();
                        services.AddScoped<RagPipeline>();
                        services.AddScoped<Session>();
                        services.AddScoped(sp => new Conversation("c", new ChatHistory()));
                    }
                }
                """);
        }

        [Fact]
        public async Task Partial_types_file_scoped_namespaces_and_top_level_statements()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                builder.Services.{|#0:AddSingleton<MyApp.ChatState>|}();
                var app = builder.Build();
                app.Run();
                """, FixedCode = Usings + """
                var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
                builder.Services.AddScoped<MyApp.ChatState>();
                var app = builder.Build();
                app.Run();
                """ };
            var state = Usings + """
                namespace MyApp;

                public partial class ChatState
                {
                    public string? Title { get; set; }
                }

                public partial class ChatState
                {
                    private readonly ChatHistory _turns = new();
                }
                """;
            test.TestState.Sources.Add(state);
            test.FixedState.Sources.Add(state);
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("AddSingleton<MyApp.ChatState>", "ChatState._turns: ChatHistory"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Console_tool_without_a_server_framework_is_not_reported()
        {
            var test = new Verify.Test { TestCode = """
                using System.Collections.Generic;
                using Microsoft.Extensions.AI;

                var history = Chat.History;
                history.Add(new ChatMessage(ChatRole.User, "hello"));

                static class Chat
                {
                    public static readonly List<ChatMessage> History = new();
                }
                """ };
            test.Libraries = TestLibraries.ExtensionsAI;
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Library_without_a_server_framework_is_reported()
        {
            var test = new Verify.Test { TestCode = """
                using System.Collections.Generic;
                using Microsoft.Extensions.AI;

                public static class Chat
                {
                    public static readonly List<ChatMessage> [|History|] = new();
                }
                """ };
            test.Libraries = TestLibraries.ExtensionsAI;
            await test.RunAsync();
        }

        [Fact]
        public async Task User_catalogued_state_type_is_reported()
        {
            var test = new Verify.Test { TestCode = """
                namespace MyCorp.Chat
                {
                    public sealed class Transcript { public void Append(string line) { } }

                    public static class Holder
                    {
                        public static readonly Transcript {|#0:Current|} = new();
                    }
                }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.conversation_state_apis = T:MyCorp.Chat.Transcript"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("Holder.Current", "Transcript"));
            await test.RunAsync();
        }

        private const string AgentUsings = """
            using System.Collections.Concurrent;
            using System.Threading.Tasks;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            """;

        [Fact]
        public async Task Agent_sessions_kept_in_statics_and_singletons_are_reported()
        {
            // A session comes from CreateSessionAsync (no public constructor): wherever its result is stored for every
            // request, every user's turns go into one conversation.
            var test = new Verify.Test
            {
                TestCode = AgentUsings + """
                public static class SupportChat
                {
                    private static AgentSession? {|#0:Session|};
                    private static Task<AgentSession>? {|#1:PendingSession|};

                    public static async Task<string> AskAsync(AIAgent agent, string question)
                    {
                        Session ??= await agent.CreateSessionAsync();
                        PendingSession ??= agent.CreateSessionAsync().AsTask();
                        return (await agent.RunAsync(question, Session)).Text;
                    }
                }

                public sealed class AssistantService(AIAgent agent)
                {
                    private AgentSession? _session;

                    public async Task<string> AskAsync(string question)
                    {
                        _session ??= await agent.CreateSessionAsync();
                        return (await agent.RunAsync(question, _session)).Text;
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.{|#2:AddSingleton<AssistantService>|}();
                        services.{|#3:AddSingleton|}(sp => sp.GetRequiredService<AIAgent>().CreateSessionAsync().AsTask().GetAwaiter().GetResult());
                    }
                }
                """,
                FixedCode = AgentUsings + """
                public static class SupportChat
                {
                    private static AgentSession? {|#0:Session|};
                    private static Task<AgentSession>? {|#1:PendingSession|};

                    public static async Task<string> AskAsync(AIAgent agent, string question)
                    {
                        Session ??= await agent.CreateSessionAsync();
                        PendingSession ??= agent.CreateSessionAsync().AsTask();
                        return (await agent.RunAsync(question, Session)).Text;
                    }
                }

                public sealed class AssistantService(AIAgent agent)
                {
                    private AgentSession? _session;

                    public async Task<string> AskAsync(string question)
                    {
                        _session ??= await agent.CreateSessionAsync();
                        return (await agent.RunAsync(question, _session)).Text;
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddScoped<AssistantService>();
                        services.AddScoped(sp => sp.GetRequiredService<AIAgent>().CreateSessionAsync().AsTask().GetAwaiter().GetResult());
                    }
                }
                """,
            };
            var statics = new[]
            {
                Verify.Diagnostic("RAG001").WithLocation(0).WithArguments("SupportChat.Session", "AgentSession"),
                Verify.Diagnostic("RAG001").WithLocation(1).WithArguments("SupportChat.PendingSession", "AgentSession"),
            };
            test.ExpectedDiagnostics.AddRange(statics);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG001").WithLocation(2).WithArguments("AddSingleton<AssistantService>", "AssistantService._session: AgentSession"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG001").WithLocation(3).WithArguments("AddSingleton(AgentSession)", "AgentSession"));
            test.FixedState.ExpectedDiagnostics.AddRange(statics);
            await test.RunAsync();
        }

        [Fact]
        public async Task Shared_agents_session_stores_and_history_providers_are_not_reported()
        {
            // An AIAgent serves many conversations at once; a store keyed by session id and InMemoryChatHistoryProvider
            // (which keeps messages in each session's state bag) are not one conversation.
            await Verify.VerifyAnalyzerAsync("#pragma warning disable MAAI001 // AgentSessionStore is experimental in 1.28.\n" + AgentUsings + """
                public sealed class SessionCache(AIAgent agent, AgentSessionStore store)
                {
                    private static readonly AIAgent? Fallback = null;
                    private readonly ConcurrentDictionary<string, AgentSession> _sessions = new();
                    private readonly AgentSessionStore _store = store;
                    private readonly InMemoryChatHistoryProvider _history = new();

                    public async Task<string> AskAsync(string conversationId, string question)
                    {
                        var session = await store.GetOrCreateSessionAsync(agent, new AgentSessionStoreKey(conversationId));
                        var response = await agent.RunAsync(question, session);
                        await _store.SaveSessionAsync(agent, new AgentSessionStoreKey(conversationId), session);
                        return response.Text;
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton<AIAgent>(sp => new ChatClientAgent(sp.GetRequiredService<IChatClient>(), "You answer support questions."));
                        services.AddSingleton(sp => sp.GetRequiredService<IChatClient>().AsAIAgent(new ChatClientAgentOptions { Name = "support" }));
                        services.AddSingleton<SessionCache>();
                        services.AddSingleton(new InMemoryChatHistoryProvider());
                        services.AddScoped(sp => sp.GetRequiredService<AIAgent>().CreateSessionAsync().AsTask().GetAwaiter().GetResult());
                    }
                }
                """);
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Broken
                {
                    private static {|CS0246:Missing|} Field = null!;
                    private static List<{|CS0246:Unknown|}> Items = new();

                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton<{|CS0246:Missing|}>();
                        services.{|CS1501:AddSingleton|}(typeof(ChatHistory), 1, 2, 3);
                    }
                }

                sealed class Loop
                {
                    private readonly Loop? _next;
                    private readonly Other? _other;
                }

                sealed class Other
                {
                    private readonly Loop? _loop;
                }
                """);
        }
    }
}
