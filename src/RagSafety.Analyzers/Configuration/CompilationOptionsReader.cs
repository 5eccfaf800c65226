using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RagSafety.Analyzers.Configuration
{
    /// <summary>
    /// Reads compilation-wide options (catalog extensions, call-chain depth). They may come from a .globalconfig or from
    /// any .editorconfig section that covers the project's C# files: the global value wins, then the first source file's.
    /// </summary>
    internal sealed class CompilationOptionsReader
    {
        private readonly AnalyzerConfigOptions _global;
        private readonly List<AnalyzerConfigOptions> _perTree = new();

        public CompilationOptionsReader(Compilation compilation, AnalyzerOptions options)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            _global = provider.GlobalOptions;
            foreach (var tree in compilation.SyntaxTrees)
            {
                _perTree.Add(provider.GetOptions(tree));
            }
        }

        public string? GetString(string key)
        {
            if (_global.TryGetValue(key, out var globalValue) && !string.IsNullOrWhiteSpace(globalValue))
            {
                return globalValue.Trim();
            }

            foreach (var options in _perTree)
            {
                if (options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }

            return null;
        }

        /// <summary>An integer option within bounds; anything else (missing, not a number, out of range) is the default.</summary>
        public int GetInt32(string key, int defaultValue, int min, int max)
        {
            var text = GetString(key);
            return text is not null && int.TryParse(text, out var value) && value >= min && value <= max ? value : defaultValue;
        }

        /// <summary>Every distinct item of a list option (separated by ';' or by ',' outside parentheses), over all sources, in a stable order.</summary>
        public IReadOnlyList<string> GetList(string key)
        {
            var items = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void AddFrom(AnalyzerConfigOptions options)
            {
                if (!options.TryGetValue(key, out var value))
                {
                    return;
                }

                foreach (var raw in SplitItems(value))
                {
                    var item = raw.Trim();
                    if (item.Length > 0 && seen.Add(item))
                    {
                        items.Add(item);
                    }
                }
            }

            AddFrom(_global);
            foreach (var options in _perTree)
            {
                AddFrom(options);
            }

            return items;
        }

        /// <summary>Every distinct (key, value) under the package's prefix, from the global options and every file's sections.</summary>
        public IReadOnlyList<(string Key, string Value)> PackageEntries()
        {
            var entries = new List<(string, string)>();
            var seen = new HashSet<(string, string)>();
            foreach (var options in new[] { _global }.Concat(_perTree))
            {
                foreach (var key in options.Keys)
                {
                    if (key.StartsWith(OptionKeys.Prefix, StringComparison.OrdinalIgnoreCase)
                        && options.TryGetValue(key, out var value)
                        && seen.Add((key.ToLowerInvariant(), value)))
                    {
                        entries.Add((key, value));
                    }
                }
            }

            return entries;
        }

        /// <summary>Splits at ';' and at ',' outside parentheses: <c>M:A.B(System.String,System.Int32)</c> stays whole.</summary>
        internal static IEnumerable<string> SplitItems(string value)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < value.Length; i++)
            {
                switch (value[i])
                {
                    case '(' or '[' or '{':
                        depth++;
                        break;
                    case ')' or ']' or '}':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case ';':
                    case ',' when depth == 0:
                        yield return value.Substring(start, i - start);
                        start = i + 1;
                        break;
                }
            }

            yield return value.Substring(start);
        }
    }
}
