using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG011: a catalogued synchronous AI call or index write (OpenAI <c>CompleteChat</c>, Azure AI Search <c>Search</c>,
    /// <c>UploadDocuments</c>, legacy Azure OpenAI <c>GetChatCompletions</c>, …) that has an awaitable <c>…Async</c> twin,
    /// called in async code (the nearest enclosing function is async or returns a task) or anywhere in a request handler.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG011SynchronousAiApiAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: <see cref="RAG010BlockingWaitOnAiCallAnalyzer.FixAwait"/> or <see cref="RAG010BlockingWaitOnAiCallAnalyzer.FixAwaitAndMakeAsync"/>; absent: no fix.</summary>
        public const string FixProperty = RAG010BlockingWaitOnAiCallAnalyzer.FixProperty;

        /// <summary>Diagnostic property: the token expression in scope that the fix forwards to the twin.</summary>
        public const string TokenProperty = "Token";

        /// <summary>Diagnostic property: the name of the token parameter the call left out.</summary>
        public const string TokenParameterProperty = "TokenParameter";

        /// <summary>Diagnostic property: "true" when the token can be appended as a positional argument.</summary>
        public const string PositionalProperty = "Positional";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG011_SynchronousAiApi);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (rag.TaskTypes is not { } taskTypes || CancellationScope.Create(context.Compilation) is not { } scope)
            {
                return;
            }

            var twins = new AsyncTwins(context.Compilation, taskTypes);
            context.RegisterOperationAction(c => Analyze(c, rag, taskTypes, twins, scope), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes, AsyncTwins twins, CancellationScope scope)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.ReturnsByRef || taskTypes.IsTaskLike(method.ReturnType))
            {
                return;
            }

            var roles = rag.Apis.RolesOf(method);
            if (!roles.Contains(ApiRole.AiCall) && !roles.Contains(ApiRole.IndexWrite))
            {
                return;
            }

            if (twins.Find(method) is not { } twin)
            {
                return;
            }

            var (function, _) = CancellationScope.NearestFunction(invocation, context.ContainingSymbol, rag.Handlers);
            var inAsyncCode = function is not null && (function.IsAsync || taskTypes.IsTaskLike(function.ReturnType));
            if (!inAsyncCode && rag.Handlers.EnclosingHandlerKind(invocation, context.ContainingSymbol) == HandlerKind.None)
            {
                return;
            }

            // Never suggest the function the call sits in (a sync fallback inside the async override would recurse).
            if (AsyncTwins.IsSelfOrOverridden(twin, function) || AsyncTwins.IsSelfOrOverridden(twin, context.ContainingSymbol as IMethodSymbol))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (AsyncContext.FixFor(invocation, context.ContainingSymbol, rag.Handlers, taskTypes) is { } fix)
            {
                properties = properties.Add(FixProperty, fix);
                if (function is not null && scope.TokenIn(function) is { } token && scope.OmittedToken(invocation) is { } omitted)
                {
                    properties = properties
                        .Add(TokenProperty, token)
                        .Add(TokenParameterProperty, omitted.Parameter)
                        .Add(PositionalProperty, omitted.Positional ? "true" : "false");
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG011_SynchronousAiApi,
                invocation.Syntax.GetLocation(),
                properties,
                CallChain.Display(method),
                CallChain.Display(twin)));
        }
    }
}
