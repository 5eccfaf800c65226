// Facade of the public API of Microsoft.KernelMemory.AI.OpenAI 0.98 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.KernelMemory.AI.OpenAI; served libraries are referenced for real.
// Assembly: Microsoft.KernelMemory.AI.OpenAI, Version=0.98.0.0
// References: Microsoft.KernelMemory.Abstractions, OpenAI
#nullable enable
#pragma warning disable KMEXP00
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.KernelMemory.AI;
using OpenAI;

namespace Microsoft.KernelMemory
{
    public class OpenAIConfig
    {
        public enum TextGenerationTypes
        {
            Auto = 0,
            TextCompletion,
            Chat,
        }

        public TextGenerationTypes TextGenerationType { get; set; }

        public string APIKey { get; set; } = null!;

        public string? OrgId { get; set; }

        public string Endpoint { get; set; } = null!;

        public string TextModel { get; set; } = null!;

        public int TextModelMaxTokenTotal { get; set; }

        public string TextModelTokenizer { get; set; } = null!;

        public string EmbeddingModel { get; set; } = null!;

        public int EmbeddingModelMaxTokenTotal { get; set; }

        public string EmbeddingModelTokenizer { get; set; } = null!;

        public int? EmbeddingDimensions { get; set; }

        public int MaxEmbeddingBatchSize { get; set; }

        public int MaxRetries { get; set; }

        public void Validate() => throw null!;
    }

    public static partial class KernelMemoryBuilderExtensions
    {
        public static IKernelMemoryBuilder WithOpenAIDefaults(
            this IKernelMemoryBuilder builder,
            string apiKey,
            string? organization = null,
            ITextTokenizer? textGenerationTokenizer = null,
            ITextTokenizer? textEmbeddingTokenizer = null,
            ILoggerFactory? loggerFactory = null,
            bool onlyForRetrieval = false,
            HttpClient? httpClient = null) => throw null!;

        public static IKernelMemoryBuilder WithOpenAI(
            this IKernelMemoryBuilder builder,
            OpenAIConfig config,
            ITextTokenizer? textGenerationTokenizer = null,
            ITextTokenizer? textEmbeddingTokenizer = null,
            bool onlyForRetrieval = false,
            HttpClient? httpClient = null) => throw null!;

        public static IKernelMemoryBuilder WithOpenAI(
            this IKernelMemoryBuilder builder,
            OpenAIConfig config,
            OpenAIClient openAIClient,
            ITextTokenizer? textGenerationTokenizer = null,
            ITextTokenizer? textEmbeddingTokenizer = null,
            bool onlyForRetrieval = false) => throw null!;
    }
}
