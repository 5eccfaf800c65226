using Microsoft.Extensions.AI;

namespace RagSample.Ai;

/// <summary>
/// Offline embedder: a hashed bag of words (FNV-1a into <see cref="Dimensions"/> signed buckets, unit length).
/// Deterministic across runs and machines, no model weights; similar wording gives similar vectors.
/// </summary>
public sealed class HashingEmbeddingGenerator(int dimensions = 256) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Dimensions { get; } = dimensions;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = "hashing-bag-of-words" });
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("local", null, "hashing-bag-of-words", Dimensions)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in Words.Of(text))
        {
            var hash = Fnv1a(word);
            vector[(int)(hash % (uint)Dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }

        VectorMath.Normalize(vector);
        return vector;
    }

    private static uint Fnv1a(string word)
    {
        var hash = 2166136261;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
