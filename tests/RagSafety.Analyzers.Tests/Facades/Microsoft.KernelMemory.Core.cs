// Facade of the public API of Microsoft.KernelMemory.Core 0.98 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// A facade because the package registry these tests restore from does not serve Microsoft.KernelMemory.Core; served libraries are referenced for real.
// Assembly: Microsoft.KernelMemory.Core, Version=0.98.0.0
// References: Microsoft.KernelMemory.Abstractions
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.KernelMemory.Context;

namespace Microsoft.KernelMemory
{
    // The public constructor takes Core pipeline types (InProcessPipelineOrchestrator, ISearchClient, ...) that this facade leaves out;
    // instances come from KernelMemoryBuilder.Build<MemoryServerless>().
    public sealed class MemoryServerless : IKernelMemory
    {
        private MemoryServerless() => throw null!;

        public Task<string> ImportDocumentAsync(
            Document document,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> ImportDocumentAsync(
            string filePath,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> ImportDocumentAsync(
            DocumentUploadRequest uploadRequest,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> ImportDocumentAsync(
            Stream content,
            string? fileName = null,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> ImportTextAsync(
            string text,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<string> ImportWebPageAsync(
            string url,
            string? documentId = null,
            TagCollection? tags = null,
            string? index = null,
            IEnumerable<string>? steps = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<IEnumerable<IndexDetails>> ListIndexesAsync(CancellationToken cancellationToken = default) => throw null!;

        public Task DeleteIndexAsync(
            string? index = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task DeleteDocumentAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<bool> IsDocumentReadyAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<DataPipelineStatus?> GetDocumentStatusAsync(
            string documentId,
            string? index = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<StreamableFileContent> ExportFileAsync(
            string documentId,
            string fileName,
            string? index = null,
            CancellationToken cancellationToken = default) => throw null!;

        public Task<SearchResult> SearchAsync(
            string query,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            double minRelevance = 0,
            int limit = -1,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;

        public IAsyncEnumerable<MemoryAnswer> AskStreamingAsync(
            string question,
            string? index = null,
            MemoryFilter? filter = null,
            ICollection<MemoryFilter>? filters = null,
            double minRelevance = 0,
            SearchOptions? options = null,
            IContext? context = null,
            CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class KernelMemoryBuilder : IKernelMemoryBuilder
    {
        public KernelMemoryBuilder(IServiceCollection? hostServiceCollection = null) => throw null!;

        public IKernelMemory Build(KernelMemoryBuilderBuildOptions? options = null) => throw null!;

        public T Build<T>(KernelMemoryBuilderBuildOptions? options = null) where T : class, IKernelMemory => throw null!;

        public IKernelMemoryBuilder AddSingleton<TService>(TService implementationInstance)
            where TService : class => throw null!;

        public IKernelMemoryBuilder AddSingleton<TService, TImplementation>()
            where TService : class
            where TImplementation : class, TService => throw null!;

        public IKernelMemoryBuilder WithoutDefaultHandlers() => throw null!;
    }
}
