using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>An expected diagnostic, built fluently as in Microsoft.CodeAnalysis.Testing.</summary>
    public sealed record DiagnosticResult
    {
        public DiagnosticResult(string id) => Id = id;

        public string Id { get; init; }

        public DiagnosticSeverity? Severity { get; init; }

        /// <summary>Path and 0-based line span, or null when only the ID (and maybe a marker) is known.</summary>
        public FileLinePositionSpan? Span { get; init; }

        /// <summary>The <c>{|#n:…|}</c> marker the location comes from.</summary>
        public int? MarkupKey { get; init; }

        public object?[]? Arguments { get; init; }

        public string? Message { get; init; }

        public bool HasLocation => Span is not null || MarkupKey is not null;

        /// <summary>A span in the first source file, 1-based as an editor shows it.</summary>
        public DiagnosticResult WithSpan(int startLine, int startColumn, int endLine, int endColumn) =>
            WithSpan(TestProject.SourcePath(0), startLine, startColumn, endLine, endColumn);

        public DiagnosticResult WithSpan(string path, int startLine, int startColumn, int endLine, int endColumn) =>
            this with { Span = new FileLinePositionSpan(path, new LinePosition(startLine - 1, startColumn - 1), new LinePosition(endLine - 1, endColumn - 1)) };

        public DiagnosticResult WithLocation(int markupKey) => this with { MarkupKey = markupKey };

        public DiagnosticResult WithArguments(params object?[] arguments) => this with { Arguments = arguments };

        public DiagnosticResult WithMessage(string message) => this with { Message = message };

        public DiagnosticResult WithSeverity(DiagnosticSeverity severity) => this with { Severity = severity };

        /// <summary>The C# that creates this expectation, ready to paste into a test.</summary>
        public override string ToString()
        {
            var text = $"Diagnostic(\"{Id}\")";
            if (Span is { } span)
            {
                var path = span.Path == TestProject.SourcePath(0) ? string.Empty : $"\"{span.Path}\", ";
                text += $".WithSpan({path}{span.StartLinePosition.Line + 1}, {span.StartLinePosition.Character + 1}, {span.EndLinePosition.Line + 1}, {span.EndLinePosition.Character + 1})";
            }
            else if (MarkupKey is { } key)
            {
                text += $".WithLocation({key})";
            }

            if (Severity is { } severity)
            {
                text += $".WithSeverity(DiagnosticSeverity.{severity})";
            }

            if (Arguments is { } arguments)
            {
                text += ".WithArguments(" + string.Join(", ", arguments.Select(Literal)) + ")";
            }

            if (Message is { } message)
            {
                text += ".WithMessage(" + Literal(message) + ")";
            }

            return text;
        }

        internal static string Literal(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => "\"" + value + "\"",
        };
    }
}
