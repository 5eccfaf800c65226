using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Waits that cannot block because the task has already finished: after <c>await t</c> (or an awaited
    /// <c>Task.WhenAll</c> that contains it, or a <c>Task.WaitAll</c>, <c>t.Wait()</c> or <c>t.GetAwaiter().GetResult()</c>
    /// already reported), under an
    /// <c>IsCompleted</c>/<c>IsCompletedSuccessfully</c> guard, and on the antecedent inside <c>ContinueWith</c>.
    /// </summary>
    internal static class CompletedTasks
    {
        public static bool IsKnownCompleted(IOperation task, IOperation wait)
        {
            if (task.UnderlyingTask() is not ILocalReferenceOperation { Local: var local })
            {
                return false;
            }

            return IsGuardedByCompletionCheck(wait, local) || IsInContinuationOf(wait, local) || WasCompletedBefore(wait, local);
        }

        private static bool WasCompletedBefore(IOperation wait, ILocalSymbol local)
        {
            var function = wait.EnclosingFunction() ?? wait.Root();
            var position = wait.Syntax.SpanStart;
            foreach (var operation in function.Descendants())
            {
                if (operation.Syntax.Span.End > position || operation.EnclosingFunction() != wait.EnclosingFunction())
                {
                    continue;
                }

                switch (operation)
                {
                    case IAwaitOperation awaited when awaited.Operation.IsReferenceTo(local) || IsWhenAllContaining(awaited.Operation, local):
                    case IInvocationOperation { TargetMethod.Name: "WaitAll", TargetMethod.IsStatic: true, Arguments.Length: 1 } waitAll when ContainsTask(waitAll, local):
                    case IInvocationOperation { TargetMethod.Name: "Wait", Arguments.Length: 0, Instance: { } waited } when waited.IsReferenceTo(local):
                    case IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaiter } } when awaiter.IsReferenceTo(local):
                        return true;
                }
            }

            return false;
        }

        private static bool IsWhenAllContaining(IOperation awaited, ILocalSymbol local) =>
            awaited.UnderlyingTask() is IInvocationOperation { TargetMethod.Name: "WhenAll", TargetMethod.IsStatic: true } whenAll
            && ContainsTask(whenAll, local);

        private static bool ContainsTask(IInvocationOperation invocation, ILocalSymbol local) =>
            invocation.Arguments.Any(argument => argument.Value.ListElements().Any(e => e.IsReferenceTo(local)));

        private static bool IsGuardedByCompletionCheck(IOperation wait, ILocalSymbol local)
        {
            IOperation child = wait;
            for (var current = wait.Parent; current is not null; child = current, current = current.Parent)
            {
                var guarded = current switch
                {
                    IConditionalOperation conditional => conditional.WhenTrue == child && ChecksCompletion(conditional.Condition, local),
                    IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and_ => and_.RightOperand == child && ChecksCompletion(and_.LeftOperand, local),
                    _ => false,
                };
                if (guarded)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>t.IsCompleted</c>, <c>t.IsCompletedSuccessfully</c>, or a conjunction that contains one.</summary>
        private static bool ChecksCompletion(IOperation condition, ILocalSymbol local) => condition.WithoutConversions() switch
        {
            IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully", Instance: { } instance } => instance.IsReferenceTo(local),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and_ => ChecksCompletion(and_.LeftOperand, local) || ChecksCompletion(and_.RightOperand, local),
            _ => false,
        };

        private static bool IsInContinuationOf(IOperation wait, ILocalSymbol local)
        {
            for (var current = wait.Parent; current is not null; current = current.Parent)
            {
                if (current is IInvocationOperation { TargetMethod.Name: "ContinueWith", Instance: { } antecedent } && antecedent.IsReferenceTo(local))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
