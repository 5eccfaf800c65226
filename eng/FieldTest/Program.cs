using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RagSafety.Benchmarks;

namespace RagSafety.FieldTest
{
    /// <summary>
    /// The field test (docs/field-test.md). It reports; it never fails: the exit code is 0 unless the arguments are wrong.
    /// <code>
    /// export [--mirror DIR] [--sources DIR] [--refresh]   the manifest's folders at their commits, from bare git directories
    /// run    [--sources DIR] [--only owner/name] [--peers]  compile each project, run the analyzers, write field/results.tsv
    /// report [--write-docs docs/field-test.md]              the table from field/results.tsv and field/verdicts.tsv
    /// </code>
    /// </summary>
    public static class Program
    {
        private const string TableStart = "<!-- field-table:start -->";
        private const string TableEnd = "<!-- field-table:end -->";

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }

            var options = Options.Parse(args.Skip(1));
            var root = RepositoryRoot();
            var field = Path.Combine(root, "field");
            var manifest = Manifest.Read(Path.Combine(field, "manifest.tsv"));
            var sources = options.Value("--sources") ?? Environment.GetEnvironmentVariable("RAGSAFETY_FIELD_SOURCES") ?? Path.GetFullPath(Path.Combine(root, "..", "field-sources"));
            switch (args[0])
            {
                case "export":
                    var mirror = options.Value("--mirror") ?? Environment.GetEnvironmentVariable("RAGSAFETY_FIELD_MIRROR");
                    if (mirror is null)
                    {
                        Console.Error.WriteLine("export needs --mirror DIR (or RAGSAFETY_FIELD_MIRROR): the folder holding owner+name/ git directories.");
                        return 2;
                    }

                    var problems = Sources.Export(manifest, mirror, sources, options.Flag("--refresh"));
                    Console.WriteLine($"{manifest.Count - problems.Count} of {manifest.Count} repositories under {sources}");
                    foreach (var problem in problems)
                    {
                        Console.WriteLine("  " + problem);
                    }

                    return 0;
                case "run":
                    await RunAsync(root, field, manifest, sources, options.Value("--only"), options.Flag("--peers"));
                    Report(root, field, writeDocs: null);
                    return 0;
                case "report":
                    Report(root, field, options.Value("--write-docs"));
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown command '{args[0]}'.{Environment.NewLine}{Usage}");
                    return 2;
            }
        }

        private const string Usage = """
            RagSafety field test: the analyzers on real public RAG services (docs/field-test.md).
              export --mirror DIR [--sources DIR] [--refresh]   write the manifest's folders at their commits under the sources folder
              run [--sources DIR] [--only owner/name] [--peers]   compile every project, run the analyzers, write field/results.tsv
              report [--write-docs docs/field-test.md]            print the table of field/results.tsv judged by field/verdicts.tsv
            The sources folder defaults to RAGSAFETY_FIELD_SOURCES or ../field-sources beside the repository.
            """;

        private static async Task RunAsync(string root, string field, IReadOnlyList<ManifestEntry> manifest, string sources, string? only, bool peers)
        {
            var clock = Stopwatch.StartNew();
            var sets = new List<AnalyzerSet> { AnalyzerSets.RagSafety() };
            if (peers)
            {
                sets.AddRange(AnalyzerSets.Peers());
            }

            foreach (var problem in sets.Where(s => s.LoadProblem is not null))
            {
                Console.WriteLine($"{problem.Name}: {problem.LoadProblem}");
            }

            var enabled = sets.SelectMany(s => s.EnabledRules).GroupBy(p => p.Key).ToImmutableDictionary(g => g.Key, g => g.First().Value);
            var assets = Path.Combine(root, "eng", "FieldTest", "References", "obj", "project.assets.json");
            if (!File.Exists(assets))
            {
                Console.Error.WriteLine($"{assets} is missing: build eng/FieldTest first (it restores its references).");
                return;
            }

            var analysis = new FieldAnalysis(assets, sets.SelectMany(s => s.Analyzers).ToImmutableArray(), enabled);
            Console.WriteLine($"{analysis.ReferencesFor(legacyAzureOpenAI: false).Length} references; analyzers: {string.Join(", ", sets.Select(s => s.Name))}");

            var findings = new List<Finding>();
            var reports = new List<UnitReport>();
            var missingRepositories = new List<string>();
            foreach (var entry in manifest.Where(e => only is null || string.Equals(e.Repo, only, StringComparison.OrdinalIgnoreCase)))
            {
                var folder = Sources.RepositoryFolder(sources, entry);
                if (!Directory.Exists(folder))
                {
                    missingRepositories.Add(entry.Repo);
                    continue;
                }

                var units = ProjectUnits.Discover(entry, folder, out var skipped);
                Console.WriteLine($"{entry.Repo} @ {entry.Commit.Substring(0, Math.Min(12, entry.Commit.Length))}: {units.Count} projects, {skipped.Count} test projects skipped");
                foreach (var unit in units)
                {
                    var (report, unitFindings) = await analysis.RunAsync(unit, CancellationToken.None);
                    reports.Add(report);
                    findings.AddRange(unitFindings);
                    var unresolved = report.Unresolved.Count == 0 ? string.Empty : "; unresolved: " + string.Join(", ", report.Unresolved.Select(u => $"{u.Name}×{u.Count}"));
                    var legacy = unit.UsesLegacyAzureOpenAI ? " (Azure.AI.OpenAI 1.0 beta)" : string.Empty;
                    Console.WriteLine($"  {unit.Relative(unit.ProjectPath)}{legacy}: {report.Files} files, {report.Lines} lines, {report.Errors} errors{unresolved}; {unitFindings.Count(f => f.Id.StartsWith("RAG", StringComparison.Ordinal))} RagSafety findings");
                }
            }

            if (only is null)
            {
                Results.Write(Path.Combine(field, "results.tsv"), findings.Where(f => f.Id.StartsWith("RAG", StringComparison.Ordinal)));
                WriteUnits(Path.Combine(field, "units.tsv"), reports);
            }
            else
            {
                // One repository: its results replace its rows, the others' stay.
                var resultsPath = Path.Combine(field, "results.tsv");
                var others = File.Exists(resultsPath) ? Results.Read(resultsPath).Where(f => !string.Equals(f.Repo, only, StringComparison.OrdinalIgnoreCase)) : Enumerable.Empty<Finding>();
                Results.Write(resultsPath, others.Concat(findings.Where(f => f.Id.StartsWith("RAG", StringComparison.Ordinal))));
            }

            if (peers)
            {
                Results.Write(Path.Combine(field, "peer-results.tsv"), findings.Where(f => !f.Id.StartsWith("RAG", StringComparison.Ordinal)));
            }

            Console.WriteLine($"{reports.Count} projects, {reports.Sum(r => r.Lines):N0} lines, {reports.Count(r => r.Errors == 0)} without compile errors, in {clock.Elapsed.TotalSeconds:0} s");
            if (missingRepositories.Count > 0)
            {
                Console.WriteLine($"Not under {sources} (run export first): {string.Join(", ", missingRepositories)}");
            }
        }

        private static void WriteUnits(string path, IEnumerable<UnitReport> reports)
        {
            var lines = new List<string> { "unit\tfiles\tlines\terrors\tunresolved types (top 5)\tfindings" };
            lines.AddRange(reports.Select(r => string.Join('\t', r.Unit, r.Files.ToString(CultureInfo.InvariantCulture), r.Lines.ToString(CultureInfo.InvariantCulture),
                r.Errors.ToString(CultureInfo.InvariantCulture), string.Join(", ", r.Unresolved.Select(u => $"{u.Name}×{u.Count}")), r.Findings.ToString(CultureInfo.InvariantCulture))));
            File.WriteAllLines(path, lines);
        }

        private static void Report(string root, string field, string? writeDocs)
        {
            var resultsPath = Path.Combine(field, "results.tsv");
            if (!File.Exists(resultsPath))
            {
                Console.WriteLine("No field/results.tsv yet: run the field test first.");
                return;
            }

            var findings = Results.Read(resultsPath);
            var verdicts = Verdicts.Read(Path.Combine(field, "verdicts.tsv"));
            var rows = FieldTable.Compute(findings, verdicts, out var unjudged, out var stale);
            var table = FieldTable.Markdown(rows);
            Console.WriteLine();
            Console.WriteLine(table);
            if (unjudged.Count > 0)
            {
                Console.WriteLine($"{unjudged.Count} sites have no verdict yet (add them to field/verdicts.tsv):");
                foreach (var site in unjudged.Take(50))
                {
                    Console.WriteLine($"  {site.Repo}\t{site.File}\t{site.Line}\t{site.Id}\t\t{site.Message}");
                }
            }

            if (stale.Count > 0)
            {
                var lost = stale.Where(j => j.Verdict == Verdict.Useful).ToList();
                Console.WriteLine($"{stale.Count} judged sites are no longer reported (kept for history); {lost.Count} of them were useful and count as lost in recall:");
                foreach (var judgement in lost)
                {
                    Console.WriteLine($"  {judgement.Site.Repo}\t{judgement.Site.File}\t{judgement.Site.Line}\t{judgement.Site.Id}\t{judgement.Reason}");
                }
            }

            if (writeDocs is not null)
            {
                var docs = Path.Combine(root, writeDocs);
                var text = File.ReadAllText(docs);
                var start = text.IndexOf(TableStart, StringComparison.Ordinal);
                var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
                if (start < 0 || end < start)
                {
                    Console.Error.WriteLine($"{writeDocs} has no {TableStart} … {TableEnd} markers; nothing written.");
                    return;
                }

                File.WriteAllText(docs, text.Substring(0, start + TableStart.Length) + Environment.NewLine + table + text.Substring(end));
                Console.WriteLine($"Table written to {writeDocs}.");
            }
        }

        private static string RepositoryRoot() =>
            typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!.TrimEnd('/', '\\');

        private sealed class Options
        {
            private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

            public static Options Parse(IEnumerable<string> args)
            {
                var options = new Options();
                string? pending = null;
                foreach (var arg in args)
                {
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        pending = arg;
                        options._values[arg] = null;
                    }
                    else if (pending is not null)
                    {
                        options._values[pending] = arg;
                        pending = null;
                    }
                    else
                    {
                        throw new ArgumentException($"Unexpected argument '{arg}'.");
                    }
                }

                return options;
            }

            public string? Value(string name) => _values.TryGetValue(name, out var value) ? value : null;

            public bool Flag(string name) => _values.ContainsKey(name);
        }
    }
}
