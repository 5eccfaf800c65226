using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG040: <c>Task.WhenAll/WhenAny/WhenEach</c> over one AI call (or index write) per element of a data-dependent sequence,
    /// with nothing bounding how many run at once.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG040UnboundedFanOutAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: the degree of concurrency the fixes write (<c>rag_safety.max_concurrency</c>).</summary>
        public const string MaxConcurrencyProperty = "MaxConcurrency";

        /// <summary>Diagnostic property, present when the semaphore fix keeps the code's meaning. The first additional location is the selector lambda.</summary>
        public const string ThrottleProperty = "Throttle";

        /// <summary>Diagnostic property, present when the <c>Parallel.ForEachAsync</c> fix keeps the code's meaning.</summary>
        public const string ParallelForEachProperty = "ParallelForEachAsync";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG040_UnboundedFanOut);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (rag.TaskTypes is not { } taskTypes)
            {
                return;
            }

            var maxConcurrency = OptionSpecs.MaxConcurrency.Read(rag.Options);
            var finder = new FanOutFinder(context.Compilation, rag, new Throttles(context.Compilation), SmallCollectionLimit(maxConcurrency));
            var hasParallelForEach = context.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel")?.GetMembers("ForEachAsync").Length > 0
                && context.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ParallelOptions") is not null;

            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (!FanOutFinder.IsCombinator(invocation, taskTypes) || finder.Find(invocation) is not { } fanOut)
                    {
                        return;
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty.Add(MaxConcurrencyProperty, maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    var additional = Enumerable.Empty<Location>();
                    if (fanOut.Selector is { } selector && CanThrottle(fanOut, selector, taskTypes))
                    {
                        properties = properties.Add(ThrottleProperty, "");
                        additional = new[] { selector.Syntax.GetLocation() };
                        if (hasParallelForEach && selector is IAnonymousFunctionOperation lambda && CanUseParallelForEach(fanOut, lambda, taskTypes))
                        {
                            properties = properties.Add(ParallelForEachProperty, "");
                        }
                    }

                    c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RAG040_UnboundedFanOut,
                        invocation.Syntax.GetLocation(),
                        additional,
                        properties,
                        "Task." + invocation.TargetMethod.Name,
                        fanOut.Call.Describe(),
                        fanOut.SequenceText));
                },
                OperationKind.Invocation);
        }

        /// <summary>A fixed collection up to this size is not reported: 8 elements, or the configured degree when it is larger.</summary>
        internal static int SmallCollectionLimit(int maxConcurrency) => System.Math.Max(8, maxConcurrency);

        /// <summary>
        /// The semaphore fix: an awaited <c>Task.WhenAll</c> over a <c>Select</c> whose lambda the fix can wrap, a block to declare
        /// the semaphore in, and the await in that same block (so every task finishes before the semaphore is disposed).
        /// </summary>
        private static bool CanThrottle(FanOut fanOut, IOperation selector, TaskTypes taskTypes)
        {
            if (fanOut.Shape != FanOutShape.Projection
                || fanOut.Combinator.TargetMethod.Name != "WhenAll"
                || FanOutFinder.AwaitOf(fanOut.Combinator) is not { } awaitOperation
                || selector.Syntax.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 })
            {
                return false;
            }

            switch (selector)
            {
                case IAnonymousFunctionOperation function when function.Syntax is LambdaExpressionSyntax lambda:
                    if (lambda.Modifiers.Any(SyntaxKind.StaticKeyword) || !IsTaskReturning(function, taskTypes)
                        || (lambda.Body is BlockSyntax && !function.Symbol.IsAsync))
                    {
                        // A non-async block body: every return would have to await its task; not rewritten.
                        return false;
                    }

                    break;

                case IMethodReferenceOperation reference when CanWrapMethodGroup(reference, taskTypes):
                    break;

                default:
                    return false;
            }

            var anchor = selector.Syntax.Parent?.FirstAncestorOrSelf<StatementSyntax>();
            var awaitStatement = awaitOperation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
            if (anchor is null || awaitStatement is null || anchor is LocalFunctionStatementSyntax
                || !(anchor.Parent is BlockSyntax || anchor.Parent is GlobalStatementSyntax)
                || CrossesFunction(selector.Syntax, anchor) || CrossesFunction(fanOut.Combinator.Syntax, awaitStatement))
            {
                // The semaphore must live in the function that awaits the tasks: an expression-bodied endpoint lambda
                // around the fan-out would otherwise get a semaphore declared (and disposed) outside it.
                return false;
            }

            if (fanOut.Local is null)
            {
                return anchor == awaitStatement;
            }

            // var tasks = items.Select(…); … await Task.WhenAll(tasks); in one block, and the local used only there.
            return SameBlock(anchor, awaitStatement)
                && anchor.SpanStart < awaitStatement.SpanStart
                && fanOut.Combinator.Root().Descendants().OfType<ILocalReferenceOperation>().Count(r => SymbolEqualityComparer.Default.Equals(r.Local, fanOut.Local)) == 1;
        }

        /// <summary>
        /// The <c>Parallel.ForEachAsync</c> fix: the combined task's results are not used (<c>await Task.WhenAll(items.Select(…));</c>),
        /// the selector takes one untyped parameter, and its body can become a <c>ValueTask</c> body without dropping values.
        /// </summary>
        private static bool CanUseParallelForEach(FanOut fanOut, IAnonymousFunctionOperation selector, TaskTypes taskTypes)
        {
            if (fanOut.Local is not null
                || FanOutFinder.AwaitOf(fanOut.Combinator)?.Parent is not IExpressionStatementOperation
                || fanOut.Select?.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } selectSyntax
                || selector.Symbol.Parameters.Length != 1)
            {
                return false;
            }

            var singleUntypedParameter = selector.Syntax switch
            {
                SimpleLambdaExpressionSyntax { Parameter.AttributeLists.Count: 0 } => true,
                ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters: { Count: 1 } parameters } =>
                    parameters[0] is { Type: null, AttributeLists.Count: 0, Modifiers.Count: 0 },
                _ => false,
            };

            return singleUntypedParameter
                && (((LambdaExpressionSyntax)selector.Syntax).ExpressionBody is not null
                    || SymbolEqualityComparer.Default.Equals(selector.Symbol.ReturnType.OriginalDefinition, taskTypes.Task))
                && selectSyntax.ArgumentList.Arguments.Count == 1;
        }

        /// <summary>
        /// <c>items.Select(StoreAsync)</c> becomes <c>async item => { … await StoreAsync(item) … }</c>: one by-value parameter,
        /// a Task or Task&lt;T&gt; exactly as the delegate returns, and a receiver that reads the same object on every call.
        /// </summary>
        private static bool CanWrapMethodGroup(IMethodReferenceOperation reference, TaskTypes taskTypes)
        {
            var method = reference.Method;
            var delegateReturn = (reference.Parent as IDelegateCreationOperation)?.Type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } ? invoke.ReturnType : null;
            return method.Parameters.Length == 1
                && method.Parameters[0].RefKind == RefKind.None
                && taskTypes.IsTask(method.ReturnType as INamedTypeSymbol)
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, delegateReturn)
                && reference.Syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax
                && reference.Instance?.WithoutConversions() is null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation
                    or IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };
        }

        /// <summary>The lambda returns Task or Task&lt;T&gt;, and a non-async expression body is exactly of that type.</summary>
        private static bool IsTaskReturning(IAnonymousFunctionOperation selector, TaskTypes taskTypes)
        {
            var returnType = selector.Symbol.ReturnType as INamedTypeSymbol;
            if (!taskTypes.IsTask(returnType))
            {
                return false;
            }

            if (selector.Symbol.IsAsync || selector.Syntax is not LambdaExpressionSyntax { ExpressionBody: { } })
            {
                return true;
            }

            var returned = selector.Body.Operations.OfType<IReturnOperation>().FirstOrDefault()?.ReturnedValue;
            var bodyType = returned?.WithoutConversions().Type as INamedTypeSymbol;
            return taskTypes.IsTask(bodyType)
                && (SymbolEqualityComparer.Default.Equals(returnType!.OriginalDefinition, taskTypes.Task) || SymbolEqualityComparer.Default.Equals(bodyType, returnType));
        }

        /// <summary>Whether a lambda, anonymous method or local function lies between the node and the statement that contains it.</summary>
        private static bool CrossesFunction(SyntaxNode node, StatementSyntax statement)
        {
            for (var current = node.Parent; current is not null && current != statement; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameBlock(StatementSyntax first, StatementSyntax second) =>
            first.Parent == second.Parent
            || (first.Parent is GlobalStatementSyntax && second.Parent is GlobalStatementSyntax);
    }
}
