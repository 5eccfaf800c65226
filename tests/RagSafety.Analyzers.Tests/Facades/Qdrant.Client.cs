// Facade of the public API of Qdrant.Client 1.18 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Qdrant.Client, Version=1.0.0.0
// The Qdrant.Client.Grpc message types are generated from Qdrant's .proto files; here they keep their names, a few
// properties and the hand-written implicit conversions, without the Google.Protobuf interfaces.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace Qdrant.Client
{
    public interface IQdrantClient
    {
        Task CreateCollectionAsync(
            string collectionName,
            VectorParams vectorsConfig,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task CreateCollectionAsync(
            string collectionName,
            VectorParamsMap? vectorsConfig = null,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task RecreateCollectionAsync(
            string collectionName,
            VectorParams vectorsConfig,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task RecreateCollectionAsync(
            string collectionName,
            VectorParamsMap? vectorsConfig = null,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default);

        Task DeleteCollectionAsync(
            string collectionName,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task<bool> CollectionExistsAsync(
            string collectionName,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> UpsertAsync(
            string collectionName,
            IReadOnlyList<PointStruct> points,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            ulong id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<ulong> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            Guid id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<Guid> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            PointId id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<PointId> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<UpdateResult> DeleteAsync(
            string collectionName,
            Filter filter,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default);

        Task<IReadOnlyList<ScoredPoint>> SearchAsync(
            string collectionName,
            ReadOnlyMemory<float> vector,
            Filter? filter = null,
            SearchParams? searchParams = null,
            ulong limit = 10,
            ulong offset = 0,
            WithPayloadSelector? payloadSelector = null,
            WithVectorsSelector? vectorsSelector = null,
            float? scoreThreshold = null,
            string? vectorName = null,
            ReadConsistency? readConsistency = null,
            ShardKeySelector? shardKeySelector = null,
            ReadOnlyMemory<uint>? sparseIndices = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);

        Task<IReadOnlyList<ScoredPoint>> QueryAsync(
            string collectionName,
            Query? query = null,
            IReadOnlyList<PrefetchQuery>? prefetch = null,
            string? usingVector = null,
            Filter? filter = null,
            float? scoreThreshold = null,
            SearchParams? searchParams = null,
            ulong limit = 10,
            ulong offset = 0,
            WithPayloadSelector? payloadSelector = null,
            WithVectorsSelector? vectorsSelector = null,
            ReadConsistency? readConsistency = null,
            ShardKeySelector? shardKeySelector = null,
            LookupLocation? lookupFrom = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default);
    }

    public class QdrantClient : IQdrantClient, IDisposable
    {
        public QdrantClient(
            string host,
            int port = 6334,
            bool https = false,
            string? apiKey = null,
            TimeSpan grpcTimeout = default,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public QdrantClient(
            string host,
            int port,
            bool https,
            string? apiKey,
            TimeSpan grpcTimeout,
            ILoggerFactory? loggerFactory,
            IDictionary<string, string>? headers) => throw null!;

        public QdrantClient(
            System.Uri address,
            string? apiKey = null,
            TimeSpan grpcTimeout = default,
            ILoggerFactory? loggerFactory = null) => throw null!;

        public QdrantClient(
            System.Uri address,
            string? apiKey,
            TimeSpan grpcTimeout,
            ILoggerFactory? loggerFactory,
            IDictionary<string, string>? headers) => throw null!;

        public Task CreateCollectionAsync(
            string collectionName,
            VectorParams vectorsConfig,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task CreateCollectionAsync(
            string collectionName,
            VectorParamsMap? vectorsConfig = null,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task RecreateCollectionAsync(
            string collectionName,
            VectorParams vectorsConfig,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task RecreateCollectionAsync(
            string collectionName,
            VectorParamsMap? vectorsConfig = null,
            uint shardNumber = 1,
            uint replicationFactor = 1,
            uint writeConsistencyFactor = 1,
            bool onDiskPayload = false,
            HnswConfigDiff? hnswConfig = null,
            OptimizersConfigDiff? optimizersConfig = null,
            WalConfigDiff? walConfig = null,
            QuantizationConfig? quantizationConfig = null,
            string? initFromCollection = null,
            ShardingMethod? shardingMethod = null,
            SparseVectorConfig? sparseVectorsConfig = null,
            StrictModeConfig? strictModeConfig = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken = default) => throw null!;

        public Task DeleteCollectionAsync(
            string collectionName,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<bool> CollectionExistsAsync(
            string collectionName,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> UpsertAsync(
            string collectionName,
            IReadOnlyList<PointStruct> points,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> UpsertAsync(
            string collectionName,
            IReadOnlyList<PointStruct> points,
            Filter? updateFilter,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> UpsertAsync(
            UpsertPoints request,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            ulong id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<ulong> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            Guid id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<Guid> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            PointId id,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            IReadOnlyList<PointId> ids,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResult> DeleteAsync(
            string collectionName,
            Filter filter,
            bool wait = true,
            WriteOrderingType? ordering = null,
            ShardKeySelector? shardKeySelector = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IReadOnlyList<ScoredPoint>> SearchAsync(
            string collectionName,
            ReadOnlyMemory<float> vector,
            Filter? filter = null,
            SearchParams? searchParams = null,
            ulong limit = 10,
            ulong offset = 0,
            WithPayloadSelector? payloadSelector = null,
            WithVectorsSelector? vectorsSelector = null,
            float? scoreThreshold = null,
            string? vectorName = null,
            ReadConsistency? readConsistency = null,
            ShardKeySelector? shardKeySelector = null,
            ReadOnlyMemory<uint>? sparseIndices = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IReadOnlyList<ScoredPoint>> QueryAsync(
            string collectionName,
            Query? query = null,
            IReadOnlyList<PrefetchQuery>? prefetch = null,
            string? usingVector = null,
            Filter? filter = null,
            float? scoreThreshold = null,
            SearchParams? searchParams = null,
            ulong limit = 10,
            ulong offset = 0,
            WithPayloadSelector? payloadSelector = null,
            WithVectorsSelector? vectorsSelector = null,
            ReadConsistency? readConsistency = null,
            ShardKeySelector? shardKeySelector = null,
            LookupLocation? lookupFrom = null,
            TimeSpan? timeout = null,
            CancellationToken cancellationToken = default) => throw null!;

        public void Dispose() => throw null!;
    }
}

namespace Qdrant.Client.Grpc
{
    public enum Distance
    {
        UnknownDistance = 0,
        Cosine = 1,
        Euclid = 2,
        Dot = 3,
        Manhattan = 4,
    }

    public enum UpdateStatus
    {
        UnknownUpdateStatus = 0,
        Acknowledged = 1,
        Completed = 2,
        ClockRejected = 3,
    }

    public enum WriteOrderingType
    {
        Weak = 0,
        Medium = 1,
        Strong = 2,
    }

    public enum ShardingMethod
    {
        Auto = 0,
        Custom = 1,
    }

    public sealed partial class VectorParams
    {
        public VectorParams() => throw null!;

        public ulong Size { get => throw null!; set => throw null!; }

        public Distance Distance { get => throw null!; set => throw null!; }
    }

    public sealed partial class PointId
    {
        public PointId() => throw null!;

        public ulong Num { get => throw null!; set => throw null!; }

        public string Uuid { get => throw null!; set => throw null!; }

        public static implicit operator PointId(ulong id) => throw null!;

        public static implicit operator PointId(Guid id) => throw null!;
    }

    public sealed partial class Vectors
    {
        public Vectors() => throw null!;

        public static implicit operator Vectors(float[] values) => throw null!;
    }

    public sealed partial class PointStruct
    {
        public PointStruct() => throw null!;

        public PointId Id { get => throw null!; set => throw null!; }

        public Vectors Vectors { get => throw null!; set => throw null!; }
    }

    public sealed partial class ScoredPoint
    {
        public ScoredPoint() => throw null!;

        public PointId Id { get => throw null!; set => throw null!; }

        public float Score { get => throw null!; set => throw null!; }

        public ulong Version { get => throw null!; set => throw null!; }
    }

    public sealed partial class UpdateResult
    {
        public UpdateResult() => throw null!;

        public ulong OperationId { get => throw null!; set => throw null!; }

        public UpdateStatus Status { get => throw null!; set => throw null!; }
    }

    public sealed partial class UpsertPoints
    {
        public UpsertPoints() => throw null!;

        public string CollectionName { get => throw null!; set => throw null!; }

        public bool Wait { get => throw null!; set => throw null!; }
    }

    public sealed partial class Filter
    {
        public Filter() => throw null!;
    }

    public sealed partial class Query
    {
        public Query() => throw null!;

        public static implicit operator Query(PointId id) => throw null!;

        public static implicit operator Query(ulong id) => throw null!;

        public static implicit operator Query(Guid id) => throw null!;

        public static implicit operator Query(float[] values) => throw null!;
    }

    public sealed partial class HnswConfigDiff
    {
        public HnswConfigDiff() => throw null!;
    }

    public sealed partial class OptimizersConfigDiff
    {
        public OptimizersConfigDiff() => throw null!;
    }

    public sealed partial class WalConfigDiff
    {
        public WalConfigDiff() => throw null!;
    }

    public sealed partial class QuantizationConfig
    {
        public QuantizationConfig() => throw null!;
    }

    public sealed partial class SparseVectorConfig
    {
        public SparseVectorConfig() => throw null!;
    }

    public sealed partial class StrictModeConfig
    {
        public StrictModeConfig() => throw null!;
    }

    public sealed partial class ShardKeySelector
    {
        public ShardKeySelector() => throw null!;
    }

    public sealed partial class SearchParams
    {
        public SearchParams() => throw null!;
    }

    public sealed partial class WithPayloadSelector
    {
        public WithPayloadSelector() => throw null!;
    }

    public sealed partial class WithVectorsSelector
    {
        public WithVectorsSelector() => throw null!;
    }

    public sealed partial class ReadConsistency
    {
        public ReadConsistency() => throw null!;
    }

    public sealed partial class LookupLocation
    {
        public LookupLocation() => throw null!;
    }

    public sealed partial class PrefetchQuery
    {
        public PrefetchQuery() => throw null!;
    }

    public sealed partial class VectorParamsMap
    {
        public VectorParamsMap() => throw null!;
    }
}
