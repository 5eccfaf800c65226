using System;
using System.Collections.Immutable;
using System.Linq;
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
            var parts = new System.Collections.Generic.List<string>();
            for (var ns = declaredIn; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                parts.Insert(0, ns.Name);
            }

            if (parts.Count == 0)
            {
                return true;
            }

            var target = string.Join(".", parts);
            bool Imports(string written) =>
                written == target || target.EndsWith("." + written, StringComparison.Ordinal);

            var enclosing = ImmutableStack<string>.Empty;
            foreach (var ancestor in name.Ancestors())
            {
                var usings = ancestor switch
                {
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    CompilationUnitSyntax unit => unit.Usings,
                    _ => default,
                };
                if (ancestor is BaseNamespaceDeclarationSyntax declaration)
                {
                    enclosing = enclosing.Push(CallNameGraph.DottedName(declaration.Name));
                }

                foreach (var directive in usings)
                {
                    if (directive.Alias is null && directive.StaticKeyword == default && directive.Name is { } imported && Imports(CallNameGraph.DottedName(imported)))
                    {
                        return true;
                    }
                }
            }

            var around = string.Join(".", enclosing);
            return around == target
                || around.StartsWith(target + ".", StringComparison.Ordinal)
                || names.GlobalUsingNamespaces.Any(Imports);
        }
    }
}
