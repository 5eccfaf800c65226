using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RagSafety.Analyzers.CodeFixes.Editing
{
    /// <summary>Appends an argument or a parameter to a list, following the list's layout (one per line stays one per line).</summary>
    internal static class ArgumentEditing
    {
        /// <summary>Appends <paramref name="expression"/>, named <paramref name="name"/> unless <paramref name="positional"/>.</summary>
        public static ArgumentListSyntax Append(ArgumentListSyntax list, ExpressionSyntax expression, string name, bool positional)
        {
            var argument = SyntaxFactory.Argument(expression);
            if (!positional)
            {
                argument = argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)));
            }

            return list.WithArguments(Append(list.Arguments, argument));
        }

        /// <summary>
        /// Gathers the expanded <c>params</c> arguments from <paramref name="from"/> on into one collection expression
        /// (<c>M(a, b)</c> → <c>M([a, b])</c>, <c>M()</c> → <c>M([])</c>), for an overload that takes a sequence.
        /// </summary>
        public static ArgumentListSyntax CollectParams(ArgumentListSyntax list, int from)
        {
            var arguments = list.Arguments;
            if (from >= arguments.Count)
            {
                var empty = SyntaxFactory.CollectionExpression();
                return list.WithArguments(Append(arguments, SyntaxFactory.Argument(empty)));
            }

            var elements = new System.Collections.Generic.List<SyntaxNodeOrToken>();
            for (var i = from; i < arguments.Count; i++)
            {
                var expression = arguments[i].Expression;
                if (i == from)
                {
                    // The first argument's leading trivia stays in front of the collection.
                    expression = expression.WithoutLeadingTrivia();
                }

                elements.Add(SyntaxFactory.ExpressionElement(i == arguments.Count - 1 ? expression.WithoutTrailingTrivia() : expression));
                if (i < arguments.Count - 1)
                {
                    elements.Add(arguments.GetSeparator(i));
                }
            }

            var collection = SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(elements));
            var argument = SyntaxFactory.Argument(collection)
                .WithLeadingTrivia(arguments[from].GetLeadingTrivia())
                .WithTrailingTrivia(arguments[arguments.Count - 1].GetTrailingTrivia());
            var nodes = new System.Collections.Generic.List<SyntaxNodeOrToken>();
            for (var i = 0; i < from; i++)
            {
                nodes.Add(arguments[i]);
                nodes.Add(arguments.GetSeparator(i));
            }

            nodes.Add(argument);
            return list.WithArguments(SyntaxFactory.SeparatedList<ArgumentSyntax>(nodes));
        }

        public static ParameterListSyntax Append(ParameterListSyntax list, ParameterSyntax parameter) =>
            list.WithParameters(Append(list.Parameters, parameter));

        private static SeparatedSyntaxList<T> Append<T>(SeparatedSyntaxList<T> list, T node)
            where T : SyntaxNode
        {
            if (list.Count == 0)
            {
                return list.Add(node);
            }

            var last = list[list.Count - 1];
            var separator = list.SeparatorCount > 0
                ? SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(list.GetSeparator(list.SeparatorCount - 1).TrailingTrivia)
                : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            if (list.SeparatorCount > 0)
            {
                node = node.WithLeadingTrivia(last.GetLeadingTrivia());
            }

            // The last element keeps its leading trivia; its trailing trivia moves after the new element.
            var nodes = new System.Collections.Generic.List<SyntaxNodeOrToken>();
            for (var i = 0; i < list.Count - 1; i++)
            {
                nodes.Add(list[i]);
                nodes.Add(list.GetSeparator(i));
            }

            nodes.Add(last.WithoutTrailingTrivia());
            nodes.Add(separator);
            nodes.Add(node.WithTrailingTrivia(last.GetTrailingTrivia()));
            return SyntaxFactory.SeparatedList<T>(nodes);
        }
    }
}
