using System.Globalization;
using System.Xml.Linq;
using Xunit;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>
/// The package as users get it: <c>dotnet pack</c> once per test run into a temporary feed, under a version of its own so
/// no earlier run's copy in the NuGet cache can stand in for it.
/// </summary>
public sealed class PackedAnalyzers : IAsyncLifetime
{
    public string Feed { get; } = DotnetCli.NewTempFolder("feed");

    public string Version { get; } = "0.0.1-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

    public async Task InitializeAsync() =>
        (await DotnetCli.RunAsync(
            DotnetCli.RepositoryRoot,
            TimeSpan.FromMinutes(5),
            "pack", "src/RagSafety.Analyzers.Package", "-c", "Release", "-o", Feed, $"-p:Version={Version}"))
        .AssertSucceeded("dotnet pack");

    /// <summary>The version is unique to this run, so its copy in the NuGet cache is removed with the feed.</summary>
    public Task DisposeAsync()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var cached = Path.Combine(cache, "ragsafety.analyzers", Version);
        if (Environment.GetEnvironmentVariable("RAGSAFETY_KEEP_TEMP") != "1" && Directory.Exists(cached))
        {
            DotnetCli.DeleteQuietly(cached);
        }

        return Task.CompletedTask;
    }

    /// <summary>A nuget.config that adds the feed to the machine's own sources.</summary>
    public void WriteNuGetConfig(string folder) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="ragsafety-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

    /// <summary>The versions the repository pins centrally, for projects built outside it.</summary>
    public static string CentralVersion(string package) =>
        XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == package)
            .Attribute("Version")!.Value;
}
