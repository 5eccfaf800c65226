namespace RagSample.Ingestion;

/// <summary>A document to ingest: a stable id (re-ingesting an id replaces it), a title and markdown text.</summary>
public sealed record SourceDocument(string Id, string Title, string Text);
