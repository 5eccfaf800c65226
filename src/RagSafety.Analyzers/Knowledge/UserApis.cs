using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Configuration;

namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// APIs users add to a role in .editorconfig, as documentation-comment IDs
    /// (<c>rag_safety.index_write_apis = M:MyCorp.Rag.Index.Put(System.String)</c>, <c>T:MyCorp.Rag.Conversation</c>).
    /// </summary>
    internal sealed class UserApis
    {
        public static readonly UserApis None = new(ImmutableArray<(ApiRole, string)>.Empty);

        private readonly ImmutableArray<(ApiRole Role, string Id)> _ids;

        private UserApis(ImmutableArray<(ApiRole, string)> ids) => _ids = ids;

        /// <summary>True when the options list at least one ID, whether or not it resolves.</summary>
        public bool HasIds => !_ids.IsEmpty;

        public static UserApis Read(CompilationOptionsReader options)
        {
            var ids = ImmutableArray.CreateBuilder<(ApiRole, string)>();
            foreach (ApiRole role in Enum.GetValues(typeof(ApiRole)))
            {
                foreach (var id in options.GetList(OptionKeys.ApisKey(role)))
                {
                    ids.Add((role, WithConstructorMarker(id)));
                }
            }

            return new UserApis(ids.ToImmutable());
        }

        /// <summary>
        /// .editorconfig cuts a value at '#', so constructors are written <c>..ctor</c> there; the ID format spells them <c>.#ctor</c>.
        /// </summary>
        private static string WithConstructorMarker(string id) => id.Replace("..ctor", ".#ctor").Replace("..cctor", ".#cctor");

        /// <summary>IDs that matched no symbol of the compilation, for the invalid-option report (RAG900).</summary>
        public ImmutableArray<(ApiRole Role, string Id)> Unresolved { get; private set; } = ImmutableArray<(ApiRole, string)>.Empty;

        public IEnumerable<(ApiRole Role, ISymbol Symbol)> Resolve(Compilation compilation)
        {
            var unresolved = ImmutableArray.CreateBuilder<(ApiRole, string)>();
            var resolved = new List<(ApiRole, ISymbol)>();
            foreach (var (role, id) in _ids)
            {
                var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
                if (symbols.IsDefaultOrEmpty)
                {
                    unresolved.Add((role, id));
                    continue;
                }

                foreach (var symbol in symbols)
                {
                    if (symbol is INamedTypeSymbol or IMethodSymbol or IPropertySymbol)
                    {
                        resolved.Add((role, symbol.OriginalDefinition));
                    }
                }
            }

            Unresolved = unresolved.ToImmutable();
            return resolved;
        }
    }
}
