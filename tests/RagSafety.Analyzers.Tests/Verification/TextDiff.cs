using System;
using System.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>A readable account of where two texts part: the first differing line, then both texts in full.</summary>
    public static class TextDiff
    {
        public static string Describe(string expected, string actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            var text = new StringBuilder();
            text.AppendLine($"First difference at line {line + 1}:");
            text.AppendLine($"  expected: {Show(expectedLines, line)}");
            text.AppendLine($"  actual:   {Show(actualLines, line)}");
            text.AppendLine("Expected:");
            text.AppendLine(expected);
            text.AppendLine("Actual:");
            text.AppendLine(actual);
            return text.ToString();
        }

        private static string Show(string[] lines, int index) =>
            index < lines.Length ? "\"" + lines[index].Replace("\r", "\\r").Replace("\t", "\\t") + "\"" : "(end of text)";
    }
}
