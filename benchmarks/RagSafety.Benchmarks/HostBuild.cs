using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Tests.Verification;

namespace RagSafety.Benchmarks
{
    /// <summary>
    /// What RagSafety adds to a command-line build in the real host (--host): the SDK's own compiler (csc.dll, whose
    /// Roslyn is precompiled ReadyToRun, unlike the NuGet Roslyn this benchmark runs in-process), on a corpus written to
    /// disk, started fresh for each compile (a build without the compiler server, or the server's first build) or, with
    /// <see cref="Shared"/>, through one warm server. Each round compiles the corpus four ways, one after the other: with
    /// the analyzers and generators a default build of a web app passes, without and with RagSafety, then with no other
    /// analyzer, without and with it. A round's difference is what RagSafety costs that build, its loading, JIT and
    /// catalog included; the driver's binding of every body for operation analyzers is paid by the default build already,
    /// and by RagSafety alone in the last two.
    /// </summary>
    public static class HostBuild
    {
        /// <summary>
        /// Compile through one compiler server (csc /shared), as `dotnet build` does by default: after the first compile the
        /// server's code, RagSafety's included, is loaded and JIT-compiled, so the rounds show the warm cost of each build.
        /// The processor time is then the server's (read from /proc before and after the compile; the server runs one compile
        /// at a time here) plus the client process's.
        /// </summary>
        public static bool Shared { get; set; }

        /// <summary>
        /// With <see cref="Compare"/>: compile on every thread, as a build does, instead of one. The comparison then includes
        /// what a build's concurrency costs the analyzer (threads waiting for each other's shared facts), and its execution
        /// times include waits.
        /// </summary>
        public static bool Concurrent { get; set; }

        /// <summary>
        /// With <see cref="Compare"/>: run the compiler with every method optimized at first compile (no tiered compilation)
        /// and a large young-generation budget (fewer garbage collections), so that two builds of the analyzer are compared
        /// with less of the run-to-run noise those add. Not how a build runs: for comparisons only.
        /// </summary>
        public static bool Steady { get; set; }

