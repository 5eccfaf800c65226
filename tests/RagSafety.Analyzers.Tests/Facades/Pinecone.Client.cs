// Facade of the public API of Pinecone.Client 4.0.0 (subset used by RagSafety.Analyzers tests): the data-plane writes of
// IndexClient, with a few properties of their request types. Names and signatures only.
// A facade because the package registry these tests restore from does not serve Pinecone.Client; served libraries are referenced for real.
// Assembly: Pinecone, Version=4.0.0.0
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Pinecone
{
    public partial class IndexClient
    {
        internal IndexClient() => throw null!;

        public Task<UpsertResponse> UpsertAsync(UpsertRequest request, GrpcRequestOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<DeleteResponse> DeleteAsync(DeleteRequest request, GrpcRequestOptions? options = null, CancellationToken cancellationToken = default) => throw null!;

        public Task<UpdateResponse> UpdateAsync(UpdateRequest request, GrpcRequestOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public partial class GrpcRequestOptions
    {
        public int? MaxRetries { get; init; }

        public TimeSpan? Timeout { get; init; }
    }

    public record UpsertRequest
    {
        public IEnumerable<Vector> Vectors { get; set; } = null!;

        public string? Namespace { get; set; }
    }

    public record DeleteRequest
    {
        public IEnumerable<string>? Ids { get; set; }

        public bool? DeleteAll { get; set; }

        public string? Namespace { get; set; }
    }

    public record UpdateRequest
    {
    }

    public record Vector
    {
    }

    public record UpsertResponse
    {
    }

    public record DeleteResponse
    {
    }

    public record UpdateResponse
    {
    }
}
