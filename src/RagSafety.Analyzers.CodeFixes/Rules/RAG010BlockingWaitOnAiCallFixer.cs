using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using RagSafety.Analyzers.CodeFixes.Rewriting;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG010: replaces <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c> with <c>await</c> and
    /// <c>Task.WaitAll/WaitAny</c> with <c>await Task.WhenAll/WhenAny</c>; makes the enclosing handler, endpoint lambda
    /// or entry point async where the analyzer found that safe. Never renames anything.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG010BlockingWaitOnAiCallFixer))]
    [Shared]
    public sealed class RAG010BlockingWaitOnAiCallFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG010.Await";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BlockingWaitOnAiCall);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(RAG010BlockingWaitOnAiCallAnalyzer.FixProperty, out var fix))
                {
                    continue;
                }

                var title = fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync ? "Await the AI call (make the handler async)" : "Await the AI call";
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var functionsToMakeAsync = new List<SyntaxNode>();

            // Innermost waits first, so a wait nested in another's receiver is rewritten before its container.
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                if (!diagnostic.Properties.TryGetValue(RAG010BlockingWaitOnAiCallAnalyzer.FixProperty, out var fix)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax wait
                    || wait.Span != diagnostic.Location.SourceSpan
                    || AwaitedForm(wait) is null)
                {
                    continue;
                }

                editor.ReplaceNode(wait, (current, _) => AwaitedForm((ExpressionSyntax)current) ?? current);
                if (fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync
                    && AsyncFunctions.FunctionToMakeAsync(wait) is { } function
                    && !functionsToMakeAsync.Contains(function))
                {
                    functionsToMakeAsync.Add(function);
                }
            }

            foreach (var function in functionsToMakeAsync)
            {
                editor.ReplaceNode(function, (current, _) => AsyncFunctions.MakeAsync(current));
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            return functionsToMakeAsync.Count == 0
                ? changed
                : await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The awaiting expression that replaces a blocking wait, or null for a shape this fix does not know.</summary>
        private static ExpressionSyntax? AwaitedForm(ExpressionSyntax wait)
        {
            ExpressionSyntax? awaited = wait switch
            {
                // task.Result
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,

                // task.Wait()
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } waitCall } => waitCall.Expression,

                // task.GetAwaiter().GetResult()
                InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax
                    {
                        Name.Identifier.ValueText: "GetResult",
                        Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter },
                    },
                } => getAwaiter.Expression,

                // Task.WaitAll(…) / Task.WaitAny(…)
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAll" or "WaitAny" } waitAll } invocation =>
                    invocation.WithExpression(waitAll.WithName(SyntaxFactory.IdentifierName(
                        waitAll.Name.Identifier.ValueText == "WaitAll" ? "WhenAll" : "WhenAny").WithTriviaFrom(waitAll.Name))),

                _ => null,
            };

            if (awaited is null)
            {
                return null;
            }

            // Parenthesized in case the wait sat inside a member access; the simplifier drops parentheses that are not needed.
            return SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(awaited.WithoutTrivia()))
                .WithTriviaFrom(wait)
                .WithAdditionalAnnotations(Simplifier.Annotation);
        }
    }
}
