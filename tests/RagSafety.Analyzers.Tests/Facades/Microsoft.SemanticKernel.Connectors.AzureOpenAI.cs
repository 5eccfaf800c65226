// Facade of the public API of Microsoft.SemanticKernel.Connectors.AzureOpenAI 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.SemanticKernel.Connectors.AzureOpenAI, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions, Microsoft.SemanticKernel.Connectors.OpenAI
// Left out (their signatures need Azure.Core / Azure.AI.OpenAI or OpenTelemetry types of Microsoft.Extensions.AI): the TokenCredential and
// AzureOpenAIClient overloads, AddAzureOpenAIChatClient, the TokenCredential and AzureOpenAIClient overloads of AddAzureOpenAIEmbeddingGenerator,
// and the settings' UserSecurityContext and AzureChatDataSource.
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
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Microsoft.SemanticKernel.Embeddings;
using Microsoft.SemanticKernel.TextGeneration;

namespace Microsoft.SemanticKernel.Connectors.AzureOpenAI
{
    public sealed class AzureOpenAIPromptExecutionSettings : OpenAIPromptExecutionSettings
    {
        [Experimental("SKEXP0010")]
        public bool SetNewMaxCompletionTokensEnabled { get => throw null!; set => throw null!; }

        public override PromptExecutionSettings Clone() => throw null!;

        public static new AzureOpenAIPromptExecutionSettings FromExecutionSettings(PromptExecutionSettings? executionSettings, int? defaultMaxTokens = null) => throw null!;

        [Obsolete("This method is deprecated in favor of OpenAIPromptExecutionSettings.AzureChatExtensionsOptions")]
        public static AzureOpenAIPromptExecutionSettings FromExecutionSettingsWithData(PromptExecutionSettings? executionSettings, int? defaultMaxTokens = null) => throw null!;
    }

    public sealed class AzureOpenAIChatCompletionService : IChatCompletionService, ITextGenerationService
    {
        public AzureOpenAIChatCompletionService(
            string deploymentName,
            string endpoint,
            string apiKey,
            string? modelId = null,
            HttpClient? httpClient = null,
            ILoggerFactory? loggerFactory = null,
            string? apiVersion = null) => throw null!;

        public IReadOnlyDictionary<string, object?> Attributes => throw null!;

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<IReadOnlyList<TextContent>> GetTextContentsAsync(string prompt, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<StreamingTextContent> GetStreamingTextContentsAsync(string prompt, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
    }

    [Experimental("SKEXP0010")]
    [Obsolete("Use AddAzureOpenAIEmbeddingGenerator extension methods instead.")]
    public sealed class AzureOpenAITextEmbeddingGenerationService : ITextEmbeddingGenerationService
    {
        public AzureOpenAITextEmbeddingGenerationService(
            string deploymentName,
            string endpoint,
            string apiKey,
            string? modelId = null,
            HttpClient? httpClient = null,
            ILoggerFactory? loggerFactory = null,
            int? dimensions = null,
            string? apiVersion = null) => throw null!;

        public IReadOnlyDictionary<string, object?> Attributes => throw null!;

        public Task<IList<ReadOnlyMemory<float>>> GenerateEmbeddingsAsync(
            IList<string> data,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Microsoft.SemanticKernel
{
    public static partial class AzureOpenAIKernelBuilderExtensions
    {
        public static IKernelBuilder AddAzureOpenAIChatCompletion(
            this IKernelBuilder builder,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            HttpClient? httpClient = null,
            string? apiVersion = null) => throw null!;

        [Experimental("SKEXP0010")]
        [Obsolete("Use AddAzureOpenAIEmbeddingGenerator instead.")]
        public static IKernelBuilder AddAzureOpenAITextEmbeddingGeneration(
            this IKernelBuilder builder,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            HttpClient? httpClient = null,
            int? dimensions = null,
            string? apiVersion = null) => throw null!;

        [Experimental("SKEXP0010")]
        public static IKernelBuilder AddAzureOpenAIEmbeddingGenerator(
            this IKernelBuilder builder,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            int? dimensions = null,
            string? apiVersion = null,
            HttpClient? httpClient = null) => throw null!;
    }

    public static partial class AzureOpenAIServiceCollectionExtensions
    {
        public static IServiceCollection AddAzureOpenAIChatCompletion(
            this IServiceCollection services,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            string? apiVersion = null,
            HttpClient? httpClient = null) => throw null!;

        [Experimental("SKEXP0010")]
        [Obsolete("Use AddAzureOpenAIEmbeddingGenerator instead.")]
        public static IServiceCollection AddAzureOpenAITextEmbeddingGeneration(
            this IServiceCollection services,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            int? dimensions = null,
            string? apiVersion = null,
            HttpClient? httpClient = null) => throw null!;

        [Experimental("SKEXP0010")]
        public static IServiceCollection AddAzureOpenAIEmbeddingGenerator(
            this IServiceCollection services,
            string deploymentName,
            string endpoint,
            string apiKey,
            string? serviceId = null,
            string? modelId = null,
            int? dimensions = null,
            string? apiVersion = null,
            HttpClient? httpClient = null) => throw null!;
    }
}
