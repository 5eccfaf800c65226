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
    /// that way; every other literal of the document with the same value is replaced too, and a site's fix replaces the
    /// copies in the project's other documents as well (outside constants), so the secret is gone.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG060HardCodedCredentialFixer))]
    [Shared]
    public sealed class RAG060HardCodedCredentialFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG060.ReadFromEnvironment";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardCodedCredential);

        public override FixAllProvider GetFixAllProvider() => SitesAndCopiesFixAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.ContainsKey(RAG060HardCodedCredentialAnalyzer.FixProperty)
                    || !diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.VariableProperty, out var variable) || variable is null)
                {
                    continue;
                }

                var title = $"Read the credential from environment variable {variable}";
                if (diagnostic.Properties.ContainsKey(RAG060HardCodedCredentialAnalyzer.CopyProperty))
                {
                    context.RegisterCodeFix(CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey), diagnostic);
                    continue;
                }

                // A site's fix also removes the secret's copies from the project's other documents; where one cannot be
                // removed (a constant a constant context needs), the fix is not offered: it would leave the secret behind.
                var secret = await SecretAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                var variables = secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [secret] = variable };
                if (await PlanCopiesAsync(context.Document.Project.Solution, context.Document.Project.Id, variables, context.Document.Id, context.CancellationToken).ConfigureAwait(false) is { } plan)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, async c => await ApplyAsync((await FixAsync(context.Document, ImmutableArray.Create(diagnostic), c).ConfigureAwait(false)).Project.Solution, plan, c).ConfigureAwait(false), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>How one copy goes: its literal replaced, or the const it initializes turned into a variable read from the environment.</summary>
        private sealed record CopyRemoval(DocumentId Document, TextSpan Span, bool ConvertConst, string Variable);

        /// <summary>
        /// The copies of the secrets in the project's documents (but <paramref name="except"/>), each with how it is removed;
        /// null when one cannot be: a literal where C# needs a constant, or a const that some constant context reads.
        /// </summary>
        private static async Task<List<CopyRemoval>?> PlanCopiesAsync(Solution solution, ProjectId projectId, IReadOnlyDictionary<string, string> variables, DocumentId? except, CancellationToken cancellationToken)
        {
            var plan = new List<CopyRemoval>();
            if (variables.Count == 0 || solution.GetProject(projectId) is not { } project)
            {
                return plan;
            }

            foreach (var document in project.Documents.Where(d => d.Id != except))
            {
                if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                foreach (var token in root.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.StringLiteralToken) || !variables.TryGetValue(token.ValueText, out var variable) || token.Parent is not LiteralExpressionSyntax literal)
                    {
                        continue;
                    }

                    if (!RAG060HardCodedCredentialAnalyzer.IsConstantContext(literal))
                    {
                        plan.Add(new CopyRemoval(document.Id, literal.Span, ConvertConst: false, variable));
                    }
                    else if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax or LocalDeclarationStatementSyntax } } declarator }
                        && await OnlyReadOutsideConstantsAsync(document, declarator, cancellationToken).ConfigureAwait(false))
                    {
                        plan.Add(new CopyRemoval(document.Id, declarator.Span, ConvertConst: true, variable));
                    }
                    else
                    {
                        return null;
                    }
                }
            }

            return plan;
        }

        private static async Task<bool> OnlyReadOutsideConstantsAsync(Document document, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol)
            {
                return false;
            }

            foreach (var found in await Microsoft.CodeAnalysis.FindSymbols.SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in found.Locations)
                {
                    var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    if (root is null || RAG060HardCodedCredentialAnalyzer.IsConstantContext(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<CopyRemoval> plan, CancellationToken cancellationToken)
        {
            foreach (var inDocument in plan.GroupBy(r => r.Document))
            {
                var document = solution.GetDocument(inDocument.Key);
                if (document is null || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                var editor = new SyntaxEditor(root, solution.Services);
                var edited = new HashSet<TextSpan>();
                foreach (var removal in inDocument)
                {
                    var node = root.FindNode(removal.Span, getInnermostNodeForTie: true);
                    if (removal.ConvertConst && node is VariableDeclaratorSyntax declarator && edited.Add(declarator.Span))
                    {
                        ConvertConst(editor, declarator, removal.Variable);
                    }
                    else if (!removal.ConvertConst && node is LiteralExpressionSyntax literal)
                    {
                        Replace(editor, literal, removal.Variable, edited);
                    }
                }

                var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = changed.Project.Solution;
            }

            return solution;
        }

        /// <summary>The secret a site receives: the constant value of its expression, or of the local initializer it stands for.</summary>
        private static async Task<string?> SecretAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax site)
            {
                return null;
            }

            if (model.GetConstantValue(site, cancellationToken) is { HasValue: true, Value: string value })
            {
                return value;
            }

            return diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.FixProperty, out var fix) && fix == RAG060HardCodedCredentialAnalyzer.FixReplaceInitializer
                && diagnostic.AdditionalLocations.Count > 0
                && root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax initializer
                && model.GetConstantValue(initializer, cancellationToken) is { HasValue: true, Value: string initialValue }
                ? initialValue
                : null;
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
    
        /// <summary>
        /// Fix All in a document, project or solution: each document's diagnostics are fixed as one, then the copies of the
        /// fixed sites' secrets are replaced in their projects' documents, so a Fix All leaves no copy behind either.
        /// </summary>
        private sealed class SitesAndCopiesFixAll : FixAllProvider
        {
            public static readonly SitesAndCopiesFixAll Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document when context.Document is { } document => new[] { document },
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                    _ => System.Array.Empty<Document>(),
                };
                var work = new List<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>();
                foreach (var document in documents)
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (!diagnostics.IsEmpty)
                    {
                        work.Add((document, diagnostics));
                    }
                }

                return work.Count == 0 ? null : CodeAction.Create(
                    "Read the credentials from environment variables",
                    async cancellationToken =>
                    {
                        // Sites whose copies cannot all be removed are left alone, as their single fix is not offered.
                        var solution = context.Solution;
                        var copies = new Dictionary<ProjectId, Dictionary<string, string>>();
                        foreach (var (document, diagnostics) in work)
                        {
                            var toFix = new List<Diagnostic>();
                            foreach (var diagnostic in diagnostics)
                            {
                                if (diagnostic.Properties.ContainsKey(RAG060HardCodedCredentialAnalyzer.CopyProperty)
                                    || !diagnostic.Properties.TryGetValue(RAG060HardCodedCredentialAnalyzer.VariableProperty, out var variable) || variable is null
                                    || await SecretAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } secret)
                                {
                                    toFix.Add(diagnostic);
                                    continue;
                                }

                                var variables = new Dictionary<string, string> { [secret] = variable };
                                if (await PlanCopiesAsync(context.Solution, document.Project.Id, variables, document.Id, cancellationToken).ConfigureAwait(false) is null)
                                {
                                    continue;
                                }

                                toFix.Add(diagnostic);
                                if (!copies.TryGetValue(document.Project.Id, out var inProject))
                                {
                                    inProject = copies[document.Project.Id] = new Dictionary<string, string>(System.StringComparer.Ordinal);
                                }

                                inProject[secret] = variable;
                            }

                            var fixedDocument = await FixAsync(solution.GetDocument(document.Id)!, toFix.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
                            solution = fixedDocument.Project.Solution;
                        }

                        // Then the copies the documents' own fixes did not reach (other documents, consts), on the fixed solution.
                        foreach (var project in copies)
                        {
                            if (await PlanCopiesAsync(solution, project.Key, project.Value, except: null, cancellationToken).ConfigureAwait(false) is { } plan)
                            {
                                solution = await ApplyAsync(solution, plan, cancellationToken).ConfigureAwait(false);
                            }
                        }

                        return solution;
                    },
                    context.CodeActionEquivalenceKey);
            }
        }
}
}
