using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
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
            Options = reader;
            UserApis = UserApis.Read(reader);

            // Without an AI library the catalog is not even resolved: the rules register nothing, so nothing else is built.
            Apis = KnownApis.MayApply(compilation, UserApis)
                ? KnownApis.Create(compilation, ApiCatalog.Entries, UserApis)
                : KnownApis.Create(compilation, Enumerable.Empty<ApiEntry>(), UserApis.None);
            _handlers = new Lazy<RequestHandlers>(() => new RequestHandlers(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _taskTypes = new Lazy<TaskTypes?>(() => TaskTypes.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            var depth = OptionSpecs.CallChainDepth.Read(reader);
            _summaries = new Lazy<CallSummaries>(() => new CallSummaries(compilation, Apis, depth), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private readonly Lazy<RequestHandlers> _handlers;
        private readonly Lazy<TaskTypes?> _taskTypes;
        private readonly Lazy<CallSummaries> _summaries;

        /// <summary>The compilation-wide options; read a value through its spec in <see cref="OptionSpecs"/>.</summary>
        public CompilationOptionsReader Options { get; }

        public KnownApis Apis { get; }

        public UserApis UserApis { get; }

        public RequestHandlers Handlers => _handlers.Value;

        /// <summary>Task, ValueTask and their awaiters; null only for a compilation without them (no usable corlib).</summary>
        public TaskTypes? TaskTypes => _taskTypes.Value;

        public CallSummaries Summaries => _summaries.Value;

        public static RagSafetyContext Get(Compilation compilation, AnalyzerOptions options) =>
            Cache.GetValue(compilation, c => new RagSafetyContext(c, options));
    }
}
