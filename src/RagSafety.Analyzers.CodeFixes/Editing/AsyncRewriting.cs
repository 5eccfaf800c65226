using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace RagSafety.Analyzers.CodeFixes.Editing
{
    /// <summary>
    /// Shared syntax for the fixes that introduce <c>await</c> (RAG010, RAG011, RAG021): the awaited expression, the function to
    /// make async, and the signature change (<c>void</c> → <c>Task</c>, <c>T</c> → <c>Task&lt;T&gt;</c>, never a rename).
    /// </summary>
    internal static class AsyncRewriting
    {
        /// <summary><c>(await expression)</c> with the trivia of <paramref name="replaced"/>; the simplifier drops parentheses that are not needed.</summary>
        public static ExpressionSyntax Await(ExpressionSyntax expression, SyntaxNode replaced) =>
            SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(expression.WithoutTrivia()))
                .WithTriviaFrom(replaced)
                .WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>The lambda or method whose signature the await needs changed; null inside a local function (its callers would change too).</summary>
        public static SyntaxNode? FunctionToMakeAsync(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) is { } function
            && function is not LocalFunctionStatementSyntax
                ? function
                : null;

        /// <summary>Adds the <c>using</c> directives that <see cref="MakeAsync"/>'s task types need.</summary>
        public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken) =>
            ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

        /// <summary>Adds <c>async</c> to a method or lambda and wraps a method's return type in a task.</summary>
        public static SyntaxNode MakeAsync(SyntaxNode function)
        {
            var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
            switch (function)
            {
                case MethodDeclarationSyntax method when !method.Modifiers.Any(SyntaxKind.AsyncKeyword):
                    var returnType = TaskOf(method.ReturnType).WithTriviaFrom(method.ReturnType);
                    if (method.Modifiers.Count == 0)
                    {
                        // The declaration's leading trivia (indentation, comments) moves to the new first token.
                        return method
                            .WithModifiers(SyntaxFactory.TokenList(asyncKeyword.WithLeadingTrivia(method.ReturnType.GetLeadingTrivia())))
                            .WithReturnType(returnType.WithLeadingTrivia());
                    }

                    return method.WithModifiers(method.Modifiers.Add(asyncKeyword)).WithReturnType(returnType);

                case AnonymousFunctionExpressionSyntax lambda when !lambda.Modifiers.Any(SyntaxKind.AsyncKeyword):
                    var leading = lambda.GetLeadingTrivia();
                    return lambda.WithoutLeadingTrivia()
                        .WithModifiers(lambda.Modifiers.Insert(0, asyncKeyword))
                        .WithLeadingTrivia(leading);

                default:
                    return function;
            }
        }

        /// <summary><c>void</c> → <c>Task</c>, <c>T</c> → <c>Task&lt;T&gt;</c>, qualified and left to the simplifier (adding the using when needed).</summary>
        private static TypeSyntax TaskOf(TypeSyntax returnType)
        {
            var tasks = SyntaxFactory.ParseName("System.Threading.Tasks");
            TypeSyntax task = returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
                ? SyntaxFactory.QualifiedName(tasks, SyntaxFactory.IdentifierName("Task"))
                : SyntaxFactory.QualifiedName(tasks, SyntaxFactory.GenericName(SyntaxFactory.Identifier("Task"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(returnType.WithoutTrivia()))));
            return task.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }
    }
}
