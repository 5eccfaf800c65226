using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Program
{
    /// <summary>The task and awaiter types of the compilation, resolved once.</summary>
    internal sealed class TaskTypes
    {
        private readonly INamedTypeSymbol? _genericTask;
        private readonly INamedTypeSymbol? _valueTask;
        private readonly INamedTypeSymbol? _genericValueTask;
        private readonly INamedTypeSymbol?[] _awaiters;

        private TaskTypes(Compilation compilation, INamedTypeSymbol task)
        {
            Task = task;
            _genericTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            _valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            _genericValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            _awaiters = new[]
            {
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter"),
                compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter"),
            };
        }

        public INamedTypeSymbol Task { get; }

        public static TaskTypes? Create(Compilation compilation) =>
            compilation.GetTypeByMetadataName("System.Threading.Tasks.Task") is { } task ? new TaskTypes(compilation, task) : null;

        /// <summary>Task or Task&lt;T&gt; (what <c>Wait()</c> is declared on).</summary>
        public bool IsTask(INamedTypeSymbol? type) => Is(type, Task) || Is(type, _genericTask);

        /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt; (what <c>.Result</c> is declared on).</summary>
        public bool IsGenericTask(INamedTypeSymbol? type) => Is(type, _genericTask) || Is(type, _genericValueTask);

        /// <summary>Any task-like type a method can return and the caller can await.</summary>
        public bool IsTaskLike(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && (IsTask(named) || Is(named, _valueTask) || Is(named, _genericValueTask));

        public bool IsAwaiter(INamedTypeSymbol? type)
        {
            foreach (var awaiter in _awaiters)
            {
                if (Is(type, awaiter))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
    }
}
