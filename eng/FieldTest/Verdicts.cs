using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace RagSafety.FieldTest
{
    public enum Verdict
    {
        /// <summary>A demanding senior engineer on that team would change the code.</summary>
        Useful,

        /// <summary>They would suppress it.</summary>
        Noise,

        /// <summary>A site a rule should report and does not, found by reading the code, grepping, or from a peer.</summary>
        Miss,
    }

    public sealed record Judgement(SiteKey Site, Verdict Verdict, string Reason);

    /// <summary><c>field/verdicts.tsv</c>: <c>repo	file	line	id	verdict	reason</c>, one row per site.</summary>
    public static class Verdicts
    {
        public const string Header = "repo\tfile\tline\tid\tverdict\treason";

        public static IReadOnlyDictionary<SiteKey, Judgement> Read(string path)
        {
            var judgements = new Dictionary<SiteKey, Judgement>();
            if (!File.Exists(path))
            {
                return judgements;
            }

            foreach (var (fields, line) in Tsv.Rows(path))
            {
                if (fields.Length < 6 || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    || !Enum.TryParse<Verdict>(fields[4], ignoreCase: true, out var verdict))
                {
                    throw new FormatException($"{path}:{line}: expected repo, file, line, id, useful|noise|miss, reason");
                }

                var site = new SiteKey(fields[0], fields[1], number, fields[3]);
                if (!judgements.TryAdd(site, new Judgement(site, verdict, fields[5])))
                {
                    throw new FormatException($"{path}:{line}: {site} is judged twice");
                }
            }

            return judgements;
        }
    }

    /// <summary><c>field/results.tsv</c>: <c>unit	file:line	id	severity	message</c>, sorted, as the last run wrote it.</summary>
    public static class Results
    {
        public static void Write(string path, IEnumerable<Finding> findings)
        {
            var text = new StringBuilder("unit\tfile:line\tid\tseverity\tmessage\n");
            foreach (var f in findings.OrderBy(f => f.Repo, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id, StringComparer.Ordinal))
            {
                text.Append(f.Unit).Append('\t').Append(f.File).Append(':').Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(f.Id).Append('\t').Append(f.Severity).Append('\t').Append(f.Message).Append('\n');
            }

            File.WriteAllText(path, text.ToString());
        }

        public static IReadOnlyList<Finding> Read(string path)
        {
            var findings = new List<Finding>();
            foreach (var (fields, _) in Tsv.Rows(path))
            {
                var unit = fields[0];
                var repo = unit.Substring(0, unit.IndexOf(':', StringComparison.Ordinal));
                var colon = fields[1].LastIndexOf(':');
                findings.Add(new Finding(unit, repo, fields[1].Substring(0, colon), int.Parse(fields[1].Substring(colon + 1), CultureInfo.InvariantCulture), fields[2], fields[3], fields[4]));
            }

            return findings;
        }
    }

    /// <summary>The field test's table: per rule and overall, reported sites and their verdicts, usefulness and recall.</summary>
    public static class FieldTable
    {
        public sealed record Row(string Rule, int Reported, int WarningReported, int Useful, int WarningUseful, int Noise, int Unjudged, int Misses, int Lost)
        {
            /// <summary>useful / reported (all severities); null when nothing was reported.</summary>
            public double? Usefulness => Reported == 0 ? null : (double)Useful / Reported;

            /// <summary>useful / reported, Warning-level findings only (the rules' promise: a Warning is worth acting on).</summary>
            public double? WarningUsefulness => WarningReported == 0 ? null : (double)WarningUseful / WarningReported;

            /// <summary>
            /// found useful sites / (found useful + missed useful sites); null without either. A site judged useful that the
            /// rules no longer report is missed too (<see cref="Lost"/>): a change that silences it costs recall.
            /// </summary>
            public double? Recall => Useful + Misses + Lost == 0 ? null : (double)Useful / (Useful + Misses + Lost);
        }

        public static IReadOnlyList<Row> Compute(IReadOnlyList<Finding> findings, IReadOnlyDictionary<SiteKey, Judgement> verdicts, out IReadOnlyList<Finding> unjudged, out IReadOnlyList<Judgement> stale)
        {
            // One site per rule and line: two diagnostics of one rule on one line are one thing to judge.
            var sites = findings.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Severity == "Warning" ? 0 : 1).First());
            unjudged = sites.Values.Where(f => !verdicts.TryGetValue(f.Key, out var j) || j.Verdict == Verdict.Miss).ToList();

            // A useful or noise verdict whose site is no longer reported: the rule changed; the verdict stays for history.
            stale = verdicts.Values.Where(j => j.Verdict != Verdict.Miss && !sites.ContainsKey(j.Site)).ToList();

            var rules = sites.Keys.Select(k => k.Id).Concat(verdicts.Keys.Select(k => k.Id)).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
            var rows = rules.Select(rule => RowOf(rule, sites.Values.Where(f => f.Id == rule), verdicts.Values.Where(j => j.Site.Id == rule), sites)).ToList();
            rows.Add(RowOf("All", sites.Values, verdicts.Values, sites));
            return rows;
        }

        private static Row RowOf(string rule, IEnumerable<Finding> reported, IEnumerable<Judgement> judgements, IReadOnlyDictionary<SiteKey, Finding> sites)
        {
            var byKey = judgements.ToDictionary(j => j.Site);
            var list = reported.ToList();
            Verdict? VerdictOf(Finding f) => byKey.TryGetValue(f.Key, out var j) && j.Verdict != Verdict.Miss ? j.Verdict : null;
            var useful = list.Count(f => VerdictOf(f) == Verdict.Useful);
            var noise = list.Count(f => VerdictOf(f) == Verdict.Noise);
            var warnings = list.Where(f => f.Severity == "Warning").ToList();
            var misses = byKey.Values.Count(j => j.Verdict == Verdict.Miss && !sites.ContainsKey(j.Site));
            var lost = byKey.Values.Count(j => j.Verdict == Verdict.Useful && !sites.ContainsKey(j.Site));
            return new Row(rule, list.Count, warnings.Count, useful, warnings.Count(f => VerdictOf(f) == Verdict.Useful), noise, list.Count - useful - noise, misses, lost);
        }

        public static string Markdown(IReadOnlyList<Row> rows)
        {
            var text = new StringBuilder();
            text.AppendLine("| Rule | Reported | Useful | Noise | Unjudged | Misses | Lost | Usefulness | Warning-level usefulness | Recall |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in rows)
            {
                var name = row.Rule == "All" ? "**All**" : row.Rule;
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {row.Reported} | {row.Useful} | {row.Noise} | {row.Unjudged} | {row.Misses} | {row.Lost} | {Percent(row.Usefulness)} | {Percent(row.WarningUsefulness)} ({row.WarningUseful}/{row.WarningReported}) | {Percent(row.Recall)} |");
            }

            return text.ToString();
        }

        private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "–";
    }
}
