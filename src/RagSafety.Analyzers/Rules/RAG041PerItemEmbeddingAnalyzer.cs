using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG041: a single-input embedding call (MEAI <c>GenerateAsync(value)</c>/<c>GenerateVectorAsync</c>, OpenAI
    /// <c>GenerateEmbedding(Async)(string)</c>, Semantic Kernel <c>GenerateEmbeddingAsync(value)</c>) inside a <c>foreach</c>/<c>for</c>
    /// loop, on an input that changes with each iteration, where the same client has a batch overload.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG041PerItemEmbeddingAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Single-input embedding methods and the names of their batch twins.</summary>
        private static readonly Dictionary<string, string[]> BatchNames = new()
        {
            ["GenerateAsync"] = new[] { "GenerateAsync" },
            ["GenerateVectorAsync"] = new[] { "GenerateAsync" },
            ["GenerateEmbeddingVectorAsync"] = new[] { "GenerateAsync" },
            ["GenerateEmbeddingAsync"] = new[] { "GenerateEmbeddingsAsync", "GenerateAsync" },
            ["GenerateEmbedding"] = new[] { "GenerateEmbeddings" },
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG041_PerItemEmbedding);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var enumerableOfT = context.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            context.RegisterOperationAction(c => Analyze(c, rag, enumerableOfT), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, INamedTypeSymbol enumerableOfT)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!BatchNames.TryGetValue(method.Name, out var batchNames) || !rag.Apis.IsAiCall(method))
            {
                return;
            }

            // The input argument: the first one after the receiver of an extension method.
            var inputOrdinal = method.IsExtensionMethod && method.ReducedFrom is null ? 1 : 0;
            var input = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == inputOrdinal);
            if (input?.Parameter is not { } inputParameter || ElementType(inputParameter.Type, enumerableOfT) is not null)
            {
                return;
            }

            if (EnclosingLoop(invocation) is not { } loop || !DependsOnIteration(input.Value, loop))
            {
                return;
            }

            var receiver = method.IsExtensionMethod && method.ReducedFrom is null
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.WithoutConversions().Type
                : invocation.Instance?.WithoutConversions().Type ?? method.ContainingType;
            if (FindBatch(receiver, batchNames, inputParameter.Type, enumerableOfT) is not { } batch)
            {
                return;
            }

            var batchParameter = batch.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG041_PerItemEmbedding,
                invocation.Syntax.GetLocation(),
                CallChain.Display(method),
                $"{batch.ContainingType.Name}.{batch.Name}({batchParameter})"));
        }

        /// <summary>A method of the receiver's type (or its interfaces and bases) named as a batch twin, taking a sequence of the input's type.</summary>
        private static IMethodSymbol? FindBatch(ITypeSymbol? receiver, string[] names, ITypeSymbol inputType, INamedTypeSymbol enumerableOfT)
        {
            if (receiver is null)
            {
                return null;
            }

            var types = new List<ITypeSymbol> { receiver };
            types.AddRange(receiver.AllInterfaces);
            for (var baseType = receiver.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                types.Add(baseType);
            }

            foreach (var name in names)
            {
                foreach (var type in types)
                {
                    foreach (var candidate in type.GetMembers(name).OfType<IMethodSymbol>())
                    {
                        if (!candidate.IsStatic && candidate.Parameters.Length > 0
                            && ElementType(candidate.Parameters[0].Type, enumerableOfT) is { } element
                            && (SymbolEqualityComparer.Default.Equals(element, inputType) || inputType is ITypeParameterSymbol))
                        {
                            return candidate;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>The element type of a sequence parameter (<c>IEnumerable&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, arrays), null for anything else, including string.</summary>
        private static ITypeSymbol? ElementType(ITypeSymbol type, INamedTypeSymbol enumerableOfT)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType;
            }

            if (type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, enumerableOfT))
            {
                return named.TypeArguments[0];
            }

            return type.AllInterfaces.FirstOrDefault(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, enumerableOfT))?.TypeArguments[0];
        }

        /// <summary>The <c>foreach</c> (not <c>await foreach</c>) or <c>for</c> loop around the call in the same function.</summary>
        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation { IsAsynchronous: false } or IForLoopOperation:
                        return (ILoopOperation)current;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                }
            }

            return null;
        }

        /// <summary>Whether the input reads a local declared by the loop or inside it (the item of this iteration).</summary>
        private static bool DependsOnIteration(IOperation input, ILoopOperation loop) =>
            input.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r =>
                r.Local.DeclaringSyntaxReferences.Any(d => d.SyntaxTree == loop.Syntax.SyntaxTree && loop.Syntax.Span.Contains(d.Span)));
    }
}
