using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The reverse question to <see cref="CallSummaries"/>: which request handler reaches an app method, through at most
    /// <see cref="CallSummaries.MaxDepth"/> of the app's methods (the handler and the method included). The answer is the one
    /// breadth-first search from every handler of the compilation (methods by <see cref="RequestHandlers.KindOf(IMethodSymbol)"/>,
    /// minimal-API lambdas from the <c>Map…</c> calls), in source order, over <see cref="CallSummaries.CalleesOf"/>, gives: the
    /// handler of the first method met that calls it (the nearest handler, the first in source on a tie), so it does not
    /// depend on the order in which concurrent analysis asks. That search is run once per declared name of the methods
    /// asked about, not once per method, and only as far as the questions need: it follows only methods whose syntax can
    /// lead to that name (<see cref="CallNameGraph"/>; the others cannot lie on a chain to a method of that name), it starts
    /// from the handlers among them only (found by name, without enumerating every handler), it keeps every method it met
    /// with its handler, and a later question resumes it where the last one stopped. A method already met is answered in
    /// O(1); every method of the compilation asked once costs each name's search once.
    /// </summary>
    internal sealed class HandlerReachability
    {
        private static readonly ConditionalWeakTable<Compilation, HandlerReachability> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly Lazy<List<(IMethodSymbol Root, string Display)>> _roots;
        private readonly ConcurrentDictionary<string, NameSearch> _searches = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _staticTargets = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, bool> _namesSearchedFromCallSites = new(StringComparer.Ordinal);
        private readonly Lazy<Dictionary<SyntaxTree, int>> _treeOrder;

        private HandlerReachability(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _roots = new Lazy<List<(IMethodSymbol Root, string Display)>>(FindRoots, LazyThreadSafetyMode.ExecutionAndPublication);
            _treeOrder = new Lazy<Dictionary<SyntaxTree, int>>(
                () => compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(p => p.tree, p => p.index),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static HandlerReachability Get(Compilation compilation, RagSafetyContext rag) =>
            Cache.GetValue(compilation, c => new HandlerReachability(c, rag));

        /// <summary>Every request handler of the compilation (minimal-API lambdas by their symbols) with its display name, in source order.</summary>
        public IReadOnlyList<(IMethodSymbol Root, string Display)> Handlers => _roots.Value;

        /// <summary>
        /// <see cref="Handlers"/>, in the same order, each confirmed as a handler (its symbol and attributes read, an endpoint
        /// lambda bound) only when the enumeration gets to it: the candidates are put in order from their syntax alone, so a
        /// caller that needs the first few handlers of some kind binds those, not every method of the compilation.
        /// </summary>
        public IEnumerable<(IMethodSymbol Root, string Display)> HandlersInSourceOrder()
        {
            var candidates = new List<Candidate>();
            foreach (var declaration in CallNameGraph.For(_compilation).AllMethodDeclarations())
            {
                // A partial method's symbol is found at its defining part, which is a candidate of its own.
                if (!(declaration.Modifiers.Any(SyntaxKind.PartialKeyword) && (declaration.Body is not null || declaration.ExpressionBody is not null)))
                {
                    candidates.Add(new Candidate(declaration, null, TreeIndex(declaration.SyntaxTree), declaration.Identifier.SpanStart));
                }
            }

            AddEndpointLambdas(candidates, _ => true);
            return Confirmed(candidates);
        }

        /// <summary>
        /// The display name of the nearest request handler that calls the method (directly or through the app's methods), or
        /// null when no handler reaches it within the depth. A handler itself is not "reached" (null).
        /// </summary>
        public string? FindCallingHandler(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (IsHandler(method))
            {
                return null;
            }

            var name = CallNameGraph.DeclaredName(method);
            if (StaticCallSites.CanNarrow(method))
            {
                if (_staticTargets.TryGetValue(method, out var answered))
                {
                    return answered;
                }

                // The first static method asked about under a name (an IDE's document asks about a few) is searched from its
                // own call sites. Once another method of that name is asked (a build asks about every method, and an app's
                // modules repeat names), the name's shared search answers: one search per name, not one per method. Both
                // searches give the same answer.
                if (!_searches.ContainsKey(name) && _namesSearchedFromCallSites.TryAdd(name, true))
                {
                    return _staticTargets.GetOrAdd(method, HandlerCallingStatic);
                }
            }

            var search = _searches.GetOrAdd(name, n => new NameSearch(this, n));
            return search.HandlerCalling(method);
        }

        /// <summary><see cref="FindCallingHandler"/> for a method <see cref="StaticCallSites.CanNarrow"/> accepts, always by the search from its call sites (tested against the shared search).</summary>
        internal string? FindCallingHandlerFromCallSites(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return IsHandler(method) ? null : _staticTargets.GetOrAdd(method, HandlerCallingStatic);
        }

        /// <summary>
        /// The search for one static method: the same breadth-first search as <see cref="NameSearch"/>, following only the
        /// methods that may reach this method rather than any of its name. Its callers are the declarations with a call whose
        /// receiver may be its type (<see cref="StaticCallSites"/>), so a name every module declares costs the declarations that
        /// spell it, read as syntax, and the methods that may call this one, bound; not every module's. A method that may reach
        /// it may reach its name, so the search meets it at the same step, from the same handler.
        /// </summary>
        private string? HandlerCallingStatic(IMethodSymbol target)
        {
            var names = CallNameGraph.For(_compilation);
            var callSites = new StaticCallSites(_compilation);
            var name = CallNameGraph.DeclaredName(target);
            var callers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (declaration, declaredName) in names.DeclarationsInvoking(name))
            {
                if (!callers.Contains(declaredName) && callSites.MayCall(declaration, target))
                {
                    callers.Add(declaredName);
                }
            }

            var reachingName = names.NamesReaching(new[] { name });
            var reachingCallers = names.NamesReaching(callers);
            var mayReach = new Dictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            bool MayReach(IMethodSymbol method)
            {
                if (!mayReach.TryGetValue(method, out var may))
                {
                    may = names.MayReach(method, reachingName)
                        && (names.MayReach(method, reachingCallers) || method.DeclaringSyntaxReferences.Any(r => callSites.MayCall(r.GetSyntax(), target)));
                    mayReach.Add(method, may);
                }

                return may;
            }

            var reached = new Dictionary<IMethodSymbol, Reach>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            var lambdas = new Func<AnonymousFunctionExpressionSyntax, bool>(lambda =>
                CallNameGraph.MayReach(lambda, reachingName) && (CallNameGraph.MayReach(lambda, reachingCallers) || callSites.MayCall(lambda, target)));
            foreach (var (root, display) in HandlersReaching(reachingName.Intersect(reachingCallers), MayReach, lambdas))
            {
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, new Reach(display, 1));
                    queue.Enqueue(root);
                }
            }

            while (queue.Count > 0)
            {
                var method = queue.Dequeue();
                var reach = reached[method];
                if (reach.Depth >= _rag.Summaries.MaxDepth)
                {
                    continue;
                }

                foreach (var callee in _rag.Summaries.CalleesOf(method))
                {
                    if (SymbolEqualityComparer.Default.Equals(callee, target))
                    {
                        return reach.Handler;
                    }

                    if (!reached.ContainsKey(callee) && MayReach(callee))
                    {
                        reached.Add(callee, new Reach(reach.Handler, reach.Depth + 1));
                        queue.Enqueue(callee);
                    }
                }
            }

            return null;
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

        /// <summary>Whether the method is itself a handler (one of <see cref="Handlers"/>), decided without finding them all.</summary>
        private bool IsHandler(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.Ordinary)
            {
                return method.Locations.Any(l => l.IsInSource) && _rag.Handlers.KindOf(method) != HandlerKind.None;
            }

            if (method.MethodKind != MethodKind.AnonymousFunction || !_rag.Handlers.ReferencesServerFramework)
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } } lambda
                    && CallNameGraph.For(_compilation).MapCalls.Contains(invocation)
                    && new OperationsAcrossTrees(_compilation).Of(lambda) is IAnonymousFunctionOperation operation
                    && _rag.Handlers.IsMinimalApiHandler(operation))
                {
                    return true;
                }
            }

            return false;
        }

        private int TreeIndex(SyntaxTree? tree) => tree is not null && _treeOrder.Value.TryGetValue(tree, out var index) ? index : int.MaxValue;

        /// <summary>
        /// The handlers whose own syntax can lead to one of <paramref name="reaching"/> names, in source order, found by name:
        /// handler methods are declared under one of those names, endpoint lambdas are read from the <c>Map…</c> calls' syntax
        /// before anything is bound. The same handlers, in the same order, as <see cref="Handlers"/> filtered by
        /// <see cref="CallNameGraph.MayReach(IMethodSymbol, ImmutableHashSet{string})"/>.
        /// </summary>
        private IEnumerable<(IMethodSymbol Root, string Display)> HandlersReaching(ImmutableHashSet<string> reaching) =>
            HandlersReaching(reaching, method => CallNameGraph.For(_compilation).MayReach(method, reaching), lambda => CallNameGraph.MayReach(lambda, reaching));

        /// <summary>
        /// The handlers declared under one of <paramref name="declaredUnder"/> names that <paramref name="mayReach"/> accepts,
        /// and the endpoint lambdas <paramref name="lambdaMayReach"/> accepts (read as syntax before binding), in source order.
        /// The candidates are put in order first from their declarations and syntax; each is confirmed as a handler (its
        /// attributes read, an endpoint lambda bound) only when the enumeration gets to it, so a search that meets its method
        /// at the first handlers binds those, not every module's.
        /// </summary>
        private IEnumerable<(IMethodSymbol Root, string Display)> HandlersReaching(IEnumerable<string> declaredUnder, Func<IMethodSymbol, bool> mayReach, Func<AnonymousFunctionExpressionSyntax, bool> lambdaMayReach)
        {
            var names = CallNameGraph.For(_compilation);
            var candidates = new List<Candidate>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in declaredUnder)
            {
                foreach (var declaration in names.MethodDeclarationsNamed(name))
                {
                    if (DeclaredMethod(declaration) is { } method
                        && seen.Add(method)
                        && method.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                        && mayReach(method))
                    {
                        candidates.Add(new Candidate(declaration, method, TreeIndex(location.SourceTree), location.SourceSpan.Start));
                    }
                }
            }

            AddEndpointLambdas(candidates, lambdaMayReach);
            return Confirmed(candidates);
        }

        /// <summary>A method declaration (its symbol, when already bound) or an endpoint lambda, where it stands in source.</summary>
        private readonly record struct Candidate(SyntaxNode Node, IMethodSymbol? Method, int Tree, int Position);

        /// <summary>The lambdas passed to the <c>Map…</c> calls that <paramref name="accept"/> takes, read as syntax.</summary>
        private void AddEndpointLambdas(List<Candidate> candidates, Func<AnonymousFunctionExpressionSyntax, bool> accept)
        {
            if (!_rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            foreach (var invocation in CallNameGraph.For(_compilation).MapCalls)
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is AnonymousFunctionExpressionSyntax lambda && accept(lambda))
                    {
                        candidates.Add(new Candidate(lambda, null, TreeIndex(lambda.SyntaxTree), lambda.SpanStart));
                    }
                }
            }
        }

        /// <summary>
        /// The candidates in source order (file order, then position), each bound and confirmed as a handler (its attributes
        /// read, an endpoint lambda bound) only when the enumeration gets to it.
        /// </summary>
        private IEnumerable<(IMethodSymbol Root, string Display)> Confirmed(List<Candidate> candidates)
        {
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var operations = new OperationsAcrossTrees(_compilation);
            foreach (var candidate in candidates.OrderBy(c => c.Tree).ThenBy(c => c.Position))
            {
                if (candidate.Node is MethodDeclarationSyntax declaration)
                {
                    if ((candidate.Method ?? DeclaredMethod(declaration)) is { } method
                        && seen.Add(method)
                        && _rag.Handlers.KindOf(method) != HandlerKind.None)
                    {
                        yield return (method, CallChain.Display(method));
                    }
                }
                else if (operations.Of(candidate.Node) is IAnonymousFunctionOperation operation && _rag.Handlers.IsMinimalApiHandler(operation))
                {
                    yield return (operation.Symbol, DisplayLambdaHandler(operation));
                }
            }
        }

        /// <summary>The ordinary method a declaration declares (a partial method by its defining part), or null.</summary>
        private IMethodSymbol? DeclaredMethod(MethodDeclarationSyntax declaration)
        {
#pragma warning disable RS1030 // Handlers live in other files; the analyzer driver serves cached semantic models.
            var declared = _compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration);
