using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel;
using RagSample.Indexing;

namespace RagSample.Answering;

/// <summary>A passage found for a question, and its cosine similarity to the question.</summary>
public sealed record SearchHit(string DocumentId, string Title, string Text, double Score);

/// <summary>
/// The document index as a Semantic Kernel plugin. It is created once, at start-up, as a <see cref="KernelPlugin"/>
/// singleton that every request's kernel shares, so it holds only thread-safe services and no per-request state.
/// </summary>
public sealed class DocumentSearchPlugin(
    VectorStoreCollection<string, DocumentChunk> chunks,
    IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    public const string PluginName = "documents";
    public const string SearchFunctionName = "search";

    [KernelFunction(SearchFunctionName)]
    [Description("Finds the passages of the Tidewater documentation closest to a question, best first.")]
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        [Description("The question, in the user's words.")] string question,
        [Description("How many passages to return.")] int top,
        CancellationToken cancellationToken)
    {
        var query = await embedder.GenerateVectorAsync(question, cancellationToken: cancellationToken);
        var hits = new List<SearchHit>(top);
        await foreach (var result in chunks.SearchAsync(query, top, cancellationToken: cancellationToken))
        {
            hits.Add(new SearchHit(result.Record.DocumentId, result.Record.Title, result.Record.Text, result.Score ?? 0));
        }

        return hits;
    }
}
