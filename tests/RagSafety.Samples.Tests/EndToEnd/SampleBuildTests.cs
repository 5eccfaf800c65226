using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>
/// The samples built with <c>dotnet build</c>, as a user would: the unsafe twin reports exactly its marked lines, the
/// safe twin nothing.
/// </summary>
[Collection(DotnetBuilds.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SampleBuildTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Unsafe_sample_reports_exactly_its_marked_lines()
    {
        var project = Path.Combine(DotnetCli.RepositoryRoot, "samples", "RagSample.Unsafe");
        var results = await BuildAsync(project);
        var reported = results.Where(r => r.RuleId.StartsWith("RAG", StringComparison.Ordinal))
            .Select(r => (File: r.File is null ? "(no location)" : Path.GetRelativePath(project, r.File), r.Line, Id: r.RuleId))
            .ToHashSet();
        var marked = SampleMarkers.Read(project);

        var missing = marked.Except(reported).OrderBy(m => m).ToList();
        var unexpected = reported.Except(marked).OrderBy(m => m).ToList();
        output.WriteLine($"{reported.Count} RagSafety diagnostics reported, {marked.Count} markers");
        Assert.True(
            missing.Count == 0 && unexpected.Count == 0,
            "Marked but not reported:" + Environment.NewLine + string.Join(Environment.NewLine, missing) + Environment.NewLine
            + "Reported but not marked:" + Environment.NewLine + string.Join(Environment.NewLine, unexpected.Select(u => $"{u} {results.First(r => r.RuleId == u.Id && r.Line == u.Line).Message}")));
        Assert.NotEmpty(marked);
    }

    [Fact]
    public async Task Safe_sample_reports_nothing()
    {
        var results = await BuildAsync(Path.Combine(DotnetCli.RepositoryRoot, "samples", "RagSample"));
        Assert.DoesNotContain(results, r => r.RuleId.StartsWith("RAG", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<SarifResult>> BuildAsync(string project)
    {
        var log = Path.Combine(DotnetCli.NewTempFolder("sarif"), "build.sarif");
        // --no-dependencies: the analyzers were built with the tests; --no-incremental: the compiler runs and writes the log.
        (await DotnetCli.RunAsync(project, TimeSpan.FromMinutes(5), "build", "-c", DotnetCli.Configuration, "--no-incremental", "--no-dependencies", $"-p:ErrorLog={log}%2Cversion=2.1"))
            .AssertSucceeded("dotnet build " + Path.GetFileName(project));
        return SarifResult.Read(log);
    }
}

/// <summary>Tests that run dotnet builds share one collection, so no two builds touch the same outputs at once.</summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuilds : ICollectionFixture<PackedAnalyzers>
{
    public const string Name = "dotnet builds";
}
