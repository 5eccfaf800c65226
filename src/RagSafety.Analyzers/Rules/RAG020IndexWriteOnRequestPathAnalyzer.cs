using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG020: a request handler (any kind of the handler model) calls a catalogued index write, or one of the app's own
    /// methods whose call summary reaches one. Reported at the handler's call; the message names the chain.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG020IndexWriteOnRequestPathAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: present (value <see cref="FixEnqueue"/>) when the write can move to the ingestion queue.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Replace the awaited statement by an enqueue on the background ingestion queue.</summary>
        public const string FixEnqueue = "Enqueue";

        /// <summary>Diagnostic property: the name the receiver gets as the work item's parameter.</summary>
        public const string ReceiverNameProperty = "ReceiverName";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG020_IndexWriteOnRequestPath);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (!rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            var allowed = OptionSpecs.AllowedHandlers.Read(rag.Options);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, rag, allowed), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RagSafetyContext rag, IReadOnlyList<string> allowed)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var target = invocation.TargetMethod;
            if (target.MethodKind == MethodKind.LocalFunction)
            {
                // A local function's writes are reported inside its body, which runs in the same handler.
                return;
            }

            // Cheap test first: most calls are not in a handler, and their call summaries are never needed.
            if (rag.Handlers.EnclosingHandlerKind(invocation, context.ContainingSymbol) == HandlerKind.None)
            {
                return;
            }

            string chain;
            if (rag.Apis.IsIndexWrite(target))
            {
                chain = CallChain.Display(target);
            }
            else if (rag.Summaries.FindIndexWrite(target) is { } found)
            {
                chain = found.Describe();
            }
            else
            {
                return;
            }

            if (IsInNameOf(invocation) || IsQueuedWork(invocation) || HandlerSite.Find(invocation, context.ContainingSymbol, rag.Handlers) is not { } handler
                || allowed.Any(handler.IsNamedBy))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (IngestionMove.ReceiverName(invocation, handler) is { } receiverName)
            {
                properties = properties.Add(FixProperty, FixEnqueue).Add(ReceiverNameProperty, receiverName);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG020_IndexWriteOnRequestPath, invocation.Syntax.GetLocation(), properties, handler.Name, chain));
        }

        /// <summary>
        /// Inside a lambda handed to a background queue (<c>queue.EnqueueAsync(…)</c>, <c>QueueBackgroundWorkItem(…)</c>):
        /// the work runs after the request, which is what this rule asks for.
        /// </summary>
        private static bool IsQueuedWork(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is not IAnonymousFunctionOperation)
                {
                    continue;
                }

                var parent = current.Parent;
                while (parent is IDelegateCreationOperation or IConversionOperation)
                {
                    parent = parent.Parent;
                }

                if (parent is IArgumentOperation { Parent: IInvocationOperation queue }
                    && (queue.TargetMethod.Name.StartsWith("Enqueue", System.StringComparison.Ordinal)
                        || queue.TargetMethod.Name.StartsWith("QueueBackgroundWorkItem", System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
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
