namespace RagSample.Indexing;

/// <summary>
/// One embedded chunk of a document, the record type of the <see cref="SnapshotChunkCollection"/>. Its key is
/// <see cref="KeyOf"/>(document, ordinal), so ingesting a document again overwrites its chunks. The embedding has unit
/// length, so a dot product is the cosine similarity.
/// </summary>
/// <remarks>
/// It carries no VectorData attributes: the sample's collection reads these properties directly. A store connector
/// would be given a <c>VectorStoreCollectionDefinition</c> instead, since the vector's dimensions depend on which
/// embedding model is configured.
/// </remarks>
public sealed record DocumentChunk(string Key, string DocumentId, string Title, int Ordinal, string Text, ReadOnlyMemory<float> Embedding)
{
    public static string KeyOf(string documentId, int ordinal) => $"{documentId}#{ordinal}";
}
