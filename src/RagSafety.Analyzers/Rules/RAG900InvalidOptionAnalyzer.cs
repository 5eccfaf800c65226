using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Analyzers.Configuration;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG900: a <c>rag_safety.*</c> setting the package cannot use — an unknown key, a malformed value, an API ID that
    /// matches no symbol. The rules fall back to defaults either way; this says so instead of failing silently.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "MicrosoftCodeAnalysisPerformance",
        "RS1013:Start action has no registered non-end actions",
        Justification = "The start action is the package-wide gate of RagSafetyAnalyzer: nothing runs without an AI library.")]
    public sealed class RAG900InvalidOptionAnalyzer : RagSafetyAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RAG900_InvalidOption);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var problems = Problems(rag.Options, rag).ToList();
            if (problems.Count == 0)
            {
                return;
            }

            context.RegisterCompilationEndAction(end =>
            {
                foreach (var (key, problem) in problems)
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG900_InvalidOption, Location.None, key, problem));
                }
            });
        }

        private static IEnumerable<(string Key, string Problem)> Problems(CompilationOptionsReader reader, RagSafetyContext rag)
        {
            foreach (var (key, value) in reader.PackageEntries().OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Value, StringComparer.Ordinal))
            {
                if (!OptionSpecs.All.TryGetValue(key, out var spec))
                {
                    var suggestion = ClosestKey(key);
                    yield return (key, "not an option of RagSafety.Analyzers; it is ignored" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
                    continue;
                }

                foreach (var problem in spec.Problems(value))
                {
                    yield return (spec.Key, problem);
                }
            }

            foreach (var (role, id) in rag.UserApis.Unresolved.Where(u => u.Id.Length > 2 && u.Id[1] == ':'))
            {
                yield return (OptionKeys.ApisKey(role), $"'{id}' matches no symbol of this project or its references; it is ignored");
            }
        }

        /// <summary>The known key a typo most likely meant: at most a third of its characters away.</summary>
        private static string? ClosestKey(string key) =>
            OptionSpecs.All.Keys
                .Select(known => (Known: known, Distance: EditDistance(key.ToLowerInvariant(), known.ToLowerInvariant())))
                .Where(c => c.Distance <= Math.Max(2, c.Known.Length / 3))
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Known, StringComparer.Ordinal)
                .Select(c => c.Known)
                .FirstOrDefault();

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
