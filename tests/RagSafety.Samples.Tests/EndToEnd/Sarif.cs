using System.Text.Json;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>One result of a SARIF 2.1 error log, as the compiler writes it with <c>-p:ErrorLog=…,version=2.1</c>.</summary>
public sealed record SarifResult(string RuleId, string? File, int Line, string Message)
{
    public override string ToString() => $"{File}({Line}): {RuleId} {Message}";

    public static IReadOnlyList<SarifResult> Read(string path)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        var results = new List<SarifResult>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                string? file = null;
                var line = 0;
                if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    && locations[0].TryGetProperty("physicalLocation", out var physical))
                {
                    file = new Uri(physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                    line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
                }

                var message = result.TryGetProperty("message", out var m) && m.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;
                results.Add(new SarifResult(result.GetProperty("ruleId").GetString()!, file, line, message));
            }
        }

        return results;
    }
}
