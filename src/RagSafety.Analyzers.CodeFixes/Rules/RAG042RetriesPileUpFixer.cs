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
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG042 (stacked retries): turns the SDK's own retries off in the options whose transport carries the retrying
    /// HttpClient, so the HttpClient's resilience handler is the one retry layer: <c>RetryPolicy = new ClientRetryPolicy(maxRetries: 0)</c>
    /// for System.ClientModel options (OpenAI, Azure OpenAI 2.x), <c>Retry = { MaxRetries = 0 }</c> for Azure.Core options.
    /// Offered only where the analyzer saw the retry settings untouched; retry loops and Polly strategies get no fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG042RetriesPileUpFixer))]
    [Shared]
    public sealed class RAG042RetriesPileUpFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG042.TurnSdkRetriesOff";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RetriesPileUp);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(RAG042RetriesPileUpAnalyzer.FixProperty) && diagnostic.AdditionalLocations.Count > 0)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Turn the SDK client's own retries off", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
                        diagnostic);
                }
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
            var edited = new HashSet<TextSpan>();
            foreach (var diagnostic in diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(RAG042RetriesPileUpAnalyzer.FixProperty, out var fix)
                    || diagnostic.AdditionalLocations.FirstOrDefault() is not { } location
                    || location.SourceTree != root.SyntaxTree
                    || root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax options
                    || !edited.Add(options.Span))
                {
                    continue;
                }

                // Several transports may share one options object: it is edited once.
                var (path, value) = fix switch
                {
                    RAG042RetriesPileUpAnalyzer.FixClientRetryPolicy => (new[] { "RetryPolicy" }, NoRetryPolicy()),
                    RAG042RetriesPileUpAnalyzer.FixAzureMaxRetries => (new[] { "Retry", "MaxRetries" }, (ExpressionSyntax)SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))),
                    _ => (null, null),
                };
                if (path is null || value is null)
                {
                    continue;
                }

                editor.ReplaceNode(options, (current, _) => TimeoutSyntax.WithMember((BaseObjectCreationExpressionSyntax)current, path, value));
            }

            var result = document.WithSyntaxRoot(editor.GetChangedRoot());
            return await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>new ClientRetryPolicy(maxRetries: 0)</c>, its namespace imported by the simplifier.</summary>
        private static ExpressionSyntax NoRetryPolicy() =>
            SyntaxFactory.ObjectCreationExpression(
                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                TimeoutSyntax.Simplifiable(SyntaxFactory.ParseTypeName("global::System.ClientModel.Primitives.ClientRetryPolicy")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("maxRetries")).WithTrailingTrivia(SyntaxFactory.Space),
                    default,
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))))),
                null);
    }
}
