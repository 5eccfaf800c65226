using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace RagSafety.FieldTest
{
    /// <summary>
    /// The field's source, outside the repository: one folder per repository (<c>owner+name</c>) under the sources root,
    /// holding the manifest's folders at its commit. Exported from bare git directories (the mirror a fetch fills,
    /// <c>&lt;mirror&gt;/owner+name/repo</c>, or any clone), never committed.
    /// </summary>
    public static class Sources
    {
        public static string RepositoryFolder(string sourcesRoot, ManifestEntry entry) => Path.Combine(sourcesRoot, entry.FolderName);

        /// <summary>Writes each entry's folders at its commit under the sources root; returns the entries it could not export.</summary>
        public static IReadOnlyList<string> Export(IEnumerable<ManifestEntry> entries, string mirrorRoot, string sourcesRoot, bool refresh)
        {
            var problems = new List<string>();
            foreach (var entry in entries)
            {
                var target = RepositoryFolder(sourcesRoot, entry);
                if (Directory.Exists(target) && !refresh)
                {
                    continue;
                }

                var gitDirectory = GitDirectory(mirrorRoot, entry);
                if (gitDirectory is null)
                {
                    problems.Add($"{entry.Repo}: no git directory under {mirrorRoot}/{entry.FolderName} (fetch it first)");
                    continue;
                }

                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                Directory.CreateDirectory(target);
                var archive = Path.Combine(Path.GetTempPath(), $"ragsafety-field-{entry.FolderName}-{Guid.NewGuid():N}.tar");
                try
                {
                    var paths = entry.Folders.Count == 0 || entry.Folders.Contains(string.Empty) ? new List<string>() : entry.Folders.ToList();
                    var (code, error) = Run("git", new[] { "--git-dir", gitDirectory, "archive", "--format=tar", "-o", archive, entry.Commit, "--" }.Concat(paths));
                    if (code != 0)
                    {
                        problems.Add($"{entry.Repo}: git archive failed: {error.Trim()}");
                        continue;
                    }

                    (code, error) = Run("tar", new[] { "-xf", archive, "-C", target });
                    if (code != 0)
                    {
                        problems.Add($"{entry.Repo}: tar failed: {error.Trim()}");
                    }
                }
                finally
                {
                    File.Delete(archive);
                }
            }

            return problems;
        }

        private static string? GitDirectory(string mirrorRoot, ManifestEntry entry)
        {
            var root = Path.Combine(mirrorRoot, entry.FolderName);
            foreach (var candidate in new[] { Path.Combine(root, "repo", ".git"), Path.Combine(root, "repo"), root })
            {
                if (File.Exists(Path.Combine(candidate, "HEAD")) && Directory.Exists(Path.Combine(candidate, "objects")))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static (int Code, string Error) Run(string program, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error.Result);
        }
    }
}
