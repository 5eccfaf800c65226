// Facade of the public API of Azure.AI.OpenAI 1.0.0-beta.12 (the pre-2.0 generation; subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Azure.AI.OpenAI, Version=1.0.0.0
// References: Azure.Core
// Same assembly name as the 2.x facade (Azure.AI.OpenAI.cs); a test references one or the other. The real assembly is not
// nullable-annotated; neither is this facade.
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace Azure.AI.OpenAI
{
    public class OpenAIClient
    {
        protected OpenAIClient() => throw null;

        public OpenAIClient(string openAIApiKey) => throw null;

        public OpenAIClient(string openAIApiKey, OpenAIClientOptions options) => throw null;

        public OpenAIClient(Uri endpoint, AzureKeyCredential keyCredential) => throw null;

        public OpenAIClient(Uri endpoint, AzureKeyCredential keyCredential, OpenAIClientOptions options) => throw null;

        public OpenAIClient(Uri endpoint, TokenCredential tokenCredential) => throw null;

        public OpenAIClient(Uri endpoint, TokenCredential tokenCredential, OpenAIClientOptions options) => throw null;

        public virtual Response<ChatCompletions> GetChatCompletions(ChatCompletionsOptions chatCompletionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<ChatCompletions>> GetChatCompletionsAsync(ChatCompletionsOptions chatCompletionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual StreamingResponse<StreamingChatCompletionsUpdate> GetChatCompletionsStreaming(ChatCompletionsOptions chatCompletionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<StreamingResponse<StreamingChatCompletionsUpdate>> GetChatCompletionsStreamingAsync(ChatCompletionsOptions chatCompletionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<Completions> GetCompletions(CompletionsOptions completionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<Completions>> GetCompletionsAsync(CompletionsOptions completionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual StreamingResponse<Completions> GetCompletionsStreaming(CompletionsOptions completionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<StreamingResponse<Completions>> GetCompletionsStreamingAsync(CompletionsOptions completionsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<Embeddings> GetEmbeddings(EmbeddingsOptions embeddingsOptions, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<Embeddings>> GetEmbeddingsAsync(EmbeddingsOptions embeddingsOptions, CancellationToken cancellationToken = default) => throw null;
    }

    public class OpenAIClientOptions : ClientOptions
    {
        public OpenAIClientOptions(ServiceVersion version = ServiceVersion.V2023_12_01_Preview) => throw null;

        public enum ServiceVersion
        {
            V2022_12_01 = 1,
            V2023_05_15 = 2,
            V2023_06_01_Preview = 3,
            V2023_07_01_Preview = 4,
            V2023_08_01_Preview = 5,
            V2023_09_01_Preview = 6,
            V2023_12_01_Preview = 7,
        }
    }

    public class ChatCompletionsOptions
    {
        public ChatCompletionsOptions() => throw null;

        public ChatCompletionsOptions(string deploymentName, IEnumerable<ChatRequestMessage> messages) => throw null;

        public int? ChoiceCount { get => throw null; set => throw null; }

        public string DeploymentName { get => throw null; set => throw null; }

        public int? MaxTokens { get => throw null; set => throw null; }

        public IList<ChatRequestMessage> Messages => throw null;

        public float? Temperature { get => throw null; set => throw null; }
    }

    public abstract class ChatRequestMessage
    {
        protected ChatRequestMessage() => throw null;
    }

    public class ChatRequestSystemMessage : ChatRequestMessage
    {
        public ChatRequestSystemMessage(string content) => throw null;

        public string Content => throw null;
    }

    public class ChatRequestUserMessage : ChatRequestMessage
    {
        public ChatRequestUserMessage(string content) => throw null;
    }

    public class ChatRequestAssistantMessage : ChatRequestMessage
    {
        public ChatRequestAssistantMessage(string content) => throw null;

        public string Content => throw null;
    }

    public class ChatCompletions
    {
        internal ChatCompletions() => throw null;

        public IReadOnlyList<ChatChoice> Choices => throw null;

        public DateTimeOffset Created => throw null;

        public string Id => throw null;
    }

    public class ChatChoice
    {
        internal ChatChoice() => throw null;

        public int Index => throw null;

        public ChatResponseMessage Message => throw null;
    }

    public class ChatResponseMessage
    {
        internal ChatResponseMessage() => throw null;

        public string Content => throw null;
    }

    public class CompletionsOptions
    {
        public CompletionsOptions() => throw null;

        public CompletionsOptions(string deploymentName, IEnumerable<string> prompts) => throw null;

        public string DeploymentName { get => throw null; set => throw null; }

        public int? MaxTokens { get => throw null; set => throw null; }

        public IList<string> Prompts => throw null;
    }

    public class Completions
    {
        internal Completions() => throw null;

        public string Id => throw null;
    }

    public class EmbeddingsOptions
    {
        public EmbeddingsOptions() => throw null;

        public EmbeddingsOptions(string deploymentName, IEnumerable<string> input) => throw null;

        public string DeploymentName { get => throw null; set => throw null; }

        public IList<string> Input => throw null;

        public string User { get => throw null; set => throw null; }
    }

    public class Embeddings
    {
        internal Embeddings() => throw null;

        public IReadOnlyList<EmbeddingItem> Data => throw null;
    }

    public class EmbeddingItem
    {
        internal EmbeddingItem() => throw null;

        public ReadOnlyMemory<float> Embedding => throw null;

        public int Index => throw null;
    }

    public class StreamingChatCompletionsUpdate
    {
        internal StreamingChatCompletionsUpdate() => throw null;

        public string ContentUpdate => throw null;

        public string Id => throw null;
    }

    public class StreamingResponse<T> : IAsyncEnumerable<T>, IDisposable
    {
        internal StreamingResponse() => throw null;

        public void Dispose() => throw null;

        protected virtual void Dispose(bool disposing) => throw null;

        public IAsyncEnumerable<T> EnumerateValues() => throw null;

        public Response GetRawResponse() => throw null;

        IAsyncEnumerator<T> IAsyncEnumerable<T>.GetAsyncEnumerator(CancellationToken cancellationToken) => throw null;
    }
}
