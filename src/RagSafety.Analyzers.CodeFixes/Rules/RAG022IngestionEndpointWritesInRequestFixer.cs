using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RagSafety.Analyzers.CodeFixes.Rewriting;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// RAG022: "Move write to background ingestion" on an ingestion endpoint: the endpoint queues the write and answers at
    /// once. The rewrite is RAG020's (<see cref="MoveWriteToIngestionQueueFixer"/>), with its own equivalence key.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG022IngestionEndpointWritesInRequestFixer))]
    [Shared]
    public sealed class RAG022IngestionEndpointWritesInRequestFixer : MoveWriteToIngestionQueueFixer
    {
        public RAG022IngestionEndpointWritesInRequestFixer()
            : base(RuleIds.IngestionEndpointWritesInRequest, "RAG022.MoveToBackgroundIngestion")
        {
        }
    }
}
