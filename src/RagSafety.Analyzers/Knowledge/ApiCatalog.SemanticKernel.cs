using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> SemanticKernelEntries()
        {
            // Microsoft.SemanticKernel.Abstractions: the kernel, per-conversation state, the AI service interfaces and the old memory API.
            const string Abstractions = "Microsoft.SemanticKernel.Abstractions";
            const string Kernel = "Microsoft.SemanticKernel.Kernel";
            const string Function = "Microsoft.SemanticKernel.KernelFunction";
            const string ChatService = "Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService";
            const string ChatExtensions = "Microsoft.SemanticKernel.ChatCompletion.ChatCompletionServiceExtensions";
            const string TextService = "Microsoft.SemanticKernel.TextGeneration.ITextGenerationService";
            const string EmbeddingService = "Microsoft.SemanticKernel.Embeddings.IEmbeddingGenerationService`2";
            const string TextMemory = "Microsoft.SemanticKernel.Memory.ISemanticTextMemory";
            const string MemoryStore = "Microsoft.SemanticKernel.Memory.IMemoryStore";
            const string TextSearch = "Microsoft.SemanticKernel.Data.ITextSearch";

            yield return Type(ApiRole.MutableKernel, Kernel, Abstractions);
            yield return Type(ApiRole.ConversationState, "Microsoft.SemanticKernel.ChatCompletion.ChatHistory", Abstractions);
            yield return Type(ApiRole.ConversationState, "Microsoft.SemanticKernel.KernelArguments", Abstractions);
            yield return Type(ApiRole.ConversationMessage, "Microsoft.SemanticKernel.ChatMessageContent", Abstractions);
            yield return Type(ApiRole.RequestOptions, "Microsoft.SemanticKernel.PromptExecutionSettings", Abstractions);

            yield return Type(ApiRole.ThreadSafeClient, ChatService, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, TextService, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, EmbeddingService, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.SemanticKernel.Embeddings.ITextEmbeddingGenerationService", Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, TextMemory, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, MemoryStore, Abstractions);
            yield return Type(ApiRole.ThreadSafeClient, TextSearch, Abstractions);

            yield return Member(ApiRole.AiCall, Kernel, "InvokeAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Kernel, "InvokeStreamingAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Function, "InvokeAsync", Abstractions);
            yield return Member(ApiRole.AiCall, Function, "InvokeStreamingAsync", Abstractions);
            yield return Member(ApiRole.AiCall, ChatService, "GetChatMessageContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, ChatService, "GetStreamingChatMessageContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, ChatExtensions, "GetChatMessageContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, ChatExtensions, "GetChatMessageContentAsync", Abstractions);
            yield return Member(ApiRole.AiCall, ChatExtensions, "GetStreamingChatMessageContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextService, "GetTextContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextService, "GetStreamingTextContentsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, EmbeddingService, "GenerateEmbeddingsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, "Microsoft.SemanticKernel.Embeddings.EmbeddingGenerationExtensions", "GenerateEmbeddingAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextMemory, "SearchAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextMemory, "GetAsync", Abstractions);
            yield return Member(ApiRole.AiCall, MemoryStore, "GetAsync", Abstractions);
            yield return Member(ApiRole.AiCall, MemoryStore, "GetBatchAsync", Abstractions);
            yield return Member(ApiRole.AiCall, MemoryStore, "GetNearestMatchesAsync", Abstractions);
            yield return Member(ApiRole.AiCall, MemoryStore, "GetNearestMatchAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextSearch, "SearchAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextSearch, "GetTextSearchResultsAsync", Abstractions);
            yield return Member(ApiRole.AiCall, TextSearch, "GetSearchResultsAsync", Abstractions);

            yield return Member(ApiRole.IndexWrite, TextMemory, "SaveInformationAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, TextMemory, "SaveReferenceAsync", Abstractions);
            yield return Member(ApiRole.IndexWrite, TextMemory, "RemoveAsync", Abstractions);
            foreach (var write in new[] { "CreateCollectionAsync", "DeleteCollectionAsync", "UpsertAsync", "UpsertBatchAsync", "RemoveAsync", "RemoveBatchAsync" })
            {
                yield return Member(ApiRole.IndexWrite, MemoryStore, write, Abstractions);
            }

            // Microsoft.SemanticKernel.Core: prompt invocation, and the HttpClient of MemoryBuilder (which flows into embedding connectors).
            const string Core = "Microsoft.SemanticKernel.Core";
            yield return Member(ApiRole.AiCall, "Microsoft.SemanticKernel.KernelExtensions", "InvokePromptAsync", Core);
            yield return Member(ApiRole.AiCall, "Microsoft.SemanticKernel.KernelExtensions", "InvokePromptStreamingAsync", Core);
            yield return Parameter(ApiRole.ConnectorSink, "Microsoft.SemanticKernel.Memory.MemoryBuilder", "WithHttpClient", "httpClient", Core);

            // Agents: a thread is one conversation; an invocation runs the agent's model calls (with function calls in between)
            // and yields its messages as an async stream. The invoke options are init-only and only read by the agents (their
            // KernelArguments are merged into a new instance), so only a shared one whose arguments change is a risk.
            const string AgentsAbstractions = "Microsoft.SemanticKernel.Agents.Abstractions";
            yield return Type(ApiRole.ConversationState, "Microsoft.SemanticKernel.Agents.AgentThread", AgentsAbstractions);
            yield return Member(ApiRole.AiCall, "Microsoft.SemanticKernel.Agents.Agent", "InvokeAsync", AgentsAbstractions);
            yield return Member(ApiRole.AiCall, "Microsoft.SemanticKernel.Agents.Agent", "InvokeStreamingAsync", AgentsAbstractions);
            yield return Type(ApiRole.CopiedRequestOptions, "Microsoft.SemanticKernel.Agents.AgentInvokeOptions", AgentsAbstractions);
            yield return Type(ApiRole.ConversationState, "Microsoft.SemanticKernel.Agents.ChatHistoryAgentThread", "Microsoft.SemanticKernel.Agents.Core");

            // Connectors.OpenAI: services (registered as singletons by the Add… methods), settings, and where the HttpClient and API key go.
            const string OpenAI = "Microsoft.SemanticKernel.Connectors.OpenAI";
            const string OpenAIChat = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService";
            const string OpenAIEmbedding = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAITextEmbeddingGenerationService";
            const string OpenAIBuilder = "Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions";
            const string OpenAIChatClientBuilder = "Microsoft.SemanticKernel.OpenAIChatClientKernelBuilderExtensions";
            const string OpenAIServices = "Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions";
            yield return Type(ApiRole.RequestOptions, "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings", OpenAI);
            yield return Type(ApiRole.ThreadSafeClient, OpenAIChat, OpenAI);
            yield return Type(ApiRole.ThreadSafeClient, OpenAIEmbedding, OpenAI);
            foreach (var (type, member) in new[]
            {
                (OpenAIChat, ".ctor"),
                (OpenAIEmbedding, ".ctor"),
                (OpenAIBuilder, "AddOpenAIChatCompletion"),
                (OpenAIBuilder, "AddOpenAITextEmbeddingGeneration"),
                (OpenAIBuilder, "AddOpenAIEmbeddingGenerator"),
                (OpenAIChatClientBuilder, "AddOpenAIChatClient"),
            })
            {
                yield return Parameter(ApiRole.ConnectorSink, type, member, "httpClient", OpenAI);
                yield return Parameter(ApiRole.CredentialParameter, type, member, "apiKey", OpenAI);
            }

            // The IServiceCollection overloads of Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions take no HttpClient:
            // the chat service they register gets the app's DI HttpClient or builds one (a member entry without a parameter).
            yield return Member(ApiRole.ConnectorSink, OpenAIServices, "AddOpenAIChatCompletion", OpenAI);
            yield return Parameter(ApiRole.CredentialParameter, OpenAIServices, "AddOpenAIChatCompletion", "apiKey", OpenAI);
            yield return Parameter(ApiRole.CredentialParameter, OpenAIServices, "AddOpenAITextEmbeddingGeneration", "apiKey", OpenAI);

            // Connectors.AzureOpenAI.
            const string AzureOpenAI = "Microsoft.SemanticKernel.Connectors.AzureOpenAI";
            const string AzureChat = "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIChatCompletionService";
            const string AzureEmbedding = "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAITextEmbeddingGenerationService";
            const string AzureBuilder = "Microsoft.SemanticKernel.AzureOpenAIKernelBuilderExtensions";
            const string AzureServices = "Microsoft.SemanticKernel.AzureOpenAIServiceCollectionExtensions";
            yield return Type(ApiRole.RequestOptions, "Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIPromptExecutionSettings", AzureOpenAI);
            yield return Type(ApiRole.ThreadSafeClient, AzureChat, AzureOpenAI);
            yield return Type(ApiRole.ThreadSafeClient, AzureEmbedding, AzureOpenAI);
            foreach (var (type, member) in new[]
            {
                (AzureChat, ".ctor"),
                (AzureEmbedding, ".ctor"),
                (AzureBuilder, "AddAzureOpenAIChatCompletion"),
                (AzureBuilder, "AddAzureOpenAITextEmbeddingGeneration"),
                (AzureServices, "AddAzureOpenAIChatCompletion"),
                (AzureServices, "AddAzureOpenAITextEmbeddingGeneration"),
            })
            {
                yield return Parameter(ApiRole.ConnectorSink, type, member, "httpClient", AzureOpenAI);
                yield return Parameter(ApiRole.CredentialParameter, type, member, "apiKey", AzureOpenAI);
            }

            // The IChatClient / IEmbeddingGenerator registrations (SK 1.5x+): on the kernel builder, and on IServiceCollection in
            // classes of the Microsoft.Extensions.DependencyInjection namespace (one per connector assembly), which SK 1.82
            // moved them to. They hand their HttpClient to the connector and take the API key like the others.
            foreach (var (type, member, library) in new[]
            {
                (AzureBuilder, "AddAzureOpenAIChatClient", AzureOpenAI),
                (AzureBuilder, "AddAzureOpenAIEmbeddingGenerator", AzureOpenAI),
                ("Microsoft.Extensions.DependencyInjection.AzureOpenAIServiceCollectionExtensions", "AddAzureOpenAIChatClient", AzureOpenAI),
                ("Microsoft.Extensions.DependencyInjection.AzureOpenAIServiceCollectionExtensions", "AddAzureOpenAIEmbeddingGenerator", AzureOpenAI),
                ("Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions", "AddOpenAIChatClient", OpenAI),
                ("Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions", "AddOpenAIEmbeddingGenerator", OpenAI),
            })
            {
                yield return Parameter(ApiRole.ConnectorSink, type, member, "httpClient", library);
                yield return Parameter(ApiRole.CredentialParameter, type, member, "apiKey", library);
            }
        }
    }
}
