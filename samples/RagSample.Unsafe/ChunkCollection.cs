using System.Linq.Expressions;
using Microsoft.Extensions.VectorData;

namespace RagSample.Unsafe;

public sealed record Chunk(string Key, string DocumentId, string Text, float[] Vector);

/// <summary>
/// An in-memory VectorData collection over a plain list, written and searched by whoever calls, without a lock: a
/// search enumerates the live list while other requests append to it.
/// </summary>
public sealed class ChunkCollection : VectorStoreCollection<string, Chunk>
{
    private readonly List<Chunk> _chunks = [];

    public override string Name => "chunks";

    public int Count => _chunks.Count;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        _chunks.Clear();
        return Task.CompletedTask;
    }

    public override Task<Chunk?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_chunks.Find(c => c.Key == key));

    public override IAsyncEnumerable<Chunk> GetAsync(Expression<Func<Chunk, bool>> filter, int top, FilteredRecordRetrievalOptions<Chunk>? options = null, CancellationToken cancellationToken = default) =>
        _chunks.Where(filter.Compile()).Take(top).ToAsyncEnumerable();

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _chunks.RemoveAll(c => c.Key == key);
        return Task.CompletedTask;
    }

    public override async Task UpsertAsync(Chunk record, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        _chunks.RemoveAll(c => c.Key == record.Key);
        _chunks.Add(record);
    }

    public override async Task UpsertAsync(IEnumerable<Chunk> records, CancellationToken cancellationToken = default)
    {
        foreach (var record in records)
        {
            await UpsertAsync(record, cancellationToken);
        }
    }

    /// <summary>Scores every chunk of the live list against a <c>float[]</c> query.</summary>
    public override IAsyncEnumerable<VectorSearchResult<Chunk>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<Chunk>? options = null, CancellationToken cancellationToken = default)
    {
        var query = searchValue as float[] ?? throw new NotSupportedException("Search with a float[] vector.");
        var scored = new List<VectorSearchResult<Chunk>>();
        foreach (var chunk in _chunks)
        {
            float score = 0;
            for (var i = 0; i < Math.Min(query.Length, chunk.Vector.Length); i++)
            {
                score += query[i] * chunk.Vector[i];
            }

            scored.Add(new VectorSearchResult<Chunk>(chunk, score));
        }

        return scored.OrderByDescending(s => s.Score).Take(top).ToAsyncEnumerable();
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;
}
