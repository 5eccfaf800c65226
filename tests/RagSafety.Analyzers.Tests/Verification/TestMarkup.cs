using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// Markup in test sources, as in Microsoft.CodeAnalysis.Testing: <c>[|…|]</c> (a diagnostic of the analyzer's
    /// only ID), <c>{|RAG010:…|}</c> or <c>{|CS0103:…|}</c> (a diagnostic with that ID), <c>{|#0:…|}</c> (a location
    /// that <c>WithLocation(0)</c> refers to). Markup nests.
    /// </summary>
    public sealed class TestMarkup
    {
        private TestMarkup(string source, ImmutableArray<MarkedSpan> spans)
        {
            Source = source;
            Spans = spans;
        }

        /// <summary>The source without markup.</summary>
        public string Source { get; }

        public ImmutableArray<MarkedSpan> Spans { get; }

        public static TestMarkup Parse(string markup)
        {
            var output = new StringBuilder(markup.Length);
            var spans = ImmutableArray.CreateBuilder<MarkedSpan>();
            var open = new Stack<(string? Name, int Start)>();
            for (var i = 0; i < markup.Length; i++)
            {
                if (Matches(markup, i, "[|"))
                {
                    open.Push((null, output.Length));
                    i++;
                }
                else if (Matches(markup, i, "{|") && markup.IndexOf(':', i) is var colon and > 0 && IsName(markup, i + 2, colon))
                {
                    open.Push((markup.Substring(i + 2, colon - i - 2), output.Length));
                    i = colon;
                }
                else if (Matches(markup, i, "|]") || Matches(markup, i, "|}"))
                {
                    if (open.Count == 0)
                    {
                        throw new FormatException($"Markup closes a span at offset {i} that was never opened.");
                    }

                    var (name, start) = open.Pop();
                    var closesNamed = markup[i + 1] == '}';
                    if (closesNamed != (name is not null))
                    {
                        throw new FormatException($"Markup at offset {i}: '{markup.Substring(i, 2)}' does not close the span opened as {(name is null ? "[|" : "{|" + name + ":")}.");
                    }

                    spans.Add(new MarkedSpan(name, TextSpan.FromBounds(start, output.Length)));
                    i++;
                }
                else
                {
                    output.Append(markup[i]);
                }
            }

            if (open.Count > 0)
            {
                throw new FormatException("Markup leaves a span open: " + (open.Peek().Name ?? "[|"));
            }

            return new TestMarkup(output.ToString(), spans.ToImmutable());
        }

        private static bool Matches(string text, int index, string token) =>
            string.CompareOrdinal(text, index, token, 0, token.Length) == 0;

        private static bool IsName(string text, int start, int end)
        {
            if (end <= start)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                if (!(char.IsLetterOrDigit(text[i]) || text[i] == '#' || text[i] == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A marked span: <see cref="Name"/> is null for <c>[|…|]</c>, an ID, or <c>#n</c> for a location marker.</summary>
    public sealed record MarkedSpan(string? Name, TextSpan Span)
    {
        public bool IsLocationMarker => Name is not null && Name.StartsWith("#", StringComparison.Ordinal);
    }
}
