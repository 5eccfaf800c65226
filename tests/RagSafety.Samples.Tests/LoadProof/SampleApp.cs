using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>
/// One sample running as a child process (<c>dotnet &lt;sample&gt;.dll --urls http://127.0.0.1:&lt;free port&gt;</c>) from a
/// private copy of its build output, with its console output kept. Disposing kills the whole process tree.
/// </summary>
public sealed class SampleApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _copy;

    private SampleApp(Process process, Uri baseAddress, string copy)
    {
        _process = process;
        BaseAddress = baseAddress;
        _copy = copy;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyCollection<string> Log => _log;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the sample built next to the tests (samples/&lt;name&gt;/bin/&lt;configuration&gt;/net10.0) and waits until
    /// <c>GET /health</c> answers 200.
    /// </summary>
    public static async Task<SampleApp> StartAsync(string name, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var output = BuildOutput(name);
        var copy = Path.Combine(Path.GetTempPath(), "ragsafety-load-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(output, copy);

        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = copy,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(copy, name + ".dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new SampleApp(process, new Uri($"http://127.0.0.1:{port}/"), copy);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90), cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public int CountLogLines(string text) => _log.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>
    /// The unhandled request exceptions ASP.NET Core logged, and how many of them were the model's 429 surfacing as
    /// an error (the exception text a few lines below the log entry names the status).
    /// </summary>
    public (int Total, int RateLimited) UnhandledExceptions()
    {
        var lines = _log.ToArray();
        var total = 0;
        var rateLimited = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains("An unhandled exception", StringComparison.Ordinal))
            {
                continue;
            }

            total++;
            var detail = string.Join(" ", lines.Skip(i + 1).Take(3));
            if (detail.Contains("429", StringComparison.Ordinal) || detail.Contains("Too Many Requests", StringComparison.Ordinal))
            {
                rateLimited++;
            }
        }

        return (total, rateLimited);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not started.
        }
        finally
        {
            _process.Dispose();
            EndToEnd.DotnetCli.DeleteQuietly(_copy);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{BaseAddress} exited with code {_process.ExitCode} before it was healthy:\n{string.Join("\n", _log.TakeLast(40))}");
            }

            try
            {
                using var response = await http.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"{BaseAddress} was not healthy after {limit.TotalSeconds} s:\n{string.Join("\n", _log.TakeLast(40))}");
    }

    /// <summary>The repository the tests were built from.</summary>
    public static string RepositoryRoot =>
        typeof(SampleApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static string BuildOutput(string name)
    {
        var configuration = typeof(SampleApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(RepositoryRoot, "samples", name, "bin", configuration, "net10.0");
        if (!File.Exists(Path.Combine(output, name + ".dll")))
        {
            throw new InvalidOperationException($"{name} is not built in {output}: build tests/RagSafety.Samples.Tests (it references the samples) in the same configuration.");
        }

        return output;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
