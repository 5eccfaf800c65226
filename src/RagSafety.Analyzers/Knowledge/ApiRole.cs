namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>What a catalogued API means to the rules.</summary>
    internal enum ApiRole
    {
        /// <summary>Per-conversation state (a whole type): ChatHistory, KernelArguments, AgentThread.</summary>
        ConversationState,

        /// <summary>A message type whose collections are per-conversation state (a whole type): MEAI/OpenAI ChatMessage.</summary>
        ConversationMessage,

        /// <summary>A mutable kernel that is safe to share only while nobody changes it (a whole type): SK Kernel.</summary>
        MutableKernel,

        /// <summary>Mutable per-request options (a whole type): ChatOptions, PromptExecutionSettings, ChatCompletionOptions.</summary>
        RequestOptions,

        /// <summary>
        /// Per-request options the library copies or only reads on each call (a whole type): Agent Framework's
        /// AgentRunOptions, SK's AgentInvokeOptions. Sharing one is safe; changing a shared one per request is not.
        /// </summary>
        CopiedRequestOptions,

        /// <summary>A client that is built to be shared (a whole type): IChatClient, OpenAI clients, VectorStore, HttpClient.</summary>
        ThreadSafeClient,

        /// <summary>A call that generates, embeds, searches or asks (a member).</summary>
        AiCall,

        /// <summary>A call that writes to or reshapes a vector/search index (a member).</summary>
        IndexWrite,

        /// <summary>A parameter through which an HttpClient flows into an AI client (a member and its parameter).</summary>
        ConnectorSink,

        /// <summary>Where a network timeout of an AI client is set (a property, or a member and its parameter).</summary>
        TimeoutOption,

        /// <summary>A parameter or property that carries an API key or credential (a member and its parameter).</summary>
        CredentialParameter,

        /// <summary>
        /// Where an AI client's own retries are set (a property, or a constructor and its count parameter):
        /// <c>ClientPipelineOptions.RetryPolicy</c>, <c>ClientRetryPolicy(maxRetries)</c>, Azure.Core's <c>ClientOptions.Retry</c>.
        /// </summary>
        RetryOption,

        /// <summary>
        /// A call or handler that makes an HttpClient retry (a member or a type): <c>AddStandardResilienceHandler</c>,
        /// <c>AddStandardHedgingHandler</c>, <c>AddResilienceHandler</c> and <c>AddPolicyHandler</c> (retrying when their pipeline
        /// or policy retries), <c>ResilienceHandler</c>, <c>PolicyHttpMessageHandler</c>.
        /// </summary>
        RetryHandler,

        /// <summary>A Polly retry strategy: its options type (a whole type) or the builder method that adds it (a member).</summary>
        RetryStrategy,

        /// <summary>Where a resilience pipeline's timeout is set (a property, or a member and its parameter): attempt and total timeouts.</summary>
        ResilienceTimeout,
    }
}
