using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;

namespace RagSafety.Analyzers.Program
{
    /// <summary>What the code says about an options object's network timeout.</summary>
    internal enum TimeoutState
    {
        /// <summary>The options come from somewhere the analysis does not follow (a parameter, a field, a helper).</summary>
        Unknown,

        /// <summary>The options are created in view and nothing sets their network timeout.</summary>
        NotSet,

        /// <summary>The network timeout is set (in the object initializer or by an assignment in the same member).</summary>
        Set,
    }

    /// <summary>
    /// Network timeouts of AI client options (the members with the <see cref="ApiRole.TimeoutOption"/> role:
    /// <c>ClientPipelineOptions.NetworkTimeout</c>, Azure.Core's <c>RetryOptions.NetworkTimeout</c> through
    /// <c>options.Retry</c>), and infinite <see cref="System.TimeSpan"/> values. Shared by RAG030 and RAG031.
    /// </summary>
    internal static class ClientTimeouts
    {
        /// <summary>A catalogued timeout property (a member entry without a parameter).</summary>
        public static bool IsTimeoutProperty(IPropertySymbol property, KnownApis apis) =>
            property.ContainingType is { } type
            && apis.MemberEntries(type, property.Name, ApiRole.TimeoutOption).Any(e => e.Parameter is null);

        /// <summary>
        /// Whether the options object given as <paramref name="value"/> sets a network timeout, and the creation to extend
        /// when it does not (an inline <c>new …Options { … }</c>, or the initializer of a local of the same member).
        /// </summary>
        public static (TimeoutState State, IObjectCreationOperation? Creation) OfOptions(IOperation value, KnownApis apis)
        {
            switch (value.WithoutConversions())
            {
                case IObjectCreationOperation creation:
                    return OfCreation(creation, apis);
                case ILocalReferenceOperation reference:
                    return OfLocal(reference.Local, reference, apis);
                default:
                    return (TimeoutState.Unknown, null);
            }
        }

        /// <summary>The state of an options object created here: its initializer, or the local it initializes.</summary>
        public static (TimeoutState State, IObjectCreationOperation? Creation) OfCreation(IObjectCreationOperation creation, KnownApis apis)
        {
            if (InitializerSetsTimeout(creation, apis))
            {
                return (TimeoutState.Set, creation);
            }

            if (creation.Parent?.SkipConversionsUpward() is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return OfLocal(declarator.Symbol, creation, apis);
            }

            return (TimeoutState.NotSet, creation);
        }

        /// <summary>
        /// Whether options created in view get a <c>Transport</c> (over the app's own HttpClient): in their initializer, or by
        /// <c>options.Transport = …</c> on the local they initialize, in the same member.
        /// </summary>
        public static bool SetsTransport(IObjectCreationOperation options)
        {
            if (options.Initializer?.Initializers.Any(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Transport" } }) == true)
            {
                return true;
            }

            if (options.Parent?.SkipConversionsUpward() is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return false;
            }

            return options.Root().Descendants().OfType<ISimpleAssignmentOperation>().Any(assignment =>
                assignment.Target is IPropertyReferenceOperation { Property.Name: "Transport", Instance: ILocalReferenceOperation local }
                && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol));
        }

        /// <summary>True when the value is <c>Timeout.InfiniteTimeSpan</c>, <c>TimeSpan.MaxValue</c> or <c>TimeSpan.From…(-1)</c>.</summary>
        public static bool IsInfinite(IOperation value)
        {
            switch (value.WithoutConversions())
            {
                case IFieldReferenceOperation { Field: { } field }:
                    return (field.Name == "InfiniteTimeSpan" && IsType(field.ContainingType, "System.Threading", "Timeout"))
                        || (field.Name == "MaxValue" && IsType(field.ContainingType, "System", "TimeSpan"));
                case IInvocationOperation { TargetMethod: { IsStatic: true } method, Arguments.Length: 1 } invocation
                    when method.Name.StartsWith("From", System.StringComparison.Ordinal) && IsType(method.ContainingType, "System", "TimeSpan"):
                    return invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: { } constant }
                        && System.Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) == -1;
                default:
                    return false;
            }
        }

        private static bool InitializerSetsTimeout(IObjectCreationOperation creation, KnownApis apis) =>
            creation.Initializer is { } initializer && SetsTimeout(initializer, apis);

        /// <summary>A member assignment of the initializer, or of a nested member initializer (<c>Retry = { NetworkTimeout = … }</c>).</summary>
        private static bool SetsTimeout(IObjectOrCollectionInitializerOperation initializer, KnownApis apis) =>
            initializer.Initializers.Any(member => member switch
            {
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => IsTimeoutProperty(property.Property, apis),
                IMemberInitializerOperation { Initializer: { } nested } => SetsTimeout(nested, apis),
                _ => false,
            });

        /// <summary>
        /// An options local: its initializer must be an object creation, and every other use must be a client constructor
        /// argument, a member read or a member assignment. Anything else (passed to a helper, reassigned) is unknown.
        /// </summary>
        private static (TimeoutState State, IObjectCreationOperation? Creation) OfLocal(ILocalSymbol local, IOperation inside, KnownApis apis)
        {
            var root = inside.Root();
            IObjectCreationOperation? creation = null;
            var state = TimeoutState.NotSet;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        if (declarator.Initializer?.Value.WithoutConversions() is not IObjectCreationOperation created)
                        {
                            return (TimeoutState.Unknown, null);
                        }

                        creation = created;
                        if (InitializerSetsTimeout(created, apis))
                        {
                            state = TimeoutState.Set;
                        }

                        break;

                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                        switch (UseOf(reference, apis))
                        {
                            case LocalUse.SetsTimeout:
                                state = TimeoutState.Set;
                                break;
                            case LocalUse.Escapes:
                                return (TimeoutState.Unknown, null);
                        }

                        break;
                }
            }

            return creation is null ? (TimeoutState.Unknown, null) : (state, creation);
        }

        private enum LocalUse
        {
            Harmless,
            SetsTimeout,
            Escapes,
        }

        private static LocalUse UseOf(ILocalReferenceOperation reference, KnownApis apis)
        {
            // options.NetworkTimeout = …, options.Retry.NetworkTimeout = …, or any other member access on the local.
            IOperation current = reference;
            while (current.Parent is IPropertyReferenceOperation property && property.Instance == current)
            {
                current = property;
            }

            if (current is IPropertyReferenceOperation last)
            {
                return IsTimeoutProperty(last.Property, apis) && current.Parent is ISimpleAssignmentOperation assignment && assignment.Target == current
                    ? LocalUse.SetsTimeout
                    : LocalUse.Harmless;
            }

            return reference.Parent switch
            {
                // Passed to a constructor as options (a client, or a transport holder): read, not changed.
                IArgumentOperation { Parent: IObjectCreationOperation } => LocalUse.Harmless,
                IInvocationOperation invocation when invocation.Instance == reference => LocalUse.Harmless,
                IFieldReferenceOperation or IEventReferenceOperation => LocalUse.Harmless,
                _ => LocalUse.Escapes,
            };
        }

        private static IOperation SkipConversionsUpward(this IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation && operation.Parent is { } parent)
            {
                operation = parent;
            }

            return operation;
        }

        private static bool IsType(INamedTypeSymbol? type, string @namespace, string name) =>
            type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == @namespace;
    }
}
