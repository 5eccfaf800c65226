namespace RagSample.Indexing;

/// <summary>
/// The in-memory vector index: the current <see cref="IndexSnapshot"/> behind a volatile reference. The query path only
/// reads <see cref="Current"/>; only the ingestion service publishes, so there is a single writer and no lock.
/// </summary>
public sealed class VectorIndex
{
    private volatile IndexSnapshot _current = IndexSnapshot.Empty;

    public IndexSnapshot Current => _current;

    /// <summary>Replaces the snapshot readers see. Called by the ingestion service only.</summary>
    internal void Publish(IndexSnapshot next) => _current = next;
}
