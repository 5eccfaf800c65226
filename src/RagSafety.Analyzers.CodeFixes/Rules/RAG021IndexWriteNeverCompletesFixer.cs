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
using RagSafety.Analyzers.CodeFixes.Editing;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG021: awaits a dropped write (<c>write;</c> and <c>_ = write;</c> become <c>await write;</c>) and enumerates a lazy
    /// writer (<c>await foreach (var _ in write) { }</c>); makes the enclosing handler, endpoint lambda or entry point async
    /// where the analyzer found that safe.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG021IndexWriteNeverCompletesFixer))]
    [Shared]
    public sealed class RAG021IndexWriteNeverCompletesFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG021.Complete";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IndexWriteNeverCompletes);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || !diagnostic.Properties.TryGetValue(RAG021IndexWriteNeverCompletesAnalyzer.FixProperty, out var fix)
                    || FindTarget(root, diagnostic) is null)
                {
                    continue;
                }

                var lazy = IsLazy(diagnostic);
                var title = (lazy ? "Enumerate the index write" : "Await the index write")
                    + (fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync ? " (make the handler async)" : string.Empty);
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool IsLazy(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(RAG021IndexWriteNeverCompletesAnalyzer.FormProperty, out var form) && form == RAG021IndexWriteNeverCompletesAnalyzer.FormLazy;

        /// <summary>The node the fix replaces: a statement (or, for a task in a lambda's expression body, the expression).</summary>
        private static SyntaxNode? FindTarget(SyntaxNode root, Diagnostic diagnostic)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Span != diagnostic.Location.SourceSpan)
            {
                return null;
            }

            ExpressionSyntax result = invocation;
            if (result.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member && member.Parent is InvocationExpressionSyntax configured)
            {
                result = configured;
            }

            var lazy = IsLazy(diagnostic);
            return result.Parent switch
            {
                ExpressionStatementSyntax statement => statement,
                AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } => statement,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local } } } when lazy => local,
                LambdaExpressionSyntax lambda when !lazy && lambda.ExpressionBody == result => result,
                _ => null,
            };
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
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (!diagnostic.Properties.TryGetValue(RAG021IndexWriteNeverCompletesAnalyzer.FixProperty, out var fix)
                    || FindTarget(root, diagnostic) is not { } target)
                {
                    continue;
                }

                var lazy = IsLazy(diagnostic);
                editor.ReplaceNode(target, (current, _) => Completed(current, lazy) ?? current);
                if (fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync
                    && AsyncRewriting.FunctionToMakeAsync(target) is { } function
                    && !functionsToMakeAsync.Contains(function))
                {
                    functionsToMakeAsync.Add(function);
                }
            }

            foreach (var function in functionsToMakeAsync)
            {
                editor.ReplaceNode(function, (current, _) => AsyncRewriting.MakeAsync(current));
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            return functionsToMakeAsync.Count == 0
                ? changed
                : await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static SyntaxNode? Completed(SyntaxNode target, bool lazy)
        {
            var write = target switch
            {
                ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } => assignment.Right,
                ExpressionStatementSyntax statement => statement.Expression,
                LocalDeclarationStatementSyntax local => local.Declaration.Variables[0].Initializer?.Value,
                ExpressionSyntax expression => expression,
                _ => null,
            };

            if (write is null)
            {
                return null;
            }

            if (lazy)
            {
                // Enumerating runs the writer; the keys it yields are not needed.
                var loop = SyntaxFactory.ParseStatement("await foreach (var _ in " + write.WithoutTrivia().ToFullString() + ") { }");
                return loop.WithTriviaFrom(target);
            }

            var awaited = SyntaxFactory.AwaitExpression(write.WithoutTrivia());
            return target switch
            {
                ExpressionStatementSyntax statement => statement.WithExpression(awaited.WithTriviaFrom(statement.Expression)),
                _ => awaited.WithTriviaFrom(target),
            };
        }
    }
}
