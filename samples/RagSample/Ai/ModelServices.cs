using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace RagSample.Ai;

public static class ModelServices
{
    /// <summary>
    /// Registers <see cref="IChatClient"/> and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> as singletons
    /// (both are thread-safe and hold no conversation): the OpenAI SDK when <paramref name="endpoint"/> is set,
    /// otherwise the offline embedder and extractive chat client.
    /// </summary>
    public static IServiceCollection AddModelClients(this IServiceCollection services, ModelEndpoint? endpoint, RagSettings settings)
    {
        if (endpoint is null)
        {
            services.AddSingleton<IChatClient, ExtractiveChatClient>();
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new HashingEmbeddingGenerator());
            return services;
        }

        var timeout = TimeSpan.FromSeconds(Math.Max(1, settings.ModelTimeoutSeconds));

        // One retry layer: the SDK's own (exponential backoff). The HttpClient under it has no resilience handler, so no
        // pipeline timeout shorter than this one (a minute by default: a generation can take that long) cuts an answer off.
        var retries = new ClientRetryPolicy(maxRetries: 3);
        services.AddSingleton(_ => new ModelGate(settings.MaxModelConcurrency, timeout));
        services.AddSingleton<IChatClient>(sp => new OpenAIChatAdapter(
            new ChatClient(endpoint.ChatModel, new ApiKeyCredential(endpoint.ApiKey), new OpenAIClientOptions { Endpoint = endpoint.BaseUrl, NetworkTimeout = timeout, RetryPolicy = retries }),
            sp.GetRequiredService<ModelGate>(),
            endpoint.ChatModel));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => new OpenAIEmbeddingAdapter(
            new EmbeddingClient(endpoint.EmbeddingModel, new ApiKeyCredential(endpoint.ApiKey), new OpenAIClientOptions { Endpoint = endpoint.BaseUrl, NetworkTimeout = timeout, RetryPolicy = retries }),
            sp.GetRequiredService<ModelGate>(),
            endpoint.EmbeddingModel));
        return services;
    }
}
