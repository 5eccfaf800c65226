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
    /// <see cref="CallSummaries.MaxDepth"/> of the app's methods (the handler and the method included). Computed once per
    /// compilation on first need: every handler of the compilation (methods by <see cref="RequestHandlers.KindOf(IMethodSymbol)"/>,
    /// minimal-API lambdas by a syntax scan of <c>Map…</c> calls) is a root of one breadth-first search over
    /// <see cref="CallSummaries.CalleesOf"/>. Roots are taken in source order, so the answer (the nearest handler, the first in
    /// source on a tie) does not depend on the order in which concurrent analysis asks.
    /// </summary>
    internal sealed class HandlerReachability
    {
        private static readonly ConditionalWeakTable<Compilation, HandlerReachability> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly Lazy<Dictionary<IMethodSymbol, Reach>> _reached;

        private HandlerReachability(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _reached = new Lazy<Dictionary<IMethodSymbol, Reach>>(Compute, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static HandlerReachability Get(Compilation compilation, RagSafetyContext rag) =>
            Cache.GetValue(compilation, c => new HandlerReachability(c, rag));

        /// <summary>
        /// The display name of the nearest request handler that calls the method (directly or through the app's methods), or
        /// null when no handler reaches it within the depth. A handler itself is not "reached" (null).
        /// </summary>
        public string? FindCallingHandler(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return _reached.Value.TryGetValue(method, out var reach) && reach.Depth > 1 ? reach.Handler : null;
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

        private Dictionary<IMethodSymbol, Reach> Compute()
        {
            var reached = new Dictionary<IMethodSymbol, Reach>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var (root, display) in FindRoots())
            {
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, new Reach(display, 1));
                    queue.Enqueue(root);
                }
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
                    if (!reached.ContainsKey(callee))
                    {
                        reached.Add(callee, new Reach(reach.Handler, reach.Depth + 1));
                        queue.Enqueue(callee);
                    }
                }
            }

            return reached;
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
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    SemanticModel? model = null;
                    foreach (var lambda in tree.GetRoot().DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
                    {
                        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                            || !InvokedName(invocation.Expression).StartsWith("Map", StringComparison.Ordinal))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // Handlers in other files must be bound; the analyzer driver serves cached semantic models.
                        model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        if (model.GetOperation(lambda) is IAnonymousFunctionOperation operation && _rag.Handlers.IsMinimalApiHandler(operation))
                        {
                            roots.Add((operation.Symbol, DisplayLambdaHandler(operation), IndexOf(tree), lambda.SpanStart));
                        }
                    }
                }
            }

            return roots.OrderBy(r => r.Tree).ThenBy(r => r.Position).Select(r => (r.Root, r.Display)).ToList();
        }

        private static string InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => string.Empty,
        };

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
