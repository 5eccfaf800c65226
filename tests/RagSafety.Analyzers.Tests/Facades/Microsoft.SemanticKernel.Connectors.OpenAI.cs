// Facade of the public API of Microsoft.SemanticKernel.Connectors.OpenAI 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.SemanticKernel.Connectors.OpenAI, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions, OpenAI, System.ClientModel
// Left out: Microsoft.Extensions.DependencyInjection.OpenAIServiceCollectionExtensions (AddOpenAIChatClient/AddOpenAIEmbeddingGenerator on
// IServiceCollection), whose signatures use OpenTelemetry types of the Microsoft.Extensions.AI package; ToolCallBehavior members that take OpenAIFunction.
#nullable enable
#pragma warning disable CS0618 // obsolete SK embedding types are used by these declarations, as in the library
#pragma warning disable SKEXP0001
#pragma warning disable SKEXP0010
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Embeddings;
using Microsoft.SemanticKernel.TextGeneration;
using OpenAI;

namespace Microsoft.SemanticKernel.Connectors.OpenAI
{
    public class OpenAIPromptExecutionSettings : PromptExecutionSettings
    {
        public object? ReasoningEffort { get => throw null!; set => throw null!; }

        public double? Temperature { get => throw null!; set => throw null!; }

        public double? TopP { get => throw null!; set => throw null!; }

        public double? PresencePenalty { get => throw null!; set => throw null!; }

        public double? FrequencyPenalty { get => throw null!; set => throw null!; }

        public int? MaxTokens { get => throw null!; set => throw null!; }

        public IList<string>? StopSequences { get => throw null!; set => throw null!; }

        public long? Seed { get => throw null!; set => throw null!; }

        public object? ResponseFormat { get => throw null!; set => throw null!; }

        public string? ChatSystemPrompt { get => throw null!; set => throw null!; }

        [Experimental("SKEXP0010")]
        public string? ChatDeveloperPrompt { get => throw null!; set => throw null!; }

        public IDictionary<int, int>? TokenSelectionBiases { get => throw null!; set => throw null!; }

        public ToolCallBehavior? ToolCallBehavior { get => throw null!; set => throw null!; }

        public string? User { get => throw null!; set => throw null!; }

        public bool? Logprobs { get => throw null!; set => throw null!; }

        public int? TopLogprobs { get => throw null!; set => throw null!; }

        public IDictionary<string, string>? Metadata { get => throw null!; set => throw null!; }

        public bool? Store { get => throw null!; set => throw null!; }

        public override void Freeze() => throw null!;

        public override PromptExecutionSettings Clone() => throw null!;

        public static OpenAIPromptExecutionSettings FromExecutionSettings(PromptExecutionSettings? executionSettings, int? defaultMaxTokens = null) => throw null!;

        protected internal T Clone<T>() where T : OpenAIPromptExecutionSettings, new() => throw null!;

        protected override ChatHistory PrepareChatHistoryForRequest(ChatHistory chatHistory) => throw null!;
    }

    public abstract class ToolCallBehavior
    {
        private ToolCallBehavior() { }

        public static ToolCallBehavior EnableKernelFunctions => throw null!;

        public static ToolCallBehavior AutoInvokeKernelFunctions => throw null!;
    }

