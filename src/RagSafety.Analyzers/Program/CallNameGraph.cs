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
    /// The app's call graph as its syntax alone shows it, by name: for each name a method or constructor of the compilation
    /// is declared with, the names its bodies invoke. Built by one walk over the trees, binding nothing. A name stands for
    /// every method declared with it, so the graph has an edge for every real call (an interface call reaches all methods of
    /// that name, implementations included): when it says a name cannot be reached from a method, no call chain reaches it.
    /// <see cref="CallSummaries"/> and <see cref="HandlerReachability"/> use that to bind only the methods that can matter.
    /// The same walk keeps what other whole-compilation questions need, so the trees are walked once: every name invoked
    /// anywhere, the <c>Map…</c> calls (minimal-API endpoints) and the <c>…Singleton</c> calls (DI registrations).
    /// </summary>
    internal sealed class CallNameGraph
    {
        /// <summary>The name constructors are declared and invoked under (<c>: base(…)</c>, <c>: this(…)</c>, a primary constructor's base call).</summary>
        public const string ConstructorName = ".ctor";

        // Calls the compiler makes for syntax that names no method.
        private static readonly string[] QueryMethodNames = { "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Cast" };
        private static readonly string[] InterpolationHandlerNames = { "AppendLiteral", "AppendFormatted" };
        private const string CollectionInitializerName = "Add";

        private static readonly ConditionalWeakTable<Compilation, System.Lazy<CallNameGraph>> Cache = new();

        private readonly Dictionary<string, List<string>> _callers;
        private readonly HashSet<string> _invokedAnywhere;
        private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), List<string>> _namesInvokedByDeclaration;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<string>> _namesInvokedBy = new(SymbolEqualityComparer.Default);

        private CallNameGraph(
            Dictionary<string, List<string>> callers,
            Dictionary<(SyntaxTree Tree, TextSpan Span), List<string>> namesInvokedByDeclaration,
            Collected collected)
        {
            _callers = callers;
            _namesInvokedByDeclaration = namesInvokedByDeclaration;
            _invokedAnywhere = collected.InvokedAnywhere;
            MapCalls = collected.MapCalls.ToImmutable();
            SingletonCalls = collected.SingletonCalls.ToImmutable();
        }

        /// <summary>Every invocation of a method whose name starts with <c>Map</c>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> MapCalls { get; }

        /// <summary>Every invocation of a method whose name ends with <c>Singleton</c>, in tree order.</summary>
        public ImmutableArray<InvocationExpressionSyntax> SingletonCalls { get; }

        /// <summary>The compilation's graph, built on first need (once, whichever analyzer asks first).</summary>
        public static CallNameGraph For(Compilation compilation) =>
            Cache.GetValue(compilation, c => new System.Lazy<CallNameGraph>(() => Build(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        /// <summary>Whether any code of the compilation (top-level statements included) invokes a method of this name.</summary>
        public bool IsInvokedAnywhere(string name) => _invokedAnywhere.Contains(name);

        /// <summary>Walks every tree once. Not cancellable: the graph is shared by all analyzers of the compilation.</summary>
        public static CallNameGraph Build(Compilation compilation)
        {
            // Kept per declaration (so a method's own names are looked up, not walked again) and per declared name.
            var byDeclaration = new Dictionary<(SyntaxTree Tree, TextSpan Span), List<string>>();
            var byDeclaredName = new Dictionary<string, List<List<string>>>(System.StringComparer.Ordinal);
            List<string> Declare(string name, SyntaxNode declaration)
            {
                var names = new List<string>();
                byDeclaration[(declaration.SyntaxTree, declaration.Span)] = names;
                if (!byDeclaredName.TryGetValue(name, out var sets))
                {
                    sets = new List<List<string>>();
                    byDeclaredName.Add(name, sets);
                }

                sets.Add(names);
                return names;
            }

            var collected = new Collected();
            var stack = new Stack<(SyntaxNode Node, List<string>? Names)>(256);
            foreach (var tree in compilation.SyntaxTrees)
            {
                Walk(tree.GetRoot(), null, Declare, collected, stack);
            }

            var callers = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            foreach (var pair in byDeclaredName)
            {
                foreach (var invoked in pair.Value.SelectMany(names => names).Distinct(System.StringComparer.Ordinal))
                {
                    if (!callers.TryGetValue(invoked, out var list))
                    {
                        list = new List<string>();
                        callers.Add(invoked, list);
                    }

                    list.Add(pair.Key);
                }
            }

            return new CallNameGraph(callers, byDeclaration, collected);
        }

        /// <summary>The targets, and every declared name from which a target can be invoked through any number of calls.</summary>
        public ImmutableHashSet<string> NamesReaching(IEnumerable<string> targets)
        {
            var reaching = new HashSet<string>(targets, System.StringComparer.Ordinal);
            var queue = new Queue<string>(reaching);
            while (queue.Count > 0)
            {
                if (_callers.TryGetValue(queue.Dequeue(), out var callers))
                {
                    foreach (var caller in callers)
                    {
                        if (reaching.Add(caller))
                        {
                            queue.Enqueue(caller);
                        }
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

        /// <summary>The name a method is declared and called under: an explicit implementation's is the interface member's.</summary>
        public static string DeclaredName(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Constructor ? ConstructorName
            : method.ExplicitInterfaceImplementations.FirstOrDefault()?.Name ?? method.Name;

        /// <summary>The simple name an invocation calls: <c>Foo</c> for <c>x.Foo&lt;T&gt;(…)</c>, <c>x?.Foo(…)</c> and <c>Foo(…)</c>; empty for a delegate expression.</summary>
        public static string InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => string.Empty,
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
                // Methods and constructors were walked with the trees; lambdas, local functions and accessors are walked now.
                if (_namesInvokedByDeclaration.TryGetValue((reference.SyntaxTree, reference.Span), out var declared))
                {
                    names.UnionWith(declared);
                }
                else
                {
                    var walked = new List<string>();
                    Walk(reference.GetSyntax(), walked, null, null, new Stack<(SyntaxNode Node, List<string>? Names)>());
                    names.UnionWith(walked);
                }
            }

            return names.ToImmutableArray();
        }

        /// <summary>Names, literals and the lists of attributes, usings and type arguments hold no call (an array type can: <c>new byte[Size()]</c>).</summary>
        private static bool MayContainInvocation(SyntaxNode node) =>
            node is not (NameSyntax or PredefinedTypeSyntax or LiteralExpressionSyntax or AttributeListSyntax or UsingDirectiveSyntax
                or TypeParameterListSyntax or TypeParameterConstraintClauseSyntax or TypeArgumentListSyntax);

        /// <summary>
        /// Adds the names invoked under <paramref name="root"/> to <paramref name="names"/>; with <paramref name="declared"/>,
        /// a method or constructor declaration found on the way collects into its own name's set instead.
        /// </summary>
        private static void Walk(
            SyntaxNode root,
            List<string>? names,
            System.Func<string, SyntaxNode, List<string>>? declared,
            Collected? collected,
            Stack<(SyntaxNode Node, List<string>? Names)> stack)
        {
            // An explicit stack: expressions can nest deeper than recursion safely goes.
            stack.Push((root, names));
            while (stack.Count > 0)
            {
                var (node, current) = stack.Pop();
                if (declared is not null)
                {
                    switch (node)
                    {
                        case MethodDeclarationSyntax method:
                            current = declared(method.Identifier.ValueText, method);
                            break;
                        case ConstructorDeclarationSyntax constructor:
                            current = declared(ConstructorName, constructor);
                            break;
                        case TypeDeclarationSyntax type:
                            // A primary constructor runs the base call and the initializers of the type's members.
                            current = type.ParameterList is null ? null : declared(ConstructorName, type);
                            break;
                    }
                }

                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        var name = InvokedName(invocation.Expression);
                        if (name.Length > 0)
                        {
                            current?.Add(name);
                            collected?.Add(name, invocation);
                        }

                        break;
                    case ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                        current?.Add(ConstructorName);
                        break;
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                        current?.Add(CollectionInitializerName);
                        break;
                    case QueryExpressionSyntax:
                        current?.AddRange(QueryMethodNames);
                        break;
                    case InterpolatedStringExpressionSyntax:
                        current?.AddRange(InterpolationHandlerNames);
                        break;
                }

                // Children pushed last first, so the walk (and the order Map… calls are kept in) follows the source.
                foreach (var child in node.ChildNodesAndTokens().Reverse())
                {
                    if (child.AsNode() is { } childNode && MayContainInvocation(childNode))
                    {
                        stack.Push((childNode, current));
                    }
                }
            }
        }
    
        /// <summary>What the walk keeps beyond the graph itself.</summary>
        private sealed class Collected
        {
            public HashSet<string> InvokedAnywhere { get; } = new(System.StringComparer.Ordinal);

            public ImmutableArray<InvocationExpressionSyntax>.Builder MapCalls { get; } = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();

            public ImmutableArray<InvocationExpressionSyntax>.Builder SingletonCalls { get; } = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();

            public void Add(string name, InvocationExpressionSyntax invocation)
            {
                InvokedAnywhere.Add(name);
                if (name.StartsWith("Map", System.StringComparison.Ordinal))
                {
                    MapCalls.Add(invocation);
                }

                if (name.EndsWith("Singleton", System.StringComparison.Ordinal))
                {
                    SingletonCalls.Add(invocation);
                }
            }
        }
}
}
