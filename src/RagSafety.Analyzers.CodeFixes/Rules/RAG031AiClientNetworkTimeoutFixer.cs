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
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers.Rules;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG031: sets the AI client's network timeout to <c>TimeSpan.FromSeconds(N)</c>: a new options argument
    /// (<c>new OpenAIClientOptions { NetworkTimeout = … }</c>, <c>new SearchClientOptions { Retry = { NetworkTimeout = … } }</c>),
    /// the same member added to options created in view, or Qdrant's <c>grpcTimeout:</c> argument.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG031AiClientNetworkTimeoutFixer))]
    [Shared]
    public sealed class RAG031AiClientNetworkTimeoutFixer : CodeFixProvider
    {
        private const string EquivalenceKey = "RAG031.SetNetworkTimeout";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AiClientNetworkTimeout);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.ContainsKey(RAG031AiClientNetworkTimeoutAnalyzer.FixProperty)
                    && diagnostic.Properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.SecondsProperty, out var seconds))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create($"Set a {seconds}-second network timeout", c => FixAsync(context.Document, ImmutableArray.Create(diagnostic), c), EquivalenceKey),
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
            foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start).ThenBy(d => d.Location.SourceSpan.Length))
            {
                var properties = diagnostic.Properties;
                if (!properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.FixProperty, out var fix)
                    || !properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.SecondsProperty, out var seconds)
                    || seconds is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax client
                    || client.ArgumentList is null)
                {
                    continue;
                }

                // The outermost node of the span: an API key argument to wrap, or (inside an argument) the expression.
                var additional = diagnostic.AdditionalLocations.FirstOrDefault() is { } location
                    ? root.FindNode(location.SourceSpan)
                    : null;
                if (fix != RAG031AiClientNetworkTimeoutAnalyzer.FixAddOptions && additional is ArgumentSyntax { Expression: var inner })
                {
                    additional = inner;
                }

                var path = properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.PathProperty, out var pathText) && pathText is not null
                    ? pathText.Split('.')
                    : new[] { "NetworkTimeout" };
                properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.ParameterProperty, out var parameter);

                switch (fix)
                {
                    case RAG031AiClientNetworkTimeoutAnalyzer.FixAddOptions
                        when properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.OptionsTypeProperty, out var optionsType) && optionsType is not null:
                        if (additional is ArgumentSyntax key)
                        {
                            // new ChatClient(model, apiKey) has no options twin: ApiKeyCredential(apiKey) does.
                            properties.TryGetValue(RAG031AiClientNetworkTimeoutAnalyzer.CredentialParameterProperty, out var credentialName);
                            editor.ReplaceNode(key, (current, _) => WrapInCredential((ArgumentSyntax)current, credentialName));
                        }

                        var options = TimeoutSyntax.WithMember(
                            SyntaxFactory.ObjectCreationExpression(
                                SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                                TimeoutSyntax.Simplifiable(SyntaxFactory.ParseTypeName(optionsType)),
                                SyntaxFactory.ArgumentList(),
                                null),
                            path,
                            TimeoutSyntax.FromSeconds(seconds));
                        editor.ReplaceNode(client, (current, _) => WithArgument((BaseObjectCreationExpressionSyntax)current, Argument(options, parameter)));
                        break;

                    case RAG031AiClientNetworkTimeoutAnalyzer.FixExtendOptions when additional is BaseObjectCreationExpressionSyntax created:
                        if (edited.Add(created.Span))
                        {
                            editor.ReplaceNode(created, (current, _) => TimeoutSyntax.WithMember((BaseObjectCreationExpressionSyntax)current, path, TimeoutSyntax.FromSeconds(seconds)));
                        }

                        break;

                    case RAG031AiClientNetworkTimeoutAnalyzer.FixAddArgument when parameter is not null:
                        editor.ReplaceNode(client, (current, _) => WithArgument((BaseObjectCreationExpressionSyntax)current, Argument(TimeoutSyntax.FromSeconds(seconds), parameter)));
                        break;

                    case RAG031AiClientNetworkTimeoutAnalyzer.FixReplaceValue when additional is ExpressionSyntax value:
                        editor.ReplaceNode(value, (current, _) => TimeoutSyntax.FromSeconds(seconds).WithTriviaFrom(current));
                        break;
                }
            }

            var result = document.WithSyntaxRoot(editor.GetChangedRoot());
            return await ImportAdder.AddImportsAsync(result, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static ArgumentSyntax Argument(ExpressionSyntax value, string? name) =>
            name is null
                ? SyntaxFactory.Argument(value)
                : SyntaxFactory.Argument(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(name)).WithTrailingTrivia(SyntaxFactory.Space), default, value);

        private static SyntaxNode WithArgument(BaseObjectCreationExpressionSyntax creation, ArgumentSyntax argument) =>
            creation.ArgumentList is { } list ? creation.WithArgumentList(TimeoutSyntax.Append(list, argument)) : creation;

        /// <summary><c>key</c> → <c>new ApiKeyCredential(key)</c>, keeping trivia; a named argument takes the credential parameter's name.</summary>
        private static ArgumentSyntax WrapInCredential(ArgumentSyntax argument, string? credentialName)
        {
            var key = argument.Expression;
            var wrapped = SyntaxFactory.ObjectCreationExpression(
                    SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    TimeoutSyntax.Simplifiable(SyntaxFactory.ParseTypeName("global::System.ClientModel.ApiKeyCredential")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(key.WithoutTrivia()))),
                    null)
                .WithTriviaFrom(key);
            argument = argument.WithExpression(wrapped);
            return argument.NameColon is { } nameColon && credentialName is not null
                ? argument.WithNameColon(nameColon.WithName(SyntaxFactory.IdentifierName(credentialName).WithTriviaFrom(nameColon.Name)))
                : argument;
        }
    }
}
