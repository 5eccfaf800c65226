using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
    /// RAG060: replaces a hard-coded credential with
    /// <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("NAME is not set")</c>.
    /// A const that held it is deleted when nothing else reads it, and otherwise becomes a non-const variable initialized
    /// that way; every other literal of the document with the same value is replaced too, so the secret is gone.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG060HardCodedCredentialFixer))]
    [Shared]
    public sealed class RAG060HardCodedCredentialFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG060.ReadFromEnvironment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedCredential);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(RAG060HardCodedCredentialAnalyzer.FixProperty)
                    && diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.VariableProperty, out var variable))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Read the credential from environment variable {variable}", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
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
            var changed = false;
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (!diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.FixProperty, out var fix)
                    || !diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.VariableProperty, out var variable) || variable is null
                    || !diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.OtherLiteralsProperty, out var othersText)
                    || !int.TryParse(othersText, NumberStyles.None, CultureInfo.InvariantCulture, out var otherCount)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site
                    || site.Span != diagnostic.Location.SourceSpan)
                {
                    continue;
                }

                var locations = diagnostic.AdditionalLocations;
                var hasConst = fix is RAG060HardCodedCredentialAnalyzer.FixRemoveConst or RAG060HardCodedCredentialAnalyzer.FixConvertConst or RAG060HardCodedCredentialAnalyzer.FixReplaceInitializer;
                if (locations.Count != otherCount + (hasConst ? 1 : 0))
                {
                    continue;
                }

                switch (fix)
                {
                    case RAG060HardCodedCredentialAnalyzer.FixReplace:
                        Replace(editor, site, variable, edited);
                        break;

                    case RAG060HardCodedCredentialAnalyzer.FixRemoveConst when FindDeclarator(root, locations[0]) is { } declarator:
                        Replace(editor, site, variable, edited);
                        if (edited.Add(declarator.Span))
                        {
                            RemoveDeclaration(editor, declarator.Parent!.Parent!);
                        }

                        break;

                    case RAG060HardCodedCredentialAnalyzer.FixConvertConst when FindDeclarator(root, locations[0]) is { } declarator:
                        if (edited.Add(declarator.Span))
                        {
                            ConvertConst(editor, declarator, variable);
                        }

                        break;

                    case RAG060HardCodedCredentialAnalyzer.FixReplaceInitializer
                        when root.FindNode(locations[0].SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax initializer && initializer.Span == locations[0].SourceSpan:
                        Replace(editor, initializer, variable, edited);
                        break;

                    default:
                        continue;
                }

                foreach (var location in locations.Skip(hasConst ? 1 : 0))
                {
                    if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal && literal.Span == location.SourceSpan)
                    {
                        Replace(editor, literal, variable, edited);
                    }
                }

                changed = true;
            }

            if (!changed)
            {
                return document;
            }

            var result = document.WithSyntaxRoot(editor.GetChangedRoot());
            return await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Removes the const's declaration; the next member takes over whether a blank line precedes it.</summary>
        private static void RemoveDeclaration(SyntaxEditor editor, SyntaxNode declaration)
        {
            if (declaration is MemberDeclarationSyntax member && member.Parent is TypeDeclarationSyntax type)
            {
                var index = type.Members.IndexOf(member);
                if (index + 1 < type.Members.Count)
                {
                    var blankBefore = member.GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)).Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
                    editor.ReplaceNode(type.Members[index + 1], (current, _) =>
                    {
                        // Drop the next member's own blank lines (an end of line, possibly after spaces) and put the removed one's back.
                        var leading = current.GetLeadingTrivia();
                        var start = 0;
                        while (true)
                        {
                            var i = start;
                            while (i < leading.Count && leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
                            {
                                i++;
                            }

                            if (i >= leading.Count || !leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                            {
                                break;
                            }

                            start = i + 1;
                        }

                        return current.WithLeadingTrivia(blankBefore.Concat(leading.Skip(start)));
                    });
                }
            }

            editor.RemoveNode(declaration, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        private static VariableDeclaratorSyntax? FindDeclarator(SyntaxNode root, Location location) =>
            root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is VariableDeclaratorSyntax declarator
            && declarator.Span == location.SourceSpan
            && declarator.Parent?.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax
                ? declarator
                : null;

        private static void Replace(SyntaxEditor editor, ExpressionSyntax expression, string variable, HashSet<TextSpan> edited)
        {
            if (edited.Add(expression.Span))
            {
                editor.ReplaceNode(expression, SyntaxFactory.ParenthesizedExpression(FromEnvironment(variable))
                    .WithTriviaFrom(expression)
                    .WithAdditionalAnnotations(Simplifier.Annotation));
            }
        }

        /// <summary><c>const string Key = "…";</c> → <c>static readonly string Key = …;</c> (field) or <c>string key = …;</c> (local).</summary>
        private static void ConvertConst(SyntaxEditor editor, VariableDeclaratorSyntax declarator, string variable)
        {
            var initializer = declarator.Initializer!;
            editor.ReplaceNode(initializer.Value, FromEnvironment(variable).WithTriviaFrom(initializer.Value));
            switch (declarator.Parent?.Parent)
            {
                case FieldDeclarationSyntax field:
                    editor.ReplaceNode(field, (current, _) =>
                    {
                        var declaration = (FieldDeclarationSyntax)current;
                        var modifiers = declaration.Modifiers;
                        var constIndex = modifiers.IndexOf(SyntaxKind.ConstKeyword);
                        var constToken = modifiers[constIndex];
                        var replacement = SyntaxFactory.TokenList(
                            SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithLeadingTrivia(constToken.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space),
                            SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constToken.TrailingTrivia));
                        var list = modifiers.RemoveAt(constIndex).InsertRange(constIndex, replacement);
                        return declaration.WithModifiers(list);
                    });
                    break;

                case LocalDeclarationStatementSyntax local:
                    editor.ReplaceNode(local, (current, _) =>
                    {
                        var statement = (LocalDeclarationStatementSyntax)current;
                        var constToken = statement.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        var remaining = statement.Modifiers.Remove(constToken);
                        var result = statement.WithModifiers(remaining);
                        return remaining.Count == 0 ? result.WithLeadingTrivia(constToken.LeadingTrivia) : result;
                    });
                    break;
            }
        }

        /// <summary><c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("NAME is not set")</c>, qualified for the simplifier.</summary>
        private static ExpressionSyntax FromEnvironment(string variable)
        {
            var environment = SyntaxFactory.ParseExpression("System.Environment").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var exception = SyntaxFactory.ParseTypeName("System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var name = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable));
            var message = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable + " is not set"));
            var lookup = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, (ExpressionSyntax)environment, SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(name))));
            var @throw = SyntaxFactory.ThrowExpression(
                SyntaxFactory.Token(SyntaxKind.ThrowKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    exception,
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(message))),
                    null));
            return SyntaxFactory.BinaryExpression(
                SyntaxKind.CoalesceExpression,
                lookup,
                SyntaxFactory.Token(SyntaxKind.QuestionQuestionToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                @throw);
        }
    }
}
