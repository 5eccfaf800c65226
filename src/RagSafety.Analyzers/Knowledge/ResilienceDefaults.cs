namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>
    /// The documented defaults of the resilience knobs catalogued in ApiCatalog.Resilience.cs, checked against the real
    /// packages (OpenAI 2.15 / System.ClientModel, Azure.Core 1.60, Microsoft.Extensions.Http.Resilience 11.0, Polly.Core
    /// 8.9.1) by constructing the options; sources are cited on docs/rules/RAG042.md.
    /// </summary>
    internal static class ResilienceDefaults
    {
        /// <summary><c>ClientRetryPolicy(int maxRetries = 3)</c>, used when <c>ClientPipelineOptions.RetryPolicy</c> is null.</summary>
        public const int ClientModelMaxRetries = 3;

        /// <summary>Azure.Core <c>RetryOptions.MaxRetries</c> (exponential, 0.8 s base delay, 1 min maximum delay).</summary>
        public const int AzureCoreMaxRetries = 3;

        /// <summary><c>AddStandardResilienceHandler</c>: retries (<c>HttpRetryStrategyOptions</c>: exponential with jitter, Retry-After honoured).</summary>
        public const int StandardHandlerMaxRetryAttempts = 3;

        /// <summary><c>HttpStandardResilienceOptions.TotalRequestTimeout.Timeout</c>, in seconds.</summary>
        public const int StandardHandlerTotalRequestTimeoutSeconds = 30;

        /// <summary><c>HttpStandardResilienceOptions.AttemptTimeout.Timeout</c>, in seconds.</summary>
        public const int StandardHandlerAttemptTimeoutSeconds = 10;

        /// <summary><c>HttpStandardResilienceOptions.CircuitBreaker.SamplingDuration</c>, in seconds (at least twice the attempt timeout).</summary>
        public const int StandardHandlerCircuitBreakerSamplingSeconds = 30;

        /// <summary>Polly <c>TimeoutStrategyOptions.Timeout</c> (and so a new <c>HttpTimeoutStrategyOptions</c>'s), in seconds.</summary>
        public const int PollyTimeoutSeconds = 30;

        /// <summary>Polly <c>RetryStrategyOptions</c>: <c>MaxRetryAttempts</c> 3, <c>Delay</c> 2 s.</summary>
        public const int PollyMaxRetryAttempts = 3;

        /// <summary>Polly <c>RetryStrategyOptions.BackoffType</c> defaults to Constant and <c>UseJitter</c> to false.</summary>
        public const bool PollyRetryIsConstantWithoutJitter = true;

        /// <summary><c>HttpRetryStrategyOptions</c> (its constructor) sets Exponential, <c>UseJitter = true</c> and <c>ShouldRetryAfterHeader = true</c>.</summary>
        public const bool HttpRetryIsExponentialWithJitter = true;
    }
}
