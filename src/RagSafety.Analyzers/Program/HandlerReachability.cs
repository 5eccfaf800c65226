using System;
using System.Collections.Concurrent;
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
    /// calls) is a root of one breadth-first search over <see cref="CallSummaries.CalleesOf"/>. Roots are taken in source
    /// order, so the answer (the nearest handler, the first in source on a tie) does not depend on the order in which
    /// concurrent analysis asks. Each question binds only the methods whose syntax can lead to the method's name
    /// (<see cref="CallNameGraph"/>): the others cannot lie on a chain to it.
    /// </summary>
    internal sealed class HandlerReachability
    {
        private static readonly ConditionalWeakTable<Compilation, HandlerReachability> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly Lazy<List<(IMethodSymbol Root, string Display)>> _roots;
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _callingHandlers = new(SymbolEqualityComparer.Default);

        private HandlerReachability(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _roots = new Lazy<List<(IMethodSymbol Root, string Display)>>(FindRoots, LazyThreadSafetyMode.ExecutionAndPublication);
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
            return _callingHandlers.GetOrAdd(method, Search);
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

        private string? Search(IMethodSymbol target)
        {
            var names = CallNameGraph.For(_compilation);
            var namesReachingTarget = names.NamesReaching(new[] { CallNameGraph.DeclaredName(target) });
            var reached = new Dictionary<IMethodSymbol, Reach>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var (root, display) in _roots.Value)
            {
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, new Reach(display, 1));
                    if (names.MayReach(root, namesReachingTarget))
                    {
                        queue.Enqueue(root);
                    }
                }
            }

            if (reached.ContainsKey(target))
            {
                return null;
            }

            var maxDepth = _rag.Summaries.MaxDepth;
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
                    if (SymbolEqualityComparer.Default.Equals(callee, target))
                    {
                        return reach.Handler;
                    }

                    // A callee that cannot reach the target is not followed; nor would any chain through it get there.
                    if (!reached.ContainsKey(callee) && names.MayReach(callee, namesReachingTarget))
                    {
                        reached.Add(callee, new Reach(reach.Handler, reach.Depth + 1));
                        queue.Enqueue(callee);
                    }
                }
            }

            return null;
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
