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
        [InlineData("Microsoft.Extensions.VectorData.VectorStoreCollection`2")]
        [InlineData("Microsoft.Extensions.VectorData.IVectorStoreRecordCollection`2")]
        [InlineData("Microsoft.KernelMemory.IKernelMemory")]
        [InlineData("Qdrant.Client.QdrantClient")]
        [InlineData("Pinecone.IndexClient")]
        [InlineData("Azure.Search.Documents.SearchClient")]
        [InlineData("Azure.AI.OpenAI.AzureOpenAIClient")]
        [InlineData("Grpc.Core.BindServiceMethodAttribute")]
        [InlineData("Microsoft.Azure.Functions.Worker.FunctionAttribute")]
        public void Default_references_declare_each_library_once(string metadataName)
        {
            var compilation = TestCompilation.Create("class C { }");
            Assert.NotNull(compilation.GetTypeByMetadataName(metadataName));
        }

        [Fact]
        public void Legacy_azure_openai_replaces_the_v2_facade()
        {
            var compilation = TestCompilation.Create("class C { }", TestLibraries.Default | TestLibraries.LegacyAzureOpenAI);
            Assert.NotNull(compilation.GetTypeByMetadataName("Azure.AI.OpenAI.OpenAIClient"));
            Assert.Null(compilation.GetTypeByMetadataName("Azure.AI.OpenAI.AzureOpenAIClient"));
            Assert.Single(compilation.References, r => r.Display == "Azure.AI.OpenAI.dll");
        }
    }
}
