using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>What a request handler's index write means, judged from the whole handler.</summary>
    internal enum IndexWriteIntent
    {
        /// <summary>The handler only ingests: writing is its purpose, no query is served (RAG022, Info).</summary>
        Ingestion,

        /// <summary>The handler also answers or retrieves for a query (RAG020).</summary>
        QueryPath,

        /// <summary>The handler deletes or recreates a whole collection while other handlers serve queries (RAG020).</summary>
        CollectionDrop,

        /// <summary>The write sits in a loop that also calls the model for every item (RAG020).</summary>
        LoopIngestion,

        /// <summary>The handler writes, then polls the ingestion status in a loop with delays (RAG020).</summary>
        StatusPolling,
    }

    /// <summary>The one finding of a request handler that writes the index: where it is reported, why, and the chains to name.</summary>
    internal sealed class HandlerIndexWrite
    {
        public HandlerIndexWrite(IndexWriteIntent intent, SyntaxTree tree, TextSpan span, string chain, string? evidence, string? loopMethod)
        {
            Intent = intent;
            Tree = tree;
            Span = span;
            Chain = chain;
            Evidence = evidence;
            LoopMethod = loopMethod;
        }

        public IndexWriteIntent Intent { get; }

        /// <summary>Where the finding is reported: the handler's call that writes (first in source, or the first that carries the risk).</summary>
        public SyntaxTree Tree { get; }

        public TextSpan Span { get; }

        /// <summary>The write's chain, <c>IngestService.AddAsync → VectorStoreCollection.UpsertAsync</c>.</summary>
        public string Chain { get; }

        /// <summary>
        /// What shows the risk: the answering chain (query path), the handler that serves queries (drop), the AI call made for
        /// every item (loop), the status call polled (polling); null for ingestion.
        /// </summary>
        public string? Evidence { get; }

        /// <summary>For a loop inside one of the app's methods on the chain, that method (<c>IngestService.IngestAllAsync</c>); else null.</summary>
        public string? LoopMethod { get; }

        /// <summary>Whether moving the reported write to a background queue removes the risk (so a fix may be offered).</summary>
        public bool MoveToQueueFixes => Intent is IndexWriteIntent.Ingestion or IndexWriteIntent.QueryPath;

        public bool IsAt(IOperation operation) => operation.Syntax.SyntaxTree == Tree && operation.Syntax.Span == Span;
    }

    /// <summary>
    /// RAG020 and RAG022 judge a request handler's index writes as a whole, once per handler: whether the handler also answers
    /// queries, drops a collection other handlers query, ingests in a loop that calls the model per item, or polls the
    /// ingestion status; or only ingests. The answer is computed on the first question about a handler and cached for the
    /// compilation (both rules ask), from the handler's body and the call summaries; it never depends on which rule or which
    /// call asks first.
    /// </summary>
    internal sealed class HandlerIndexWrites
    {
        private static readonly ConditionalWeakTable<Compilation, HandlerIndexWrites> Cache = new();

        private static readonly ImmutableHashSet<string> PerItemLambdaMethods = ImmutableHashSet.Create(StringComparer.Ordinal, "For", "ForEach", "ForEachAsync", "Select", "SelectMany", "ConvertAll");

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly ConcurrentDictionary<IMethodSymbol, HandlerIndexWrite?> _byMethod = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), HandlerIndexWrite?> _byLambda = new();
        private readonly ConcurrentDictionary<IMethodSymbol, LoopFacts> _methodLoops = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _statusWrappers = new(SymbolEqualityComparer.Default);
        private readonly Lazy<ImmutableArray<(IMethodSymbol Root, string Display)>> _servingHandlers;

        private HandlerIndexWrites(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _servingHandlers = new Lazy<ImmutableArray<(IMethodSymbol, string)>>(FindServingHandlers, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static HandlerIndexWrites Get(Compilation compilation, RagSafetyContext rag) =>
            Cache.GetValue(compilation, c => new HandlerIndexWrites(c, rag));

        /// <summary>
        /// The handler's finding when <paramref name="invocation"/> is where it is reported, else null. Cheap for the calls
        /// that are not index writes in a handler (most calls), which are dismissed before the handler is judged.
        /// </summary>
        public (HandlerSite Handler, HandlerIndexWrite Finding)? FindingAt(IInvocationOperation invocation, ISymbol? containingSymbol, IReadOnlyList<string> allowedHandlers)
        {
            var target = invocation.TargetMethod;
            if (target.MethodKind == MethodKind.LocalFunction
                || _rag.Handlers.EnclosingHandlerKind(invocation, containingSymbol) == HandlerKind.None
                || WriteChain(target) is null
                || IsInNameOf(invocation) || IsQueuedWork(invocation)
                || HandlerSite.Find(invocation, containingSymbol, _rag.Handlers) is not { } handler
                || allowedHandlers.Any(handler.IsNamedBy))
            {
                return null;
            }

            var finding = handler.Lambda is { } lambda
                ? _byLambda.GetOrAdd((lambda.Syntax.SyntaxTree, lambda.Syntax.Span), _ => Judge(handler, lambda.Body, lambda.Symbol))
                : handler.Method is { } method
                    ? _byMethod.GetOrAdd(method.OriginalDefinition, _ => Judge(handler, invocation.Root(), method.OriginalDefinition))
                    : null;
            return finding is not null && finding.IsAt(invocation) ? (handler, finding) : null;
        }

        /// <summary>The chain from a call to an index write: the write itself, or one of the app's methods that reaches one.</summary>
        private CallChain? WriteChain(IMethodSymbol target) =>
            _rag.Apis.IsIndexWrite(target) ? new CallChain(ImmutableArray.Create(target)) : _rag.Summaries.FindIndexWrite(target);

        private HandlerIndexWrite? Judge(HandlerSite handler, IOperation body, IMethodSymbol handlerSymbol)
        {
            var writes = new List<(IInvocationOperation Invocation, CallChain Chain)>();
            string? answering = null;
            foreach (var invocation in Invocations(body))
            {
                var target = invocation.TargetMethod;
                if (WriteChain(target) is { } chain)
                {
                    writes.Add((invocation, chain));
                }

                answering ??= ApiKinds.IsAnsweringCall(target, _rag.Apis) ? CallChain.Display(target) : _rag.Summaries.FindAnsweringCall(target)?.Describe();
            }

            if (writes.Count == 0)
            {
                return null;
            }

            writes.Sort((a, b) => a.Invocation.Syntax.SpanStart.CompareTo(b.Invocation.Syntax.SpanStart));
            // A loop that polls the ingestion status, in the handler or in one of the app's methods on a write's chain;
            // looked for only when a decision needs it (most handlers are judged before).
            var pollingSearched = false;
            string? polled = null;
            string? Polled()
            {
                if (!pollingSearched)
                {
                    pollingSearched = true;
                    polled = PollingIn(body);
                    foreach (var (_, chain) in writes)
                    {
                        foreach (var step in chain.Steps.Take(chain.Steps.Length - 1))
                        {
                            polled ??= LoopsOf(step).PolledStatus;
                        }
                    }
                }

                return polled;
            }

            // Imports handed to the Kernel Memory service are ingested by its queue, not in this request, unless the
            // handler then polls until they are done.
            if (writes.Any(w => ApiKinds.IsQueuedByService(w.Chain.Target)) && Polled() is null)
            {
                writes.RemoveAll(w => ApiKinds.IsQueuedByService(w.Chain.Target));
                if (writes.Count == 0)
                {
                    return null;
                }
            }

            var first = writes[0];
            // A DELETE endpoint reads to find what to remove (search the chat's memories, then delete them): not a query path.
            if (answering is not null && !IsDeleteEndpoint(handler))
            {
                return Finding(IndexWriteIntent.QueryPath, first.Invocation, first.Chain, answering, null);
            }

            foreach (var (invocation, chain) in writes)
            {
                var target = invocation.TargetMethod;
                var drop = ApiKinds.IsCollectionDrop(target, _rag.Apis) ? chain : _rag.Summaries.FindCollectionDrop(target);
                if (drop is not null && ServingHandlerOtherThan(handlerSymbol) is { } serving)
                {
                    return Finding(IndexWriteIntent.CollectionDrop, invocation, drop, serving, null);
                }
            }

            // A loop of the handler around a write, whose every iteration also calls the model.
            foreach (var loop in PerItemBodies(body))
            {
                if (LoopAiCall(loop) is { } aiCall && writes.FirstOrDefault(w => IsWithin(w.Invocation, loop)) is { Invocation: not null } looped)
                {
                    return Finding(IndexWriteIntent.LoopIngestion, looped.Invocation, looped.Chain, aiCall, null);
                }
            }

            // A loop in one of the app's methods on a write's chain.
            foreach (var (invocation, chain) in writes)
            {
                foreach (var step in chain.Steps.Take(chain.Steps.Length - 1))
                {
                    if (LoopsOf(step).IngestionAiCall is { } aiCall)
                    {
                        return Finding(IndexWriteIntent.LoopIngestion, invocation, chain, aiCall, CallChain.Display(step));
                    }
                }
            }

            if (Polled() is { } status)
            {
                return Finding(IndexWriteIntent.StatusPolling, first.Invocation, first.Chain, status, null);
            }

            // A DELETE endpoint removes a document or a chat's records: quick, and its purpose, not an ingestion to queue.
            return IsDeleteEndpoint(handler) ? null : Finding(IndexWriteIntent.Ingestion, first.Invocation, first.Chain, null, null);
        }

        /// <summary>An endpoint for HTTP DELETE: <c>MapDelete</c>, <c>[HttpDelete]</c>, a page's <c>OnDelete…</c> handler.</summary>
        private static bool IsDeleteEndpoint(HandlerSite handler)
        {
            if (handler.Lambda is { } lambda)
            {
                IOperation? parent = lambda.Parent;
                while (parent is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IInvocationOperation { TargetMethod.Name: "MapDelete" };
            }

            return handler.Method is { } method
                && (method.Name.StartsWith("OnDelete", StringComparison.Ordinal) && handler.Kind == HandlerKind.RazorPageHandler
                    || method.GetAttributes().Any(a => a.AttributeClass is { Name: "HttpDeleteAttribute" } type
                        && type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc"));
        }

        private static HandlerIndexWrite Finding(IndexWriteIntent intent, IInvocationOperation at, CallChain chain, string? evidence, string? loopMethod) =>
            new(intent, at.Syntax.SyntaxTree, at.Syntax.Span, chain.Describe(), evidence, loopMethod);

        /// <summary>The calls that run in the request: not those in <c>nameof</c>, in work handed to a background queue, or of local functions (their bodies are walked).</summary>
        private static IEnumerable<IInvocationOperation> Invocations(IOperation body)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && invocation.TargetMethod.MethodKind != MethodKind.LocalFunction
                    && !IsInNameOf(invocation) && !IsQueuedWork(invocation))
                {
                    yield return invocation;
                }
            }
        }

        private static bool IsWithin(IOperation operation, IOperation ancestor)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What runs once per item or iteration: the body of a <c>foreach</c>, the whole of a <c>for</c>, <c>while</c> or <c>do</c> loop, and the body of lambdas given to
        /// <c>Parallel.For/ForEach/ForEachAsync</c>, <c>Enumerable.Select/SelectMany</c> and <c>List.ForEach/ConvertAll</c>.
        /// </summary>
        private static IEnumerable<IOperation> PerItemBodies(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IForEachLoopOperation { Body: { } body }:
                        // The collection is evaluated once: only the body runs per item.
                        yield return body;
                        break;
                    case ILoopOperation loop:
                        // A while, do or for loop: its condition runs per iteration too (while (!await IsReadyAsync(id))).
                        yield return loop;
                        break;
                    case IAnonymousFunctionOperation lambda when IsPerItemLambda(lambda):
                        yield return lambda.Body;
                        break;
                }
            }
        }

        private static bool IsPerItemLambda(IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } } || !PerItemLambdaMethods.Contains(method.Name))
            {
                return false;
            }

            var type = (method.ReducedFrom ?? method).ContainingType;
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return (type?.Name, ns) switch
            {
                ("Parallel", "System.Threading.Tasks") => true,
                ("Enumerable", "System.Linq") => method.Name is "Select" or "SelectMany",
                ("List", "System.Collections.Generic") => method.Name is "ForEach" or "ConvertAll",
                _ => false,
            };
        }

        /// <summary>The AI call (or the app's chain to one) made in a loop body, or null.</summary>
        private string? LoopAiCall(IOperation loopBody)
        {
            foreach (var invocation in Invocations(loopBody))
            {
                var target = invocation.TargetMethod;
                if (_rag.Apis.IsAiCall(target))
                {
                    return CallChain.Display(target);
                }

                if (_rag.Summaries.FindAiCall(target) is { } chain)
                {
                    return chain.Describe();
                }
            }

            return null;
        }

        /// <summary>A status call polled in a loop of <paramref name="root"/> that also waits (<c>Task.Delay</c>, <c>Thread.Sleep</c>), or null.</summary>
        private string? PollingIn(IOperation root)
        {
            foreach (var loop in PerItemBodies(root))
            {
                string? status = null;
                var waits = false;
                foreach (var invocation in Invocations(loop))
                {
                    var target = invocation.TargetMethod;
                    waits |= target is { Name: "Delay", ContainingType.Name: "Task" } or { Name: "Sleep", ContainingType.Name: "Thread" };
                    status ??= ApiKinds.IsIngestionStatusCall(target) ? CallChain.Display(target) : StatusWrapped(target);
                }

                if (status is not null && waits)
                {
                    return status;
                }
            }

            return null;
        }

        /// <summary>For one of the app's methods that calls a status API in its own body: <c>App.Method → IKernelMemory.GetDocumentStatusAsync</c>.</summary>
        private string? StatusWrapped(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            return _statusWrappers.GetOrAdd(method, m =>
            {
                if (!CallNameGraph.For(_compilation).MayReach(m, ApiKinds.IngestionStatusNames))
                {
                    return null;
                }

                foreach (var body in BodiesOf(m))
                {
                    foreach (var invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
                    {
                        if (ApiKinds.IsIngestionStatusCall(invocation.TargetMethod))
                        {
                            return CallChain.Display(m) + " → " + CallChain.Display(invocation.TargetMethod);
                        }
                    }
                }

                return null;
            });
        }

        /// <summary>The loops of one of the app's methods on a write chain: one that calls the model and writes per item, one that polls.</summary>
        private LoopFacts LoopsOf(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
            {
                return LoopFacts.None;
            }

            return _methodLoops.GetOrAdd(method, m =>
            {
                string? ingestion = null;
                string? polled = null;
                foreach (var body in BodiesOf(m))
                {
                    foreach (var loop in PerItemBodies(body))
                    {
                        if (ingestion is null && Invocations(loop).Any(i => WriteChain(i.TargetMethod) is not null))
                        {
                            ingestion = LoopAiCall(loop);
                        }
                    }

                    polled ??= PollingIn(body);
                }

                return new LoopFacts(ingestion, polled);
            });
        }

        private IEnumerable<IOperation> BodiesOf(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
#pragma warning disable RS1030 // The app's methods on a handler's write chain are read in their own files; the analyzer driver serves cached semantic models.
                var model = _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetOperation(node) is { } operation)
                {
                    yield return operation;
                }
            }
        }

        /// <summary>A request handler other than <paramref name="handler"/> that answers or retrieves for queries, by its display name.</summary>
        private string? ServingHandlerOtherThan(IMethodSymbol handler)
        {
            foreach (var (root, display) in _servingHandlers.Value)
            {
                if (!SameFunction(root, handler))
                {
                    return display;
                }
            }

            return null;
        }

        /// <summary>
        /// The first two request handlers, in source order, that reach an answering AI call (two: one may be the handler
        /// asking). Handlers are confirmed one by one, so the search stops binding at the second.
        /// </summary>
        private ImmutableArray<(IMethodSymbol Root, string Display)> FindServingHandlers()
        {
            var serving = ImmutableArray.CreateBuilder<(IMethodSymbol, string)>();
            foreach (var (root, display) in HandlerReachability.Get(_compilation, _rag).HandlersInSourceOrder())
            {
                if (_rag.Summaries.FindAnsweringCall(root) is not null)
                {
                    serving.Add((root, display));
                    if (serving.Count == 2)
                    {
                        break;
                    }
                }
            }

            return serving.ToImmutable();
        }

        /// <summary>Lambda symbols from different bindings are different objects: compare where they are declared.</summary>
        private static bool SameFunction(IMethodSymbol a, IMethodSymbol b)
        {
            if (SymbolEqualityComparer.Default.Equals(a.OriginalDefinition, b.OriginalDefinition))
            {
                return true;
            }

            var left = a.DeclaringSyntaxReferences.FirstOrDefault();
            var right = b.DeclaringSyntaxReferences.FirstOrDefault();
            return left is not null && right is not null && left.SyntaxTree == right.SyntaxTree && left.Span == right.Span;
        }

        /// <summary>
        /// Inside a lambda handed to a background queue (<c>queue.EnqueueAsync(…)</c>, <c>QueueBackgroundWorkItem(…)</c>):
        /// the work runs after the request, which is what RAG020 and RAG022 ask for.
        /// </summary>
        public static bool IsQueuedWork(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is not IAnonymousFunctionOperation)
                {
                    continue;
                }

                var parent = current.Parent;
                while (parent is IDelegateCreationOperation or IConversionOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is IArgumentOperation { Parent: IInvocationOperation queue }
                    && (queue.TargetMethod.Name.StartsWith("Enqueue", StringComparison.Ordinal)
                        || queue.TargetMethod.Name.StartsWith("QueueBackgroundWorkItem", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class LoopFacts
        {
            public static readonly LoopFacts None = new(null, null);

            public LoopFacts(string? ingestionAiCall, string? polledStatus)
            {
                IngestionAiCall = ingestionAiCall;
                PolledStatus = polledStatus;
            }

            /// <summary>The AI call of a loop whose every iteration also writes the index, or null.</summary>
            public string? IngestionAiCall { get; }

            /// <summary>The status call of a loop that polls with a delay, or null.</summary>
            public string? PolledStatus { get; }
        }
    }
}
