using System.Threading.Channels;

namespace RagSample.Ingestion;

/// <summary>
/// Documents waiting for ingestion. Request handlers only enqueue (never touching the live index); the
/// <see cref="IngestionService"/> is the single reader. Bounded: when full, callers are told to come back later.
/// </summary>
public sealed class IngestionQueue(RagSettings settings)
{
    private readonly Channel<SourceDocument> _channel = Channel.CreateBounded<SourceDocument>(
        new BoundedChannelOptions(Math.Max(1, settings.IngestionQueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>Queues <paramref name="document"/>; false when the queue is full.</summary>
    public bool TryEnqueue(SourceDocument document) => _channel.Writer.TryWrite(document);

    internal ChannelReader<SourceDocument> Reader => _channel.Reader;
}
