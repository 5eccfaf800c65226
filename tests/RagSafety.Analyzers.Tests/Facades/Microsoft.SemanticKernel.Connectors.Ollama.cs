// Facade of the public API of Microsoft.SemanticKernel.Connectors.Ollama (subset used by RagSafety.Analyzers tests: the registrations). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Connectors.Ollama (a prerelease connector); served libraries are referenced for real.
// Signatures follow the connector's public source in microsoft/semantic-kernel (dotnet/src/Connectors/Connectors.Ollama/Extensions) at commit
// b39d95a (the one field/manifest.tsv pins); versioned as the Semantic Kernel the tests reference.
// Assembly: Microsoft.SemanticKernel.Connectors.Ollama, Version=1.82.0.0
// References: Microsoft.SemanticKernel.Abstractions, OllamaSharp
#nullable enable
using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;

namespace Microsoft.SemanticKernel
{
    public static class OllamaKernelBuilderExtensions
    {
        public static IKernelBuilder AddOllamaTextGeneration(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaTextGeneration(this IKernelBuilder builder, string modelId, string? serviceId = null, HttpClient? httpClient = null) => throw null!;

        public static IKernelBuilder AddOllamaTextGeneration(this IKernelBuilder builder, string modelId, OllamaApiClient ollamaClient, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaTextGeneration(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaTextEmbeddingGeneration(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaTextEmbeddingGeneration(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaTextEmbeddingGeneration(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaEmbeddingGenerator(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaEmbeddingGenerator(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IKernelBuilder AddOllamaEmbeddingGenerator(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;
    }

    public static class OllamaServiceCollectionExtensions
    {
        public static IServiceCollection AddOllamaTextGeneration(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextGeneration(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextGeneration(this IServiceCollection services, string modelId, OllamaApiClient ollamaClient, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextGeneration(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextEmbeddingGeneration(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextEmbeddingGeneration(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaTextEmbeddingGeneration(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class OllamaServiceCollectionExtensions
    {
        public static IServiceCollection AddOllamaChatClient(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaChatClient(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaChatClient(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaEmbeddingGenerator(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaEmbeddingGenerator(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => throw null!;

        public static IServiceCollection AddOllamaEmbeddingGenerator(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => throw null!;
    }
}
