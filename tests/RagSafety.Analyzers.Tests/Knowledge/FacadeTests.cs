using System.Linq;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Knowledge
{
    /// <summary>The API facades compile on their own, each into an assembly with its library's name.</summary>
    public class FacadeTests
    {
        [Fact]
        public void Every_facade_compiles_with_its_library_identity()
        {
            var facades = TestReferences.FacadeAssemblies;
            Assert.NotEmpty(facades);
            foreach (var facade in facades.Values)
            {
                Assert.False(string.IsNullOrWhiteSpace(facade.AssemblyName));
                Assert.StartsWith("// Facade of the public API of ", facade.Source.Text.TrimStart());
            }
        }

        [Theory]
        [InlineData("Microsoft.SemanticKernel.Kernel")]
        [InlineData("Microsoft.SemanticKernel.ChatCompletion.ChatHistory")]
        [InlineData("Microsoft.SemanticKernel.Agents.ChatHistoryAgentThread")]
        [InlineData("Microsoft.Extensions.VectorData.VectorStoreCollection`2")]
        [InlineData("Microsoft.KernelMemory.IKernelMemory")]
        [InlineData("Qdrant.Client.QdrantClient")]
        [InlineData("Pinecone.IndexClient")]
        [InlineData("Azure.Search.Documents.SearchClient")]
        [InlineData("Azure.AI.OpenAI.AzureOpenAIClient")]
        [InlineData("Grpc.Core.BindServiceMethodAttribute")]
        [InlineData("Microsoft.Azure.Functions.Worker.FunctionAttribute")]
        [InlineData("Microsoft.Azure.WebJobs.FunctionNameAttribute")]
        [InlineData("OllamaSharp.OllamaApiClient")]
        [InlineData("Microsoft.Agents.AI.AIAgent")]
        [InlineData("Azure.AI.Inference.ChatCompletionsClient")]
        [InlineData("Microsoft.SemanticKernel.OllamaKernelBuilderExtensions")]
        public void Default_references_declare_each_library_once(string metadataName)
        {
            var compilation = TestCompilation.Create("class C { }");
            Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
        }

        [Fact]
        public void Legacy_azure_openai_replaces_the_v2_package()
        {
            var compilation = TestCompilation.Create("class C { }", TestLibraries.Default | TestLibraries.LegacyAzureOpenAI);
            Assert.NotNull(compilation.GetTypeByMetadataName("Azure.AI.OpenAI.OpenAIClient"));
            Assert.Null(compilation.GetTypeByMetadataName("Azure.AI.OpenAI.AzureOpenAIClient"));
            Assert.Single(compilation.References, r => System.IO.Path.GetFileName(r.Display) == "Azure.AI.OpenAI.dll");
        }

        [Fact]
        public void Vector_data_preview_facade_replaces_the_real_package()
        {
            var compilation = TestCompilation.Create("class C { }", TestLibraries.ExtensionsAI | TestLibraries.VectorDataPreview);
            Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.IVectorStoreRecordCollection`2"));
            Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreCollection`2"));
        }

        [Fact]
        public void Previous_generation_references_the_older_packages()
        {
            var compilation = TestCompilation.Create("class C { }", TestLibraries.AspNetCore | TestLibraries.OpenAI | TestLibraries.PreviousGeneration);
            Assert.Equal(new System.Version(10, 11, 0, 0), compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient")!.ContainingAssembly.Identity.Version);
            Assert.Equal(9, compilation.GetTypeByMetadataName("Microsoft.Extensions.VectorData.VectorStoreCollection`2")!.ContainingAssembly.Identity.Version.Major);
        }
    }
}
