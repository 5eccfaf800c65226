namespace RagSample.Ai;

/// <summary>
/// Bounds the model calls in flight across every request and the ingestion service, and gives each call a deadline.
/// A request that cannot get a slot in time fails on its own instead of piling more load on a rate-limited endpoint.
/// </summary>
public sealed class ModelGate(int maxConcurrency, TimeSpan timeout) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxConcurrency));

    public TimeSpan Timeout { get; } = timeout;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        await _slots.WaitAsync(deadline.Token).ConfigureAwait(false);
        try
        {
            return await call(deadline.Token).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
