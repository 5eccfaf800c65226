using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// Decides whether a type holds per-conversation state, and why: a catalogued conversation-state type
    /// (<c>ChatHistory</c>, <c>KernelArguments</c>, <c>AgentThread</c>, <c>AgentSession</c>), a growable collection of
    /// messages or of such state, <c>Lazy&lt;T&gt;</c>, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c> of either (a
    /// stored <c>CreateSessionAsync()</c> task is one session), or one of the app's own types that keeps such state in an instance field
    /// (transitively, through at most <see cref="MaxDepth"/> of the app's types).
    /// </summary>
    /// <remarks>
    /// Dictionaries are never state by themselves: their elements are key/value pairs, so a dictionary whose values
    /// are histories is a per-conversation store, not one conversation.
    /// </remarks>
    internal sealed class ConversationStateTypes
    {
        public const int MaxDepth = 5;

        private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat;

        private readonly KnownApis _apis;
        private readonly INamedTypeSymbol? _lazy;
        private readonly INamedTypeSymbol? _task;
        private readonly INamedTypeSymbol? _valueTask;
        private readonly INamedTypeSymbol? _collection;
        private readonly INamedTypeSymbol? _producerConsumer;
        private readonly INamedTypeSymbol? _queue;
        private readonly INamedTypeSymbol? _stack;
        private readonly INamedTypeSymbol? _readOnlyCollection;
        private readonly ConcurrentDictionary<ITypeSymbol, string?> _reasons = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, string?> _direct = new(SymbolEqualityComparer.Default);

        public ConversationStateTypes(Compilation compilation, KnownApis apis)
        {
            _apis = apis;
            _lazy = compilation.GetTypeByMetadataName("System.Lazy`1");
            _task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            _collection = compilation.GetTypeByMetadataName("System.Collections.Generic.ICollection`1");
            _producerConsumer = compilation.GetTypeByMetadataName("System.Collections.Concurrent.IProducerConsumerCollection`1");
            _queue = compilation.GetTypeByMetadataName("System.Collections.Generic.Queue`1");
            _stack = compilation.GetTypeByMetadataName("System.Collections.Generic.Stack`1");
            _readOnlyCollection = compilation.GetTypeByMetadataName("System.Collections.ObjectModel.ReadOnlyCollection`1");
        }

        /// <summary>
        /// Why a value of the type is per-conversation state (<c>ChatHistory</c>, <c>List&lt;ChatMessage&gt;</c>,
        /// <c>QueryEngine._history: ChatHistory</c>), or null when it is not.
        /// </summary>
        public string? Reason(ITypeSymbol? type)
        {
            if (Unwrap(type) is not { } unwrapped)
            {
                return null;
            }

            return _reasons.GetOrAdd(unwrapped, Compute);
        }

        /// <summary>The value a stored wrapper gives every reader: through <c>Lazy&lt;T&gt;</c> and a task of it (<c>Lazy&lt;Task&lt;T&gt;&gt;</c>).</summary>
        private ITypeSymbol? Unwrap(ITypeSymbol? type)
        {
            for (var depth = 0; depth < 2 && type is INamedTypeSymbol { TypeArguments.Length: 1 } named && IsWrapper(named.OriginalDefinition); depth++)
            {
                type = named.TypeArguments[0];
            }

            return type is null or IErrorTypeSymbol or ITypeParameterSymbol ? null : type;
        }

        private bool IsWrapper(INamedTypeSymbol definition) =>
            SymbolEqualityComparer.Default.Equals(definition, _lazy)
            || SymbolEqualityComparer.Default.Equals(definition, _task)
            || SymbolEqualityComparer.Default.Equals(definition, _valueTask);

        private string? Compute(ITypeSymbol type)
        {
            if (Direct(type) is { } direct)
            {
                return direct;
            }

            if (!IsOwnType(type))
            {
                return null;
            }

            // Breadth-first through the app's own types, so the message names the shortest chain of fields.
            var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { type };
            var queue = new Queue<(ITypeSymbol Type, string Path, int Depth)>();
            queue.Enqueue((type, string.Empty, 1));
            while (queue.Count > 0)
            {
                var (current, path, depth) = queue.Dequeue();
                foreach (var (name, memberType) in InstanceState(current))
                {
                    if (Unwrap(memberType) is not { } fieldType)
                    {
                        continue;
                    }

                    var step = path + Display(current) + "." + name;
                    if (Direct(fieldType) is { } reason)
                    {
                        return step + ": " + reason;
                    }

                    if (depth < MaxDepth && IsOwnType(fieldType) && visited.Add(fieldType))
                    {
                        queue.Enqueue((fieldType, step + " → ", depth + 1));
                    }
                }
            }

            return null;
        }

        /// <summary>State recognised without looking into the app's types: catalogued state, or a growable collection of it.</summary>
        private string? Direct(ITypeSymbol type) => _direct.GetOrAdd(type, ComputeDirect);

        private string? ComputeDirect(ITypeSymbol type)
        {
            if (_apis.TypeHasRole(type, ApiRole.ThreadSafeClient))
            {
                return null;
            }

            if (_apis.TypeHasRole(type, ApiRole.ConversationState))
            {
                return Display(type);
            }

            return ElementOfGrowableCollection(type) is { } element
                && (_apis.TypeHasRole(element, ApiRole.ConversationMessage) || _apis.TypeHasRole(element, ApiRole.ConversationState))
                ? Display(type)
                : null;
        }

        /// <summary>
        /// The element type of a collection that can grow (<c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>,
        /// <c>ConcurrentBag&lt;T&gt;</c>, <c>Queue&lt;T&gt;</c>…); arrays, read-only and immutable collections do not count.
        /// </summary>
        private ITypeSymbol? ElementOfGrowableCollection(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol named || type.TypeKind is TypeKind.Array)
            {
                return null;
            }

            var definition = named.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, _readOnlyCollection)
                || definition.ContainingNamespace is { Name: "Immutable", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return null;
            }

            if ((SymbolEqualityComparer.Default.Equals(definition, _queue) || SymbolEqualityComparer.Default.Equals(definition, _stack)
                    || SymbolEqualityComparer.Default.Equals(definition, _collection) || SymbolEqualityComparer.Default.Equals(definition, _producerConsumer))
                && named.TypeArguments.Length == 1)
            {
                return named.TypeArguments[0];
            }

            foreach (var @interface in named.AllInterfaces)
            {
                var interfaceDefinition = @interface.OriginalDefinition;
                if ((SymbolEqualityComparer.Default.Equals(interfaceDefinition, _collection) || SymbolEqualityComparer.Default.Equals(interfaceDefinition, _producerConsumer))
                    && @interface.TypeArguments.Length == 1)
                {
                    return @interface.TypeArguments[0];
                }
            }

            return null;
        }

        private bool IsOwnType(ITypeSymbol type) =>
            type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            && named.Locations.Any(l => l.IsInSource)
            && !_apis.TypeHasRole(named, ApiRole.ThreadSafeClient);

        /// <summary>
        /// The instance state of one of the app's types and its source base types: its fields, including auto-property
        /// backing fields and the hidden fields of primary-constructor parameters that members use after construction.
        /// </summary>
        private static IEnumerable<(string Name, ITypeSymbol Type)> InstanceState(ITypeSymbol type)
        {
            for (var current = type as INamedTypeSymbol; current is not null && current.Locations.Any(l => l.IsInSource); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IFieldSymbol { IsStatic: false, IsConst: false } field)
                    {
                        yield return (NameOf(field), field.Type);
                    }
                }
            }
        }

        /// <summary>A field by the name the source uses: the property of a backing field, the parameter of a captured primary-constructor parameter.</summary>
        private static string NameOf(IFieldSymbol field)
        {
            if (field.AssociatedSymbol is { } associated)
            {
                return associated.Name;
            }

            // The compiler names the field of a captured primary-constructor parameter "<name>P".
            var name = field.Name;
            return field.IsImplicitlyDeclared && name.Length > 3 && name[0] == '<' && name.EndsWith(">P", System.StringComparison.Ordinal)
                ? name.Substring(1, name.Length - 3)
                : name;
        }

        private static string Display(ITypeSymbol type) =>
            type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Format);
    }
}
