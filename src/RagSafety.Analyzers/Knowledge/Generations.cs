using System;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// Which AI calls are generations: a model producing output (chat and text completions, prompts and kernel functions,
    /// agent runs, Kernel Memory's ask, images, audio), seconds to minutes of billed model time. The other AI calls are
    /// lookups: embeddings, vector and text searches, record reads, each one short round trip. Told apart by name, so that
    /// implementations and the user's own <c>rag_safety.ai_call_apis</c> entries are classified the same way: a method or
    /// the type it is called on that names embeddings (<c>Embed</c>, <c>Embedding</c>), vectors or search, a method that
    /// implements a member of an interface so named, or a store read (<c>GetAsync</c>, <c>GetBatchAsync</c>,
    /// <c>GetNearestMatch(es)Async</c>, Qdrant's <c>QueryAsync</c>), is a lookup. A client that is both (OllamaSharp's
    /// <c>OllamaApiClient</c> is a chat client and an embedding generator) is judged by the interface the method implements.
    /// </summary>
    internal static class Generations
    {
        private static readonly string[] LookupWords = { "Embed", "Vector", "Search" };

        /// <summary>Whether an AI call runs a generation (the method is assumed to carry the AI-call role).</summary>
        public static bool IsGeneration(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            if (NamesLookup(definition.Name)
                || definition.Name is "GetAsync" or "GetBatchAsync" or "GetNearestMatchAsync" or "GetNearestMatchesAsync" or "QueryAsync")
            {
                return false;
            }

            var receiver = definition.IsExtensionMethod && definition.Parameters.Length > 0 ? definition.Parameters[0].Type : definition.ContainingType;
            if (receiver is null)
            {
                return true;
            }

            if (NamesLookup(receiver.Name))
            {
                return false;
            }

            foreach (var @interface in receiver.AllInterfaces)
            {
                if (NamesLookup(@interface.Name) && (receiver.TypeKind == TypeKind.Interface || definition.IsExtensionMethod || Implements(receiver, definition, @interface)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether the method implements a member of the interface (OllamaApiClient.ChatAsync does not implement IEmbeddingGenerator).</summary>
        private static bool Implements(ITypeSymbol type, IMethodSymbol method, INamedTypeSymbol @interface)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesLookup(string name)
        {
            foreach (var word in LookupWords)
            {
                if (name.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
