namespace RagSample.Unsafe;

public sealed record Chunk(string DocumentId, string Text, float[] Vector);

/// <summary>An in-memory vector index: a plain list, written and searched by whoever calls.</summary>
public sealed class VectorIndex
{
    public List<Chunk> Chunks { get; } = [];

    public async Task UpsertAsync(Chunk chunk)
    {
        await Task.Yield();
        Chunks.Add(chunk);
    }

    public List<Chunk> Search(float[] query, int k)
    {
        var scored = new List<(Chunk Chunk, float Score)>();
        foreach (var chunk in Chunks)
        {
            float score = 0;
            for (var i = 0; i < Math.Min(query.Length, chunk.Vector.Length); i++)
            {
                score += query[i] * chunk.Vector[i];
            }

            scored.Add((chunk, score));
        }

        return scored.OrderByDescending(s => s.Score).Take(k).Select(s => s.Chunk).ToList();
    }
}
