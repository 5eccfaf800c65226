using System.Collections.Immutable;
using RagSample.Ai;

namespace RagSample.Indexing;

/// <summary>One embedded chunk of a document. The vector has unit length.</summary>
public sealed record IndexedChunk(string DocumentId, string Title, int Ordinal, string Text, ReadOnlyMemory<float> Vector);

/// <summary>A retrieved chunk and its cosine similarity to the question.</summary>
public sealed record SearchHit(IndexedChunk Chunk, float Score);

/// <summary>
/// An immutable version of the index. Readers search the snapshot they picked up, however long they take; the writer
/// builds the next snapshot beside it and publishes it with one reference swap.
/// </summary>
public sealed class IndexSnapshot
{
    public static readonly IndexSnapshot Empty = new(ImmutableArray<IndexedChunk>.Empty, version: 0);

    private IndexSnapshot(ImmutableArray<IndexedChunk> chunks, long version)
    {
        Chunks = chunks;
        Version = version;
        DocumentCount = chunks.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).Count();
    }

    public ImmutableArray<IndexedChunk> Chunks { get; }

    public long Version { get; }

    public int DocumentCount { get; }

    /// <summary>The next snapshot: every chunk of the documents in <paramref name="chunks"/> replaced by the new ones.</summary>
    public IndexSnapshot With(IReadOnlyCollection<IndexedChunk> chunks)
    {
        var replaced = chunks.Select(c => c.DocumentId).ToHashSet(StringComparer.Ordinal);
        var next = Chunks.Where(c => !replaced.Contains(c.DocumentId)).Concat(chunks).ToImmutableArray();
        return new IndexSnapshot(next, Version + 1);
    }

    /// <summary>The <paramref name="k"/> chunks most similar to <paramref name="query"/>, best first.</summary>
    public IReadOnlyList<SearchHit> Search(ReadOnlySpan<float> query, int k)
    {
        if (k <= 0)
        {
            return [];
        }

        var best = new List<SearchHit>(k + 1);
        foreach (var chunk in Chunks)
        {
            var score = VectorMath.Dot(query, chunk.Vector.Span);
            if (best.Count == k && score <= best[^1].Score)
            {
                continue;
            }

            var at = best.FindIndex(h => h.Score < score);
            best.Insert(at < 0 ? best.Count : at, new SearchHit(chunk, score));
            if (best.Count > k)
            {
                best.RemoveAt(k);
            }
        }

        return best;
    }
}
