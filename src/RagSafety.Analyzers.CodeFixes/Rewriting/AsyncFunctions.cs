using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace RagSafety.Analyzers.CodeFixes.Rewriting
{
    /// <summary>
    /// Shared by the fixes that introduce <c>await</c> (RAG010, RAG021): find the function that has to become async, and
    /// make it async (<c>void</c> → <c>Task</c>, <c>T</c> → <c>Task&lt;T&gt;</c>, never renamed). Whether that is safe is
    /// decided by the analyzers (<c>Program/AsyncContext</c>).
    /// </summary>
    internal static class AsyncFunctions
    {
        /// <summary>The method or lambda around the node that becomes async; null for a local function (its callers would change).</summary>
        public static SyntaxNode? FunctionToMakeAsync(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) is { } function
            && function is not LocalFunctionStatementSyntax
                ? function
                : null;

        /// <summary>Adds <c>async</c> and, for a method, wraps the return type in a task (annotated so the using is added).</summary>
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
