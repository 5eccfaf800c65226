using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG020: a request handler writes the index (a catalogued write, or one of the app's methods whose call summary reaches
    /// one) where the write is a risk: the handler also answers queries, it deletes or recreates a collection while other
    /// handlers serve queries, or it ingests in a loop that calls the model per item or polls the ingestion status. One
    /// finding per handler (<see cref="HandlerIndexWrites"/>, shared with RAG022, which reports handlers that only ingest).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG020IndexWriteOnRequestPathAnalyzer : RagSafetyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG020_IndexWriteOnRequestPath);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (!rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            var allowed = OptionSpecs.AllowedHandlers.Read(rag.Options);
            var writes = HandlerIndexWrites.Get(context.Compilation, rag);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, writes, allowed), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, HandlerIndexWrites writes, IReadOnlyList<string> allowed)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (writes.FindingAt(invocation, context.ContainingSymbol, allowed) is not { } found || found.Finding.Intent == IndexWriteIntent.Ingestion)
            {
                return;
            }

            var finding = found.Finding;
            var reason = finding.Intent switch
            {
                IndexWriteIntent.QueryPath => $" while it answers queries through '{finding.Evidence}'",
                IndexWriteIntent.CollectionDrop => $", deleting or recreating a collection while request handler '{finding.Evidence}' serves queries",
                IndexWriteIntent.LoopIngestion when finding.LoopMethod is { } method => $" in a loop of '{method}' that calls '{finding.Evidence}' for every item",
                IndexWriteIntent.LoopIngestion => $" in a loop that calls '{finding.Evidence}' for every item",
                _ => $", then polls '{finding.Evidence}' until ingestion completes",
            };

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG020_IndexWriteOnRequestPath, invocation.Syntax.GetLocation(), IngestionMove.Properties(invocation, found.Handler, finding), found.Handler.Name, finding.Chain, reason));
        }
    }
}
