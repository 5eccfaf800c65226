// Facade of the public API of Microsoft.Azure.WebJobs.Extensions.Http 3.x (subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.Azure.WebJobs.Extensions.Http, Version=3.0.0.0
#nullable disable
using System;
using Microsoft.Azure.WebJobs.Extensions.Http;

namespace Microsoft.Azure.WebJobs
{
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HttpTriggerAttribute : Attribute
    {
        public HttpTriggerAttribute() => throw null;

        public HttpTriggerAttribute(params string[] methods) => throw null;

        public HttpTriggerAttribute(AuthorizationLevel authLevel) => throw null;

        public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods) => throw null;

        public string Route { get; set; }

        public string[] Methods => throw null;

        public AuthorizationLevel AuthLevel => throw null;
    }
}

namespace Microsoft.Azure.WebJobs.Extensions.Http
{
    public enum AuthorizationLevel
    {
        Anonymous = 0,
        User = 1,
        Function = 2,
        System = 3,
        Admin = 4,
    }
}
