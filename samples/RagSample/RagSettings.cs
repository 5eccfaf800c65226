namespace RagSample;

/// <summary>
/// The service's knobs, bound from configuration (section <c>Rag</c>; environment variables <c>Rag__TopK</c>, ...).
/// </summary>
public sealed class RagSettings
{
    /// <summary>Folder whose <c>*.md</c> files are ingested at start-up.</summary>
    public string DataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>Chunks retrieved per question.</summary>
    public int TopK { get; set; } = 4;

    /// <summary>Target chunk size in characters (chunks end on a paragraph or sentence boundary).</summary>
    public int ChunkCharacters { get; set; } = 400;

    /// <summary>Texts sent to the embedding model per call during ingestion.</summary>
    public int EmbeddingBatchSize { get; set; } = 16;

    /// <summary>Documents the ingestion queue holds before <c>POST /documents</c> answers 503.</summary>
    public int IngestionQueueCapacity { get; set; } = 256;

    /// <summary>Model calls (chat and embeddings together) in flight at once, across all requests.</summary>
    public int MaxModelConcurrency { get; set; } = 4;

    /// <summary>Upper bound of one model call, waiting for a slot included.</summary>
    public int ModelTimeoutSeconds { get; set; } = 60;
}
