using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        private static IEnumerable<ApiEntry> VectorStoreEntries()
        {
            // Microsoft.Extensions.VectorData: the current abstract classes (9.5+) and the older interfaces (9.0 previews).
            const string VectorData = "Microsoft.Extensions.VectorData.Abstractions";
            const string Store = "Microsoft.Extensions.VectorData.VectorStore";
            const string Collection = "Microsoft.Extensions.VectorData.VectorStoreCollection`2";
            const string OldStore = "Microsoft.Extensions.VectorData.IVectorStore";
            const string OldCollection = "Microsoft.Extensions.VectorData.IVectorStoreRecordCollection`2";

            yield return Type(ApiRole.ThreadSafeClient, Store, VectorData);
            yield return Type(ApiRole.ThreadSafeClient, Collection, VectorData);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.VectorData.IVectorSearchable`1", VectorData);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.VectorData.IKeywordHybridSearchable`1", VectorData);
            yield return Type(ApiRole.ThreadSafeClient, OldStore, VectorData);
            yield return Type(ApiRole.ThreadSafeClient, OldCollection, VectorData);
            yield return Type(ApiRole.ThreadSafeClient, "Microsoft.Extensions.VectorData.IVectorizedSearch`1", VectorData);

            yield return Member(ApiRole.AiCall, Collection, "SearchAsync", VectorData);
            yield return Member(ApiRole.AiCall, Collection, "GetAsync", VectorData);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.VectorData.IVectorSearchable`1", "SearchAsync", VectorData);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.VectorData.IKeywordHybridSearchable`1", "HybridSearchAsync", VectorData);
            yield return Member(ApiRole.AiCall, OldCollection, "GetAsync", VectorData);
            yield return Member(ApiRole.AiCall, OldCollection, "GetBatchAsync", VectorData);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.VectorData.IVectorizedSearch`1", "VectorizedSearchAsync", VectorData);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.VectorData.IVectorizableTextSearch`1", "VectorizableTextSearchAsync", VectorData);
            yield return Member(ApiRole.AiCall, "Microsoft.Extensions.VectorData.IKeywordHybridSearch`1", "HybridSearchAsync", VectorData);

            // Index writes (VectorStore.GetCollection only hands out a collection object and is not one).
            yield return Member(ApiRole.IndexWrite, Store, "EnsureCollectionDeletedAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, Collection, "UpsertAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, Collection, "DeleteAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, Collection, "EnsureCollectionExistsAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, Collection, "EnsureCollectionDeletedAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "UpsertAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "UpsertBatchAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "DeleteAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "DeleteBatchAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "CreateCollectionAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "CreateCollectionIfNotExistsAsync", VectorData);
            yield return Member(ApiRole.IndexWrite, OldCollection, "DeleteCollectionAsync", VectorData);

            // Qdrant.Client: the client and (since 1.16.1) its interface.
            const string Qdrant = "Qdrant.Client";
            foreach (var client in new[] { "Qdrant.Client.QdrantClient", "Qdrant.Client.IQdrantClient" })
            {
                yield return Type(ApiRole.ThreadSafeClient, client, Qdrant);
                yield return Member(ApiRole.AiCall, client, "SearchAsync", Qdrant);
                yield return Member(ApiRole.AiCall, client, "QueryAsync", Qdrant);
                yield return Member(ApiRole.IndexWrite, client, "UpsertAsync", Qdrant);
                yield return Member(ApiRole.IndexWrite, client, "DeleteAsync", Qdrant);
                yield return Member(ApiRole.IndexWrite, client, "CreateCollectionAsync", Qdrant);
                yield return Member(ApiRole.IndexWrite, client, "RecreateCollectionAsync", Qdrant);
                yield return Member(ApiRole.IndexWrite, client, "DeleteCollectionAsync", Qdrant);
            }

            yield return Parameter(ApiRole.TimeoutOption, "Qdrant.Client.QdrantClient", ".ctor", "grpcTimeout", Qdrant);
            yield return Parameter(ApiRole.CredentialParameter, "Qdrant.Client.QdrantClient", ".ctor", "apiKey", Qdrant);

            // Pinecone.Client (assembly "Pinecone", 4.x): the data-plane writes of IndexClient.
            const string Pinecone = "Pinecone";
            foreach (var write in new[] { "UpsertAsync", "DeleteAsync", "UpdateAsync" })
            {
                yield return Member(ApiRole.IndexWrite, "Pinecone.IndexClient", write, Pinecone);
            }

            // Microsoft.Extensions.DataIngestion (VectorStoreWriter<T>.WriteAsync): not catalogued until the assemblies of its
            // types are verified against the package.
        }
    }
}