        private static readonly string ServerPipe = "ragsafety-host-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The table, and whether the analyzer worked in the real host: it reported on the AI corpora and nothing without an
        /// AI library (an analyzer built against a newer Roslyn than the SDK's compiler would not even load there).
        /// </summary>
        public static (string Report, bool Worked) Run(IReadOnlyList<int> sizes, int rounds)
        {
            var worked = true;
            var compiler = FindCompiler();
            var analyzer = typeof(RagSafety.Analyzers.RagSafetyAnalyzer).Assembly.Location;
            var b = new StringBuilder();
            b.AppendLine(FormattableString.Invariant(
                $"The SDK's compiler ({compiler}), {(Shared ? "through one compiler server, warm" : "a fresh process per compile")}; median of {rounds} rounds, each compiling the corpus four ways (the default build without and with RagSafety, then no other analyzer without and with it); 2 cores, load {IdeMeasurement.Load()} before."));
            b.AppendLine();
            b.AppendLine(Shared
                ? "Each cell: the compile's wall clock / processor time of the compiler server (all its threads) and its client, ms."
                : "Each cell: wall clock / processor time of the compiler process (all its threads), ms.");
            b.AppendLine();
            b.AppendLine("| Corpus | Lines | Default build: the SDK's analyzers and generators of a web app | The same with RagSafety | RagSafety adds (median of the rounds' differences) | Min–max of the differences | Added, % of the default build | No other analyzer: compile alone | RagSafety alone adds | RagSafety warnings |");
            b.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
            var sdkAnalyzers = SdkAnalyzers();
            var corpora = sizes.Select(size => new Corpus(size, withAi: true, realShaped: true)).Append(new Corpus(sizes.Min(), withAi: false)).ToList();
            foreach (var corpus in corpora)
            {
                var folder = Write(corpus);
                var variants = new[]
                {
                    Arguments(folder, corpus, sdkAnalyzers, "default"),
                    Arguments(folder, corpus, sdkAnalyzers.Append(Alone(analyzer, folder, "ragsafety")), "default-with"),
                    Arguments(folder, corpus, Array.Empty<string>(), "alone"),
                    Arguments(folder, corpus, new[] { Alone(analyzer, folder, "ragsafety") }, "alone-with"),
                };

                // One compile of each first, so that none pays for reading the references from disk (and, with the
                // server, for loading and JIT-compiling its analyzers): two with the server, whose code tiers up on use.
                foreach (var variant in Shared ? variants.Concat(variants) : variants)
                {
                    Compile(compiler, variant);
                }

                var times = new List<double[]>();
                var cpu = new List<double[]>();
                var warnings = 0;
                for (var round = 0; round < rounds; round++)
                {
                    var results = variants.Select(v => Compile(compiler, v)).ToList();
                    warnings = results[1].Warnings;
                    times.Add(results.Select(r => r.Milliseconds).ToArray());
                    cpu.Add(results.Select(r => r.CpuMilliseconds).ToArray());
                    Console.WriteLine(FormattableString.Invariant($"  {Label(corpus)}, {corpus.Lines:N0} lines, round {round + 1}/{rounds}: default {times[^1][0]:F0} ms ({cpu[^1][0]:F0} CPU), with RagSafety {times[^1][1]:F0} ms ({cpu[^1][1]:F0} CPU); alone {times[^1][2]:F0} ms ({cpu[^1][2]:F0}), with RagSafety {times[^1][3]:F0} ms ({cpu[^1][3]:F0})"));
                }

                worked &= corpus.WithAi ? warnings > 0 : warnings == 0;
                var added = times.Select(t => t[1] - t[0]).OrderBy(d => d).ToList();
                var addedCpu = cpu.Select(t => t[1] - t[0]).OrderBy(d => d).ToList();
                var defaultBuild = Median(times.Select(t => t[0]));
                var defaultCpu = Median(cpu.Select(t => t[0]));
                string Cell(double wall, double processor) => double.IsNaN(processor) ? wall.ToString("F0", CultureInfo.InvariantCulture) : FormattableString.Invariant($"{wall:F0} / {processor:F0}");
                string Range(List<double> walls, List<double> processors) => double.IsNaN(processors[0])
                    ? FormattableString.Invariant($"{walls[0]:F0}–{walls[^1]:F0}")
                    : FormattableString.Invariant($"{walls[0]:F0}–{walls[^1]:F0} / {processors[0]:F0}–{processors[^1]:F0}");
                string Share(double part, double whole) => (part / whole * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";
                b.AppendLine(FormattableString.Invariant(
                    $"| {Label(corpus)} | {corpus.Lines:N0} | {Cell(defaultBuild, defaultCpu)} | {Cell(Median(times.Select(t => t[1])), Median(cpu.Select(t => t[1])))} | {Cell(Median(added), Median(addedCpu))} | {Range(added, addedCpu)} | {Share(Median(added), defaultBuild) + " / " + Share(Median(addedCpu), defaultCpu)} | {Cell(Median(times.Select(t => t[2])), Median(cpu.Select(t => t[2])))} | {Cell(Median(times.Select(t => t[3] - t[2])), Median(cpu.Select(t => t[3] - t[2])))} | {warnings} |"));
                // RAGSAFETY_HOST_KEEP keeps the corpus and its response files, to profile one compile (dotnet-trace on csc.dll).
                if (Environment.GetEnvironmentVariable("RAGSAFETY_HOST_KEEP") is null)
                {
                    Directory.Delete(folder, recursive: true);
                }
                else
                {
                    Console.WriteLine("kept " + folder);
                }
            }

            return (b.ToString(), worked);
        }

        /// <summary>
        /// Two builds of the analyzer in the same rounds (--compare-with): each round compiles the real-shaped corpus with the
        /// default build's analyzers alone, with the other build of RagSafety added and with this one added, the two in
        /// alternating order, so that drift in the machine's load falls on both. The cost each adds is the median of its
        /// rounds' differences from the default build, wall clock and processor time; and each build's execution time in the
        /// compiler's own analyzer report (/reportanalyzer), the steadiest of the three.
        /// </summary>
        public static string Compare(IReadOnlyList<int> sizes, int rounds, string baselineAnalyzer)
        {
            var compiler = FindCompiler();
            var analyzer = typeof(RagSafety.Analyzers.RagSafetyAnalyzer).Assembly.Location;
            var sdkAnalyzers = SdkAnalyzers();
            var b = new StringBuilder();
            b.AppendLine(FormattableString.Invariant(
                $"The SDK's compiler, {(Shared ? "through one compiler server, warm" : "a fresh process per compile")}, {(Concurrent ? "concurrent build" : "one thread (/parallel-)")}{(Steady ? ", steady runtime (no tiering, large gen0)" : string.Empty)}; {rounds} rounds; baseline {baselineAnalyzer}; load {IdeMeasurement.Load()} before. The build columns: wall clock / processor time, ms."));
            b.AppendLine();
            b.AppendLine("| Lines | Rounds | Default build | Baseline adds | This build adds | Execution time (/reportanalyzer), baseline / this build | This build − baseline, median of the rounds' differences (95 % interval): execution time; wall clock; processor time |");
            b.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
            foreach (var size in sizes)
            {
                var corpus = new Corpus(size, withAi: true, realShaped: true);
                var folder = Write(corpus);
                var variants = new[]
                {
                    Arguments(folder, corpus, sdkAnalyzers, "default"),
                    Arguments(folder, corpus, sdkAnalyzers.Append(Alone(baselineAnalyzer, folder, "baseline")), "baseline"),
                    Arguments(folder, corpus, sdkAnalyzers.Append(Alone(analyzer, folder, "current")), "current"),
                };
                // The server's code keeps tiering up over its first compiles: four of each before the rounds.
                foreach (var variant in Shared ? Enumerable.Repeat(variants, 4).SelectMany(v => v) : variants)
                {
                    Compile(compiler, variant);
                }

                var rows = new List<(double Wall, double Cpu, double Analyzer)[]>();
                for (var round = 0; round < rounds; round++)
                {
                    var order = round % 2 == 0 ? new[] { 0, 1, 2 } : new[] { 0, 2, 1 };
                    var results = new (double Wall, double Cpu, double Analyzer)[3];
                    foreach (var index in order)
                    {
                        var result = Compile(compiler, variants[index], reportAnalyzers: true);
                        results[index] = (result.Milliseconds, result.CpuMilliseconds, result.AnalyzerMilliseconds);
                    }

                    rows.Add(results);
                    Console.WriteLine(FormattableString.Invariant(
                        $"  {corpus.Lines:N0} lines, round {round + 1}/{rounds}: default {results[0].Wall:F0} / {results[0].Cpu:F0}, baseline {results[1].Wall:F0} / {results[1].Cpu:F0} (RagSafety {results[1].Analyzer:F0}), this build {results[2].Wall:F0} / {results[2].Cpu:F0} (RagSafety {results[2].Analyzer:F0}) ms"));
                }

                string Cell(Func<(double Wall, double Cpu, double Analyzer)[], double> wall, Func<(double Wall, double Cpu, double Analyzer)[], double> cpu) =>
                    FormattableString.Invariant($"{Median(rows.Select(wall)):F0} / {Median(rows.Select(cpu)):F0}");
                // The median of the rounds' paired differences with its 95 % confidence interval from order statistics (the
                // sign test's): a garbage collection that lands in one compile moves the median, not the interval's ends.
                string Paired(Func<(double Wall, double Cpu, double Analyzer), double> measure)
                {
                    var differences = rows.Select(r => measure(r[2]) - measure(r[1])).OrderBy(d => d).ToList();
                    var k = Math.Max(0, (int)Math.Floor(differences.Count / 2.0 - 0.98 * Math.Sqrt(differences.Count)));
                    return FormattableString.Invariant($"{Median(differences):+0;-0;0} ({differences[k]:+0;-0;0}…{differences[differences.Count - 1 - k]:+0;-0;0})");
                }

                b.AppendLine(FormattableString.Invariant(
                    $"| {corpus.Lines:N0} | {rounds} | {Cell(r => r[0].Wall, r => r[0].Cpu)} | {Cell(r => r[1].Wall - r[0].Wall, r => r[1].Cpu - r[0].Cpu)} | {Cell(r => r[2].Wall - r[0].Wall, r => r[2].Cpu - r[0].Cpu)} | {Median(rows.Select(r => r[1].Analyzer)):F0} / {Median(rows.Select(r => r[2].Analyzer)):F0} | {Paired(r => r.Analyzer)}; {Paired(r => r.Wall)}; {Paired(r => r.Cpu)} |"));
                Directory.Delete(folder, recursive: true);
            }

            return b.ToString();
        }

        private static string Label(Corpus corpus) => corpus.Name + (corpus.WithAi ? string.Empty : " (no AI library)");

        /// <summary>
        /// What a default `dotnet build` of an ASP.NET Core app on this SDK passes to the compiler besides package analyzers
        /// (as its command line shows for samples/RagSample.Unsafe): the .NET analyzers with the SDK's default analysis level, the
        /// ASP.NET Core analyzers, and the shared frameworks' analyzers and generators that are on by default (the request
        /// delegate and configuration binder generators are opt-in; Razor's generator needs the project's Razor settings).
        /// </summary>
        private static IReadOnlyList<string> SdkAnalyzers()
        {
            var root = DotnetRoot();
            var sdk = Path.Combine(root, "sdk", SdkVersion(), "Sdks");
            var files = new List<string>
            {
                Path.Combine(sdk, "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
                Path.Combine(sdk, "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
                Path.Combine(sdk, "Microsoft.NET.Sdk.Web", "analyzers", "cs", "Microsoft.AspNetCore.Analyzers.dll"),
                Path.Combine(sdk, "Microsoft.NET.Sdk.Web", "analyzers", "cs", "Microsoft.AspNetCore.Mvc.Analyzers.dll"),
            };
            var optIn = new[] { "RequestDelegateGenerator", "Configuration.Binder", "Logging.Generators" };
            foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
            {
                var newest = Directory.GetDirectories(Path.Combine(root, "packs", pack)).OrderBy(d => Version.Parse(Path.GetFileName(d).Split('-')[0])).Last();
                files.AddRange(Directory.GetFiles(Path.Combine(newest, "analyzers", "dotnet", "cs"), "*.dll").Where(f => !optIn.Any(f.Contains)));
            }

            return files.Where(File.Exists).ToList();
        }

        private static string DotnetRoot() => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

        private static string SdkVersion() => SdkVersionOnce.Value;

        private static readonly Lazy<string> SdkVersionOnce = new(() =>
        {
            var start = new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        });

        private static double Median(IEnumerable<double> values) => IdeMeasurement.Median(values);

        /// <summary>The compiler of the SDK this repository builds with (global.json), run through the dotnet host.</summary>
        private static string FindCompiler()
        {
            var compiler = Path.Combine(DotnetRoot(), "sdk", SdkVersion(), "Roslyn", "bincore", "csc.dll");
            return File.Exists(compiler) ? compiler : throw new InvalidOperationException($"No compiler at {compiler}.");
        }

        /// <summary>The corpus's files and the references that exist only in memory (the facades), written to a new folder.</summary>
        private static string Write(Corpus corpus)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ragsafety-host-build", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "src"));
            Directory.CreateDirectory(Path.Combine(folder, "refs"));
            for (var i = 0; i < corpus.Files.Count; i++)
            {
                File.WriteAllText(Path.Combine(folder, "src", i.ToString(CultureInfo.InvariantCulture) + ".cs"), corpus.Files[i].Text);
            }

            foreach (var facade in TestReferences.FacadeAssemblies.Values)
            {
                File.WriteAllBytes(Path.Combine(folder, "refs", facade.AssemblyName + ".dll"), facade.Image.ToArray());
            }

            return folder;
        }

        private static string Arguments(string folder, Corpus corpus, IEnumerable<string> analyzers, string name)
        {
            var lines = new List<string> { "/nologo", "/nostdlib+", "/target:exe", "/nullable:enable", "/langversion:latest", "/deterministic+", "/debug-", Quote("/out:", Path.Combine(folder, "out.exe")) };
            foreach (var reference in corpus.References.OfType<PortableExecutableReference>())
            {
                var path = File.Exists(reference.FilePath) ? reference.FilePath! : Path.Combine(folder, "refs", Path.GetFileName(reference.FilePath!));
                lines.Add(Quote("/reference:", path));
            }

            var analyzerList = analyzers.ToList();
            lines.AddRange(analyzerList.Select(a => Quote("/analyzer:", a)));
            if (analyzerList.Any(a => a.EndsWith("NetAnalyzers.dll", StringComparison.Ordinal)))
            {
                var config = Path.Combine(DotnetRoot(), "sdk", SdkVersion(), "Sdks", "Microsoft.NET.Sdk", "analyzers", "build", "config", "analysislevel_10_default.globalconfig");
                if (File.Exists(config))
                {
                    lines.Add(Quote("/analyzerconfig:", config));
                }

                // The validations generator intercepts calls, in a namespace the web SDK enables.
                lines.Add("/features:InterceptorsNamespaces=;Microsoft.Extensions.Validation.Generated");
            }

            lines.AddRange(Directory.GetFiles(Path.Combine(folder, "src")).Select(f => Quote(string.Empty, f)));
            var file = Path.Combine(folder, name + ".rsp");
            File.WriteAllLines(file, lines);
            return file;
        }

        /// <summary>
        /// The analyzer copied into a folder of its own, as the package ships it (analyzers/dotnet/cs holds it alone): the
        /// compiler loads an analyzer's dependencies from its folder, and this benchmark's output folder holds many.
        /// </summary>
        private static string Alone(string analyzer, string folder, string name)
        {
            var target = Path.Combine(folder, "analyzers", name, Path.GetFileName(analyzer));
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(analyzer, target);
            }

            return target;
        }

        private static string Quote(string option, string path) => option + "\"" + path + "\"";

        /// <summary>One fresh compiler process: its wall clock, its processor time (all threads, JIT and GC included), and the RAG warnings it printed (the analyzer ran).</summary>
        private static (double Milliseconds, double CpuMilliseconds, int Warnings, double AnalyzerMilliseconds) Compile(string compiler, string responseFile, bool reportAnalyzers = false)
        {
            var cpuBefore = ChildrenCpuMilliseconds() + (Shared ? ServerCpuMilliseconds() : 0);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var server = Shared ? new[] { "/shared:" + ServerPipe, "/keepalive:30" } : Array.Empty<string>();
            // With the analyzer report, one thread unless --parallel: each analyzer's execution time is then its own work,
            // not stretched by the other analyzers' threads competing for the cores.
            var report = !reportAnalyzers ? Array.Empty<string>() : Concurrent ? new[] { "/reportanalyzer" } : new[] { "/reportanalyzer", "/parallel-" };
            foreach (var argument in new[] { compiler, "/noconfig" }.Concat(server).Concat(report).Append("@" + responseFile))
            {
                start.ArgumentList.Add(argument);
            }

            if (Steady)
            {
                // The compiler server inherits its first client's environment.
                start.Environment["DOTNET_TieredCompilation"] = "0";
                start.Environment["DOTNET_GCgen0size"] = "0x20000000";
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var errorOutput = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The compiler failed ({process.ExitCode}):\n{output}\n{errorOutput.Result}");
            }

            var cpuAfter = ChildrenCpuMilliseconds() + (Shared ? ServerCpuMilliseconds() : 0);
            return (elapsed, cpuAfter - cpuBefore, output.Split('\n').Count(l => l.Contains(": warning RAG", StringComparison.Ordinal)), RagSafetyExecutionMilliseconds(output));
        }

        /// <summary>
        /// RagSafety's analyzer execution time in the compiler's own report (/reportanalyzer: the time its callbacks took,
        /// summed over threads), NaN when the report does not list it.
        /// </summary>
        private static double RagSafetyExecutionMilliseconds(string output)
        {
            foreach (var line in output.Split('\n'))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length >= 3 && columns[2].StartsWith("RagSafety.Analyzers,", StringComparison.Ordinal)
                    && double.TryParse(columns[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return seconds * 1000;
                }
            }

            return double.NaN;
        }

        /// <summary>
        /// User and system time of this process's finished children (getrusage(RUSAGE_CHILDREN)); a compile's processor
        /// time varies far less than its wall clock on a busy machine. NaN where the call is not available.
        /// </summary>
        private static double ChildrenCpuMilliseconds()
        {
            if (!OperatingSystem.IsLinux() || getrusage(-1, out var usage) != 0)
            {
                return double.NaN;
            }

            return (usage.UserSeconds + usage.SystemSeconds) * 1000.0 + (usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0;
        }

        /// <summary>
        /// User and system time of the compiler server this benchmark started (found by its pipe name in /proc), from
        /// /proc/[pid]/stat in clock ticks (100 per second on Linux); 0 before the server exists, NaN off Linux.
        /// </summary>
        private static double ServerCpuMilliseconds()
        {
            if (!OperatingSystem.IsLinux())
            {
                return double.NaN;
            }

            foreach (var pid in serverProcessId is { } known ? new[] { known } : Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsDigit)).Select(n => n!))
            {
                try
                {
                    if (serverProcessId is null && !File.ReadAllText(Path.Combine("/proc", pid, "cmdline")).Contains("-pipename:" + ServerPipe, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // The command name in parentheses may hold spaces: the fields counted are those after it.
                    var stat = File.ReadAllText(Path.Combine("/proc", pid, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    serverProcessId = pid;
                    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended (a server that timed out, or an unrelated process) or is not ours to read: look again next time.
                    serverProcessId = null;
                }
            }

            return 0;
        }

        private static string? serverProcessId;

        [DllImport("libc", SetLastError = true)]
        private static extern int getrusage(int who, out ResourceUsage usage);

        /// <summary>The start of Linux's struct rusage on 64-bit: the two timevals, then fourteen longs.</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct ResourceUsage
        {
            public long UserSeconds;
            public long UserMicroseconds;
            public long SystemSeconds;
            public long SystemMicroseconds;
            [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
            public long[] Rest;
        }
    }
}
