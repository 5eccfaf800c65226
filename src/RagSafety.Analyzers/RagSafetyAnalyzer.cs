using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Analyzers
{
    /// <summary>
    /// Base of every rule: skips generated code, runs concurrently, and registers nothing at all when the compilation
    /// references no catalogued AI library, so projects without AI pay nothing.
    /// </summary>
    public abstract class RagSafetyAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var rag = RagSafetyContext.Get(start.Compilation, start.Options);
                if (rag.Apis.ReferencesAiLibrary)
                {
                    OnCompilationStart(start, rag);
                }
            });
        }

        private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag);
    }
}
