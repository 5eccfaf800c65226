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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG032: moves a per-call <c>new HttpClient(…)</c> into a <c>private static readonly HttpClient</c> field of the
    /// containing type (adding <c>Timeout = TimeSpan.FromSeconds(N)</c> when the creation sets none) and uses the field
    /// instead: the local (also a <c>using var</c> or <c>using (…)</c> one, whose <c>using</c> goes, because the shared
    /// client must not be disposed) or the creation itself is replaced. The analyzer decides when this is safe.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG032ClientCreatedPerCallFixer))]
    [Shared]
    public sealed class RAG032ClientCreatedPerCallFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG032.HoistToStaticField";

        private static readonly SyntaxAnnotation UnwrapAnnotation = new("RAG032.Unwrap");

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ClientCreatedPerCall);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(RAG032ClientCreatedPerCallAnalyzer.FixProperty, out var fix) && fix == RAG032ClientCreatedPerCallAnalyzer.FixHoist)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Share one static HttpClient", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } eol ? eol : SyntaxFactory.LineFeed;
            var takenNames = new Dictionary<SyntaxNode, HashSet<string>>();
            var newFields = new Dictionary<SyntaxNode, List<SyntaxNode>>();
            var indentation = SyntaxFactory.Whitespace("    ");

            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (!diagnostic.Properties.TryGetValue(RAG032ClientCreatedPerCallAnalyzer.FixProperty, out var fix) || fix != RAG032ClientCreatedPerCallAnalyzer.FixHoist
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                    || creation.Span != diagnostic.Location.SourceSpan
                    || Target(creation, root) is not { } type)
                {
                    continue;
                }

                var seconds = diagnostic.Properties.TryGetValue(RAG032ClientCreatedPerCallAnalyzer.TimeoutSecondsProperty, out var text) && text is not null ? text : "120";
                if (!takenNames.TryGetValue(type, out var taken))
                {
                    taken = NamesInScope(type is TypeDeclarationSyntax declaration && !IsTopLevel(creation) ? declaration : root, model, cancellationToken);
                    takenNames.Add(type, taken);
                }

                var declarator = creation.Parent?.Parent as VariableDeclaratorSyntax;
                var local = declarator is null ? null : model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol;
                var name = UniqueName(local is null ? "SharedHttpClient" : "Shared" + Pascal(local.Name), taken);
                var field = Field(name, WithTimeout(creation, seconds), type is TypeDeclarationSyntax { Members.Count: > 0 } withMembers ? IndentationOf(withMembers.Members[0]) : indentation, endOfLine);

                if (local is null)
                {
                    editor.ReplaceNode(creation, SyntaxFactory.IdentifierName(name).WithTriviaFrom(creation));
                }
                else if (!ReplaceLocal(editor, model, declarator!, local, name, cancellationToken))
                {
                    continue;
                }

                if (!newFields.TryGetValue(type, out var fields))
                {
                    fields = new List<SyntaxNode>();
                    newFields.Add(type, fields);
                }

                fields.Add(field);
            }

            if (newFields.Count == 0)
            {
                return document;
            }

            // After the type's last field, or before its first member; one insertion per type keeps the fields in source order.
            foreach (var pair in newFields)
            {
                if (pair.Key is CompilationUnitSyntax unit)
                {
                    editor.InsertAfter(unit.Members.Last(), ProgramPart(unit, pair.Value, endOfLine));
                }
                else if (((TypeDeclarationSyntax)pair.Key).Members.LastOrDefault(m => m is FieldDeclarationSyntax) is { } lastField)
                {
                    editor.InsertAfter(lastField, pair.Value.Select(f => f.WithTrailingTrivia(endOfLine)));
                }
                else
                {
                    editor.InsertBefore(((TypeDeclarationSyntax)pair.Key).Members.First(), pair.Value.Take(pair.Value.Count - 1).Select(f => f.WithTrailingTrivia(endOfLine)).Append(pair.Value[pair.Value.Count - 1]));
                }
            }

            var result = document.WithSyntaxRoot(UnwrapBlocks(editor.GetChangedRoot()));
            return await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Removes the local's declaration (and its <c>using</c>) and points every use at the field.</summary>
        private static bool ReplaceLocal(SyntaxEditor editor, SemanticModel model, VariableDeclaratorSyntax declarator, ILocalSymbol local, string name, CancellationToken cancellationToken)
        {
            // Nothing is edited before the declaration is known to be removable.
            if (declarator.Parent?.Parent is not { } owner || !RAG032ClientCreatedPerCallAnalyzer.IsRemovableDeclaration(owner))
            {
                return false;
            }

            // The whole member (a switch section's local is in scope in the other sections too).
            var scope = owner.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax) ?? owner.SyntaxTree.GetRoot(cancellationToken);
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    editor.ReplaceNode(identifier, SyntaxFactory.IdentifierName(name).WithTriviaFrom(identifier));
                }
            }

            switch (owner)
            {
                case LocalDeclarationStatementSyntax statement:
                    editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    return true;

                case UsingStatementSyntax usingStatement:
                    // using (var c = new HttpClient()) body → body; a block body is spliced into its parent block afterwards.
                    editor.ReplaceNode(usingStatement, (current, _) =>
                    {
                        var body = ((UsingStatementSyntax)current).Statement.WithLeadingTrivia(current.GetLeadingTrivia());
                        return body is BlockSyntax ? body.WithAdditionalAnnotations(UnwrapAnnotation) : body.WithAdditionalAnnotations(Formatter.Annotation);
                    });
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>Splices the blocks that were <c>using</c> bodies into their parent blocks, leaving indentation to the formatter.</summary>
        private static SyntaxNode UnwrapBlocks(SyntaxNode root)
        {
            while (root.GetAnnotatedNodes(UnwrapAnnotation).OfType<BlockSyntax>().FirstOrDefault() is { } block)
            {
                var unannotated = block.WithoutAnnotations(UnwrapAnnotation);
                if (block.Parent is not BlockSyntax parent)
                {
                    root = root.ReplaceNode(block, unannotated);
                    continue;
                }

                var statements = unannotated.Statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
                if (statements.Count > 0)
                {
                    // The using's own leading trivia (indentation, comments) goes to the first statement; the formatter re-indents.
                    statements[0] = statements[0].WithLeadingTrivia(block.GetLeadingTrivia().AddRange(statements[0].GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))));
                }

                var index = parent.Statements.IndexOf(block);
                root = root.ReplaceNode(parent, parent.WithStatements(parent.Statements.RemoveAt(index).InsertRange(index, statements)));
            }

            return root;
        }

        /// <summary>The creation with <c>Timeout = TimeSpan.FromSeconds(N)</c> added when its initializer does not set it.</summary>
        private static ExpressionSyntax WithTimeout(BaseObjectCreationExpressionSyntax creation, string seconds)
        {
            var initializer = creation.Initializer;
            if (initializer is not null && initializer.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Timeout" } }))
            {
                return creation.WithoutTrivia();
            }

            var fromSeconds = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression("System.TimeSpan.FromSeconds(" + seconds + ")");
            var access = (MemberAccessExpressionSyntax)fromSeconds.Expression;
            fromSeconds = fromSeconds.WithExpression(access.WithExpression(access.Expression.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)));
            var withTimeout = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("Timeout"), fromSeconds);

            if (initializer is null)
            {
                var bare = creation.WithoutTrivia();
                if (bare is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitType)
                {
                    bare = explicitType.WithArgumentList(null).WithType(explicitType.Type.WithTrailingTrivia(SyntaxFactory.Space));
                }
                else
                {
                    bare = bare.WithTrailingTrivia(SyntaxFactory.Space);
                }

                var newInitializer = SyntaxFactory.InitializerExpression(
                    SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(withTimeout),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
                return bare.WithInitializer(newInitializer);
            }

            var expressions = initializer.Expressions;
            var last = expressions.Last();
            var multiLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                || initializer.CloseBraceToken.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia)) && initializer.GetText().Lines.Count > 1;
            var nodes = new List<SyntaxNodeOrToken>();
            for (var i = 0; i < expressions.Count; i++)
            {
                nodes.Add(expressions[i]);
                if (i < expressions.SeparatorCount)
                {
                    nodes.Add(expressions.GetSeparator(i));
                }
            }

            if (expressions.SeparatorCount < expressions.Count)
            {
                // No trailing comma: one goes after the last expression, whose trailing trivia moves to the new one.
                nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
                nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? last.GetTrailingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                nodes.Add(withTimeout.WithLeadingTrivia(multiLine ? last.GetLeadingTrivia() : default).WithTrailingTrivia(multiLine ? default : last.GetTrailingTrivia()));
            }
            else
            {
                nodes.Add(withTimeout.WithLeadingTrivia(multiLine ? last.GetLeadingTrivia() : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                nodes.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(expressions.GetSeparator(expressions.SeparatorCount - 1).TrailingTrivia));
            }

            return creation.WithoutTrivia().WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(nodes)));
        }

        /// <summary>
        /// Where the field goes: the innermost type declaration; for top-level statements, the file's own
        /// <c>partial class Program</c>, or the compilation unit (a new <c>partial class Program</c> is appended to it).
        /// </summary>
        private static SyntaxNode? Target(SyntaxNode creation, SyntaxNode root)
        {
            if (!IsTopLevel(creation))
            {
                return creation.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            }

            return root is CompilationUnitSyntax unit
                ? unit.Members.OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == "Program" && c.Modifiers.Any(SyntaxKind.PartialKeyword) && c.TypeParameterList is null && c.Members.Count > 0) ?? (SyntaxNode)unit
                : null;
        }

        private static bool IsTopLevel(SyntaxNode node) => node.Ancestors().Any(a => a is GlobalStatementSyntax);

        private static SyntaxTrivia IndentationOf(MemberDeclarationSyntax member) =>
            member.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));

        /// <summary><c>partial class Program { fields }</c> after the last top-level statement, separated by a blank line.</summary>
        private static ClassDeclarationSyntax ProgramPart(CompilationUnitSyntax unit, List<SyntaxNode> fields, SyntaxTrivia endOfLine)
        {
            var endsWithNewLine = unit.Members.Last().GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var leading = endsWithNewLine ? SyntaxFactory.TriviaList(endOfLine) : SyntaxFactory.TriviaList(endOfLine, endOfLine);
            return SyntaxFactory.ClassDeclaration(
                SyntaxFactory.List<AttributeListSyntax>(),
                SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space)),
                SyntaxFactory.Token(SyntaxKind.ClassKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Identifier("Program").WithTrailingTrivia(endOfLine),
                null,
                null,
                SyntaxFactory.List<TypeParameterConstraintClauseSyntax>(),
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(endOfLine),
                SyntaxFactory.List(fields.Select(f => (MemberDeclarationSyntax)f.WithTrailingTrivia(endOfLine))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(endsWithNewLine ? SyntaxFactory.TriviaList(endOfLine) : SyntaxFactory.TriviaList()),
                default);
        }

        /// <summary><c>private static readonly HttpClient Name = …;</c> with the given indentation, followed by a blank line.</summary>
        private static MemberDeclarationSyntax Field(string name, ExpressionSyntax value, SyntaxTrivia indentation, SyntaxTrivia endOfLine)
        {
            var httpClient = SyntaxFactory.ParseTypeName("System.Net.Http.HttpClient").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var declarator = SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                .WithInitializer(SyntaxFactory.EqualsValueClause(value.WithoutTrivia()).WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space)));
            var declaration = SyntaxFactory.VariableDeclaration(httpClient.WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.SingletonSeparatedList(declarator.WithLeadingTrivia(SyntaxFactory.Space)));
            var modifiers = SyntaxFactory.TokenList(
                SyntaxFactory.Token(SyntaxKind.PrivateKeyword).WithLeadingTrivia(indentation.RawKind == 0 ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation)).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            return SyntaxFactory.FieldDeclaration(SyntaxFactory.List<AttributeListSyntax>(), modifiers, declaration.WithType(declaration.Type.WithoutTrailingTrivia()), SyntaxFactory.Token(SyntaxKind.SemicolonToken))
                .WithTrailingTrivia(endOfLine, endOfLine);
        }

        /// <summary>Names a new field must not take: the type's members (inherited ones included) and every identifier written in the type.</summary>
        private static HashSet<string> NamesInScope(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    names.Add(token.ValueText);
                }
            }

            var type = scope is TypeDeclarationSyntax declaration
                ? model.GetDeclaredSymbol(declaration, cancellationToken) as INamedTypeSymbol
                : model.Compilation.GetEntryPoint(cancellationToken)?.ContainingType;
            for (var symbol = type; symbol is not null; symbol = symbol.BaseType)
            {
                names.UnionWith(symbol.MemberNames);
            }

            return names;
        }

        private static string UniqueName(string baseName, HashSet<string> taken)
        {
            var name = baseName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            return name;
        }

        private static string Pascal(string name)
        {
            var trimmed = name.TrimStart('_', '@');
            return trimmed.Length == 0 ? "HttpClient" : char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
        }
    }
}
