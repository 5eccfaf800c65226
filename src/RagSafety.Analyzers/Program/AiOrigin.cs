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
        public static string? Find(IOperation task, RagSafetyContext rag) => Find(task, rag, MaxLocalHops);

        private static string? Find(IOperation task, RagSafetyContext rag, int hopsLeft)
        {
            switch (task.UnderlyingTask())
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (rag.Apis.IsAiCall(method))
                    {
                        return CallChain.Display(method);
                    }

                    return rag.Summaries.FindAiCall(method)?.Describe();

                case ILocalReferenceOperation local when hopsLeft > 0 && InitializerOf(local) is { } initializer:
                    // Only a local's initializer is followed: later assignments may hold any task.
                    return Find(initializer, rag, hopsLeft - 1);

                default:
                    return null;
            }
        }

        private static IOperation? InitializerOf(ILocalReferenceOperation reference)
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
