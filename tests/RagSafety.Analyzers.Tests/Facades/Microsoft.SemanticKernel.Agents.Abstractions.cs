// Facade of the public API of Microsoft.SemanticKernel.Agents.Abstractions 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Agents.Abstractions; served libraries are referenced for real.
// Assembly: Microsoft.SemanticKernel.Agents.Abstractions, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions
// AgentThread.AIContextProviders (SKEXP0110, of type AggregateAIContextProvider) is left out.
#nullable enable
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.SemanticKernel.Agents
{
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
