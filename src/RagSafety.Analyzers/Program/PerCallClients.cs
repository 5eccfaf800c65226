using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>How a new client is used; only short-lived uses and per-instance members count as per call.</summary>
    internal enum ClientUse
    {
        None,

        /// <summary>The initializer of a local that is not stored, returned or registered.</summary>
        Local,

        /// <summary>The receiver of a call: <c>new HttpClient().GetStringAsync(…)</c>.</summary>
        Receiver,

        /// <summary>An HttpClient handed to an AI connector (a ConnectorSink parameter).</summary>
        SinkArgument,

        /// <summary>Stored in a field or property of the creating type (assignment or initializer).</summary>
        Member,

        /// <summary>Returned by the method that creates it (directly or through a local that nothing else keeps).</summary>
        Returned,
    }

    /// <summary>A client creation that runs per call (RAG032), and how.</summary>
    internal sealed class PerCallCreation
    {
        public PerCallCreation(ClientUse use, ILocalSymbol? local, string where)
        {
            Use = use;
            Local = local;
            Where = where;
        }

        public ClientUse Use { get; }

        /// <summary>The local the client initializes (<see cref="ClientUse.Local"/>).</summary>
        public ILocalSymbol? Local { get; }

        /// <summary>Where it runs per call, for the message: <c>in request handler 'AskController.Get'</c>, <c>inside a loop</c>, ….</summary>
        public string Where { get; }
    }

    /// <summary>
    /// Whether a new <c>HttpClient</c> or AI SDK client (a concrete class catalogued as a thread-safe client) is created per
    /// call: in a request handler, inside a loop or per-item lambda, in an app method a handler reaches, or in the
    /// constructor (or an instance field initializer) of a type the framework or DI creates per request. RAG032 reports
    /// these; RAG030 stays silent on them (RAG032's fix shares the client and sets its timeout). One instance per
    /// compilation; the per-request answer for a type is cached.
    /// </summary>
    internal sealed class PerCallClients
    {
        private static readonly ConditionalWeakTable<Compilation, PerCallClients> Cache = new();

        private readonly Compilation _compilation;
        private readonly RagSafetyContext _rag;
        private readonly INamedTypeSymbol? _httpClient;
        private readonly INamedTypeSymbol? _httpMessageHandler;
        private readonly INamedTypeSymbol? _parallel;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _list;
        private readonly ConcurrentDictionary<INamedTypeSymbol, string> _perRequestTypes = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _usedOnceByCallers = new(SymbolEqualityComparer.Default);

        private PerCallClients(Compilation compilation, RagSafetyContext rag)
        {
            _compilation = compilation;
            _rag = rag;
            _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            _httpMessageHandler = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageHandler");
            _parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
            _enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            _list = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        }

        public static PerCallClients Get(Compilation compilation, RagSafetyContext rag) =>
            Cache.GetValue(compilation, c => new PerCallClients(c, rag));

        public INamedTypeSymbol? HttpClient => _httpClient;

        /// <summary>
        /// The creation when it runs per call, or null. <paramref name="containingSymbol"/> is the member being analyzed: a
        /// method (its lambdas included) or a field or property whose initializer holds the creation.
        /// </summary>
        public PerCallCreation? Find(IObjectCreationOperation creation, ISymbol? containingSymbol, CancellationToken cancellationToken)
        {
            if (creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !IsClient(type) || UsesExistingConnection(creation))
            {
                return null;
            }

            var use = UseOf(creation, out var local, out var member);
            if (use == ClientUse.None)
            {
                return null;
            }

            var where = containingSymbol switch
            {
                IMethodSymbol method => InMethod(creation, method, use, member, cancellationToken),
                IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } when use == ClientUse.Member && creation.EnclosingFunction() is null =>
                    PerRequestReason(containingSymbol.ContainingType) is { } reason ? "in a field initializer of '" + containingSymbol.ContainingType.Name + "', " + reason : null,
                _ => null,
            };
            return where is null ? null : new PerCallCreation(use, local, where);
        }

        /// <summary>A concrete class of the type's own class chain is catalogued as a thread-safe client (HttpClient, OpenAI's ChatClient, QdrantClient, …).</summary>
        public bool IsClient(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (!current.IsAbstract && _rag.Apis.IsCataloguedType(current, ApiRole.ThreadSafeClient))
                {
                    return true;
                }
            }

            return false;
        }

        private string? InMethod(IObjectCreationOperation creation, IMethodSymbol member, ClientUse use, ISymbol? stored, CancellationToken cancellationToken)
        {
            if (use == ClientUse.Member && IsLazyInitialization(creation, stored))
            {
                return null;
            }

            // A method that returns a new client is a factory: per call only when a handler reaches it and every caller
            // uses what it returns once (a local, an argument, a receiver) rather than keeping it (a field, a cache, DI).
            if (use == ClientUse.Returned)
            {
                return member.MethodKind == MethodKind.Ordinary
                    && !SymbolEqualityComparer.Default.Equals(member, _compilation.GetEntryPoint(cancellationToken))
                    && HandlerReachability.Get(_compilation, _rag).FindCallingHandler(member) is { } caller
                    && CallersUseOnce(member, cancellationToken)
                        ? "in '" + CallChain.Display(member) + "', which returns it to callers that use it once, called from request handler '" + caller + "'"
                        : null;
            }

            if (_rag.Handlers.EnclosingHandlerKind(creation, member) != HandlerKind.None)
            {
                return "in request handler '" + HandlerName(creation, member) + "'";
            }

            var outermost = Outermost(member);
            if (IsInLoop(creation))
            {
                // A loop directly in a registration extension (services.AddPlugins()) runs once, at start-up.
                var startUp = creation.EnclosingFunction() is null && StartUpCode.IsRegistrationExtension(outermost);
                return startUp ? null : "inside a loop";
            }

            if (outermost.MethodKind == MethodKind.Constructor)
            {
                return creation.EnclosingFunction() is null && PerRequestReason(outermost.ContainingType) is { } reason
                    ? "in the constructor of '" + outermost.ContainingType.Name + "', " + reason
                    : null;
            }

            if (outermost.MethodKind == MethodKind.Ordinary
                && !SymbolEqualityComparer.Default.Equals(outermost, _compilation.GetEntryPoint(cancellationToken))
                && HandlerReachability.Get(_compilation, _rag).FindCallingHandler(outermost) is { } handler)
            {
                return "in '" + CallChain.Display(outermost) + "', called from request handler '" + handler + "'";
            }

            return null;
        }

        /// <summary>
        /// Why instances of the type are created per request, or null: it declares controller actions, Razor Pages handlers,
        /// hub methods, gRPC service methods or HTTP-triggered functions (the framework creates one per request or call), or
        /// DI registers it as scoped or transient and never as a singleton.
        /// </summary>
        public string? PerRequestReason(INamedTypeSymbol? type)
        {
            if (type is null || type.IsStatic || type.IsAbstract || type.TypeKind != TypeKind.Class)
            {
                return null;
            }

            var reason = _perRequestTypes.GetOrAdd(type.OriginalDefinition, ComputePerRequestReason);
            return reason.Length == 0 ? null : reason;
        }

        private string ComputePerRequestReason(INamedTypeSymbol type)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.IsStatic)
                {
                    continue;
                }

                switch (_rag.Handlers.KindOf(method))
                {
                    case HandlerKind.ControllerAction:
                    case HandlerKind.RazorPageHandler:
                        return "which ASP.NET Core creates for every request";
                    case HandlerKind.SignalRHubMethod:
                        return "which SignalR creates for every hub method call";
                    case HandlerKind.GrpcServiceMethod:
                        return "which gRPC creates for every call";
                    case HandlerKind.AzureFunction:
                        return "which the Functions host creates for every invocation";
                }
            }

            if (ServiceRegistrations.For(_compilation).ShortLivedProviding(type) is { } registration)
            {
                var lifetime = registration.Lifetime == ServiceLifetimeKind.Scoped ? "one instance per request scope" : "a new instance for every resolution";
                return "registered with '" + registration.Describe(type) + "' (" + lifetime + ")";
            }

            return string.Empty;
        }

        /// <summary>
        /// The new client wraps an existing HttpClient or handler (<c>new HttpClient(sharedHandler, false)</c>, an SDK client
        /// over a shared HttpClient transport): the connections are pooled by the shared object, so it is not reported.
        /// </summary>
        private bool UsesExistingConnection(IObjectCreationOperation creation)
        {
            foreach (var operation in creation.Descendants())
            {
                if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation)
                    || operation.Type is not INamedTypeSymbol type)
                {
                    continue;
                }

                if ((InheritsFrom(type, _httpClient) || InheritsFrom(type, _httpMessageHandler)) && !IsNewLocal(operation))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A local whose only value is a handler created just before (<c>var handler = new HttpClientHandler(); new
        /// HttpClient(handler)</c>): a new connection pool with the client, not an existing one.
        /// </summary>
        private bool IsNewLocal(IOperation operation)
        {
            if (operation is not ILocalReferenceOperation { Local: { } local } reference
                || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                || reference.SemanticModel?.GetOperation(initializer) is not { } initialValue
                || initialValue.WithoutConversions() is not IObjectCreationOperation handler
                || UsesExistingConnection(handler))
            {
                return false;
            }

            // Assigned again, the local may hold a shared handler.
            foreach (var other in reference.Root().Descendants().OfType<ILocalReferenceOperation>())
            {
                if (SymbolEqualityComparer.Default.Equals(other.Local, local) && other.Parent is IAssignmentOperation assignment && assignment.Target == other)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>How the new client is used; a returned, registered or other object's client is not per call.</summary>
        private ClientUse UseOf(IObjectCreationOperation creation, out ILocalSymbol? local, out ISymbol? member)
        {
            local = null;
            member = null;

            // The inner client of a Microsoft.Extensions.AI pipeline lives as long as the pipeline: its use decides.
            var value = PipelineOf(Outer(creation));
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    local = declarator.Symbol;
                    return EscapeOf(declarator) switch
                    {
                        Escape.None => ClientUse.Local,
                        Escape.Returned => creation.EnclosingFunction() is null ? ClientUse.Returned : ClientUse.None,
                        _ => ClientUse.None,
                    };

                case IReturnOperation when creation.EnclosingFunction() is null:
                    return ClientUse.Returned;

                case IInvocationOperation invocation when invocation.Instance == value:
                    return ClientUse.Receiver;

                case IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } }:
                    // The receiver of an extension call: new HttpClient().GetFromJsonAsync<T>(…).
                    return ClientUse.Receiver;

                case IArgumentOperation argument when IsSink(argument):
                    return ClientUse.SinkArgument;

                case ISimpleAssignmentOperation assignment when assignment.Value == value && OwnMember(assignment.Target) is { } target:
                    member = target;
                    return ClientUse.Member;

                case IFieldInitializerOperation { InitializedFields.Length: 1 } field when !field.InitializedFields[0].IsStatic:
                    member = field.InitializedFields[0];
                    return ClientUse.Member;

                case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property when !property.InitializedProperties[0].IsStatic:
                    member = property.InitializedProperties[0];
                    return ClientUse.Member;

                default:
                    return ClientUse.None;
            }
        }

        /// <summary>
        /// A client wrapped into a Microsoft.Extensions.AI pipeline (<c>new ChatClientBuilder(client)</c>,
        /// <c>client.AsBuilder()</c>, then <c>.Use…()</c> and <c>.Build()</c>): the outermost expression of the fluent chain,
        /// while its calls return a builder or a client; the value itself otherwise.
        /// </summary>
        private IOperation PipelineOf(IOperation value)
        {
            var current = value;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                // ((IChatClient)new OllamaApiClient(…)).AsBuilder(): the cast picks the chat pipeline.
                current = current.Parent;
            }

            if (current.Parent is IArgumentOperation { Parameter: { } parameter } argument
                && (argument.Parent is IObjectCreationOperation { Type: { } created } && IsPipelineBuilder(created) && parameter.Ordinal == 0
                    || argument.Parent is IInvocationOperation { Instance: null, TargetMethod: { IsExtensionMethod: true, Name: "AsBuilder" } } && parameter.Ordinal == 0))
            {
                current = Outer(argument.Parent!);
            }
            else
            {
                return value;
            }

            while (true)
            {
                var next = current.Parent switch
                {
                    IInvocationOperation invocation when invocation.Instance == current && IsPipelineStep(invocation.Type) => invocation,
                    IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } invocation }
                        when IsPipelineStep(invocation.Type) => invocation,
                    _ => null,
                };
                if (next is null)
                {
                    return current;
                }

                current = Outer(next);
            }
        }

        private static bool IsPipelineBuilder(ITypeSymbol type) =>
            type.Name is "ChatClientBuilder" or "EmbeddingGeneratorBuilder" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.AI";

        private bool IsPipelineStep(ITypeSymbol? type) => type is not null && (IsPipelineBuilder(type) || _rag.Apis.TypeHasRole(type, ApiRole.ThreadSafeClient));

        /// <summary>A field or property of the creating type itself (<c>_client</c>, <c>this._client</c>, a static <c>Client</c>).</summary>
        private static ISymbol? OwnMember(IOperation target) => target switch
        {
            IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => property.Property.OriginalDefinition,
            _ => null,
        };

        /// <summary>The assignment is guarded by a test of the same member (<c>if (_client == null) _client = new …</c>): created once.</summary>
        private static bool IsLazyInitialization(IOperation creation, ISymbol? member)
        {
            for (var current = creation.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalOperation conditional
                    && conditional.Condition.DescendantsAndSelf().Any(o => o switch
                    {
                        IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, member),
                        IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, member),
                        _ => false,
                    }))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Outer(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion;
            }

            return operation;
        }

        /// <summary>Whether the argument is an HttpClient handed to an AI connector (a ConnectorSink parameter).</summary>
        private bool IsSink(IArgumentOperation argument)
        {
            if (argument.Parameter is not { } parameter || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return false;
            }

            var definition = method.ReducedFrom ?? method;
            var name = definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name;
            return definition.ContainingType is { } type && _rag.Apis.MemberEntries(type, name, ApiRole.ConnectorSink).Any(e => e.Parameter == parameter.Name);
        }

        /// <summary>How a local's value leaves the function, if it does.</summary>
        private enum Escape
        {
            None,

            /// <summary>Only by the function's own <c>return</c>.</summary>
            Returned,

            /// <summary>Stored in a field, property or element, returned from a lambda, or added to a collection or DI.</summary>
            Kept,
        }

        /// <summary>The local is stored in a field, property or element, returned (also from a factory lambda), or added to a collection or DI.</summary>
        private bool Escapes(IVariableDeclaratorOperation declarator) => EscapeOf(declarator) != Escape.None;

        private Escape EscapeOf(IVariableDeclaratorOperation declarator)
        {
            var escape = Escape.None;
            foreach (var reference in declarator.Root().Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol))
                {
                    continue;
                }

                // A pipeline over the local (new ChatClientBuilder(client)…Build()) that is returned or stored keeps the client.
                var value = PipelineOf(Outer(reference));
                switch (value.Parent)
                {
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation pipeline } when !SymbolEqualityComparer.Default.Equals(pipeline.Symbol, declarator.Symbol)
                        && value != Outer(reference):
                        var through = EscapeOf(pipeline);
                        if (through == Escape.Kept)
                        {
                            return Escape.Kept;
                        }

                        escape = through == Escape.Returned ? Escape.Returned : escape;
                        break;
                    case ISimpleAssignmentOperation assignment when assignment.Value == value
                        && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation:
                    case ICoalesceAssignmentOperation coalesce when coalesce.Value == value:
                        return Escape.Kept;
                    case IReturnOperation returned:
                        if (returned.EnclosingFunction() is not null)
                        {
                            return Escape.Kept;
                        }

                        escape = Escape.Returned;
                        break;
                    case IArgumentOperation argument when !IsSink(argument) && argument.Parent is IInvocationOperation invocation && IsStoringCall(invocation.TargetMethod):
                        return Escape.Kept;
                }
            }

            return escape;
        }

        /// <summary>
        /// Whether the app calls the factory method somewhere and every call site uses the client it returns once: as a
        /// local that nothing keeps, an argument of a call whose result is not stored in a member, or a receiver. A call
        /// site that keeps it (a field, <c>??=</c>, a cache or <c>Lazy</c> through a lambda, DI, a collection, a return)
        /// makes the factory a real factory. The call sites are read in the methods whose names can reach the factory's
        /// (<see cref="CallNameGraph.NamesReaching"/>), once per factory.
        /// </summary>
        private bool CallersUseOnce(IMethodSymbol factory, CancellationToken cancellationToken) =>
            _usedOnceByCallers.GetOrAdd(factory.OriginalDefinition, f => ComputeCallersUseOnce(f, cancellationToken));

        private bool ComputeCallersUseOnce(IMethodSymbol factory, CancellationToken cancellationToken)
        {
            var names = CallNameGraph.For(_compilation);
            var name = CallNameGraph.DeclaredName(factory);
            var seen = new HashSet<MethodDeclarationSyntax>();
            var called = false;
            foreach (var callerName in names.NamesReaching(new[] { name }))
            {
                foreach (var declaration in names.MethodDeclarationsNamed(callerName))
                {
                    if (!seen.Add(declaration))
                    {
                        continue;
                    }

                    foreach (var invocation in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        var invoked = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                            _ => null,
                        };
                        if (invoked != factory.Name)
                        {
                            continue;
                        }

#pragma warning disable RS1030 // Callers live in other files; the analyzer driver serves cached semantic models.
                        var operation = _compilation.GetSemanticModel(invocation.SyntaxTree).GetOperation(invocation, cancellationToken);
#pragma warning restore RS1030
                        if (operation is not IInvocationOperation call
                            || !SymbolEqualityComparer.Default.Equals((call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition, factory))
                        {
                            continue;
                        }

                        called = true;
                        if (!IsUsedOnce(call))
                        {
                            return false;
                        }
                    }
                }
            }

            return called;
        }

        /// <summary>The client a call returns is used once: a local nothing keeps, a receiver, or an argument of a call whose result is not stored in a member.</summary>
        private bool IsUsedOnce(IInvocationOperation call)
        {
            var value = Outer(call);
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return EscapeOf(declarator) == Escape.None;
                case IInvocationOperation invocation when invocation.Instance == value:
                    return true;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation or IObjectCreationOperation:
                    if (argument.Parent is IInvocationOperation target && IsStoringCall(target.TargetMethod) && !IsSink(argument))
                    {
                        return false;
                    }

                    // The client wrapped by the call's result lives as long as that result: stored in a member, it is kept.
                    var result = Outer(argument.Parent!);
                    return !(result.Parent is ISimpleAssignmentOperation { Target: IFieldReferenceOperation or IPropertyReferenceOperation } assignment && assignment.Value == result
                        || result.Parent is ICoalesceAssignmentOperation or IReturnOperation or IFieldInitializerOperation or IPropertyInitializerOperation);
                default:
                    return false;
            }
        }

        private static bool IsStoringCall(IMethodSymbol method)
        {
            var name = method.Name;
            return name.StartsWith("Add", System.StringComparison.Ordinal) || name.StartsWith("TryAdd", System.StringComparison.Ordinal)
                || name is "Enqueue" or "Push" or "Insert" or "GetOrAdd" or "AddOrUpdate" or "Set";
        }

        private string HandlerName(IOperation operation, IMethodSymbol member)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && _rag.Handlers.IsMinimalApiHandler(lambda))
                {
                    return HandlerReachability.DisplayLambdaHandler(lambda);
                }
            }

            return CallChain.Display(Outermost(member));
        }

        private static IMethodSymbol Outermost(IMethodSymbol method)
        {
            while (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            return method;
        }

        /// <summary>Inside the body of a loop of the same function, or of a per-item lambda (Parallel.For/ForEach, Select, List.ForEach).</summary>
        private bool IsInLoop(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation forEach when forEach.Collection == child:
                        continue;
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation lambda:
                        return IsPerItemLambda(lambda);
                    case ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private bool IsPerItemLambda(IAnonymousFunctionOperation lambda)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            return (SymbolEqualityComparer.Default.Equals(type, _parallel) && method.Name is "For" or "ForEach" or "ForEachAsync")
                || (SymbolEqualityComparer.Default.Equals(type, _enumerable) && method.Name is "Select" or "SelectMany")
                || (SymbolEqualityComparer.Default.Equals(type, _list) && method.Name == "ForEach");
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
