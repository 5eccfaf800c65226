using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>Where a task comes from: a catalogued AI call, or an app method whose summary reaches one.</summary>
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

                case IInvocationOperation invocation:
                    return ChainOf(invocation.TargetMethod, rag, writes);

                case ILocalReferenceOperation local when hopsLeft > 0 && InitializerOf(local) is { } initializer:
                    // Only a local's initializer is followed: later assignments may hold any task.
                    return Find(initializer, rag, hopsLeft - 1, writes);

                default:
                    return null;
            }
        }

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
