// Facade of the public API of Microsoft.SemanticKernel.Agents.Core 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Agents.Core; served libraries are referenced for real.
// Assembly: Microsoft.SemanticKernel.Agents.Core, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Agents.Abstractions, Microsoft.SemanticKernel.Abstractions
// ChatHistoryAgent's protected internal InvokeAsync / InvokeStreamingAsync over a ChatHistory and its sealed channel overrides
// (SKEXP0110) are left out, as are the agent factories.
#nullable enable
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel.Agents
{
    [Experimental("SKEXP0110")]
    public abstract class ChatHistoryAgent : Agent
    {
        [Experimental("SKEXP0110")]
        public IChatHistoryReducer? HistoryReducer { get => throw null!; init => throw null!; }

        [Experimental("SKEXP0110")]
        public Task<bool> ReduceAsync(ChatHistory history, CancellationToken cancellationToken = default) => throw null!;
    }

#pragma warning disable SKEXP0110 // ChatCompletionAgent derives from the experimental ChatHistoryAgent, as in the library.
    public sealed class ChatCompletionAgent : ChatHistoryAgent
#pragma warning restore SKEXP0110
    {
        public ChatCompletionAgent() => throw null!;

        public ChatCompletionAgent(PromptTemplateConfig templateConfig, IPromptTemplateFactory templateFactory) => throw null!;

        public AuthorRole InstructionsRole { get => throw null!; init => throw null!; }

        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class ChatHistoryAgentThread : AgentThread
    {
        public ChatHistoryAgentThread() => throw null!;

        public ChatHistoryAgentThread(ChatHistory chatHistory, string? id = null) => throw null!;

        public ChatHistory ChatHistory => throw null!;

        public new Task CreateAsync(CancellationToken cancellationToken = default) => throw null!;

        protected override Task<string?> CreateInternalAsync(CancellationToken cancellationToken) => throw null!;

        protected override Task DeleteInternalAsync(CancellationToken cancellationToken) => throw null!;

        protected override Task OnNewMessageInternalAsync(ChatMessageContent newMessage, CancellationToken cancellationToken = default) => throw null!;

        [Experimental("SKEXP0110")]
        public IAsyncEnumerable<ChatMessageContent> GetMessagesAsync(CancellationToken cancellationToken = default) => throw null!;
    }
}
