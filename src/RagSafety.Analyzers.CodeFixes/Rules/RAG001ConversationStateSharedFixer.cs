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
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG001: registers per-conversation state as scoped instead of singleton (<c>AddSingleton</c> → <c>AddScoped</c>,
    /// keeping the type arguments, key and factory). Static members get no automatic fix.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG001ConversationStateSharedFixer))]
    [Shared]
    public sealed class RAG001ConversationStateSharedFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG001.RegisterScoped";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConversationStateShared);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(RAG001ConversationStateSharedAnalyzer.ScopedNameProperty, out var scoped) && scoped is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Register as scoped ({scoped})", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
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

            var names = diagnostics
                .Where(d => d.Properties.TryGetValue(RAG001ConversationStateSharedAnalyzer.ScopedNameProperty, out var scoped) && scoped is not null)
                .Select(d => (Node: root.FindNode(d.Location.SourceSpan, getInnermostNodeForTie: true) as SimpleNameSyntax, Scoped: d.Properties[RAG001ConversationStateSharedAnalyzer.ScopedNameProperty]!))
                .Where(n => n.Node is not null)
                .ToDictionary(n => n.Node!, n => n.Scoped);
            if (names.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(
                names.Keys,
                (original, current) => current.WithIdentifier(SyntaxFactory.Identifier(names[original]).WithTriviaFrom(current.Identifier)));
            return document.WithSyntaxRoot(newRoot);
        }
    }
}
