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
        /// The work then runs in the server, so the processor-time cells are left out.
        /// </summary>
        public static bool Shared { get; set; }

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
            b.AppendLine(Shared ? "Each cell: the compile's wall clock, ms." : "Each cell: wall clock / processor time of the compiler process (all its threads), ms.");
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
                    Arguments(folder, corpus, sdkAnalyzers.Append(analyzer), "default-with"),
                    Arguments(folder, corpus, Array.Empty<string>(), "alone"),
                    Arguments(folder, corpus, new[] { analyzer }, "alone-with"),
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
                    Console.WriteLine(FormattableString.Invariant($"  {Label(corpus)}, {corpus.Lines:N0} lines, round {round + 1}/{rounds}: default {times[^1][0]:F0} ms, with RagSafety {times[^1][1]:F0} ms; alone {times[^1][2]:F0} ms, with RagSafety {times[^1][3]:F0} ms"));
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
                    $"| {Label(corpus)} | {corpus.Lines:N0} | {Cell(defaultBuild, defaultCpu)} | {Cell(Median(times.Select(t => t[1])), Median(cpu.Select(t => t[1])))} | {Cell(Median(added), Median(addedCpu))} | {Range(added, addedCpu)} | {(Shared ? Share(Median(added), defaultBuild) : Share(Median(added), defaultBuild) + " / " + Share(Median(addedCpu), defaultCpu))} | {Cell(Median(times.Select(t => t[2])), Median(cpu.Select(t => t[2])))} | {Cell(Median(times.Select(t => t[3] - t[2])), Median(cpu.Select(t => t[3] - t[2])))} | {warnings} |"));
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

        private static string Quote(string option, string path) => option + "\"" + path + "\"";

        /// <summary>One fresh compiler process: its wall clock, its processor time (all threads, JIT and GC included), and the RAG warnings it printed (the analyzer ran).</summary>
        private static (double Milliseconds, double CpuMilliseconds, int Warnings) Compile(string compiler, string responseFile)
        {
            var cpuBefore = ChildrenCpuMilliseconds();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            var server = Shared ? new[] { "/shared:" + ServerPipe, "/keepalive:30" } : Array.Empty<string>();
            foreach (var argument in new[] { compiler, "/noconfig" }.Concat(server).Append("@" + responseFile))
            {
                start.ArgumentList.Add(argument);
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

            return (elapsed, Shared ? double.NaN : ChildrenCpuMilliseconds() - cpuBefore, output.Split('\n').Count(l => l.Contains(": warning RAG", StringComparison.Ordinal)));
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
