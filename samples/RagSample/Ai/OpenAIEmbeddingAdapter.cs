using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using EmbeddingGenerationOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;

namespace RagSample.Ai;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the OpenAI SDK's <see cref="EmbeddingClient"/>
/// (one shared instance); every call goes through the <see cref="ModelGate"/>.
/// </summary>
public sealed class OpenAIEmbeddingAdapter(EmbeddingClient client, ModelGate gate, string modelId) : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var result = await gate.RunAsync(
            async token => (await client.GenerateEmbeddingsAsync(inputs, cancellationToken: token).ConfigureAwait(false)).Value,
            cancellationToken).ConfigureAwait(false);

        return new GeneratedEmbeddings<Embedding<float>>(
            result.OrderBy(e => e.Index).Select(e => new Embedding<float>(Normalized(e.ToFloats())) { ModelId = modelId }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai", null, modelId)
        : serviceType.IsInstanceOfType(this) ? this
        : serviceType.IsInstanceOfType(client) ? client
        : null;

    public void Dispose()
    {
    }

    private static float[] Normalized(ReadOnlyMemory<float> vector)
    {
        var values = vector.ToArray();
        VectorMath.Normalize(values);
        return values;
    }
}
