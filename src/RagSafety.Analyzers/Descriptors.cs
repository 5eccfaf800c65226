using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers
{
    /// <summary>Every diagnostic the package reports. IDs are stable; families go by decade (see docs/rules).</summary>
    internal static class Descriptors
    {
        public const string AsyncCategory = "RagSafety.Async";

        public static readonly DiagnosticDescriptor RAG010_BlockingWaitOnAiCall = Create(
            RuleIds.BlockingWaitOnAiCall,
            "Blocking wait on an AI call",
            "'{0}' blocks a thread until the AI call '{1}' completes; await it instead",
            AsyncCategory,
            DiagnosticSeverity.Warning,
            "Blocking on an AI call holds a thread-pool thread for the whole generation. Under load the pool starves and "
            + "requests time out. Await the call instead.");

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
            new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinks.For(id));
    }

    /// <summary>Rule IDs, each named once.</summary>
    internal static class RuleIds
    {
        public const string BlockingWaitOnAiCall = "RAG010";
    }

    /// <summary>Help links: one docs page per rule.</summary>
    internal static class HelpLinks
    {
        public const string DocsRoot = "https://github.com/rag-safety/RagSafety.Analyzers/blob/main/docs/rules/";

        public static string For(string id) => DocsRoot + id + ".md";
    }
}
