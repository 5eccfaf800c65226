using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG021: the task of an index write is dropped (an expression statement, or <c>_ = …</c>), or a lazy batch writer
    /// (<c>IAsyncEnumerable</c>, e.g. the older <c>UpsertBatchAsync</c>) is never enumerated: the data may never reach the index.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG021IndexWriteNeverCompletesAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer may complete the write (the values of <see cref="RAG010BlockingWaitOnAiCallAnalyzer"/>); absent: no fix.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Diagnostic property: <see cref="FormTask"/> or <see cref="FormLazy"/>.</summary>
        public const string FormProperty = "Form";

        /// <summary>A task that is dropped: the fix awaits it.</summary>
        public const string FormTask = "Task";

        /// <summary>A lazy writer that is never enumerated: the fix enumerates it with <c>await foreach</c>.</summary>
        public const string FormLazy = "Lazy";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG021_IndexWriteNeverCompletes);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (rag.TaskTypes is not { } taskTypes)
            {
                return;
            }

            context.RegisterOperationAction(c => AnalyzeInvocation(c, rag, taskTypes), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, RagSafetyContext rag, TaskTypes taskTypes)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var target = invocation.TargetMethod;
            var returnType = target.ReturnType;
            var lazy = IsAsyncEnumerable(returnType);
            if (!lazy && !taskTypes.IsTaskLike(returnType))
            {
                return;
            }

            // task.ConfigureAwait(false) keeps the same task.
            IOperation result = invocation;
            if (!lazy && result.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == result)
            {
                result = configureAwait;
            }

            var discard = result.Parent is ISimpleAssignmentOperation { Target: IDiscardOperation } assignment && assignment.Value == result
                && assignment.Parent is IExpressionStatementOperation;
            var statement = result.Parent is IExpressionStatementOperation;
            var unusedLocal = lazy && IsUnusedLocalInitializer(result);
            if (!discard && !statement && !unusedLocal)
            {
                return;
            }

            string origin;
            if (rag.Apis.IsIndexWrite(target))
            {
                origin = CallChain.Display(target);
            }
            else if (statement && target.MethodKind != MethodKind.LocalFunction && rag.Summaries.FindIndexWrite(target) is { } chain
                && (lazy || !IsAsyncEnumerable(chain.Target.ReturnType)))
            {
                // An app method that returns the write's task (or its own task around it), dropped as a statement.
                // A discard '_ = App()' of the app's own method is taken as deliberate fire-and-forget.
                origin = chain.Describe();
            }
            else
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(FormProperty, lazy ? FormLazy : FormTask);
            // An unused local is replaced by the loop only when its statement declares nothing else.
            var replaceable = !unusedLocal
                || (result.Parent?.Parent?.Parent?.Parent is IVariableDeclarationGroupOperation { Declarations.Length: 1 } group && group.Declarations[0].Declarators.Length == 1);
            if (replaceable && AsyncContext.FixFor(result, context.ContainingSymbol, rag.Handlers, taskTypes) is { } fix)
            {
                properties = properties.Add(FixProperty, fix);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG021_IndexWriteNeverCompletes, invocation.Syntax.GetLocation(), properties, origin));
        }

        private static bool IsAsyncEnumerable(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "IAsyncEnumerable", Arity: 1, ContainingNamespace: { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace.Name: "System" } } };

        /// <summary><c>var keys = store.UpsertBatchAsync(…);</c> where <c>keys</c> is never read.</summary>
        private static bool IsUnusedLocalInitializer(IOperation result)
        {
            if (result.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return false;
            }

            var local = declarator.Symbol;
            var root = result.EnclosingFunction() ?? result.Root();
            return !root.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local));
        }
    }
}
