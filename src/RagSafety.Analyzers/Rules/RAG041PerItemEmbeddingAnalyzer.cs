using System.Collections.Concurrent;
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
    /// <c>GenerateEmbedding(Async)(string)</c>, Semantic Kernel <c>GenerateEmbeddingAsync(value)</c>, OllamaSharp
    /// <c>EmbedAsync(string)</c>; not OllamaSharp's text <c>GenerateAsync(prompt)</c>), or the app's own method
    /// that makes one on its parameter, inside a <c>foreach</c>/<c>for</c> loop, on an input that changes with each iteration,
    /// where the same client has a batch overload. Not in start-up code, and not over items written out in the code.
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

            // OllamaSharp's EmbedAsync(string): OllamaApiClient is also an IEmbeddingGenerator, whose GenerateAsync takes many.
            ["EmbedAsync"] = new[] { "EmbedAsync", "GenerateAsync" },
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG041_PerItemEmbedding);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var enumerableOfT = context.Compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            var wrappers = new WrapperCache(context.Compilation, rag, enumerableOfT);
            context.RegisterOperationAction(c => Analyze(c, rag, enumerableOfT, wrappers), OperationKind.Invocation);
        }

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, INamedTypeSymbol enumerableOfT, WrapperCache wrappers)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (EnclosingLoop(invocation) is not { } loop)
            {
                return;
            }

            PerItemCall? call;
            if (BatchNames.ContainsKey(method.Name) && rag.Apis.IsAiCall(method) && !Knowledge.Generations.IsGeneration(method))
            {
                call = SingleItemCall(invocation, enumerableOfT);
            }
            else if (invocation.Arguments.Any(a => DependsOnIteration(a.Value, loop)) && wrappers.Of(method) is { } wrapper)
            {
                // The app's own single-item wrapper (one level): the item goes in through the parameter the wrapper embeds.
                call = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == wrapper.InputOrdinal) is { } argument
                    ? new PerItemCall(argument.Value, CallChain.Display(method) + " → " + wrapper.Call.Description, wrapper.Call.Batch)
                    : null;
            }
            else
            {
                return;
            }

            if (call is null || !DependsOnIteration(call.Input, loop)
                || (invocation.EnclosingFunction() is null && StartUpCode.IsStartUpMember(context.ContainingSymbol)) || IsWrittenOut(loop))
            {
                // Start-up code and console entry points run once (a lambda written there may run per request: not skipped);
                // a loop over items written in the code is a handful.
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG041_PerItemEmbedding, invocation.Syntax.GetLocation(), call.Description, call.Batch));
        }

        /// <summary>A single-input embedding call with a batch twin on its client: its input, its name and the batch overload's.</summary>
        private static PerItemCall? SingleItemCall(IInvocationOperation invocation, INamedTypeSymbol enumerableOfT)
        {
            var method = invocation.TargetMethod;
            if (!BatchNames.TryGetValue(method.Name, out var batchNames))
            {
                return null;
            }

            // The input argument: the first one after the receiver of an extension method.
            var inputOrdinal = method.IsExtensionMethod && method.ReducedFrom is null ? 1 : 0;
            var input = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == inputOrdinal);
            if (input?.Parameter is not { } inputParameter || ElementType(inputParameter.Type, enumerableOfT) is not null)
            {
                return null;
            }

            var receiver = method.IsExtensionMethod && method.ReducedFrom is null
                ? invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.WithoutConversions().Type
                : invocation.Instance?.WithoutConversions().Type ?? method.ContainingType;
            if (FindBatch(receiver, batchNames, inputParameter.Type, enumerableOfT) is not { } batch)
            {
                return null;
            }

            var batchParameter = batch.Parameters[0].Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            return new PerItemCall(input.Value, CallChain.Display(method), $"{batch.ContainingType.Name}.{batch.Name}({batchParameter})");
        }

        /// <summary>
        /// Whether the loop ranges over items written in the code: an array or collection expression, or a collection
        /// initializer, directly or in a local that nothing adds to.
        /// </summary>
        private static bool IsWrittenOut(ILoopOperation loop)
        {
            if (loop is not IForEachLoopOperation { Collection: var collection })
            {
                return false;
            }

            var value = collection.WithoutConversions();
            if (value is ILocalReferenceOperation reference)
            {
                if (AiOrigin.InitializerOf(reference) is not { } initializer
                    || reference.Root().Descendants().OfType<IInvocationOperation>().Any(i =>
                        i.TargetMethod.Name is "Add" or "AddRange" or "Insert" or "InsertRange" && i.Instance is not null && i.Instance.IsReferenceTo(reference.Local)))
                {
                    return false;
                }

                value = initializer.WithoutConversions();
            }

            return value switch
            {
                IArrayCreationOperation { Initializer: not null } => true,
                ICollectionExpressionOperation collectionExpression => !collectionExpression.Elements.Any(e => e is ISpreadOperation),
                IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation { Initializers.Length: > 0 } } creation =>
                    creation.Arguments.All(a => a.Value.Type?.SpecialType == SpecialType.System_Int32),
                _ => false,
            };
        }

        private sealed class PerItemCall
        {
            public PerItemCall(IOperation input, string description, string batch)
            {
                Input = input;
                Description = description;
                Batch = batch;
            }

            public IOperation Input { get; }

            public string Description { get; }

            public string Batch { get; }
        }

        /// <summary>An app method whose body makes a single-item embedding call on one of its parameters (not in a loop of its own).</summary>
        private sealed class Wrapper
        {
            public Wrapper(int inputOrdinal, PerItemCall call)
            {
                InputOrdinal = inputOrdinal;
                Call = call;
            }

            public int InputOrdinal { get; }

            public PerItemCall Call { get; }
        }

        /// <summary>
        /// The app's single-item embedding wrappers, found one level deep: a method declared in this compilation whose body
        /// passes one of its parameters (not a sequence) as the input of a catalogued single-input embedding call, outside any
        /// loop and lambda of its own. Bodies are bound only for methods called in a loop, once each.
        /// </summary>
        private sealed class WrapperCache
        {
            private static readonly object None = new();
            private static readonly ImmutableHashSet<string> EmbeddingNames = BatchNames.Keys.ToImmutableHashSet(System.StringComparer.Ordinal);

            private readonly Compilation _compilation;
            private readonly RagSafetyContext _rag;
            private readonly INamedTypeSymbol _enumerableOfT;
            private readonly ConcurrentDictionary<IMethodSymbol, object> _wrappers = new(SymbolEqualityComparer.Default);

            public WrapperCache(Compilation compilation, RagSafetyContext rag, INamedTypeSymbol enumerableOfT)
            {
                _compilation = compilation;
                _rag = rag;
                _enumerableOfT = enumerableOfT;
            }

            public Wrapper? Of(IMethodSymbol method)
            {
                method = (method.ReducedFrom ?? method).OriginalDefinition;
                if (method.DeclaringSyntaxReferences.Length != 1 || method.Parameters.Length == 0
                    || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly)
                    || _rag.Apis.IsAiCall(method)
                    || !CallNameGraph.For(_compilation).MayReach(method, EmbeddingNames))
                {
                    // The source text of a method that names no single-input embedding method cannot make one: left unbound.
                    return null;
                }

                return _wrappers.GetOrAdd(method, Find) as Wrapper;
            }

            private object Find(IMethodSymbol method)
            {
                var node = method.DeclaringSyntaxReferences[0].GetSyntax();
#pragma warning disable RS1030 // Like the call summaries, this reads another method's body; the driver serves cached models.
                var body = _compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node);
#pragma warning restore RS1030
                if (body is null)
                {
                    return None;
                }

                foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
                {
                    if (!BatchNames.ContainsKey(invocation.TargetMethod.Name) || !_rag.Apis.IsAiCall(invocation.TargetMethod)
                        || Knowledge.Generations.IsGeneration(invocation.TargetMethod)
                        || EnclosingLoop(invocation) is not null || invocation.EnclosingFunction() is not null
                        || SingleItemCall(invocation, _enumerableOfT) is not { } call)
                    {
                        continue;
                    }

                    var parameter = call.Input.DescendantsAndSelf().OfType<IParameterReferenceOperation>()
                        .Select(r => r.Parameter)
                        .FirstOrDefault(p => SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, method) && ElementType(p.Type, _enumerableOfT) is null);
                    if (parameter is not null)
                    {
                        return new Wrapper(parameter.Ordinal, call);
                    }
                }

                return None;
            }
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
