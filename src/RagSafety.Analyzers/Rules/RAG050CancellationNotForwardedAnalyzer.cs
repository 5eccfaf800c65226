using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG050: an AI call, an index write, or an app method that reaches one, called without the <c>CancellationToken</c>
    /// it accepts while a token is in scope (a parameter of the nearest enclosing function, a hub's connection token), or
    /// inside a request handler where the framework can bind one; in a handler, also a generation given an explicit
    /// default token, and a call to an app method that reaches a generation but takes no token (Info). Warning for
    /// generations in request handlers, Info for everything else.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG050CancellationNotForwardedAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: the token expression in scope (absent when the handler has none).</summary>
        public const string TokenProperty = "Token";

        /// <summary>Diagnostic property: the name of the token parameter the call left out.</summary>
        public const string TokenParameterProperty = "TokenParameter";

        /// <summary>Diagnostic property: "true" when the token can be appended as a positional argument.</summary>
        public const string PositionalProperty = "Positional";

        /// <summary>
        /// Diagnostic property: present when the token goes to the overload that takes a sequence instead of a <c>params</c>
        /// array; its value is the argument index where the expanded <c>params</c> arguments start, or empty when the call passes an array.
        /// </summary>
        public const string SequenceOverloadProperty = "SequenceOverload";

        /// <summary>
        /// Diagnostic property: present when the call passes an explicit default token; its value is the index of that
        /// argument in the written list, which the fix replaces instead of appending one.
        /// </summary>
        public const string ReplaceArgumentProperty = "ReplaceArgument";

        /// <summary>Diagnostic property: "true" when the enclosing handler may get a new <c>CancellationToken</c> parameter.</summary>
        public const string AddParameterProperty = "AddParameter";

        /// <summary>Diagnostic property: "true" when <c>HttpContext.RequestAborted</c> is reachable (controllers, page models).</summary>
        public const string RequestAbortedProperty = "RequestAborted";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG050_CancellationNotForwarded);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (CancellationScope.Create(context.Compilation) is not { } scope)
            {
                return;
            }

            context.RegisterOperationAction(c => Analyze(c, rag, scope), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, CancellationScope scope)
        {
            var invocation = (IInvocationOperation)context.Operation;
            string? sequenceOverload = null;
            (string Parameter, int Index, string Text)? explicitDefault = null;
            if (scope.OmittedToken(invocation) is not { } omitted)
            {
                if (scope.ExplicitDefaultToken(invocation) is { } written)
                {
                    // An explicit default where the request's token is at hand: checked below, in handlers, for generations.
                    explicitDefault = written;
                    omitted = (written.Parameter, false);
                }
                else if (IsAiCallOrIndexWrite(invocation.TargetMethod, rag) && scope.TokenOverload(invocation) is { } overload)
                {
                    // No token parameter: an AI API may have an overload that takes the params as a sequence, and a token.
                    omitted = (overload.Parameter, false);
                    sequenceOverload = overload.ExpandedFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
                else
                {
                    AnalyzeMissingParameter(context, rag, scope, invocation);
                    return;
                }
            }

            if (scope.IsEnumeratedWithToken(invocation))
            {
                return;
            }

            var (function, kind) = CancellationScope.NearestFunction(invocation, context.ContainingSymbol, rag.Handlers);
            if (function is null || (explicitDefault is not null && kind == HandlerKind.None))
            {
                // Outside request handlers an explicit default is a choice (finish the work even when the caller stops).
                return;
            }

            var request = RequestToken.Of(function, kind, invocation, scope);
            if (request is null)
            {
                return;
            }

            if (Target(invocation.TargetMethod, function, rag) is not { } target
                || (explicitDefault is not null && !target.IsGeneration))
            {
                // An explicit default on an embedding, a search or a write may be deliberate (finish the write); not on a generation.
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(TokenParameterProperty, omitted.Parameter)
                .Add(PositionalProperty, omitted.Positional ? "true" : "false");
            if (request.Token is not null)
            {
                properties = properties.Add(TokenProperty, request.Token);
            }

            if (sequenceOverload is not null)
            {
                properties = properties.Add(SequenceOverloadProperty, sequenceOverload);
            }

            if (explicitDefault is { } replaced)
            {
                properties = properties.Add(ReplaceArgumentProperty, replaced.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (request.CanAddParameter)
            {
                properties = properties.Add(AddParameterProperty, "true");
            }

            if (request.RequestAborted)
            {
                properties = properties.Add(RequestAbortedProperty, "true");
            }

            // Severity by intent: an abandoned generation keeps the model busy (and billing) for seconds to minutes; an
            // embedding, a search or a write in a handler is one short call, and elsewhere the token may not be the request's.
            var severity = kind != HandlerKind.None && target.IsGeneration ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            var what = request.Describe();
            if (explicitDefault is { } given)
            {
                what += $" (it is given '{given.Text}')";
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG050_CancellationNotForwarded,
                invocation.Syntax.GetLocation(),
                severity,
                additionalLocations: null,
                properties,
                target.Description,
                what));
        }

        /// <summary>
        /// A request handler calls one of the app's methods that takes no token (nor an <c>HttpContext</c>) and reaches a
        /// generation through async methods only: the request's token has no way to the model. Information at the call in the
        /// handler; the fix (a token parameter down the chain) is the app's to write. A chain through a type that holds an
        /// <c>IHttpContextAccessor</c> may read the token from it, and a local function captures the handler's: not reported.
        /// </summary>
        private static void AnalyzeMissingParameter(OperationAnalysisContext context, RagSafetyContext rag, CancellationScope scope, IInvocationOperation invocation)
        {
            var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
            if (method.DeclaringSyntaxReferences.Length == 0
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly)
                || method.MethodKind == MethodKind.LocalFunction
                || scope.TokenIn(method) is not null
                || IsAiCallOrIndexWrite(method, rag))
            {
                // A local function captures the handler's token; a method given the HttpContext or gRPC context has it.
                return;
            }

            var (function, kind) = CancellationScope.NearestFunction(invocation, context.ContainingSymbol, rag.Handlers);
            if (function is null || kind == HandlerKind.None
                || SymbolEqualityComparer.Default.Equals(method, function.OriginalDefinition)
                || RequestToken.Of(function, kind, invocation, scope) is null
                || rag.Summaries.FindGeneration(method) is not { } chain
                || chain.Steps.Any(step => scope.HoldsHttpContextAccessor(step.ContainingType))
                || !chain.Steps.Take(chain.Steps.Length - 1).All(step => IsAwaitable(step, rag, scope)))
            {
                // A synchronous step that reaches an async generation starts it and returns (fire and forget, meant to outlive
                // the request) or blocks on it (RAG010): the request's token is not the one to pass there.
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG050_CancellationNotForwarded,
                invocation.Syntax.GetLocation(),
                DiagnosticSeverity.Info,
                additionalLocations: null,
                ImmutableDictionary<string, string?>.Empty,
                chain.Describe(),
                $"the request's cancellation token: '{CallChain.Display(method)}' has no CancellationToken parameter"));
        }

        private static bool IsAwaitable(IMethodSymbol method, RagSafetyContext rag, CancellationScope scope) =>
            rag.TaskTypes?.IsTaskLike(method.ReturnType) == true || scope.IsAsyncEnumerable(method.ReturnType);

        private static bool IsAiCallOrIndexWrite(IMethodSymbol method, RagSafetyContext rag)
        {
            var roles = rag.Apis.RolesOf(method);
            return roles.Contains(ApiRole.AiCall) || roles.Contains(ApiRole.IndexWrite);
        }

        /// <summary>
        /// The called AI API or index write, or the chain from the called app method to one, and whether it runs a generation
        /// (an app method counts when any chain from it reaches one); null for anything else.
        /// </summary>
        private static Called? Target(IMethodSymbol method, IMethodSymbol function, RagSafetyContext rag)
        {
            if (IsAiCallOrIndexWrite(method, rag))
            {
                return new Called(CallChain.Display(method), rag.Apis.IsAiCall(method) && Generations.IsGeneration(method));
            }

            if (SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).OriginalDefinition, function.OriginalDefinition))
            {
                return null;
            }

            if (rag.Summaries.FindGeneration(method) is { } generation)
            {
                return new Called(generation.Describe(), isGeneration: true);
            }

            return (rag.Summaries.FindAiCall(method) ?? rag.Summaries.FindIndexWrite(method)) is { } chain ? new Called(chain.Describe(), isGeneration: false) : null;
        }

        private sealed class Called
        {
            public Called(string description, bool isGeneration)
            {
                Description = description;
                IsGeneration = isGeneration;
            }

            public string Description { get; }

            public bool IsGeneration { get; }
        }

        /// <summary>
        /// The request's token as the nearest function has it: a token in scope (a parameter, <c>context.RequestAborted</c>, a
        /// gRPC context's token, a hub's <c>Context.ConnectionAborted</c>), or the ways a handler can get one (a new parameter
        /// the framework binds, <c>HttpContext.RequestAborted</c> in controllers and page models).
        /// </summary>
        private sealed class RequestToken
        {
            private RequestToken(string? token, bool isConnectionToken, bool canAddParameter, bool requestAborted)
            {
                Token = token;
                IsConnectionToken = isConnectionToken;
                CanAddParameter = canAddParameter;
                RequestAborted = requestAborted;
            }

            public string? Token { get; }

            public bool IsConnectionToken { get; }

            public bool CanAddParameter { get; }

            public bool RequestAborted { get; }

            public static RequestToken? Of(IMethodSymbol function, HandlerKind kind, IOperation at, CancellationScope scope)
            {
                var token = scope.TokenIn(function);
                var connection = token is null && kind == HandlerKind.SignalRHubMethod ? scope.ConnectionAbortedAt(function, at) : null;
                var canAddParameter = token is null && kind is HandlerKind.MinimalApi or HandlerKind.ControllerAction or HandlerKind.RazorPageHandler or HandlerKind.AzureFunction;
                var requestAborted = token is null && kind is HandlerKind.ControllerAction or HandlerKind.RazorPageHandler && scope.HasHttpContextProperty(function);
                return token is null && connection is null && !canAddParameter && !requestAborted
                    ? null
                    : new RequestToken(token ?? connection, connection is not null, canAddParameter, requestAborted);
            }

            public string Describe() =>
                IsConnectionToken ? $"the connection's cancellation token '{Token}'"
                : Token is null ? "the request's cancellation token"
                : $"the cancellation token '{Token}' in scope";
        }
    }
}
