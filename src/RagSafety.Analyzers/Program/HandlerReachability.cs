using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The reverse question to <see cref="CallSummaries"/>: which request handler reaches an app method, through at most
    /// <see cref="CallSummaries.MaxDepth"/> of the app's methods (the handler and the method included). Every handler of the
    /// compilation (methods by <see cref="RequestHandlers.KindOf(IMethodSymbol)"/>, minimal-API lambdas from the <c>Map…</c>
    /// calls) is a root of one breadth-first search over <see cref="CallSummaries.CalleesOf"/>, run once per compilation on
    /// the first question; every method it reaches keeps the handler that reached it first, so each later question is one
    /// lookup. Roots are taken in source order and the search is level by level, so the answer (the nearest handler, the
    /// first in source on a tie) does not depend on the order in which concurrent analysis asks.
    /// </summary>
    internal sealed class HandlerReachability
    {
        private static readonly ConditionalWeakTable<Compilation, HandlerReachability> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly Lazy<List<(IMethodSymbol Root, string Display)>> _roots;
        private readonly Lazy<Dictionary<IMethodSymbol, string?>> _callingHandlers;

        private HandlerReachability(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _roots = new Lazy<List<(IMethodSymbol Root, string Display)>>(FindRoots, LazyThreadSafetyMode.ExecutionAndPublication);
            _callingHandlers = new Lazy<Dictionary<IMethodSymbol, string?>>(SearchFromAllHandlers, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static HandlerReachability Get(Compilation compilation, RagSafetyContext rag) =>
            Cache.GetValue(compilation, c => new HandlerReachability(c, rag));

        /// <summary>Every request handler of the compilation (minimal-API lambdas by their symbols) with its display name, in source order.</summary>
        public IReadOnlyList<(IMethodSymbol Root, string Display)> Handlers => _roots.Value;

        /// <summary>
        /// The display name of the nearest request handler that calls the method (directly or through the app's methods), or
        /// null when no handler reaches it within the depth. A handler itself is not "reached" (null).
        /// </summary>
        public string? FindCallingHandler(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _callingHandlers.Value.TryGetValue(method, out var handler) ? handler : null;
        }

        /// <summary>How a minimal-API lambda handler is named in messages: <c>MapPost("/ask")</c>, or <c>MapPost</c> without a constant route.</summary>
        public static string DisplayLambdaHandler(IAnonymousFunctionOperation lambda)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return "lambda";
            }

            var name = invocation.TargetMethod.Name;
            var route = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue;
            return route is { HasValue: true, Value: string text } ? name + "(\"" + text + "\")" : name;
        }

        /// <summary>
        /// One breadth-first search from every handler at once (in source order), within the depth: each method reached maps
        /// to the handler whose search reached it first, which is the nearest handler and, among the nearest, the one a
        /// search from each handler in turn would meet first. Handlers themselves map to null (a handler is not "reached").
        /// </summary>
        private Dictionary<IMethodSymbol, string?> SearchFromAllHandlers()
        {
            var reached = new Dictionary<IMethodSymbol, Reach>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var (root, display) in _roots.Value)
            {
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, new Reach(display, 1));
                    queue.Enqueue(root);
                }
            }

            var maxDepth = _rag.Summaries.MaxDepth;
            var handlers = new Dictionary<IMethodSymbol, string?>(SymbolEqualityComparer.Default);
            foreach (var root in queue)
            {
                handlers[root] = null;
            }

            while (queue.Count > 0)
            {
                var method = queue.Dequeue();
                var reach = reached[method];
                if (reach.Depth >= maxDepth)
                {
                    continue;
                }

                foreach (var callee in _rag.Summaries.CalleesOf(method))
                {
                    if (!reached.ContainsKey(callee))
                    {
                        reached.Add(callee, new Reach(reach.Handler, reach.Depth + 1));
                        handlers.Add(callee, reach.Handler);
                        queue.Enqueue(callee);
                    }
                }
            }

            return handlers;
        }

        /// <summary>Every handler of the compilation with its display name, in source order (file order, then position).</summary>
        private List<(IMethodSymbol Root, string Display)> FindRoots()
        {
            var roots = new List<(IMethodSymbol Root, string Display, int Tree, int Position)>();
            var treeIndex = new Dictionary<SyntaxTree, int>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                treeIndex[tree] = treeIndex.Count;
            }

            int IndexOf(SyntaxTree? tree) => tree is not null && treeIndex.TryGetValue(tree, out var index) ? index : int.MaxValue;

            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(_compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (var member in namespaces.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        namespaces.Push(nested);
                    }

                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                        && method.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                        && _rag.Handlers.KindOf(method) != HandlerKind.None)
                    {
                        roots.Add((method.OriginalDefinition, CallChain.Display(method), IndexOf(location.SourceTree), location.SourceSpan.Start));
                    }
                }
            }

            if (_rag.Handlers.ReferencesServerFramework)
            {
                var operations = new OperationsAcrossTrees(_compilation);
                foreach (var invocation in CallNameGraph.For(_compilation).MapCalls)
                {
                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        if (argument.Expression is not AnonymousFunctionExpressionSyntax lambda)
                        {
                            continue;
                        }

                        if (operations.Of(lambda) is IAnonymousFunctionOperation operation && _rag.Handlers.IsMinimalApiHandler(operation))
                        {
                            roots.Add((operation.Symbol, DisplayLambdaHandler(operation), IndexOf(lambda.SyntaxTree), lambda.SpanStart));
                        }
                    }
                }
            }

            return roots.OrderBy(r => r.Tree).ThenBy(r => r.Position).Select(r => (r.Root, r.Display)).ToList();
        }

        private readonly struct Reach
        {
            public Reach(string handler, int depth)
            {
                Handler = handler;
                Depth = depth;
            }

            public string Handler { get; }

            public int Depth { get; }
        }
    }
}
