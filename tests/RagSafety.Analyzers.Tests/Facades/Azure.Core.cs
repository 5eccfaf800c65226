// Facade of the public API of Azure.Core 1.47 (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Azure.Core, Version=1.47.0.0
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Azure
{
    public class AzureKeyCredential
    {
        public AzureKeyCredential(string key) => throw null!;

        public string Key => throw null!;

        public void Update(string key) => throw null!;
    }

    public abstract class Response : IDisposable
    {
        protected Response() => throw null!;

        public abstract string ClientRequestId { get; set; }

        public abstract Stream? ContentStream { get; set; }

        public virtual bool IsError => throw null!;

        public abstract string ReasonPhrase { get; }

        public abstract int Status { get; }

        public abstract void Dispose();

        public static Response<T> FromValue<T>(T value, Response response) => throw null!;
    }

    public abstract class NullableResponse<T>
    {
        protected NullableResponse() => throw null!;

        public abstract bool HasValue { get; }

        public abstract T? Value { get; }

        public abstract Response GetRawResponse();
    }

    public abstract class Response<T> : NullableResponse<T>
    {
        protected Response() => throw null!;

        public override bool HasValue => throw null!;

        public override T Value => throw null!;

        public static implicit operator T(Response<T> response) => throw null!;
    }

    public abstract class Page<T>
    {
        protected Page() => throw null!;

        public abstract string? ContinuationToken { get; }

        public abstract IReadOnlyList<T> Values { get; }

        public abstract Response GetRawResponse();
    }

    public abstract class Pageable<T> : IEnumerable<T> where T : notnull
    {
        protected Pageable() => throw null!;

        protected Pageable(CancellationToken cancellationToken) => throw null!;

        protected virtual CancellationToken CancellationToken => throw null!;

        public abstract IEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = default);

        public virtual IEnumerator<T> GetEnumerator() => throw null!;

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => throw null!;
    }

    public abstract class AsyncPageable<T> : IAsyncEnumerable<T> where T : notnull
    {
        protected AsyncPageable() => throw null!;

        protected AsyncPageable(CancellationToken cancellationToken) => throw null!;

        protected virtual CancellationToken CancellationToken => throw null!;

        public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = default);

        public virtual IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw null!;
    }

    public class RequestFailedException : Exception
    {
        public RequestFailedException(string message) => throw null!;

        public RequestFailedException(string message, Exception? innerException) => throw null!;

        public RequestFailedException(Response response) => throw null!;

        public string? ErrorCode => throw null!;

        public int Status => throw null!;

        public Response? GetRawResponse() => throw null!;
    }
}

namespace Azure.Core
{
    public abstract class ClientOptions
    {
        protected ClientOptions() => throw null!;

        protected ClientOptions(DiagnosticsOptions? diagnostics) => throw null!;

        public static ClientOptions Default => throw null!;

        public DiagnosticsOptions Diagnostics => throw null!;

        public RetryOptions Retry => throw null!;

        public Azure.Core.Pipeline.HttpPipelinePolicy? RetryPolicy { get => throw null!; set => throw null!; }

        public Azure.Core.Pipeline.HttpPipelineTransport Transport { get => throw null!; set => throw null!; }
    }

    public class DiagnosticsOptions
    {
        protected internal DiagnosticsOptions() => throw null!;

        public string? ApplicationId { get => throw null!; set => throw null!; }

        public bool IsLoggingEnabled { get => throw null!; set => throw null!; }

        public bool IsLoggingContentEnabled { get => throw null!; set => throw null!; }
    }

    public enum RetryMode
    {
        Fixed = 0,
        Exponential = 1,
    }

    public class RetryOptions
    {
        internal RetryOptions() => throw null!;

        public TimeSpan Delay { get => throw null!; set => throw null!; }

        public TimeSpan MaxDelay { get => throw null!; set => throw null!; }

        public int MaxRetries { get => throw null!; set => throw null!; }

        public RetryMode Mode { get => throw null!; set => throw null!; }

        public TimeSpan NetworkTimeout { get => throw null!; set => throw null!; }
    }

    public abstract class TokenCredential
    {
        protected TokenCredential() => throw null!;

        public abstract AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken);

        public abstract ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken);
    }

    public struct AccessToken
    {
        public AccessToken(string accessToken, DateTimeOffset expiresOn) => throw null!;

        public DateTimeOffset ExpiresOn => throw null!;

        public string Token => throw null!;
    }

    public readonly struct TokenRequestContext
    {
        public TokenRequestContext(string[] scopes, string? parentRequestId) => throw null!;

        public TokenRequestContext(string[] scopes, string? parentRequestId, string? claims) => throw null!;

        public TokenRequestContext(string[] scopes, string? parentRequestId, string? claims, string? tenantId) => throw null!;

        public TokenRequestContext(string[] scopes, string? parentRequestId = null, string? claims = null, string? tenantId = null, bool isCaeEnabled = false) => throw null!;

        public string? Claims => throw null!;

        public string? ParentRequestId => throw null!;

        public string[] Scopes => throw null!;
    }
}

namespace Azure.Core.Pipeline
{
    public abstract class HttpPipelinePolicy
    {
        protected HttpPipelinePolicy() => throw null!;
    }

    public abstract class HttpPipelineTransport
    {
        protected HttpPipelineTransport() => throw null!;
    }

    public class HttpClientTransport : HttpPipelineTransport, IDisposable
    {
        public static readonly HttpClientTransport Shared = null!;

        public HttpClientTransport() => throw null!;

        public HttpClientTransport(HttpClient client) => throw null!;

        public HttpClientTransport(HttpMessageHandler messageHandler) => throw null!;

        public void Dispose() => throw null!;
    }
}
