using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG002: a Semantic Kernel <c>Kernel</c> that every request shares (a static member, a field of a singleton, or a
    /// kernel registered as a DI singleton) whose plugins, filters, <c>Data</c> or <c>Culture</c> change outside start-up.
    /// Reported at the change.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG002SharedKernelMutatedAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the clone fix works (absent: no clone fix). Additional location 0 is the kernel expression.</summary>
        public const string CloneProperty = "Clone";

        /// <summary>Introduce <c>var kernel = shared.Clone();</c> and route the function's uses of the shared member to it.</summary>
        public const string CloneIntoLocal = "Local";

        /// <summary>Reassign the function's own parameter: <c>kernel = kernel.Clone();</c>.</summary>
        public const string CloneParameter = "Parameter";

        /// <summary>Diagnostic property, for an expression-bodied function: whether its body becomes <c>return expr;</c> or <c>expr;</c>.</summary>
        public const string ExpressionBodyProperty = "ExpressionBody";

        public const string ExpressionBodyReturn = "Return";

        public const string ExpressionBodyStatement = "Statement";

        /// <summary>Diagnostic property: the transient twin of the Kernel's singleton registration (additional location 1).</summary>
        public const string TransientNameProperty = "TransientName";

        private static readonly string[] KernelCollections = { "Plugins", "FunctionInvocationFilters", "PromptRenderFilters", "AutoFunctionInvocationFilters", "Data" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG002_SharedKernelMutated);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            // A console tool serves one user: its kernel is not shared between requests (as for RAG001).
            if (context.Compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication
                && !rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            var registrations = ServiceRegistrations.For(context.Compilation);
            var lazy = context.Compilation.GetTypeByMetadataName("System.Lazy`1");
            context.RegisterOperationAction(
                c =>
                {
                    if (MutationOf(c.Operation, rag.Apis) is { } mutation)
                    {
                        Analyze(c, rag, registrations, lazy, mutation.Kernel, mutation.Form, offerClone: true);
                    }
                },
                OperationKind.Invocation,
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.CoalesceAssignment);

            // A change whose argument's type does not resolve (a plugin from a package the build lacks) does not bind: the
            // receiver still does, and every candidate method is the same kernel change. No fix is offered on such code.
            context.RegisterOperationAction(
                c =>
                {
                    if (UnboundMutationOf((IInvalidOperation)c.Operation, rag.Apis, c.CancellationToken) is { } mutation)
                    {
                        Analyze(c, rag, registrations, lazy, mutation.Kernel, mutation.Form, offerClone: false);
                    }
                },
                OperationKind.Invalid);
        }

        /// <summary>
        /// The kernel change of an invocation that failed to bind only for its arguments (<c>_kernel.ImportPluginFromObject(new
        /// UnresolvedPlugin())</c>): its receiver binds, and every candidate method changes that kernel in the same way.
        /// </summary>
        private static (IOperation Kernel, string Form)? UnboundMutationOf(IInvalidOperation invalid, KnownApis apis, System.Threading.CancellationToken cancellationToken)
        {
            // Cheap rejection first: this runs for every operation that fails to bind.
            if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
                || !(access.Name.Identifier.ValueText.StartsWith("ImportPluginFrom", StringComparison.Ordinal) || IsMutator(access.Name.Identifier.ValueText))
                || invalid.SemanticModel?.GetSymbolInfo(syntax, cancellationToken) is not { Symbol: null, CandidateSymbols: { Length: > 0 } candidates }
                || invalid.Descendants().FirstOrDefault(o => o.Syntax == access.Expression) is not { } receiverOperation)
            {
                return null;
            }

            var receiver = receiverOperation.WithoutConversions();
            (IOperation Kernel, string Form)? found = null;
            foreach (var candidate in candidates)
            {
                if (candidate is not IMethodSymbol method
                    || InvocationMutation(method.ReducedFrom ?? method, receiver, apis) is not { } mutation
                    || found is { } previous && previous.Form != mutation.Form)
                {
                    return null;
                }

                found = mutation;
            }

            return found;
        }

        /// <summary>The kernel an operation changes, and how the message names the change; null when it changes none.</summary>
        private static (IOperation Kernel, string Form)? MutationOf(IOperation operation, KnownApis apis)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var receiver = (method.IsExtensionMethod ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : invocation.Instance)?.WithoutConversions();
                    return receiver is null ? null : InvocationMutation(method, receiver, apis);

                case IAssignmentOperation assignment:
                    switch (assignment.Target.WithoutConversions())
                    {
                        // kernel.Data["key"] = value
                        case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IPropertyReferenceOperation { Property.Name: "Data", Instance: { } dataOwner } data }
                            when apis.TypeHasRole(data.Property.ContainingType, ApiRole.MutableKernel):
                            return (dataOwner.WithoutConversions(), "Data[…] =");

                        // kernel.Culture = culture
                        case IPropertyReferenceOperation { Property.Name: "Culture", Instance: { } cultureOwner } culture
                            when apis.TypeHasRole(culture.Property.ContainingType, ApiRole.MutableKernel):
                            return (cultureOwner.WithoutConversions(), "Culture =");
                    }

                    return null;

                default:
                    return null;
            }
        }

        /// <summary>The kernel a call of <paramref name="method"/> on <paramref name="receiver"/> changes, and how; null when none.</summary>
        private static (IOperation Kernel, string Form)? InvocationMutation(IMethodSymbol method, IOperation receiver, KnownApis apis)
        {
            // kernel.ImportPluginFromType<T>(), ImportPluginFromObject, ImportPluginFromFunctions, ImportPluginFromPromptDirectory, …
            if (method.IsExtensionMethod && method.Name.StartsWith("ImportPluginFrom", StringComparison.Ordinal) && apis.TypeHasRole(receiver.Type, ApiRole.MutableKernel))
            {
                return (receiver, method.Name);
            }

            // kernel.Plugins.AddFromType<T>(), kernel.FunctionInvocationFilters.Add(f), kernel.Data.Remove(k), …
            if (receiver is IPropertyReferenceOperation { Instance: { } kernel } collection
                && KernelCollections.Contains(collection.Property.Name)
                && IsMutator(method.Name)
                && apis.TypeHasRole(collection.Property.ContainingType, ApiRole.MutableKernel))
            {
                return (kernel.WithoutConversions(), collection.Property.Name + "." + method.Name);
            }

            return null;
        }

        private static bool IsMutator(string name) =>
            name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Insert", StringComparison.Ordinal)
            || name.StartsWith("Remove", StringComparison.Ordinal) || name is "Clear" or "TryAdd";

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, ServiceRegistrations registrations, INamedTypeSymbol? lazy, IOperation kernel, string form, bool offerClone)
        {
            if (SharedOrigin(context, rag, registrations, lazy, kernel) is not { } origin)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            var additionalLocations = new List<Location> { kernel.Syntax.GetLocation() };
            if (offerClone && CloneMode(context.Operation, origin.Symbol, kernel, rag.Apis) is { } clone)
            {
                properties = properties.Add(CloneProperty, clone);
                if (ExpressionBodyForm(context.Operation, context.ContainingSymbol) is { } bodyForm)
                {
                    properties = properties.Add(ExpressionBodyProperty, bodyForm);
                }
            }

            if (origin.KernelRegistration?.TwinWithLifetime(ServiceLifetimeKind.Transient) is { } transient && origin.KernelRegistration.NameSyntax is { } name)
            {
                properties = properties.Add(TransientNameProperty, transient);
                additionalLocations.Add(name.GetLocation());
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG002_SharedKernelMutated,
                context.Operation.Syntax.GetLocation(),
                additionalLocations,
                properties,
                form,
                origin.Description));
        }

        private sealed class Origin
        {
            public Origin(string description, ISymbol symbol, ServiceRegistration? kernelRegistration = null)
            {
                Description = description;
                Symbol = symbol;
                KernelRegistration = kernelRegistration;
            }

            public string Description { get; }

            /// <summary>The member or parameter the kernel is read from.</summary>
            public ISymbol Symbol { get; }

            /// <summary>The Kernel's own singleton registration, when that is what shares it.</summary>
            public ServiceRegistration? KernelRegistration { get; }
        }

        /// <summary>Where the changed kernel is shared between requests, or null when it is not (or the change is start-up code).</summary>
        private static Origin? SharedOrigin(OperationAnalysisContext context, RagSafetyContext rag, ServiceRegistrations registrations, INamedTypeSymbol? lazy, IOperation kernel)
        {
            // Lazy<Kernel>.Value
            if (kernel is IPropertyReferenceOperation { Property.Name: "Value", Instance: { } lazyInstance } value
                && SymbolEqualityComparer.Default.Equals(value.Property.ContainingType?.OriginalDefinition, lazy))
            {
                kernel = lazyInstance.WithoutConversions();
            }

            var inLambda = context.Operation.EnclosingFunction() is not null;
            var member = context.ContainingSymbol;
            switch (kernel)
            {
                case IFieldReferenceOperation { Field: var field }:
                    return MemberOrigin(field, field.IsStatic, "field");

                case IPropertyReferenceOperation { Property: { IsIndexer: false } property } when IsAutoProperty(property):
                    return MemberOrigin(property, property.IsStatic, "property");

                case IParameterReferenceOperation { Parameter: var parameter }:
                    return ParameterOrigin(parameter);

                default:
                    return null;
            }

            Origin? MemberOrigin(ISymbol symbol, bool isStatic, string kind)
            {
                var owner = symbol.ContainingType;
                var name = owner.Name + "." + symbol.Name;
                if (isStatic)
                {
                    return IsStartUp(owner: null) ? null : new Origin($"static {kind} '{name}'", symbol);
                }

                if (registrations.SingletonProviding(owner, out var registeredAs) is { } ownerRegistration)
                {
                    return IsStartUp(owner) ? null : new Origin($"singleton '{name}' ({ownerRegistration.Describe(registeredAs!)})", symbol);
                }

                if (KernelRegistration() is { } kernelRegistration && IsAssignedOnlyFromConstructorParameters(symbol))
                {
                    return IsStartUp(owner: null) ? null : new Origin(kernelRegistration.Description, symbol, kernelRegistration.Registration);
                }

                return null;
            }

            Origin? ParameterOrigin(IParameterSymbol parameter)
            {
                if (parameter.ContainingSymbol is not IMethodSymbol function)
                {
                    return null;
                }

                // A parameter the function assigns (kernel = kernel.Clone()) no longer holds only what the container gave.
                if (IsAssignedIn(FunctionScope(context.Operation, function), parameter))
                {
                    return null;
                }

                var owner = function.ContainingType;
                if (function.MethodKind == MethodKind.Constructor)
                {
                    if (IsPrimaryConstructor(function) && registrations.SingletonProviding(owner, out var registeredAs) is { } ownerRegistration)
                    {
                        // A captured parameter of a singleton lives as long as the singleton, like a field.
                        return IsStartUp(owner) ? null : new Origin($"singleton '{owner.Name}.{parameter.Name}' ({ownerRegistration.Describe(registeredAs!)})", parameter);
                    }

                    // A constructor runs for every instance: per request, unless the type is itself a singleton (or a
                    // hosted service, which the host creates once at start-up).
                    return KernelRegistration() is { } kernelRegistration && registrations.SingletonProviding(owner, out _) is null && !IsHostedService(owner) && !inLambda
                        ? new Origin(kernelRegistration.Description, parameter, kernelRegistration.Registration)
                        : null;
                }

                // A request handler's Kernel parameter comes from the container.
                var isHandler = function.MethodKind == MethodKind.AnonymousFunction
                    ? FindLambda(context.Operation, function) is { } lambda && rag.Handlers.IsMinimalApiHandler(lambda)
                    : rag.Handlers.KindOf(function) != HandlerKind.None;
                return isHandler && KernelRegistration() is { } registration ? new Origin(registration.Description, parameter, registration.Registration) : null;
            }

            // The container hands a plain parameter the unkeyed registration, a [FromKeyedServices] parameter a keyed one.
            // The registration is null when its call does not bind (its factory uses a type the build lacks): its type
            // argument still says the kernel is a singleton, but no fix rewrites it.
            (string Description, ServiceRegistration? Registration)? KernelRegistration()
            {
                if (kernel.Type is not { } type || !rag.Apis.TypeHasRole(type, ApiRole.MutableKernel))
                {
                    return null;
                }

                var keyed = kernel is IParameterReferenceOperation { Parameter: var p } && IsFromKeyedServices(p);
                if (registrations.SingletonProviding(type, keyed, out _) is { } registration)
                {
                    return ("the singleton registration " + registration.Describe(type), registration);
                }

                return registrations.UnboundSingletonSpelling(type, keyed) is { } spelled
                    ? ("the singleton registration " + spelled, null)
                    : null;
            }

            // Start-up: static constructors and initializers, Main, top-level statements, Startup.Configure*, the factory
            // of a singleton registration; and, for state owned by a singleton, that singleton's constructors.
            bool IsStartUp(INamedTypeSymbol? owner)
            {
                if (context.Operation.EnclosingFunction() is { } function)
                {
                    return function is IAnonymousFunctionOperation lambda && IsSingletonFactory(lambda, registrations);
                }

                if (StartUpCode.IsStartUpMember(member))
                {
                    return true;
                }

                return owner is not null
                    && SymbolEqualityComparer.Default.Equals(member.ContainingType, owner)
                    && (member is IMethodSymbol { MethodKind: MethodKind.Constructor } || member is IFieldSymbol or IPropertySymbol);
            }
        }

        private static bool IsHostedService(INamedTypeSymbol type) =>
            type.AllInterfaces.Any(i => i.Name == "IHostedService" && i.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Hosting");

        private static bool IsFromKeyedServices(IParameterSymbol parameter) =>
            parameter.GetAttributes().Any(a => a.AttributeClass?.Name == "FromKeyedServicesAttribute");

        private static bool IsSingletonFactory(IAnonymousFunctionOperation lambda, ServiceRegistrations registrations)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation invocation }
                && registrations.Recognize(invocation) is { Lifetime: ServiceLifetimeKind.Singleton };
        }

        /// <summary>The body operation of the function that declares a parameter: the lambda or local function around the operation, or the member body.</summary>
        private static IOperation FunctionScope(IOperation operation, IMethodSymbol function)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, function))
                {
                    return lambda.Body;
                }

                if (current is ILocalFunctionOperation local && SymbolEqualityComparer.Default.Equals(local.Symbol, function))
                {
                    return local.Body ?? (IOperation)local;
                }
            }

            return operation.Root();
        }

        private static bool IsAssignedIn(IOperation scope, IParameterSymbol parameter) =>
            scope.Descendants().Any(o => o is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter) && IsWritten(o));

        private static IAnonymousFunctionOperation? FindLambda(IOperation operation, IMethodSymbol symbol)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, symbol))
                {
                    return lambda;
                }
            }

            return null;
        }

        private static bool IsPrimaryConstructor(IMethodSymbol constructor) =>
            constructor.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is TypeDeclarationSyntax;

        private static bool IsAutoProperty(IPropertySymbol property) =>
            property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        /// <summary>
        /// Whether an instance field or auto-property gets its kernel only from constructor parameters (dependency
        /// injection): no initializer, at least one assignment, and every assignment, in a constructor, of a parameter.
        /// </summary>
        private static bool IsAssignedOnlyFromConstructorParameters(ISymbol member)
        {
            var assigned = false;
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax { Initializer: not null }:
                    case PropertyDeclarationSyntax { Initializer: not null }:
                        return false;
                }
            }

            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                foreach (var assignment in reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access ? access.Name : assignment.Left as SimpleNameSyntax;
                    if (target?.Identifier.ValueText != member.Name)
                    {
                        continue;
                    }

                    if (assignment.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not { } constructor
                        || assignment.Right is not IdentifierNameSyntax value
                        || !constructor.ParameterList.Parameters.Any(p => p.Identifier.ValueText == value.Identifier.ValueText))
                    {
                        return false;
                    }

                    assigned = true;
                }
            }

            return assigned;
        }

        /// <summary>
        /// Whether the clone fix applies: the change sits in a function with a block body, the function never writes
        /// the shared member, reads it only through <c>this</c> (or statically), and uses it for more than the changes. A parameter of the function itself
        /// is reassigned; anything else is copied into a new local.
        /// </summary>
        private static string? CloneMode(IOperation mutation, ISymbol symbol, IOperation kernel, KnownApis apis)
        {
            if (kernel.Syntax is not ExpressionSyntax || !HasClone(kernel.Type))
            {
                return null;
            }

            IOperation? scope;
            IMethodSymbol? functionSymbol;
            SyntaxNode? body;
            switch (mutation.EnclosingFunction())
            {
                case IAnonymousFunctionOperation lambda:
                    scope = lambda.Body;
                    functionSymbol = lambda.Symbol;
                    body = (lambda.Syntax as AnonymousFunctionExpressionSyntax)?.Body;
                    break;
                case ILocalFunctionOperation local:
                    scope = local.Body;
                    functionSymbol = local.Symbol;
                    body = (SyntaxNode?)(local.Syntax as LocalFunctionStatementSyntax)?.Body ?? (local.Syntax as LocalFunctionStatementSyntax)?.ExpressionBody?.Expression;
                    break;
                default:
                    scope = mutation.Root();
                    functionSymbol = null;
                    body = scope.Syntax switch
                    {
                        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                        _ => null,
                    };
                    if (scope is IMethodBodyBaseOperation methodBody && methodBody.SemanticModel?.GetDeclaredSymbol(scope.Syntax) is IMethodSymbol declared)
                    {
                        functionSymbol = declared;
                    }

                    break;
            }

            if (scope is null || functionSymbol is null || body is null or BlockSyntax { Statements.Count: 0 })
            {
                return null;
            }

            // An expression body becomes a block; generic constraints would sit between the parameters and the block.
            if (body is ExpressionSyntax && body.Parent?.Parent is MethodDeclarationSyntax { ConstraintClauses.Count: > 0 } or LocalFunctionStatementSyntax { ConstraintClauses.Count: > 0 })
            {
                return null;
            }

            // The clone only matters when the function goes on to use the kernel; one that only changes it means the
            // change for the shared kernel's other users, and a clone would silently drop it.
            var changedKernels = new HashSet<SyntaxNode>();
            foreach (var operation in scope.Descendants())
            {
                if (MutationOf(operation, apis) is { } change)
                {
                    changedKernels.Add(change.Kernel.Syntax);
                }
            }

            var usedOtherwise = false;
            foreach (var operation in scope.Descendants())
            {
                var isReference = operation switch
                {
                    IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field, symbol) && IsThisOrStatic(f.Instance),
                    IPropertyReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Property, symbol) && IsThisOrStatic(p.Instance),
                    IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, symbol),
                    IMemberReferenceOperation m => SymbolEqualityComparer.Default.Equals(m.Member, symbol) ? (bool?)null : false,
                    _ => false,
                };
                if (isReference is null || isReference == true && IsWritten(operation))
                {
                    return null;
                }

                if (isReference == true)
                {
                    // Lazy<Kernel>.Value is the kernel a change names.
                    var read = operation.Parent is IPropertyReferenceOperation { Property.Name: "Value" } value && ReferenceEquals(value.Instance, operation) ? value : operation;
                    usedOtherwise |= !changedKernels.Contains(read.Syntax);
                }
            }

            if (!usedOtherwise)
            {
                return null;
            }

            if (symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, functionSymbol))
            {
                return parameter.RefKind == RefKind.None ? CloneParameter : null;
            }

            return CloneIntoLocal;
        }

        /// <summary>
        /// For a function with an expression body, how the body becomes a statement after the clone: <c>return expr;</c>
        /// or <c>expr;</c> (void, or an async function returning a plain task). Null for a block body.
        /// </summary>
        private static string? ExpressionBodyForm(IOperation mutation, ISymbol? containingSymbol)
        {
            var function = mutation.EnclosingFunction() switch
            {
                IAnonymousFunctionOperation lambda => lambda.Syntax is AnonymousFunctionExpressionSyntax { ExpressionBody: not null } ? lambda.Symbol : null,
                ILocalFunctionOperation local => local.Syntax is LocalFunctionStatementSyntax { ExpressionBody: not null } ? local.Symbol : null,
                _ => mutation.Root().Syntax is BaseMethodDeclarationSyntax { ExpressionBody: not null } ? containingSymbol as IMethodSymbol : null,
            };
            if (function is null)
            {
                return null;
            }

            var plainTask = function.IsAsync && function.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
            return function.ReturnsVoid || plainTask ? ExpressionBodyStatement : ExpressionBodyReturn;
        }

        /// <summary>Whether the type has <c>T Clone()</c> (Semantic Kernel's <c>Kernel</c> does; a user-catalogued type may not).</summary>
        private static bool HasClone(ITypeSymbol? type) =>
            type is not null && type.GetMembers("Clone").OfType<IMethodSymbol>().Any(
                m => !m.IsStatic && m.Parameters.IsEmpty && m.TypeParameters.IsEmpty && SymbolEqualityComparer.Default.Equals(m.ReturnType, type));

        private static bool IsThisOrStatic(IOperation? instance) => instance is null or IInstanceReferenceOperation;

        private static bool IsWritten(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IAssignmentOperation assignment => ReferenceEquals(assignment.Target, current),
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                _ => false,
            };
        }
    }
}
