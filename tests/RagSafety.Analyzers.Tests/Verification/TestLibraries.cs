using System;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>Which libraries a test compilation references, beyond the .NET 10 reference assemblies that are always there.</summary>
    [Flags]
    public enum TestLibraries
    {
        None = 0,

        /// <summary>The ASP.NET Core reference pack (minimal APIs, MVC, SignalR, DI, HttpClientFactory).</summary>
        AspNetCore = 1,

        /// <summary>Microsoft.Extensions.AI and Microsoft.Extensions.AI.Abstractions (the real packages).</summary>
        ExtensionsAI = 2,

        /// <summary>OpenAI with System.ClientModel (the real package).</summary>
        OpenAI = 4,

        /// <summary>
        /// Every other AI library NuGet serves here, as the real package: Semantic Kernel and its OpenAI / Azure OpenAI
        /// connectors, Microsoft.Extensions.AI.OpenAI, VectorData, Azure.AI.OpenAI 2.x, Azure.AI.Inference, Azure AI Search,
        /// Qdrant, OllamaSharp, Agent Framework, Azure Functions (isolated and in-process) and Grpc.Core.Api; with them the
        /// resilience packages that wrap AI traffic (Microsoft.Extensions.Http.Resilience, Microsoft.Extensions.Http.Polly, Polly.Core).
        /// </summary>
        AiPackages = 8,

        /// <summary>The API facades of libraries NuGet does not serve here (Facades/: Kernel Memory, SK Agents, Pinecone, …).</summary>
        Facades = 16,

        /// <summary>
        /// Azure.AI.OpenAI 1.0.0-beta.6 (the pre-2.0 generation) instead of 2.x. It shares 2.x's assembly name, so it
        /// replaces it, and Semantic Kernel's Azure OpenAI connector (which needs 2.x) is left out. Combined with <see cref="AiPackages"/>.
        /// </summary>
        LegacyAzureOpenAI = 32,

        /// <summary>The previous generation users may still have: Microsoft.Extensions.AI.Abstractions 10.11 and VectorData 9.7.</summary>
        PreviousGeneration = 64,

        /// <summary>
        /// The VectorData interfaces of 9.0.0-preview (IVectorStoreRecordCollection, UpsertBatchAsync, …), which NuGet does
        /// not serve here: a facade instead of the real VectorData package.
        /// </summary>
        VectorDataPreview = 128,

        Default = AspNetCore | ExtensionsAI | OpenAI | AiPackages | Facades,
    }
}
