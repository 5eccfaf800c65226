using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    internal static class OperationExtensions
    {
        /// <summary>The operation without implicit/explicit conversions and parentheses around it.</summary>
        public static IOperation WithoutConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The task behind <c>task.ConfigureAwait(…)</c> or <c>valueTask.AsTask()</c>, which keep the same work.</summary>
        public static IOperation UnderlyingTask(this IOperation operation)
        {
            operation = operation.WithoutConversions();
            while (operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask", Instance: { } instance })
            {
                operation = instance.WithoutConversions();
            }

            return operation;
        }

        /// <summary>The nearest function that contains the operation: a lambda, a local function, or null for the member body.</summary>
        public static IOperation? EnclosingFunction(this IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return current;
                }
            }

            return null;
        }

        /// <summary>The root of the operation tree the operation belongs to (the member body).</summary>
        public static IOperation Root(this IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>
        /// The elements of a task-list argument: <c>params Task[]</c> (an array creation), <c>params ReadOnlySpan&lt;Task&gt;</c>
        /// (a collection expression), or the argument itself.
        /// </summary>
        public static System.Collections.Generic.IEnumerable<IOperation> ListElements(this IOperation argumentValue) => argumentValue.WithoutConversions() switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            var single => new[] { single },
        };

        public static bool IsReferenceTo(this IOperation operation, ILocalSymbol local) =>
            operation.UnderlyingTask() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }
}
