using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace RagSafety.FieldTest
{
    /// <summary>
    /// The field's source, outside the repository: one folder per repository (<c>owner+name</c>) under the sources root,
    /// holding its C# sources and project files at the manifest's commit. Exported from bare git directories (the mirror a fetch fills,
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
                    // What a compilation needs, from the whole repository (projects outside the manifest's folders may be
                    // referenced): sources, project files and MSBuild imports. Snapshots may lack large binary files.
                    // git archive fails on a pattern that matches nothing, so only the extensions the commit has are named.
                    var (code, files, error) = Run("git", new[] { "--git-dir", gitDirectory, "ls-tree", "-r", "--name-only", entry.Commit });
                    var patterns = BuildInputs.Where(extension => files.Split('\n').Any(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase))).Select(e => ":(glob)**/*" + e).ToList();
                    if (code != 0 || patterns.Count == 0)
                    {
                        problems.Add($"{entry.Repo}: {(code != 0 ? "git ls-tree failed: " + error.Trim() : "no C# at " + entry.Commit)}");
                        continue;
                    }

                    (code, _, error) = Run("git", new[] { "--git-dir", gitDirectory, "archive", "--format=tar", "-o", archive, entry.Commit, "--" }.Concat(patterns));
                    if (code != 0)
                    {
                        problems.Add($"{entry.Repo}: git archive failed: {error.Trim()}");
                        continue;
                    }

                    (code, _, error) = Run("tar", new[] { "-xf", archive, "-C", target });
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

        private static readonly string[] BuildInputs = { ".cs", ".csproj", ".props", ".targets" };

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

        private static (int Code, string Output, string Error) Run(string program, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
    }
}
