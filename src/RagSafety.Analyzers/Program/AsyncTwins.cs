using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The asynchronous twin of a synchronous method: same containing type, name + "Async", the same parameters in the
    /// same order (optionally followed by optional <c>CancellationToken</c> or request-options parameters), not
    /// <c>[Obsolete]</c>, and a task-like return whose awaited value has the synchronous method's return type
    /// (<c>ClientResult&lt;T&gt;</c> → <c>Task&lt;ClientResult&lt;T&gt;&gt;</c>). Resolved once per type and cached.
    /// </summary>
    internal sealed class AsyncTwins
    {
        private readonly TaskTypes _taskTypes;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _obsolete;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<IMethodSymbol, IMethodSymbol>> _byType = new(SymbolEqualityComparer.Default);

        public AsyncTwins(Compilation compilation, TaskTypes taskTypes)
        {
            _taskTypes = taskTypes;
            _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            _obsolete = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        }

        /// <summary>The twin of a synchronous method (any instantiation), as its original definition; null when there is none.</summary>
        public IMethodSymbol? Find(IMethodSymbol method)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (definition.ContainingType is not { } type || definition.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                return null;
            }

            var twins = _byType.GetOrAdd(type.OriginalDefinition, ComputeTwins);
            return twins.TryGetValue(definition, out var twin) ? twin : null;
        }

        private ImmutableDictionary<IMethodSymbol, IMethodSymbol> ComputeTwins(INamedTypeSymbol type)
        {
            var result = ImmutableDictionary.CreateBuilder<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
            var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).ToList();
            var byName = methods.ToLookup(m => m.Name, StringComparer.Ordinal);
            foreach (var method in methods)
            {
                if (method.Name.EndsWith("Async", StringComparison.Ordinal) || _taskTypes.IsTaskLike(method.ReturnType))
                {
                    continue;
                }

                var twin = byName[method.Name + "Async"].FirstOrDefault(candidate => IsTwin(method, candidate));
                if (twin is not null)
                {
                    result.Add(method, twin);
                }
            }

            return result.ToImmutable();
        }

        private bool IsTwin(IMethodSymbol method, IMethodSymbol candidate)
        {
            if (candidate.IsStatic != method.IsStatic
                || candidate.Arity != method.Arity
                || candidate.Parameters.Length < method.Parameters.Length
                || (candidate.DeclaredAccessibility != method.DeclaredAccessibility && candidate.DeclaredAccessibility != Accessibility.Public)
                || IsObsolete(candidate))
            {
                return false;
            }

            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                var other = candidate.Parameters[i];
                if (parameter.RefKind != other.RefKind || parameter.IsParams != other.IsParams || !SameType(parameter.Type, other.Type))
                {
                    return false;
                }
            }

            for (var i = method.Parameters.Length; i < candidate.Parameters.Length; i++)
            {
                var extra = candidate.Parameters[i];
                if (!extra.IsOptional || !(IsCancellationToken(extra.Type) || extra.Type.Name.EndsWith("Options", StringComparison.Ordinal)))
                {
                    return false;
                }
            }

            return AwaitedTypeMatches(method.ReturnType, candidate.ReturnType);
        }

        private bool AwaitedTypeMatches(ITypeSymbol syncReturn, ITypeSymbol asyncReturn)
        {
            if (asyncReturn is not INamedTypeSymbol named || !_taskTypes.IsTaskLike(named))
            {
                return false;
            }

            return named.TypeArguments.Length == 0
                ? syncReturn.SpecialType == SpecialType.System_Void
                : SameType(syncReturn, named.TypeArguments[0]);
        }

        private bool IsCancellationToken(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, _cancellationToken);

        private bool IsObsolete(ISymbol symbol) =>
            symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _obsolete));

        /// <summary>Type equality where the two methods' own type parameters match by position.</summary>
        private static bool SameType(ITypeSymbol left, ITypeSymbol right)
        {
            switch (left)
            {
                case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } leftParameter:
                    return right is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } rightParameter
                        && leftParameter.Ordinal == rightParameter.Ordinal;

                case IArrayTypeSymbol leftArray:
                    return right is IArrayTypeSymbol rightArray && leftArray.Rank == rightArray.Rank && SameType(leftArray.ElementType, rightArray.ElementType);

                case INamedTypeSymbol { IsGenericType: true } leftNamed:
                    return right is INamedTypeSymbol { IsGenericType: true } rightNamed
                        && SymbolEqualityComparer.Default.Equals(leftNamed.OriginalDefinition, rightNamed.OriginalDefinition)
                        && leftNamed.TypeArguments.Length == rightNamed.TypeArguments.Length
                        && leftNamed.TypeArguments.Zip(rightNamed.TypeArguments, (l, r) => (l, r)).All(pair => SameType(pair.l, pair.r));

                default:
                    return SymbolEqualityComparer.Default.Equals(left, right);
            }
        }

        /// <summary>Whether calling the twin from <paramref name="function"/> would call the function itself (or what it overrides).</summary>
        public static bool IsSelfOrOverridden(IMethodSymbol twin, IMethodSymbol? function)
        {
            for (var current = function; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, twin))
                {
                    return true;
                }
            }

            if (function is not null)
            {
                foreach (var implemented in function.ExplicitInterfaceImplementations)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, twin))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
