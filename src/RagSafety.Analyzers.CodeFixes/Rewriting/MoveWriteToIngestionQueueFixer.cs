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
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.CodeFixes.Rewriting
{
    /// <summary>
    /// "Move write to background ingestion", the fix of RAG020 and RAG022 (each rule's fixer derives from this class with its
    /// own ID and equivalence key). Replaces <c>await receiver.Write(…);</c> in a handler by
    /// <c>await ingestionQueue.EnqueueAsync&lt;TReceiver&gt;(async (receiver, cancellationToken) =&gt; await receiver.Write(…));</c>,
    /// injects the queue as a <c>[FromServices]</c> parameter of the handler, and, once per project, adds
    /// the queue's types to the document with <c>WebApplication.CreateBuilder</c> and registers them after it. The analyzer decides
    /// whether the move removes the risk and whether the captured values are safe (<see cref="IngestionMove"/>); this fixer
    /// checks the project-level preconditions.
    /// </summary>
    public abstract class MoveWriteToIngestionQueueFixer : CodeFixProvider
    {
        private const string Title = "Move write to background ingestion";
        private const string QueueParameterName = "ingestionQueue";

        private readonly string _equivalenceKey;

        private protected MoveWriteToIngestionQueueFixer(string diagnosticId, string equivalenceKey)
        {
            FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
            _equivalenceKey = equivalenceKey;
        }

        public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

        public sealed override FixAllProvider GetFixAllProvider() => new FixAll(_equivalenceKey);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var infrastructure = await Infrastructure.FindAsync(document.Project, context.CancellationToken).ConfigureAwait(false);
            if (infrastructure is null)
            {
                return;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (root is null || model is null || Site.Find(root, model, diagnostic) is not { } site
                    || await HasCallersAsync(document, model, site, context.CancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, c => FixAsync(document.Project.Solution, ImmutableArray.Create((document.Id, ImmutableArray.Create(diagnostic))), c), _equivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>A handler method called by the app itself would break when it gains a parameter.</summary>
        private static async Task<bool> HasCallersAsync(Document document, SemanticModel model, Site site, CancellationToken cancellationToken)
        {
            if (site.Function is not MethodDeclarationSyntax method || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
            {
                return false;
            }

            var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
            return references.Any(r => r.Locations.Any());
        }

        private static async Task<Solution> FixAsync(Solution solution, ImmutableArray<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
        {
            var projectId = work.Length > 0 ? work[0].Id.ProjectId : null;
            var project = projectId is null ? null : solution.GetProject(projectId);
            if (project is null || await Infrastructure.FindAsync(project, cancellationToken).ConfigureAwait(false) is not { } infrastructure)
            {
                return solution;
            }

            foreach (var (id, diagnostics) in work)
            {
                if (solution.GetDocument(id) is { } document)
                {
                    var changed = await RewriteHandlersAsync(document, diagnostics, infrastructure, cancellationToken).ConfigureAwait(false);
                    solution = changed.Project.Solution;
                }
            }

            return await infrastructure.EnsureAsync(solution, cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document> RewriteHandlersAsync(Document document, ImmutableArray<Diagnostic> diagnostics, Infrastructure infrastructure, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var editor = new SyntaxEditor(root, document.Project.Solution.Services);
            var parameterLists = new Dictionary<ParameterListSyntax, string>();
            foreach (var diagnostic in diagnostics)
            {
                if (Site.Find(root, model, diagnostic) is not { } site
                    || await HasCallersAsync(document, model, site, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var queueName = parameterLists.TryGetValue(site.Parameters, out var name) ? name : QueueNameFor(site, model, infrastructure, cancellationToken);
                if (queueName is null)
                {
                    continue;
                }

                if (!site.Parameters.Parameters.Any(p => p.Identifier.ValueText == queueName))
                {
                    parameterLists[site.Parameters] = queueName;
                }

                editor.ReplaceNode(site.Await, site.Enqueue(queueName, model).WithTriviaFrom(site.Await));
            }

            foreach (var pair in parameterLists)
            {
                editor.ReplaceNode(pair.Key, (current, _) => WithQueueParameter((ParameterListSyntax)current, pair.Value, infrastructure.QueueTypeSyntax()));
            }

            var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The handler's existing queue parameter, or a free name for a new one; null when the name is taken.</summary>
        private static string? QueueNameFor(Site site, SemanticModel model, Infrastructure infrastructure, CancellationToken cancellationToken)
        {
            foreach (var parameter in site.Parameters.Parameters)
            {
                if (parameter.Type is { } type && model.GetTypeInfo(type, cancellationToken).Type is { Name: BackgroundIngestionTemplate.QueueTypeName })
                {
                    return parameter.Identifier.ValueText;
                }
            }

            var taken = model.LookupSymbols(site.Await.SpanStart).Any(s => s.Name == QueueParameterName)
                || site.Function.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == QueueParameterName);
            return taken ? null : QueueParameterName;
        }

        /// <summary>Adds <c>[FromServices] IngestionQueue ingestionQueue</c> before any optional or params parameter.</summary>
        private static ParameterListSyntax WithQueueParameter(ParameterListSyntax list, string name, TypeSyntax queueType)
        {
            var fromServices = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(
                SyntaxFactory.ParseName("Microsoft.AspNetCore.Mvc.FromServices").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))));
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithAttributeLists(SyntaxFactory.SingletonList(fromServices.WithTrailingTrivia(SyntaxFactory.Space)))
                .WithType(queueType.WithTrailingTrivia(SyntaxFactory.Space));
            var index = list.Parameters.Count;
            for (var i = 0; i < list.Parameters.Count; i++)
            {
                if (list.Parameters[i].Default is not null || list.Parameters[i].Modifiers.Any(SyntaxKind.ParamsKeyword))
                {
                    index = i;
                    break;
                }
            }

            if (index > 0)
            {
                parameter = parameter.WithLeadingTrivia(SyntaxFactory.Space);
            }

            if (index < list.Parameters.Count && index > 0)
            {
                // Keep the separator layout: the new parameter takes the place (and leading space) of the first optional one.
                parameter = parameter.WithLeadingTrivia(list.Parameters[index].GetLeadingTrivia());
            }

            return list.WithParameters(list.Parameters.Insert(index, parameter));
        }

        /// <summary>The awaited write in its handler, as the analyzer found it fixable.</summary>
        private sealed class Site
        {
            private Site(AwaitExpressionSyntax await, ExpressionSyntax awaited, ExpressionSyntax receiver, string receiverName, ITypeSymbol receiverType, SyntaxNode function, ParameterListSyntax parameters)
            {
                Await = await;
                Awaited = awaited;
                Receiver = receiver;
                ReceiverName = receiverName;
                ReceiverType = receiverType;
                Function = function;
                Parameters = parameters;
            }

            public AwaitExpressionSyntax Await { get; }

            public ExpressionSyntax Awaited { get; }

            public ExpressionSyntax Receiver { get; }

            public string ReceiverName { get; }

            public ITypeSymbol ReceiverType { get; }

            public SyntaxNode Function { get; }

            public ParameterListSyntax Parameters { get; }

            public static Site? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
            {
                if (!diagnostic.Properties.TryGetValue(IngestionMove.FixProperty, out _)
                    || !diagnostic.Properties.TryGetValue(IngestionMove.ReceiverNameProperty, out var receiverName) || receiverName is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                    || invocation.Span != diagnostic.Location.SourceSpan)
                {
                    return null;
                }

                ExpressionSyntax awaited = invocation;
                if (awaited.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure && configure.Parent is InvocationExpressionSyntax configured)
                {
                    awaited = configured;
                }

                if (awaited.Parent is not AwaitExpressionSyntax await
                    || model.GetTypeInfo(member.Expression).Type is not { } receiverType)
                {
                    return null;
                }

                var function = await.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax);
                var parameters = function switch
                {
                    ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
                    MethodDeclarationSyntax method => method.ParameterList,
                    _ => null,
                };

                return parameters is null || function is null ? null : new Site(await, awaited, member.Expression, receiverName, receiverType, function, parameters);
            }

            /// <summary><c>await queue.EnqueueAsync&lt;T&gt;(async (receiver, cancellationToken) =&gt; await receiver.Write(…))</c>.</summary>
            public ExpressionSyntax Enqueue(string queueName, SemanticModel model)
            {
                // The work item's parameters may shadow the handler's names (C# 8+); every request token is replaced below.
                var tokenName = ReceiverName == "cancellationToken" ? "ingestionCancellationToken" : "cancellationToken";

                // Tokens of the request (cancelled when it ends) become the work item's token.
                var tokenArguments = Awaited.DescendantNodes().OfType<ArgumentSyntax>()
                    .Where(a => model.GetTypeInfo(a.Expression).ConvertedType is { Name: "CancellationToken" } type
                        && type.ContainingNamespace?.ToDisplayString() == "System.Threading")
                    .ToList();
                var work = Awaited.ReplaceNodes(
                    tokenArguments.Select(a => (SyntaxNode)a.Expression).Concat(new[] { Receiver }),
                    (original, _) => original == Receiver
                        ? SyntaxFactory.IdentifierName(ReceiverName).WithTriviaFrom(original)
                        : SyntaxFactory.IdentifierName(tokenName).WithTriviaFrom(original));

                var lambda = SyntaxFactory.ParenthesizedLambdaExpression(
                        SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(new[]
                        {
                            SyntaxFactory.Parameter(SyntaxFactory.Identifier(ReceiverName)),
                            SyntaxFactory.Parameter(SyntaxFactory.Identifier(tokenName)),
                        })),
                        SyntaxFactory.AwaitExpression(work.WithoutTrivia()))
                    .WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword));

                var receiverType = SyntaxFactory.ParseTypeName(ReceiverType.ToMinimalDisplayString(model, Await.SpanStart));
                var enqueue = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.IdentifierName(queueName),
                        SyntaxFactory.GenericName(SyntaxFactory.Identifier(BackgroundIngestionTemplate.EnqueueMethodName), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(receiverType)))),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
                return SyntaxFactory.AwaitExpression(enqueue).NormalizeWhitespace();
            }
        }

        /// <summary>The project-level part: the queue type (existing or to add) and its registration (existing or where to add it).</summary>
        private sealed class Infrastructure
        {
            private readonly string? _namespace;
            private readonly bool _queueExists;
            private readonly bool _registered;
            private readonly DocumentId? _registrationDocument;

            private Infrastructure(string? @namespace, bool queueExists, bool registered, DocumentId? registrationDocument)
            {
                _namespace = @namespace;
                _queueExists = queueExists;
                _registered = registered;
                _registrationDocument = registrationDocument;
            }

            /// <summary><c>IngestionQueue</c>, qualified and left to the simplifier so the using is added where needed.</summary>
            public TypeSyntax QueueTypeSyntax() =>
                (_namespace is null
                    ? SyntaxFactory.ParseTypeName(BackgroundIngestionTemplate.QueueTypeName)
                    : SyntaxFactory.ParseTypeName(_namespace + "." + BackgroundIngestionTemplate.QueueTypeName))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

            public static async Task<Infrastructure?> FindAsync(Project project, CancellationToken cancellationToken)
            {
                if (project.ParseOptions is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 }
                    || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation
                    || compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService") is null
                    || compilation.GetTypeByMetadataName("System.Threading.Channels.Channel") is null
                    || compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromServicesAttribute") is null)
                {
                    return null;
                }

                // A queue of the app's own: ours only if it has the generic EnqueueAsync the rewrite calls.
                var queues = compilation.GetSymbolsWithName(BackgroundIngestionTemplate.QueueTypeName, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>().ToList();
                if (queues.Count > 1
                    || (queues.Count == 1 && !queues[0].GetMembers(BackgroundIngestionTemplate.EnqueueMethodName).OfType<IMethodSymbol>().Any(m => m.Arity == 1)))
                {
                    return null;
                }

                var registered = false;
                (DocumentId Id, string? Namespace)? registration = null;
                foreach (var document in project.Documents.OrderBy(d => d.FilePath, System.StringComparer.Ordinal))
                {
                    if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
                    {
                        continue;
                    }

                    foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
                    {
                        if (name.Identifier.ValueText == BackgroundIngestionTemplate.RegistrationMethodName && name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax })
                        {
                            registered = true;
                        }
                    }

                    if (registration is null && BuilderDeclaration(root) is { } declaration)
                    {
                        registration = (document.Id, NamespaceOf(declaration));
                    }
                }

                if (queues.Count == 1)
                {
                    var ns = queues[0].ContainingNamespace;
                    return registered || registration is not null
                        ? new Infrastructure(ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString(), true, registered, registration?.Id)
                        : null;
                }

                if (registration is not { } found)
                {
                    return null;
                }

                // The added types must not collide with the app's own types of the same names in that namespace.
                foreach (var name in new[] { BackgroundIngestionTemplate.WorkerTypeName, BackgroundIngestionTemplate.RegistrationTypeName })
                {
                    if (compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken).Any(t =>
                        (t.ContainingNamespace is not { IsGlobalNamespace: false } ns ? null : ns.ToDisplayString()) == found.Namespace))
                    {
                        return null;
                    }
                }

                return new Infrastructure(found.Namespace, false, registered, found.Id);
            }

            /// <summary>The full name of the namespace around <paramref name="node"/> (nested declarations joined), null for the global one.</summary>
            private static string? NamespaceOf(SyntaxNode node)
            {
                var names = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Name.ToString()).Reverse().ToList();
                return names.Count == 0 ? null : string.Join(".", names);
            }

            /// <summary><c>var builder = WebApplication.CreateBuilder(…);</c> (or CreateSlimBuilder / CreateEmptyBuilder).</summary>
            private static LocalDeclarationStatementSyntax? BuilderDeclaration(SyntaxNode root) =>
                root.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Where(i => i.Expression is MemberAccessExpressionSyntax
                    {
                        Expression: IdentifierNameSyntax { Identifier.ValueText: "WebApplication" } or QualifiedNameSyntax { Right.Identifier.ValueText: "WebApplication" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WebApplication" },
                        Name.Identifier.ValueText: "CreateBuilder" or "CreateSlimBuilder" or "CreateEmptyBuilder",
                    })
                    .Select(i => i.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local } } } ? local : null)
                    .FirstOrDefault(l => l is not null && l.Parent is BlockSyntax or GlobalStatementSyntax);

            /// <summary>Registers the queue after the builder and appends its types to the builder's namespace, where missing.</summary>
            public async Task<Solution> EnsureAsync(Solution solution, CancellationToken cancellationToken)
            {
                if ((_registered && _queueExists) || _registrationDocument is null || solution.GetDocument(_registrationDocument) is not { } document
                    || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
                    || BuilderDeclaration(root) is not { } declaration)
                {
                    return solution;
                }

                var newLine = declaration.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                if (newLine.IsKind(SyntaxKind.None))
                {
                    newLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
                }

                var imports = _queueExists ? new List<string>() : await MissingImportsAsync(document, declaration.SpanStart, cancellationToken).ConfigureAwait(false);
                root = root.TrackNodes(declaration);
                if (!_registered)
                {
                    var builder = declaration.Declaration.Variables[0].Identifier.ValueText;
                    var indentation = declaration.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
                    var registration = SyntaxFactory.ParseStatement(builder + ".Services." + BackgroundIngestionTemplate.RegistrationMethodName + "();")
                        .WithLeadingTrivia(indentation.IsKind(SyntaxKind.None) ? SyntaxFactory.TriviaList() : SyntaxFactory.TriviaList(indentation))
                        .WithTrailingTrivia(newLine);
                    var current = root.GetCurrentNode(declaration)!;
                    root = current.Parent is GlobalStatementSyntax global
                        ? root.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(registration) })
                        : root.InsertNodesAfter(current, new[] { registration });
                }

                if (!_queueExists)
                {
                    var members = BackgroundIngestionTemplate.Members(newLine.ToFullString());
                    root = root.GetCurrentNode(declaration)!.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } container
                        ? root.ReplaceNode(container, container.AddMembers(members.ToArray()))
                        : root.AddMembers(members.ToArray());
                    root = AddImports(root, imports, newLine);
                }

                return document.WithSyntaxRoot(root).Project.Solution;
            }

            /// <summary>
            /// Adds <c>using</c> directives in the file's order (System first, then ordinal) when it has some, or as a first block
            /// after the file's header comments when it has none.
            /// </summary>
            private static CompilationUnitSyntax AddImports(CompilationUnitSyntax root, List<string> namespaces, SyntaxTrivia newLine)
            {
                if (namespaces.Count > 0 && root.Usings.Count == 0)
                {
                    var first = root.GetFirstToken(includeZeroWidth: true);
                    var block = namespaces.Select((name, i) => SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name))
                        .WithLeadingTrivia(i == 0 ? first.LeadingTrivia : SyntaxFactory.TriviaList())
                        .WithTrailingTrivia(i == namespaces.Count - 1 ? SyntaxFactory.TriviaList(newLine, newLine) : SyntaxFactory.TriviaList(newLine)));
                    return root.ReplaceToken(first, first.WithLeadingTrivia()).WithUsings(SyntaxFactory.List(block));
                }

                foreach (var name in namespaces)
                {
                    var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithTrailingTrivia(newLine);
                    var usings = root.Usings;
                    var plain = usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None)).ToList();
                    var before = plain.FirstOrDefault(u => ImportOrder(u.Name?.ToString() ?? string.Empty, name) > 0);
                    var index = before is not null ? usings.IndexOf(before) : plain.Count > 0 ? usings.IndexOf(plain[plain.Count - 1]) + 1 : usings.Count;
                    if (index == 0)
                    {
                        // The file's header comments stay at the top.
                        directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
                        usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
                    }

                    root = root.WithUsings(usings.Insert(index, directive));
                }

                return root;
            }

            private static int ImportOrder(string left, string right)
            {
                static int Group(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal) ? 0 : 1;
                var byGroup = Group(left).CompareTo(Group(right));
                return byGroup != 0 ? byGroup : string.CompareOrdinal(left, right);
            }

            /// <summary>The namespaces of the extension methods the added types call that <paramref name="position"/> does not see.</summary>
            private static async Task<List<string>> MissingImportsAsync(Document document, int position, CancellationToken cancellationToken)
            {
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                return BackgroundIngestionTemplate.ExtensionNamespaces
                    .Where(import => model is null || !model.LookupNamespacesAndTypes(position, name: import.ProbeType)
                        .Any(symbol => symbol.ContainingNamespace?.ToDisplayString() == import.Namespace))
                    .Select(import => import.Namespace)
                    .ToList();
            }
        }

        /// <summary>Fix All: every document's handlers first, then the queue and its registration once.</summary>
        private sealed class FixAll : FixAllProvider
        {
            private readonly string _equivalenceKey;

            public FixAll(string equivalenceKey) => _equivalenceKey = equivalenceKey;

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var documents = fixAllContext.Scope switch
                {
                    FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                    FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                    FixAllScope.Solution => fixAllContext.Solution.Projects.Where(p => p.Id == fixAllContext.Project.Id).SelectMany(p => p.Documents).ToArray(),
                    _ => System.Array.Empty<Document>(),
                };

                var work = ImmutableArray.CreateBuilder<(DocumentId, ImmutableArray<Diagnostic>)>();
                foreach (var document in documents)
                {
                    var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (!diagnostics.IsEmpty)
                    {
                        work.Add((document.Id, diagnostics));
                    }
                }

                var solution = fixAllContext.Solution;
                return work.Count == 0 ? null : CodeAction.Create(Title, c => FixAsync(solution, work.ToImmutable(), c), _equivalenceKey);
            }
        }
    }
}
