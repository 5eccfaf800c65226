using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpAnalyzerVerifier<RagSafety.Analyzers.Rules.RAG041PerItemEmbeddingAnalyzer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG041PerItemEmbeddingTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            """;

        [Fact]
        public async Task Extensions_AI_single_value_calls_in_a_foreach_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed record Chunk(string Id, string Text);

                class Ingestor(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task<List<Embedding<float>>> EmbedAsync(IEnumerable<Chunk> chunks, CancellationToken ct)
                    {
                        var result = new List<Embedding<float>>();
                        foreach (var chunk in chunks)
                        {
                            result.Add(await {|#0:generator.GenerateAsync(chunk.Text, cancellationToken: ct)|});
                        }

                        return result;
                    }

                    async Task<List<ReadOnlyMemory<float>>> VectorsAsync(IList<string> texts)
                    {
                        var vectors = new List<ReadOnlyMemory<float>>();
                        for (var i = 0; i < texts.Count; i++)
                        {
                            var text = texts[i].Trim();
                            vectors.Add(await {|#1:generator.GenerateVectorAsync(text)|});
                        }

                        return vectors;
                    }
                }
                """,
                Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("IEmbeddingGenerator.GenerateAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"),
                Verify.Diagnostic("RAG041").WithLocation(1).WithArguments("IEmbeddingGenerator.GenerateVectorAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"));
        }

        [Fact]
        public async Task OpenAI_single_embedding_calls_in_a_loop_are_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using OpenAI.Embeddings;

                class Ingestor(EmbeddingClient client)
                {
                    async Task EmbedAsync(string[] texts)
                    {
                        foreach (var text in texts)
                        {
                            var embedding = await {|#0:client.GenerateEmbeddingAsync(text)|};
                            Console.WriteLine(embedding.Value.ToFloats().Length);
                        }
                    }

                    void Embed(string[] texts)
                    {
                        foreach (var text in texts)
                        {
                            {|#1:client.GenerateEmbedding(text)|};
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("EmbeddingClient.GenerateEmbeddingAsync", "EmbeddingClient.GenerateEmbeddingsAsync(IEnumerable<string>)"),
                Verify.Diagnostic("RAG041").WithLocation(1).WithArguments("EmbeddingClient.GenerateEmbedding", "EmbeddingClient.GenerateEmbeddings(IEnumerable<string>)"));
        }

        [Fact]
        public async Task Semantic_Kernel_single_embedding_in_a_loop_is_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                #pragma warning disable SKEXP0001
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Microsoft.SemanticKernel.Embeddings;

                namespace Rag;

                public partial class Indexer(ITextEmbeddingGenerationService embeddings)
                {
                    public async Task IndexAsync(IReadOnlyList<string> paragraphs)
                    {
                        foreach (var paragraph in paragraphs)
                        {
                            var vector = await {|#0:embeddings.GenerateEmbeddingAsync(paragraph)|};
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("IEmbeddingGenerationService.GenerateEmbeddingAsync", "IEmbeddingGenerationService.GenerateEmbeddingsAsync(IList<string>)"));
        }

        [Fact]
        public async Task Batches_single_calls_outside_loops_and_loop_invariant_inputs_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Fine(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task BatchedAsync(IReadOnlyList<string> texts)
                    {
                        foreach (var batch in texts.Chunk(64))
                        {
                            var embeddings = await generator.GenerateAsync(batch);
                        }
                    }

                    async Task<Embedding<float>> QueryAsync(string question) => await generator.GenerateAsync(question);

                    async Task RetryAsync(string question)
                    {
                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            await generator.GenerateVectorAsync(question);
                        }
                    }

                    async Task StreamAsync(IAsyncEnumerable<string> lines)
                    {
                        await foreach (var line in lines)
                        {
                            await generator.GenerateAsync(line);
                        }
                    }

                    async Task InLambdaAsync(string[] texts)
                    {
                        foreach (var text in texts)
                        {
                            Func<Task> later = () => generator.GenerateAsync(text);
                            await later();
                        }
                    }
                }
                """);
        }

        [Fact]
        public async Task Code_being_typed_in_an_ingestion_method()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Ingestor(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task IngestAsync(string path)
                    {
                        foreach (var line in System.IO.File.ReadLines(path))
                        {
                            await {|#0:generator.GenerateVectorAsync(line)|};
                            await generator.GenerateVectorAsync({|CS0103:missing|});
                            await generator.{|CS1061:GenerateNothing|}(line);
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("IEmbeddingGenerator.GenerateVectorAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"));
        }

        [Fact]
        public async Task Start_up_code_and_items_written_in_the_code_are_not_reported_lambdas_there_are()
        {
            // Runs once (top-level statements, Main, a static constructor) or over a handful of items the code lists.
            var test = new Verify.Test { TestCode = """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                IEmbeddingGenerator<string, Embedding<float>> generator = null!;
                foreach (var line in System.IO.File.ReadLines("data.txt"))
                {
                    await generator.GenerateVectorAsync(line);
                }

                await Seed.RunAsync(generator);

                // A lambda written in start-up code runs per request: still reported.
                var app = Microsoft.AspNetCore.Builder.WebApplication.Create();
                Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapPost(app, "/documents", async (string[] texts) =>
                {
                    foreach (var text in texts)
                    {
                        await {|#0:generator.GenerateVectorAsync(text)|};
                    }
                });

                public sealed class Product
                {
                    public string Name { get; set; } = "";
                    public float[] Vector { get; set; } = [];
                }

                static class Seed
                {
                    public static async Task RunAsync(IEmbeddingGenerator<string, Embedding<float>> generator)
                    {
                        var products = new List<Product>
                        {
                            new Product { Name = "Tent" },
                            new Product { Name = "Lantern" },
                            new Product { Name = "Stove" },
                        };
                        foreach (var product in products)
                        {
                            product.Vector = (await generator.GenerateVectorAsync(product.Name)).ToArray();
                        }

                        foreach (var query in new[] { "warm", "light" })
                        {
                            await generator.GenerateVectorAsync(query);
                        }
                    }
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("IEmbeddingGenerator.GenerateVectorAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task The_apps_own_single_item_wrapper_is_followed_one_level()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed record Chunk(string Id, string Text);

                public class Embedder(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    public async Task<float[]> EmbedAsync(string text, CancellationToken ct = default) =>
                        (await generator.GenerateVectorAsync(text.Trim(), cancellationToken: ct)).ToArray();

                    // Already batched inside: nothing to report at its callers.
                    public async Task<int> EmbedAllAsync(IEnumerable<string> texts) => (await generator.GenerateAsync(texts)).Count;

                    // Embeds a fixed probe, whatever its argument: the loop does not change the input.
                    public async Task<int> ProbeAsync(int attempt) => (await generator.GenerateVectorAsync("probe")).Length + attempt;
                }

                class Ingestor(Embedder embedder)
                {
                    async Task IngestAsync(IEnumerable<Chunk> chunks, CancellationToken ct)
                    {
                        foreach (var chunk in chunks)
                        {
                            var vector = await {|#0:embedder.EmbedAsync(chunk.Text, ct)|};
                        }

                        foreach (var batch in chunks.Chunk(64))
                        {
                            await embedder.EmbedAllAsync(batch.Select(c => c.Text));
                        }

                        for (var attempt = 0; attempt < 3; attempt++)
                        {
                            await embedder.ProbeAsync(attempt);
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG041").WithLocation(0).WithArguments("Embedder.EmbedAsync → IEmbeddingGenerator.GenerateVectorAsync", "IEmbeddingGenerator.GenerateAsync(IEnumerable<string>)"));
        }
    }
}
