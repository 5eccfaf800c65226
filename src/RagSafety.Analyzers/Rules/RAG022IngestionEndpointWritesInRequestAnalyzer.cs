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
    /// RAG022: a request handler whose purpose is the write (an upload, import or reindex endpoint: it serves no query,
    /// drops no collection other handlers query, and neither calls the model per item in a loop nor polls) writes the index
    /// inside the request. DELETE endpoints and imports the Kernel Memory service queues are left alone. Info: reported once per handler, at its first write. The judgement of the handler is
    /// <see cref="HandlerIndexWrites"/>, shared with RAG020, which reports the handlers where the write is a risk.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG022IngestionEndpointWritesInRequestAnalyzer : RagSafetyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG022_IngestionEndpointWritesInRequest);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            if (!rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            // RAG020's allow-list names handlers that write on purpose: they are silent here too.
            var allowed = OptionSpecs.AllowedHandlers.Read(rag.Options);
            var writes = HandlerIndexWrites.Get(context.Compilation, rag);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, writes, allowed), OperationKind.Invocation);
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, HandlerIndexWrites writes, IReadOnlyList<string> allowed)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (writes.FindingAt(invocation, context.ContainingSymbol, allowed) is not { } found || found.Finding.Intent != IndexWriteIntent.Ingestion)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.RAG022_IngestionEndpointWritesInRequest,
                invocation.Syntax.GetLocation(),
                IngestionMove.Properties(invocation, found.Handler, found.Finding),
                found.Handler.Name,
                found.Finding.Chain));
        }
    }
}
