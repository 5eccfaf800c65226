// Facade of the public API of Microsoft.Azure.WebJobs.Core 3.x (assembly Microsoft.Azure.WebJobs; subset used by RagSafety.Analyzers tests). Names and signatures only.
// Assembly: Microsoft.Azure.WebJobs, Version=3.0.0.0
#nullable disable
using System;

namespace Microsoft.Azure.WebJobs
{
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class FunctionNameAttribute : Attribute
    {
        public FunctionNameAttribute(string name) => throw null;

        public string Name => throw null;
    }
}
