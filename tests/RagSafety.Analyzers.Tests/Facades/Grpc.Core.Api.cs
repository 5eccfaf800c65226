// Facade of the public API of Grpc.Core.Api 2.x (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Grpc.Core.Api, Version=2.0.0.0
#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Grpc.Core
{
    [AttributeUsage(AttributeTargets.Class)]
    public class BindServiceMethodAttribute : Attribute
    {
        public BindServiceMethodAttribute(Type bindType, string bindMethodName) => throw null!;

        public Type BindType => throw null!;

        public string BindMethodName => throw null!;
    }

    public abstract class ServerCallContext
    {
        protected ServerCallContext() => throw null!;

        public string Method => throw null!;

        public string Host => throw null!;

        public string Peer => throw null!;

        public DateTime Deadline => throw null!;

        public CancellationToken CancellationToken => throw null!;

        protected abstract string MethodCore { get; }

        protected abstract string HostCore { get; }

        protected abstract string PeerCore { get; }

        protected abstract DateTime DeadlineCore { get; }

        protected abstract CancellationToken CancellationTokenCore { get; }
    }

    public interface IAsyncStreamReader<out T>
    {
        T Current { get; }

        Task<bool> MoveNext(CancellationToken cancellationToken);
    }

    public interface IAsyncStreamWriter<in T>
    {
        Task WriteAsync(T message);
    }

    public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
    {
    }
}
