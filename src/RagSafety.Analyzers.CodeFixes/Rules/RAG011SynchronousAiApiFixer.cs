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
using RagSafety.Analyzers.CodeFixes.Editing;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG011: calls the <c>…Async</c> twin with <c>await</c> (forwarding the token in scope when the call left it out)
    /// and makes the enclosing handler or endpoint lambda async where the analyzer found that safe. The rewritten call is
    /// bound speculatively first: when it would not bind to the twin, no fix is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG011SynchronousAiApiFixer))]
    [Shared]
    public sealed class RAG011SynchronousAiApiFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG011.AwaitAsyncTwin";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SynchronousAiApi);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(RAG011SynchronousAiApiAnalyzer.FixProperty, out var fix)
                    || Find(root, diagnostic) is not { } invocation
                    || AsyncCall(invocation, diagnostic) is not { } asyncCall
                    || !BindsToTwin(model, invocation, asyncCall))
                {
                    continue;
                }

                var name = MethodName(invocation)!.Identifier.ValueText + "Async";
                var title = fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync ? $"Await '{name}' (make the handler async)" : $"Await '{name}'";
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
                    diagnostic);
            }
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
            var functionsToMakeAsync = new List<SyntaxNode>();

            // Innermost calls first, so a call nested in another's arguments is rewritten before its container.
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                if (!diagnostic.Properties.TryGetValue(RAG011SynchronousAiApiAnalyzer.FixProperty, out var fix)
                    || Find(root, diagnostic) is not { } invocation
                    || AsyncCall(invocation, diagnostic) is not { } asyncCall
                    || !BindsToTwin(model, invocation, asyncCall))
                {
                    continue;
                }

                editor.ReplaceNode(invocation, (current, _) =>
                    current is InvocationExpressionSyntax currentInvocation && AsyncCall(currentInvocation, diagnostic) is { } rewritten
                        ? AsyncRewriting.Await(rewritten, currentInvocation)
                        : current);
                if (fix == RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync
                    && AsyncRewriting.FunctionToMakeAsync(invocation) is { } function
                    && !functionsToMakeAsync.Contains(function))
                {
                    functionsToMakeAsync.Add(function);
                }
            }

            foreach (var function in functionsToMakeAsync)
            {
                editor.ReplaceNode(function, (current, _) => AsyncRewriting.MakeAsync(current));
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            return functionsToMakeAsync.Count == 0 ? changed : await AsyncRewriting.AddImportsAsync(changed, cancellationToken).ConfigureAwait(false);
        }

        private static InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
            && invocation.Span == diagnostic.Location.SourceSpan
                ? invocation
                : null;

        private static SimpleNameSyntax? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
            SimpleNameSyntax name => name,
            _ => null,
        };

        /// <summary>The call renamed to the twin, with the token in scope appended when the call left it out.</summary>
        private static InvocationExpressionSyntax? AsyncCall(InvocationExpressionSyntax invocation, Diagnostic diagnostic)
        {
            if (MethodName(invocation) is not { } name || invocation.Expression is MemberBindingExpressionSyntax)
            {
                // A conditional call (client?.CompleteChat()) would need 'await' on a possibly-null task: no fix.
                return null;
            }

            var asyncIdentifier = SyntaxFactory.Identifier(name.Identifier.ValueText + "Async").WithTriviaFrom(name.Identifier);
            SimpleNameSyntax asyncName = name is GenericNameSyntax generic ? generic.WithIdentifier(asyncIdentifier) : SyntaxFactory.IdentifierName(asyncIdentifier);
            var rewritten = invocation.ReplaceNode(name, asyncName);
            var properties = diagnostic.Properties;
            if (properties.TryGetValue(RAG011SynchronousAiApiAnalyzer.TokenProperty, out var token) && token is not null
                && properties.TryGetValue(RAG011SynchronousAiApiAnalyzer.TokenParameterProperty, out var parameter) && parameter is not null)
            {
                var positional = properties.TryGetValue(RAG011SynchronousAiApiAnalyzer.PositionalProperty, out var p) && p == "true";
                rewritten = rewritten.WithArgumentList(ArgumentEditing.Append(rewritten.ArgumentList, SyntaxFactory.ParseExpression(token), parameter, positional));
            }

            return rewritten;
        }

        /// <summary>Whether the rewritten call binds to an <c>…Async</c> method of the same type that is not obsolete.</summary>
        private static bool BindsToTwin(SemanticModel model, InvocationExpressionSyntax original, InvocationExpressionSyntax rewritten)
        {
            if (model.GetSymbolInfo(original).Symbol is not IMethodSymbol sync)
            {
                return false;
            }

            var info = model.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
            return info.Symbol is IMethodSymbol twin
                && twin.Name == sync.Name + "Async"
                && SymbolEqualityComparer.Default.Equals(twin.ContainingType?.OriginalDefinition, sync.ContainingType?.OriginalDefinition)
                && !twin.GetAttributes().Any(a => a.AttributeClass?.Name == "ObsoleteAttribute");
        }
    }
}
