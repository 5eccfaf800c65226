using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Where a call may invoke one particular instance method, read from syntax and declarations, without binding a body:
    /// every module's endpoint calls its own <c>assistant.AnswerAsync(…)</c>, and the receiver's declared type (a parameter,
    /// a local or a field of the type written around the call) tells them apart. Every answer errs towards "may": a receiver
    /// whose declaration is not found, or may be another (a name declared twice in the member, a field of another part or of a
    /// base type, top-level statements), or whose type is inferred (<c>var</c>, an untyped lambda parameter), may be anything.
    /// </summary>
    internal sealed class InstanceCallSites
    {
        private readonly StaticCallSites _names;
        private readonly CallNameGraph _graph;

        public InstanceCallSites(StaticCallSites names, CallNameGraph graph)
        {
            _names = names;
            _graph = graph;
        }

        /// <summary>The methods these answers can narrow: instance methods of a type, not extension methods (called on any value).</summary>
        public static bool CanNarrow(IMethodSymbol method) =>
            method is { IsStatic: false, IsExtensionMethod: false, MethodKind: MethodKind.Ordinary, ContainingType: { TypeKind: TypeKind.Class or TypeKind.Struct } };

        /// <summary>Whether the syntax under <paramref name="root"/> has a call that may invoke <paramref name="target"/>, a method <see cref="CanNarrow"/> accepts.</summary>
        public bool MayCall(SyntaxNode root, IMethodSymbol target)
        {
            var invocations = StaticCallSites.InvocationsUnder(root);
            if (invocations.CalleeUnnamed || _graph.DeclaresUsingAlias)
            {
                return true;
            }

            var name = CallNameGraph.DeclaredName(target);
            if (invocations.ByName.TryGetValue(name, out var named) && named.Any(invocation => MayInvoke(invocation, target.ContainingType)))
            {
                return true;
            }

            return invocations.ConditionalByName.TryGetValue(name, out var conditional) && conditional.Any(invocation => MayInvoke(invocation, target.ContainingType));
        }

        private bool MayInvoke(InvocationExpressionSyntax invocation, INamedTypeSymbol type)
        {
            var receiver = invocation.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Expression,
                MemberBindingExpressionSyntax when invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation => conditional.Expression,
                _ => null,
            };

            // An implicit or `this` receiver, a call on a call's result, an element, a cast: not read here.
            return receiver is not IdentifierNameSyntax identifier
                || DeclaredType(identifier) is not { } declared
                || TypeMayBe(declared, type);
        }

        /// <summary>The type written on the one declaration the name may refer to, or null when that is not known from syntax.</summary>
        private static TypeSyntax? DeclaredType(IdentifierNameSyntax name)
        {
            var written = name.Identifier.ValueText;
            var member = name.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault();

            // In an accessor, `value` (and `field`) are declared by the language, not in the syntax.
            if (member is null or GlobalStatementSyntax
                || written is "value" or "field" && name.Ancestors().Any(a => a is AccessorDeclarationSyntax))
            {
                return null;
            }

            SyntaxNode? only = null;
            foreach (var node in member.DescendantNodes())
            {
                if (DeclaresName(node, written))
                {
                    if (only is not null)
                    {
                        return null;
                    }

                    only = node;
                }
            }

            if (only is null)
            {
                return member.Parent is TypeDeclarationSyntax type ? FieldType(type, written) : null;
            }

            return only switch
            {
                ParameterSyntax { Type: { } type, Parent.Parent: { } function } when name.Ancestors().Contains(function) => Explicit(type),
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: var type, Parent: LocalDeclarationStatementSyntax { Parent: { } scope } } }
                    when name.Ancestors().Contains(scope) => Explicit(type),
                ForEachStatementSyntax { Type: var type, Statement: var body } when name.Ancestors().Contains(body) => Explicit(type),
                _ => null,
            };
        }

        private static TypeSyntax? Explicit(TypeSyntax type) => type.IsVar ? null : type;

        /// <summary>Whether the node declares a value of that name (a parameter, local, pattern or loop variable, range variable, local function).</summary>
        private static bool DeclaresName(SyntaxNode node, string name) => node switch
        {
            ParameterSyntax parameter => parameter.Identifier.ValueText == name,
            VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText == name,
            SingleVariableDesignationSyntax designation => designation.Identifier.ValueText == name,
            ForEachStatementSyntax loop => loop.Identifier.ValueText == name,
            CatchDeclarationSyntax caught => caught.Identifier.ValueText == name,
            LocalFunctionStatementSyntax local => local.Identifier.ValueText == name,
            FromClauseSyntax from => from.Identifier.ValueText == name,
            LetClauseSyntax let => let.Identifier.ValueText == name,
            JoinClauseSyntax join => join.Identifier.ValueText == name || join.Into?.Identifier.ValueText == name,
            QueryContinuationSyntax into => into.Identifier.ValueText == name,
            _ => false,
        };

        /// <summary>The type of the one field, property or primary constructor parameter of that name in this declaration of the type.</summary>
        private static TypeSyntax? FieldType(TypeDeclarationSyntax type, string name)
        {
            TypeSyntax? found = null;
            var count = 0;
            foreach (var parameter in type.ParameterList?.Parameters ?? default)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    found = parameter.Type;
                    count++;
                }
            }

            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                        found = field.Declaration.Type;
                        count++;
                        break;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                        found = property.Type;
                        count++;
                        break;
                    case BaseTypeDeclarationSyntax nested when nested.Identifier.ValueText == name:
                    case MethodDeclarationSyntax method when method.Identifier.ValueText == name:
                        count++;
                        break;
                }
            }

            return count == 1 ? found : null;
        }

        /// <summary>
        /// Whether a value declared with this type may have <paramref name="type"/>'s method called on it: the type written may
        /// be the type, a type deriving from it, or a base type or interface of it (virtual and interface calls reach the
        /// type's implementation). Anything but a (nullable, qualified, generic) type name may be anything.
        /// </summary>
        private bool TypeMayBe(TypeSyntax declared, INamedTypeSymbol type)
        {
            var name = declared switch
            {
                NullableTypeSyntax nullable => nullable.ElementType,
                _ => declared,
            } switch
            {
                SimpleNameSyntax simple => simple,
                QualifiedNameSyntax qualified => qualified.Right,
                AliasQualifiedNameSyntax alias => alias.Name,
                _ => null,
            };
            if (name is null)
            {
                return true;
            }

            // The type or one derived from it; else a base type or interface (which may share its name), a type parameter
            // (constrained to the type) or `dynamic`.
            var written = name.Identifier.ValueText;
            return (written == type.Name || _graph.TypesDerivingFromName(type.Name).Any(d => d.Identifier.ValueText == written)) && _names.TypeNameMayDenote(name, type)
                || StaticCallSites.SupertypesOf(type).Skip(1).Any(supertype => written == supertype.Name && _names.TypeNameMayDenote(name, supertype))
                || written == "dynamic" || StaticCallSites.IsTypeParameterInScope(name, written);
        }
    }
}
