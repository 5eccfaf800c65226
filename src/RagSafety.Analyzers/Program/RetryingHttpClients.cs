using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>One HttpClient registration (or all of them) that the code makes retry, and the call that does it.</summary>
    internal sealed class RetryingRegistration
    {
        public RetryingRegistration(IInvocationOperation? retryCall, string? name, ImmutableArray<ITypeSymbol> typedClients, bool isDefault, string description)
        {
            RetryCall = retryCall;
            Name = name;
            TypedClients = typedClients;
            IsDefault = isDefault;
            Description = description;
        }

        /// <summary>The call that adds the retrying handler (<c>AddStandardResilienceHandler</c>, …); null for Aspire's service defaults.</summary>
        public IInvocationOperation? RetryCall { get; }

        /// <summary>The client name of a named registration (<c>AddHttpClient("openai")</c>), or null.</summary>
        public string? Name { get; }

        /// <summary>The client and implementation types of a typed registration (<c>AddHttpClient&lt;ChatService&gt;()</c>).</summary>
        public ImmutableArray<ITypeSymbol> TypedClients { get; }

        /// <summary>Every client of the factory retries (<c>ConfigureHttpClientDefaults</c>, Aspire's <c>AddServiceDefaults</c>).</summary>
        public bool IsDefault { get; }

        /// <summary>For messages: <c>AddStandardResilienceHandler on AddHttpClient("openai")</c>.</summary>
        public string Description { get; }
    }

    /// <summary>
    /// The HttpClients the app makes retry through <c>IHttpClientFactory</c>: registrations (<c>AddHttpClient(…)</c>, named or
    /// typed, or <c>ConfigureHttpClientDefaults</c> for all) given a handler with the <see cref="ApiRole.RetryHandler"/> role
    /// that retries. Found once per compilation, lazily, by binding only the calls <see cref="CallNameGraph"/> keeps
    /// (<see cref="CallNameGraph.RetryHandlerCalls"/>). Aspire's <c>AddServiceDefaults</c>, declared in another project, is taken
    /// to add the standard handler to every client, as its template does.
    /// </summary>
    internal sealed class RetryingHttpClients
    {
        private static readonly ConditionalWeakTable<Compilation, RetryingHttpClients> Cache = new();

        /// <summary>Polly 7 policy builders that retry (<c>HttpPolicyExtensions.HandleTransientHttpError().WaitAndRetryAsync(…)</c>).</summary>
        private static readonly ImmutableHashSet<string> PollyRetryNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Retry",
            "RetryAsync",
            "RetryForever",
            "RetryForeverAsync",
            "WaitAndRetry",
            "WaitAndRetryAsync",
            "WaitAndRetryForever",
            "WaitAndRetryForeverAsync",
            "AddRetry",
            "AddRetryWithBudget");

        private readonly Compilation _compilation;
        private readonly KnownApis _apis;
        private readonly Lazy<ImmutableArray<RetryingRegistration>> _registrations;

        private RetryingHttpClients(Compilation compilation, KnownApis apis)
        {
            _compilation = compilation;
            _apis = apis;
            _registrations = new Lazy<ImmutableArray<RetryingRegistration>>(Find, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public static RetryingHttpClients For(Compilation compilation, KnownApis apis) =>
            Cache.GetValue(compilation, c => new RetryingHttpClients(c, apis));

        public ImmutableArray<RetryingRegistration> Registrations => _registrations.Value;

        /// <summary>The registration that makes the client of this name retry: the named one, else the defaults.</summary>
        public RetryingRegistration? ForName(string? name) =>
            (name is null ? null : Registrations.FirstOrDefault(r => r.Name == name && r.TypedClients.IsEmpty))
            ?? Registrations.FirstOrDefault(r => r.IsDefault);

        /// <summary>
        /// The registration that makes the HttpClient injected into this type retry: its typed registration, else the
        /// defaults (an HttpClient constructor parameter is filled by the factory, so the defaults apply to it).
        /// </summary>
        public RetryingRegistration? ForTypedClient(ITypeSymbol type) =>
            Registrations.FirstOrDefault(r => r.TypedClients.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, type.OriginalDefinition)))
            ?? Registrations.FirstOrDefault(r => r.IsDefault);

        private ImmutableArray<RetryingRegistration> Find()
        {
            var found = ImmutableArray.CreateBuilder<RetryingRegistration>();
            var calls = CallNameGraph.For(_compilation);
            var operations = new OperationsAcrossTrees(_compilation);
            foreach (var syntax in calls.RetryHandlerCalls)
            {
                if (operations.Of(syntax) is not IInvocationOperation invocation
                    || !_apis.RolesOf(invocation.TargetMethod).Contains(ApiRole.RetryHandler)
                    || !Retries(invocation)
                    || Origin(invocation) is not { } registration)
                {
                    continue;
                }

                found.Add(registration);
            }

            // Aspire's service defaults (a project of their own) add the standard resilience handler to every client.
            if (calls.IsInvokedAnywhere("AddServiceDefaults") && !_compilation.ContainsSymbolsWithName("AddServiceDefaults", SymbolFilter.Member))
            {
                found.Add(new RetryingRegistration(
                    null,
                    null,
                    ImmutableArray<ITypeSymbol>.Empty,
                    isDefault: true,
                    "AddServiceDefaults, whose Aspire template adds AddStandardResilienceHandler to every HttpClient"));
            }

            return found.ToImmutable();
        }

        /// <summary>Whether the handler the call adds retries: always for the standard handlers; for the others, when their pipeline or policy does.</summary>
        private bool Retries(IInvocationOperation invocation)
        {
            switch (invocation.TargetMethod.Name)
            {
                case "AddStandardResilienceHandler" or "AddStandardHedgingHandler":
                    return true;
                default:
                    return invocation.Arguments.Any(a => a.Parameter?.Ordinal > 0 && MentionsRetry(a.Value));
            }
        }

        /// <summary>
        /// Whether the pipeline or policy argument adds a retry: a retry call (<c>AddRetry</c>, <c>WaitAndRetryAsync</c>, …) in it,
        /// in the initializer of a local or field it reads, or in the body of a method of the app it calls (one level).
        /// </summary>
        private bool MentionsRetry(IOperation value)
        {
            var nodes = new List<SyntaxNode> { value.Syntax };
            foreach (var operation in value.DescendantsAndSelf())
            {
                var symbol = operation switch
                {
                    IInvocationOperation call => (ISymbol)call.TargetMethod,
                    IMethodReferenceOperation method => method.Method,
                    ILocalReferenceOperation local => local.Local,
                    IFieldReferenceOperation field => field.Field,
                    IPropertyReferenceOperation property => property.Property,
                    _ => null,
                };
                if (symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly))
                {
                    nodes.AddRange(symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax()));
                }
            }

            return nodes.Any(node => node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => PollyRetryNames.Contains(CallNameGraph.InvokedNameToken(i.Expression).ValueText)));
        }

        /// <summary>
        /// The registration the builder of the call comes from: down the fluent chain (and through a local of the same member)
        /// to <c>AddHttpClient(…)</c>, or to the parameter of a <c>ConfigureHttpClientDefaults</c> lambda. Null when unknown.
        /// </summary>
        private static RetryingRegistration? Origin(IInvocationOperation retryCall)
        {
            var current = BuilderOf(retryCall);
            for (var hops = 0; current is not null && hops < 16; hops++)
            {
                switch (current)
                {
                    case IInvocationOperation { TargetMethod.Name: "AddHttpClient" } addHttpClient:
                        return FromAddHttpClient(retryCall, addHttpClient);
                    case IInvocationOperation { TargetMethod.IsExtensionMethod: true } step:
                        current = BuilderOf(step);
                        break;
                    case ILocalReferenceOperation local:
                        current = InitializerOf(local);
                        break;
                    case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } } parameter
                        when parameter.Parent is not null && IsConfigureDefaultsLambda(parameter):
                        return new RetryingRegistration(retryCall, null, ImmutableArray<ITypeSymbol>.Empty, isDefault: true, $"{retryCall.TargetMethod.Name} in ConfigureHttpClientDefaults");
                    default:
                        return null;
                }
            }

            return null;
        }

        private static RetryingRegistration? FromAddHttpClient(IInvocationOperation retryCall, IInvocationOperation addHttpClient)
        {
            var method = addHttpClient.TargetMethod;
            if (method.ReturnType.Name != "IHttpClientBuilder")
            {
                return null;
            }

            var name = addHttpClient.Arguments.FirstOrDefault(a => a.Parameter is { Name: "name", Type.SpecialType: SpecialType.System_String })?.Value.ConstantValue;
            var typed = method.TypeArguments.ToImmutableArray();
            string? clientName = name is { HasValue: true, Value: string text } ? text : null;
            if (clientName is null && typed.IsEmpty)
            {
                return null;
            }

            var shown = typed.IsEmpty
                ? $"AddHttpClient(\"{clientName}\")"
                : $"AddHttpClient<{string.Join(", ", typed.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))}>()";
            return new RetryingRegistration(retryCall, clientName, typed, isDefault: false, $"{retryCall.TargetMethod.Name} on {shown}");
        }

        /// <summary>The builder an extension call is made on (its <c>this</c> argument), without conversions.</summary>
        private static IOperation? BuilderOf(IInvocationOperation invocation) =>
            invocation.TargetMethod.IsExtensionMethod
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.WithoutConversions()
                : invocation.Instance?.WithoutConversions();

        private static IOperation? InitializerOf(ILocalReferenceOperation reference) =>
            reference.Root().Descendants().OfType<IVariableDeclaratorOperation>()
                .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, reference.Local))?.Initializer?.Value.WithoutConversions();

        /// <summary>The lambda declaring the parameter is the argument of <c>ConfigureHttpClientDefaults</c>.</summary>
        private static bool IsConfigureDefaultsLambda(IParameterReferenceOperation parameter)
        {
            for (var current = parameter.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, parameter.Parameter.ContainingSymbol))
                {
                    var outer = function.Parent;
                    while (outer is IDelegateCreationOperation or IConversionOperation)
                    {
                        outer = outer.Parent;
                    }

                    return outer is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "ConfigureHttpClientDefaults" } };
                }
            }

            return false;
        }
    }
}
