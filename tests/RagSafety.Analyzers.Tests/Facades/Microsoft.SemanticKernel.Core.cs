// Facade of the public API of Microsoft.SemanticKernel.Core 1.66.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.SemanticKernel.Core, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions, Microsoft.Extensions.AI.Abstractions
// MemoryBuilder and SemanticTextMemory ship in this assembly (not in Microsoft.SemanticKernel.Plugins.Memory); the overloads taking
// JsonSerializerOptions are left out.
#nullable enable
#pragma warning disable CS0618 // obsolete SK embedding types are used by these declarations, as in the library
#pragma warning disable SKEXP0001
using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.Embeddings;

namespace Microsoft.SemanticKernel
{
    public static class KernelExtensions
    {
        public static KernelFunction CreateFunctionFromMethod(
            this Kernel kernel,
            Delegate method,
            string? functionName = null,
            string? description = null,
            IEnumerable<KernelParameterMetadata>? parameters = null,
            KernelReturnParameterMetadata? returnParameter = null) => throw null!;

        public static KernelFunction CreateFunctionFromMethod(
            this Kernel kernel,
            MethodInfo method,
            object? target = null,
            string? functionName = null,
            string? description = null,
            IEnumerable<KernelParameterMetadata>? parameters = null,
            KernelReturnParameterMetadata? returnParameter = null) => throw null!;

