using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>The lifetime a DI registration gives its service.</summary>
    internal enum ServiceLifetimeKind
    {
        Singleton,
        Scoped,
        Transient,
    }

    /// <summary>
    /// One DI registration call on <c>Microsoft.Extensions.DependencyInjection.IServiceCollection</c>:
    /// <c>Add{Singleton,Scoped,Transient}</c>, <c>TryAdd…</c>, <c>AddKeyed…</c>, <c>TryAddKeyed…</c>, in the generic,
    /// <c>typeof</c>, instance and factory forms.
    /// </summary>
    internal sealed class ServiceRegistration
    {
        public ServiceRegistration(
            IInvocationOperation invocation,
            ServiceLifetimeKind lifetime,
            ITypeSymbol? serviceType,
            ITypeSymbol? implementationType,
            IOperation? instance,
            IOperation? factory,
            ImmutableArray<ITypeSymbol> providedTypes,
            bool intoKernelServices)
        {
            IntoKernelServices = intoKernelServices;
            Invocation = invocation;
            Lifetime = lifetime;
            ServiceType = serviceType;
            ImplementationType = implementationType;
            Instance = instance;
            Factory = factory;
            ProvidedTypes = providedTypes;
        }

        public IInvocationOperation Invocation { get; }

        /// <summary>
        /// Whether the registration goes into the own service collection of a kernel builder from <c>Kernel.CreateBuilder()</c>:
        /// its singletons live as long as that kernel, not the app (a builder from <c>services.AddKernel()</c> wraps the
        /// app's collection and is not one).
        /// </summary>
        public bool IntoKernelServices { get; }

        /// <summary>Whether this is a keyed registration (<c>AddKeyed…</c>, <c>TryAddKeyed…</c>).</summary>
        public bool IsKeyed => Method.Name.IndexOf("Keyed", StringComparison.Ordinal) >= 0;

        public IMethodSymbol Method => Invocation.TargetMethod;

        public ServiceLifetimeKind Lifetime { get; }

        /// <summary>The service type (type argument or <c>typeof</c> operand), when known.</summary>
        public ITypeSymbol? ServiceType { get; }

        /// <summary>The implementation type (second type argument or <c>typeof</c> operand), when given.</summary>
        public ITypeSymbol? ImplementationType { get; }

        /// <summary>The registered instance (instance form), without conversions.</summary>
        public IOperation? Instance { get; }

        /// <summary>The factory delegate (factory form), without conversions and delegate creation.</summary>
        public IOperation? Factory { get; }

        /// <summary>
        /// Every type the registration can hand out, most specific known first: the instance's type, the types the
        /// factory returns, the implementation type, the service type.
        /// </summary>
        public ImmutableArray<ITypeSymbol> ProvidedTypes { get; }

        /// <summary>
        /// The registration for messages: the generic name as written (<c>AddSingleton&lt;IEngine, QueryEngine&gt;</c>),
        /// or the method name with the type it hands out (<c>AddSingleton(ChatHistory)</c>).
        /// </summary>
        public string Describe(ITypeSymbol type) => NameSyntax is GenericNameSyntax generic
            ? generic.ToString()
            : Method.Name + "(" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ")";

        /// <summary>
        /// The name of the registration method with another lifetime that takes the same arguments (<c>AddSingleton</c> →
        /// <c>AddScoped</c>, <c>TryAddKeyedSingleton</c> → <c>TryAddKeyedTransient</c>), or null. The instance form has no
        /// such twin, and a factory that hands out an existing object (a local, field, parameter or property) would still
        /// share it, so neither gets one.
        /// </summary>
        public string? TwinWithLifetime(ServiceLifetimeKind lifetime)
        {
            if (Instance is not null || Factory is IAnonymousFunctionOperation lambda && ServiceRegistrations.ReturnedValues(lambda).Any(
                v => v is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation))
            {
                return null;
            }

            var twinName = Method.Name.Replace(Lifetime.ToString(), lifetime.ToString());
            var original = Method.OriginalDefinition;
            foreach (var candidate in Method.ContainingType.GetMembers(twinName).OfType<IMethodSymbol>())
            {
                if (candidate.Arity == original.Arity
                    && candidate.Parameters.Length == original.Parameters.Length
                    && candidate.Parameters.Zip(original.Parameters, (a, b) => a.Type.ToDisplayString() == b.Type.ToDisplayString()).All(same => same))
                {
                    return twinName;
                }
            }

            return null;
        }

        /// <summary>The method name as written in the call (<c>AddSingleton&lt;ChatHistory&gt;</c>), or null for an unusual shape.</summary>
        public SimpleNameSyntax? NameSyntax => Invocation.Syntax is InvocationExpressionSyntax invocation
            ? invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                SimpleNameSyntax simple => simple,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            }
            : null;
    }

    /// <summary>What a registration call's syntax says about the types it hands out (<see cref="ServiceRegistrations"/>).</summary>
    internal enum RegistrationSpelling
    {
        /// <summary>It spells every type it hands out.</summary>
        Spelled,

        /// <summary>It hands out its type arguments or types converting to them.</summary>
        BoundedByTypeArguments,

        /// <summary>It may hand out any type.</summary>
        Unbounded,
    }

    /// <summary>
    /// Recognises DI registrations and answers, per compilation, which types are registered as singletons, and which as
    /// scoped or transient services only. A question about a type binds only the invocations the call-name pass found whose
    /// name ends in <c>Singleton</c> (or <c>Scoped</c> / <c>Transient</c>) and that may hand that type out: a registration
    /// written with type arguments, <c>typeof</c>, literal keys or <c>new T(…)</c> only spells every type it hands out, so
    /// it is bound for a type only when it spells the type's name; one written with type arguments and an instance or a
    /// factory hands out those types or types converting to them, so it is bound for a type only when its type arguments
    /// spell the type's name or a base type's or interface's; any other call, and any call in a compilation with using
    /// aliases, is bound for every type. Each call is bound once per compilation, whichever type asks first.
    /// </summary>
    internal sealed class ServiceRegistrations
    {
        private static readonly ConditionalWeakTable<Compilation, ServiceRegistrations> Cache = new();

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _serviceCollection;
        private readonly INamedTypeSymbol? _addExtensions;
        private readonly INamedTypeSymbol? _tryAddExtensions;
        private readonly INamedTypeSymbol? _type;
        private readonly Lazy<ImmutableArray<ServiceRegistration>> _singletons;
        private readonly Lazy<ImmutableArray<ServiceRegistration>> _scopedOrTransient;
        private readonly ConcurrentDictionary<InvocationExpressionSyntax, ServiceRegistration?> _recognized = new();
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<InvocationExpressionSyntax>> _singletonCallsFor = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<InvocationExpressionSyntax>> _scopedOrTransientCallsFor = new(SymbolEqualityComparer.Default);
        private readonly Lazy<RegistrationCallIndex> _singletonCallIndex;
        private readonly Lazy<RegistrationCallIndex> _scopedOrTransientCallIndex;
        private readonly StaticCallSites _callSites;
        private readonly ConcurrentDictionary<InvocationExpressionSyntax, UnboundSingleton?> _unboundSingletons = new();

        private ServiceRegistrations(Compilation compilation)
        {
            _compilation = compilation;
            _serviceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");
            _addExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions");
            _tryAddExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions");
            _type = compilation.GetTypeByMetadataName("System.Type");
            _singletons = new Lazy<ImmutableArray<ServiceRegistration>>(FindSingletons, LazyThreadSafetyMode.ExecutionAndPublication);
            _scopedOrTransient = new Lazy<ImmutableArray<ServiceRegistration>>(FindScopedOrTransient, LazyThreadSafetyMode.ExecutionAndPublication);
            _callSites = new StaticCallSites(compilation);
            _singletonCallIndex = new Lazy<RegistrationCallIndex>(() => new RegistrationCallIndex(CallNameGraph.For(compilation).SingletonCalls), LazyThreadSafetyMode.ExecutionAndPublication);
            _scopedOrTransientCallIndex = new Lazy<RegistrationCallIndex>(() => new RegistrationCallIndex(CallNameGraph.For(compilation).ScopedOrTransientCalls), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>How many registration calls have been bound so far (for tests of what a question binds).</summary>
        internal int CallsBound => _recognized.Count;

        /// <summary>False when the compilation does not reference Microsoft.Extensions.DependencyInjection at all.</summary>
        public bool IsAvailable => _serviceCollection is not null;

        public static ServiceRegistrations For(Compilation compilation) => Cache.GetValue(compilation, c => new ServiceRegistrations(c));

        /// <summary>Every app singleton registration in the compilation's source (scanned once, on first need); a kernel's own are not.</summary>
        public ImmutableArray<ServiceRegistration> Singletons => _singletons.Value;

        /// <summary>Every scoped or transient registration in the compilation's source (scanned once, on first need).</summary>
        public ImmutableArray<ServiceRegistration> ScopedOrTransient => _scopedOrTransient.Value;

        /// <summary>
        /// The first scoped or transient registration that hands out exactly this type (its implementation, the type a
        /// factory returns, or the service type without implementation), when no singleton registration hands it out: DI then
        /// builds a new instance per scope (a request) or per resolution. Null otherwise.
        /// </summary>
        public ServiceRegistration? ShortLivedProviding(ITypeSymbol type)
        {
            if (!IsAvailable || SingletonProviding(type, out _) is not null)
            {
                return null;
            }

            foreach (var registration in ScopedOrTransientThatMayProvide(type))
            {
                if (registration.Instance is null
                    && registration.ProvidedTypes.FirstOrDefault() is { } provided
                    && SymbolEqualityComparer.Default.Equals(provided.OriginalDefinition, type.OriginalDefinition))
                {
                    return registration;
                }
            }

            return null;
        }

        /// <summary>
        /// The first singleton registration that hands out the type (or a type derived from it, for a registered
        /// implementation of it), or null.
        /// </summary>
        public ServiceRegistration? SingletonProviding(ITypeSymbol type, out ITypeSymbol? registeredAs) =>
            SingletonProviding(type, keyed: null, out registeredAs);

        /// <summary>
        /// As <see cref="SingletonProviding(ITypeSymbol, out ITypeSymbol?)"/>, limited to keyed (<c>AddKeyed…</c>) or
        /// unkeyed registrations when <paramref name="keyed"/> is given: a plain constructor parameter is resolved from
        /// an unkeyed registration, a <c>[FromKeyedServices]</c> one from a keyed registration.
        /// </summary>
        public ServiceRegistration? SingletonProviding(ITypeSymbol type, bool? keyed, out ITypeSymbol? registeredAs)
        {
            registeredAs = null;
            if (!IsAvailable)
            {
                return null;
            }

            foreach (var registration in SingletonsThatMayProvide(type))
            {
                if (keyed is { } wantKeyed && registration.IsKeyed != wantKeyed)
                {
                    continue;
                }

                foreach (var provided in registration.ProvidedTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(provided.OriginalDefinition, type.OriginalDefinition))
                    {
                        registeredAs = provided;
                        return registration;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The generic name (<c>AddSingleton&lt;Kernel&gt;</c>) of the first singleton registration of the app that hands out the
        /// type by its type arguments but does not bind because of an argument (a factory whose body uses a type from a
        /// package the build lacks), or null. Every candidate method must be a singleton registration with those type
        /// arguments, called on an <c>IServiceCollection</c> that is not a kernel builder's own; a factory's returned values
        /// are not bound, so only the type arguments count. Null when a bound registration would answer instead.
        /// </summary>
        public GenericNameSyntax? UnboundSingletonSpelling(ITypeSymbol type, bool keyed)
        {
            if (!IsAvailable)
            {
                return null;
            }

            // Without a spelled name (an alias in the compilation), every generic registration is a candidate; with one, the
            // calls that spell it.
            var name = SpelledType(type)?.Name;
            var operations = new OperationsAcrossTrees(_compilation);
            var calls = name is null ? CallNameGraph.For(_compilation).SingletonCalls : _singletonCallIndex.Value.Spelling(name);
            foreach (var call in calls)
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax generic }
                    || name is not null && !generic.TypeArgumentList.Arguments.Any(a => a.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name)))
                {
                    continue;
                }

                if (_unboundSingletons.GetOrAdd(call, c => operations.Of(c) is IInvalidOperation invalid ? RecognizeUnbound(invalid, c) : null) is { } unbound
                    && unbound.IsKeyed == keyed
                    && unbound.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, type.OriginalDefinition)))
                {
                    return generic;
                }
            }

            return null;
        }

        private UnboundSingleton? RecognizeUnbound(IInvalidOperation invalid, InvocationExpressionSyntax call)
        {
            if (call.Expression is not MemberAccessExpressionSyntax access
                || invalid.SemanticModel?.GetSymbolInfo(call) is not { Symbol: null, CandidateSymbols: { Length: > 0 } candidates }
                || invalid.ChildOperations.FirstOrDefault(o => o.Syntax == access.Expression) is not { } receiver
                || !SymbolEqualityComparer.Default.Equals(receiver.WithoutConversions().Type, _serviceCollection)
                || IsKernelOwnServices(receiver.WithoutConversions()))
            {
                return null;
            }

            ImmutableArray<ITypeSymbol>? typeArguments = null;
            foreach (var candidate in candidates)
            {
                if (candidate is not IMethodSymbol { IsExtensionMethod: true } method
                    || LifetimeOf(method.Name) != ServiceLifetimeKind.Singleton
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _addExtensions)
                        && !SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _tryAddExtensions)
                    || method.TypeArguments.IsEmpty
                    || typeArguments is { } previous && !Enumerable.SequenceEqual(previous, method.TypeArguments, SymbolEqualityComparer.Default))
                {
                    return null;
                }

                typeArguments = method.TypeArguments;
            }

            return new UnboundSingleton(typeArguments!.Value, access.Name.Identifier.ValueText.IndexOf("Keyed", StringComparison.Ordinal) >= 0);
        }

        private sealed class UnboundSingleton
        {
            public UnboundSingleton(ImmutableArray<ITypeSymbol> typeArguments, bool isKeyed)
            {
                TypeArguments = typeArguments;
                IsKeyed = isKeyed;
            }

            public ImmutableArray<ITypeSymbol> TypeArguments { get; }

            public bool IsKeyed { get; }
        }

        /// <summary>The registration an invocation makes, or null when it is not a recognised registration call.</summary>
        public ServiceRegistration? Recognize(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (_serviceCollection is null || !method.IsExtensionMethod || LifetimeOf(method.Name) is not { } lifetime)
            {
                return null;
            }

            var containing = method.ContainingType?.OriginalDefinition;
            if (!SymbolEqualityComparer.Default.Equals(containing, _addExtensions) && !SymbolEqualityComparer.Default.Equals(containing, _tryAddExtensions))
            {
                return null;
            }

            var definition = method.ReducedFrom ?? method;
            if (definition.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, _serviceCollection))
            {
                return null;
            }

            ITypeSymbol? service = null;
            ITypeSymbol? implementation = null;
            IOperation? instance = null;
            IOperation? factory = null;
            if (method.TypeArguments.Length >= 1)
            {
                service = method.TypeArguments[0];
                implementation = method.TypeArguments.Length >= 2 ? method.TypeArguments[1] : null;
            }

            var typeArguments = 0;
            foreach (var argument in invocation.Arguments)
            {
                // The receiver (the IServiceCollection) and the key say nothing about what is handed out.
                if (argument.Parameter is not { } parameter
                    || SymbolEqualityComparer.Default.Equals(parameter.Type, _serviceCollection)
                    || parameter.Name == "serviceKey")
                {
                    continue;
                }

                var value = argument.Value.WithoutConversions();
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _type))
                {
                    var operand = (value as ITypeOfOperation)?.TypeOperand;
                    if (typeArguments++ == 0)
                    {
                        service = operand;
                    }
                    else
                    {
                        implementation = operand;
                    }
                }
                else if (parameter.Type.TypeKind == TypeKind.Delegate)
                {
                    factory = value is IDelegateCreationOperation creation ? creation.Target.WithoutConversions() : value;
                }
                else
                {
                    instance = value;
                }
            }

            var provided = ImmutableArray.CreateBuilder<ITypeSymbol>();
            Add(provided, instance?.Type);
            if (factory is IAnonymousFunctionOperation lambda)
            {
                foreach (var returned in ReturnedValues(lambda))
                {
                    Add(provided, returned.Type);
                }
            }

            Add(provided, implementation);
            Add(provided, service);
            var receiver = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.WithoutConversions();
            return new ServiceRegistration(invocation, lifetime, service, implementation, instance, factory, provided.ToImmutable(), receiver is not null && IsKernelOwnServices(receiver));
        }

        /// <summary>
        /// <c>Kernel.CreateBuilder().Services</c>, or <c>builder.Services</c> where the local <c>builder</c> is initialized
        /// with <c>Kernel.CreateBuilder()</c>: the collection the registration receives belongs to one kernel.
        /// </summary>
        private static bool IsKernelOwnServices(IOperation receiver)
        {
            if (receiver is not IPropertyReferenceOperation { Property.Name: "Services", Instance: { } builder }
                || !ImplementsKernelBuilder(builder.Type))
            {
                return false;
            }

            var origin = builder.WithoutConversions();
            if (origin is ILocalReferenceOperation { Local: { } local }
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && receiver.SemanticModel?.GetOperation(initializer) is { } initialValue)
            {
                origin = initialValue.WithoutConversions();
            }

            return origin is IInvocationOperation { TargetMethod: { Name: "CreateBuilder", IsStatic: true, ContainingType: { Name: "Kernel" } kernel } }
                && kernel.ContainingNamespace?.ToDisplayString() == "Microsoft.SemanticKernel";
        }

        private static bool ImplementsKernelBuilder(ITypeSymbol? type) =>
            type is not null && (IsKernelBuilderInterface(type) || type.AllInterfaces.Any(IsKernelBuilderInterface));

        private static bool IsKernelBuilderInterface(ITypeSymbol type) =>
            type.Name == "IKernelBuilder" && type.ContainingNamespace?.ToDisplayString() == "Microsoft.SemanticKernel";

        /// <summary>The values a lambda returns (its own returns, not those of nested functions), without conversions.</summary>
        public static IEnumerable<IOperation> ReturnedValues(IAnonymousFunctionOperation lambda)
        {
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value } && ReferenceEquals(operation.EnclosingFunction(), lambda))
                {
                    yield return value.WithoutConversions();
                }
            }
        }

        private static void Add(ImmutableArray<ITypeSymbol>.Builder types, ITypeSymbol? type)
        {
            if (type is null || type.TypeKind == TypeKind.Error || type.SpecialType == SpecialType.System_Object)
            {
                return;
            }

            if (!types.Any(t => SymbolEqualityComparer.Default.Equals(t, type)))
            {
                types.Add(type);
            }
        }

        private static ServiceLifetimeKind? LifetimeOf(string name)
        {
            // Cheap rejection first: this runs for every invocation of a compilation.
            if (!name.EndsWith("Singleton", StringComparison.Ordinal) && !name.EndsWith("Scoped", StringComparison.Ordinal)
                && !name.EndsWith("Transient", StringComparison.Ordinal))
            {
                return null;
            }

            var rest = name.StartsWith("TryAdd", StringComparison.Ordinal) ? name.Substring(6)
                : name.StartsWith("Add", StringComparison.Ordinal) ? name.Substring(3)
                : null;
            if (rest is null)
            {
                return null;
            }

            if (rest.StartsWith("Keyed", StringComparison.Ordinal))
            {
                rest = rest.Substring(5);
            }

            return rest switch
            {
                "Singleton" => ServiceLifetimeKind.Singleton,
                "Scoped" => ServiceLifetimeKind.Scoped,
                "Transient" => ServiceLifetimeKind.Transient,
                _ => null,
            };
        }

        /// <summary>
        /// The singleton registrations, in source order, that may hand out the type; the others cannot. Bound one by one as
        /// the caller reads them, so a question answered by the first registration binds no later one.
        /// </summary>
        private IEnumerable<ServiceRegistration> SingletonsThatMayProvide(ITypeSymbol type) =>
            SpelledType(type) is { } spelled
                ? Registrations(_singletonCallsFor.GetOrAdd(type.OriginalDefinition, t => CallsThatMayProvide(_singletonCallIndex.Value, t, spelled)), lifetime => lifetime == ServiceLifetimeKind.Singleton)
                : Singletons;

        /// <summary>The scoped and transient registrations, in source order, that may hand out the type; the others cannot. Bound as read.</summary>
        private IEnumerable<ServiceRegistration> ScopedOrTransientThatMayProvide(ITypeSymbol type) =>
            SpelledType(type) is { } spelled
                ? Registrations(_scopedOrTransientCallsFor.GetOrAdd(type.OriginalDefinition, t => CallsThatMayProvide(_scopedOrTransientCallIndex.Value, t, spelled)), lifetime => lifetime != ServiceLifetimeKind.Singleton)
                : ScopedOrTransient;

        private ImmutableArray<InvocationExpressionSyntax> CallsThatMayProvide(RegistrationCallIndex index, ITypeSymbol type, INamedTypeSymbol spelled)
        {
            if (_serviceCollection is null)
            {
                return ImmutableArray<InvocationExpressionSyntax>.Empty;
            }

            var supertypes = SupertypesByName(type, spelled);
            return index.Candidates(spelled.Name, supertypes.Keys).Where(c => MayProvide(c.Call, c.Spelling, spelled, supertypes)).Select(c => c.Call).ToImmutableArray();
        }

        /// <summary>
        /// The types a value of <paramref name="type"/> converts to without a user-defined conversion, by name: the type
        /// (for an array, its element type <paramref name="spelled"/> too), its base types and its interfaces, and those of
        /// the element type (array covariance).
        /// </summary>
        private static Dictionary<string, List<INamedTypeSymbol>> SupertypesByName(ITypeSymbol type, INamedTypeSymbol spelled)
        {
            var byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
            void Add(INamedTypeSymbol supertype)
            {
                if (!byName.TryGetValue(supertype.Name, out var named))
                {
                    byName.Add(supertype.Name, named = new List<INamedTypeSymbol>());
                }

                if (!named.Contains(supertype.OriginalDefinition, SymbolEqualityComparer.Default))
                {
                    named.Add(supertype.OriginalDefinition);
                }
            }

            foreach (var of in type.Equals(spelled, SymbolEqualityComparer.Default) ? new ITypeSymbol[] { spelled } : new[] { type, spelled })
            {
                foreach (var supertype in StaticCallSites.SupertypesOf(of))
                {
                    Add(supertype);
                }
            }

            return byName;
        }

        /// <summary>
        /// The type a registration spells when it names the type in a type argument or <c>typeof</c>: a named type (an array's
        /// element type), by its simple name; null when it may be spelled otherwise (a keyword, a tuple, a using alias in the
        /// compilation, from the call-name pass's per-tree facts), so every registration is a candidate.
        /// </summary>
        private INamedTypeSymbol? SpelledType(ITypeSymbol type)
        {
            while (type is IArrayTypeSymbol array)
            {
                type = array.ElementType;
            }

            return type is INamedTypeSymbol { SpecialType: SpecialType.None, IsTupleType: false } named && named.Name.Length > 0 && !CallNameGraph.For(_compilation).DeclaresUsingAlias
                ? named.OriginalDefinition
                : null;
        }

        /// <summary>
        /// Whether a registration call may hand out this type: it hands out types it does not bound (see
        /// <see cref="RegistrationCallIndex.SpellingOf"/>), or it spells the type's name where that name may denote the type,
        /// or its type arguments bound what it hands out and spell the name of one of the type's supertypes where that name
        /// may denote it. Each module of an app may register its own type of the same name
        /// (<c>AddSingleton&lt;SupportAssistant&gt;()</c>); looking the name up where it is written (usings, namespaces; no body
        /// bound) tells them apart, so one question binds the registrations of that type, not those of every module.
        /// </summary>
        private bool MayProvide(InvocationExpressionSyntax invocation, RegistrationSpelling spelling, INamedTypeSymbol type, Dictionary<string, List<INamedTypeSymbol>> supertypes)
        {
            if (spelling == RegistrationSpelling.Unbounded)
            {
                return true;
            }

            foreach (var token in invocation.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == type.Name
                    && (token.Parent is not IdentifierNameSyntax written || _callSites.TypeNameMayDenote(written, type)))
                {
                    return true;
                }
            }

            if (spelling == RegistrationSpelling.BoundedByTypeArguments)
            {
                foreach (var token in RegistrationCallIndex.TypeArgumentsOf(invocation)!.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && supertypes.TryGetValue(token.ValueText, out var named)
                        && (token.Parent is not IdentifierNameSyntax written || named.Any(supertype => _callSites.TypeNameMayDenote(written, supertype))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private ImmutableArray<ServiceRegistration> FindSingletons() =>
            Registrations(CallNameGraph.For(_compilation).SingletonCalls, lifetime => lifetime == ServiceLifetimeKind.Singleton).ToImmutableArray();

        private ImmutableArray<ServiceRegistration> FindScopedOrTransient() =>
            Registrations(CallNameGraph.For(_compilation).ScopedOrTransientCalls, lifetime => lifetime != ServiceLifetimeKind.Singleton).ToImmutableArray();

        /// <summary>The app registrations these calls make with a wanted lifetime, in order, each call bound once per compilation when first read.</summary>
        private IEnumerable<ServiceRegistration> Registrations(ImmutableArray<InvocationExpressionSyntax> calls, Func<ServiceLifetimeKind, bool> wanted)
        {
            if (_serviceCollection is null)
            {
                yield break;
            }

            var operations = new OperationsAcrossTrees(_compilation);
            foreach (var invocation in calls)
            {
                if (_recognized.GetOrAdd(invocation, i => operations.Of(i) is IInvocationOperation operation ? Recognize(operation) : null) is { IntoKernelServices: false } registration
                    && wanted(registration.Lifetime))
                {
                    yield return registration;
                }
            }
        }

        /// <summary>
        /// Registration calls indexed by the identifiers they spell, so a question about one type reads the calls that spell
        /// its name or a supertype's in their type arguments (and those that hand out types they do not bound) instead of
        /// every registration of the app.
        /// </summary>
        private sealed class RegistrationCallIndex
        {
            private readonly ImmutableArray<InvocationExpressionSyntax> _calls;
            private readonly RegistrationSpelling[] _spellings;
            private readonly List<int> _unbounded = new();
            private readonly Dictionary<string, List<int>> _byIdentifier = new(StringComparer.Ordinal);
            private readonly Dictionary<string, List<int>> _boundedByTypeArgument = new(StringComparer.Ordinal);

            public RegistrationCallIndex(ImmutableArray<InvocationExpressionSyntax> calls)
            {
                _calls = calls;
                _spellings = new RegistrationSpelling[calls.Length];
                for (var position = 0; position < calls.Length; position++)
                {
                    switch (_spellings[position] = SpellingOf(calls[position]))
                    {
                        case RegistrationSpelling.Unbounded:
                            _unbounded.Add(position);
                            break;
                        case RegistrationSpelling.BoundedByTypeArguments:
                            AddIdentifiers(TypeArgumentsOf(calls[position])!, position, _boundedByTypeArgument);
                            break;
                    }

                    AddIdentifiers(calls[position], position, _byIdentifier);
                }
            }

            private static void AddIdentifiers(SyntaxNode node, int position, Dictionary<string, List<int>> index)
            {
                foreach (var token in node.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        continue;
                    }

                    if (!index.TryGetValue(token.ValueText, out var positions))
                    {
                        index.Add(token.ValueText, positions = new List<int>());
                    }

                    // Positions are added in order, so a call that spells the name twice is listed once.
                    if (positions.Count == 0 || positions[positions.Count - 1] != position)
                    {
                        positions.Add(position);
                    }
                }
            }

            /// <summary>
            /// What the call's syntax says about the types it hands out. With only <c>typeof</c>, literal and <c>new T(…)</c>
            /// arguments (other than <c>new T(x)</c>, which may create a delegate) it spells all of them. With another argument (an instance or a factory) and type arguments, what it
            /// hands out is those types or converts to one of them (the parameter is <c>TService</c>, or a delegate returning
            /// it or <c>TImplementation</c>): unless a type argument may be anything (<c>object</c>, <c>Object</c>,
            /// <c>dynamic</c>, a type parameter in scope), it hands out only types whose supertypes' names the type arguments spell. A value whose
            /// only way to the type argument is a user-defined conversion is not handed out as itself, so it is not counted.
            /// Otherwise it may hand out any type.
            /// </summary>
            private static RegistrationSpelling SpellingOf(InvocationExpressionSyntax invocation)
            {
                var spellsAll = true;
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    // `new D(x)` with one argument may create a delegate (a factory), whose results the call does not spell.
                    if (argument.Expression is not (TypeOfExpressionSyntax or LiteralExpressionSyntax)
                        && argument.Expression is not ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: not 1 } and not ObjectCreationExpressionSyntax { ArgumentList: null })
                    {
                        spellsAll = false;
                        break;
                    }
                }

                if (spellsAll)
                {
                    return RegistrationSpelling.Spelled;
                }

                return TypeArgumentsOf(invocation) is { } typeArguments && !MayBeAnyType(typeArguments)
                    ? RegistrationSpelling.BoundedByTypeArguments
                    : RegistrationSpelling.Unbounded;
            }

            /// <summary>The type arguments written on the called method (<c>AddSingleton&lt;IEngine&gt;</c>), or null.</summary>
            public static TypeArgumentListSyntax? TypeArgumentsOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } => generic.TypeArgumentList,
                MemberBindingExpressionSyntax { Name: GenericNameSyntax generic } => generic.TypeArgumentList,
                GenericNameSyntax generic => generic.TypeArgumentList,
                _ => null,
            };

            private static bool MayBeAnyType(TypeArgumentListSyntax typeArguments)
            {
                foreach (var token in typeArguments.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.ObjectKeyword)
                        || token.IsKind(SyntaxKind.IdentifierToken)
                            && (token.ValueText is "dynamic" or "Object"
                                || StaticCallSites.IsTypeParameterInScope(typeArguments, token.ValueText)))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The calls whose identifiers include the name, in source order.</summary>
            public IEnumerable<InvocationExpressionSyntax> Spelling(string name) =>
                _byIdentifier.TryGetValue(name, out var positions) ? positions.Select(p => _calls[p]) : Enumerable.Empty<InvocationExpressionSyntax>();

            /// <summary>
            /// The calls that spell the name, those whose type arguments bound what they hand out and spell one of the
            /// supertype names, and those that hand out types they do not bound, in source order, each once, with what
            /// their syntax says about the types they hand out.
            /// </summary>
            public IEnumerable<(InvocationExpressionSyntax Call, RegistrationSpelling Spelling)> Candidates(string name, IEnumerable<string> supertypeNames)
            {
                var positions = new SortedSet<int>(_unbounded);
                if (_byIdentifier.TryGetValue(name, out var spelling))
                {
                    positions.UnionWith(spelling);
                }

                foreach (var supertype in supertypeNames)
                {
                    if (_boundedByTypeArgument.TryGetValue(supertype, out var bounded))
                    {
                        positions.UnionWith(bounded);
                    }
                }

                return positions.Select(p => (_calls[p], _spellings[p]));
            }
        }
    }
}
