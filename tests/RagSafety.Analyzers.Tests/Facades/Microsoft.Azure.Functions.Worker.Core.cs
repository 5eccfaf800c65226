// Facade of the public API of Microsoft.Azure.Functions.Worker.Core 2.x (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.Azure.Functions.Worker.Core, Version=2.0.0.0
#nullable enable
using System;
using System.IO;
using System.Net;
using System.Threading;

namespace Microsoft.Azure.Functions.Worker
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public class FunctionAttribute : Attribute
    {
        public FunctionAttribute(string name) => throw null!;

        public string Name => throw null!;
    }

    public abstract class FunctionContext
    {
        protected FunctionContext() => throw null!;

        public abstract string InvocationId { get; }

        public abstract string FunctionId { get; }

        public abstract IServiceProvider InstanceServices { get; set; }

        public abstract CancellationToken CancellationToken { get; }
    }
}

namespace Microsoft.Azure.Functions.Worker.Http
{
    public abstract class HttpRequestData
    {
        protected HttpRequestData(FunctionContext functionContext) => throw null!;

        public abstract Stream Body { get; }

        public abstract Uri Url { get; }

        public abstract string Method { get; }

        public FunctionContext FunctionContext => throw null!;

        public abstract HttpResponseData CreateResponse();
    }

    public abstract class HttpResponseData
    {
        protected HttpResponseData(FunctionContext functionContext) => throw null!;

        public abstract HttpStatusCode StatusCode { get; set; }

        public abstract Stream Body { get; set; }

        public FunctionContext FunctionContext => throw null!;
    }
}
