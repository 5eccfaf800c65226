// Facade of the public API of Microsoft.SemanticKernel.Agents.Abstractions 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Agents.Abstractions; served libraries are referenced for real.
// Assembly: Microsoft.SemanticKernel.Agents.Abstractions, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions
// AgentThread.AIContextProviders (SKEXP0110, of type AggregateAIContextProvider) is left out, and so are Agent's protected members
// (logging, instruction rendering, the SKEXP0110 channel members): tests neither subclass Agent nor use channels.
#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel.Agents
{
    public abstract class Agent
    {
        public string? Description { get => throw null!; init => throw null!; }

        public string Id { get => throw null!; init => throw null!; }

        public string? Name { get => throw null!; init => throw null!; }

        public ILoggerFactory? LoggerFactory { get => throw null!; init => throw null!; }

        public KernelArguments? Arguments { get => throw null!; init => throw null!; }

        public string? Instructions { get => throw null!; init => throw null!; }

        public Kernel Kernel { get => throw null!; init => throw null!; }

        [Experimental("SKEXP0130")]
        public bool UseImmutableKernel { get => throw null!; set => throw null!; }

        public IPromptTemplate? Template { get => throw null!; set => throw null!; }

        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ChatMessageContent message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public abstract IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);

        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ChatMessageContent message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public abstract IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
    }

    public class AgentInvokeOptions
    {
        public AgentInvokeOptions() => throw null!;

        public AgentInvokeOptions(AgentInvokeOptions options) => throw null!;

        public KernelArguments? KernelArguments { get => throw null!; init => throw null!; }

        public Kernel? Kernel { get => throw null!; init => throw null!; }

        public string AdditionalInstructions { get => throw null!; init => throw null!; }

        public Func<ChatMessageContent, Task>? OnIntermediateMessage { get => throw null!; init => throw null!; }
    }

    public class AgentResponseItem<TMessage>
    {
        public AgentResponseItem(TMessage message, AgentThread thread) => throw null!;

        public TMessage Message => throw null!;

        public AgentThread Thread => throw null!;

        public static implicit operator TMessage(AgentResponseItem<TMessage> responseItem) => throw null!;
    }

    public abstract class AgentThread
    {
        public virtual string? Id { get => throw null!; protected set => throw null!; }

        public virtual bool IsDeleted { get => throw null!; protected set => throw null!; }

        [Experimental("SKEXP0110")]
        public virtual Task OnSuspendAsync(CancellationToken cancellationToken = default) => throw null!;

        [Experimental("SKEXP0110")]
        public virtual Task OnResumeAsync(CancellationToken cancellationToken = default) => throw null!;

        protected internal virtual Task CreateAsync(CancellationToken cancellationToken = default) => throw null!;

        public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => throw null!;

        protected abstract Task<string?> CreateInternalAsync(CancellationToken cancellationToken);

        protected abstract Task DeleteInternalAsync(CancellationToken cancellationToken);

        protected abstract Task OnNewMessageInternalAsync(ChatMessageContent newMessage, CancellationToken cancellationToken = default);
    }
}