        public static KernelFunction CreateFunctionFromPrompt(
            this Kernel kernel,
            string promptTemplate,
            PromptExecutionSettings? executionSettings = null,
            string? functionName = null,
            string? description = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static KernelFunction CreateFunctionFromPrompt(
            this Kernel kernel,
            string promptTemplate,
            IEnumerable<PromptExecutionSettings>? executionSettings,
            string? functionName = null,
            string? description = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static KernelFunction CreateFunctionFromPrompt(
            this Kernel kernel,
            PromptTemplateConfig promptConfig,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static KernelPlugin CreatePluginFromType<T>(this Kernel kernel, string? pluginName = null) => throw null!;

        public static KernelPlugin CreatePluginFromObject(this Kernel kernel, object target, string? pluginName = null) => throw null!;

        public static KernelPlugin CreatePluginFromFunctions(this Kernel kernel, string pluginName, IEnumerable<KernelFunction>? functions) => throw null!;

        public static KernelPlugin CreatePluginFromFunctions(this Kernel kernel, string pluginName, string? description = null, IEnumerable<KernelFunction>? functions = null) => throw null!;

        public static KernelPlugin ImportPluginFromType<T>(this Kernel kernel, string? pluginName = null) => throw null!;

        public static KernelPlugin AddFromType<T>(this ICollection<KernelPlugin> plugins, string? pluginName = null, IServiceProvider? serviceProvider = null) => throw null!;

        public static IKernelBuilderPlugins AddFromType<T>(this IKernelBuilderPlugins plugins, string? pluginName = null) => throw null!;

        public static IKernelBuilderPlugins Add(this IKernelBuilderPlugins plugins, KernelPlugin plugin) => throw null!;

        public static KernelPlugin ImportPluginFromObject(this Kernel kernel, object target, string? pluginName = null) => throw null!;

        public static KernelPlugin AddFromObject(this ICollection<KernelPlugin> plugins, object target, string? pluginName = null, IServiceProvider? serviceProvider = null) => throw null!;

        public static IKernelBuilderPlugins AddFromObject(this IKernelBuilderPlugins plugins, object target, string? pluginName = null) => throw null!;

        public static KernelPlugin ImportPluginFromFunctions(this Kernel kernel, string pluginName, IEnumerable<KernelFunction>? functions) => throw null!;

        public static KernelPlugin ImportPluginFromFunctions(this Kernel kernel, string pluginName, string? description = null, IEnumerable<KernelFunction>? functions = null) => throw null!;

        public static KernelPlugin AddFromFunctions(this ICollection<KernelPlugin> plugins, string pluginName, IEnumerable<KernelFunction>? functions) => throw null!;

        public static KernelPlugin AddFromFunctions(this ICollection<KernelPlugin> plugins, string pluginName, string? description = null, IEnumerable<KernelFunction>? functions = null) => throw null!;

        public static IKernelBuilderPlugins AddFromFunctions(this IKernelBuilderPlugins plugins, string pluginName, IEnumerable<KernelFunction>? functions) => throw null!;

        public static IKernelBuilderPlugins AddFromFunctions(this IKernelBuilderPlugins plugins, string pluginName, string? description = null, IEnumerable<KernelFunction>? functions = null) => throw null!;

        public static KernelPlugin CreatePluginFromPromptDirectory(
            this Kernel kernel,
            string pluginDirectory,
            string? pluginName = null,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static KernelPlugin ImportPluginFromPromptDirectory(
            this Kernel kernel,
            string pluginDirectory,
            string? pluginName = null,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static IKernelBuilderPlugins AddFromPromptDirectory(
            this IKernelBuilderPlugins plugins,
            string pluginDirectory,
            string? pluginName = null,
            IPromptTemplateFactory? promptTemplateFactory = null) => throw null!;

        public static Task<FunctionResult> InvokePromptAsync(
            this Kernel kernel,
            string promptTemplate,
            KernelArguments? arguments = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            PromptTemplateConfig? promptTemplateConfig = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static Task<T?> InvokePromptAsync<T>(
            this Kernel kernel,
            string promptTemplate,
            KernelArguments? arguments = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            PromptTemplateConfig? promptTemplateConfig = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static IAsyncEnumerable<StreamingKernelContent> InvokePromptStreamingAsync(
            this Kernel kernel,
            string promptTemplate,
            KernelArguments? arguments = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            PromptTemplateConfig? promptTemplateConfig = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static IAsyncEnumerable<T> InvokePromptStreamingAsync<T>(
            this Kernel kernel,
            string promptTemplate,
            KernelArguments? arguments = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            PromptTemplateConfig? promptTemplateConfig = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static Kernel Build(this IKernelBuilder builder) => throw null!;
    }

    public static class KernelFunctionFactory
    {
        public static KernelFunction CreateFromMethod(
            Delegate method,
            string? functionName = null,
            string? description = null,
            IEnumerable<KernelParameterMetadata>? parameters = null,
            KernelReturnParameterMetadata? returnParameter = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelFunction CreateFromMethod(
            MethodInfo method,
            object? target = null,
            string? functionName = null,
            string? description = null,
            IEnumerable<KernelParameterMetadata>? parameters = null,
            KernelReturnParameterMetadata? returnParameter = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelFunction CreateFromPrompt(
            string promptTemplate,
            PromptExecutionSettings? executionSettings = null,
            string? functionName = null,
            string? description = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelFunction CreateFromPrompt(
            string promptTemplate,
            IEnumerable<PromptExecutionSettings>? executionSettings,
            string? functionName = null,
            string? description = null,
            string? templateFormat = null,
            IPromptTemplateFactory? promptTemplateFactory = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelFunction CreateFromPrompt(
            PromptTemplateConfig promptConfig,
            IPromptTemplateFactory? promptTemplateFactory = null,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelFunction CreateFromPrompt(
            IPromptTemplate promptTemplate,
            PromptTemplateConfig promptConfig,
            ILoggerFactory? loggerFactory = null) => throw null!;
    }

    public static partial class KernelPluginFactory
    {
        public static KernelPlugin CreateFromType<T>(string? pluginName = null, IServiceProvider? serviceProvider = null) => throw null!;

        public static KernelPlugin CreateFromType(Type instanceType, string? pluginName = null, IServiceProvider? serviceProvider = null) => throw null!;

        public static KernelPlugin CreateFromObject(object target, string? pluginName = null, ILoggerFactory? loggerFactory = null) => throw null!;

        public static KernelPlugin CreateFromFunctions(string pluginName, IEnumerable<KernelFunction>? functions) => throw null!;

        public static KernelPlugin CreateFromFunctions(string pluginName, string? description = null, IEnumerable<KernelFunction>? functions = null) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Memory
{
    [Experimental("SKEXP0001")]
    public sealed class MemoryBuilder
    {
        public ISemanticTextMemory Build() => throw null!;

        public MemoryBuilder WithLoggerFactory(ILoggerFactory loggerFactory) => throw null!;

        public MemoryBuilder WithHttpClient(HttpClient httpClient) => throw null!;

        public MemoryBuilder WithMemoryStore(IMemoryStore store) => throw null!;

        public MemoryBuilder WithMemoryStore<TStore>(Func<ILoggerFactory, TStore> factory) where TStore : IMemoryStore => throw null!;

        public MemoryBuilder WithMemoryStore<TStore>(Func<ILoggerFactory, HttpClient?, TStore> factory) where TStore : IMemoryStore => throw null!;

        public MemoryBuilder WithTextEmbeddingGeneration(ITextEmbeddingGenerationService textEmbeddingGeneration) => throw null!;

        public MemoryBuilder WithTextEmbeddingGeneration<TEmbeddingGeneration>(
            Func<ILoggerFactory, HttpClient?, TEmbeddingGeneration> factory) where TEmbeddingGeneration : ITextEmbeddingGenerationService => throw null!;
    }

    [Experimental("SKEXP0001")]
    public sealed class SemanticTextMemory : ISemanticTextMemory
    {
        [Obsolete("Use the constructor with IEmbeddingGenerator instead.")]
        public SemanticTextMemory(IMemoryStore storage, ITextEmbeddingGenerationService embeddingGenerator) => throw null!;

        public SemanticTextMemory(IMemoryStore storage, IEmbeddingGenerator<string, Embedding<float>> embeddingGenerator) => throw null!;

        public Task<string> SaveInformationAsync(
            string collection,
            string text,
            string id,
            string? description = null,
            string? additionalMetadata = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> SaveReferenceAsync(
            string collection,
            string text,
            string externalId,
            string externalSourceName,
            string? description = null,
            string? additionalMetadata = null,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<MemoryQueryResult?> GetAsync(
            string collection,
            string key,
            bool withEmbedding = false,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task RemoveAsync(
            string collection,
            string key,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<MemoryQueryResult> SearchAsync(
            string collection,
            string query,
            int limit = 1,
            double minRelevanceScore = 0.0,
            bool withEmbeddings = false,
            Kernel? kernel = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IList<string>> GetCollectionsAsync(Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
    }
}
