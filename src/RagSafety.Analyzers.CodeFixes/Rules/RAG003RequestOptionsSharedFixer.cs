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
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG003: turns a static options field or get-only auto-property into a static property with an expression body,
    /// so every use builds fresh options from the same initializer (<c>static ChatOptions Options => new() { … };</c>).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG003RequestOptionsSharedFixer))]
    [Shared]
    public sealed class RAG003RequestOptionsSharedFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG003.FreshPerUse";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RequestOptionsShared);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(RAG003RequestOptionsSharedAnalyzer.FixProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Build fresh options per use", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
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

            var declarations = new HashSet<MemberDeclarationSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(RAG003RequestOptionsSharedAnalyzer.FixProperty))
                {
                    continue;
                }

                var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
                var declaration = token.Parent switch
                {
                    VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } => (MemberDeclarationSyntax)field,
                    PropertyDeclarationSyntax property => property,
                    _ => null,
                };
                if (declaration is not null)
                {
                    declarations.Add(declaration);
                }
            }

            if (declarations.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(declarations, (original, current) => FreshPerUse(current) ?? current);
            return document.WithSyntaxRoot(newRoot);
        }

        private static MemberDeclarationSyntax? FreshPerUse(MemberDeclarationSyntax declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } field when variables[0].Initializer is { } initializer:
                    var modifiers = SyntaxFactory.TokenList(field.Modifiers.Where(m => !m.IsKind(SyntaxKind.ReadOnlyKeyword) && !m.IsKind(SyntaxKind.VolatileKeyword)));
                    return SyntaxFactory.PropertyDeclaration(
                            default,
                            modifiers,
                            field.Declaration.Type,
                            explicitInterfaceSpecifier: null,
                            variables[0].Identifier,
                            accessorList: null,
                            Arrow(initializer),
                            initializer: null,
                            field.SemicolonToken)
                        .WithLeadingTrivia(field.GetLeadingTrivia());

                case PropertyDeclarationSyntax { Initializer: { } initializer } property:
                    return property
                        .WithAccessorList(null)
                        .WithIdentifier(property.Identifier.WithTrailingTrivia(SyntaxFactory.Space))
                        .WithInitializer(null)
                        .WithExpressionBody(Arrow(initializer))
                        .WithSemicolonToken(property.SemicolonToken);

                default:
                    return null;
            }
        }

        private static ArrowExpressionClauseSyntax Arrow(EqualsValueClauseSyntax initializer) =>
            SyntaxFactory.ArrowExpressionClause(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithTriviaFrom(initializer.EqualsToken), initializer.Value);
    }
}
