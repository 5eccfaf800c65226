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
    /// RAG030: writes <c>Timeout = TimeSpan.FromSeconds(N)</c> into the client's object initializer, replaces an infinite
    /// value, or sets <c>client.Timeout</c> in the configure delegate of an <c>AddHttpClient</c> registration (appending
    /// <c>.ConfigureHttpClient(…)</c> when it has none). N is <c>rag_safety.http_timeout_seconds</c>. A registration that
    /// discards a configured typed client is removed (its own action and Fix All).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG030HttpClientTimeoutFixer))]
    [Shared]
    public sealed class RAG030HttpClientTimeoutFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG030.SetTimeout";

        private const string RemoveRegistrationKey = "RAG030.RemoveRegistration";

        private const string RaisePipelineKey = "RAG030.RaisePipelineTimeouts";

        /// <summary>The standard handler's option paths the raise fix writes, with the diagnostic property that holds each value.</summary>
        private static readonly (string Property, string Member, string Timeout)[] PipelineTimeouts =
        {
            (RAG030HttpClientTimeoutAnalyzer.AttemptProperty, "AttemptTimeout", "Timeout"),
            (RAG030HttpClientTimeoutAnalyzer.TotalProperty, "TotalRequestTimeout", "Timeout"),
            (RAG030HttpClientTimeoutAnalyzer.SamplingProperty, "CircuitBreaker", "SamplingDuration"),
        };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpClientTimeout);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(
                document,
                diagnostics.Where(d => KeyOf(d) == context.CodeActionEquivalenceKey).ToImmutableArray(),
                context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (IsRemoval(diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the registration that discards the configured HttpClient", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), RemoveRegistrationKey),
                        diagnostic);
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var raise) && raise == RAG030HttpClientTimeoutAnalyzer.FixRaisePipelineTimeouts)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(RaiseTitle(diagnostic), c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), RaisePipelineKey),
                        diagnostic);
                    continue;
                }

                if (diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var fix)
                    && diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.SecondsProperty, out var seconds))
                {
                    var title = IsInfinite(diagnostic)
                        ? "Set an infinite timeout (the options' NetworkTimeout applies)"
                        : fix == RAG030HttpClientTimeoutAnalyzer.FixReplaceValue
                            ? $"Use a {seconds}-second timeout"
                            : $"Set a {seconds}-second timeout";
                    context.RegisterCodeFix(
                        CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
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
            var changed = false;
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (!newLine.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                newLine = SyntaxFactory.CarriageReturnLineFeed;
            }


            // Innermost first, so nested fixes are applied before their containers.
            var raisedHandlers = new System.Collections.Generic.HashSet<Microsoft.CodeAnalysis.Text.TextSpan>();
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                if (IsRemoval(diagnostic))
                {
                    // services.AddScoped<T>(); after AddHttpClient<T>(…): the statement goes, with its line.
                    if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement })
                    {
                        editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);
                        changed = true;
                    }

                    continue;
                }

                if (diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var raise) && raise == RAG030HttpClientTimeoutAnalyzer.FixRaisePipelineTimeouts)
                {
                    // Several clients may share one handler (the client defaults'): it is raised once.
                    var handlerSpan = (diagnostic.AdditionalLocations.FirstOrDefault() ?? diagnostic.Location).SourceSpan;
                    if (raisedHandlers.Add(handlerSpan)
                        && root.FindNode(handlerSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax handler)
                    {
                        var target = ConfigureCallOn(handler) ?? handler;
                        var indentation = LineIndentation(target);
                        editor.ReplaceNode(target, (current, _) => WithRaisedTimeouts((InvocationExpressionSyntax)current, diagnostic, indentation, newLine));
                        changed = true;
                    }

                    continue;
                }

                if (!diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var fix)
                    || !diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.SecondsProperty, out var seconds)
                    || seconds is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node)
                {
                    continue;
                }

                switch (fix)
                {
                    case RAG030HttpClientTimeoutAnalyzer.FixAddToInitializer when node is BaseObjectCreationExpressionSyntax:
                        var value = IsInfinite(diagnostic) ? InfiniteTimeSpan() : TimeoutSyntax.FromSeconds(seconds);
                        editor.ReplaceNode(node, (current, _) => TimeoutSyntax.WithMember((BaseObjectCreationExpressionSyntax)current, new[] { "Timeout" }, value));
                        changed = true;
                        break;

                    case RAG030HttpClientTimeoutAnalyzer.FixReplaceValue when node is ExpressionSyntax:
                        editor.ReplaceNode(node, (current, _) => TimeoutSyntax.FromSeconds(seconds).WithTriviaFrom(current));
                        changed = true;
                        break;

                    case RAG030HttpClientTimeoutAnalyzer.FixConfigureClient when node is InvocationExpressionSyntax invocation:
                        if (diagnostic.AdditionalLocations.FirstOrDefault() is { } lambdaLocation
                            && root.FindNode(lambdaLocation.SourceSpan, getInnermostNodeForTie: true) is LambdaExpressionSyntax lambda
                            && ClientParameter(lambda) is { } parameter)
                        {
                            var indentation = LineIndentation(lambda);
                            editor.ReplaceNode(lambda, (current, _) => WithTimeoutStatement((LambdaExpressionSyntax)current, parameter, seconds, indentation, newLine));
                        }
                        else
                        {
                            editor.ReplaceNode(invocation, (current, _) => WithConfigureCall((InvocationExpressionSyntax)current, seconds));
                        }

                        changed = true;
                        break;
                }
            }

            if (!changed)
            {
                return document;
            }

            var result = document.WithSyntaxRoot(editor.GetChangedRoot());
            return await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static string KeyOf(Diagnostic diagnostic) =>
            IsRemoval(diagnostic) ? RemoveRegistrationKey
            : diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var fix) && fix == RAG030HttpClientTimeoutAnalyzer.FixRaisePipelineTimeouts ? RaisePipelineKey
            : EquivalenceKey;

        private static string RaiseTitle(Diagnostic diagnostic)
        {
            var parts = PipelineTimeouts
                .Where(p => diagnostic.Properties.TryGetValue(p.Property, out var value) && value is not null)
                .Select(p => (p.Property == RAG030HttpClientTimeoutAnalyzer.AttemptProperty ? "attempt " : p.Property == RAG030HttpClientTimeoutAnalyzer.TotalProperty ? "total " : "circuit-breaker sampling ")
                    + diagnostic.Properties[p.Property] + " s");
            return "Raise the resilience timeouts for generations (" + string.Join(", ", parts) + ")";
        }

        /// <summary><c>x.AddStandardResilienceHandler().Configure(o => …)</c>: the <c>Configure</c> call chained on the handler, if any.</summary>
        private static InvocationExpressionSyntax? ConfigureCallOn(InvocationExpressionSyntax handler) =>
            handler.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Configure", Parent: InvocationExpressionSyntax configure } member
            && member.Expression == handler
            && configure.ArgumentList.Arguments.Any(a => a.Expression is LambdaExpressionSyntax)
                ? configure
                : null;

        /// <summary>
        /// The handler call (or its chained <c>Configure</c>) with the diagnostic's timeouts set in its options lambda: values
        /// replaced where the lambda assigns them (<c>o.AttemptTimeout.Timeout = …</c>, or the <c>Timeout</c> of a new
        /// <c>HttpTimeoutStrategyOptions</c>), statements appended where it does not; a lambda is added when the call has none.
        /// </summary>
        private static SyntaxNode WithRaisedTimeouts(InvocationExpressionSyntax call, Diagnostic diagnostic, string indentation, SyntaxTrivia newLine)
        {
            var lambdaArgument = call.ArgumentList.Arguments.FirstOrDefault(a => a.Expression is LambdaExpressionSyntax);
            var lambda = lambdaArgument?.Expression as LambdaExpressionSyntax;
            var parameter = lambda is null ? "options" : ClientParameter(lambda) ?? "options";
            var added = new System.Collections.Generic.List<StatementSyntax>();
            var current = lambda;
            foreach (var (property, member, timeout) in PipelineTimeouts)
            {
                if (!diagnostic.Properties.TryGetValue(property, out var seconds) || seconds is null)
                {
                    continue;
                }

                var value = TimeoutSyntax.FromSeconds(seconds);
                var existing = current?.DescendantNodes().OfType<AssignmentExpressionSyntax>().Select(a => AssignedValue(a, member, timeout)).FirstOrDefault(v => v is not null);
                if (current is not null && existing is not null)
                {
                    current = current.ReplaceNode(existing, value.WithTriviaFrom(existing));
                    continue;
                }

                added.Add(SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.ParseExpression(parameter + "." + member + "." + timeout),
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                    value)));
            }

            if (current is null)
            {
                var newLambda = SyntaxFactory.SimpleLambdaExpression(SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)))
                    .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(newLine))
                    .WithBlock(Block(added, indentation, newLine, SyntaxFactory.TriviaList()));
                return call.WithArgumentList(TimeoutSyntax.Append(call.ArgumentList, SyntaxFactory.Argument(newLambda)));
            }

            if (added.Count > 0)
            {
                current = WithStatements(current, added, indentation, newLine);
            }

            return call.ReplaceNode(lambda!, current);
        }

        /// <summary>The value of <c>p.Member.Timeout = value</c>, or of <c>Timeout = value</c> in <c>p.Member = new … { Timeout = value }</c>.</summary>
        private static ExpressionSyntax? AssignedValue(AssignmentExpressionSyntax assignment, string member, string timeout)
        {
            if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var last, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var first } }
                && last == timeout && first == member)
            {
                return assignment.Right;
            }

            if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name == member
                && assignment.Right is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
            {
                return initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                    .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var set } && set == timeout)?.Right;
            }

            return null;
        }

        private static BlockSyntax Block(System.Collections.Generic.IEnumerable<StatementSyntax> statements, string indentation, SyntaxTrivia newLine, SyntaxTriviaList trailing)
        {
            var inner = SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(indentation + "    "));
            return SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(newLine),
                    SyntaxFactory.List(statements.Select(s => s.WithLeadingTrivia(inner).WithTrailingTrivia(newLine))),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)))
                .WithTrailingTrivia(trailing);
        }

        private static bool IsRemoval(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.FixProperty, out var fix) && fix == RAG030HttpClientTimeoutAnalyzer.FixRemoveRegistration;

        private static bool IsInfinite(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(RAG030HttpClientTimeoutAnalyzer.ValueProperty, out var value) && value == RAG030HttpClientTimeoutAnalyzer.InfiniteValue;

        /// <summary><c>System.Threading.Timeout.InfiniteTimeSpan</c>, left to the simplifier.</summary>
        private static ExpressionSyntax InfiniteTimeSpan() =>
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                TimeoutSyntax.Simplifiable(SyntaxFactory.ParseName("System.Threading.Timeout")),
                SyntaxFactory.IdentifierName("InfiniteTimeSpan"));

        /// <summary>The name of the lambda's HttpClient parameter: the only one, or the second of (services, client).</summary>
        private static string? ClientParameter(LambdaExpressionSyntax lambda) => lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: { Count: 1 or 2 } parameters } => parameters[parameters.Count - 1].Identifier.ValueText,
            _ => null,
        };

        /// <summary>The whitespace that starts the line on which the node starts.</summary>
        private static string LineIndentation(SyntaxNode node)
        {
            var text = node.SyntaxTree.GetText();
            var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString();
            return line.Substring(0, line.Length - line.TrimStart().Length);
        }

        /// <summary>
        /// <c>c => c.X = 1</c> → a block lambda with <c>c.X = 1;</c> and <c>c.Timeout = …;</c>, laid out one statement per line
        /// under the line the lambda starts on; a block lambda gets the statement appended.
        /// </summary>
        private static SyntaxNode WithTimeoutStatement(LambdaExpressionSyntax lambda, string parameter, string seconds, string indentation, SyntaxTrivia newLine)
        {
            var statement = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(parameter), SyntaxFactory.IdentifierName("Timeout")),
                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                TimeoutSyntax.FromSeconds(seconds)));
            return WithStatements(lambda, new[] { statement }, indentation, newLine);
        }

        /// <summary>
        /// The lambda with the statements appended: to its block, or, for an expression body, in a new block laid out one
        /// statement per line under the line the lambda starts on.
        /// </summary>
        private static LambdaExpressionSyntax WithStatements(LambdaExpressionSyntax lambda, System.Collections.Generic.IReadOnlyList<StatementSyntax> statements, string indentation, SyntaxTrivia newLine)
        {
            if (lambda.Block is { } block)
            {
                return lambda.WithBlock(block.AddStatements(statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToArray()));
            }

            if (lambda.ExpressionBody is not { } body)
            {
                return lambda;
            }

            var all = new[] { SyntaxFactory.ExpressionStatement(body.WithoutTrivia()) }.Concat(statements);
            return lambda
                .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(newLine))
                .WithExpressionBody(null)
                .WithBlock(Block(all, indentation, newLine, body.GetTrailingTrivia()));
        }

        /// <summary><c>services.AddHttpClient&lt;T&gt;()</c> → <c>services.AddHttpClient&lt;T&gt;().ConfigureHttpClient(client =&gt; client.Timeout = …)</c>.</summary>
        private static SyntaxNode WithConfigureCall(InvocationExpressionSyntax invocation, string seconds)
        {
            var lambda = SyntaxFactory.SimpleLambdaExpression(
                SyntaxFactory.Parameter(SyntaxFactory.Identifier("client")),
                SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("client"), SyntaxFactory.IdentifierName("Timeout")),
                    SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
                    TimeoutSyntax.FromSeconds(seconds)))
                .WithArrowToken(SyntaxFactory.Token(SyntaxKind.EqualsGreaterThanToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space));
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("ConfigureHttpClient")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))))
                .WithTrailingTrivia(invocation.GetTrailingTrivia());
        }
    }
}
