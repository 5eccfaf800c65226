using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG050: an AI call, an index write, or an app method that reaches one, called without the <c>CancellationToken</c>
    /// it accepts while a token is in scope (a parameter of the nearest enclosing function), or inside a request handler
    /// where the framework can bind one. Warning in request handlers, Info elsewhere.
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
            if (scope.OmittedToken(invocation) is not { } omitted)
            {
                // No token parameter: an AI API may have an overload that takes the params as a sequence, and a token.
                if (!IsAiCallOrIndexWrite(invocation.TargetMethod, rag) || scope.TokenOverload(invocation) is not { } overload)
                {
                    return;
                }

                omitted = (overload.Parameter, false);
                sequenceOverload = overload.ExpandedFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }

            if (CancellationScope.IsGivenTokenByWithCancellation(invocation))
            {
                return;
            }

            var (function, kind) = CancellationScope.NearestFunction(invocation, context.ContainingSymbol, rag.Handlers);
            if (function is null)
            {
                return;
            }

            var token = scope.TokenIn(function);
            var canAddParameter = token is null && kind is HandlerKind.MinimalApi or HandlerKind.ControllerAction or HandlerKind.RazorPageHandler or HandlerKind.AzureFunction;
            var requestAborted = token is null && kind is HandlerKind.ControllerAction or HandlerKind.RazorPageHandler && scope.HasHttpContextProperty(function);
            if (token is null && !canAddParameter && !requestAborted)
            {
                return;
            }

            if (Target(invocation.TargetMethod, function, rag) is not { } target)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(TokenParameterProperty, omitted.Parameter)
                .Add(PositionalProperty, omitted.Positional ? "true" : "false");
            if (token is not null)
            {
                properties = properties.Add(TokenProperty, token);
            }

            if (sequenceOverload is not null)
            {
                properties = properties.Add(SequenceOverloadProperty, sequenceOverload);
            }

            if (canAddParameter)
            {
                properties = properties.Add(AddParameterProperty, "true");
            }

            if (requestAborted)
            {
                properties = properties.Add(RequestAbortedProperty, "true");
            }

            var severity = kind == HandlerKind.None ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
            var what = token is null ? "the request's cancellation token" : $"the cancellation token '{token}' in scope";
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG050_CancellationNotForwarded,
                invocation.Syntax.GetLocation(),
                severity,
                additionalLocations: null,
                properties,
                target,
                what));
        }

        private static bool IsAiCallOrIndexWrite(IMethodSymbol method, RagSafetyContext rag)
        {
            var roles = rag.Apis.RolesOf(method);
            return roles.Contains(ApiRole.AiCall) || roles.Contains(ApiRole.IndexWrite);
        }

        /// <summary>The called AI API, or the chain from the called app method to one; null for anything else.</summary>
        private static string? Target(IMethodSymbol method, IMethodSymbol function, RagSafetyContext rag)
        {
            if (IsAiCallOrIndexWrite(method, rag))
            {
                return CallChain.Display(method);
            }

            if (SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).OriginalDefinition, function.OriginalDefinition))
            {
                return null;
            }

            return (rag.Summaries.FindAiCall(method) ?? rag.Summaries.FindIndexWrite(method))?.Describe();
        }
    }
}
