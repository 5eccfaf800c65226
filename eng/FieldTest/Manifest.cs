using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RagSafety.FieldTest
{
    /// <summary>One public repository of the field: where it is, the commit judged, and the folders whose projects count.</summary>
    public sealed record ManifestEntry(string Repo, string Commit, IReadOnlyList<string> Folders, string Note)
    {
        /// <summary>The folder name of the repository under the sources root: <c>owner+name</c>, as the mirror names it.</summary>
        public string FolderName => Repo.Replace('/', '+');
    }

    /// <summary><c>field/manifest.tsv</c>: <c>repo	commit	folders	note</c>, folders comma-separated (<c>.</c> for all).</summary>
    public static class Manifest
    {
        public static IReadOnlyList<ManifestEntry> Read(string path)
        {
            var entries = new List<ManifestEntry>();
            foreach (var (fields, line) in Tsv.Rows(path))
            {
                if (fields.Length < 3)
                {
                    throw new FormatException($"{path}:{line}: expected repo, commit, folders[, note]");
                }

                var folders = fields[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(f => f == "." ? string.Empty : f.Trim('/'))
                    .ToList();
                entries.Add(new ManifestEntry(fields[0], fields[1], folders, fields.Length > 3 ? fields[3] : string.Empty));
            }

            var repeated = entries.GroupBy(e => e.Repo, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (repeated.Count > 0)
            {
                throw new FormatException($"{path}: repositories listed twice: {string.Join(", ", repeated)}");
            }

            return entries;
        }
    }

    /// <summary>Tab-separated files with a header line; <c>#</c> starts a comment line.</summary>
    public static class Tsv
    {
        public static IEnumerable<(string[] Fields, int Line)> Rows(string path)
        {
            var lines = File.ReadAllLines(path);
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                yield return (line.Split('\t'), i + 1);
            }
        }

        /// <summary>A field value with tabs and line breaks flattened, so it stays one cell.</summary>
        public static string Cell(string value) => value.Replace('\t', ' ').Replace("\r", string.Empty).Replace('\n', ' ');
    }
}
