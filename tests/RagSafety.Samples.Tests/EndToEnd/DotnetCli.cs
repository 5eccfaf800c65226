using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace RagSafety.Samples.Tests.EndToEnd;

/// <summary>Runs the dotnet CLI as a user would, with a time limit, and keeps everything it printed.</summary>
public static class DotnetCli
{
    public static string RepositoryRoot =>
        typeof(DotnetCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The configuration the tests (and so the analyzers they load) were built with.</summary>
    public static string Configuration =>
        typeof(DotnetCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

    public sealed record Result(int ExitCode, string Output)
    {
        public Result AssertSucceeded(string what) =>
            ExitCode == 0 ? this : throw new Xunit.Sdk.XunitException($"{what} failed with exit code {ExitCode}:{Environment.NewLine}{Tail(Output)}");
    }

    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child build must not join the test run's build servers or inherit its MSBuild state.
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {limit.TotalSeconds:F0} s:{Environment.NewLine}{Tail(output.ToString())}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new Result(process.ExitCode, output.ToString());
        }
    }

    private static readonly List<string> TempFolders = new();

    /// <summary>
    /// A new folder under the temp directory, deleted when the test run ends; set RAGSAFETY_KEEP_TEMP=1 to keep them
    /// for a look at what a failing test built.
    /// </summary>
    public static string NewTempFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"ragsafety-{purpose}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        lock (TempFolders)
        {
            if (TempFolders.Count == 0 && Environment.GetEnvironmentVariable("RAGSAFETY_KEEP_TEMP") != "1")
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteTempFolders();
            }

            TempFolders.Add(folder);
        }

        return folder;
    }

    /// <summary>Deletes a folder and what is in it, leaving it if something still holds a file open.</summary>
    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteTempFolders()
    {
        lock (TempFolders)
        {
            TempFolders.ForEach(DeleteQuietly);
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}
