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
    /// <see cref="CallSummaries.MaxDepth"/> of the app's methods (the handler and the method included). The answer is defined
    /// by the one breadth-first search from every handler of the compilation (methods by
    /// <see cref="RequestHandlers.KindOf(IMethodSymbol)"/>, minimal-API lambdas from the <c>Map…</c> calls), in source order,
    /// over <see cref="CallSummaries.CalleesOf"/>: the handler of the first method met that calls it (the nearest handler, the
    /// first in source on a tie), so it does not depend on the order in which concurrent analysis asks. It is found one of
    /// two ways, whichever binds less: walking back from the method over its callers (found by name from
    /// <see cref="CallNameGraph"/>, bound only where their syntax may call it, and kept for the next question) up to the
    /// nearest handlers, while that binds at most <see cref="MaxCallersToBind"/> candidates; otherwise the search itself,
    /// run once per declared name of the methods asked about (not once per method) and only as far as the questions need:
    /// it follows only methods whose syntax can lead to that name (the others cannot lie on a chain to a method of that
    /// name), it starts from the handlers among them only (found by name, without enumerating every handler), it keeps every
    /// method it met with its handler, and a later question resumes it where the last one stopped.
    /// </summary>
    internal sealed class HandlerReachability
    {
        /// <summary>
        /// How many candidate callers one question may bind walking back before it leaves the question to the search from the
        /// handlers: a few dozen bodies, about what that search binds to meet a method its first handlers reach.
        /// </summary>
        internal const int MaxCallersToBind = 32;

        private static readonly ConditionalWeakTable<Compilation, HandlerReachability> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly Lazy<List<(IMethodSymbol Root, string Display)>> _roots;
        private readonly ConcurrentDictionary<string, NameSearch> _searches = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IMethodSymbol, string?> _answers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<Caller>> _callers = new(SymbolEqualityComparer.Default);
        private readonly Lazy<StaticCallSites> _callSites;
        private readonly Lazy<InstanceCallSites> _instanceCallSites;
        private readonly Lazy<Dictionary<SyntaxTree, int>> _treeOrder;

        private HandlerReachability(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _roots = new Lazy<List<(IMethodSymbol Root, string Display)>>(FindRoots, LazyThreadSafetyMode.ExecutionAndPublication);
            _treeOrder = new Lazy<Dictionary<SyntaxTree, int>>(
                () => compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(p => p.tree, p => p.index),
                LazyThreadSafetyMode.ExecutionAndPublication);
            _callSites = new Lazy<StaticCallSites>(() => new StaticCallSites(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _instanceCallSites = new Lazy<InstanceCallSites>(() => new InstanceCallSites(_callSites.Value, CallNameGraph.For(compilation)), LazyThreadSafetyMode.ExecutionAndPublication);
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
            return _answers.GetOrAdd(method, m => FindCallingHandler(m, MaxCallersToBind));
        }

        /// <summary>
        /// <see cref="FindCallingHandler(IMethodSymbol)"/>, not kept: by the walk back from the method while it binds at most
        /// <paramref name="callersToBind"/> candidate callers, else by the search from the handlers; with none to bind, by the
        /// search alone, even where callers kept from earlier questions would let the walk finish (the tests ask for each way).
        /// </summary>
        internal string? FindCallingHandler(IMethodSymbol method, int callersToBind)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (IsHandler(method))
            {
                return null;
            }

            return callersToBind > 0 && TryWalkBack(method, callersToBind, out var handler)
                ? handler
                : _searches.GetOrAdd(CallNameGraph.DeclaredName(method), name => new NameSearch(this, name)).HandlerCalling(method);
        }

        /// <summary>
        /// The answer of the breadth-first search from every handler (see the class summary), found by walking back from the
        /// target over its callers, level by level, until a level holds a handler: a question costs the target's callers,
        /// theirs, and so on up to the nearest handlers, not every handler before them in source and what they call. The
        /// forward search processes methods by depth, each depth in the order of the first chains that reach them, and those
        /// chains start with their handler's place in source; so it meets the target first from a caller whose chain starts
        /// at the first, in source, of the handlers nearest the target. That handler is the answer: the first in source of
        /// those the walk meets at its first level with a handler. False, when the callers still to bind would exceed
        /// <paramref name="callersToBind"/>: a name every module calls (each module's <c>AnswerAsync</c>) has callers in every
        /// module, and the forward search, which stops at the first handler that reaches the method, costs less there.
        /// </summary>
        private bool TryWalkBack(IMethodSymbol target, int callersToBind, out string? handler)
        {
            handler = null;
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { target };
            var level = new List<IMethodSymbol> { target };
            for (var distance = 1; distance < _rag.Summaries.MaxDepth && level.Count > 0; distance++)
            {
                var next = new List<IMethodSymbol>();
                Caller? first = null;
                foreach (var callee in level)
                {
                    if (!_callers.TryGetValue(callee, out var callers))
                    {
                        if (CandidateCallers(callee, callersToBind) is not { } candidates)
                        {
                            return false;
                        }

                        callersToBind -= candidates.Count;
                        callers = _callers.GetOrAdd(callee, c => BindCallers(c, candidates));
                    }

                    foreach (var caller in callers)
                    {
                        if (seen.Add(caller.Method))
                        {
                            next.Add(caller.Method);
                        }

                        if (caller.Handler is not null && (first is null || caller.SourceOrder < first.Value.SourceOrder))
                        {
                            first = caller;
                        }
                    }
                }

                if (first is not null)
                {
                    handler = first.Value.Handler;
                    return true;
                }

                level = next;
            }

            return true;
        }

        /// <summary>A method that calls another, with its display name and place in source when it is a handler.</summary>
        private readonly record struct Caller(IMethodSymbol Method, string? Handler, long SourceOrder);

        /// <summary>
        /// Where the methods whose callees (<see cref="CallSummaries.CalleesOf"/>) include <paramref name="callee"/> may be, read
        /// from syntax: method declarations whose words include its name, and endpoint lambdas whose syntax calls it; for a
        /// static method, only those with a call written on a type that may be its type (<see cref="StaticCallSites"/>); for
        /// an instance method with more than <paramref name="limit"/>, only those with a call on a receiver whose declared
        /// type may have it (<see cref="InstanceCallSites"/>).
        /// Constructors are left out (no call a handler makes names one), and so are local functions and other lambdas (the
        /// method around them calls what they call, directly, so they lie on no shortest chain). Null as soon as there are
        /// more than <paramref name="limit"/>.
        /// </summary>
        private List<SyntaxNode>? CandidateCallers(IMethodSymbol callee, int limit)
        {
            var name = CallNameGraph.DeclaredName(callee);
            var byType = StaticCallSites.CanNarrow(callee) ? _callSites.Value : null;

            // An instance method's callers are read by receiver only when there are too many to bind: reading a receiver's
            // declaration costs more than the driver's own binding of a few bodies in a build.
            var byReceiver = InstanceCallSites.CanNarrow(callee) ? _instanceCallSites.Value : null;
            var narrowing = false;
            var candidates = new List<SyntaxNode>();
            bool Add(SyntaxNode caller)
            {
                if (narrowing && !byReceiver!.MayCall(caller, callee))
                {
                    return true;
                }

                candidates.Add(caller);
                if (candidates.Count > limit && byReceiver is not null && !narrowing)
                {
                    narrowing = true;
                    candidates.RemoveAll(c => !byReceiver.MayCall(c, callee));
                }

                return candidates.Count <= limit;
            }

            foreach (var (declaration, _) in CallNameGraph.For(_compilation).DeclarationsInvoking(name))
            {
                if (declaration is MethodDeclarationSyntax && (byType is null || byType.MayCall(declaration, callee)) && !Add(declaration))
                {
                    return null;
                }
            }

            var invoked = ImmutableHashSet.Create(StringComparer.Ordinal, name);
            foreach (var lambda in EndpointLambdas())
            {
                if (CallNameGraph.MayReach(lambda, invoked) && (byType is null || byType.MayCall(lambda, callee)) && !Add(lambda))
                {
                    return null;
                }
            }

            return candidates;
        }

        /// <summary>The candidates that do call <paramref name="callee"/>, bound: methods, and endpoint lambdas confirmed as handlers.</summary>
        private ImmutableArray<Caller> BindCallers(IMethodSymbol callee, List<SyntaxNode> candidates)
        {
            var callers = ImmutableArray.CreateBuilder<Caller>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var operations = new OperationsAcrossTrees(_compilation);
            foreach (var candidate in candidates)
            {
                if (candidate is MethodDeclarationSyntax method)
                {
                    if (DeclaredMethod(method, explicitImplementations: true) is { } caller
                        && seen.Add(caller)
                        && _rag.Summaries.CalleesOf(caller).Contains(callee, SymbolEqualityComparer.Default))
                    {
                        var handler = caller.MethodKind == MethodKind.Ordinary && _rag.Handlers.KindOf(caller) != HandlerKind.None ? CallChain.Display(caller) : null;
                        var location = caller.Locations.FirstOrDefault(l => l.IsInSource);
                        callers.Add(new Caller(caller, handler, SourceOrder(location?.SourceTree, location?.SourceSpan.Start ?? 0)));
                    }
                }
                else if (operations.Of(candidate) is IAnonymousFunctionOperation operation
                    && _rag.Handlers.IsMinimalApiHandler(operation)
                    && _rag.Summaries.CalleesOf(operation.Symbol).Contains(callee, SymbolEqualityComparer.Default))
                {
                    callers.Add(new Caller(operation.Symbol, DisplayLambdaHandler(operation), SourceOrder(candidate.SyntaxTree, candidate.SpanStart)));
                }
            }

            return callers.ToImmutable();
        }

        /// <summary>Where a handler stands in source (file order, then position), as one number.</summary>
        private long SourceOrder(SyntaxTree? tree, int position) => ((long)TreeIndex(tree) << 32) | (uint)position;

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
        /// <see cref="CallNameGraph.MayReach(IMethodSymbol, ImmutableHashSet{string})"/>. The candidates are put in order
        /// first from their declarations and syntax; each is confirmed as a handler (its attributes read, an endpoint lambda
        /// bound) only when the enumeration gets to it, so a search that meets its method at the first handlers binds those,
        /// not every module's.
        /// </summary>
        private IEnumerable<(IMethodSymbol Root, string Display)> HandlersReaching(ImmutableHashSet<string> reaching)
        {
            var names = CallNameGraph.For(_compilation);
            var candidates = new List<Candidate>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in reaching)
            {
                foreach (var declaration in names.MethodDeclarationsNamed(name))
                {
                    if (DeclaredMethod(declaration) is { } method
                        && seen.Add(method)
                        && method.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                        && names.MayReach(method, reaching))
                    {
                        candidates.Add(new Candidate(declaration, method, TreeIndex(location.SourceTree), location.SourceSpan.Start));
                    }
                }
            }

            AddEndpointLambdas(candidates, lambda => CallNameGraph.MayReach(lambda, reaching));
            return Confirmed(candidates);
        }

        /// <summary>A method declaration (its symbol, when already bound) or an endpoint lambda, where it stands in source.</summary>
        private readonly record struct Candidate(SyntaxNode Node, IMethodSymbol? Method, int Tree, int Position);

        /// <summary>The lambdas passed to the <c>Map…</c> calls that <paramref name="accept"/> takes, read as syntax.</summary>
        private void AddEndpointLambdas(List<Candidate> candidates, Func<AnonymousFunctionExpressionSyntax, bool> accept)
        {
            foreach (var lambda in EndpointLambdas())
            {
                if (accept(lambda))
                {
                    candidates.Add(new Candidate(lambda, null, TreeIndex(lambda.SyntaxTree), lambda.SpanStart));
                }
            }
        }

        /// <summary>The lambdas passed to the <c>Map…</c> calls, in tree order, as syntax (none when no server framework is referenced).</summary>
        private IEnumerable<AnonymousFunctionExpressionSyntax> EndpointLambdas()
        {
            if (!_rag.Handlers.ReferencesServerFramework)
            {
                yield break;
            }

            foreach (var invocation in CallNameGraph.For(_compilation).MapCalls)
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is AnonymousFunctionExpressionSyntax lambda)
                    {
                        yield return lambda;
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

        /// <summary>
        /// The method a declaration declares as a search from the handlers meets it (a partial method by its defining part):
        /// an ordinary method, or an explicit interface implementation when <paramref name="explicitImplementations"/>; else null.
        /// </summary>
        private IMethodSymbol? DeclaredMethod(MethodDeclarationSyntax declaration, bool explicitImplementations = false)
        {
#pragma warning disable RS1030 // Handlers and callers live in other files; the analyzer driver serves cached semantic models.
            var declared = _compilation.GetSemanticModel(declaration.SyntaxTree).GetDeclaredSymbol(declaration);
#pragma warning restore RS1030
            return declared is IMethodSymbol method
                && (method.MethodKind == MethodKind.Ordinary || (explicitImplementations && method.MethodKind == MethodKind.ExplicitInterfaceImplementation))
                    ? (method.PartialDefinitionPart ?? method).OriginalDefinition
                    : null;
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
                        roots.Add((method.OriginalDefinition, CallChain.Display(method), TreeIndex(location.SourceTree), location.SourceSpan.Start));
                    }
                }
            }

            var operations = new OperationsAcrossTrees(_compilation);
            foreach (var lambda in EndpointLambdas())
            {
                if (operations.Of(lambda) is IAnonymousFunctionOperation operation && _rag.Handlers.IsMinimalApiHandler(operation))
                {
                    roots.Add((operation.Symbol, DisplayLambdaHandler(operation), TreeIndex(lambda.SyntaxTree), lambda.SpanStart));
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
