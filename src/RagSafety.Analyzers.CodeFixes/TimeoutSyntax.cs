using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace RagSafety.Analyzers.CodeFixes
{
    /// <summary>
    /// Syntax the client-timeout fixes share: <c>TimeSpan.FromSeconds(N)</c>, members added to object initializers and
    /// arguments appended to argument lists, in the style (one line or one item per line) the code already uses.
    /// </summary>
    internal static class TimeoutSyntax
    {
        /// <summary><c>System.TimeSpan.FromSeconds(N)</c>, left to the simplifier (which adds <c>using System;</c> when needed).</summary>
        public static ExpressionSyntax FromSeconds(string seconds) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    Simplifiable(SyntaxFactory.ParseName("System.TimeSpan")),
                    SyntaxFactory.IdentifierName("FromSeconds")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)))))));

        /// <summary>A type or name to be simplified, adding its namespace's using directive.</summary>
        public static T Simplifiable<T>(T node)
            where T : SyntaxNode => node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary>
        /// The creation with <c>path[0] = value</c> in its object initializer; for a longer path, a nested initializer
        /// (<c>Retry = { NetworkTimeout = value }</c>), merged into an existing one. An initializer is added when there is none
        /// (dropping empty parentheses after a named type: <c>new HttpClient { … }</c>).
        /// </summary>
        public static BaseObjectCreationExpressionSyntax WithMember(BaseObjectCreationExpressionSyntax creation, IReadOnlyList<string> path, ExpressionSyntax value)
        {
            if (creation.Initializer is { } existing)
            {
                return creation.WithInitializer(WithMember(existing, path, value));
            }

            var trailing = creation.GetTrailingTrivia();
            creation = creation.WithoutTrailingTrivia();
            if (creation is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } named
                && !named.ArgumentList.OpenParenToken.TrailingTrivia.Concat(named.ArgumentList.CloseParenToken.LeadingTrivia).Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))
            {
                creation = named.WithArgumentList(null).WithType(named.Type.WithoutTrailingTrivia());
            }

            return creation.WithInitializer(NewInitializer(path, value).WithTrailingTrivia(trailing));
        }

        private static InitializerExpressionSyntax WithMember(InitializerExpressionSyntax initializer, IReadOnlyList<string> path, ExpressionSyntax value)
        {
            if (path.Count > 1)
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Right: InitializerExpressionSyntax nested } assignment
                        && name.Identifier.ValueText == path[0])
                    {
                        return initializer.ReplaceNode(assignment, assignment.WithRight(WithMember(nested, path.Skip(1).ToList(), value)));
                    }
                }
            }

            return Append(initializer, Assignment(path, value));
        }

        private static InitializerExpressionSyntax NewInitializer(IReadOnlyList<string> path, ExpressionSyntax value) =>
            SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(Assignment(path, value)),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));

        private static ExpressionSyntax Assignment(IReadOnlyList<string> path, ExpressionSyntax value) =>
            SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName(path[0]),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                path.Count == 1 ? value : NewInitializer(path.Skip(1).ToList(), value).WithLeadingTrivia());

        /// <summary>Appends an expression to an initializer, on its own line when the items already are.</summary>
        private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax item)
        {
            if (initializer.Expressions.Count == 0)
            {
                return initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.Space))
                    .WithExpressions(SyntaxFactory.SingletonSeparatedList(item))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Space));
            }

            return initializer.WithExpressions(AppendItem(initializer.Expressions, item));
        }

        /// <summary>Appends an argument, named when the list already uses names, on its own line when the arguments already are.</summary>
        public static ArgumentListSyntax Append(ArgumentListSyntax list, ArgumentSyntax argument) =>
            list.Arguments.Count == 0 ? list.WithArguments(SyntaxFactory.SingletonSeparatedList(argument)) : list.WithArguments(AppendItem(list.Arguments, argument));

        private static SeparatedSyntaxList<T> AppendItem<T>(SeparatedSyntaxList<T> items, T item)
            where T : SyntaxNode
        {
            var nodesAndTokens = items.GetWithSeparators().ToList();
            var last = items[items.Count - 1];
            var hasTrailingSeparator = items.SeparatorCount == items.Count;
            var lastSeparator = hasTrailingSeparator ? items.GetSeparator(items.Count - 1) : default;
            var multiline = hasTrailingSeparator
                ? lastSeparator.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia)
                : last.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia) || (items.Count > 1 && items.GetSeparator(items.Count - 2).TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia));
            if (!multiline)
            {
                var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
                if (hasTrailingSeparator)
                {
                    nodesAndTokens.Add(item.WithTrailingTrivia(SyntaxFactory.Space));
                    return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
                }

                var trailing = last.GetTrailingTrivia();
                nodesAndTokens[nodesAndTokens.Count - 1] = last.WithoutTrailingTrivia();
                nodesAndTokens.Add(comma);
                nodesAndTokens.Add(item.WithTrailingTrivia(trailing));
                return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
            }

            var indentation = SyntaxFactory.TriviaList(last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
            if (hasTrailingSeparator)
            {
                nodesAndTokens.Add(item.WithLeadingTrivia(indentation));
                nodesAndTokens.Add(lastSeparator);
                nodesAndTokens[nodesAndTokens.Count - 3] = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastSeparator.TrailingTrivia);
                return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
            }

            var lastTrailing = last.GetTrailingTrivia();
            nodesAndTokens[nodesAndTokens.Count - 1] = last.WithoutTrailingTrivia();
            if (lastTrailing.Any(SyntaxKind.EndOfLineTrivia))
            {
                // The last item ends its line: the comma takes that line end (and any comment), the new item ends its own line.
                nodesAndTokens.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lastTrailing));
                nodesAndTokens.Add(item.WithLeadingTrivia(indentation).WithTrailingTrivia(lastTrailing.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).Take(1)));
            }
            else
            {
                // The closing token follows the last item on its line: the new item goes on a line of its own before it.
                var lineEnd = items.GetSeparator(items.Count - 2).TrailingTrivia.Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).Take(1);
                nodesAndTokens.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineEnd));
                nodesAndTokens.Add(item.WithLeadingTrivia(indentation).WithTrailingTrivia(lastTrailing));
            }

            return SyntaxFactory.SeparatedList<T>(nodesAndTokens);
        }
    }
}
