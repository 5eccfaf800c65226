using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// One pass over a tree's text that tells, for each method and constructor declaration, every identifier-like word in
    /// it. A call's name is always such a word, so the words are a superset of the names a declaration invokes; they are
    /// found without creating syntax nodes for the bodies, which is most of what walking the syntax costs. Where a word
    /// could spell a name differently from its text (a Unicode escape, a non-ASCII letter), the declaration is marked for
    /// a syntax walk instead of trusting the words.
    /// </summary>
    internal sealed class SourceWords
    {
        private string?[] _table = new string?[1 << 14];

        // Per slot of the table: the last declaration the word was added to, so a declaration lists each word once.
        private int[] _addedTo = new int[1 << 14];

        // Per slot of the table: whether the word is a reserved keyword (`return`, `new`, `string`), which names no method.
        private bool[] _reserved = new bool[1 << 14];
        private int _count;
        private int _declarationsSeen;
        private char[] _buffer = new char[1 << 16];

        /// <summary>A method, constructor or type declaration, with the words found inside it but outside any nested declaration.</summary>
        public sealed class Declaration
        {
            public Declaration(SyntaxNode node, string? declaredName, int nameStart = -1)
            {
                Node = node;
                DeclaredName = declaredName;
                NameStart = nameStart;
                Words = declaredName is null ? null : new List<string>();
            }

            public SyntaxNode Node { get; }

            /// <summary>The name the declaration is called by; null for a type without a primary constructor (its words belong to nobody).</summary>
            public string? DeclaredName { get; }

            /// <summary>Each word once (a word met again after a nested declaration may repeat).</summary>
            public List<string>? Words { get; }

            internal int Stamp { get; set; }

            /// <summary>
            /// Where a method's own name is written in its declaration, or -1: that word declares the method and invokes
            /// nothing, and counting it would make every method seem to call its namesakes (each module's <c>Digest</c>
            /// all others).
            /// </summary>
            internal int NameStart { get; }

            /// <summary>Some word may not spell its name as written: walk the syntax of this declaration too.</summary>
            public bool NeedsSyntaxWalk { get; set; }

            internal int Start => Node.SpanStart;

            internal int End => Node.Span.End;
        }

        /// <summary>
        /// The tree's method, constructor and type declarations in source order (a type before its members). A type with a
        /// primary constructor is declared as a constructor: its base call and member initializers run in it.
        /// </summary>
        public static List<Declaration> DeclarationsOf(SyntaxNode root)
        {
            var declarations = new List<Declaration>();
            AddMembers(root, declarations);
            return declarations;
        }

        /// <summary>
        /// Reads the text once. Each word goes to the innermost declaration around it (if that declaration collects words)
        /// and, when <paramref name="isWatched"/> says so, to <paramref name="watched"/> with its position.
        /// </summary>
        public void Scan(SourceText source, List<Declaration> declarations, System.Func<string, bool> isWatched, List<(string Word, int Position)> watched)
        {
            // The text is copied into one reused buffer rather than into a string per tree.
            var length = source.Length;
            if (_buffer.Length < length)
            {
                _buffer = new char[System.Math.Max(length, _buffer.Length * 2)];
            }

            source.CopyTo(0, _buffer, 0, length);
            var text = _buffer;

            var next = 0;
            var open = new Stack<Declaration>();
            Declaration? OwnerAt(int position)
            {
                while (open.Count > 0 && position >= open.Peek().End)
                {
                    open.Pop();
                }

                while (next < declarations.Count && declarations[next].Start <= position)
                {
                    var declaration = declarations[next++];
                    if (position < declaration.End)
                    {
                        declaration.Stamp = ++_declarationsSeen;
                        open.Push(declaration);
                    }
                }

                return open.Count > 0 ? open.Peek() : null;
            }

            var i = 0;
            while (i < length)
            {
                var c = text[i];
                if (IsWordStart(c))
                {
                    var start = i;
                    var nonAscii = c > 127;
                    for (i++; i < length && IsWordPart(text[i]); i++)
                    {
                        nonAscii |= text[i] > 127;
                    }

                    var slot = Intern(text, start, i - start);
                    var word = _table[slot]!;

                    // A reserved keyword is never a call's name (`@return` is an identifier, kept), though some imply one.
                    var keyword = _reserved[slot] && (start == 0 || text[start - 1] != '@');
                    var owner = OwnerAt(start);
                    if (owner?.Words is { } words && _addedTo[slot] != owner.Stamp && start != owner.NameStart)
                    {
                        _addedTo[slot] = owner.Stamp;
                        if (!keyword)
                        {
                            words.Add(word);
                        }

                        owner.NeedsSyntaxWalk |= nonAscii;
                        AddImpliedNames(word, words);
                    }

                    if (!keyword && isWatched(word))
                    {
                        watched.Add((word, start));
                    }
                }
                else if (c is >= '0' and <= '9')
                {
                    // A number (0x1F, 1e5, 10_000): its letters are no word.
                    for (i++; i < length && IsWordPart(text[i]); i++)
                    {
                    }
                }
                else
                {
                    if ((c == '$' || (c == '\\' && i + 1 < length && text[i + 1] is 'u' or 'U')) && OwnerAt(i) is { Words: { } words } owner)
                    {
                        if (c == '$')
                        {
                            words.AddRange(CallNameGraph.InterpolationHandlerNames);
                        }
                        else
                        {
                            owner.NeedsSyntaxWalk = true;
                        }
                    }

                    i++;
                }
            }
        }

        /// <summary>Calls the compiler makes where the source names another word (or none).</summary>
        private static void AddImpliedNames(string word, List<string> words)
        {
            switch (word)
            {
                case "base" or "this":
                    words.Add(CallNameGraph.ConstructorName);
                    break;
                case "new":
                    words.Add(CallNameGraph.CollectionInitializerName);
                    break;
                case "select" or "group":
                    words.AddRange(CallNameGraph.QueryMethodNames);
                    break;
            }
        }

        private static void AddMembers(SyntaxNode container, List<Declaration> declarations)
        {
            foreach (var member in MembersOf(container))
            {
                switch (member)
                {
                    case MethodDeclarationSyntax method:
                        declarations.Add(new Declaration(method, method.Identifier.ValueText, method.Identifier.SpanStart));
                        break;
                    case ConstructorDeclarationSyntax constructor:
                        declarations.Add(new Declaration(constructor, CallNameGraph.ConstructorName));
                        break;
                    case TypeDeclarationSyntax type:
                        var declaration = new Declaration(type, type.ParameterList is null ? null : CallNameGraph.ConstructorName);
                        if (type.BaseList?.Types.Any(t => t is PrimaryConstructorBaseTypeSyntax) == true)
                        {
                            declaration.Words!.Add(CallNameGraph.ConstructorName);
                        }

                        declarations.Add(declaration);
                        AddMembers(type, declarations);
                        break;
                    case BaseNamespaceDeclarationSyntax:
                        AddMembers(member, declarations);
                        break;
                    case BaseFieldDeclarationSyntax or BasePropertyDeclarationSyntax or BaseMethodDeclarationSyntax or GlobalStatementSyntax
                        or EnumDeclarationSyntax or DelegateDeclarationSyntax or IncompleteMemberSyntax:
                        break;
                    default:
                        // A kind of member this build does not know (newer C#): look inside it for methods.
                        AddMembers(member, declarations);
                        break;
                }
            }
        }

        private static IEnumerable<MemberDeclarationSyntax> MembersOf(SyntaxNode container) => container switch
        {
            CompilationUnitSyntax unit => unit.Members,
            BaseNamespaceDeclarationSyntax @namespace => @namespace.Members,
            TypeDeclarationSyntax type => type.Members,
            _ => OfMemberType(container.ChildNodes()),
        };

        private static IEnumerable<MemberDeclarationSyntax> OfMemberType(IEnumerable<SyntaxNode> nodes)
        {
            foreach (var node in nodes)
            {
                if (node is MemberDeclarationSyntax member)
                {
                    yield return member;
                }
            }
        }

        private static bool IsWordStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || c > 127;

        private static bool IsWordPart(char c) => IsWordStart(c) || c is >= '0' and <= '9';

        /// <summary>The table slot of the word's one string, so the text is not copied per occurrence.</summary>
        private int Intern(char[] text, int start, int length)
        {
            var mask = _table.Length - 1;
            for (var slot = Hash(text, start, length) & mask; ; slot = (slot + 1) & mask)
            {
                var existing = _table[slot];
                if (existing is null)
                {
                    _table[slot] = new string(text, start, length);
                    _reserved[slot] = SyntaxFacts.GetKeywordKind(_table[slot]!) != SyntaxKind.None;
                    if (++_count * 2 <= _table.Length)
                    {
                        return slot;
                    }

                    Grow();
                    return Intern(text, start, length);
                }

                if (existing.Length == length && SameChars(existing, text, start))
                {
                    return slot;
                }
            }
        }

        private static bool SameChars(string word, char[] text, int start)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (word[i] != text[start + i])
                {
                    return false;
                }
            }

            return true;
        }

        private void Grow()
        {
            var oldWords = _table;
            var oldAddedTo = _addedTo;
            var oldReserved = _reserved;
            _table = new string?[oldWords.Length * 2];
            _addedTo = new int[oldWords.Length * 2];
            _reserved = new bool[oldWords.Length * 2];
            var mask = _table.Length - 1;
            for (var old = 0; old < oldWords.Length; old++)
            {
                if (oldWords[old] is not { } word)
                {
                    continue;
                }

                var slot = Hash(word.ToCharArray(), 0, word.Length) & mask;
                while (_table[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _table[slot] = word;
                _addedTo[slot] = oldAddedTo[old];
                _reserved[slot] = oldReserved[old];
            }
        }

        private static int Hash(char[] text, int start, int length)
        {
            // FNV-1a over the characters; only needs to spread words across the table.
            var hash = 2166136261u;
            for (var i = start; i < start + length; i++)
            {
                hash = (hash ^ text[i]) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
