using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Where a task comes from: a catalogued AI call, an app method whose summary reaches one, the tasks of a <c>Select</c>
    /// (materialised or not) whose selector makes one, or a consumer of an AI call's async stream.
    /// </summary>
    internal static class AiOrigin
    {
        private const int MaxLocalHops = 3;

        /// <summary>A description of the AI call behind the task (<c>IChatClient.GetResponseAsync</c>, or a chain), or null.</summary>
        public static string? Find(IOperation task, RagSafetyContext rag) => FindChain(task, rag, includeIndexWrites: false)?.Describe();

        /// <summary>The chain to the AI call (or, with <paramref name="includeIndexWrites"/>, the index write) behind the task, or null.</summary>
        public static CallChain? FindChain(IOperation task, RagSafetyContext rag, bool includeIndexWrites) => Find(task, rag, MaxLocalHops, includeIndexWrites);

        /// <summary>
        /// The chain from a called method to an AI call (or index write): one step for a catalogued API, the call summary's
        /// chain for an app method, null otherwise.
        /// </summary>
        public static CallChain? ChainOf(IMethodSymbol method, RagSafetyContext rag, bool includeIndexWrites)
        {
            if (rag.Apis.IsAiCall(method) || (includeIndexWrites && rag.Apis.IsIndexWrite(method)))
            {
                return new CallChain(System.Collections.Immutable.ImmutableArray.Create(method));
            }

            return rag.Summaries.FindAiCall(method) ?? (includeIndexWrites ? rag.Summaries.FindIndexWrite(method) : null);
        }

        private static CallChain? Find(IOperation task, RagSafetyContext rag, int hopsLeft, bool writes)
        {
            switch (task.UnderlyingTask())
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "WhenAll" or "WhenAny" } combinator } whenAll
                    when IsTask(combinator.ContainingType, rag):
                    // Task.WhenAll(a, b).Wait(): the combined task waits for its AI tasks.
                    return whenAll.Arguments.SelectMany(a => a.Value.ListElements()).Select(e => Find(e, rag, hopsLeft, writes)).FirstOrDefault(o => o is not null);

                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Run" } run } taskRun
                    when IsTask(run.ContainingType, rag) && taskRun.Arguments.FirstOrDefault()?.Value.WithoutConversions() is IDelegateCreationOperation { Target: IAnonymousFunctionOperation work }:
                    // Task.Run(() => client.GetResponseAsync(q)).Result: the work is the AI call.
                    return work.Body.Descendants().OfType<IInvocationOperation>().Select(i => ChainOf(i.TargetMethod, rag, writes)).FirstOrDefault(o => o is not null);

                case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" or "AsEnumerable", Arguments.Length: 1 } materialize
                    when IsLinq(materialize.TargetMethod) && hopsLeft > 0:
                    // Task.WaitAll(items.Select(…).ToArray()): the array holds the selector's tasks.
                    return Find(materialize.Arguments[0].Value, rag, hopsLeft - 1, writes);

                case IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } select when IsLinq(select.TargetMethod):
                    return SelectorChain(select.Arguments[1].Value, rag, writes);

                case IInvocationOperation invocation:
                    if (ChainOf(invocation.TargetMethod, rag, writes) is { } chain)
                    {
                        return chain;
                    }

                    // A consumer of an AI stream (ToListAsync, ToArrayAsync, FirstAsync, ToChatResponseAsync, or an operator
                    // in between) finishes only when the stream does: waiting on it waits on the AI call.
                    return hopsLeft > 0 && StreamConsumed(invocation) is { } stream ? Find(stream, rag, hopsLeft - 1, writes) : null;

                case ILocalReferenceOperation local when hopsLeft > 0 && InitializerOf(local) is { } initializer:
                    // Only a local's initializer is followed: later assignments may hold any task.
                    return Find(initializer, rag, hopsLeft - 1, writes);

                default:
                    return null;
            }
        }

        /// <summary>The chain of the first call in a <c>Select</c>'s lambda that is (or reaches) an AI call, or of its method group.</summary>
        private static CallChain? SelectorChain(IOperation selector, RagSafetyContext rag, bool writes) => selector.WithoutConversions() switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } =>
                function.Body.Descendants().OfType<IInvocationOperation>().Select(i => ChainOf(i.TargetMethod, rag, writes)).FirstOrDefault(c => c is not null),
            IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => ChainOf(reference.Method, rag, writes),
            _ => null,
        };

        /// <summary>The async stream an extension method consumes (its <c>this</c> argument of type <c>IAsyncEnumerable&lt;T&gt;</c>), or null.</summary>
        internal static IOperation? StreamConsumed(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            return method.IsExtensionMethod && method.Parameters.Length > 0
                && method.Parameters[0].Type is INamedTypeSymbol { Arity: 1, Name: "IAsyncEnumerable", ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } }
                && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } receiver
                    ? receiver.Value
                    : null;
        }

        private static bool IsLinq(IMethodSymbol method) =>
            (method.ReducedFrom ?? method).ContainingType is { Name: "Enumerable", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static bool IsTask(INamedTypeSymbol? type, RagSafetyContext rag) =>
            SymbolEqualityComparer.Default.Equals(type, rag.TaskTypes?.Task);

        /// <summary>The initializer of a local that is never assigned again, or null.</summary>
        internal static IOperation? InitializerOf(ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            if (local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || value.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            // A local assigned again later may hold another task when it is awaited: stay silent for those.
            var root = reference.Root();
            var reassigned = root.Descendants().OfType<ISimpleAssignmentOperation>()
                .Any(a => a.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local));
            return reassigned ? null : model.GetOperation(value);
        }
    }
}
