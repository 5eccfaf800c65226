// Facade of the public API of Microsoft.Extensions.VectorData.Abstractions 9.0.0-preview.1.25161.1, the interface generation
// (IVectorStore, IVectorStoreRecordCollection, UpsertBatchAsync, …) that NuGet does not serve here (subset used by
// RagSafety.Analyzers tests). Names and signatures only. The current generation (VectorStore, VectorStoreCollection) is
// tested on the real package; this stands in for it under TestLibraries.VectorDataPreview.
// Assembly: Microsoft.Extensions.VectorData.Abstractions, Version=9.0.0.0
#nullable enable
using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Extensions.VectorData
{
    public sealed class VectorSearchResult<TRecord>
    {
        public VectorSearchResult(TRecord record, double? score) => throw null!;

        public TRecord Record { get; }

        public double? Score { get; }
    }

    public class VectorSearchOptions<TRecord>
    {
        public Expression<Func<TRecord, bool>>? Filter { get; init; }

        public Expression<Func<TRecord, object?>>? VectorProperty { get; init; }

        public int Top { get; init; }

        public int Skip { get; init; }

        public bool IncludeVectors { get; init; }

        public bool IncludeTotalCount { get; init; }
    }

    public class HybridSearchOptions<TRecord>
    {
        public Expression<Func<TRecord, bool>>? Filter { get; init; }

        public Expression<Func<TRecord, object?>>? VectorProperty { get; init; }

        public Expression<Func<TRecord, object?>>? AdditionalProperty { get; init; }

        public int Top { get; init; }

        public int Skip { get; init; }

        public bool IncludeVectors { get; init; }

        public bool IncludeTotalCount { get; init; }
    }

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
