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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;
using RagSafety.Analyzers.CodeFixes.Editing;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG050: passes the token in scope (a hub's <c>Context.ConnectionAborted</c> too); or adds a <c>CancellationToken
    /// cancellationToken</c> parameter to the handler (ASP.NET Core binds it to the request's abort token) and passes it; or,
    /// in controllers and page models, passes <c>HttpContext.RequestAborted</c>. An explicit default token is replaced
    /// rather than a second one appended. One code action per choice, each with its own equivalence key and Fix All.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG050CancellationNotForwardedFixer))]
    [Shared]
    public sealed class RAG050CancellationNotForwardedFixer : CodeFixProvider
    {
        public const string PassTokenKey = "RAG050.PassToken";
        public const string AddParameterKey = "RAG050.AddParameter";
        public const string RequestAbortedKey = "RAG050.RequestAborted";

        private const string RequestAborted = "HttpContext.RequestAborted";
        private const string ParameterName = "cancellationToken";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CancellationNotForwarded);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken)!);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Find(root, diagnostic) is not { } invocation)
                {
                    continue;
                }

                var properties = diagnostic.Properties;
                if (!CanRewriteArguments(invocation, diagnostic))
                {
                    continue;
                }

                if (properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.TokenProperty, out var token) && token is not null)
                {
                    Register(context, diagnostic, $"Pass '{token}'", PassTokenKey);
                }

                if (properties.ContainsKey(RAG050CancellationNotForwardedAnalyzer.AddParameterProperty)
                    && Handler(invocation) is { } handler
                    && await CanAddParameterAsync(context.Document, handler, context.CancellationToken).ConfigureAwait(false))
                {
                    Register(context, diagnostic, "Add a CancellationToken parameter to the handler and pass it", AddParameterKey);
                }

                if (properties.ContainsKey(RAG050CancellationNotForwardedAnalyzer.RequestAbortedProperty))
                {
                    Register(context, diagnostic, $"Pass '{RequestAborted}'", RequestAbortedKey);
                }
            }
        }

        private static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string key) =>
            context.RegisterCodeFix(
                CodeAction.Create(title, c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), key, c), key),
                diagnostic);

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var handlers = new Dictionary<SyntaxNode, string?>();
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                if (Find(root, diagnostic) is not { } invocation
                    || !CanRewriteArguments(invocation, diagnostic)
                    || !diagnostic.Properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.TokenParameterProperty, out var parameter)
                    || parameter is null)
                {
                    continue;
                }

                var properties = diagnostic.Properties;
                string? token = null;
                switch (key)
                {
                    case PassTokenKey:
                        properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.TokenProperty, out token);
                        break;

                    case RequestAbortedKey when properties.ContainsKey(RAG050CancellationNotForwardedAnalyzer.RequestAbortedProperty):
                        token = RequestAborted;
                        break;

                    case AddParameterKey when properties.ContainsKey(RAG050CancellationNotForwardedAnalyzer.AddParameterProperty)
                        && Handler(invocation) is { } handler:
                        if (!handlers.TryGetValue(handler, out token))
                        {
                            token = await CanAddParameterAsync(document, handler, cancellationToken).ConfigureAwait(false)
                                ? await FreeNameAsync(document, handler, cancellationToken).ConfigureAwait(false)
                                : null;
                            handlers.Add(handler, token);
                        }

                        break;
                }

                if (token is null)
                {
                    continue;
                }

                var positional = properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.PositionalProperty, out var p) && p == "true";
                var expression = SyntaxFactory.ParseExpression(token);
                var collectFrom = ExpandedParamsIndex(diagnostic);
                var replace = ReplacedArgumentIndex(diagnostic);
                editor.ReplaceNode(invocation.ArgumentList, (current, _) =>
                {
                    var list = (ArgumentListSyntax)current;
                    if (replace is { } index)
                    {
                        // An explicit default token: the request's token takes its place, name and trivia kept.
                        var written = list.Arguments[index].Expression;
                        return list.ReplaceNode(written, expression.WithTriviaFrom(written));
                    }

                    if (collectFrom is { } from)
                    {
                        list = ArgumentEditing.CollectParams(list, from);
                    }

                    return ArgumentEditing.Append(list, expression, parameter, positional);
                });
            }

            var added = false;
            foreach (var pair in handlers)
            {
                if (pair.Value is { } name && ParameterList(pair.Key) is { } list)
                {
                    editor.ReplaceNode(list, (current, _) => ArgumentEditing.Append((ParameterListSyntax)current, TokenParameter(name)));
                    added = true;
                }
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            return added ? await AsyncRewriting.AddImportsAsync(changed, cancellationToken).ConfigureAwait(false) : changed;
        }

        private static InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax invocation
            && invocation.Span == diagnostic.Location.SourceSpan
                ? invocation
                : null;

        /// <summary>Where the expanded <c>params</c> arguments start when the token goes to the sequence overload.</summary>
        private static int? ExpandedParamsIndex(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.SequenceOverloadProperty, out var value)
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? index
                : null;

        /// <summary>The index of the explicit default token argument the fix replaces, when the call passes one.</summary>
        private static int? ReplacedArgumentIndex(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(RAG050CancellationNotForwardedAnalyzer.ReplaceArgumentProperty, out var value)
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? index
                : null;

        /// <summary>Gathering <c>params</c> arguments into a collection expression needs C# 12; a replaced argument must still be there.</summary>
        private static bool CanRewriteArguments(InvocationExpressionSyntax invocation, Diagnostic diagnostic) =>
            (ReplacedArgumentIndex(diagnostic) is not { } replaced || replaced < invocation.ArgumentList.Arguments.Count)
            && (ExpandedParamsIndex(diagnostic) is not { } index
                || (index <= invocation.ArgumentList.Arguments.Count
                    && invocation.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 }));

        /// <summary>The handler the call sits in directly: a lambda or anonymous method, or a method (never across another function).</summary>
        private static SyntaxNode? Handler(SyntaxNode node) =>
            node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) is { } function
            && function is not LocalFunctionStatementSyntax
                ? function
                : null;

        private static ParameterListSyntax? ParameterList(SyntaxNode function) => function switch
        {
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList,
            MethodDeclarationSyntax method => method.ParameterList,
            _ => null,
        };

        private static ParameterSyntax TokenParameter(string name) =>
            SyntaxFactory.Parameter(SyntaxFactory.Identifier(name).WithLeadingTrivia(SyntaxFactory.Space))
                .WithType(SyntaxFactory.ParseTypeName("System.Threading.CancellationToken").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

        /// <summary>
        /// A parameter can be added when the list can take a required one (no optional or params parameter at its end,
        /// every lambda parameter typed) and, for a method, nothing in the solution calls it (method groups handed to
        /// <c>Map…</c> stay valid) and no override, interface or sibling overload fixes its signature.
        /// </summary>
        private static async Task<bool> CanAddParameterAsync(Document document, SyntaxNode function, CancellationToken cancellationToken)
        {
            if (ParameterList(function) is not { } list
                || list.Parameters.Any(p => p.Type is null)
                || (list.Parameters.LastOrDefault() is { } last && (last.Default is not null || last.Modifiers.Any(SyntaxKind.ParamsKeyword))))
            {
                return false;
            }

            if (function is not MethodDeclarationSyntax declaration)
            {
                return true;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } method
                || method.IsOverride || method.IsAbstract || method.ExplicitInterfaceImplementations.Length > 0
                || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
                || method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == method.Parameters.Length + 1)
                || method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method)))
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var location in references.SelectMany(r => r.Locations))
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                SyntaxNode? node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                while (node?.Parent is MemberAccessExpressionSyntax access && access.Name == node)
                {
                    node = access;
                }

                if (node?.Parent is not ArgumentSyntax)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>cancellationToken</c>, or <c>cancellationToken1</c>, … when the name is taken in the function or its scope.</summary>
        private static async Task<string> FreeNameAsync(Document document, SyntaxNode function, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            // Argument names (`cancellationToken: default`) name parameters of the callee, not symbols in this scope.
            var taken = new HashSet<string>(function.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.Parent?.Parent is not NameColonSyntax)
                .Select(t => t.ValueText));
            if (model is not null)
            {
                foreach (var symbol in model.LookupSymbols(function.SpanStart))
                {
                    taken.Add(symbol.Name);
                }
            }

            var name = ParameterName;
            for (var i = 1; taken.Contains(name); i++)
            {
                name = ParameterName + i;
            }

            return name;
        }
    }
}
