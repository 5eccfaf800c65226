using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>The way users install it: a fresh <c>dotnet new webapi</c> that adds the package gets the warnings in <c>dotnet build</c>.</summary>
[Collection(DotnetBuilds.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PackageInstallTests(PackedAnalyzers package, ITestOutputHelper output)
{
    [Fact]
    public async Task Fresh_webapi_project_gets_the_warnings_from_dotnet_build()
    {
        var folder = DotnetCli.NewTempFolder("install");
        (await DotnetCli.RunAsync(folder, TimeSpan.FromMinutes(2), "new", "webapi", "--name", "AskApi", "--output", ".", "--no-restore"))
            .AssertSucceeded("dotnet new webapi");
        package.WriteNuGetConfig(folder);
        (await DotnetCli.RunAsync(folder, TimeSpan.FromMinutes(3), "add", "package", "RagSafety.Analyzers", "--version", package.Version))
            .AssertSucceeded("dotnet add package RagSafety.Analyzers");
        (await DotnetCli.RunAsync(folder, TimeSpan.FromMinutes(3), "add", "package", "Microsoft.Extensions.AI.Abstractions", "--version", PackedAnalyzers.CentralVersion("Microsoft.Extensions.AI.Abstractions")))
            .AssertSucceeded("dotnet add package Microsoft.Extensions.AI.Abstractions");
        File.WriteAllText(Path.Combine(folder, "AskEndpoint.cs"), """
            using Microsoft.Extensions.AI;

            public static class AskEndpoint
            {
                public static void MapAsk(this WebApplication app) =>
                    app.MapGet("/ask", (IChatClient chat, string q) => chat.GetResponseAsync(q).Result.Text);
            }
            """);

        var build = (await DotnetCli.RunAsync(folder, TimeSpan.FromMinutes(5), "build")).AssertSucceeded("dotnet build");
        output.WriteLine(string.Join(Environment.NewLine, build.Output.Split('\n').Where(l => l.Contains("RAG", StringComparison.Ordinal)).Distinct()));
        Assert.Matches(@"AskEndpoint\.cs\(6,\d+\): warning RAG010", build.Output);
    }
}
