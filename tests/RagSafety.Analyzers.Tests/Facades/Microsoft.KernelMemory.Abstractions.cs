// Facade of the public API of Microsoft.KernelMemory.Abstractions 0.98 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.KernelMemory.Abstractions; served libraries are referenced for real.
// Assembly: Microsoft.KernelMemory.Abstractions, Version=0.98.0.0
#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.KernelMemory.Context;

namespace Microsoft.KernelMemory
{
    public interface IKernelMemory
    {
        public Task<string> ImportDocumentAsync(
            Document document,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<string> ImportDocumentAsync(
            string filePath,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<string> ImportDocumentAsync(
            DocumentUploadRequest uploadRequest,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<string> ImportDocumentAsync(
            Stream content,
            string? fileName = null,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<string> ImportTextAsync(
            string text,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<string> ImportWebPageAsync(
            string url,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public Task<IEnumerable<IndexDetails>> ListIndexesAsync(CancellationToken cancellationToken = default);

        public Task DeleteIndexAsync(
            string? index = null,
            CancellationToken cancellationToken = default);

        public Task DeleteDocumentAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default);

        public Task<bool> IsDocumentReadyAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default);

        public Task<DataPipelineStatus?> GetDocumentStatusAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default);

        public Task<StreamableFileContent> ExportFileAsync(
            string documentId,
            string fileName,
            string? index = null,
            CancellationToken cancellationToken = default);

        public Task<SearchResult> SearchAsync(
            string query,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            double minRelevance = 0,
            int limit = -1,
            IContext? context = null,
            CancellationToken cancellationToken = default);

        public IAsyncEnumerable<MemoryAnswer> AskStreamingAsync(
            string question,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            double minRelevance = 0,
            SearchOptions? options = null,
            IContext? context = null,
            CancellationToken cancellationToken = default);
    }

    public static class KernelMemoryExtensions
    {
        public static Task<MemoryAnswer> AskAsync(
            this IKernelMemory memory,
            string question,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            double minRelevance = 0,
            SearchOptions? options = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public static Task<List<Citation>> SearchSummariesAsync(
            this IKernelMemory memory,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            CancellationToken cancellationToken = default) => throw null!;
    }

    public interface IKernelMemoryBuilder
    {
        public IKernelMemory Build(KernelMemoryBuilderBuildOptions? options = null);

        public T Build<T>(KernelMemoryBuilderBuildOptions? options = null) where T : class, IKernelMemory;

        public IKernelMemoryBuilder AddSingleton<TService>(TService implementationInstance)
            where TService : class;

        public IKernelMemoryBuilder AddSingleton<TService, TImplementation>()
            where TService : class
            where TImplementation : class, TService;

        public IKernelMemoryBuilder WithoutDefaultHandlers();
    }

    public sealed class KernelMemoryBuilderBuildOptions
    {
        public static readonly KernelMemoryBuilderBuildOptions Default = null!;

        public static readonly KernelMemoryBuilderBuildOptions WithVolatileAndPersistentData = null!;

        public bool AllowMixingVolatileAndPersistentData { get; set; }
    }

    public class Document
    {
        public Document(string? id = null, TagCollection? tags = null, IEnumerable<string>? filePaths = null) => throw null!;

        public string Id { get => throw null!; set => throw null!; }

        public TagCollection Tags { get => throw null!; }

        public Document AddTag(string name, string value) => throw null!;

        public Document AddFile(string filePath) => throw null!;

        public Document AddFiles(IEnumerable<string>? filePaths) => throw null!;

        public Document AddFiles(string[]? filePaths) => throw null!;

        public Document AddStream(string? fileName, Stream content) => throw null!;
    }

    public class DocumentUploadRequest
    {
        public class UploadedFile
        {
            public UploadedFile() => throw null!;

            public UploadedFile(string fileName, Stream fileContent) => throw null!;

            public string FileName { get; set; } = null!;

            public Stream FileContent { get; set; } = null!;
        }

        public DocumentUploadRequest() => throw null!;

        public DocumentUploadRequest(Document document, string? index = null, IEnumerable<string>? steps = null) => throw null!;

        public string Index { get; set; } = null!;

        public string DocumentId { get; set; } = null!;

        public TagCollection Tags { get; set; } = null!;

        public List<UploadedFile> Files { get; set; } = null!;

        public List<string> Steps { get; set; } = null!;
    }

    public class TagCollection : IDictionary<string, List<string?>>
    {
        public ICollection<string> Keys => throw null!;

        public ICollection<List<string?>> Values => throw null!;

        public IEnumerable<KeyValuePair<string, string?>> Pairs => throw null!;

        public int Count => throw null!;

        public bool IsReadOnly => throw null!;

        public List<string?> this[string key] { get => throw null!; set => throw null!; }

        public IEnumerator<KeyValuePair<string, List<string?>>> GetEnumerator() => throw null!;

        IEnumerator IEnumerable.GetEnumerator() => throw null!;

        public void Add(KeyValuePair<string, List<string?>> item) => throw null!;

        public void Add(string key) => throw null!;

        public void Add(string key, string? value) => throw null!;

        public void Add(string key, List<string?> value) => throw null!;

        public bool TryGetValue(string key, out List<string?> value) => throw null!;

        public bool Contains(KeyValuePair<string, List<string?>> item) => throw null!;

        public bool ContainsKey(string key) => throw null!;

        public void CopyTo(KeyValuePair<string, List<string?>>[] array, int arrayIndex) => throw null!;

        public void CopyTo(TagCollection tagCollection) => throw null!;

        public IEnumerable<KeyValuePair<string, string?>> ToKeyValueList() => throw null!;

        public bool Remove(KeyValuePair<string, List<string?>> item) => throw null!;

        public bool Remove(string key) => throw null!;

        public void Clear() => throw null!;
    }

    public class MemoryFilter : TagCollection
    {
        public bool IsEmpty() => throw null!;

        public MemoryFilter ByTag(string name, string value) => throw null!;

        public MemoryFilter ByDocument(string docId) => throw null!;

        public IEnumerable<KeyValuePair<string, string?>> GetFilters() => throw null!;
    }

    public static class MemoryFilters
    {
        public static MemoryFilter ByTag(string name, string value) => throw null!;

        public static MemoryFilter ByDocument(string docId) => throw null!;
    }

    public sealed class SearchOptions
    {
        public bool Stream { get; set; }
    }

    public class MemoryAnswer
    {
        public string Question { get; set; } = null!;

        public bool NoResult { get; set; }

        public string? NoResultReason { get; set; }

        public string Result { get; set; } = null!;

        public List<Citation> RelevantSources { get; set; } = null!;
    }

    public class SearchResult
    {
        public string Query { get; set; } = null!;

        public bool NoResult => throw null!;

        public List<Citation> Results { get; set; } = null!;
    }

    public class Citation
    {
        public class Partition
        {
            public string Text { get; set; } = null!;

            public float Relevance { get; set; }

            public int PartitionNumber { get; set; }

            public int SectionNumber { get; set; }

            public DateTimeOffset LastUpdate { get; set; }
        }

        public string Link { get; set; } = null!;

        public string Index { get; set; } = null!;

        public string DocumentId { get; set; } = null!;

        public string FileId { get; set; } = null!;

        public string SourceContentType { get; set; } = null!;

        public string SourceName { get; set; } = null!;

        public string? SourceUrl { get; set; }

        public List<Partition> Partitions { get; set; } = null!;
    }

    public class IndexDetails
    {
        public string Name { get; set; } = null!;
    }

    public class DataPipelineStatus
    {
        public bool Completed { get; set; }

        public bool Empty { get; set; }

        public string Index { get; set; } = null!;

        public string DocumentId { get; set; } = null!;

        public TagCollection Tags { get; set; } = null!;

        public DateTimeOffset Creation { get; set; }

        public DateTimeOffset LastUpdate { get; set; }

        public List<string> Steps { get; set; } = null!;

        public List<string> RemainingSteps { get; set; } = null!;

        public List<string> CompletedSteps { get; set; } = null!;
    }

    public sealed class StreamableFileContent : IDisposable
    {
        public StreamableFileContent() => throw null!;

        public StreamableFileContent(
            string fileName,
            long fileSize,
            string fileType = "application/octet-stream",
            DateTimeOffset lastWriteTimeUtc = default,
            Func<Task<Stream>>? asyncStreamDelegate = null) => throw null!;

        public string FileName { get; } = null!;

        public long FileSize { get; }

        public string FileType { get; } = null!;

        public DateTimeOffset LastWrite { get; }

        public Func<Task<Stream>> GetStreamAsync { get; } = null!;

        public void Dispose() => throw null!;
    }
}

namespace Microsoft.KernelMemory.Context
{
    public interface IContext
    {
        IDictionary<string, object?> Arguments { get; set; }
    }
}

namespace Microsoft.KernelMemory.AI
{
    [Experimental("KMEXP00")]
    public interface ITextTokenizer
    {
        public int CountTokens(string text);

        IReadOnlyList<string> GetTokens(string text);
    }
}
