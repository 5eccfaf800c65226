using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers
{
    /// <summary>
    /// What every rule knows about one compilation: the resolved catalog, the request-handler model and the call
    /// summaries. Built once per compilation and shared by all analyzers of the package.
    /// </summary>
    internal sealed class RagSafetyContext
    {
        private static readonly ConditionalWeakTable<Compilation, RagSafetyContext> Cache = new();

        private RagSafetyContext(Compilation compilation, AnalyzerOptions options)
        {
            var reader = new CompilationOptionsReader(compilation, options);
            UserApis = UserApis.Read(reader);
            Apis = KnownApis.Create(compilation, ApiCatalog.Entries, UserApis);
            Handlers = new RequestHandlers(compilation);
            TaskTypes = TaskTypes.Create(compilation);
            Summaries = new CallSummaries(
                compilation,
                Apis,
                OptionSpecs.CallChainDepth.Read(reader));
        }

        public KnownApis Apis { get; }

        public UserApis UserApis { get; }

        public RequestHandlers Handlers { get; }

        /// <summary>Task, ValueTask and their awaiters; null only for a compilation without them (no usable corlib).</summary>
        public TaskTypes? TaskTypes { get; }

        public CallSummaries Summaries { get; }

        public static RagSafetyContext Get(Compilation compilation, AnalyzerOptions options) =>
            Cache.GetValue(compilation, c => new RagSafetyContext(c, options));
    }
}
