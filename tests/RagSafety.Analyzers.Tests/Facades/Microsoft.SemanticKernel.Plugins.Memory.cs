// Facade of the public API of Microsoft.SemanticKernel.Plugins.Memory 1.66.0-alpha (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.SemanticKernel.Plugins.Memory; served libraries are referenced for real.
// Assembly: Microsoft.SemanticKernel.Plugins.Memory, Version=1.66.0.0
// References: Microsoft.SemanticKernel.Abstractions
// The whole assembly is [Experimental("SKEXP0050")], as in the library. MemoryBuilder and SemanticTextMemory are in Microsoft.SemanticKernel.Core.
#nullable enable
#pragma warning disable SKEXP0001
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;

[assembly: Experimental("SKEXP0050")]

namespace Microsoft.SemanticKernel.Memory
{
    public class VolatileMemoryStore : IMemoryStore
    {
        public Task CreateCollectionAsync(string collectionName, CancellationToken cancellationToken = default) => throw null!;

        public Task<bool> DoesCollectionExistAsync(string collectionName, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<string> GetCollectionsAsync(CancellationToken cancellationToken = default) => throw null!;

        public Task DeleteCollectionAsync(string collectionName, CancellationToken cancellationToken = default) => throw null!;

        public Task<string> UpsertAsync(string collectionName, MemoryRecord record, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<string> UpsertBatchAsync(string collectionName, IEnumerable<MemoryRecord> records, CancellationToken cancellationToken = default) => throw null!;

        public Task<MemoryRecord?> GetAsync(string collectionName, string key, bool withEmbedding = false, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<MemoryRecord> GetBatchAsync(string collectionName, IEnumerable<string> keys, bool withEmbeddings = false, CancellationToken cancellationToken = default) => throw null!;

        public Task RemoveAsync(string collectionName, string key, CancellationToken cancellationToken = default) => throw null!;

        public Task RemoveBatchAsync(string collectionName, IEnumerable<string> keys, CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<(MemoryRecord, double)> GetNearestMatchesAsync(
            string collectionName,
            ReadOnlyMemory<float> embedding,
            int limit,
            double minRelevanceScore = 0.0,
            bool withEmbeddings = false,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<(MemoryRecord, double)?> GetNearestMatchAsync(
            string collectionName,
            ReadOnlyMemory<float> embedding,
            double minRelevanceScore = 0.0,
            bool withEmbedding = false,
            CancellationToken cancellationToken = default) => throw null!;

        protected bool TryGetCollection(string name, [NotNullWhen(true)] out ConcurrentDictionary<string, MemoryRecord>? collection, bool create = false) => throw null!;
    }
}
