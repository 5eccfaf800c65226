using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>
/// <c>dotnet format analyzers</c> over a copy of the unsafe sample that installs the packed analyzers: each run leaves a
/// project that compiles, the runs reach a point where nothing changes, and fewer fixable diagnostics remain.
/// </summary>
[Collection(DotnetBuilds.Name)]
[Trait("Category", "EndToEnd")]
public sealed partial class SampleFixTests(PackedAnalyzers package, ITestOutputHelper output)
{
    [Fact]
    public async Task Dotnet_format_fixes_the_unsafe_sample_and_it_still_compiles()
    {
        var project = CopyUnsafeSampleWithPackage();
        var before = await BuildAsync(project, "before");
        var fixableIds = FixableIds();
        var fixable = before.Where(r => fixableIds.Contains(r.RuleId)).ToList();
        Assert.NotEmpty(fixable);

        // dotnet format applies one code action kind (equivalence key) per rule and run, on diagnostics computed before the
        // other rules' fixes, so a fix that another one enables (RAG021's await before RAG020's move, RAG050's "add a
        // parameter" before "pass the token in scope") lands in a later run. Every run must leave a project that compiles,
        // and the runs must reach a fixed point.
        var after = before;
        var snapshots = new List<IReadOnlyDictionary<string, string>> { SourceFiles(project) };
        for (var run = 1; run <= MaxFormatRuns; run++)
        {
            (await DotnetCli.RunAsync(project, TimeSpan.FromMinutes(10), ["format", "analyzers", "--diagnostics", .. fixableIds.Order(), "--severity", "info", "--no-restore"]))
                .AssertSucceeded($"dotnet format analyzers (run {run})");
            after = await BuildAsync(project, $"after run {run}");
            snapshots.Add(SourceFiles(project));
            if (SameFiles(snapshots[^2], snapshots[^1]))
            {
                break;
            }
        }

        var counts = before.Select(r => r.RuleId).Concat(after.Select(r => r.RuleId)).Distinct().Order()
            .Select(id => $"{id}: {before.Count(r => r.RuleId == id)} → {after.Count(r => r.RuleId == id)}");
        output.WriteLine($"dotnet format runs until nothing changed: {snapshots.Count - 1}");
        output.WriteLine(string.Join(Environment.NewLine, counts));
        Assert.True(SameFiles(snapshots[^2], snapshots[^1]), $"dotnet format still changed files after {MaxFormatRuns} runs:{Environment.NewLine}{Changes(snapshots[^2], snapshots[^1])}");
        Assert.True(after.Count(r => fixableIds.Contains(r.RuleId)) < fixable.Count, "dotnet format fixed nothing");
    }

    /// <summary>
    /// A bound on the runs, not an expected count. dotnet format applies one code action kind per rule and run, the kind of
    /// the first diagnostic it meets, and that order is not fixed: the sample has two kinds for RAG030 (raise a resilience
    /// handler's timeouts, set or replace a client's timeout) and for RAG050 (add a parameter, pass the token in scope), and
    /// fixes that others enable (RAG021's await before RAG020's move). The same sample has taken two, three and four
    /// changing runs, and one clean-clone CI run still raised RAG030's resilience handler timeouts in its fourth. Eight
    /// leaves room for those orders and one run to see nothing change; a fix that keeps changing the code fails it as
    /// before.
    /// </summary>
    private const int MaxFormatRuns = 8;

    private static Dictionary<string, string> SourceFiles(string project) =>
        Directory.EnumerateFiles(project, "*.cs").ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));

    /// <summary>The lines the last run changed, per file, so a fix that does not converge can be read from the failure.</summary>
    private static string Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join(Environment.NewLine, after.Where(p => !before.TryGetValue(p.Key, out var old) || old != p.Value).Select(p =>
        {
            var oldLines = before.TryGetValue(p.Key, out var old) ? old.Split('\n') : Array.Empty<string>();
            var newLines = p.Value.Split('\n');
            var removed = oldLines.Except(newLines).Select(l => "- " + l.TrimEnd());
            var added = newLines.Except(oldLines).Select(l => "+ " + l.TrimEnd());
            return p.Key + ":" + Environment.NewLine + string.Join(Environment.NewLine, removed.Concat(added));
        }));

    private static bool SameFiles(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var text) && text == p.Value);

    /// <summary>The IDs the packaged fixers can fix.</summary>
    private static IReadOnlySet<string> FixableIds() =>
        typeof(RagSafety.Analyzers.CodeFixes.Rules.RAG010BlockingWaitOnAiCallFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet();

    private string CopyUnsafeSampleWithPackage()
    {
        var source = Path.Combine(DotnetCli.RepositoryRoot, "samples", "RagSample.Unsafe");
        var target = Path.Combine(DotnetCli.NewTempFolder("format"), "RagSample.Unsafe");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        // Outside the repository: versions inline, the analyzers from the package instead of the project references.
        var csproj = Path.Combine(target, "RagSample.Unsafe.csproj");
        var text = File.ReadAllText(csproj);
        text = AnalyzerProjectReference().Replace(text, string.Empty);
        text = VersionlessPackageReference().Replace(text, m => $"<PackageReference Include=\"{m.Groups[1].Value}\" Version=\"{PackedAnalyzers.CentralVersion(m.Groups[1].Value)}\" />");
        text = text.Replace("</Project>", $"""
              <ItemGroup>
                <PackageReference Include="RagSafety.Analyzers" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(csproj, text);
        package.WriteNuGetConfig(target);
        File.WriteAllText(Path.Combine(target, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(target, "Directory.Packages.props"), "<Project />");
        return target;
    }

    private static async Task<IReadOnlyList<SarifResult>> BuildAsync(string project, string label)
    {
        var log = Path.Combine(project, $"{label}.sarif");
        (await DotnetCli.RunAsync(project, TimeSpan.FromMinutes(5), "build", "--no-incremental", $"-p:ErrorLog={log}%2Cversion=2.1"))
            .AssertSucceeded($"dotnet build ({label} dotnet format)");
        return SarifResult.Read(log).Where(r => r.RuleId.StartsWith("RAG", StringComparison.Ordinal)).ToList();
    }

    [GeneratedRegex(@"<ProjectReference Include=""[^""]*RagSafety\.Analyzers[^""]*""[^>]*/>")]
    private static partial Regex AnalyzerProjectReference();

    [GeneratedRegex(@"<PackageReference Include=""([^""]+)"" />")]
    private static partial Regex VersionlessPackageReference();
}
