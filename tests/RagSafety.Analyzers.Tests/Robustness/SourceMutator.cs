using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Seeded edits that turn valid C# into the half-written code users type: tokens deleted, duplicated or swapped, the
    /// text cut off, braces removed, stray keywords inserted. The same seed always gives the same variant.
    /// </summary>
    public static class SourceMutator
    {
        private static readonly string[] StrayTokens =
        {
            "async", "await", "static", "return", "new", "{", "}", "(", ")", "=>", "var", "class", "using", "yield", ";", ".", "?", "ref", "partial", "this",
        };

        public static string Mutate(string source, int seed)
        {
            var random = new Random(seed);
            var edits = random.Next(1, 4);
            for (var i = 0; i < edits && source.Length > 0; i++)
            {
                source = EditOnce(source, random);
            }

            return source;
        }

        private static string EditOnce(string source, Random random)
        {
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
            if (tokens.Count < 2)
            {
                return source.Substring(0, random.Next(source.Length));
            }

            var index = random.Next(tokens.Count - 1);
            var token = tokens[index];
            switch (random.Next(6))
            {
                case 0:
                    return source.Remove(token.SpanStart, token.Span.Length);
                case 1:
                    return source.Insert(token.Span.End, " " + token.Text);
                case 2:
                    var next = tokens[index + 1];
                    return source.Substring(0, token.SpanStart) + next.Text + source.Substring(token.Span.End, next.SpanStart - token.Span.End)
                        + token.Text + source.Substring(next.Span.End);
                case 3:
                    return source.Substring(0, random.Next(source.Length));
                case 4:
                    var braces = tokens.Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)).ToList();
                    var brace = braces.Count > 0 ? braces[random.Next(braces.Count)] : token;
                    return source.Remove(brace.SpanStart, brace.Span.Length);
                default:
                    return source.Insert(token.SpanStart, StrayTokens[random.Next(StrayTokens.Length)] + " ");
            }
        }
    }
}
