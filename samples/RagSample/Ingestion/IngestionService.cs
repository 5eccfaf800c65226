using Microsoft.Extensions.AI;
using RagSample.Indexing;

namespace RagSample.Ingestion;

/// <summary>
/// The index's only writer. At start-up it ingests <see cref="RagSettings.DataDirectory"/>, then drains the
/// <see cref="IngestionQueue"/>. Each round chunks the documents, embeds the chunks in bounded batches and publishes a
/// new snapshot; requests keep reading the previous one meanwhile.
/// </summary>
public sealed partial class IngestionService(
    IngestionQueue queue,
    VectorIndex index,
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
        var initial = await ReadDirectoryAsync(settings.DataDirectory, stoppingToken);
        await IngestSafelyAsync(initial, stoppingToken);
        _isReady = true;
        LogReady(index.Current.DocumentCount, index.Current.Chunks.Length);

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

        var chunks = documents.SelectMany(d => Chunker.Chunk(d, settings.ChunkCharacters)).ToList();
        var indexed = new List<IndexedChunk>(chunks.Count);
        foreach (var batch in chunks.Chunk(Math.Max(1, settings.EmbeddingBatchSize)))
        {
            var embeddings = await embedder.GenerateAsync(batch.Select(c => c.Text), cancellationToken: cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var (document, ordinal, text) = batch[i];
                indexed.Add(new IndexedChunk(document.Id, document.Title, ordinal, text, embeddings[i].Vector));
            }
        }

        index.Publish(index.Current.With(indexed));
        LogPublished(documents.Count, indexed.Count, index.Current.Version);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Index ready: {Documents} documents, {Chunks} chunks")]
    private partial void LogReady(int documents, int chunks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Documents} documents as {Chunks} chunks; index version {Version}")]
    private partial void LogPublished(int documents, int chunks, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {Documents} documents failed; the index keeps its previous version")]
    private partial void LogFailed(Exception exception, int documents);
}