#pragma warning restore RS1030
            return declared is IMethodSymbol { MethodKind: MethodKind.Ordinary } method ? (method.PartialDefinitionPart ?? method).OriginalDefinition : null;
        }

        /// <summary>
        /// The breadth-first search from every handler for the methods declared under one name, resumed by each question
        /// until the method asked about is met or the search is done. It follows only methods that may reach the name, so a
        /// method of that name is met at the same step, from the same handler, as in a search from all handlers.
        /// </summary>
        private sealed class NameSearch
        {
            private readonly HandlerReachability _owner;
            private readonly string _name;
            private readonly object _gate = new();
            private readonly Dictionary<IMethodSymbol, Reach> _reached = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<IMethodSymbol, string> _met = new(SymbolEqualityComparer.Default);
            private readonly Queue<IMethodSymbol> _queue = new();
            private IEnumerator<(IMethodSymbol Root, string Display)>? _roots;
            private ImmutableHashSet<string>? _reaching;

            public NameSearch(HandlerReachability owner, string name)
            {
                _owner = owner;
                _name = name;
            }

            public string? HandlerCalling(IMethodSymbol target)
            {
                lock (_gate)
                {
                    if (_reaching is null)
                    {
                        _reaching = CallNameGraph.For(_owner._compilation).NamesReaching(new[] { _name });
                        _roots = _owner.HandlersReaching(_reaching).GetEnumerator();
                    }

                    while (!_met.ContainsKey(target) && Step())
                    {
                    }

                    return _met.TryGetValue(target, out var handler) ? handler : null;
                }
            }

            /// <summary>
            /// One method: the next handler while any is left (every handler comes before any method it reaches, as in a
            /// search that starts from all of them), then the queue. Each callee declared under the name is met (the first
            /// time) from its handler. False when the search is done.
            /// </summary>
            private bool Step()
            {
                var names = CallNameGraph.For(_owner._compilation);
                IMethodSymbol method;
                if (_roots is not null && _roots.MoveNext())
                {
                    var (root, display) = _roots.Current;
                    if (_reached.ContainsKey(root))
                    {
                        return true;
                    }

                    _reached.Add(root, new Reach(display, 1));
                    method = root;
                }
                else
                {
                    _roots?.Dispose();
                    _roots = null;
                    if (_queue.Count == 0)
                    {
                        return false;
                    }

                    method = _queue.Dequeue();
                }

                var reach = _reached[method];
                if (reach.Depth >= _owner._rag.Summaries.MaxDepth)
                {
                    return true;
                }

                foreach (var callee in _owner._rag.Summaries.CalleesOf(method))
                {
                    if (!_met.ContainsKey(callee) && CallNameGraph.DeclaredName(callee) == _name)
                    {
                        _met.Add(callee, reach.Handler);
                    }

                    // A callee that cannot reach the name is not followed; nor would any chain through it get there. A handler
                    // still to come is one of the roots: it is reached from itself, not from this one.
                    if (!_reached.ContainsKey(callee) && names.MayReach(callee, _reaching!)
                        && !(_roots is not null && callee.MethodKind == MethodKind.Ordinary && _owner.IsHandler(callee)))
                    {
                        _reached.Add(callee, new Reach(reach.Handler, reach.Depth + 1));
                        _queue.Enqueue(callee);
                    }
                }

                return true;
            }
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
