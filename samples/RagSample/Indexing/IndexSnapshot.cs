using System.Collections.Immutable;
using RagSample.Ai;

namespace RagSample.Indexing;

/// <summary>
/// An immutable version of the index. Readers search the snapshot they picked up, however long they take; a writer
/// builds the next snapshot beside it, and the <see cref="SnapshotChunkCollection"/> publishes it with one reference swap.
/// </summary>
public sealed class IndexSnapshot
{
    public static readonly IndexSnapshot Empty = new(ImmutableArray<DocumentChunk>.Empty, version: 0);

    private readonly Dictionary<string, DocumentChunk> _byKey;

    private IndexSnapshot(ImmutableArray<DocumentChunk> chunks, long version)
    {
        Chunks = chunks;
        Version = version;
        _byKey = chunks.ToDictionary(c => c.Key, StringComparer.Ordinal);
        DocumentCount = chunks.Select(c => c.DocumentId).Distinct(StringComparer.Ordinal).Count();
    }

    public ImmutableArray<DocumentChunk> Chunks { get; }

    /// <summary>Counts the published changes: each write that changed something gives a new version.</summary>
    public long Version { get; }

    public int DocumentCount { get; }

    public DocumentChunk? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The next snapshot: <paramref name="records"/> added, each replacing the chunk with its key (of duplicates, the last wins).</summary>
    public IndexSnapshot WithUpserted(IEnumerable<DocumentChunk> records)
    {
        var incoming = new Dictionary<string, DocumentChunk>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            incoming[record.Key] = record;
        }

        return incoming.Count == 0
            ? this
            : new IndexSnapshot(Chunks.Where(c => !incoming.ContainsKey(c.Key)).Concat(incoming.Values).ToImmutableArray(), Version + 1);
    }

    /// <summary>The next snapshot without the chunks of <paramref name="keys"/> (keys it does not hold are ignored).</summary>
    public IndexSnapshot WithoutKeys(IEnumerable<string> keys)
    {
        var removed = keys.Where(_byKey.ContainsKey).ToHashSet(StringComparer.Ordinal);
        return removed.Count == 0
            ? this
            : new IndexSnapshot(Chunks.Where(c => !removed.Contains(c.Key)).ToImmutableArray(), Version + 1);
    }

    /// <summary>
    /// The <paramref name="count"/> chunks most similar to <paramref name="query"/> (a unit vector), best first, among
    /// those <paramref name="filter"/> accepts.
    /// </summary>
    public IReadOnlyList<(DocumentChunk Chunk, float Score)> Search(ReadOnlySpan<float> query, int count, Func<DocumentChunk, bool>? filter)
    {
        if (count <= 0)
        {
            return [];
        }

        var best = new List<(DocumentChunk Chunk, float Score)>(count + 1);
        foreach (var chunk in Chunks)
        {
            var score = VectorMath.Dot(query, chunk.Embedding.Span);
            if ((best.Count == count && score <= best[^1].Score) || (filter is not null && !filter(chunk)))
            {
                continue;
            }

            var at = best.FindIndex(h => h.Score < score);
            best.Insert(at < 0 ? best.Count : at, (chunk, score));
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }

        return best;
    }
}
