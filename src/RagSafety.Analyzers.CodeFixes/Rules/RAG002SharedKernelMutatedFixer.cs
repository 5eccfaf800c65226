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
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            // One clone per (function, shared symbol); a function nested in another that clones the same symbol is covered by the outer clone.
            var groups = new List<(SyntaxNode Function, SyntaxNode Body, ISymbol Symbol, ExpressionSyntax Kernel, string Mode, string? ExpressionBody)>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax kernel
                    || SymbolOf(model, kernel, cancellationToken) is not { } symbol
                    || FunctionOf(kernel) is not { } function
                    || BodyOf(function) is not { } body)
                {
                    continue;
                }

                diagnostic.Properties.TryGetValue(RAG002SharedKernelMutatedAnalyzer.ExpressionBodyProperty, out var expressionBody);
                if (body is ExpressionSyntax && expressionBody is null)
                {
                    continue;
                }

                if (!groups.Any(g => SymbolEqualityComparer.Default.Equals(g.Symbol, symbol) && g.Body.Span.Contains(body.Span)))
                {
                    groups.RemoveAll(g => SymbolEqualityComparer.Default.Equals(g.Symbol, symbol) && body.Span.Contains(g.Body.Span));
                    groups.Add((function, body, symbol, kernel, diagnostic.Properties[RAG002SharedKernelMutatedAnalyzer.CloneProperty]!, expressionBody));
                }
            }

            if (groups.Count == 0)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var inserted = new Dictionary<BlockSyntax, List<StatementSyntax>>();
            foreach (var (function, body, symbol, kernel, mode, expressionBody) in groups)
            {
                var newLine = NewLineOf(root);
                var shared = kernel.WithoutTrivia();
                StatementSyntax statement;
                string? name = null;
                if (mode == RAG002SharedKernelMutatedAnalyzer.CloneParameter)
                {
                    // kernel = kernel.Clone();
                    statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, shared, CloneOf(shared)));
                }
                else
                {
                    name = FreeName(model, body, cancellationToken);
                    statement = SyntaxFactory.LocalDeclarationStatement(SyntaxFactory.VariableDeclaration(
                        SyntaxFactory.IdentifierName("var"),
                        SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(CloneOf(shared))))));
                    foreach (var reference in References(model, body, symbol, cancellationToken))
                    {
                        editor.ReplaceNode(reference, (current, _) => SyntaxFactory.IdentifierName(name).WithTriviaFrom(current));
                    }
                }

                statement = statement.NormalizeWhitespace();
                if (body is BlockSyntax block)
                {
                    var indentation = block.Statements[0].GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
                    statement = statement
                        .WithLeadingTrivia(indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList())
                        .WithTrailingTrivia(newLine);
                    if (!inserted.TryGetValue(block, out var statements))
                    {
                        statements = new List<StatementSyntax>();
                        inserted.Add(block, statements);
                    }

                    statements.Add(statement);
                }
                else
                {
                    // => expr  becomes  { clone; return expr; }  (or  expr;  for void and plain-task async functions).
                    var line = text.Lines.GetLineFromPosition(function.SpanStart).ToString();
                    var outer = line.Substring(0, line.Length - line.TrimStart().Length);
                    var inner = outer + "    ";
                    var isReturn = expressionBody == RAG002SharedKernelMutatedAnalyzer.ExpressionBodyReturn;
                    editor.ReplaceNode(function, (current, _) => WithBlockBody(current, statement, isReturn, outer, inner, newLine));
                }
            }

            // A later change's clone goes first, as when the fixes are applied one at a time (each inserts at the top).
            foreach (var pair in inserted)
            {
                pair.Value.Reverse();
                editor.InsertBefore(pair.Key.Statements[0], pair.Value);
            }

            return document.WithSyntaxRoot(editor.GetChangedRoot());
        }

        private static SyntaxTrivia NewLineOf(SyntaxNode root) =>
            root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
                ? eol
                : SyntaxFactory.EndOfLine("\n");

        /// <summary>Replaces an expression body by a block that starts with the clone.</summary>
        private static SyntaxNode WithBlockBody(SyntaxNode function, StatementSyntax clone, bool isReturn, string outer, string inner, SyntaxTrivia newLine)
        {
            var expression = function switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.ExpressionBody,
                LocalFunctionStatementSyntax local => local.ExpressionBody?.Expression,
                BaseMethodDeclarationSyntax method => method.ExpressionBody?.Expression,
                _ => null,
            };
            if (expression is null)
            {
                return function;
            }

            var innerIndent = SyntaxFactory.Whitespace(inner);
            StatementSyntax last = isReturn
                ? SyntaxFactory.ReturnStatement(expression.WithoutTrivia().WithLeadingTrivia(SyntaxFactory.Space))
                : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            var block = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(outer)).WithTrailingTrivia(newLine),
                    SyntaxFactory.List(new[]
                    {
                        clone.WithLeadingTrivia(innerIndent).WithTrailingTrivia(newLine),
                        last.WithLeadingTrivia(innerIndent).WithTrailingTrivia(newLine),
                    }),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(outer)));

            switch (function)
            {
                case ParenthesizedLambdaExpressionSyntax lambda:
                    return lambda.WithExpressionBody(null).WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(newLine)).WithBlock(block);
                case SimpleLambdaExpressionSyntax lambda:
                    return lambda.WithExpressionBody(null).WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(newLine)).WithBlock(block);
                case LocalFunctionStatementSyntax local:
                    return local.WithExpressionBody(null).WithSemicolonToken(default)
                        .WithParameterList(local.ParameterList.WithTrailingTrivia(newLine))
                        .WithBody(block.WithTrailingTrivia(local.SemicolonToken.TrailingTrivia));
                case BaseMethodDeclarationSyntax method:
                    var withoutArrow = method.WithExpressionBody(null).WithSemicolonToken(default);
                    withoutArrow = withoutArrow.WithParameterList(withoutArrow.ParameterList.WithTrailingTrivia(newLine));
                    return withoutArrow.WithBody(block.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
                default:
                    return function;
            }
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

        /// <summary>The function that contains the node: a lambda, a local function, a method or a constructor.</summary>
        private static SyntaxNode? FunctionOf(SyntaxNode node)
        {
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax:
                        return ancestor;
                    case MemberDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The function's block, or its expression body.</summary>
        private static SyntaxNode? BodyOf(SyntaxNode function) => function switch
        {
            AnonymousFunctionExpressionSyntax lambda => lambda.Body,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
            _ => null,
        };

        /// <summary>The expressions in the body that read the shared symbol: <c>_kernel</c>, <c>this._kernel</c>, <c>Holder.Kernel</c>, <c>Lazy.Value</c>.</summary>
        private static IEnumerable<ExpressionSyntax> References(SemanticModel model, SyntaxNode body, ISymbol symbol, CancellationToken cancellationToken)
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

        private static string FreeName(SemanticModel model, SyntaxNode body, CancellationToken cancellationToken)
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
                if (!declared.Contains(candidate) && model.LookupSymbols(body.SpanStart, name: candidate).IsEmpty)
                {
                    return candidate;
                }
            }

            return "clonedKernel" + body.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
