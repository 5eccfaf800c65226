using System.Diagnostics;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>The outcome of one request of the load.</summary>
public readonly record struct RequestOutcome(int? Status, bool TimedOut, string? Error, TimeSpan Latency);

/// <summary>What one sample did under the load.</summary>
/// <param name="HealthProbes">
/// <c>GET /health</c> sent every 250 ms while the load runs: it touches no model, so its latency is the time a request
/// waits for a thread, and shows thread-pool starvation directly.
/// </param>
public sealed record LoadResult(string Sample, IReadOnlyList<RequestOutcome> Outcomes, IReadOnlyList<RequestOutcome> HealthProbes, TimeSpan Elapsed)
{
    public int Total => Outcomes.Count;

    public int Succeeded => Outcomes.Count(o => o.Status is >= 200 and < 300);

    public int ServerErrors => Outcomes.Count(o => o.Status is >= 500);

    public int OtherStatus => Outcomes.Count(o => o.Status is not null and (< 200 or (>= 300 and < 500)));

    public int TimedOut => Outcomes.Count(o => o.TimedOut);

    public int ConnectionErrors => Outcomes.Count(o => o.Status is null && !o.TimedOut);

    public TimeSpan Percentile(double p) => Percentile(Outcomes, p);

    public TimeSpan HealthPercentile(double p) => Percentile(HealthProbes, p);

    private static TimeSpan Percentile(IEnumerable<RequestOutcome> outcomes, double p)
    {
        var latencies = outcomes.Select(o => o.Latency).Order().ToList();
        if (latencies.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = (int)Math.Ceiling(p / 100 * latencies.Count) - 1;
        return latencies[Math.Clamp(rank, 0, latencies.Count - 1)];
    }
}

/// <summary>
/// Fires <c>rounds</c> waves of <c>concurrency</c> simultaneous <c>GET /ask?q=…</c> requests, each with a hard time cap,
/// and records status, timeout and latency of every one, while probing <c>GET /health</c>.
/// </summary>
public static class LoadRunner
{
    private static readonly string[] Questions =
    [
        "How do I restore a backup?",
        "Which port does Tidewater listen on?",
        "How long does an invitation link last?",
        "What happens when a webhook delivery fails?",
        "How many requests per minute does the API allow?",
        "How do I create an API token?",
        "Can a guest move cards?",
        "How many automation rules can a board have?",
        "How do I import cards from a CSV file?",
        "What does tidewater doctor do?",
        "How many users does one instance serve?",
        "Is two-factor authentication supported?",
        "Do guests use license seats?",
        "How do I upgrade Tidewater?",
        "How long do deleted cards stay in the bin?",
        "When is the daily digest e-mail sent?",
    ];

    public static async Task<LoadResult> RunAsync(string sample, Uri baseAddress, int concurrency, int rounds, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = int.MaxValue };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var outcomes = new List<RequestOutcome>(concurrency * rounds);
        var total = Stopwatch.StartNew();
        using var loadDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probes = ProbeHealthAsync(http, requestTimeout, loadDone.Token);
        for (var round = 0; round < rounds; round++)
        {
            var wave = Enumerable.Range(0, concurrency)
                .Select(i => SendAsync(http, "ask?q=" + Uri.EscapeDataString(Questions[(round * concurrency + i) % Questions.Length]), requestTimeout, cancellationToken));
            outcomes.AddRange(await Task.WhenAll(wave));
        }

        var elapsed = total.Elapsed;
        await loadDone.CancelAsync();
        return new LoadResult(sample, outcomes, await probes, elapsed);
    }

    private static async Task<IReadOnlyList<RequestOutcome>> ProbeHealthAsync(HttpClient http, TimeSpan timeout, CancellationToken loadDone)
    {
        var probes = new List<RequestOutcome>();
        while (!loadDone.IsCancellationRequested)
        {
            probes.Add(await SendAsync(http, "health", timeout, CancellationToken.None));
            try
            {
                await Task.Delay(250, loadDone);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return probes;
    }

    private static async Task<RequestOutcome> SendAsync(HttpClient http, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, cap.Token);
            return new RequestOutcome((int)response.StatusCode, TimedOut: false, Error: null, clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new RequestOutcome(null, TimedOut: true, Error: "timeout", clock.Elapsed);
        }
        catch (HttpRequestException exception)
        {
            return new RequestOutcome(null, TimedOut: false, Error: exception.HttpRequestError.ToString(), clock.Elapsed);
        }
    }
}
