using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// Compares actual diagnostics with expectations. On mismatch the message lists both sides, the actual ones as
    /// ready-to-paste expectations, and every source with each diagnostic underlined beneath its line.
    /// </summary>
    public static class DiagnosticComparison
    {
        public static void AssertMatch(string context, IReadOnlyList<DiagnosticResult> expected, ImmutableArray<Diagnostic> actual, IReadOnlyList<string> sources)
        {
            var ordered = expected.OrderBy(e => e.Span?.Path, StringComparer.Ordinal).ThenBy(e => e.Span?.StartLinePosition).ThenBy(e => e.Span?.EndLinePosition).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
            var problem = FindProblem(ordered, actual);
            if (problem is null)
            {
                return;
            }

            var report = new StringBuilder();
            report.AppendLine($"{context}: {problem}");
            report.AppendLine();
            report.AppendLine($"Expected ({ordered.Count}):");
            foreach (var e in ordered)
            {
                report.AppendLine("    " + e + ",");
            }

            report.AppendLine();
            report.AppendLine($"Actual ({actual.Length}), ready to paste:");
            foreach (var d in actual)
            {
                report.AppendLine($"    // {d}");
                report.AppendLine("    " + Describe(d) + ",");
            }

            report.AppendLine();
            report.Append(Annotate(sources, actual));
            throw new VerificationException(report.ToString());
        }

        /// <summary>The expectation an actual diagnostic would satisfy exactly.</summary>
        public static DiagnosticResult Describe(Diagnostic diagnostic)
        {
            var result = new DiagnosticResult(diagnostic.Id);
            if (diagnostic.Location.IsInSource)
            {
                var span = diagnostic.Location.GetLineSpan();
                result = result with { Span = span };
            }

            var arguments = TestProject.ArgumentsOf(diagnostic);
            return arguments.Count > 0 && !diagnostic.Id.StartsWith("CS", StringComparison.Ordinal)
                ? result.WithArguments(arguments.ToArray())
                : result;
        }

        private static string? FindProblem(IReadOnlyList<DiagnosticResult> expected, ImmutableArray<Diagnostic> actual)
        {
            if (expected.Count != actual.Length)
            {
                return $"expected {expected.Count} diagnostic(s), found {actual.Length}";
            }

            for (var i = 0; i < expected.Count; i++)
            {
                var e = expected[i];
                var a = actual[i];
                if (e.Id != a.Id)
                {
                    return $"diagnostic {i + 1}: expected ID {e.Id}, found {a.Id}";
                }

                if (e.Span is { } span)
                {
                    var actualSpan = a.Location.GetLineSpan();
                    if (span.Path != actualSpan.Path || span.StartLinePosition != actualSpan.StartLinePosition || span.EndLinePosition != actualSpan.EndLinePosition)
                    {
                        return $"diagnostic {i + 1} ({a.Id}): expected span {Format(span)}, found {Format(actualSpan)}";
                    }
                }
                else if (a.Location.IsInSource)
                {
                    return $"diagnostic {i + 1} ({a.Id}) has a location {Format(a.Location.GetLineSpan())}; the expectation must give it";
                }

                if (e.Severity is { } severity && severity != a.Severity)
                {
                    return $"diagnostic {i + 1} ({a.Id}): expected severity {severity}, found {a.Severity}";
                }

                if (e.Arguments is { } arguments)
                {
                    var expectedMessage = string.Format(CultureInfo.InvariantCulture, a.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), arguments);
                    if (expectedMessage != a.GetMessage(CultureInfo.InvariantCulture))
                    {
                        return $"diagnostic {i + 1} ({a.Id}): expected message \"{expectedMessage}\", found \"{a.GetMessage(CultureInfo.InvariantCulture)}\"";
                    }
                }

                if (e.Message is { } message && message != a.GetMessage(CultureInfo.InvariantCulture))
                {
                    return $"diagnostic {i + 1} ({a.Id}): expected message \"{message}\", found \"{a.GetMessage(CultureInfo.InvariantCulture)}\"";
                }
            }

            return null;
        }

        private static string Format(FileLinePositionSpan span) =>
            $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1},{span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})";

        /// <summary>Each source with its diagnostics marked under the lines they cover: <c>^^^ ID: message</c>.</summary>
        public static string Annotate(IReadOnlyList<string> sources, IEnumerable<Diagnostic> diagnostics)
        {
            var byPath = diagnostics.Where(d => d.Location.IsInSource).GroupBy(d => d.Location.GetLineSpan().Path).ToDictionary(g => g.Key, g => g.ToList());
            var text = new StringBuilder();
            for (var i = 0; i < sources.Count; i++)
            {
                var path = TestProject.SourcePath(i);
                text.AppendLine($"{path} with the actual diagnostics:");
                var lines = SourceText.From(sources[i]).Lines;
                byPath.TryGetValue(path, out var fileDiagnostics);
                foreach (var line in lines)
                {
                    var lineText = line.ToString();
                    text.AppendLine($"{line.LineNumber + 1,4} | {lineText}");
                    foreach (var d in fileDiagnostics ?? new List<Diagnostic>())
                    {
                        var span = d.Location.GetLineSpan();
                        if (span.StartLinePosition.Line > line.LineNumber || span.EndLinePosition.Line < line.LineNumber)
                        {
                            continue;
                        }

                        var start = span.StartLinePosition.Line == line.LineNumber ? span.StartLinePosition.Character : 0;
                        var end = span.EndLinePosition.Line == line.LineNumber ? span.EndLinePosition.Character : lineText.Length;
                        var label = span.StartLinePosition.Line == line.LineNumber ? $" {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}" : string.Empty;
                        text.AppendLine($"     | {new string(' ', start)}{new string('^', Math.Max(1, end - start))}{label}");
                    }
                }
            }

            return text.ToString();
        }
    }
}
