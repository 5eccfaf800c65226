using System.Linq;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class CallNameGraphTests
    {
        private const string Source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;

            public interface IStore { Task SaveAsync(string text); }

            public class VectorStore : IStore
            {
                public Task SaveAsync(string text) => UpsertAsync(text);
                private Task UpsertAsync(string text) => Task.CompletedTask;
            }

            public class Ingestion
            {
                private readonly IStore _store;
                public Ingestion(IStore store) => _store = store;
                public Task ImportAsync(string text) => Prepare(text).ContinueWith(_ => _store.SaveAsync(text));
                private Task Prepare(string text) => Task.CompletedTask;
                public int Count(string text) => text.Trim().Length;
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/count", (string text) => text.Length);
                    app.MapGroup("/docs").MapPost("/", Import);
                }

                private static Task Import(Ingestion ingestion, string text) => ingestion.ImportAsync(text);
            }
            """;

        [Fact]
        public void Names_reaching_a_target_are_its_callers_by_name_at_any_depth()
        {
            // Every word of a body counts, not only the names it calls: Map only names Import (a method group), yet it is in.
            var graph = CallNameGraph.Build(TestCompilation.Create(Source));

            Assert.Equal(
                new[] { "Import", "ImportAsync", "Map", "SaveAsync", "UpsertAsync" },
                graph.NamesReaching(new[] { "UpsertAsync" }).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal(
                new[] { "Import", "ImportAsync", "Map", "Prepare" },
                graph.NamesReaching(new[] { "Prepare" }).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void Names_written_with_escapes_or_non_ASCII_letters_are_read_from_the_syntax()
        {
            var graph = CallNameGraph.Build(TestCompilation.Create(
                """
                public class Store
                {
                    public void UpsertAsync() { }
                    public void Écrire() => UpsertAsync();
                    public void Escaped() => \u0055psertAsync();
                    public void Caller() => Écrire();
                    public void Unrelated() => System.Console.WriteLine("UpsertAsync is only mentioned here, Écrire too");
                }
                """));

            Assert.Equal(
                new[] { "Caller", "Escaped", "Unrelated", "UpsertAsync", "Écrire" },
                graph.NamesReaching(new[] { "UpsertAsync" }).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Fact]
        public void After_an_edit_the_callers_are_those_of_the_edited_trees_as_a_full_merge_gives_them()
        {
            // The next compilation starts from the merge of the last one and corrects it by the changed tree: a call removed
            // by the edit is gone, one added is there, and a file removed takes its callers with it.
            var name = "edits-" + System.Guid.NewGuid().ToString("N");
            var first = TestCompilation.Create("""
                public class A
                {
                    public void Ask() => Fetch();
                    public void Fetch() { }
                    public void Store() { }
                }
                """).WithAssemblyName(name).AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class B { public void Run(A a) => a.Store(); }"));
            var tree = first.SyntaxTrees.First();
            Assert.Contains("Ask", CallNameGraph.Build(first).NamesReaching(new[] { "Fetch" }));

            var edited = first.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(tree.GetText().ToString().Replace("=> Fetch();", "=> Store();"))));
            var fromMerge = CallNameGraph.Build(edited);
            var fromScratch = CallNameGraph.Build(edited.WithAssemblyName(name + "-fresh"));
            foreach (var target in new[] { "Fetch", "Store", "Ask", "Run" })
            {
                Assert.Equal(fromScratch.NamesReaching(new[] { target }).OrderBy(n => n), fromMerge.NamesReaching(new[] { target }).OrderBy(n => n));
            }

            Assert.DoesNotContain("Ask", fromMerge.NamesReaching(new[] { "Fetch" }));
            Assert.Contains("Ask", fromMerge.NamesReaching(new[] { "Store" }));

            var removed = edited.RemoveSyntaxTrees(edited.SyntaxTrees.Last());
            Assert.Equal(new[] { "Ask", "Store" }, CallNameGraph.Build(removed).NamesReaching(new[] { "Store" }).OrderBy(n => n));
        }

        [Fact]
        public void A_method_does_not_invoke_its_own_name_by_declaring_it_but_does_by_calling_itself()
        {
            // Each module's Digest would otherwise "call" every other module's Digest, and a search for one helper would bind all.
            var compilation = TestCompilation.Create("""
                public class Reports
                {
                    public string Digest(string text) => text.Trim();
                    public int Countdown(int n) => n > 0 ? Countdown(n - 1) : 0;
                }
                """);
            var graph = CallNameGraph.Build(compilation);

            Assert.False(graph.MayReach(compilation.Method("Reports", "Digest"), graph.NamesReaching(new[] { "Digest" })));
            Assert.True(graph.MayReach(compilation.Method("Reports", "Countdown"), graph.NamesReaching(new[] { "Countdown" })));
        }

        [Fact]
        public void Reserved_keywords_are_no_names_but_verbatim_identifiers_and_the_calls_keywords_imply_are()
        {
            // `return`, `if`, `string`, `null` name no method; `@return` does, and `new … { … }` calls Add.
            var compilation = TestCompilation.Create("""
                using System.Collections.Generic;
                public class Words
                {
                    public void @return() { }
                    public string Plain(string text) { if (text == null) return string.Empty; return text; }
                    public void Verbatim() => @return();
                    public List<int> Initialized() => new List<int> { 1 };
                }
                """);
            var graph = CallNameGraph.Build(compilation);

            Assert.False(graph.MayReach(compilation.Method("Words", "Plain"), graph.NamesReaching(new[] { "return" })));
            Assert.True(graph.MayReach(compilation.Method("Words", "Verbatim"), graph.NamesReaching(new[] { "return" })));
            Assert.True(graph.MayReach(compilation.Method("Words", "Initialized"), graph.NamesReaching(new[] { CallNameGraph.CollectionInitializerName })));
        }

        [Fact]
        public void A_method_may_reach_a_name_through_its_body_or_as_an_interface_member_through_its_implementations()
        {
            var compilation = TestCompilation.Create(Source);
            var graph = CallNameGraph.Build(compilation);
            var reachingUpsert = graph.NamesReaching(new[] { "UpsertAsync" });

            Assert.True(graph.MayReach(compilation.Method("Ingestion", "ImportAsync"), reachingUpsert));
            Assert.True(graph.MayReach(compilation.Method("IStore", "SaveAsync"), reachingUpsert));
            Assert.True(graph.MayReach(compilation.Method("Endpoints", "Import"), reachingUpsert));
            Assert.False(graph.MayReach(compilation.Method("Ingestion", "Count"), reachingUpsert));
            Assert.False(graph.MayReach(compilation.Method("Ingestion", "Prepare"), reachingUpsert));
        }

        [Fact]
        public void Keeps_every_Map_call_in_source_order()
        {
            var graph = CallNameGraph.Build(TestCompilation.Create(Source));

            Assert.Equal(
                new[] { "app.MapGet", "app.MapGroup", "app.MapGroup(\"/docs\").MapPost" },
                graph.MapCalls.Select(c => c.Expression.ToString()));
        }

        [Fact]
        public void Sees_calls_in_top_level_statements_but_not_in_comments_or_strings()
        {
            var compilation = TestCompilation.Create(
                """
                using Microsoft.Extensions.DependencyInjection;

                var services = new ServiceCollection();
                services.AddSingleton<Registry>();
                services.ConfigureHttpClientDefaults(http => { });
                // services.AddServiceDefaults(); is only a comment,
                var note = "and services.AddSingleton<Registry>() only a string";

                public class Registry { }
                """,
                outputKind: OutputKind.ConsoleApplication);
            var graph = CallNameGraph.Build(compilation);

            Assert.True(graph.IsInvokedAnywhere("ConfigureHttpClientDefaults"));
            Assert.False(graph.IsInvokedAnywhere("AddServiceDefaults"));
            Assert.Equal(new[] { "services.AddSingleton<Registry>" }, graph.SingletonCalls.Select(c => c.Expression.ToString()));
        }
    }
}
