using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Whether <c>await</c> can replace a blocking wait without breaking the build or the callers. Decided by the
    /// nearest enclosing function (a lambda inside an async method is not async itself).
    /// </summary>
    internal static class AsyncContext
    {
        /// <summary>The fix kind for the wait (see <see cref="RAG010BlockingWaitOnAiCallAnalyzer"/>), or null when none is safe.</summary>
        public static string? FixFor(IOperation wait, ISymbol? containingSymbol, RequestHandlers handlers, TaskTypes taskTypes)
        {
            if (wait.Syntax.AncestorsAndSelf().Any(IsUnsafe))
            {
                // 'await' is not allowed in an unsafe context.
                return null;
            }

            IOperation child = wait;
            for (var current = wait.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ILockOperation:
                        // 'await' is not allowed inside a lock statement.
                        return null;

                    case ICatchClauseOperation catchClause when catchClause.Filter == child:
                        // Nor in an exception filter.
                        return null;

                    case IAnonymousFunctionOperation lambda:
                        if (lambda.Symbol.IsAsync)
                        {
                            return RAG010BlockingWaitOnAiCallAnalyzer.FixAwait;
                        }

                        // A minimal-API delegate is bound by the framework: it may become async unless it already returns a
                        // task. A void expression lambda would start returning the awaited value as the response body.
                        var voidExpression = lambda.Symbol.ReturnsVoid && lambda.Syntax is LambdaExpressionSyntax { ExpressionBody: not null };
                        return handlers.IsMinimalApiHandler(lambda) && !IsTaskLike(lambda.Symbol.ReturnType, taskTypes) && !voidExpression
                            ? RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync
                            : null;

                    case ILocalFunctionOperation localFunction:
                        // A local function's callers would need changing too.
                        return localFunction.Symbol.IsAsync ? RAG010BlockingWaitOnAiCallAnalyzer.FixAwait : null;
                }
            }

            if (wait.Syntax.Ancestors().Any(a => a is GlobalStatementSyntax))
            {
                // Top-level statements may await directly.
                return RAG010BlockingWaitOnAiCallAnalyzer.FixAwait;
            }

            if (containingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                return null;
            }

            if (method.IsAsync)
            {
                return RAG010BlockingWaitOnAiCallAnalyzer.FixAwait;
            }

            // A handler's signature belongs to the framework and an entry point's to the runtime, so both may change;
            // any other method has callers that would silently start dropping a task.
            var mayChangeSignature = handlers.KindOf(method) != HandlerKind.None || IsEntryPoint(method, wait);
            return mayChangeSignature && CanBecomeAsync(method, taskTypes) ? RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync : null;
        }

        private static bool IsEntryPoint(IMethodSymbol method, IOperation wait) =>
            method.IsStatic && method.Name == "Main"
            && wait.SemanticModel?.Compilation.GetEntryPoint(System.Threading.CancellationToken.None) is { } entryPoint
            && SymbolEqualityComparer.Default.Equals(entryPoint, method);

        private static bool IsUnsafe(SyntaxNode node) =>
            node is UnsafeStatementSyntax
            || (node is MemberDeclarationSyntax member && member.Modifiers.Any(m => m.ValueText == "unsafe"))
            || (node is LocalFunctionStatementSyntax local && local.Modifiers.Any(m => m.ValueText == "unsafe"));

        /// <summary>An override or interface implementation must keep the signature it was declared with.</summary>
        private static bool HasFixedSignature(IMethodSymbol method)
        {
            if (method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0
                || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null)
            {
                return true;
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool CanBecomeAsync(IMethodSymbol method, TaskTypes taskTypes)
        {
            if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.Parameters.Any(p => p.RefKind != RefKind.None)
                || IsTaskLike(method.ReturnType, taskTypes) || method.DeclaringSyntaxReferences.Length != 1 || HasFixedSignature(method))
            {
                return false;
            }

            return method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax declaration
                && (declaration.Body is not null || declaration.ExpressionBody is not null)
                && !declaration.DescendantNodes().Any(n => n is YieldStatementSyntax);
        }

        private static bool IsTaskLike(ITypeSymbol? type, TaskTypes taskTypes) =>
            taskTypes.IsTaskLike(type) || type is INamedTypeSymbol { Name: "IAsyncEnumerable" };
    }
}
