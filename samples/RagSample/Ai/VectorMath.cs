namespace RagSample.Ai;

internal static class VectorMath
{
    /// <summary>Scales <paramref name="values"/> to unit length, so a dot product is the cosine similarity.</summary>
    public static void Normalize(Span<float> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v * v;
        }

        if (sum <= 0)
        {
            return;
        }

        var scale = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < values.Length; i++)
        {
            values[i] *= scale;
        }
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var n = Math.Min(a.Length, b.Length);
        float sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
