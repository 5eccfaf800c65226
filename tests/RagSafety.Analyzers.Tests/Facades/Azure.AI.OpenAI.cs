// Facade of the public API of Azure.AI.OpenAI 2.1.0 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Azure.AI.OpenAI, Version=2.1.0.0
// References: OpenAI, System.ClientModel, Azure.Core
#nullable enable
using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace Azure.AI.OpenAI
{
    public class AzureOpenAIClient : OpenAIClient
    {
        protected AzureOpenAIClient() => throw null!;

        protected AzureOpenAIClient(ClientPipeline pipeline, Uri endpoint, AzureOpenAIClientOptions options) => throw null!;

        public AzureOpenAIClient(Uri endpoint, TokenCredential credential) => throw null!;

        public AzureOpenAIClient(Uri endpoint, TokenCredential credential, AzureOpenAIClientOptions options) => throw null!;

        public AzureOpenAIClient(Uri endpoint, ApiKeyCredential credential) => throw null!;

        public AzureOpenAIClient(Uri endpoint, ApiKeyCredential credential, AzureOpenAIClientOptions options) => throw null!;

        public override ChatClient GetChatClient(string deploymentName) => throw null!;

        public override EmbeddingClient GetEmbeddingClient(string deploymentName) => throw null!;
    }

    public class AzureOpenAIClientOptions : ClientPipelineOptions
    {
        public AzureOpenAIClientOptions() => throw null!;

        public string UserAgentApplicationId { get => throw null!; set => throw null!; }
    }
}
