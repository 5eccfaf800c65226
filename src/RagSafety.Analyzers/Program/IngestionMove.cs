using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Whether an awaited write in a request handler can move, unchanged, into a work item of the background ingestion
    /// queue (the fix of RAG020 and RAG022): the work item runs after the request has ended, in its own DI scope, so it may use only the
    /// receiver (resolved again from that scope) and values copied from the request.
    /// </summary>
    internal static class IngestionMove
    {
        /// <summary>Diagnostic property (RAG020, RAG022): present (value <see cref="FixEnqueue"/>) when the write can move to the ingestion queue.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Replace the awaited statement by an enqueue on the background ingestion queue.</summary>
        public const string FixEnqueue = "Enqueue";

        /// <summary>Diagnostic property: the name the receiver gets as the work item's parameter.</summary>
        public const string ReceiverNameProperty = "ReceiverName";

        /// <summary>
        /// The diagnostic properties that offer the move-to-queue fix, where moving the write removes what the finding is about
        /// (an ingestion endpoint, a write on the query path; not a collection drop, a per-item loop or polling) and is safe.
        /// </summary>
        public static ImmutableDictionary<string, string?> Properties(IInvocationOperation invocation, HandlerSite handler, HandlerIndexWrite finding)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (finding.MoveToQueueFixes && ReceiverName(invocation, handler) is { } receiverName)
            {
                properties = properties.Add(FixProperty, FixEnqueue).Add(ReceiverNameProperty, receiverName);
            }

            return properties;
        }

        /// <summary>The name the receiver takes as the work item's parameter, or null when the move is not safe.</summary>
        public static string? ReceiverName(IInvocationOperation invocation, HandlerSite handler)
        {
            if (!IsFixableHandler(handler) || invocation.Instance is not { } instance || invocation.TargetMethod.IsStatic)
            {
                return null;
            }

            // await write;  await write.ConfigureAwait(false);  async (…) => await write
            IOperation awaited = invocation;
            if (awaited.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == awaited)
            {
                awaited = configureAwait;
            }

            if (awaited.Parent is not IAwaitOperation await || await.Parent is not IExpressionStatementOperation
                || !IsHandlerBody(await, handler))
            {
                return null;
            }

            var receiver = instance.WithoutConversions();
            var name = ReceiverNameOf(receiver, handler);
            if (name is null || receiver.Type is null || receiver.Type.TypeKind == TypeKind.Error || IsRequestValue(receiver.Type))
            {
                return null;
            }

            var function = await.EnclosingFunction() ?? await.Root();
            return CapturesAreSafe(awaited, receiver, function) ? name : null;
        }

        private static bool IsFixableHandler(HandlerSite handler) => handler.Kind switch
        {
            HandlerKind.MinimalApi => handler.Lambda is not null,
            HandlerKind.ControllerAction or HandlerKind.RazorPageHandler => handler.Method is { IsStatic: false },
            _ => false,
        };

        private static bool IsHandlerBody(IOperation operation, HandlerSite handler)
        {
            var function = operation.EnclosingFunction();
            return handler.Lambda is not null ? function == handler.Lambda : function is null;
        }

        private static string? ReceiverNameOf(IOperation receiver, HandlerSite handler)
        {
            switch (receiver)
            {
                case IParameterReferenceOperation { Parameter: var parameter }:
                    if (handler.Lambda is not null)
                    {
                        // A service parameter of the endpoint lambda: no binding attribute other than [FromServices].
                        return SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler.Lambda.Symbol)
                            && parameter.GetAttributes().All(a => a.AttributeClass?.Name == "FromServicesAttribute") ? parameter.Name : null;
                    }

                    // An action's [FromServices] parameter, or a primary-constructor parameter of the controller or page.
                    if (SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler.Method))
                    {
                        return parameter.GetAttributes().Any(a => a.AttributeClass?.Name == "FromServicesAttribute") ? parameter.Name : null;
                    }

                    return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                        && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, handler.Method?.ContainingType)
                        && parameter.RefKind == RefKind.None ? parameter.Name : null;

                case IFieldReferenceOperation { Instance: IInstanceReferenceOperation, Field: { IsReadOnly: true, IsStatic: false } field }
                    when handler.Method is not null && IsInjected(field):
                    return field.Name;

                case IPropertyReferenceOperation { Instance: IInstanceReferenceOperation, Property: { SetMethod: null or { IsInitOnly: true }, IsStatic: false, IsIndexer: false } property }
                    when handler.Method is not null && IsInjected(property):
                    return property.Name;

                default:
                    return null;
            }
        }

        /// <summary>
        /// A field or auto-property that a constructor sets from one of its parameters (<c>_x = x;</c>, <c>_x = x ?? throw …</c>),
        /// or initialized from a primary-constructor parameter: in a controller or page those parameters come from DI.
        /// </summary>
        private static bool IsInjected(ISymbol member)
        {
            if (member.DeclaringSyntaxReferences.Length != 1 || member.ContainingType is not { } type)
            {
                return false;
            }

            var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
            var initializer = declaration switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value,
                _ => null,
            };

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax { ParameterList: { } primary }
                    && initializer is not null && IsParameter(initializer, primary))
                {
                    return true;
                }
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is not ConstructorDeclarationSyntax syntax)
                    {
                        continue;
                    }

                    foreach (var assignment in syntax.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        var target = assignment.Left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access ? access.Name : assignment.Left;
                        if (target is IdentifierNameSyntax name && name.Identifier.ValueText == member.Name && IsParameter(assignment.Right, syntax.ParameterList))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsParameter(ExpressionSyntax value, ParameterListSyntax parameters)
        {
            if (value is BinaryExpressionSyntax coalesce && coalesce.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression))
            {
                value = coalesce.Left;
            }

            return value is IdentifierNameSyntax identifier && parameters.Parameters.Any(p => p.Identifier.ValueText == identifier.Identifier.ValueText);
        }

        private static bool CapturesAreSafe(IOperation awaited, IOperation receiver, IOperation function)
        {
            foreach (var operation in awaited.DescendantsAndSelf())
            {
                if (IsWithin(operation, receiver))
                {
                    continue;
                }

                if (operation.Type is { } type && IsCancellationToken(type) && operation.Parent is not IArgumentOperation)
                {
                    // Tokens are replaced by the work item's token only where they are a whole argument.
                    if (!IsInsideTokenArgument(operation))
                    {
                        return false;
                    }

                    continue;
                }

                switch (operation)
                {
                    case IArgumentOperation argument when argument.Value.Type is { } argumentType && IsCancellationToken(argumentType):
                        continue;
                    case IInstanceReferenceOperation when !IsInsideTokenArgument(operation):
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IDelegateCreationOperation:
                        return false;
                    case ILocalReferenceOperation local when !IsInsideTokenArgument(operation):
                        if (local.Local.Type is not { } localType || !IsRequestValue(localType) || !IsStableLocal(local.Local, function))
                        {
                            return false;
                        }

                        break;
                    case IParameterReferenceOperation parameter when !IsInsideTokenArgument(operation):
                        if (!IsRequestValue(parameter.Parameter.Type) || parameter.Parameter.RefKind != RefKind.None || IsAssigned(parameter.Parameter, function))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }

        private static bool IsWithin(IOperation operation, IOperation ancestor)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInsideTokenArgument(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IArgumentOperation { Value.Type: { } type } && IsCancellationToken(type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCancellationToken(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>
        /// A value that belongs to the request's data, not to its services or its HTTP objects: primitives, strings, enums,
        /// other non-ref-like structs, arrays and List/Dictionary/HashSet of those, records, and the app's own classes that
        /// have a parameterless constructor (binding models).
        /// </summary>
        public static bool IsRequestValue(ITypeSymbol type, int depth = 0)
        {
            if (depth > 4 || type.TypeKind == TypeKind.Error || IsCancellationToken(type))
            {
                return false;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    return IsRequestValue(array.ElementType, depth + 1);
                case INamedTypeSymbol { SpecialType: SpecialType.System_String or SpecialType.System_Object }:
                    return type.SpecialType == SpecialType.System_String;
                case INamedTypeSymbol { IsValueType: true } valueType:
                    return !valueType.IsRefLikeType && valueType.TypeArguments.All(t => IsRequestValue(t, depth + 1));
                case INamedTypeSymbol { TypeKind: TypeKind.Class } named:
                    if (named.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic"
                        && named.Name is "List" or "Dictionary" or "HashSet" or "SortedDictionary")
                    {
                        return named.TypeArguments.All(t => IsRequestValue(t, depth + 1));
                    }

                    if (named.IsRecord)
                    {
                        return true;
                    }

                    return !named.IsAbstract && !named.IsStatic && named.DeclaringSyntaxReferences.Length > 0
                        && named.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public)
                        && !InheritsFromFrameworkBase(named);
                default:
                    return false;
            }
        }

        private static bool InheritsFromFrameworkBase(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (current.SpecialType != SpecialType.System_Object && current.DeclaringSyntaxReferences.Length == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A local the work item can capture: not a for-loop variable, not disposed with the request, never assigned again.</summary>
        private static bool IsStableLocal(ILocalSymbol local, IOperation function)
        {
            var forLoopVariable = local.DeclaringSyntaxReferences.Any(r => r.GetSyntax().Parent?.Parent is ForStatementSyntax);
            if (local.IsRef || local.IsUsing || forLoopVariable)
            {
                return false;
            }

            return !IsAssigned(local, function);
        }

        private static bool IsAssigned(ISymbol symbol, IOperation function)
        {
            foreach (var operation in function.DescendantsAndSelf())
            {
                var target = operation switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation increment => increment.Target,
                    IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                    _ => null,
                };

                var assigned = target switch
                {
                    ILocalReferenceOperation reference => reference.Local,
                    IParameterReferenceOperation reference => (ISymbol)reference.Parameter,
                    _ => null,
                };

                if (assigned is not null && SymbolEqualityComparer.Default.Equals(assigned, symbol)
                    && !(target is ILocalReferenceOperation { IsDeclaration: true }))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
