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
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG002: (a) registers the Kernel as transient instead of singleton (<c>AddSingleton&lt;Kernel&gt;</c> →
    /// <c>AddTransient&lt;Kernel&gt;</c>, what <c>AddKernel()</c> does); (b) clones the shared kernel at the start of the
    /// changing function and routes that function's uses of it to the clone.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG002SharedKernelMutatedFixer))]
    [Shared]
    public sealed class RAG002SharedKernelMutatedFixer : CodeFixProvider
    {
        public const string TransientKey = "RAG002.RegisterTransient";
        public const string CloneKey = "RAG002.CloneBeforeMutating";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SharedKernelMutated);

        public override FixAllProvider GetFixAllProvider() => new FixAll();

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(RAG002SharedKernelMutatedAnalyzer.TransientNameProperty, out var transient) && transient is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Register the Kernel as transient ({transient})", c => RegisterTransientAsync(solution, ImmutableArray.Create(diagnostic), c), TransientKey),
                        diagnostic);
                }

                if (diagnostic.Properties.ContainsKey(RAG002SharedKernelMutatedAnalyzer.CloneProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Clone the kernel before changing it", c => CloneAsync(solution, ImmutableArray.Create(diagnostic), c), CloneKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> RegisterTransientAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var registrations = diagnostics
                .Where(d => d.AdditionalLocations.Count > 1 && d.Properties.TryGetValue(RAG002SharedKernelMutatedAnalyzer.TransientNameProperty, out var name) && name is not null)
                .Select(d => (Location: d.AdditionalLocations[1], Name: d.Properties[RAG002SharedKernelMutatedAnalyzer.TransientNameProperty]!))
                .GroupBy(r => r.Location.SourceTree);
            foreach (var inTree in registrations)
            {
                if (inTree.Key is null || solution.GetDocument(inTree.Key) is not { } document
                    || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                {
                    continue;
                }

                var names = new Dictionary<SimpleNameSyntax, string>();
                foreach (var (location, name) in inTree)
                {
                    if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is SimpleNameSyntax node)
                    {
                        names[node] = name;
                    }
                }

                var newRoot = root.ReplaceNodes(
                    names.Keys,
                    (original, current) => current.WithIdentifier(SyntaxFactory.Identifier(names[original]).WithTriviaFrom(current.Identifier)));
                solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
            }

            return solution;
        }

        private static async Task<Solution> CloneAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            foreach (var inTree in diagnostics.Where(d => d.Properties.ContainsKey(RAG002SharedKernelMutatedAnalyzer.CloneProperty) && d.AdditionalLocations.Count > 0).GroupBy(d => d.Location.SourceTree))
            {
                if (inTree.Key is null || solution.GetDocument(inTree.Key) is not { } document)
                {
                    continue;
                }

                var changed = await CloneInDocumentAsync(document, inTree.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
                solution = changed.Project.Solution;
            }

            return solution;
        }

        private static async Task<Document> CloneInDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // One clone per (function, shared symbol); a function nested in another that clones the same symbol is covered by the outer clone.
            var groups = new List<(BlockSyntax Body, ISymbol Symbol, ExpressionSyntax Kernel, string Mode)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax kernel
                    || SymbolOf(model, kernel, cancellationToken) is not { } symbol
                    || FunctionBody(kernel) is not { } body)
                {
                    continue;
                }

                if (!groups.Any(g => SymbolEqualityComparer.Default.Equals(g.Symbol, symbol) && g.Body.Span.Contains(body.Span)))
                {
                    groups.RemoveAll(g => SymbolEqualityComparer.Default.Equals(g.Symbol, symbol) && body.Span.Contains(g.Body.Span));
                    groups.Add((body, symbol, kernel, diagnostic.Properties[RAG002SharedKernelMutatedAnalyzer.CloneProperty]!));
                }
            }

            if (groups.Count == 0)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var inserted = new Dictionary<BlockSyntax, List<StatementSyntax>>();
            foreach (var (body, symbol, kernel, mode) in groups)
            {
                var first = body.Statements[0];
                var indentation = first.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                var newLine = body.OpenBraceToken.TrailingTrivia.FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n");
                var shared = kernel.WithoutTrivia();
                StatementSyntax statement;
                if (mode == RAG002SharedKernelMutatedAnalyzer.CloneParameter)
                {
                    // kernel = kernel.Clone();
                    statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, shared, CloneOf(shared)));
                }
                else
                {
                    var name = FreeName(model, body, cancellationToken);
                    statement = SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(CloneOf(shared))))));
                    foreach (var reference in References(model, body, symbol, cancellationToken))
                    {
                        editor.ReplaceNode(reference, (current, _) => SyntaxFactory.IdentifierName(name).WithTriviaFrom(current));
                    }
                }

                statement = statement.NormalizeWhitespace()
                    .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                    .WithTrailingTrivia(endOfLine);
                if (!inserted.TryGetValue(body, out var statements))
                {
                    statements = new List<StatementSyntax>();
                    inserted.Add(body, statements);
                }

                statements.Add(statement);
            }

            // A later change's clone goes first, as when the fixes are applied one at a time (each inserts at the top).
            foreach (var pair in inserted)
            {
                pair.Value.Reverse();
                editor.InsertBefore(pair.Key.Statements[0], pair.Value);
            }

            return document.WithSyntaxRoot(editor.GetChangedRoot());
        }

        private static ExpressionSyntax CloneOf(ExpressionSyntax shared) =>
            SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, shared, SyntaxFactory.IdentifierName("Clone")));

        private static ISymbol? SymbolOf(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;

            // Lazy<Kernel>.Value: the shared member is the Lazy.
            if (symbol is IPropertySymbol { Name: "Value" } && expression is MemberAccessExpressionSyntax access)
            {
                return model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
            }

            return symbol;
        }

        /// <summary>The block body of the function that contains the node (lambda, local function, method, constructor).</summary>
        private static BlockSyntax? FunctionBody(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax lambda:
                        return lambda.Block;
                    case LocalFunctionStatementSyntax local:
                        return local.Body;
                    case BaseMethodDeclarationSyntax method:
                        return method.Body;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The expressions in the body that read the shared symbol: <c>_kernel</c>, <c>this._kernel</c>, <c>Holder.Kernel</c>, <c>Lazy.Value</c>.</summary>
        private static IEnumerable<ExpressionSyntax> References(SemanticModel model, BlockSyntax body, ISymbol symbol, CancellationToken cancellationToken)
        {
            var found = new List<ExpressionSyntax>();
            foreach (var name in body.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, symbol))
                {
                    continue;
                }

                ExpressionSyntax reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (reference.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } value && value.Expression == reference
                    && model.GetSymbolInfo(value, cancellationToken).Symbol is IPropertySymbol { ContainingType.Name: "Lazy" })
                {
                    reference = value;
                }

                found.Add(reference);
            }

            return found;
        }

        private static string FreeName(SemanticModel model, BlockSyntax body, CancellationToken cancellationToken)
        {
            var declared = new HashSet<string>(body.DescendantNodes().Select(n => n switch
            {
                VariableDeclaratorSyntax v => v.Identifier.ValueText,
                SingleVariableDesignationSyntax d => d.Identifier.ValueText,
                ParameterSyntax p => p.Identifier.ValueText,
                LocalFunctionStatementSyntax f => f.Identifier.ValueText,
                _ => null,
            }).Where(n => n is not null)!);
            foreach (var candidate in new[] { "kernel", "clonedKernel" }.Concat(Enumerable.Range(2, 20).Select(i => "kernel" + i)))
            {
                if (!declared.Contains(candidate) && model.LookupSymbols(body.OpenBraceToken.Span.End, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }

            return "clonedKernel" + body.SpanStart;
        }

        /// <summary>Fix All for both fixes, across documents: registrations may live in another file than the changes.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document is not null:
                        diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                        break;
                    case FixAllScope.Project:
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                        break;
                    case FixAllScope.Solution:
                        foreach (var project in fixAllContext.Solution.Projects)
                        {
                            diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                        }

                        break;
                }

                var all = diagnostics.ToImmutable();
                var solution = fixAllContext.Solution;
                return fixAllContext.CodeActionEquivalenceKey switch
                {
                    TransientKey => CodeAction.Create("Register the Kernel as transient", c => RegisterTransientAsync(solution, all, c), TransientKey),
                    CloneKey => CodeAction.Create("Clone the kernel before changing it", c => CloneAsync(solution, all, c), CloneKey),
                    _ => null,
                };
            }
        }
    }
}
