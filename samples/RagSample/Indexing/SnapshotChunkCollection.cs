using System.Linq.Expressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace RagSample.Indexing;

/// <summary>
/// The index: an in-memory Microsoft.Extensions.VectorData collection of <see cref="DocumentChunk"/>s, kept as
/// immutable <see cref="IndexSnapshot"/>s behind a volatile reference. Reads and searches take no lock and work on the
/// snapshot they picked up, so a search never sees half a write. Writes build the next snapshot under a lock and publish
/// it with one reference swap; in this service only the ingestion service writes.
/// </summary>
public sealed class SnapshotChunkCollection(string name) : VectorStoreCollection<string, DocumentChunk>
{
    private readonly Lock _writeLock = new();
    private volatile IndexSnapshot _current = IndexSnapshot.Empty;

    public override string Name { get; } = name;

    /// <summary>The snapshot that reads and searches see now.</summary>
    public IndexSnapshot Current => _current;

    /// <summary>In memory the collection exists from the start; deleting it empties it.</summary>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        Publish(snapshot => snapshot.WithoutKeys(snapshot.Chunks.Select(c => c.Key)));
        return Task.CompletedTask;
    }

    public override Task<DocumentChunk?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var chunk = _current.Find(key);
        return Task.FromResult(chunk is null ? null : Shaped(chunk, options?.IncludeVectors ?? false));
    }

    public override IAsyncEnumerable<DocumentChunk> GetAsync(
        Expression<Func<DocumentChunk, bool>> filter,
        int top,
        FilteredRecordRetrievalOptions<DocumentChunk>? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (options?.OrderBy is not null)
        {
            throw new NotSupportedException($"{nameof(SnapshotChunkCollection)} returns records in index order; it does not sort them.");
        }

        var includeVectors = options?.IncludeVectors ?? false;
        return _current.Chunks.Where(filter.Compile())
            .Skip(options?.Skip ?? 0)
            .Take(top)
            .Select(c => Shaped(c, includeVectors))
            .ToList()
            .ToAsyncEnumerable();
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => DeleteAsync([key], cancellationToken);

    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var removed = keys.ToList();
        Publish(snapshot => snapshot.WithoutKeys(removed));
        return Task.CompletedTask;
    }

    public override Task UpsertAsync(DocumentChunk record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    public override Task UpsertAsync(IEnumerable<DocumentChunk> records, CancellationToken cancellationToken = default)
    {
        // Enumerated before the lock: the caller's sequence may be lazy, and the lock should cover only the swap.
        var batch = records.ToList();
        Publish(snapshot => snapshot.WithUpserted(batch));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Nearest chunks by cosine similarity. The search value must already be a vector: the collection has no embedding
    /// generator of its own (the caller embeds the question through the service's gated embedder).
    /// </summary>
    public override IAsyncEnumerable<VectorSearchResult<DocumentChunk>> SearchAsync<TInput>(
        TInput searchValue,
        int top,
        VectorSearchOptions<DocumentChunk>? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ReadOnlyMemory<float> query = searchValue switch
        {
            ReadOnlyMemory<float> vector => vector,
            float[] vector => vector,
            Embedding<float> embedding => embedding.Vector,
            _ => throw new NotSupportedException(
                $"{nameof(SnapshotChunkCollection)} searches with a vector (ReadOnlyMemory<float>, float[] or Embedding<float>), not a {typeof(TInput).Name}."),
        };

        var skip = options?.Skip ?? 0;
        var threshold = options?.ScoreThreshold;
        var includeVectors = options?.IncludeVectors ?? false;
        return _current.Search(query.Span, skip + top, options?.Filter?.Compile())
            .Skip(skip)
            .Where(hit => threshold is null || hit.Score >= threshold)
            .Select(hit => new VectorSearchResult<DocumentChunk>(Shaped(hit.Chunk, includeVectors), hit.Score))
            .ToList()
            .ToAsyncEnumerable();
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = "in-memory-snapshots", CollectionName = Name }
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    private void Publish(Func<IndexSnapshot, IndexSnapshot> change)
    {
        lock (_writeLock)
        {
            _current = change(_current);
        }
    }

    /// <summary>Records leave without their vector unless asked for it, as from a store.</summary>
    private static DocumentChunk Shaped(DocumentChunk chunk, bool includeVectors) =>
        includeVectors ? chunk : chunk with { Embedding = ReadOnlyMemory<float>.Empty };
}
