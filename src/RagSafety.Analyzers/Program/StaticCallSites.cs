using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Where a call or a method group may name one particular method, read from syntax and declarations, without binding a
    /// body. Names repeat across an app's modules (every module's <c>ReportWriter.WriteAsync</c>, <c>RelatedAsync</c>), so
    /// a question by name alone binds every module; the type a call is written on tells most of them apart. Every answer
    /// errs towards "may": a false "may" costs a binding, a false "cannot" would lose a finding.
    /// </summary>
    internal sealed class StaticCallSites
    {
        // The invocations under a node asked about (a declaration or a lambda), by the name they call; kept with the node,
        // so an IDE reads an unchanged file's bodies once rather than on every keystroke.
        private static readonly ConditionalWeakTable<SyntaxNode, InvocationsByName> Invocations = new();

        private readonly Compilation _compilation;

        // A name written once is asked about for every type of that name (each module's SupportAssistant): looked up once.
        private readonly ConcurrentDictionary<SimpleNameSyntax, ImmutableArray<ISymbol>> _lookedUp = new();

        public StaticCallSites(Compilation compilation) => _compilation = compilation;

        /// <summary>The methods these answers can narrow: static, not extension methods (an extension is called on any value).</summary>
        public static bool CanNarrow(IMethodSymbol method) =>
            method is { IsStatic: true, IsExtensionMethod: false, MethodKind: MethodKind.Ordinary, ContainingType: not null };

        /// <summary>The invocations under a node (lambdas and local functions included) by the name they call, read once per node.</summary>
        internal static InvocationsByName InvocationsUnder(SyntaxNode root) => Invocations.GetValue(root, InvocationsByName.Read);

        /// <summary>Whether the syntax under <paramref name="root"/> (lambdas and local functions included) has a call that may invoke <paramref name="target"/>, a method <see cref="CanNarrow"/> accepts.</summary>
        public bool MayCall(SyntaxNode root, IMethodSymbol target)
        {
            var name = CallNameGraph.DeclaredName(target);
            var invocations = InvocationsUnder(root);
            if (invocations.CalleeUnnamed)
            {
                return true;
            }

            if (invocations.ByName.TryGetValue(name, out var named))
            {
                foreach (var invocation in named)
                {
                    if (MayInvoke(invocation, target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a simple name written at <paramref name="name"/> may find a static member of <paramref name="type"/>: it is
        /// written in the type or a type around it, a type with a base list may inherit the member, and <c>using static</c>
        /// may import it.
        /// </summary>
        public bool SimpleNameMayFind(SyntaxNode name, INamedTypeSymbol type)
        {
            if (CallNameGraph.For(_compilation).MayImportStatically(name.SyntaxTree))
            {
                return true;
            }

            foreach (var ancestor in name.Ancestors())
            {
                switch (ancestor)
                {
                    case TypeDeclarationSyntax declaration when declaration.BaseList is not null || Declares(declaration, type):
                        return true;
                    case GlobalStatementSyntax:
                        // Top-level statements are members of Program, which a partial declaration may extend.
                        return type is { Name: "Program", ContainingType: null, ContainingNamespace.IsGlobalNamespace: true };
                }
            }

            return false;
        }

        /// <summary>Whether a call written with the target's name (<see cref="InvocationsByName"/>) may find the target's type.</summary>
        private bool MayInvoke(InvocationExpressionSyntax invocation, IMethodSymbol target) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => ReceiverMayBe(access.Expression, target.ContainingType),
            var simple => SimpleNameMayFind(simple, target.ContainingType),
        };

        /// <summary>Whether a call's receiver may be the type <paramref name="type"/> (or one derived from it, through which its static members are found too).</summary>
        private bool ReceiverMayBe(ExpressionSyntax receiver, INamedTypeSymbol type)
        {
            var written = receiver switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                ThisExpressionSyntax or BaseExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
                    or LiteralExpressionSyntax or BaseObjectCreationExpressionSyntax or AwaitExpressionSyntax or PredefinedTypeSyntax => null,
                _ => string.Empty,
            };
            if (written is null)
            {
                return false;
            }

            var names = CallNameGraph.For(_compilation);
            if (written.Length == 0 || names.DeclaresUsingAlias)
            {
                return true;
            }

            if (written != type.Name && !names.TypesDerivingFromName(type.Name).Any(d => d.Identifier.ValueText == written))
            {
                return false;
            }

            // A qualified name is taken as it may be.
            return receiver is not IdentifierNameSyntax identifier || TypeNameMayDenote(identifier, type);
        }

        /// <summary>
        /// Whether a simple name used as a type (or as a receiver of static members) may denote <paramref name="type"/> or a
        /// type derived from it: looked up where it is written (enclosing and inherited nested types, namespaces, usings), from
        /// the declarations alone. A qualified name (the right of <c>A.B</c>) is taken as it may be.
        /// </summary>
        public bool TypeNameMayDenote(SimpleNameSyntax name, INamedTypeSymbol type)
        {
            var member = name.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();
            if (name.Parent is QualifiedNameSyntax { Right: var right } && right == name
                || name.Parent is MemberAccessExpressionSyntax { Name: var accessed } && accessed == name
                || name.Parent is AliasQualifiedNameSyntax
                || CallNameGraph.For(_compilation).DeclaresUsingAlias
                || IsTypeParameterInScope(name, name.Identifier.ValueText)
                || member is not (BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or GlobalStatementSyntax))
            {
                return true;
            }

            if (type.ContainingType is null
                && name.Identifier.ValueText == type.Name
                && !CallNameGraph.For(_compilation).TypesDerivingFromName(type.Name).Any(d => d.Identifier.ValueText == type.Name)
                && !NamespaceScope.MaySee(name, type.ContainingNamespace, CallNameGraph.For(_compilation)))
            {
                // Every module's own ReportWriter: told apart by the namespaces around the name and its usings, unbound.
                return false;
            }

            var found = _lookedUp.GetOrAdd(name, written =>
            {
#pragma warning disable RS1030 // A name in another file is looked up, not bound; the analyzer driver serves cached semantic models.
                var model = _compilation.GetSemanticModel(written.SyntaxTree);
#pragma warning restore RS1030
                if (written is not IdentifierNameSyntax)
                {
                    return model.LookupNamespacesAndTypes(member.SpanStart, name: written.Identifier.ValueText);
                }

                // Bound as the compiler binds a type name there: one name looked up, where LookupNamespacesAndTypes lists every
                // type and namespace in scope first (every imported namespace's members) and then picks the name.
                var bound = model.GetSpeculativeSymbolInfo(member.SpanStart, SyntaxFactory.IdentifierName(written.Identifier.ValueText), SpeculativeBindingOption.BindAsTypeOrNamespace);
                return bound.Symbol is { } symbol ? ImmutableArray.Create(symbol) : bound.CandidateSymbols;
            });
            return found.Any(symbol => symbol is INamedTypeSymbol named && IsOrDerivesFrom(named, type));
        }

        /// <summary>The type itself (when named), its base types and its interfaces: the types a value of it converts to by reference or boxing.</summary>
        internal static IEnumerable<INamedTypeSymbol> SupertypesOf(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named)
            {
                yield return named;
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                yield return baseType;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                yield return implemented;
            }
        }

        /// <summary>Whether a declaration around the node (a generic method, local function or type) has a type parameter of that name.</summary>
        internal static bool IsTypeParameterInScope(SyntaxNode node, string name) =>
            node.Ancestors().Any(a => TypeParametersOf(a).Any(p => p.Identifier.ValueText == name));

        private static SeparatedSyntaxList<TypeParameterSyntax> TypeParametersOf(SyntaxNode node) => node switch
        {
            MethodDeclarationSyntax method when method.TypeParameterList is { } list => list.Parameters,
            LocalFunctionStatementSyntax local when local.TypeParameterList is { } list => list.Parameters,
            TypeDeclarationSyntax declaration when declaration.TypeParameterList is { } list => list.Parameters,
            _ => default,
        };

        private static bool IsOrDerivesFrom(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = candidate; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the declaration is (a part of) <paramref name="type"/> or of a type it is nested in, by full name.</summary>
        private static bool Declares(TypeDeclarationSyntax declaration, INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
            {
                if (IsDeclarationOf(declaration, current))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclarationOf(TypeDeclarationSyntax declaration, INamedTypeSymbol type)
        {
            if (declaration.Identifier.ValueText != type.Name || (declaration.TypeParameterList?.Parameters.Count ?? 0) != type.Arity)
            {
                return false;
            }

            if (declaration.Parent is TypeDeclarationSyntax outer)
            {
                return type.ContainingType is { } containing && IsDeclarationOf(outer, containing);
            }

            if (type.ContainingType is not null)
            {
                return false;
            }

            // The namespaces written around the declaration, innermost part first, against the type's own.
            var declared = type.ContainingNamespace;
            for (var node = declaration.Parent; node is not null; node = node.Parent)
            {
                if (node is not BaseNamespaceDeclarationSyntax written)
                {
                    continue;
                }

                for (NameSyntax? name = written.Name; name is not null;)
                {
                    var (part, left) = name switch
                    {
                        QualifiedNameSyntax qualified => (qualified.Right.Identifier.ValueText, qualified.Left),
                        SimpleNameSyntax simple => (simple.Identifier.ValueText, (NameSyntax?)null),
                        AliasQualifiedNameSyntax alias => (alias.Name.Identifier.ValueText, (NameSyntax?)null),
                        _ => (string.Empty, (NameSyntax?)null),
                    };
                    if (declared is null or { IsGlobalNamespace: true } || declared.Name != part)
                    {
                        return false;
                    }

                    declared = declared.ContainingNamespace;
                    name = left;
                }
            }

            return declared is null or { IsGlobalNamespace: true };
        }

        /// <summary>
        /// A node's invocations by the name their callee is written with (<c>M(…)</c>, <c>x.M(…)</c>); <c>x?.M(…)</c> calls a
        /// value, never a type, and is kept apart, for instance methods (<see cref="InstanceCallSites"/>).
        /// </summary>
        internal sealed class InvocationsByName
        {
            public Dictionary<string, List<InvocationExpressionSyntax>> ByName { get; } = new(StringComparer.Ordinal);

            /// <summary>The conditional calls (<c>x?.M(…)</c>) by name.</summary>
            public Dictionary<string, List<InvocationExpressionSyntax>> ConditionalByName { get; } = new(StringComparer.Ordinal);

            /// <summary>A callee written otherwise (<c>(M)(…)</c>, a delegate a call returns): it may be anything.</summary>
            public bool CalleeUnnamed { get; private set; }

            public static InvocationsByName Read(SyntaxNode root)
            {
                var read = new InvocationsByName();
                foreach (var node in root.DescendantNodesAndSelf())
                {
                    if (node is not InvocationExpressionSyntax invocation)
                    {
                        continue;
                    }

                    // Read as the call-name graph reads it, so the two agree on which calls a name stands for.
                    var written = CallNameGraph.InvokedNameToken(invocation.Expression).ValueText;

                    if (written.Length == 0)
                    {
                        read.CalleeUnnamed = true;
                        continue;
                    }

                    var byName = invocation.Expression is MemberBindingExpressionSyntax ? read.ConditionalByName : read.ByName;
                    if (!byName.TryGetValue(written, out var invocations))
                    {
                        byName.Add(written, invocations = new List<InvocationExpressionSyntax>());
                    }

                    invocations.Add(invocation);
                }

                return read;
            }
        }
    }
}
