using System.Text;

namespace RagSample.Ingestion;

/// <summary>Splits markdown into chunks of about <c>maxCharacters</c>, on paragraph and then sentence boundaries.</summary>
public static class Chunker
{
    public static IReadOnlyList<string> Split(string text, int maxCharacters)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in Pieces(text, maxCharacters))
        {
            if (current.Length > 0 && current.Length + piece.Length + 1 > maxCharacters)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }

            if (current.Length > 0)
            {
                current.Append('\n');
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks;
    }

    /// <summary>Paragraphs (with their line breaks folded), split into sentences when a paragraph is too long.</summary>
    private static IEnumerable<string> Pieces(string text, int maxCharacters)
    {
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var folded = paragraph.StartsWith('#') ? paragraph : paragraph.Replace('\n', ' ');
            if (folded.Length <= maxCharacters)
            {
                yield return folded;
                continue;
            }

            foreach (var sentence in folded.Split(". ", StringSplitOptions.RemoveEmptyEntries))
            {
                yield return sentence.EndsWith('.') ? sentence : sentence + ".";
            }
        }
    }

    /// <summary>A document's chunks, ready to embed.</summary>
    public static IEnumerable<(SourceDocument Document, int Ordinal, string Text)> Chunk(SourceDocument document, int maxCharacters) =>
        Split(document.Text, maxCharacters).Select((text, ordinal) => (document, ordinal, text));
}
