using Microsoft.Extensions.AI;

namespace RagSample.Unsafe;

/// <summary>An offline stand-in for an embedding model: a hashed bag of words.</summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 256;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            var vector = new float[Dimensions];
            foreach (var word in value.ToLowerInvariant().Split([' ', '\n', '.', ',', '?', '!', ':', ';', '`', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = 2166136261;
                foreach (var c in word)
                {
                    hash = (hash ^ c) * 16777619;
                }

                vector[hash % Dimensions] += 1;
            }

            var length = MathF.Sqrt(vector.Sum(v => v * v));
            embeddings.Add(new Embedding<float>(length == 0 ? vector : vector.Select(v => v / length).ToArray()));
        }

        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
