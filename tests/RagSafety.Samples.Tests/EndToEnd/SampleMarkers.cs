using System.Text.RegularExpressions;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>The <c>// RAGnnn</c> markers at the end of the unsafe sample's lines: what the build must report, exactly.</summary>
public static partial class SampleMarkers
{
    public static IReadOnlySet<(string File, int Line, string Id)> Read(string projectFolder)
    {
        var markers = new HashSet<(string, int, string)>();
        foreach (var file in SourceFiles(projectFolder))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker().Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                foreach (Match id in RuleId().Matches(match.Groups[1].Value))
                {
                    markers.Add((Path.GetRelativePath(projectFolder, file), i + 1, id.Value));
                }
            }
        }

        return markers;
    }

    public static IEnumerable<string> SourceFiles(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal);

    [GeneratedRegex(@"//\s*(RAG\d{3}(?:[\s,]+RAG\d{3})*)\s*$")]
    private static partial Regex Marker();

    [GeneratedRegex(@"RAG\d{3}")]
    private static partial Regex RuleId();
}
