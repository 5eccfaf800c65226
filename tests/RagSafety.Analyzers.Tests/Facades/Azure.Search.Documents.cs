// Facade of the public API of Azure.Search.Documents 11.6 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Azure.Search.Documents, Version=11.6.0.0
// References: Azure.Core
// The real assembly is not nullable-annotated; neither is this facade.
#nullable disable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;

namespace Azure.Search.Documents
{
    public class SearchClient
    {
        protected SearchClient() => throw null;

        public SearchClient(Uri endpoint, string indexName, AzureKeyCredential credential) => throw null;

        public SearchClient(Uri endpoint, string indexName, AzureKeyCredential credential, SearchClientOptions options) => throw null;

        public SearchClient(Uri endpoint, string indexName, TokenCredential tokenCredential) => throw null;

        public SearchClient(Uri endpoint, string indexName, TokenCredential tokenCredential, SearchClientOptions options) => throw null;

        public virtual Uri Endpoint => throw null;

        public virtual string IndexName => throw null;

        public virtual string ServiceName => throw null;

        public virtual Response<IndexDocumentsResult> DeleteDocuments(string keyName, IEnumerable<string> keyValues, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> DeleteDocumentsAsync(string keyName, IEnumerable<string> keyValues, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> DeleteDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<IndexDocumentsResult> DeleteDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<T>> GetDocumentAsync<T>(string key, GetDocumentOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<long> GetDocumentCount(CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<long>> GetDocumentCountAsync(CancellationToken cancellationToken = default) => throw null;

        public virtual Response<T> GetDocument<T>(string key, GetDocumentOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> IndexDocumentsAsync<T>(IndexDocumentsBatch<T> batch, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<IndexDocumentsResult> IndexDocuments<T>(IndexDocumentsBatch<T> batch, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> MergeDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<IndexDocumentsResult> MergeDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> MergeOrUploadDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<IndexDocumentsResult> MergeOrUploadDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<SearchResults<T>>> SearchAsync<T>(string searchText, SearchOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<SearchResults<T>> Search<T>(string searchText, SearchOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<IndexDocumentsResult>> UploadDocumentsAsync<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<IndexDocumentsResult> UploadDocuments<T>(IEnumerable<T> documents, IndexDocumentsOptions options = null, CancellationToken cancellationToken = default) => throw null;
    }

    public class SearchClientOptions : ClientOptions
    {
        public SearchClientOptions(ServiceVersion version = ServiceVersion.V2024_07_01) => throw null;

        public ServiceVersion Version => throw null;

        public enum ServiceVersion
        {
            V2020_06_30 = 1,
            V2023_11_01 = 2,
            V2024_07_01 = 3,
        }
    }

    public class SearchOptions
    {
        public SearchOptions() => throw null;

        public string Filter { get => throw null; set => throw null; }

        public bool? IncludeTotalCount { get => throw null; set => throw null; }

        public IList<string> Select => throw null;

        public int? Size { get => throw null; set => throw null; }

        public int? Skip { get => throw null; set => throw null; }
    }

    public class GetDocumentOptions
    {
        public GetDocumentOptions() => throw null;

        public IList<string> SelectedFields => throw null;
    }

    public class IndexDocumentsOptions
    {
        public IndexDocumentsOptions() => throw null;

        public bool ThrowOnAnyError { get => throw null; set => throw null; }
    }
}

namespace Azure.Search.Documents.Models
{
    public static class IndexDocumentsBatch
    {
        public static IndexDocumentsBatch<T> Create<T>(params IndexDocumentsAction<T>[] actions) => throw null;

        public static IndexDocumentsBatch<T> Delete<T>(IEnumerable<T> documents) => throw null;

        public static IndexDocumentsBatch<T> MergeOrUpload<T>(IEnumerable<T> documents) => throw null;

        public static IndexDocumentsBatch<T> Merge<T>(IEnumerable<T> documents) => throw null;

        public static IndexDocumentsBatch<T> Upload<T>(IEnumerable<T> documents) => throw null;
    }

    public class IndexDocumentsBatch<T>
    {
        public IndexDocumentsBatch() => throw null;

        public IList<IndexDocumentsAction<T>> Actions => throw null;
    }

    public static class IndexDocumentsAction
    {
        public static IndexDocumentsAction<T> Delete<T>(T document) => throw null;

        public static IndexDocumentsAction<T> MergeOrUpload<T>(T document) => throw null;

        public static IndexDocumentsAction<T> Merge<T>(T document) => throw null;

        public static IndexDocumentsAction<T> Upload<T>(T document) => throw null;
    }

    public class IndexDocumentsAction<T>
    {
        internal IndexDocumentsAction() => throw null;

        public T Document => throw null;
    }

    public class IndexDocumentsResult
    {
        internal IndexDocumentsResult() => throw null;

        public IList<IndexingResult> Results => throw null;
    }

    public class IndexingResult
    {
        internal IndexingResult() => throw null;

        public string ErrorMessage => throw null;

        public string Key => throw null;

        public int Status => throw null;

        public bool Succeeded => throw null;
    }

    public class SearchResults<T>
    {
        internal SearchResults() => throw null;

        public double? Coverage => throw null;

        public long? TotalCount => throw null;

        public Pageable<SearchResult<T>> GetResults() => throw null;

        public AsyncPageable<SearchResult<T>> GetResultsAsync() => throw null;
    }

    public class SearchResult<T>
    {
        internal SearchResult() => throw null;

        public T Document => throw null;

        public double? Score => throw null;
    }
}

namespace Azure.Search.Documents.Indexes
{
    public class SearchIndexClient
    {
        protected SearchIndexClient() => throw null;

        public SearchIndexClient(Uri endpoint, AzureKeyCredential credential) => throw null;

        public SearchIndexClient(Uri endpoint, AzureKeyCredential credential, SearchClientOptions options) => throw null;

        public SearchIndexClient(Uri endpoint, TokenCredential tokenCredential) => throw null;

        public SearchIndexClient(Uri endpoint, TokenCredential tokenCredential, SearchClientOptions options) => throw null;

        public virtual Uri Endpoint => throw null;

        public virtual string ServiceName => throw null;

        public virtual Response<SearchIndex> CreateIndex(SearchIndex index, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<SearchIndex>> CreateIndexAsync(SearchIndex index, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<SearchIndex> CreateOrUpdateIndex(SearchIndex index, bool allowIndexDowntime = false, bool onlyIfUnchanged = false, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<SearchIndex>> CreateOrUpdateIndexAsync(SearchIndex index, bool allowIndexDowntime = false, bool onlyIfUnchanged = false, CancellationToken cancellationToken = default) => throw null;

        public virtual Response DeleteIndex(SearchIndex index, bool onlyIfUnchanged = false, CancellationToken cancellationToken = default) => throw null;

        public virtual Response DeleteIndex(string indexName, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response> DeleteIndexAsync(SearchIndex index, bool onlyIfUnchanged = false, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response> DeleteIndexAsync(string indexName, CancellationToken cancellationToken = default) => throw null;

        public virtual Response<SearchIndex> GetIndex(string indexName, CancellationToken cancellationToken = default) => throw null;

        public virtual Task<Response<SearchIndex>> GetIndexAsync(string indexName, CancellationToken cancellationToken = default) => throw null;

        public virtual Pageable<string> GetIndexNames(CancellationToken cancellationToken = default) => throw null;

        public virtual AsyncPageable<string> GetIndexNamesAsync(CancellationToken cancellationToken = default) => throw null;

        public virtual SearchClient GetSearchClient(string indexName) => throw null;
    }
}

namespace Azure.Search.Documents.Indexes.Models
{
    public class SearchIndex
    {
        public SearchIndex(string name) => throw null;

        public string Name => throw null;
    }
}
