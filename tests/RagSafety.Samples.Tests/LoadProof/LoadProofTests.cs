using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>
/// The load proof: both samples, pointed at the same kind of rate-limited local model endpoint, take the same bounded
/// load on loopback. The safe sample must serve every request; the unsafe one must show the field symptoms (500s,
/// timeouts, "Collection was modified"). Opt-in: <c>RAGSAFETY_LOAD_PROOF=1</c>.
/// </summary>
[Trait("Category", "LoadProof")]
public sealed class LoadProofTests(ITestOutputHelper output)
{
    private const int Concurrency = 64;
    private const int Rounds = 4;
    private const int ModelConcurrencyLimit = 16;
    private const int SafeModelConcurrency = 8;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan TestTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ChatDelay = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan EmbeddingDelay = TimeSpan.FromMilliseconds(50);

    [LoadProofFact]
    public async Task Safe_sample_serves_every_request_where_the_unsafe_twin_fails()
    {
        using var cap = new CancellationTokenSource(TestTimeout);
        var clock = Stopwatch.StartNew();
        var safe = await RunAsync("RagSample", cap.Token);
        var @unsafe = await RunAsync("RagSample.Unsafe", cap.Token);

        Report(clock.Elapsed, safe, @unsafe);

        Assert.True(safe.ModelRequests > 0, "The safe sample never called the fake model endpoint: it ran offline.");
        Assert.True(@unsafe.ModelRequests > 0, "The unsafe sample never called the fake model endpoint: it ran offline.");
        Assert.Equal(safe.Load.Total, safe.Load.Succeeded);
        Assert.True(
            @unsafe.Symptoms > 0,
            $"The unsafe sample showed no symptom: {@unsafe.Load.Succeeded}/{@unsafe.Load.Total} succeeded, no 5xx, no timeout, no 'Collection was modified'.");
    }

    private async Task<SampleRun> RunAsync(string sample, CancellationToken cancellationToken)
    {
        await using var model = await FakeModelServer.StartAsync(ModelConcurrencyLimit, ChatDelay, EmbeddingDelay, cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = model.BaseUrl.ToString(),
            ["OPENAI_API_KEY"] = "fake-key-for-the-local-endpoint",
            ["OPENAI_CHAT_MODEL"] = "fake-chat",
            ["OPENAI_EMBEDDING_MODEL"] = "fake-embedding",

            // The safe sample's model gate, set below the endpoint's limit (the unsafe one has no such knob).
            ["Rag__MaxModelConcurrency"] = SafeModelConcurrency.ToString(CultureInfo.InvariantCulture),
        };

        await using var app = await SampleApp.StartAsync(sample, environment, cancellationToken);
        var before = model.Requests;
        var load = await LoadRunner.RunAsync(sample, app.BaseAddress, Concurrency, Rounds, RequestTimeout, cancellationToken);

        // Lets the last log lines of failed requests arrive before counting them.
        await Task.Delay(500, cancellationToken);
        SaveLog(sample, app.Log);
        var (unhandled, unhandledRateLimited) = app.UnhandledExceptions();
        return new SampleRun(
            load,
            ModelRequests: model.Requests - before,
            ModelRateLimited: model.RateLimited,
            ModelPeakInFlight: model.PeakInFlight,
            CollectionModified: app.CountLogLines("Collection was modified"),
            UnhandledExceptions: unhandled,
            UnhandledRateLimited: unhandledRateLimited,
            Exited: app.HasExited);
    }

    private void Report(TimeSpan elapsed, params SampleRun[] runs)
    {
        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Load proof: {Concurrency} concurrent x {Rounds} rounds of GET /ask per sample, {RequestTimeout.TotalSeconds:0} s cap per request; fake model: {ChatDelay.TotalMilliseconds:0} ms chat / {EmbeddingDelay.TotalMilliseconds:0} ms embeddings, 429 above {ModelConcurrencyLimit} in flight; safe sample's model gate {SafeModelConcurrency}; {Environment.ProcessorCount} cores; wall time {elapsed.TotalSeconds:0.0} s")
            .AppendLine()
            .AppendLine("| Sample | Requests | 2xx | 5xx | Other status | Timeouts | Connection errors | p50 ms | p95 ms | Max ms | /health p95 ms | Load s | Model calls | Model 429s | Model peak in flight | Log: unhandled exceptions | of which model 429 | Log: collection modified |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            var load = run.Load;
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {load.Sample}{(run.Exited ? " (exited)" : string.Empty)} | {load.Total} | {load.Succeeded} | {load.ServerErrors} | {load.OtherStatus} | {load.TimedOut} | {load.ConnectionErrors} | {load.Percentile(50).TotalMilliseconds:0} | {load.Percentile(95).TotalMilliseconds:0} | {load.Percentile(100).TotalMilliseconds:0} | {load.HealthPercentile(95).TotalMilliseconds:0} | {load.Elapsed.TotalSeconds:0.0} | {run.ModelRequests} | {run.ModelRateLimited} | {run.ModelPeakInFlight} | {run.UnhandledExceptions} | {run.UnhandledRateLimited} | {run.CollectionModified} |");
        }

        var text = table.ToString();
        output.WriteLine(text);
        Console.WriteLine(text);
        Save("results.md", text);
    }

    private static void SaveLog(string sample, IEnumerable<string> lines) => Save(sample + ".log", string.Join("\n", lines));

    /// <summary>Keeps the table and the samples' console output under artifacts/load-proof/ for a look afterwards.</summary>
    private static void Save(string name, string text)
    {
        try
        {
            var directory = Path.Combine(SampleApp.RepositoryRoot, "artifacts", "load-proof");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, name), text);
        }
        catch (IOException)
        {
        }
    }

    private sealed record SampleRun(
        LoadResult Load,
        int ModelRequests,
        int ModelRateLimited,
        int ModelPeakInFlight,
        int CollectionModified,
        int UnhandledExceptions,
        int UnhandledRateLimited,
        bool Exited)
    {
        /// <summary>Failed requests plus concurrency errors seen in the log.</summary>
        public int Symptoms => Load.ServerErrors + Load.TimedOut + Load.ConnectionErrors + CollectionModified;
    }
}
