namespace RagSample.Ai;

/// <summary>Lower-case word splitting shared by the local embedder and the local chat client.</summary>
internal static class Words
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
        "is", "it", "its", "my", "of", "on", "or", "so", "that", "the", "their", "them", "there", "this", "to", "what",
        "when", "where", "which", "who", "why", "with", "you", "your",
    };

    /// <summary>The content words of <paramref name="text"/>, lower-cased, stop words removed, crude plural folding.</summary>
    public static IEnumerable<string> Of(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                start = -1;
                if (!StopWords.Contains(word))
                {
                    yield return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
                }
            }
        }
    }
}
