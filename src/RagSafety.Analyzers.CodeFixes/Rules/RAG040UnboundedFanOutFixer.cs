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
    /// RAG040: bounds a <c>Task.WhenAll</c> fan-out. "Throttle" declares <c>using var throttle = new SemaphoreSlim(N);</c> before
    /// the statement that builds the tasks and wraps the selector's body in <c>WaitAsync</c> / <c>try</c> / <c>finally Release</c>;
    /// "ParallelForEachAsync" (results unused) turns the statement into <c>Parallel.ForEachAsync</c> with
    /// <c>MaxDegreeOfParallelism = N</c>. The analyzer decides which of them keep the code's meaning.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG040UnboundedFanOutFixer))]
    [Shared]
    public sealed class RAG040UnboundedFanOutFixer : CodeFixProvider
    {
        public const string ThrottleKey = "RAG040.Throttle";
        public const string ParallelForEachKey = "RAG040.ParallelForEachAsync";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.UnboundedFanOut);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(RAG040UnboundedFanOutAnalyzer.ThrottleProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Throttle with a SemaphoreSlim", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ThrottleKey, c), ThrottleKey),
                        diagnostic);
                }

                if (diagnostic.Properties.ContainsKey(RAG040UnboundedFanOutAnalyzer.ParallelForEachProperty))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use Parallel.ForEachAsync with a bounded degree", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ParallelForEachKey, c), ParallelForEachKey),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var parallel = key == ParallelForEachKey;
            var property = parallel ? RAG040UnboundedFanOutAnalyzer.ParallelForEachProperty : RAG040UnboundedFanOutAnalyzer.ThrottleProperty;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Mark every target first; each fix then runs on the document as the previous ones left it, in source order,
            // so one-at-a-time and Fix All produce the same names.
            var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            var jobs = new List<(SyntaxAnnotation Combinator, SyntaxAnnotation Selector, string Degree)>();
            foreach (var diagnostic in diagnostics.Where(d => d.Properties.ContainsKey(property) && d.AdditionalLocations.Count > 0).OrderBy(d => d.Location.SourceSpan.Start))
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax combinator
                    || combinator.Span != diagnostic.Location.SourceSpan
                    || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax selector
                    || selector.Span != diagnostic.AdditionalLocations[0].SourceSpan
                    || marks.ContainsKey(combinator) || marks.ContainsKey(selector))
                {
                    continue;
                }

                var job = (new SyntaxAnnotation("RAG040.Combinator"), new SyntaxAnnotation("RAG040.Selector"),
                    diagnostic.Properties.TryGetValue(RAG040UnboundedFanOutAnalyzer.MaxConcurrencyProperty, out var degree) && degree is not null ? degree : "4");
                marks[combinator] = job.Item1;
                marks[selector] = job.Item2;
                jobs.Add(job);
            }

            if (jobs.Count == 0)
            {
                return document;
            }

            document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
            foreach (var job in jobs)
            {
                root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null
                    || root.GetAnnotatedNodes(job.Combinator).FirstOrDefault() is not InvocationExpressionSyntax combinator
                    || root.GetAnnotatedNodes(job.Selector).FirstOrDefault() is not ExpressionSyntax selector)
                {
                    continue;
                }

                var fixedRoot = !parallel
                    ? Throttle(root, model, selector, job.Degree, cancellationToken)
                    : selector is LambdaExpressionSyntax lambda ? UseParallelForEach(root, model, combinator, lambda, job.Degree, cancellationToken) : null;
                if (fixedRoot is not null)
                {
                    document = document.WithSyntaxRoot(fixedRoot);
                }
            }

            return await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static SyntaxNode? Throttle(SyntaxNode root, SemanticModel model, ExpressionSyntax selector, string degree, CancellationToken cancellationToken)
        {
            if (selector.Parent?.FirstAncestorOrSelf<StatementSyntax>() is not { } anchor
                || model.GetSymbolInfo(selector, cancellationToken).Symbol is not IMethodSymbol function)
            {
                return null;
            }

            var scope = anchor.Parent is GlobalStatementSyntax ? root : anchor.Parent!;
            var name = UniqueName("throttle", model, anchor.SpanStart, scope);
            var token = TokenInScope(model, anchor.SpanStart);
            var newLine = EndOfLine(anchor);

            var declaration = (LocalDeclarationStatementSyntax)SyntaxFactory.ParseStatement($"using var {name} = new System.Threading.SemaphoreSlim({degree});");
            declaration = declaration.ReplaceNode(
                ((ObjectCreationExpressionSyntax)declaration.Declaration.Variables[0].Initializer!.Value).Type,
                SyntaxFactory.ParseTypeName("System.Threading.SemaphoreSlim").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            declaration = declaration
                .WithLeadingTrivia(Indentation(anchor))
                .WithTrailingTrivia(newLine);

            LambdaExpressionSyntax newLambda;
            if (selector is LambdaExpressionSyntax lambda)
            {
                BlockSyntax guarded;
                SyntaxTriviaList after;
                if (lambda.Block is { } block)
                {
                    guarded = block.WithoutTrivia().WithTrailingTrivia(newLine);
                    after = block.GetTrailingTrivia();
                }
                else
                {
                    var body = lambda.ExpressionBody!;
                    var awaited = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword) ? body.WithoutTrivia() : Await(body.WithoutTrivia());
                    guarded = Block(newLine, Returning(awaited, function).WithTrailingTrivia(newLine)).WithTrailingTrivia(newLine);
                    after = body.GetTrailingTrivia();
                }

                var newBody = Guard(name, token, guarded, newLine).WithTrailingTrivia(after);
                newLambda = (LambdaExpressionSyntax)(lambda.ExpressionBody is not null ? lambda.WithExpressionBody(null).WithBlock(newBody) : lambda.WithBlock(newBody));
                newLambda = newLambda.WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(newLine));
                if (!lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    var leading = lambda.GetLeadingTrivia();
                    newLambda = newLambda.WithoutLeadingTrivia()
                        .WithModifiers(newLambda.Modifiers.Insert(0, SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                        .WithLeadingTrivia(leading);
                }
            }
            else
            {
                // items.Select(StoreAsync) → items.Select(async item => { … await StoreAsync(item) … })
                var parameter = UniqueName("item", model, anchor.SpanStart, scope, name);
                var call = SyntaxFactory.InvocationExpression(
                    selector.WithoutTrivia(),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(parameter)))));
                var guarded = Block(newLine, Returning(Await(call), function).WithTrailingTrivia(newLine)).WithTrailingTrivia(newLine);
                newLambda = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)))
                    .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space)))
                    .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(newLine))
                    .WithBlock(Guard(name, token, guarded, newLine))
                    .WithTriviaFrom(selector);
            }

            var newAnchor = anchor.ReplaceNode(selector, newLambda);
            if (anchor.Parent is GlobalStatementSyntax global)
            {
                return root.ReplaceNode(global, new SyntaxNode[] { SyntaxFactory.GlobalStatement(declaration), global.WithStatement(newAnchor) });
            }

            return root.ReplaceNode(anchor, new SyntaxNode[] { declaration, newAnchor });
        }

        /// <summary><c>return await …;</c> for a function returning Task&lt;T&gt;, <c>await …;</c> for a plain Task.</summary>
        private static StatementSyntax Returning(ExpressionSyntax awaited, IMethodSymbol function) =>
            function.ReturnType is INamedTypeSymbol { IsGenericType: true }
                ? SyntaxFactory.ReturnStatement(awaited)
                : SyntaxFactory.ExpressionStatement(awaited);

        /// <summary><c>{ await throttle.WaitAsync(ct); try { … } finally { throttle.Release(); } }</c>, with real line breaks (a block on one line stays on one line) for the formatter to indent.</summary>
        private static BlockSyntax Guard(string name, string? token, BlockSyntax guarded, SyntaxTriviaList newLine)
        {
            var wait = SyntaxFactory.ParseStatement($"await {name}.WaitAsync({token});").WithTrailingTrivia(newLine);
            var release = SyntaxFactory.ParseStatement($"{name}.Release();").WithTrailingTrivia(newLine);
            return Block(
                    newLine,
                    wait,
                    SyntaxFactory.TryStatement(guarded, default, SyntaxFactory.FinallyClause(Block(newLine, release)))
                        .WithTryKeyword(SyntaxFactory.Token(SyntaxKind.TryKeyword).WithTrailingTrivia(newLine))
                        .WithFinally(SyntaxFactory.FinallyClause(SyntaxFactory.Token(SyntaxKind.FinallyKeyword).WithTrailingTrivia(newLine), Block(newLine, release).WithTrailingTrivia(newLine))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static SyntaxNode? UseParallelForEach(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax combinator, LambdaExpressionSyntax lambda, string degree, CancellationToken cancellationToken)
        {
            if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax selectAccess } } }
                || model.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol)
            {
                return null;
            }

            var parameter = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                _ => null,
            };
            if (parameter is null)
            {
                return null;
            }

            var tokenName = UniqueName("token", model, lambda.SpanStart, lambda);
            var token = TokenInScope(model, combinator.SpanStart);
            var options = token is null
                ? $"new System.Threading.Tasks.ParallelOptions {{ MaxDegreeOfParallelism = {degree} }}"
                : $"new System.Threading.Tasks.ParallelOptions {{ MaxDegreeOfParallelism = {degree}, CancellationToken = {token} }}";
            var arrow = lambda.ArrowToken.ToFullString();
            var text = $"System.Threading.Tasks.Parallel.ForEachAsync({selectAccess.Expression.WithoutTrivia().ToFullString()}, {options}, async ({parameter}, {tokenName}){(arrow.StartsWith(" ", System.StringComparison.Ordinal) ? "" : " ")}{arrow}null)";

            // The body moves over as nodes, not text, so the annotations a Fix All put on nested fan-outs survive.
            var replacement = (InvocationExpressionSyntax)SyntaxFactory.ParseExpression(text);
            var placeholder = (ParenthesizedLambdaExpressionSyntax)replacement.ArgumentList.Arguments[2].Expression;
            var newLambda = lambda.Block is { } block
                ? placeholder.WithExpressionBody(null).WithBlock(block)
                : placeholder.WithExpressionBody(lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword)
                    ? lambda.ExpressionBody!
                    : Await(lambda.ExpressionBody!.WithoutTrivia()).WithTrailingTrivia(lambda.ExpressionBody!.GetTrailingTrivia()));
            replacement = replacement.ReplaceNode(placeholder, newLambda);
            var parallelType = ((MemberAccessExpressionSyntax)replacement.Expression).Expression;
            var optionsType = ((ObjectCreationExpressionSyntax)replacement.ArgumentList.Arguments[1].Expression).Type;
            replacement = replacement.ReplaceNodes(
                new SyntaxNode[] { parallelType, optionsType },
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            return root.ReplaceNode(combinator, replacement.WithTriviaFrom(combinator));
        }

        private static BlockSyntax Block(SyntaxTriviaList newLine, params StatementSyntax[] statements) =>
            SyntaxFactory.Block(statements).WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine));

        private static AwaitExpressionSyntax Await(ExpressionSyntax expression)
        {
            var operand = expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
                ? expression
                : SyntaxFactory.ParenthesizedExpression(expression);
            return SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), operand);
        }

        /// <summary>A name not visible at <paramref name="position"/> and not declared anywhere in <paramref name="scope"/>: base, base2, base3, ….</summary>
        private static string UniqueName(string baseName, SemanticModel model, int position, SyntaxNode scope, params string[] alsoTaken)
        {
            var taken = new HashSet<string>(model.LookupSymbols(position).Select(s => s.Name), System.StringComparer.Ordinal);
            taken.UnionWith(alsoTaken);
            foreach (var token in scope.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ParameterSyntax
                    or ForEachStatementSyntax or LocalFunctionStatementSyntax or CatchDeclarationSyntax or FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax
                    or QueryContinuationSyntax or JoinIntoClauseSyntax)
                {
                    taken.Add(token.ValueText);
                }
            }

            var name = baseName;
            for (var i = 2; taken.Contains(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>A <c>CancellationToken</c> parameter or local in scope and declared before the position, or null.</summary>
        private static string? TokenInScope(SemanticModel model, int position)
        {
            var candidates = model.LookupSymbols(position)
                .Where(s => s switch
                {
                    IParameterSymbol { RefKind: RefKind.None, ContainingSymbol: not IMethodSymbol { MethodKind: MethodKind.Constructor } } parameter => IsCancellationToken(parameter.Type),
                    ILocalSymbol { RefKind: RefKind.None } local => IsCancellationToken(local.Type)
                        && local.DeclaringSyntaxReferences.All(r => r.Span.End <= position),
                    _ => false,
                })
                .Select(s => s.Name)
                .ToList();
            return candidates.FirstOrDefault(n => n == "cancellationToken")
                ?? candidates.FirstOrDefault(n => n == "ct")
                ?? candidates.FirstOrDefault();
        }

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static SyntaxTriviaList Indentation(StatementSyntax anchor)
        {
            var leading = anchor.GetLeadingTrivia();
            return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
                : SyntaxFactory.TriviaList();
        }

        private static SyntaxTriviaList EndOfLine(StatementSyntax anchor)
        {
            var endOfLine = anchor.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return SyntaxFactory.TriviaList(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : SyntaxFactory.LineFeed);
        }

    }
}
