using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Recognises code that bounds how many calls run at once: <c>SemaphoreSlim.Wait/WaitAsync</c>,
    /// <c>RateLimiter.AcquireAsync/AttemptAcquire</c> (<c>ConcurrencyLimiter</c> and the other limiters derive from it),
    /// <c>PartitionedRateLimiter&lt;T&gt;</c>, Polly's <c>Execute…</c> (bulkheads and rate limiters live in pipelines) unless the
    /// pipeline is built in view with strategies that do not limit (retry, timeout, circuit breaker, …), and the app's own
    /// methods that do one of these (read once per method, cached for the compilation).
    /// </summary>
    internal sealed class Throttles
    {
        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol? _semaphoreSlim;
        private readonly INamedTypeSymbol? _rateLimiter;
        private readonly INamedTypeSymbol? _partitionedRateLimiter;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _methods = new(SymbolEqualityComparer.Default);

        public Throttles(Compilation compilation)
        {
            _compilation = compilation;
            _semaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
            _rateLimiter = compilation.GetTypeByMetadataName("System.Threading.RateLimiting.RateLimiter");
            _partitionedRateLimiter = compilation.GetTypeByMetadataName("System.Threading.RateLimiting.PartitionedRateLimiter`1");
        }

        /// <summary>Whether the invocation acquires a throttle (directly, through Polly, or through an app method that does).</summary>
        public bool Acquires(IInvocationOperation invocation) =>
            IsDirectAcquire(invocation) || (IsInSource(invocation.TargetMethod) && MethodAcquires(invocation.TargetMethod));

        /// <summary>Whether a throttle is acquired in <paramref name="scope"/> before <paramref name="position"/> (or anywhere, when null).</summary>
        public bool AcquiredIn(IOperation scope, int? position = null) =>
            scope.DescendantsAndSelf().OfType<IInvocationOperation>().Any(i => (position is null || i.Syntax.SpanStart < position) && Acquires(i));

        /// <summary>Whether one of the app's methods along the chain acquires a throttle.</summary>
        public bool AcquiredAlong(CallChain chain)
        {
            for (var i = 0; i < chain.Steps.Length; i++)
            {
                var step = (chain.Steps[i].ReducedFrom ?? chain.Steps[i]).OriginalDefinition;
                if (IsInSource(step) && MethodAcquires(step))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the method's own body acquires a throttle directly. Cached per method; two threads asking at once may
        /// both compute it, and get the same answer (a placeholder seen by the other thread would not be).
        /// </summary>
        private bool MethodAcquires(IMethodSymbol method) =>
            _methods.GetOrAdd((method.ReducedFrom ?? method).OriginalDefinition, BodyAcquiresDirectly);

        private bool BodyAcquiresDirectly(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var node = reference.GetSyntax();
#pragma warning disable RS1030 // Like the call summaries, this reads other methods' bodies; the driver serves cached models.
                var operation = _compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node);
#pragma warning restore RS1030
                if (operation is not null && operation.DescendantsAndSelf().OfType<IInvocationOperation>().Any(IsDirectAcquire))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsDirectAcquire(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            return method.Name switch
            {
                "Wait" or "WaitAsync" => Is(method.ContainingType, _semaphoreSlim),
                "AcquireAsync" or "AttemptAcquire" => DerivesFrom(method.ContainingType, _rateLimiter) || DerivesFrom(method.ContainingType, _partitionedRateLimiter),
                "Execute" or "ExecuteAsync" => IsPolly(method.ContainingType) && PipelineMayLimit(invocation.Instance),
                _ => false,
            };
        }

        /// <summary>Polly strategies that never bound how many calls run at once.</summary>
        private static readonly System.Collections.Generic.HashSet<string> NonLimitingStrategies = new(System.StringComparer.Ordinal)
        {
            "AddRetry", "AddTimeout", "AddCircuitBreaker", "AddFallback", "AddHedging", "ConfigureTelemetry",
        };

        /// <summary>
        /// Whether a Polly pipeline may hold a bulkhead or rate limiter: true unless it is a local, field or property whose
        /// initializer builds it in view (<c>new ResiliencePipelineBuilder()….Build()</c>) from non-limiting strategies only.
        /// A pipeline that is injected, comes from a provider or is assigned later may limit; it is given the benefit of the doubt.
        /// </summary>
        private bool PipelineMayLimit(IOperation? pipeline)
        {
            var built = pipeline?.WithoutConversions() switch
            {
                ILocalReferenceOperation local => AiOrigin.InitializerOf(local),
                IFieldReferenceOperation { Field: { IsReadOnly: true } field } => InitializerOf(field),
                IPropertyReferenceOperation { Property: { SetMethod: null } property } => InitializerOf(property),
                _ => null,
            };
            if (built?.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "Build" } build)
            {
                return true;
            }

            var step = ReceiverOf(build)?.WithoutConversions();
            while (step is IInvocationOperation strategy && NonLimitingStrategies.Contains(strategy.TargetMethod.Name))
            {
                step = ReceiverOf(strategy)?.WithoutConversions();
            }

            // The chain starts at `new ResiliencePipelineBuilder()`: every step is in view and none limits.
            return step is not IObjectCreationOperation;
        }

        /// <summary>The builder a step of a fluent chain is called on: the receiver, or an extension method's first argument.</summary>
        private static IOperation? ReceiverOf(IInvocationOperation invocation) =>
            invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>The value a field or get-only property is initialized with in its declaration, if any.</summary>
        private IOperation? InitializerOf(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var value = reference.GetSyntax() switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } v } => v,
                    Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { Initializer.Value: { } v } => v,
                    _ => null,
                };
                if (value is not null)
                {
#pragma warning disable RS1030 // The member may be declared in another tree; the driver serves cached semantic models.
                    return _compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value);
#pragma warning restore RS1030
                }
            }

            return null;
        }

        private bool IsInSource(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.Length > 0 && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

        private static bool IsPolly(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns?.Name == "Polly";
        }

        private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
            type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current, expected))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
