using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using RagSafety.Analyzers.Tests.Verification;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>One compilable unit of the robustness corpus: the sources of a test input or of a sample project.</summary>
    public sealed record CorpusInput(string Name, IReadOnlyList<string> Sources, OutputKind OutputKind)
    {
        public override string ToString() => Name;
    }

    /// <summary>
    /// The inputs every robustness property runs over: each C# source that a rule test feeds the harness (read back from
    /// the test files as the constant strings they are, markup removed) and each sample app.
    /// </summary>
    public static class CorpusInputs
    {
        private static readonly Lazy<IReadOnlyList<CorpusInput>> AllInputs = new(() => FromTests().Concat(FromSamples()).ToList());

        public static IReadOnlyList<CorpusInput> All => AllInputs.Value;

        /// <summary>The web SDK's implicit global usings, which sample projects rely on.</summary>
        private const string WebGlobalUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Net.Http.Json;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using Microsoft.AspNetCore.Builder;
            global using Microsoft.AspNetCore.Hosting;
            global using Microsoft.AspNetCore.Http;
            global using Microsoft.AspNetCore.Routing;
            global using Microsoft.Extensions.Configuration;
            global using Microsoft.Extensions.DependencyInjection;
            global using Microsoft.Extensions.Hosting;
            global using Microsoft.Extensions.Logging;
            """;

        private static IEnumerable<CorpusInput> FromTests()
        {
            var testsFolder = RepositoryFiles.PathOf("tests", "RagSafety.Analyzers.Tests");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(testsFolder, "*Tests.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f) && !f.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
                var model = CSharpCompilation.Create("inputs", new[] { tree }, TestReferences.For(TestLibraries.None)).GetSemanticModel(tree);
                foreach (var (line, text) in ConstantStrings(tree, model))
                {
                    if (ToSource(text) is { } source && seen.Add(source))
                    {
                        var name = $"{Path.GetFileNameWithoutExtension(file)}:{line}";
                        yield return new CorpusInput(name, new[] { source }, OutputKindOf(source));
                    }
                }
            }
        }

        private static IEnumerable<CorpusInput> FromSamples()
        {
            var samples = RepositoryFiles.PathOf("samples");
            if (!Directory.Exists(samples))
            {
                yield break;
            }

            foreach (var project in Directory.EnumerateFiles(samples, "*.csproj", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)).OrderBy(f => f, StringComparer.Ordinal))
            {
                var folder = Path.GetDirectoryName(project)!;
                var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                    .Where(f => !IsBuildOutput(f))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(File.ReadAllText)
                    .ToList();
                if (File.ReadAllText(project).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal))
                {
                    sources.Add(WebGlobalUsings);
                }

                yield return new CorpusInput("sample " + Path.GetFileNameWithoutExtension(project), sources, OutputKind.ConsoleApplication);
            }
        }

        /// <summary>The largest constant string expressions of a test file: whole test inputs, not their pieces.</summary>
        private static IEnumerable<(int Line, string Text)> ConstantStrings(SyntaxTree tree, SemanticModel model)
        {
            foreach (var expression in tree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>())
            {
                if (expression is not (LiteralExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax)
                    || model.GetConstantValue(expression) is not { HasValue: true, Value: string text }
                    || (expression.Parent is ExpressionSyntax parent && model.GetConstantValue(parent).HasValue))
                {
                    continue;
                }

                yield return (expression.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text);
            }
        }

        /// <summary>The plain C# of a test string, or null when it is not a program (messages, options, names).</summary>
        private static string? ToSource(string text)
        {
            string source;
            try
            {
                TestFileMarkupParser.GetSpans(text, treatPositionIndicatorsAsCode: true, out source, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            }
            catch (Exception)
            {
                source = text;
            }

            var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
            return root.Members.Count > 0 && source.Length >= 30 ? source : null;
        }

        private static OutputKind OutputKindOf(string source) =>
            CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any()
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;

        private static bool IsBuildOutput(string path) =>
            path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