    public sealed class OpenAIChatCompletionService : IChatCompletionService, ITextGenerationService
    {
        public OpenAIChatCompletionService(
            string modelId,
            string apiKey,
            string? organization = null,
            HttpClient? httpClient = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        [Experimental("SKEXP0010")]
        public OpenAIChatCompletionService(
            string modelId,
            Uri endpoint,
            string? apiKey = null,
            string? organization = null,
            HttpClient? httpClient = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public OpenAIChatCompletionService(
            string modelId,
            OpenAIClient openAIClient,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public IReadOnlyDictionary<string, object?> Attributes => throw null!;

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
            ChatHistory chatHistory,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
            ChatHistory chatHistory,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IReadOnlyList<TextContent>> GetTextContentsAsync(
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingTextContent> GetStreamingTextContentsAsync(
            string prompt,
            PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;
    }

    [Experimental("SKEXP0010")]
    [Obsolete("Use AddOpenAIEmbeddingGenerator extension methods instead.")]
    public sealed class OpenAITextEmbeddingGenerationService : ITextEmbeddingGenerationService
    {
        public OpenAITextEmbeddingGenerationService(
            string modelId,
            string apiKey,
            string? organization = null,
            HttpClient? httpClient = null,
            ILoggerFactory? loggerFactory = null,
            int? dimensions = null) => throw null!;

        public OpenAITextEmbeddingGenerationService(
            string modelId,
            OpenAIClient openAIClient,
            ILoggerFactory? loggerFactory = null,
            int? dimensions = null) => throw null!;

        public IReadOnlyDictionary<string, object?> Attributes => throw null!;

        public Task<IList<ReadOnlyMemory<float>>> GenerateEmbeddingsAsync(
            IList<string> data,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Microsoft.SemanticKernel
{
    public static class OpenAIKernelBuilderExtensions
    {
        [Experimental("SKEXP0010")]
        [Obsolete("Use AddOpenAIEmbeddingGenerator instead.")]
        public static IKernelBuilder AddOpenAITextEmbeddingGeneration(
            this IKernelBuilder builder,
            string modelId,
            string apiKey,
            string? orgId = null,
            string? serviceId = null,
            HttpClient? httpClient = null,
            int? dimensions = null) => throw null!;

        [Experimental("SKEXP0010")]
        [Obsolete("Use AddOpenAIEmbeddingGenerator instead.")]
        public static IKernelBuilder AddOpenAITextEmbeddingGeneration(
            this IKernelBuilder builder,
            string modelId,
            OpenAIClient? openAIClient = null,
            string? serviceId = null,
            int? dimensions = null) => throw null!;

        [Experimental("SKEXP0010")]
        public static IKernelBuilder AddOpenAIEmbeddingGenerator(
            this IKernelBuilder builder,
            string modelId,
            string apiKey,
            string? orgId = null,
            int? dimensions = null,
            string? serviceId = null,
            HttpClient? httpClient = null) => throw null!;

        [Experimental("SKEXP0010")]
        public static IKernelBuilder AddOpenAIEmbeddingGenerator(
            this IKernelBuilder builder,
            string modelId,
            OpenAIClient? openAIClient = null,
            int? dimensions = null,
            string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOpenAIChatCompletion(
            this IKernelBuilder builder,
            string modelId,
            string apiKey,
            string? orgId = null,
            string? serviceId = null,
            HttpClient? httpClient = null) => throw null!;

        public static IKernelBuilder AddOpenAIChatCompletion(
            this IKernelBuilder builder,
            string modelId,
            OpenAIClient? openAIClient = null,
            string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOpenAIChatCompletion(
            this IKernelBuilder builder,
            string modelId,
            Uri endpoint,
            string? apiKey,
            string? orgId = null,
            string? serviceId = null,
            HttpClient? httpClient = null) => throw null!;
    }

    [Experimental("SKEXP0010")]
    public static class OpenAIChatClientKernelBuilderExtensions
    {
        public static IKernelBuilder AddOpenAIChatClient(
            this IKernelBuilder builder,
            string modelId,
            string apiKey,
            string? orgId = null,
            string? serviceId = null,
            HttpClient? httpClient = null) => throw null!;

        public static IKernelBuilder AddOpenAIChatClient(
            this IKernelBuilder builder,
            string modelId,
            OpenAIClient? openAIClient = null,
            string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOpenAIChatClient(
            this IKernelBuilder builder,
            string modelId,
            Uri endpoint,
            string? apiKey,
            string? orgId = null,
            string? serviceId = null,
            HttpClient? httpClient = null) => throw null!;
    }

    public static partial class OpenAIServiceCollectionExtensions
    {
        [Experimental("SKEXP0010")]
        [Obsolete("Use AddOpenAIEmbeddingGenerator instead.")]
        public static IServiceCollection AddOpenAITextEmbeddingGeneration(
            this IServiceCollection services,
            string modelId,
            string apiKey,
            string? orgId = null,
            string? serviceId = null,
            int? dimensions = null) => throw null!;

        [Experimental("SKEXP0010")]
        [Obsolete("Use AddOpenAIEmbeddingGenerator instead.")]
        public static IServiceCollection AddOpenAITextEmbeddingGeneration(
            this IServiceCollection services,
            string modelId,
            OpenAIClient? openAIClient = null,
            string? serviceId = null,
            int? dimensions = null) => throw null!;

        public static IServiceCollection AddOpenAIChatCompletion(
            this IServiceCollection services,
            string modelId,
            string apiKey,
            string? orgId = null,
            string? serviceId = null) => throw null!;

        public static IServiceCollection AddOpenAIChatCompletion(
            this IServiceCollection services,
            string modelId,
            OpenAIClient? openAIClient = null,
            string? serviceId = null) => throw null!;

        public static IServiceCollection AddOpenAIChatCompletion(
            this IServiceCollection services,
            string modelId,
            Uri endpoint,
            string? apiKey = null,
            string? orgId = null,
            string? serviceId = null) => throw null!;
    }
}
