using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Tests.Verification;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>Every analyzer and code fix the package ships, found by reflection so new rules are covered at once.</summary>
    public static class PackageComponents
    {
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
            typeof(RagSafetyAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> Fixers { get; } =
            typeof(RAG010BlockingWaitOnAiCallFixer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        public static IEnumerable<CodeFixProvider> FixersFor(string diagnosticId) => Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnosticId));

        /// <summary>Appends a line to artifacts/robustness-report.txt, which CI prints after the tests.</summary>
        public static void Report(string line)
        {
            var folder = RepositoryFiles.PathOf("artifacts");
            Directory.CreateDirectory(folder);
            lock (typeof(PackageComponents))
            {
                File.AppendAllText(Path.Combine(folder, "robustness-report.txt"), $"{DateTime.UtcNow:HH:mm:ss} {line}{Environment.NewLine}");
            }
        }
    }
}
