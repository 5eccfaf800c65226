using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using RagSample.Indexing;

namespace RagSample.Ingestion;

/// <summary>
/// The index's only writer. At start-up it ingests <see cref="RagSettings.DataDirectory"/>, then drains the
/// <see cref="IngestionQueue"/>. Each round chunks the documents, embeds the chunks in bounded batches and upserts them
/// into the collection in one write; requests keep searching the previous snapshot meanwhile.
/// </summary>
public sealed partial class IngestionService(
    IngestionQueue queue,
    VectorStoreCollection<string, DocumentChunk> chunks,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    RagSettings settings,
    ILogger<IngestionService> logger) : BackgroundService
{
    /// <summary>Documents ingested together when the queue holds several.</summary>
    private const int DocumentsPerRound = 32;

    private volatile bool _isReady;

    /// <summary>True once the documents of the data directory are searchable.</summary>
    public bool IsReady => _isReady;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await chunks.EnsureCollectionExistsAsync(stoppingToken);
        var initial = await ReadDirectoryAsync(settings.DataDirectory, stoppingToken);
        await IngestSafelyAsync(initial, stoppingToken);
        _isReady = true;
        LogReady(initial.Count);

        var round = new List<SourceDocument>(DocumentsPerRound);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            round.Clear();
            while (round.Count < DocumentsPerRound && queue.Reader.TryRead(out var document))
            {
                round.Add(document);
            }

            await IngestSafelyAsync(round, stoppingToken);
        }
    }

    private async Task IngestSafelyAsync(IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken)
    {
        try
        {
            await IngestAsync(documents, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(exception, documents.Count);
        }
    }

    private async Task IngestAsync(IReadOnlyList<SourceDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var pieces = documents.SelectMany(d => Chunker.Chunk(d, settings.ChunkCharacters)).ToList();
        var records = new List<DocumentChunk>(pieces.Count);
        foreach (var batch in pieces.Chunk(Math.Max(1, settings.EmbeddingBatchSize)))
        {
            var embeddings = await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var (document, ordinal, text) = batch[i];
                records.Add(new DocumentChunk(DocumentChunk.KeyOf(document.Id, ordinal), document.Id, document.Title, ordinal, text, embeddings[i].Vector));
            }
        }

        // Upsert first, then drop the chunks that a shorter new version of a document no longer has: a search in
        // between may see a few of the old version's surplus chunks, but never a document with chunks missing.
        await chunks.UpsertAsync(records, cancellationToken);
        var ingested = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var current = records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var stale = new List<string>();
        await foreach (var chunk in chunks.GetAsync(c => ingested.Contains(c.DocumentId), int.MaxValue, cancellationToken: cancellationToken))
        {
            if (!current.Contains(chunk.Key))
            {
                stale.Add(chunk.Key);
            }
        }

        await chunks.DeleteAsync(stale, cancellationToken);
        LogIngested(documents.Count, records.Count, stale.Count);
    }

    private static async Task<IReadOnlyList<SourceDocument>> ReadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var documents = new List<SourceDocument>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.md").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(path, cancellationToken);
            documents.Add(new SourceDocument(Path.GetFileNameWithoutExtension(path), TitleOf(text, path), text));
        }

        return documents;
    }

    internal static string TitleOf(string text, string fallback)
    {
        var heading = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal));
        return heading is null ? Path.GetFileNameWithoutExtension(fallback) : heading[2..].Trim();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: the {Documents} documents of the data directory are searchable")]
    private partial void LogReady(int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Documents} documents as {Chunks} chunks; {Stale} chunks of earlier versions removed")]
    private partial void LogIngested(int documents, int chunks, int stale);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {Documents} documents failed; the index keeps its previous version")]
    private partial void LogFailed(Exception exception, int documents);
}
