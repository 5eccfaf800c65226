// Facade of the public API of Microsoft.KernelMemory.AI.AzureOpenAI 0.98 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.KernelMemory.AI.AzureOpenAI; served libraries are referenced for real.
// Assembly: Microsoft.KernelMemory.AI.AzureOpenAI, Version=0.98.0.0
// References: Azure.Core
// The assembly's KernelMemoryBuilderExtensions (WithAzureOpenAITextGeneration, …) is left out: it shares its full name with the
// class in Microsoft.KernelMemory.AI.OpenAI, which would make Compilation.GetTypeByMetadataName ambiguous in tests.
#nullable enable
using System.Collections.Generic;
using Azure.Core;

namespace Microsoft.KernelMemory
{
    public class AzureOpenAIConfig
    {
        public enum AuthTypes
        {
            Unknown = -1,
            AzureIdentity,
            APIKey,
            ManualTokenCredential,
        }

        public enum APITypes
        {
            Unknown = -1,
            TextCompletion,
            ChatCompletion,
            ImageGeneration,
            EmbeddingGeneration,
        }

        public APITypes APIType { get; set; }

        public AuthTypes Auth { get; set; }

        public string? AzureIdentityAudience { get; set; }

        public string APIKey { get; set; } = null!;

        public string Endpoint { get; set; } = null!;

        public string Deployment { get; set; } = null!;

        public int MaxTokenTotal { get; set; }

        public string Tokenizer { get; set; } = null!;

        public int? EmbeddingDimensions { get; set; }

        public int MaxEmbeddingBatchSize { get; set; }

        public int MaxRetries { get; set; }

        public HashSet<string> TrustedCertificateThumbprints { get; set; } = null!;

        public void SetCredential(TokenCredential credential) => throw null!;

        public TokenCredential GetTokenCredential() => throw null!;

        public void Validate() => throw null!;
    }
}
