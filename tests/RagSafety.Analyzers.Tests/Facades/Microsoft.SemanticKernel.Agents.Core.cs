// Facade of the public API of Microsoft.SemanticKernel.Agents.Core 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Agents.Core; served libraries are referenced for real.
// Assembly: Microsoft.SemanticKernel.Agents.Core, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Agents.Abstractions, Microsoft.SemanticKernel.Abstractions
#nullable enable
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel.Agents
{
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
