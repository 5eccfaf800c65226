using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Which namespaces a simple name may find its type in, from the syntax around it: names repeat across an app's modules
    /// (each module's <c>ReportWriter</c>, <c>IProductRepository</c>), and the namespace tells them apart without binding.
    /// </summary>
    internal static class NamespaceScope
    {
        /// <summary>
        /// Whether a simple name written at <paramref name="name"/> may find a type declared directly in
        /// <paramref name="declaredIn"/>: the namespace is the one the name is written in or one around it, or a using
        /// directive of the file (or a global one of any file) imports it. A using written inside a namespace may be relative
        /// to it, so any using that ends the namespace's name counts. Aliases and <c>using static</c> are left to the caller.
        /// </summary>
        public static bool MaySee(SyntaxNode name, INamespaceSymbol? declaredIn, CallNameGraph names)
        {
            if (declaredIn is null || declaredIn.IsGlobalNamespace)
            {
                return true;
            }

            var target = FullNames.GetValue(declaredIn, ns => ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted).WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None)));
            var scope = ScopeAt(name);
            if (scope.Around == target || scope.Around.StartsWith(target + ".", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var imported in scope.Imported)
            {
                if (Imports(imported, target))
                {
                    return true;
                }
            }

            // A global using is written at the top of a file, so it names its namespace in full.
            return names.GlobalUsingNamespaces.Contains(target);
        }

        // Syntax only, kept while the tree lives: a build asks about every type at every declaration of a file.
        private static readonly ConditionalWeakTable<SyntaxNode, Scope> Scopes = new();
        private static readonly ConditionalWeakTable<INamespaceSymbol, string> FullNames = new();

        /// <summary>A using written inside a namespace may be relative to it, so one that ends the namespace's name counts.</summary>
        private static bool Imports(string written, string target) =>
            written == target || target.EndsWith("." + written, StringComparison.Ordinal);

        /// <summary>The namespace a node is written in and the namespaces the using directives around it import (dotted).</summary>
        private static Scope ScopeAt(SyntaxNode node)
        {
            var container = node.AncestorsAndSelf().FirstOrDefault(a => a is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax);
            return container is null ? Scope.None : Scopes.GetValue(container, Read);
        }

        private static Scope Read(SyntaxNode container)
        {
            var around = ImmutableStack<string>.Empty;
            var imported = new List<string>();
            foreach (var level in container.AncestorsAndSelf())
            {
                var usings = level switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    CompilationUnitSyntax unit => unit.Usings,
                    _ => default,
                };
                if (level is BaseNamespaceDeclarationSyntax declaration)
                {
                    around = around.Push(CallNameGraph.DottedName(declaration.Name));
                }

                foreach (var directive in usings)
                {
                    if (directive.Alias is null && directive.StaticKeyword == default && directive.Name is { } name)
                    {
                        imported.Add(CallNameGraph.DottedName(name));
                    }
                }
            }

            return new Scope(string.Join(".", around), imported.ToArray());
        }

        private sealed class Scope
        {
            public static readonly Scope None = new(string.Empty, Array.Empty<string>());

            public Scope(string around, string[] imported)
            {
                Around = around;
                Imported = imported;
            }

            /// <summary>The enclosing namespaces' names joined (empty in the global namespace).</summary>
            public string Around { get; }

            public string[] Imported { get; }
        }
    }
}
