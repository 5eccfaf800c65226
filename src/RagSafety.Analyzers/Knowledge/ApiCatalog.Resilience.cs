using System.Collections.Generic;

namespace RagSafety.Analyzers.Knowledge
{
    internal static partial class ApiCatalog
    {
        /// <summary>
        /// The resilience knobs around AI traffic: where an SDK client's own retries are set, what makes an HttpClient retry,
        /// Polly's retry strategies, and the timeouts of resilience pipelines. Their documented defaults are in
        /// <see cref="ResilienceDefaults"/>. Polly and the resilience packages are support libraries: referencing them alone
        /// registers nothing.
        /// </summary>
        private static IEnumerable<ApiEntry> ResilienceEntries()
        {
            // System.ClientModel (OpenAI 2.x, Azure.AI.OpenAI 2.x): RetryPolicy null means the pipeline's default retry policy.
            const string ClientModel = "System.ClientModel";
            yield return Member(ApiRole.RetryOption, "System.ClientModel.Primitives.ClientPipelineOptions", "RetryPolicy", ClientModel);
            yield return Parameter(ApiRole.RetryOption, "System.ClientModel.Primitives.ClientRetryPolicy", ".ctor", "maxRetries", ClientModel);

            // Azure.Core: options.Retry (RetryOptions: MaxRetries, Mode, Delay) or a whole custom RetryPolicy.
            const string AzureCore = "Azure.Core";
            yield return Member(ApiRole.RetryOption, "Azure.Core.ClientOptions", "Retry", AzureCore);
            yield return Member(ApiRole.RetryOption, "Azure.Core.ClientOptions", "RetryPolicy", AzureCore);
            yield return Member(ApiRole.RetryOption, "Azure.Core.RetryOptions", "MaxRetries", AzureCore);

            // Microsoft.Extensions.Http.Resilience: IHttpClientBuilder extensions that put a resilience pipeline in the client's
            // handler chain. The standard handlers always retry (hedging sends extra attempts); AddResilienceHandler retries
            // when its pipeline adds a retry strategy.
            const string HttpResilience = "Microsoft.Extensions.Http.Resilience";
            const string ClientBuilderExtensions = "Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions";
            yield return Member(ApiRole.RetryHandler, ClientBuilderExtensions, "AddStandardResilienceHandler", HttpResilience);
            yield return Member(ApiRole.RetryHandler, ClientBuilderExtensions, "AddStandardHedgingHandler", HttpResilience);
            yield return Member(ApiRole.RetryHandler, ClientBuilderExtensions, "AddResilienceHandler", HttpResilience);
            yield return Type(ApiRole.RetryHandler, "Microsoft.Extensions.Http.Resilience.ResilienceHandler", HttpResilience);
            yield return Type(ApiRole.RetryStrategy, "Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions", HttpResilience);
            yield return Member(ApiRole.RetryStrategy, "Microsoft.Extensions.Http.Resilience.HttpRetryResiliencePipelineBuilderExtensions", "AddRetryWithBudget", HttpResilience);
            const string Standard = "Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions";
            yield return Member(ApiRole.ResilienceTimeout, Standard, "TotalRequestTimeout", HttpResilience);
            yield return Member(ApiRole.ResilienceTimeout, Standard, "AttemptTimeout", HttpResilience);

            // Microsoft.Extensions.Http.Polly (Polly 7 policies on IHttpClientBuilder): retrying when the policy retries.
            const string HttpPolly = "Microsoft.Extensions.Http.Polly";
            const string PollyBuilderExtensions = "Microsoft.Extensions.DependencyInjection.PollyHttpClientBuilderExtensions";
            yield return Member(ApiRole.RetryHandler, PollyBuilderExtensions, "AddPolicyHandler", HttpPolly);
            yield return Member(ApiRole.RetryHandler, PollyBuilderExtensions, "AddTransientHttpErrorPolicy", HttpPolly);
            yield return Type(ApiRole.RetryHandler, "Microsoft.Extensions.Http.PolicyHttpMessageHandler", HttpPolly);

            // Polly.Core 8: the retry strategy (BackoffType, UseJitter, MaxRetryAttempts, Delay on its options) and timeouts.
            const string Polly = "Polly.Core";
            yield return Type(ApiRole.RetryStrategy, "Polly.Retry.RetryStrategyOptions`1", Polly);
            yield return Member(ApiRole.RetryStrategy, "Polly.RetryResiliencePipelineBuilderExtensions", "AddRetry", Polly);
            yield return Member(ApiRole.ResilienceTimeout, "Polly.Timeout.TimeoutStrategyOptions", "Timeout", Polly);
            yield return Member(ApiRole.ResilienceTimeout, "Polly.TimeoutResiliencePipelineBuilderExtensions", "AddTimeout", Polly);
        }
    }
}
