using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RagSafety.Analyzers.CodeFixes.Rewriting;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG020: "Move write to background ingestion" on a handler that answers queries and also writes. The rewrite is shared
    /// with RAG022 (<see cref="MoveWriteToIngestionQueueFixer"/>); the analyzer offers it only where moving the write removes
    /// the risk (not for a collection drop, a per-item loop or polling).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG020IndexWriteOnRequestPathFixer))]
    [Shared]
    public sealed class RAG020IndexWriteOnRequestPathFixer : MoveWriteToIngestionQueueFixer
    {
        public RAG020IndexWriteOnRequestPathFixer()
            : base(RuleIds.IndexWriteOnRequestPath, "RAG020.MoveToBackgroundIngestion")
        {
        }
    }
}
