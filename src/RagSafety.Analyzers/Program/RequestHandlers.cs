using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Which functions of a compilation are request handlers: minimal-API delegates (lambdas and method groups, on the
    /// app or on MapGroup chains), MVC/API controller actions, Razor Pages handlers, SignalR hub methods, gRPC service
    /// overrides and HTTP-triggered Azure Functions (isolated and in-process).
    /// </summary>
    internal sealed class RequestHandlers
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _delegate;
        private readonly INamedTypeSymbol? _requestDelegate;
        private readonly INamedTypeSymbol? _endpointRouteBuilder;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _controllerAttribute;
        private readonly INamedTypeSymbol? _apiControllerAttribute;
        private readonly INamedTypeSymbol? _nonControllerAttribute;
        private readonly INamedTypeSymbol? _nonActionAttribute;
        private readonly INamedTypeSymbol? _pageModel;
        private readonly INamedTypeSymbol? _hub;
        private readonly INamedTypeSymbol? _bindServiceMethodAttribute;
        private readonly INamedTypeSymbol? _workerFunctionAttribute;
        private readonly INamedTypeSymbol? _workerHttpTriggerAttribute;
        private readonly INamedTypeSymbol? _webJobsFunctionNameAttribute;
        private readonly INamedTypeSymbol? _webJobsHttpTriggerAttribute;
        private readonly ConcurrentDictionary<IMethodSymbol, HandlerKind> _methodKinds = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<InvocationExpressionSyntax, ImmutableArray<IMethodSymbol>> _methodGroupsPassed = new();
        private readonly Lazy<ILookup<string, InvocationExpressionSyntax>> _mapCallsByArgumentName;
        private readonly StaticCallSites _callSites;

        public RequestHandlers(Compilation compilation)
        {
            _compilation = compilation;
            _delegate = compilation.GetSpecialType(SpecialType.System_Delegate);
            _requestDelegate = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.RequestDelegate");
            _endpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            _controllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            _apiControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            _nonControllerAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            _nonActionAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            _pageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            _hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
            _bindServiceMethodAttribute = compilation.GetTypeByMetadataName("Grpc.Core.BindServiceMethodAttribute");
            _mapCallsByArgumentName = new Lazy<ILookup<string, InvocationExpressionSyntax>>(IndexMapCallsByArgumentName, LazyThreadSafetyMode.ExecutionAndPublication);
            _callSites = new StaticCallSites(compilation);
            _workerFunctionAttribute = compilation.GetTypeByMetadataName("Microsoft.Azure.Functions.Worker.FunctionAttribute");
            _workerHttpTriggerAttribute = compilation.GetTypeByMetadataName("Microsoft.Azure.Functions.Worker.HttpTriggerAttribute");
            _webJobsFunctionNameAttribute = compilation.GetTypeByMetadataName("Microsoft.Azure.WebJobs.FunctionNameAttribute");
            _webJobsHttpTriggerAttribute = compilation.GetTypeByMetadataName("Microsoft.Azure.WebJobs.HttpTriggerAttribute");
        }

        /// <summary>True when the compilation can serve requests at all (ASP.NET Core, gRPC or Azure Functions referenced).</summary>
        public bool ReferencesServerFramework =>
            _endpointRouteBuilder is not null || _controllerBase is not null || _hub is not null || _bindServiceMethodAttribute is not null
            || _workerFunctionAttribute is not null || _webJobsFunctionNameAttribute is not null;

        /// <summary>The handler kind of a declared method (method groups passed to Map* count too).</summary>
        public HandlerKind KindOf(IMethodSymbol method) => _methodKinds.GetOrAdd(method.OriginalDefinition, ComputeKind);

        /// <summary>Whether a lambda or anonymous method is the delegate of a minimal-API endpoint (Map, MapGet, MapPost, …).</summary>
        public bool IsMinimalApiHandler(IAnonymousFunctionOperation function)
        {
            IOperation? current = function.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation }
                && IsEndpointMapping(invocation.TargetMethod)
                && IsHandlerParameterType(parameter.Type);
        }

        /// <summary>The handler kind of a function operation: a lambda, a local function, or a method body.</summary>
        public HandlerKind KindOf(IOperation function, ISymbol? containingSymbol) => function switch
        {
            IAnonymousFunctionOperation lambda => IsMinimalApiHandler(lambda) ? HandlerKind.MinimalApi : HandlerKind.None,
            ILocalFunctionOperation => HandlerKind.None,
            _ => containingSymbol is IMethodSymbol method ? KindOf(method) : HandlerKind.None,
        };

        /// <summary>
        /// The handler that runs this operation, looking through nested lambdas and local functions up to the member
        /// (an operation inside <c>items.Select(x => …)</c> in an action runs during that request).
        /// </summary>
        public HandlerKind EnclosingHandlerKind(IOperation operation, ISymbol? containingSymbol)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && IsMinimalApiHandler(lambda))
                {
                    return HandlerKind.MinimalApi;
                }
            }

            return containingSymbol is IMethodSymbol method ? KindOf(OutermostMethod(method)) : HandlerKind.None;
        }

        private static IMethodSymbol OutermostMethod(IMethodSymbol method)
        {
            while (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            return method;
        }

        private HandlerKind ComputeKind(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } type)
            {
                return HandlerKind.None;
            }

            if (IsMethodGroupHandler(method))
            {
                return HandlerKind.MinimalApi;
            }

            if (IsFunction(method))
            {
                return HandlerKind.AzureFunction;
            }

            if (IsGrpcServiceMethod(method))
            {
                return HandlerKind.GrpcServiceMethod;
            }

            if (method.IsStatic || method.DeclaredAccessibility != Accessibility.Public || method.IsAbstract)
            {
                return HandlerKind.None;
            }

            if (_pageModel is not null && InheritsFrom(type, _pageModel) && IsPageHandlerName(method.Name))
            {
                return HandlerKind.RazorPageHandler;
            }

            if (_hub is not null && InheritsFrom(type, _hub) && method.Name != nameof(IDisposable.Dispose) && !IsObjectOverride(method))
            {
                return HandlerKind.SignalRHubMethod;
            }

            if (IsController(type) && !method.IsGenericMethod && !HasAttribute(method, _nonActionAttribute)
                && method.Name != nameof(IDisposable.Dispose) && !IsObjectOverride(method))
            {
                return HandlerKind.ControllerAction;
            }

            return HandlerKind.None;
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (_controllerBase is null || type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic
                || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (HasAttribute(current, _nonControllerAttribute))
                {
                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(current, _controllerBase)
                    || HasAttribute(current, _controllerAttribute) || HasAttribute(current, _apiControllerAttribute))
                {
                    return true;
                }
            }

            // MVC's convention: a public non-abstract class whose name ends in "Controller" is a controller.
            return type.Name.EndsWith("Controller", StringComparison.Ordinal);
        }

        private static bool IsPageHandlerName(string name)
        {
            if (!name.StartsWith("On", StringComparison.Ordinal))
            {
                return false;
            }

            var rest = name.Substring(2);
            foreach (var verb in new[] { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" })
            {
                if (rest.StartsWith(verb, StringComparison.Ordinal)
                    && (rest.Length == verb.Length || char.IsUpper(rest[verb.Length])))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsGrpcServiceMethod(IMethodSymbol method)
        {
            if (_bindServiceMethodAttribute is null || !method.IsOverride)
            {
                return false;
            }

            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (HasAttribute(overridden.ContainingType, _bindServiceMethodAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsFunction(IMethodSymbol method)
        {
            if (_workerFunctionAttribute is not null && HasAttribute(method, _workerFunctionAttribute)
                && method.Parameters.Any(p => HasAttribute(p, _workerHttpTriggerAttribute)))
            {
                return true;
            }

            return _webJobsFunctionNameAttribute is not null && HasAttribute(method, _webJobsFunctionNameAttribute)
                && method.Parameters.Any(p => HasAttribute(p, _webJobsHttpTriggerAttribute));
        }

        private bool IsEndpointMapping(IMethodSymbol method)
        {
            // Map, MapGet, MapPost, MapPut, MapDelete, MapPatch, MapMethods, MapFallback: extension methods of
            // Microsoft.AspNetCore.Builder on IEndpointRouteBuilder (RouteGroupBuilder implements it, so MapGroup chains count).
            var definition = method.ReducedFrom ?? method;
            return _endpointRouteBuilder is not null
                && definition.IsExtensionMethod
                && definition.Name.StartsWith("Map", StringComparison.Ordinal)
                && definition.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder"
                && definition.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, _endpointRouteBuilder);
        }

        private bool IsHandlerParameterType(ITypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, _delegate) || SymbolEqualityComparer.Default.Equals(type, _requestDelegate));

        /// <summary>
        /// Whether the method is passed as an endpoint delegate (a method group): among the <c>Map…</c> calls of the call-name
        /// walk that spell its name in their arguments, only those whose syntax may name this very method are bound (each
        /// once per compilation, whichever method asks). A method group always spells its method's name, so the calls left
        /// unbound cannot pass it.
        /// </summary>
        private bool IsMethodGroupHandler(IMethodSymbol method)
        {
            if (_endpointRouteBuilder is null)
            {
                return false;
            }

            OperationsAcrossTrees? operations = null;
            foreach (var invocation in _mapCallsByArgumentName.Value[method.Name])
            {
                if (MayPassMethodGroup(invocation, method)
                    && _methodGroupsPassed.GetOrAdd(invocation, i => MethodGroupsPassedBy(i, operations ??= new OperationsAcrossTrees(_compilation))).Contains(method, SymbolEqualityComparer.Default))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The methods a <c>Map…</c> call passes as endpoint delegates (method groups), bound.</summary>
        private ImmutableArray<IMethodSymbol> MethodGroupsPassedBy(InvocationExpressionSyntax invocation, OperationsAcrossTrees operations)
        {
            if (operations.Of(invocation) is not IInvocationOperation operation || !IsEndpointMapping(operation.TargetMethod))
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var passed = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var argument in operation.Arguments)
            {
                if (IsHandlerParameterType(argument.Parameter?.Type)
                    && Unwrap(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                {
                    passed.Add(reference.Method.OriginalDefinition);
                }
            }

            return passed.ToImmutable();
        }

        /// <summary>
        /// Whether a <c>Map…</c> call's arguments may name <paramref name="method"/> as a method group, read from syntax. Binding
        /// a call binds its whole enclosing member, and an app that repeats a handler's name in every module would bind every
        /// module's endpoints for one question. A simple name (<c>MapGet("/", RelatedAsync)</c>) is bound only where it may
        /// find the method (<see cref="StaticCallSites.SimpleNameMayFind"/>); any other spelling (<c>Handlers.RelatedAsync</c>,
        /// a cast) is bound.
        /// </summary>
        private bool MayPassMethodGroup(InvocationExpressionSyntax invocation, IMethodSymbol method)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                switch (argument.Expression)
                {
                    case AnonymousFunctionExpressionSyntax:
                        continue;
                    case IdentifierNameSyntax name:
                        if (name.Identifier.ValueText == method.Name && _callSites.SimpleNameMayFind(name, method.ContainingType))
                        {
                            return true;
                        }

                        continue;
                    default:
                        if (argument.Expression.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == method.Name))
                        {
                            return true;
                        }

                        continue;
                }
            }

            return false;
        }

        /// <summary>
        /// The <c>Map…</c> calls that may pass a method group (an argument is a name or a member access), by each identifier
        /// their arguments other than lambdas spell, in source order: syntax only, built once per compilation.
        /// </summary>
        private ILookup<string, InvocationExpressionSyntax> IndexMapCallsByArgumentName()
        {
            var pairs = new System.Collections.Generic.List<(string Name, InvocationExpressionSyntax Invocation)>();
            foreach (var invocation in CallNameGraph.For(_compilation).MapCalls)
            {
                if (!invocation.ArgumentList.Arguments.Any(a => a.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax))
                {
                    continue;
                }

                var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is AnonymousFunctionExpressionSyntax)
                    {
                        continue;
                    }

                    foreach (var token in argument.Expression.DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.IdentifierToken) && names.Add(token.ValueText))
                        {
                            pairs.Add((token.ValueText, invocation));
                        }
                    }
                }
            }

            return pairs.ToLookup(p => p.Name, p => p.Invocation, StringComparer.Ordinal);
        }

        private static IOperation Unwrap(IOperation operation) =>
            operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsObjectOverride(IMethodSymbol method)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (overridden.ContainingType.SpecialType == SpecialType.System_Object)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType) =>
            attributeType is not null
            && symbol.GetAttributes().Any(a => a.AttributeClass is { } c && (SymbolEqualityComparer.Default.Equals(c, attributeType) || InheritsFrom(c, attributeType)));
    }
}
