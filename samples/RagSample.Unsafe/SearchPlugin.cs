using Microsoft.SemanticKernel;

namespace RagSample.Unsafe;

/// <summary>Semantic search over the index as a kernel function. It reads the query vector the request put in the kernel's <c>Data</c>.</summary>
public sealed class SearchPlugin
{
    public const string Name = "documents";

    public const string QueryKey = "query";

    [KernelFunction("search")]
    public async Task<List<Chunk>> SearchAsync(Kernel kernel)
    {
        var query = (float[])kernel.Data[QueryKey]!;
        var hits = new List<Chunk>();
        await foreach (var result in RagEngine.Index.SearchAsync(query, RagEngine.TopK))
        {
            hits.Add(result.Record);
        }

        return hits;
    }
}
