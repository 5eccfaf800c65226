using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG010: <c>.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>, <c>Task.WaitAll/WaitAny</c> on a task that
    /// comes from an AI call, directly or through the app's own methods, and <c>.ToBlockingEnumerable()</c> on an AI stream.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG010BlockingWaitOnAiCallAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer may rewrite the wait (absent: no safe automatic fix).</summary>
        public const string FixProperty = "Fix";

        /// <summary>Replace the wait by <c>await</c>; the enclosing function is already async (or top-level code).</summary>
        public const string FixAwait = "Await";

        /// <summary>Replace the wait by <c>await</c> and make the enclosing handler, lambda or entry point async.</summary>
        public const string FixAwaitAndMakeAsync = "AwaitAndMakeAsync";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG010_BlockingWaitOnAiCall);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (rag.TaskTypes is not { } taskTypes)
            {
                return;
            }

            context.RegisterOperationAction(c => AnalyzePropertyReference(c, rag, taskTypes), OperationKind.PropertyReference);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, rag, taskTypes), OperationKind.Invocation);
        }

        private static void AnalyzePropertyReference(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.Name != "Result" || reference.Instance is null || !taskTypes.IsGenericTask(reference.Property.ContainingType))
            {
                return;
            }

            Report(context, rag, taskTypes, reference, reference.Instance, ".Result", fixable: true);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Wait" when invocation.Instance is { } task && taskTypes.IsTask(method.ContainingType):
                    // Wait(timeout) and Wait(token) mean something else than await; they are reported without a fix.
                    Report(context, rag, taskTypes, invocation, task, invocation.Arguments.Length == 0 ? ".Wait()" : ".Wait(…)", fixable: invocation.Arguments.Length == 0);
                    break;

                case "GetResult" when taskTypes.IsAwaiter(method.ContainingType)
                    && invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaited }:
                    Report(context, rag, taskTypes, invocation, awaited, ".GetAwaiter().GetResult()", fixable: true);
                    break;

                case "WaitAll" or "WaitAny" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, taskTypes.Task):
                    AnalyzeWaitAllOrAny(context, rag, taskTypes, invocation);
                    break;

                case "ToBlockingEnumerable" when AiOrigin.StreamConsumed(invocation) is { } stream:
                    // Every MoveNext blocks until the model sends the next update; `await foreach` is the rewrite, not offered.
                    Report(context, rag, taskTypes, invocation, stream, ".ToBlockingEnumerable()", fixable: false);
                    break;
            }
        }

        private static void AnalyzeWaitAllOrAny(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes, IInvocationOperation invocation)
        {
            if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not { } tasks)
            {
                return;
            }

            foreach (var element in tasks.ListElements())
            {
                if (AiOrigin.Find(element, rag) is { } origin && !CompletedTasks.IsKnownCompleted(element, invocation))
                {
                    // The await form keeps the meaning only for WaitAll(tasks) and for a WaitAny whose index is unused.
                    // .NET 9+ binds WaitAll(list) to WaitAll(IEnumerable<Task>, CancellationToken = default): count written arguments.
                    var onlyTasks = invocation.Arguments.Count(a => a.ArgumentKind != ArgumentKind.DefaultValue) == 1;
                    var resultUnused = invocation.TargetMethod.Name == "WaitAll" || invocation.Parent is IExpressionStatementOperation;
                    ReportAt(context, rag, taskTypes, invocation, "Task." + invocation.TargetMethod.Name, origin, onlyTasks && resultUnused);
                    return;
                }
            }
        }

        private static void Report(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes, IOperation wait, IOperation task, string form, bool fixable)
        {
            if (IsInNameOf(wait) || AiOrigin.Find(task, rag) is not { } origin || CompletedTasks.IsKnownCompleted(task, wait))
            {
                return;
            }

            ReportAt(context, rag, taskTypes, wait, form, origin, fixable);
        }

        private static void ReportAt(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes, IOperation wait, string form, string origin, bool fixable)
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (fixable && AsyncContext.FixFor(wait, context.ContainingSymbol, rag.Handlers, taskTypes) is { } fix)
            {
                properties = properties.Add(FixProperty, fix);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG010_BlockingWaitOnAiCall, wait.Syntax.GetLocation(), properties, form, origin));
        }

        private static bool IsInNameOf(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is INameOfOperation)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
