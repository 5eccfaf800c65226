// Facade of the public API of Microsoft.Extensions.VectorData.Abstractions 10.1.0, plus the older IVectorStore generation of 9.0.0-preview.1.25161.1 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.Extensions.VectorData.Abstractions, Version=10.0.0.0
// References: Microsoft.Extensions.AI.Abstractions
// Both generations live in one assembly here; types whose names both generations share (VectorSearchResult<TRecord>,
// VectorSearchOptions<TRecord>, HybridSearchOptions<TRecord>) have the current (10.1.0) shape.
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Microsoft.Extensions.VectorData
{
    // ---- Current generation (10.x) ----

    public abstract class VectorStore : IDisposable
    {
        public abstract VectorStoreCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreCollectionDefinition? definition = null)
            where TKey : notnull
            where TRecord : class;

        public abstract VectorStoreCollection<object, Dictionary<string, object?>> GetDynamicCollection(string name, VectorStoreCollectionDefinition definition);

        public abstract IAsyncEnumerable<string> ListCollectionNamesAsync(CancellationToken cancellationToken = default);

        public abstract Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken = default);

        public abstract Task EnsureCollectionDeletedAsync(string name, CancellationToken cancellationToken = default);

        public abstract object? GetService(Type serviceType, object? serviceKey = null);

        protected virtual void Dispose(bool disposing) => throw null!;

        public void Dispose() => throw null!;
    }

    public abstract class VectorStoreCollection<TKey, TRecord> : IVectorSearchable<TRecord>, IDisposable
        where TKey : notnull
        where TRecord : class
    {
        public abstract string Name { get; }

        public abstract Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default);

        public abstract Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default);

        public abstract Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default);

        public abstract Task<TRecord?> GetAsync(TKey key, RecordRetrievalOptions? options = default, CancellationToken cancellationToken = default);

        public virtual IAsyncEnumerable<TRecord> GetAsync(IEnumerable<TKey> keys, RecordRetrievalOptions? options = default, CancellationToken cancellationToken = default) => throw null!;

        public abstract Task DeleteAsync(TKey key, CancellationToken cancellationToken = default);

        public virtual Task DeleteAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default) => throw null!;

        public abstract Task UpsertAsync(TRecord record, CancellationToken cancellationToken = default);

        public abstract Task UpsertAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default);

        public abstract IAsyncEnumerable<TRecord> GetAsync(Expression<Func<TRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<TRecord>? options = null, CancellationToken cancellationToken = default);

        public abstract IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<TRecord>? options = null, CancellationToken cancellationToken = default)
            where TInput : notnull;

        public abstract object? GetService(Type serviceType, object? serviceKey = null);

        protected virtual void Dispose(bool disposing) => throw null!;

        public void Dispose() => throw null!;
    }

    public interface IVectorSearchable<TRecord>
    {
        IAsyncEnumerable<VectorSearchResult<TRecord>> SearchAsync<TInput>(
            TInput searchValue,
            int top,
            VectorSearchOptions<TRecord>? options = default,
            CancellationToken cancellationToken = default)
            where TInput : notnull;

        object? GetService(Type serviceType, object? serviceKey = null);
    }

    public interface IKeywordHybridSearchable<TRecord>
    {
        IAsyncEnumerable<VectorSearchResult<TRecord>> HybridSearchAsync<TInput>(
            TInput searchValue,
            ICollection<string> keywords,
            int top,
            HybridSearchOptions<TRecord>? options = default,
            CancellationToken cancellationToken = default)
            where TInput : notnull;

        object? GetService(Type serviceType, object? serviceKey = null);
    }

    public sealed class VectorSearchResult<TRecord>
    {
        public VectorSearchResult(TRecord record, double? score) => throw null!;

        public TRecord Record { get; }

        public double? Score { get; }
    }

    public class VectorSearchOptions<TRecord>
    {
        public Expression<Func<TRecord, bool>>? Filter { get; set; }

        public Expression<Func<TRecord, object?>>? VectorProperty { get; set; }

        public int Skip { get => throw null!; set => throw null!; }

        public bool IncludeVectors { get; set; }

        public double? ScoreThreshold { get; set; }
    }

    public class HybridSearchOptions<TRecord>
    {
        public Expression<Func<TRecord, bool>>? Filter { get; set; }

        public Expression<Func<TRecord, object?>>? VectorProperty { get; set; }

        public Expression<Func<TRecord, object?>>? AdditionalProperty { get; set; }

        public int Skip { get => throw null!; set => throw null!; }

        public bool IncludeVectors { get; set; }

        public double? ScoreThreshold { get; set; }
    }

    public class RecordRetrievalOptions
    {
        public bool IncludeVectors { get; set; }
    }

    public sealed class FilteredRecordRetrievalOptions<TRecord>
    {
        public int Skip { get => throw null!; set => throw null!; }

        public bool IncludeVectors { get; set; }
    }

    public sealed class VectorStoreCollectionDefinition
    {
        public IList<VectorStoreProperty> Properties { get => throw null!; set => throw null!; }

        public IEmbeddingGenerator? EmbeddingGenerator { get; set; }
    }

    public abstract class VectorStoreProperty
    {
        private protected VectorStoreProperty(string name, Type? type) => throw null!;

        public string Name { get; set; }

        public string? StorageName { get; set; }

        public Type? Type { get; set; }

        public Dictionary<string, object?>? ProviderAnnotations { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreKeyAttribute : Attribute
    {
        public string? StorageName { get; init; }

        public bool? IsAutoGenerated { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreDataAttribute : Attribute
    {
        public bool IsIndexed { get; init; }

        public bool IsFullTextIndexed { get; init; }

        public string? StorageName { get; init; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreVectorAttribute : Attribute
    {
        public VectorStoreVectorAttribute(int Dimensions) => throw null!;

        public int Dimensions { get; private set; }

        public string? IndexKind { get; init; }

        public string? DistanceFunction { get; init; }

        public string? StorageName { get; init; }
    }

    // ---- Older generation (9.0.0-preview.1.25161.1) ----

    public interface IVectorStore
    {
        IVectorStoreRecordCollection<TKey, TRecord> GetCollection<TKey, TRecord>(string name, VectorStoreRecordDefinition? vectorStoreRecordDefinition = null)
            where TKey : notnull;

        IAsyncEnumerable<string> ListCollectionNamesAsync(CancellationToken cancellationToken = default);
    }

    public interface IVectorStoreRecordCollection<TKey, TRecord> : IVectorizedSearch<TRecord>
        where TKey : notnull
    {
        string CollectionName { get; }

        Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default);

        Task CreateCollectionAsync(CancellationToken cancellationToken = default);

        Task CreateCollectionIfNotExistsAsync(CancellationToken cancellationToken = default);

        Task DeleteCollectionAsync(CancellationToken cancellationToken = default);

        Task<TRecord?> GetAsync(TKey key, GetRecordOptions? options = default, CancellationToken cancellationToken = default);

        IAsyncEnumerable<TRecord> GetBatchAsync(IEnumerable<TKey> keys, GetRecordOptions? options = default, CancellationToken cancellationToken = default);

        Task DeleteAsync(TKey key, CancellationToken cancellationToken = default);

        Task DeleteBatchAsync(IEnumerable<TKey> keys, CancellationToken cancellationToken = default);

        Task<TKey> UpsertAsync(TRecord record, CancellationToken cancellationToken = default);

        IAsyncEnumerable<TKey> UpsertBatchAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken = default);
    }

    public interface IVectorizedSearch<TRecord>
    {
        Task<VectorSearchResults<TRecord>> VectorizedSearchAsync<TVector>(
            TVector vector,
            VectorSearchOptions<TRecord>? options = default,
            CancellationToken cancellationToken = default);
    }

    public interface IVectorizableTextSearch<TRecord>
    {
        Task<VectorSearchResults<TRecord>> VectorizableTextSearchAsync(
            string searchText,
            VectorSearchOptions<TRecord>? options = default,
            CancellationToken cancellationToken = default);
    }

    public interface IKeywordHybridSearch<TRecord>
    {
        Task<VectorSearchResults<TRecord>> HybridSearchAsync<TVector>(
            TVector vector,
            ICollection<string> keywords,
            HybridSearchOptions<TRecord>? options = default,
            CancellationToken cancellationToken = default);
    }

    public class VectorSearchResults<TRecord>
    {
        public VectorSearchResults(IAsyncEnumerable<VectorSearchResult<TRecord>> results) => throw null!;

        public long? TotalCount { get; init; }

        public IReadOnlyDictionary<string, object?>? Metadata { get; init; }

        public IAsyncEnumerable<VectorSearchResult<TRecord>> Results { get; }
    }

    public class GetRecordOptions
    {
        public GetRecordOptions() => throw null!;

        public GetRecordOptions(GetRecordOptions source) => throw null!;

        public bool IncludeVectors { get; init; }
    }

    public sealed class VectorStoreRecordDefinition
    {
        public IReadOnlyList<VectorStoreRecordProperty> Properties { get => throw null!; init => throw null!; }
    }

    public abstract class VectorStoreRecordProperty
    {
        private protected VectorStoreRecordProperty(string dataModelPropertyName, Type propertyType) => throw null!;

        public string DataModelPropertyName { get; private set; }

        public string? StoragePropertyName { get; init; }

        public Type PropertyType { get; private set; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreRecordKeyAttribute : Attribute
    {
        public string? StoragePropertyName { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreRecordDataAttribute : Attribute
    {
        public bool IsFilterable { get; init; }

        public bool IsFullTextSearchable { get; init; }

        public string? StoragePropertyName { get; set; }
    }

    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
    public sealed class VectorStoreRecordVectorAttribute : Attribute
    {
        public VectorStoreRecordVectorAttribute() => throw null!;

        public VectorStoreRecordVectorAttribute(int Dimensions) => throw null!;

        public VectorStoreRecordVectorAttribute(int Dimensions, string? DistanceFunction) => throw null!;

        public VectorStoreRecordVectorAttribute(int Dimensions, string? DistanceFunction, string? IndexKind) => throw null!;

        public int? Dimensions { get; private set; }

        public string? IndexKind { get; private set; }

        public string? DistanceFunction { get; private set; }

        public string? StoragePropertyName { get; set; }
    }
}
