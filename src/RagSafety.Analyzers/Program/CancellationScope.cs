using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Where a cancellation token comes from: the nearest enclosing function (a lambda or local function without one is
    /// not crossed), its <c>CancellationToken</c> parameter or the token of an <c>HttpContext</c> / gRPC
    /// <c>ServerCallContext</c> parameter, a SignalR hub's <c>Context.ConnectionAborted</c>; which token argument a call left
    /// out or passed as a default; and whether an async stream is enumerated with a token. Types are resolved once per compilation.
    /// </summary>
    internal sealed class CancellationScope
    {
        private readonly INamedTypeSymbol _cancellationToken;
        private readonly INamedTypeSymbol? _httpContext;
        private readonly INamedTypeSymbol? _serverCallContext;
        private readonly INamedTypeSymbol? _controllerBase;
        private readonly INamedTypeSymbol? _pageModel;
        private readonly INamedTypeSymbol? _hub;
        private readonly INamedTypeSymbol? _httpContextAccessor;
        private readonly INamedTypeSymbol? _asyncEnumerable;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _obsolete;
        private readonly ConcurrentDictionary<IMethodSymbol, string> _tokenOverloads = new(SymbolEqualityComparer.Default);

        private CancellationScope(Compilation compilation, INamedTypeSymbol cancellationToken)
        {
            _cancellationToken = cancellationToken;
            _httpContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext");
            _serverCallContext = compilation.GetTypeByMetadataName("Grpc.Core.ServerCallContext");
            _controllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            _pageModel = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            _hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
            _httpContextAccessor = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IHttpContextAccessor");
            _asyncEnumerable = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
            _enumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            _obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        }

        public static CancellationScope? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is { } token ? new CancellationScope(compilation, token) : null;

        public bool IsCancellationToken(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _cancellationToken);

        /// <summary>
        /// The nearest function around the operation (lambda, anonymous method, local function, or the member) and its
        /// handler kind (a lambda counts only when it is itself the minimal-API delegate; a local function never).
        /// </summary>
        public static (IMethodSymbol? Function, HandlerKind Kind) NearestFunction(IOperation operation, ISymbol? containingSymbol, RequestHandlers handlers)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return (lambda.Symbol, handlers.IsMinimalApiHandler(lambda) ? HandlerKind.MinimalApi : HandlerKind.None);

                    case ILocalFunctionOperation localFunction:
                        return (localFunction.Symbol, HandlerKind.None);
                }
            }

            return containingSymbol is IMethodSymbol method ? (method, handlers.KindOf(method)) : (null, HandlerKind.None);
        }

        /// <summary>
        /// The token expression a function has at hand: its <c>CancellationToken</c> parameter, else
        /// <c>httpContext.RequestAborted</c> or <c>context.CancellationToken</c> of a parameter of those types.
        /// </summary>
        public string? TokenIn(IMethodSymbol function)
        {
            foreach (var parameter in function.Parameters)
            {
                if (parameter.RefKind is RefKind.None or RefKind.In && IsCancellationToken(parameter.Type))
                {
                    return Escape(parameter.Name);
                }
            }

            foreach (var parameter in function.Parameters)
            {
                if (parameter.RefKind != RefKind.None)
                {
                    continue;
                }

                if (Is(parameter.Type, _httpContext))
                {
                    return Escape(parameter.Name) + ".RequestAborted";
                }

                if (Is(parameter.Type, _serverCallContext))
                {
                    return Escape(parameter.Name) + ".CancellationToken";
                }
            }

            return null;
        }

        /// <summary>Whether an instance method can reach <c>HttpContext.RequestAborted</c> through its controller or page model.</summary>
        public bool HasHttpContextProperty(IMethodSymbol method)
        {
            if (method.IsStatic)
            {
                return false;
            }

            for (var type = method.ContainingType?.BaseType; type is not null; type = type.BaseType)
            {
                if (Is(type, _controllerBase) || Is(type, _pageModel))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>Context.ConnectionAborted</c> for a call in an instance method of a SignalR hub, where <c>Context</c> names the
        /// hub's own property (nothing in scope hides it); null elsewhere. SignalR binds no token to ordinary hub methods, and
        /// the connection's token is the one that fires when the caller goes away.
        /// </summary>
        public string? ConnectionAbortedAt(IMethodSymbol method, IOperation operation)
        {
            if (method.IsStatic || _hub is null || operation.SemanticModel is not { } model || !DerivesFrom(method.ContainingType, _hub))
            {
                return null;
            }

            var found = model.LookupSymbols(operation.Syntax.SpanStart, name: "Context");
            return found.Length == 1 && found[0] is IPropertySymbol property && Is(property.ContainingType, _hub)
                ? "Context.ConnectionAborted"
                : null;
        }

        /// <summary>
        /// Whether the type holds an <c>IHttpContextAccessor</c> (a field, a property or a primary-constructor parameter): its
        /// methods can read the request's token from <c>HttpContext.RequestAborted</c> without a parameter.
        /// </summary>
        public bool HoldsHttpContextAccessor(INamedTypeSymbol? type)
        {
            if (type is null || _httpContextAccessor is null)
            {
                return false;
            }

            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.Parameters.FirstOrDefault(p => Is(p.Type, _httpContextAccessor))?.Type,
                    _ => null,
                };
                if (Is(memberType, _httpContextAccessor))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The <c>CancellationToken</c> argument a call passes explicitly as <c>default</c>, <c>default(CancellationToken)</c>,
        /// <c>CancellationToken.None</c> or <c>new CancellationToken()</c>: the parameter's name, the argument's index in the
        /// written list, and the argument as written.
        /// </summary>
        public (string Parameter, int Index, string Text)? ExplicitDefaultToken(IInvocationOperation invocation)
        {
            if (invocation.Syntax is not InvocationExpressionSyntax { ArgumentList: { } list })
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && IsCancellationToken(parameter.Type) && argument.ArgumentKind == ArgumentKind.Explicit
                    && argument.Syntax is ArgumentSyntax written && IsDefaultToken(argument.Value))
                {
                    var index = list.Arguments.IndexOf(written);
                    return index < 0 ? null : (parameter.Name, index, written.Expression.ToString());
                }
            }

            return null;
        }

        /// <summary><c>default</c>, <c>default(CancellationToken)</c>, <c>CancellationToken.None</c> or <c>new CancellationToken()</c> / <c>(false)</c>.</summary>
        public bool IsDefaultToken(IOperation value) => value.WithoutConversions() switch
        {
            IDefaultValueOperation => true,
            IPropertyReferenceOperation { Property: { Name: "None", IsStatic: true } property } => IsCancellationToken(property.ContainingType),
            IObjectCreationOperation creation => IsCancellationToken(creation.Type)
                && creation.Arguments.All(a => a.Value.ConstantValue is { HasValue: true, Value: false }),
            _ => false,
        };

        /// <summary>
        /// The optional <c>CancellationToken</c> parameter the call left to its default: its name, and whether the token can be
        /// appended positionally (every earlier parameter has a positional argument and no argument is named).
        /// </summary>
        public (string Parameter, bool Positional)? OmittedToken(IInvocationOperation invocation)
        {
            IParameterSymbol? omitted = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && IsCancellationToken(parameter.Type))
                {
                    if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        // A token is passed already (never pass twice).
                        return null;
                    }

                    omitted ??= parameter;
                }
            }

            if (omitted is null || invocation.Syntax is not InvocationExpressionSyntax { ArgumentList: { } list })
            {
                return null;
            }

            var index = omitted.Ordinal - (IsReceiverForm(invocation) ? 1 : 0);
            var positional = list.Arguments.Count == index && list.Arguments.All(a => a.NameColon is null);
            return (omitted.Name, positional);
        }

        /// <summary>
        /// For a call to a method that takes no token and ends with <c>params T[]</c> (OpenAI's
        /// <c>CompleteChatAsync(params ChatMessage[])</c>): the token parameter's name of the overload that takes the same
        /// leading parameters, an <c>IEnumerable&lt;T&gt;</c> in place of the array, then only optional parameters with a
        /// token among them; and the index in the argument list where the expanded <c>params</c> arguments start (null
        /// when the call passes an array, which converts as it is). Overloads are looked up once per method.
        /// </summary>
        public (string Parameter, int? ExpandedFrom)? TokenOverload(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Parameters.Length == 0 || !method.Parameters[method.Parameters.Length - 1].IsParams
                || method.Parameters.Any(p => IsCancellationToken(p.Type))
                || invocation.Syntax is not InvocationExpressionSyntax { ArgumentList: { } list } || list.Arguments.Any(a => a.NameColon is not null))
            {
                return null;
            }

            var name = _tokenOverloads.GetOrAdd(method.OriginalDefinition, FindTokenOverload);
            if (name.Length == 0)
            {
                return null;
            }

            var paramsArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.IsParams == true);
            if (paramsArgument is null || paramsArgument.ArgumentKind != ArgumentKind.ParamArray)
            {
                return (name, null);
            }

            // Expanded form: the params arguments are the list's last ones (no named arguments, checked above).
            return (name, method.Parameters.Length - 1 - (IsReceiverForm(invocation) ? 1 : 0));
        }

        /// <summary>An extension method called on its receiver: the list has one argument fewer than the method has parameters.</summary>
        private static bool IsReceiverForm(IInvocationOperation invocation) =>
            invocation.TargetMethod.IsExtensionMethod
            && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { ArgumentKind: ArgumentKind.Explicit } first
            && first.Syntax is not ArgumentSyntax;

        private string FindTokenOverload(IMethodSymbol method)
        {
            var last = method.Parameters.Length - 1;
            if (_enumerable is null || method.Parameters[last].Type is not IArrayTypeSymbol { Rank: 1 } array || method.ContainingType is null)
            {
                return string.Empty;
            }

            foreach (var overload in method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (overload.IsStatic != method.IsStatic || overload.Arity != method.Arity || overload.Parameters.Length <= method.Parameters.Length
                    || overload.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _obsolete)))
                {
                    continue;
                }

                var matches = true;
                for (var i = 0; i < last && matches; i++)
                {
                    matches = overload.Parameters[i].RefKind == method.Parameters[i].RefKind
                        && SymbolEqualityComparer.Default.Equals(overload.Parameters[i].Type, method.Parameters[i].Type);
                }

                if (!matches
                    || overload.Parameters[last].Type is not INamedTypeSymbol { TypeArguments.Length: 1 } sequence
                    || !SymbolEqualityComparer.Default.Equals(sequence.OriginalDefinition, _enumerable)
                    || !SymbolEqualityComparer.Default.Equals(sequence.TypeArguments[0], array.ElementType))
                {
                    continue;
                }

                var rest = overload.Parameters.Skip(last + 1).ToList();
                if (rest.All(p => p.IsOptional) && rest.FirstOrDefault(p => IsCancellationToken(p.Type)) is { } token)
                {
                    return token.Name;
                }
            }

            return string.Empty;
        }

        /// <summary>
        /// Whether the async stream the call returns is enumerated with a token: handed to <c>WithCancellation(token)</c> (also
        /// after <c>ConfigureAwait(…)</c>), or to a consumer that takes it and a token it is given (<c>ToListAsync(ct)</c>,
        /// <c>ToChatResponseAsync(ct)</c>, <c>FirstAsync(ct)</c>), also through stream operators in between
        /// (<c>.Where(…).ToListAsync(ct)</c>). A consumer enumerates its source with its own token, and an async iterator
        /// receives it through <c>[EnumeratorCancellation]</c>.
        /// </summary>
        public bool IsEnumeratedWithToken(IInvocationOperation invocation)
        {
            IOperation current = invocation;
            for (var hops = 0; hops < 6; hops++)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    parent = parent.Parent;
                }

                IInvocationOperation next;
                var receivesStream = false;
                if (parent is IArgumentOperation { Parent: IInvocationOperation extension } argument && argument.Parameter?.Ordinal == 0 && extension.TargetMethod.IsExtensionMethod)
                {
                    next = extension;
                    receivesStream = IsAsyncEnumerable(argument.Parameter.Type);
                }
                else if (parent is IInvocationOperation { Instance: not null } instanceCall)
                {
                    next = instanceCall;
                }
                else
                {
                    return false;
                }

                switch (next.TargetMethod.Name)
                {
                    case "WithCancellation":
                        return true;
                    case "ConfigureAwait":
                        current = next;
                        continue;
                }

                if (!receivesStream)
                {
                    return false;
                }

                if (next.Arguments.Any(a => a.Parameter is { } p && IsCancellationToken(p.Type) && a.ArgumentKind != ArgumentKind.DefaultValue && !IsDefaultToken(a.Value)))
                {
                    return true;
                }

                if (!IsAsyncEnumerable(next.Type))
                {
                    // A consumer without a token of its own: the stream is enumerated without one.
                    return false;
                }

                current = next;
            }

            return false;
        }

        /// <summary>Whether the type is <c>IAsyncEnumerable&lt;T&gt;</c>.</summary>
        public bool IsAsyncEnumerable(ITypeSymbol? type) => Is(type, _asyncEnumerable);

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol expected)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, expected))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Escape(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.AwaitKeyword
                ? "@" + name
                : name;

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
