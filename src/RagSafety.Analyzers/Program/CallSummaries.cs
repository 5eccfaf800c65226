using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// For the compilation's own methods: whether they reach an AI call or an index write through a chain of at most
    /// <c>maxDepth</c> of the app's methods (the method asked about included), with the shortest example chain. Each method's body is read once (its
    /// callees and direct catalogued calls); a query is a breadth-first search over those facts, cached per method.
    /// The answer never depends on the order queries arrive in, so concurrent analysis stays deterministic.
    /// Calls through the app's interfaces and virtual methods follow every implementation in the compilation.
    /// A method whose syntax cannot lead to the API's name (<see cref="CallNameGraph"/>) is never bound: binding bodies is
    /// most of what the summaries cost, and most of an app's methods cannot reach an AI call or an index write.
    /// </summary>
    internal sealed class CallSummaries
    {
        private static readonly object NoChain = new();

        private readonly Compilation _compilation;
        private readonly KnownApis _apis;
        private readonly int _maxDepth;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _facts = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _aiChains = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _writeChains = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _answeringChains = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _dropChains = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, object> _generationChains = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<INamedTypeSymbol>> _typesThatMayDerive = new(SymbolEqualityComparer.Default);
        private readonly System.Lazy<ILookup<IMethodSymbol, IMethodSymbol>> _allImplementations;
        private readonly System.Lazy<Dictionary<SyntaxTree, int>> _treeOrder;
        private readonly System.Lazy<CallNameGraph> _names;
        private readonly System.Lazy<ImmutableHashSet<string>> _namesReachingAiCall;
        private readonly System.Lazy<ImmutableHashSet<string>> _namesReachingIndexWrite;

        public CallSummaries(Compilation compilation, KnownApis apis, int maxDepth)
        {
            _compilation = compilation;
            _apis = apis;
            _maxDepth = maxDepth;
            _allImplementations = new System.Lazy<ILookup<IMethodSymbol, IMethodSymbol>>(FindAllImplementations, LazyThreadSafetyMode.ExecutionAndPublication);
            _treeOrder = new System.Lazy<Dictionary<SyntaxTree, int>>(
                () => compilation.SyntaxTrees.Select((tree, index) => (tree, index)).ToDictionary(p => p.tree, p => p.index),
                LazyThreadSafetyMode.ExecutionAndPublication);
            _names = new System.Lazy<CallNameGraph>(() => CallNameGraph.For(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _namesReachingAiCall = new System.Lazy<ImmutableHashSet<string>>(() => Names.NamesReaching(apis.MethodNamesWithRole(ApiRole.AiCall)), LazyThreadSafetyMode.ExecutionAndPublication);
            _namesReachingIndexWrite = new System.Lazy<ImmutableHashSet<string>>(() => Names.NamesReaching(apis.MethodNamesWithRole(ApiRole.IndexWrite)), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public int MaxDepth => _maxDepth;

        private CallNameGraph Names => _names.Value;

        /// <summary>The chain from an app method to an AI call, or null when none is reached within the depth.</summary>
        public CallChain? FindAiCall(IMethodSymbol method) => Find(method, _aiChains, facts => facts.FirstAiCall, _namesReachingAiCall);

        /// <summary>The chain from an app method to an index write, or null when none is reached within the depth.</summary>
        public CallChain? FindIndexWrite(IMethodSymbol method) => Find(method, _writeChains, facts => facts.FirstIndexWrite, _namesReachingIndexWrite);

        /// <summary>
        /// The chain from an app method to an AI call that answers or retrieves for a query (<see cref="ApiKinds.IsAnsweringCall"/>:
        /// chat, ask, search; not embeddings or key lookups), or null when none is reached within the depth.
        /// </summary>
        public CallChain? FindAnsweringCall(IMethodSymbol method) => Find(method, _answeringChains, facts => facts.FirstAnsweringCall, _namesReachingAiCall);

        /// <summary>The chain from an app method to an index write that deletes or recreates a whole collection (<see cref="ApiKinds.IsCollectionDrop"/>), or null.</summary>
        public CallChain? FindCollectionDrop(IMethodSymbol method) => Find(method, _dropChains, facts => facts.FirstCollectionDrop, _namesReachingIndexWrite);

        /// <summary>
        /// The chain from an app method to an AI call that runs a generation (<see cref="Generations"/>), or null when none is
        /// reached within the depth. A method that embeds and searches before it generates reaches the generation too.
        /// </summary>
        public CallChain? FindGeneration(IMethodSymbol method) => Find(method, _generationChains, facts => facts.FirstGeneration, _namesReachingAiCall);

        /// <summary>The app's own methods that a method, local function or lambda of this compilation calls directly (empty for library code).</summary>
        public ImmutableArray<IMethodSymbol> CalleesOf(IMethodSymbol method)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            return IsInSource(method) ? FactsOf(method).Callees : ImmutableArray<IMethodSymbol>.Empty;
        }

        private CallChain? Find(IMethodSymbol method, ConcurrentDictionary<IMethodSymbol, object> cache, System.Func<MethodFacts, IMethodSymbol?> target, System.Lazy<ImmutableHashSet<string>> namesReachingTarget)
        {
            method = (method.ReducedFrom ?? method).OriginalDefinition;
            if (!IsInSource(method))
            {
                return null;
            }

            var result = cache.GetOrAdd(method, m => (object?)Search(m, target, namesReachingTarget.Value) ?? NoChain);
            return result as CallChain;
        }

        private CallChain? Search(IMethodSymbol root, System.Func<MethodFacts, IMethodSymbol?> target, ImmutableHashSet<string> namesReachingTarget)
        {
            // A method that cannot reach the target is left out unbound; so are its callees, which cannot reach it either,
            // so leaving it out changes neither the chain found nor the order ties are broken in.
            if (!Names.MayReach(root, namesReachingTarget))
            {
                return null;
            }

            // Breadth first: the shortest chain wins, ties go to the callee that comes first in source.
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { root };
            var level = new List<ImmutableArray<IMethodSymbol>> { ImmutableArray.Create(root) };
            for (var depth = 0; depth < _maxDepth && level.Count > 0; depth++)
            {
                var next = new List<ImmutableArray<IMethodSymbol>>();
                foreach (var path in level)
                {
                    var facts = FactsOf(path[path.Length - 1]);
                    if (target(facts) is { } api)
                    {
                        return new CallChain(path.Add(api));
                    }

                    foreach (var callee in facts.Callees)
                    {
                        if (visited.Add(callee) && Names.MayReach(callee, namesReachingTarget))
                        {
                            next.Add(path.Add(callee));
                        }
                    }
                }

                level = next;
            }

            return null;
        }

        private MethodFacts FactsOf(IMethodSymbol method) => _facts.GetOrAdd(method, ComputeFacts);

        private MethodFacts ComputeFacts(IMethodSymbol method)
        {
            var callees = new List<IMethodSymbol>();
            var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            IMethodSymbol? firstAiCall = null;
            IMethodSymbol? firstGeneration = null;
            IMethodSymbol? firstIndexWrite = null;
            IMethodSymbol? firstAnsweringCall = null;
            IMethodSymbol? firstCollectionDrop = null;

            void AddCallee(IMethodSymbol callee)
            {
                if (seen.Add(callee))
                {
                    callees.Add(callee);
                }
            }

            var hasBody = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
#pragma warning disable RS1030 // Summaries read other methods' bodies; the analyzer driver serves cached semantic models.
                var model = _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                var operation = model.GetOperation(node);
                if (operation is null)
                {
                    continue;
                }

                hasBody = true;
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    var callee = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
                    var roles = _apis.RolesOf(callee);
                    if (roles.Contains(ApiRole.AiCall))
                    {
                        firstAiCall ??= invocation.TargetMethod;
                        if (firstAnsweringCall is null && ApiKinds.IsAnsweringCall(invocation.TargetMethod, _apis))
                        {
                            firstAnsweringCall = invocation.TargetMethod;
                        }

                        if (firstGeneration is null && Generations.IsGeneration(invocation.TargetMethod))
                        {
                            firstGeneration = invocation.TargetMethod;
                        }
                    }

                    if (roles.Contains(ApiRole.IndexWrite))
                    {
                        firstIndexWrite ??= invocation.TargetMethod;
                        if (firstCollectionDrop is null && ApiKinds.IsCollectionDrop(invocation.TargetMethod, _apis))
                        {
                            firstCollectionDrop = invocation.TargetMethod;
                        }
                    }

                    if (IsInSource(callee) && !SymbolEqualityComparer.Default.Equals(callee, method))
                    {
                        AddCallee(callee);
                        if (callee.IsAbstract || callee.IsVirtual || (callee.IsOverride && !callee.IsSealed) || callee.ContainingType?.TypeKind == TypeKind.Interface)
                        {
                            foreach (var implementation in ImplementationsOf(callee))
                            {
                                AddCallee(implementation);
                            }
                        }
                    }
                }
            }

            if (!hasBody && (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface))
            {
                foreach (var implementation in ImplementationsOf(method))
                {
                    AddCallee(implementation);
                }
            }

            return new MethodFacts(callees.ToImmutableArray(), firstAiCall, firstGeneration, firstIndexWrite, firstAnsweringCall, firstCollectionDrop);
        }

        /// <summary>
        /// The implementations and overrides in source of an interface member or a virtual or abstract method declared in
        /// source, in source order (file order, then position). Only the types that may derive from the member's type are
        /// bound, found by name from the call-name pass's base lists (<see cref="CallNameGraph.TypesDerivingFromName"/>), so a
        /// question costs the types of that hierarchy, not a walk over every type of the compilation. When a using alias may
        /// spell a base type under another name, every type is walked instead.
        /// </summary>
        internal ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol member) => _implementations.GetOrAdd(member, FindImplementationsOf);

        /// <summary>The same answer as <see cref="ImplementationsOf"/>, from one walk over every type of the compilation (the reference the lazy search is tested against).</summary>
        internal ImmutableArray<IMethodSymbol> ImplementationsFromFullWalk(IMethodSymbol member) => InSourceOrder(_allImplementations.Value[member]);

        private ImmutableArray<IMethodSymbol> FindImplementationsOf(IMethodSymbol member)
        {
            if (member.ContainingType is not { } declaring || Names.DeclaresUsingAlias)
            {
                return ImplementationsFromFullWalk(member);
            }

            var found = new List<IMethodSymbol>();
            foreach (var type in _typesThatMayDerive.GetOrAdd(declaring.OriginalDefinition, TypesThatMayDerive))
            {
                foreach (var (key, implementation) in ImplementationPairs(type, member.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(key, member))
                    {
                        found.Add(implementation);
                    }
                }
            }

            return InSourceOrder(found);
        }

        /// <summary>
        /// The source types whose declarations may derive from or implement <paramref name="declaring"/>, found from the
        /// names their base lists spell; kept per type, since each of its members asks.
        /// </summary>
        private ImmutableArray<INamedTypeSymbol> TypesThatMayDerive(INamedTypeSymbol declaring)
        {
            var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var derived = Names.TypesDerivingFromName(declaring.Name);
            var hierarchy = new HashSet<string>(derived.Select(d => d.Identifier.ValueText), System.StringComparer.Ordinal);
            var byNamespace = declaring.ContainingType is null && !hierarchy.Contains(declaring.Name);
            hierarchy.Add(declaring.Name);
            foreach (var declaration in derived)
            {
                if (byNamespace && !BaseListMayName(declaration, declaring, hierarchy))
                {
                    continue;
                }

#pragma warning disable RS1030 // Implementations live in other files; declared symbols need no body bound.
                var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type && seen.Add(type))
                {
                    types.Add(type);
                }
            }

            return types.ToImmutable();
        }

        /// <summary>
        /// Whether a type's base list may lead to <paramref name="declaring"/>: through a name of its hierarchy other than its
        /// own, a qualified name, or its own simple name where its namespace is in scope. Another module's namesake interface
        /// is not (every module's <c>InMemoryProductRepository : IProductRepository</c> implements its own module's). Only
        /// asked when no type of the hierarchy shares the declaring type's name.
        /// </summary>
        private bool BaseListMayName(TypeDeclarationSyntax declaration, INamedTypeSymbol declaring, HashSet<string> hierarchy)
        {
            foreach (var baseType in declaration.BaseList!.Types)
            {
                if (CallNameGraph.SimpleNameOf(baseType.Type) is not { } name || !hierarchy.Contains(name))
                {
                    continue;
                }

                if (name != declaring.Name || baseType.Type is not SimpleNameSyntax || NamespaceScope.MaySee(baseType.Type, declaring.ContainingNamespace, Names))
                {
                    return true;
                }
            }

            return false;
        }

        private ImmutableArray<IMethodSymbol> InSourceOrder(IEnumerable<IMethodSymbol> methods) =>
            methods.Distinct<IMethodSymbol>(SymbolEqualityComparer.Default)
                .Select(m => (Method: m, Location: m.Locations.FirstOrDefault(l => l.IsInSource)))
                .OrderBy(p => p.Location?.SourceTree is { } tree && _treeOrder.Value.TryGetValue(tree, out var index) ? index : int.MaxValue)
                .ThenBy(p => p.Location?.SourceSpan.Start ?? 0)
                .Select(p => p.Method)
                .ToImmutableArray();

        /// <summary>Interface members and virtual methods declared in source, mapped to their implementations in source.</summary>
        private ILookup<IMethodSymbol, IMethodSymbol> FindAllImplementations()
        {
            var pairs = new List<KeyValuePair<IMethodSymbol, IMethodSymbol>>();
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(_compilation.Assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                var current = types.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        types.Push(nested);
                    }
                }

                if (current is INamedTypeSymbol type)
                {
                    pairs.AddRange(ImplementationPairs(type, name: null).Select(p => new KeyValuePair<IMethodSymbol, IMethodSymbol>(p.Member, p.Implementation)));
                }
            }

            return pairs.ToLookup(p => p.Key, p => p.Value, (IEqualityComparer<IMethodSymbol>)SymbolEqualityComparer.Default);
        }

        /// <summary>
        /// What a class or struct implements or overrides of the interface members and methods declared in source, each
        /// pair as (that member, the implementation or override), for members of one name or (null) of every name.
        /// </summary>
        private IEnumerable<(IMethodSymbol Member, IMethodSymbol Implementation)> ImplementationPairs(INamedTypeSymbol type, string? name)
        {
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (!IsInSource(@interface.OriginalDefinition))
                {
                    continue;
                }

                foreach (var interfaceMethod in (name is null ? @interface.GetMembers() : @interface.GetMembers(name)).OfType<IMethodSymbol>())
                {
                    if (type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation && IsInSource(implementation))
                    {
                        yield return (interfaceMethod.OriginalDefinition, implementation.OriginalDefinition);
                    }
                }
            }

            foreach (var method in (name is null ? type.GetMembers() : type.GetMembers(name)).OfType<IMethodSymbol>())
            {
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (IsInSource(overridden))
                    {
                        yield return (overridden.OriginalDefinition, method.OriginalDefinition);
                    }
                }
            }
        }

        private bool IsInSource(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.Length > 0 && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

        private bool IsInSource(INamedTypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly);

        private sealed class MethodFacts
        {
            public MethodFacts(ImmutableArray<IMethodSymbol> callees, IMethodSymbol? firstAiCall, IMethodSymbol? firstGeneration, IMethodSymbol? firstIndexWrite, IMethodSymbol? firstAnsweringCall, IMethodSymbol? firstCollectionDrop)
            {
                Callees = callees;
                FirstAiCall = firstAiCall;
                FirstGeneration = firstGeneration;
                FirstIndexWrite = firstIndexWrite;
                FirstAnsweringCall = firstAnsweringCall;
                FirstCollectionDrop = firstCollectionDrop;
            }

            public ImmutableArray<IMethodSymbol> Callees { get; }

            public IMethodSymbol? FirstAiCall { get; }

            public IMethodSymbol? FirstGeneration { get; }

            public IMethodSymbol? FirstIndexWrite { get; }

            public IMethodSymbol? FirstAnsweringCall { get; }

            public IMethodSymbol? FirstCollectionDrop { get; }
        }
    }
}
