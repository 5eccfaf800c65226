using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The app's call graph as its source text shows it, by name: for each name a method or constructor of the compilation
    /// is declared with, the names its bodies may invoke. Built by one pass over the text of each tree, binding nothing and
    /// creating syntax nodes only for declarations (<see cref="SourceWords"/>). A name stands for every method declared
    /// with it, and a declaration's names include every word in it, so the graph has an edge for every real call (an
    /// interface call reaches all methods of that name, implementations included): when it says a name cannot be reached
    /// from a method, no call chain reaches it. <see cref="CallSummaries"/> and <see cref="HandlerReachability"/> use that
    /// to bind only the methods that can matter. The same pass finds what other whole-compilation questions need, so the
    /// trees are read once: the <c>Map…</c> calls (minimal-API endpoints), the <c>…Singleton</c>, <c>…Scoped</c> and <c>…Transient</c> calls (DI registrations),
    /// the calls that may make an HttpClient retry, and whether client defaults are configured anywhere.
    /// </summary>
    internal sealed class CallNameGraph
    {
        /// <summary>The name constructors are declared and invoked under (<c>: base(…)</c>, <c>: this(…)</c>, a primary constructor's base call).</summary>
        public const string ConstructorName = ".ctor";

        // Calls the compiler makes for syntax that names no method: query clauses, interpolated-string handlers, collection initializers.
        internal static readonly string[] QueryMethodNames = { "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Cast" };
        internal static readonly string[] InterpolationHandlerNames = { "AppendLiteral", "AppendFormatted" };
        internal const string CollectionInitializerName = "Add";

        /// <summary>The IHttpClientBuilder extensions that may make a client retry (RAG042); their calls are kept in <see cref="RetryHandlerCalls"/>.</summary>
        internal static readonly ImmutableHashSet<string> RetryHandlerNames = ImmutableHashSet.Create(
            System.StringComparer.Ordinal,
            "AddStandardResilienceHandler",
            "AddStandardHedgingHandler",
            "AddResilienceHandler",
            "AddPolicyHandler",
            "AddTransientHttpErrorPolicy");

        /// <summary>Names whose calls anywhere in the compilation <see cref="IsInvokedAnywhere"/> can answer for.</summary>
        private static readonly ImmutableHashSet<string> WatchedNames =
            ImmutableHashSet.Create(
                System.StringComparer.Ordinal,
                "ConfigureHttpClientDefaults",
                "AddServiceDefaults",
                "AddHostedService",
                "ConfigureFunctionsWorkerDefaults",
                "ConfigureFunctionsWebApplication").Union(RetryHandlerNames);

        private static readonly ConditionalWeakTable<Compilation, System.Lazy<CallNameGraph>> Cache = new();

        // What one tree's text says, kept while the tree lives: an IDE builds a new compilation per keystroke from the same
        // trees but one, so only the edited tree is read again. Syntax only: no symbol, no compilation.
        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> TreeCache = new();

        // A lambda's names, kept while its tree lives: each keystroke asks about the endpoint lambdas of unchanged files again.
        private static readonly ConditionalWeakTable<AnonymousFunctionExpressionSyntax, string[]> LambdaNames = new();

        // One reader per thread: its word table and buffer are reused from tree to tree.
        [System.ThreadStatic]
        private static SourceWords? s_words;

        private readonly ImmutableArray<TreeFacts> _trees;
        private readonly bool _declaresGlobalUsingStatic;
        private readonly ConcurrentDictionary<string, List<string>> _callers = new(System.StringComparer.Ordinal);
        private readonly (MergedCallers Base, List<TreeFacts> Removed, List<TreeFacts> Added) _merged;
        private readonly HashSet<string> _invokedAnywhere = new(System.StringComparer.Ordinal);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<string>> _namesInvokedBy = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, List<TypeDeclarationSyntax>> _typesDerivingFromName = new(System.StringComparer.Ordinal);

        private CallNameGraph(ImmutableArray<TreeFacts> trees, string mergeKey)
        {
            _trees = trees;
            _merged = MergedCallers.For(mergeKey, trees);
            var mapCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var singletonCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var scopedOrTransientCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var retryHandlerCalls = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            foreach (var tree in trees)
            {
                foreach (var (word, invocation) in tree.Watched)
                {
                    _invokedAnywhere.Add(word);
                    if (IsMapName(word))
                    {
                        mapCalls.Add(invocation);
                    }

                    if (IsSingletonName(word))
                    {
                        singletonCalls.Add(invocation);
                    }

                    if (IsScopedOrTransientName(word))
                    {
                        scopedOrTransientCalls.Add(invocation);
                    }

                    if (RetryHandlerNames.Contains(word))
                    {
                        retryHandlerCalls.Add(invocation);
                    }
                }
            }

            DeclaresUsingAlias = trees.Any(t => t.DeclaresUsingAlias);
            _declaresGlobalUsingStatic = trees.Any(t => t.DeclaresGlobalUsingStatic);
            GlobalUsingNamespaces = trees.SelectMany(t => t.GlobalUsingNamespaces).ToImmutableHashSet(System.StringComparer.Ordinal);
            MapCalls = mapCalls.ToImmutable();
            SingletonCalls = singletonCalls.ToImmutable();
            ScopedOrTransientCalls = scopedOrTransientCalls.ToImmutable();
            RetryHandlerCalls = retryHandlerCalls.ToImmutable();
        }

        /// <summary>Every invocation of a method whose name starts with <c>Map</c>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> MapCalls { get; }

        /// <summary>Every invocation of a method whose name ends with <c>Singleton</c>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> SingletonCalls { get; }

        /// <summary>Every invocation of a method whose name ends with <c>Scoped</c> or <c>Transient</c>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> ScopedOrTransientCalls { get; }

        /// <summary>Every invocation of a method named in <see cref="RetryHandlerNames"/>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> RetryHandlerCalls { get; }

        /// <summary>The compilation's graph, built on first need (once, whichever analyzer asks first).</summary>
        public static CallNameGraph For(Compilation compilation) =>
            Cache.GetValue(compilation, c => new System.Lazy<CallNameGraph>(() => Build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        /// <summary>
        /// Whether any code of the compilation (top-level statements included) invokes a method of this name; answered for
        /// <c>ConfigureHttpClientDefaults</c>, <c>AddServiceDefaults</c>, <c>AddHostedService</c> and the Functions worker's
        /// <c>ConfigureFunctions…</c> (the names the pass watches for).
        /// </summary>
        public bool IsInvokedAnywhere(string name)
        {
            System.Diagnostics.Debug.Assert(WatchedNames.Contains(name), "The pass does not watch for " + name);
            return _invokedAnywhere.Contains(name);
        }

        /// <summary>
        /// The graph of a compilation from the facts of each of its trees, each read once while the tree lives (a tree
        /// another compilation already read is not read again). Not cancellable: the graph is shared by all analyzers of the
        /// compilation.
        /// </summary>
        public static CallNameGraph Build(Compilation compilation) =>
            new(compilation.SyntaxTrees.Select(tree => TreeCache.GetValue(tree, ReadTree)).ToImmutableArray(), compilation.AssemblyName ?? string.Empty);

        /// <summary>Reads one tree's text once: its declarations' words and the watched calls.</summary>
        private static TreeFacts ReadTree(SyntaxTree tree)
        {
            var words = s_words ??= new SourceWords();
            var facts = new TreeFacts();
            var root = tree.GetRoot();
            var declarations = SourceWords.DeclarationsOf(root);
            var watched = new List<(string Word, int Position)>();
            words.Scan(tree.GetText(), declarations, IsWatched, watched);
            foreach (var declaration in declarations)
            {
                if (declaration.Node is TypeDeclarationSyntax { BaseList: { } baseList } type)
                {
                    foreach (var baseType in baseList.Types)
                    {
                        if (SimpleNameOf(baseType.Type) is { } baseName)
                        {
                            facts.AddDerived(baseName, type);
                        }
                    }
                }

                if (declaration.DeclaredName is not { } name || declaration.Words is not { } names)
                {
                    continue;
                }

                if (declaration.NeedsSyntaxWalk)
                {
                    Walk(declaration.Node, names);
                }

                facts.ByDeclaration[declaration.Node.Span] = names;
                foreach (var invoked in names)
                {
                    facts.AddInvoker(invoked, declaration.Node, name);
                }

                if (declaration.Node is MethodDeclarationSyntax method)
                {
                    if (!facts.MethodsByName.TryGetValue(name, out var methods))
                    {
                        methods = new List<MethodDeclarationSyntax>();
                        facts.MethodsByName.Add(name, methods);
                    }

                    methods.Add(method);
                }

                foreach (var invoked in names)
                {
                    if (!facts.Callers.TryGetValue(invoked, out var callers))
                    {
                        callers = new List<string>();
                        facts.Callers.Add(invoked, callers);
                    }

                    // Names are interned by the reader, and a declaration's callers are added together: one check suffices mostly; the merge removes the rest.
                    if (callers.Count == 0 || !ReferenceEquals(callers[callers.Count - 1], name))
                    {
                        callers.Add(name);
                    }
                }
            }

            var usings = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().ToList();
            facts.DeclaresUsingAlias = usings.Any(u => u.Alias is not null);
            facts.DeclaresUsingStatic = usings.Any(u => u.StaticKeyword != default);
            facts.DeclaresGlobalUsingStatic = usings.Any(u => u.StaticKeyword != default && u.GlobalKeyword != default);
            foreach (var global in usings)
            {
                if (global.GlobalKeyword != default && global.StaticKeyword == default && global.Alias is null && global.Name is { } imported)
                {
                    facts.GlobalUsingNamespaces.Add(DottedName(imported));
                }
            }

            // A watched word is kept only where it names the method of a call (not in a string, comment or declaration).
            foreach (var (word, position) in watched)
            {
                if (InvocationNamed(root.FindToken(position), word) is { } invocation)
                {
                    facts.Watched.Add((word, invocation));
                }
            }

            return facts;
        }

        /// <summary>
        /// The declared names whose declarations invoke a name, over all trees (each once): the merged callers of the trees a
        /// recent compilation of the same project had, corrected by the few trees that differ (see <see cref="MergedCallers"/>).
        /// </summary>
        private List<string> CallersOf(string invoked) => _callers.GetOrAdd(invoked, name =>
        {
            var (merged, removed, added) = _merged;
            if (removed.Count == 0 && added.Count == 0)
            {
                return merged.Counts.TryGetValue(name, out var all) ? all.Keys.ToList() : new List<string>();
            }

            var counts = merged.Counts.TryGetValue(name, out var before) ? new Dictionary<string, int>(before, System.StringComparer.Ordinal) : new Dictionary<string, int>(System.StringComparer.Ordinal);
            foreach (var tree in removed)
            {
                MergedCallers.Count(tree, name, counts, -1);
            }

            foreach (var tree in added)
            {
                MergedCallers.Count(tree, name, counts, +1);
            }

            return counts.Where(p => p.Value > 0).Select(p => p.Key).ToList();
        });

        /// <summary>
        /// Every tree's callers by invoked name, merged once and shared by the next compilations of the project: an IDE makes
        /// a compilation per keystroke that differs from the last by one tree, and merging all trees again each time would
        /// cost the whole project per keystroke. Counts (how many times each tree lists a caller) let a changed tree's
        /// contribution be taken out. Immutable once built; the last one built per assembly name is remembered weakly, and
        /// a compilation whose trees differ from it by more than <see cref="MaxDifference"/> trees builds its own.
        /// </summary>
        private sealed class MergedCallers
        {
            private const int MaxDifference = 32;

            private static readonly ConcurrentDictionary<string, System.WeakReference<MergedCallers>> Last = new(System.StringComparer.Ordinal);

            private MergedCallers(ImmutableArray<TreeFacts> trees)
            {
                Trees = new HashSet<TreeFacts>(trees);
                foreach (var tree in trees)
                {
                    foreach (var pair in tree.Callers)
                    {
                        if (!Counts.TryGetValue(pair.Key, out var counts))
                        {
                            counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
                            Counts.Add(pair.Key, counts);
                        }

                        foreach (var caller in pair.Value)
                        {
                            counts[caller] = counts.TryGetValue(caller, out var count) ? count + 1 : 1;
                        }
                    }
                }
            }

            public HashSet<TreeFacts> Trees { get; }

            public Dictionary<string, Dictionary<string, int>> Counts { get; } = new(System.StringComparer.Ordinal);

            /// <summary>A merge to start from, and the trees to take out of it and add to it to get <paramref name="trees"/>.</summary>
            public static (MergedCallers Base, List<TreeFacts> Removed, List<TreeFacts> Added) For(string key, ImmutableArray<TreeFacts> trees)
            {
                if (Last.TryGetValue(key, out var weak) && weak.TryGetTarget(out var last))
                {
                    var added = new List<TreeFacts>();
                    foreach (var tree in trees)
                    {
                        if (!last.Trees.Contains(tree) && added.Count <= MaxDifference)
                        {
                            added.Add(tree);
                        }
                    }

                    if (added.Count <= MaxDifference)
                    {
                        var current = new HashSet<TreeFacts>(trees);
                        var removed = last.Trees.Where(t => !current.Contains(t)).Take(MaxDifference + 1).ToList();
                        if (removed.Count <= MaxDifference)
                        {
                            return (last, removed, added);
                        }
                    }
                }

                var merged = new MergedCallers(trees);
                Last[key] = new System.WeakReference<MergedCallers>(merged);
                return (merged, new List<TreeFacts>(), new List<TreeFacts>());
            }

            /// <summary>Adds <paramref name="sign"/> for each time <paramref name="tree"/> lists a caller of <paramref name="name"/>.</summary>
            public static void Count(TreeFacts tree, string name, Dictionary<string, int> counts, int sign)
            {
                if (tree.Callers.TryGetValue(name, out var callers))
                {
                    foreach (var caller in callers)
                    {
                        counts[caller] = (counts.TryGetValue(caller, out var count) ? count : 0) + sign;
                    }
                }
            }
        }

        private static bool IsWatched(string word) => IsMapName(word) || IsSingletonName(word) || IsScopedOrTransientName(word) || WatchedNames.Contains(word);

        private static bool IsMapName(string name) => name.StartsWith("Map", System.StringComparison.Ordinal);

        private static bool IsSingletonName(string name) => name.EndsWith("Singleton", System.StringComparison.Ordinal);

        private static bool IsScopedOrTransientName(string name) =>
            name.EndsWith("Scoped", System.StringComparison.Ordinal) || name.EndsWith("Transient", System.StringComparison.Ordinal);

        /// <summary>The invocation whose method name is this token (<c>Foo</c> in <c>x.Foo(…)</c>, <c>x?.Foo&lt;T&gt;(…)</c>, <c>Foo(…)</c>), or null.</summary>
        private static InvocationExpressionSyntax? InvocationNamed(SyntaxToken token, string word)
        {
            // The name is the expression called, or the last part of it: the invocation is its parent or grandparent.
            if (token.ValueText != word || token.Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            var invocation = name.Parent as InvocationExpressionSyntax ?? name.Parent?.Parent as InvocationExpressionSyntax;
            return invocation is not null && InvokedNameToken(invocation.Expression) == token ? invocation : null;
        }

        /// <summary>The targets, and every declared name from which a target can be invoked through any number of calls.</summary>
        public ImmutableHashSet<string> NamesReaching(IEnumerable<string> targets)
        {
            var reaching = new HashSet<string>(targets, System.StringComparer.Ordinal);
            var queue = new Queue<string>(reaching);
            while (queue.Count > 0)
            {
                foreach (var caller in CallersOf(queue.Dequeue()))
                {
                    if (reaching.Add(caller))
                    {
                        queue.Enqueue(caller);
                    }
                }
            }

            return reaching.ToImmutableHashSet(System.StringComparer.Ordinal);
        }

        /// <summary>
        /// Whether a method of this compilation can reach one of <paramref name="reaching"/> (a result of
        /// <see cref="NamesReaching"/>): its own body invokes one of those names. A method without a body (abstract, or an
        /// interface member) reaches what its implementations do, which are declared under its name.
        /// </summary>
        public bool MayReach(IMethodSymbol method, ImmutableHashSet<string> reaching)
        {
            foreach (var name in _namesInvokedBy.GetOrAdd(method, NamesInvokedBy))
            {
                if (reaching.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every method declaration (not constructors, local functions or accessors), tree by tree, in no particular order within a tree.</summary>
        public IEnumerable<MethodDeclarationSyntax> AllMethodDeclarations() =>
            _trees.SelectMany(tree => tree.MethodsByName.Values.SelectMany(methods => methods));

        /// <summary>The method declarations (not constructors, local functions or accessors) declared under a name, in tree order and then source order.</summary>
        public IEnumerable<MethodDeclarationSyntax> MethodDeclarationsNamed(string name)
        {
            foreach (var tree in _trees)
            {
                if (tree.MethodsByName.TryGetValue(name, out var methods))
                {
                    foreach (var method in methods)
                    {
                        yield return method;
                    }
                }
            }
        }

        /// <summary>Whether some file declares a using alias (a type may then be spelled under another name).</summary>
        public bool DeclaresUsingAlias { get; }

        /// <summary>Whether a method may be imported into <paramref name="tree"/> by <c>using static</c> (its own or a global one of any file).</summary>
        public bool MayImportStatically(SyntaxTree tree) =>
            (TreeCache.TryGetValue(tree, out var facts) ? facts.DeclaresUsingStatic : true) || _declaresGlobalUsingStatic;

        /// <summary>
        /// The method and constructor declarations (and types with a primary constructor) whose words include the name, with
        /// their declared names, in tree order: every declaration that may invoke a method of that name, local functions and
        /// lambdas inside them included.
        /// </summary>
        public IEnumerable<(SyntaxNode Declaration, string DeclaredName)> DeclarationsInvoking(string name)
        {
            foreach (var tree in _trees)
            {
                if (tree.Invokers.TryGetValue(name, out var declarations))
                {
                    foreach (var declaration in declarations)
                    {
                        yield return declaration;
                    }
                }
            }
        }

        /// <summary>
        /// The type declarations (classes, structs, records, interfaces; every part) whose base list names a type of this simple
        /// name, or a type that does, transitively: every type that may derive from or implement a type of that name, unless a
        /// using alias spells a base type otherwise (<see cref="DeclaresUsingAlias"/>). In tree order, each declaration once.
        /// </summary>
        public IReadOnlyList<TypeDeclarationSyntax> TypesDerivingFromName(string typeName) => _typesDerivingFromName.GetOrAdd(typeName, FindTypesDerivingFromName);

        private List<TypeDeclarationSyntax> FindTypesDerivingFromName(string typeName)
        {
            var found = new List<TypeDeclarationSyntax>();
            var names = new HashSet<string>(System.StringComparer.Ordinal) { typeName };
            var queue = new Queue<string>(names);
            var seen = new HashSet<TypeDeclarationSyntax>();
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                foreach (var tree in _trees)
                {
                    if (tree.DerivedByBaseName.TryGetValue(name, out var derived))
                    {
                        foreach (var type in derived)
                        {
                            if (seen.Add(type))
                            {
                                found.Add(type);
                                if (names.Add(type.Identifier.ValueText))
                                {
                                    queue.Enqueue(type.Identifier.ValueText);
                                }
                            }
                        }
                    }
                }
            }

            return found;
        }

        /// <summary>The simple name a base type is written with: <c>Foo</c> in <c>Foo</c>, <c>Foo&lt;T&gt;</c>, <c>A.Foo</c> and <c>global::Foo</c>.</summary>
        internal static string? SimpleNameOf(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The namespaces imported by a <c>global using</c> of any file, as written (dotted, without <c>global::</c>).</summary>
        public ImmutableHashSet<string> GlobalUsingNamespaces { get; }

        /// <summary>A name as dotted identifiers (<c>global::A.B</c> and <c>A . B</c> are <c>A.B</c>).</summary>
        public static string DottedName(NameSyntax name) =>
            string.Join(".", name.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));

        /// <summary>
        /// <see cref="MayReach(IMethodSymbol, ImmutableHashSet{string})"/> for a lambda or anonymous method read from its syntax,
        /// before it is bound: the same names its symbol would give.
        /// </summary>
        public static bool MayReach(AnonymousFunctionExpressionSyntax lambda, ImmutableHashSet<string> reaching)
        {
            foreach (var name in LambdaNames.GetValue(lambda, NamesInvokedIn))
            {
                if (reaching.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string[] NamesInvokedIn(AnonymousFunctionExpressionSyntax lambda)
        {
            var names = new List<string>();
            Walk(lambda, names);
            return names.Distinct(System.StringComparer.Ordinal).ToArray();
        }

        /// <summary>The name a method is declared and called under: an explicit implementation's is the interface member's.</summary>
        public static string DeclaredName(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Constructor ? ConstructorName
            : method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name;

        /// <summary>The name token of the method an invocation calls: <c>Foo</c> in <c>x.Foo&lt;T&gt;(…)</c>, <c>x?.Foo(…)</c> and <c>Foo(…)</c>; none for a delegate expression.</summary>
        internal static SyntaxToken InvokedNameToken(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier,
            SimpleNameSyntax name => name.Identifier,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier,
            _ => default,
        };

        private ImmutableArray<string> NamesInvokedBy(IMethodSymbol method)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            if (method.IsAbstract || method.ContainingType?.TypeKind == TypeKind.Interface)
            {
                // Calls through it reach the implementations too, all declared under this name.
                names.Add(DeclaredName(method));
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                // Methods and constructors were read with the trees; lambdas, local functions and accessors are walked now.
                if (TreeCache.TryGetValue(reference.SyntaxTree, out var tree) && tree.ByDeclaration.TryGetValue(reference.Span, out var declared))
                {
                    names.UnionWith(declared);
                }
                else
                {
                    var walked = new List<string>();
                    var node = reference.GetSyntax();
                    Walk(node, walked);
                    if (node is LocalFunctionStatementSyntax localFunction)
                    {
                        AddLocalFunctionCallees(localFunction, walked);
                    }

                    names.UnionWith(walked);
                }
            }

            return names.ToImmutableArray();
        }

        /// <summary>
        /// A local function is declared under no name of the graph, so a chain from one local function into another would
        /// end at the first: add the names the local functions it calls (in the same member or top-level statements) invoke,
        /// transitively.
        /// </summary>
        private static void AddLocalFunctionCallees(LocalFunctionStatementSyntax root, List<string> names)
        {
            var scope = root.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax and not GlobalStatementSyntax or CompilationUnitSyntax);
            if (scope is null)
            {
                return;
            }

            var localFunctions = new Dictionary<string, List<LocalFunctionStatementSyntax>>(System.StringComparer.Ordinal);
            foreach (var candidate in scope.DescendantNodes().OfType<LocalFunctionStatementSyntax>())
            {
                if (candidate != root && (scope is not CompilationUnitSyntax || candidate.Ancestors().Any(a => a is GlobalStatementSyntax)))
                {
                    if (!localFunctions.TryGetValue(candidate.Identifier.ValueText, out var list))
                    {
                        list = new List<LocalFunctionStatementSyntax>();
                        localFunctions.Add(candidate.Identifier.ValueText, list);
                    }

                    list.Add(candidate);
                }
            }

            if (localFunctions.Count == 0)
            {
                return;
            }

            var visited = new HashSet<string>(System.StringComparer.Ordinal) { root.Identifier.ValueText };
            for (var i = 0; i < names.Count; i++)
            {
                if (localFunctions.TryGetValue(names[i], out var called) && visited.Add(names[i]))
                {
                    foreach (var localFunction in called)
                    {
                        Walk(localFunction, names);
                    }
                }
            }
        }

        /// <summary>Names, literals and the lists of attributes, usings and type arguments hold no call (an array type can: <c>new byte[Size()]</c>).</summary>
        private static bool MayContainInvocation(SyntaxNode node) =>
            node is not (NameSyntax or PredefinedTypeSyntax or LiteralExpressionSyntax or AttributeListSyntax or UsingDirectiveSyntax
                or TypeParameterListSyntax or TypeParameterConstraintClauseSyntax or TypeArgumentListSyntax);

        /// <summary>Adds the names invoked under <paramref name="root"/> (lambdas and local functions included) to <paramref name="names"/>.</summary>
        private static void Walk(SyntaxNode root, List<string> names)
        {
            // An explicit stack: expressions can nest deeper than recursion safely goes.
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when InvokedNameToken(invocation.Expression).ValueText is { Length: > 0 } name:
                        names.Add(name);
                        break;
                    case ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                        names.Add(ConstructorName);
                        break;
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                        names.Add(CollectionInitializerName);
                        break;
                    case QueryExpressionSyntax:
                        names.AddRange(QueryMethodNames);
                        break;
                    case InterpolatedStringExpressionSyntax:
                        names.AddRange(InterpolationHandlerNames);
                        break;
                }

                foreach (var child in node.ChildNodes())
                {
                    if (MayContainInvocation(child))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>What the pass keeps of one tree: syntax and names only, so it can outlive any compilation the tree is in.</summary>
        private sealed class TreeFacts
        {
            /// <summary>The names each method or constructor declaration (by its span) may invoke.</summary>
            public Dictionary<TextSpan, List<string>> ByDeclaration { get; } = new();

            /// <summary>The tree's method declarations by declared name, in source order.</summary>
            public Dictionary<string, List<MethodDeclarationSyntax>> MethodsByName { get; } = new(System.StringComparer.Ordinal);

            /// <summary>For each name invoked in the tree, the declared names of the declarations invoking it.</summary>
            public Dictionary<string, List<string>> Callers { get; } = new(System.StringComparer.Ordinal);

            /// <summary>The watched calls (<c>Map…</c>, <c>…Singleton</c>, <c>…Scoped</c>, <c>…Transient</c>, retry handlers, client defaults), in text order.</summary>
            public List<(string Word, InvocationExpressionSyntax Invocation)> Watched { get; } = new();

            /// <summary>For each simple name written in a base list, the tree's type declarations that list it, in source order.</summary>
            public Dictionary<string, List<TypeDeclarationSyntax>> DerivedByBaseName { get; } = new(System.StringComparer.Ordinal);

            /// <summary>Whether the tree declares a using alias.</summary>
            public bool DeclaresUsingAlias { get; set; }

            /// <summary>Whether the tree declares a <c>using static</c>, global or not.</summary>
            public bool DeclaresUsingStatic { get; set; }

            /// <summary>The namespaces the tree's <c>global using</c> directives import, as written (dotted, without <c>global::</c>).</summary>
            public List<string> GlobalUsingNamespaces { get; } = new();

            /// <summary>Whether the tree declares a <c>global using static</c>.</summary>
            public bool DeclaresGlobalUsingStatic { get; set; }

            /// <summary>For each name invoked in the tree, the declarations whose words include it, with their declared names.</summary>
            public Dictionary<string, List<(SyntaxNode Declaration, string DeclaredName)>> Invokers { get; } = new(System.StringComparer.Ordinal);

            public void AddInvoker(string invoked, SyntaxNode declaration, string declaredName)
            {
                if (!Invokers.TryGetValue(invoked, out var declarations))
                {
                    declarations = new List<(SyntaxNode, string)>();
                    Invokers.Add(invoked, declarations);
                }

                declarations.Add((declaration, declaredName));
            }

            public void AddDerived(string baseName, TypeDeclarationSyntax type)
            {
                if (!DerivedByBaseName.TryGetValue(baseName, out var types))
                {
                    types = new List<TypeDeclarationSyntax>();
                    DerivedByBaseName.Add(baseName, types);
                }

                types.Add(type);
            }
        }
    }
}
