using System.Linq;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class CallSummariesTests
    {
        private const string Source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public interface IRetriever { Task<string> RetrieveAsync(string q); }

            public class AiRetriever : IRetriever
            {
                private readonly IChatClient _chat;
                public AiRetriever(IChatClient chat) => _chat = chat;
                public async Task<string> RetrieveAsync(string q) => (await _chat.GetResponseAsync(q)).Text;
            }

            public class CachedRetriever : IRetriever
            {
                public Task<string> RetrieveAsync(string q) => Task.FromResult(q);
            }

            public abstract class Step { public abstract Task<string> RunAsync(string q); }
            public class AskStep : Step
            {
                private readonly IChatClient _chat;
                public AskStep(IChatClient chat) => _chat = chat;
                public override async Task<string> RunAsync(string q) => (await _chat.GetResponseAsync(q)).Text;
            }

            public class Pipeline
            {
                private readonly IRetriever _retriever;
                private readonly Step _step;
                public Pipeline(IRetriever retriever, Step step) { _retriever = retriever; _step = step; }

                public Task<string> Short(string q) => _retriever.RetrieveAsync(q);
                public async Task<string> Long(string q) => await Middle(q);
                private Task<string> Middle(string q) => Inner(q);
                private Task<string> Inner(string q) => _step.RunAsync(q);
                public Task<string> Recursive(int n) => n == 0 ? Task.FromResult("") : Recursive(n - 1);
                public string Pure(string q) => q.ToUpperInvariant();
                public void Index(Store store) => store.Put("x");
            }

            public class Store { public void Put(string value) { } }

            public class BaseAgent { public virtual Task<string> ActAsync(string q) => Task.FromResult(q); }
            public class MiddleAgent : BaseAgent { public override Task<string> ActAsync(string q) => Task.FromResult(q); }
            public class ChatAgent : MiddleAgent
            {
                private readonly IChatClient _chat;
                public ChatAgent(IChatClient chat) => _chat = chat;
                public override async Task<string> ActAsync(string q) => (await _chat.GetResponseAsync(q)).Text;
            }
            public class Runner { public Task<string> Run(MiddleAgent agent) => agent.ActAsync("q"); }
            """;

        [Fact]
        public void Finds_the_shortest_chain_through_interfaces_and_overrides_to_the_implementation()
        {
            var (compilation, summaries) = Create();

            Assert.Equal("Pipeline.Short → AiRetriever.RetrieveAsync → IChatClient.GetResponseAsync",
                summaries.FindAiCall(compilation.Method("Pipeline", "Short"))?.Describe());
            Assert.Equal("Pipeline.Long → Pipeline.Middle → Pipeline.Inner → AskStep.RunAsync → IChatClient.GetResponseAsync",
                summaries.FindAiCall(compilation.Method("Pipeline", "Long"))?.Describe());
            Assert.Equal("AiRetriever.RetrieveAsync → IChatClient.GetResponseAsync",
                summaries.FindAiCall(compilation.Method("AiRetriever", "RetrieveAsync"))?.Describe());
        }

        [Fact]
        public void A_call_to_an_override_follows_further_overrides()
        {
            var (compilation, summaries) = Create();
            Assert.Equal("Runner.Run → ChatAgent.ActAsync → IChatClient.GetResponseAsync",
                summaries.FindAiCall(compilation.Method("Runner", "Run"))?.Describe());
        }

        [Fact]
        public void Stops_at_the_depth_limit_and_on_cycles()
        {
            // Long's chain holds four app methods, Short's two.
            var (compilation, summaries) = Create(depth: 3);

            Assert.Null(summaries.FindAiCall(compilation.Method("Pipeline", "Long")));
            Assert.NotNull(summaries.FindAiCall(compilation.Method("Pipeline", "Short")));
            Assert.Null(summaries.FindAiCall(compilation.Method("Pipeline", "Recursive")));
            Assert.Null(summaries.FindAiCall(compilation.Method("Pipeline", "Pure")));
            Assert.Null(summaries.FindAiCall(compilation.Method("CachedRetriever", "RetrieveAsync")));
        }

        [Fact]
        public void Index_writes_are_summarized_separately()
        {
            var (compilation, summaries) = Create(options: TestCompilation.Options((OptionKeys.ApisKey(ApiRole.IndexWrite), "M:Store.Put(System.String)")));

            Assert.Equal("Pipeline.Index → Store.Put", summaries.FindIndexWrite(compilation.Method("Pipeline", "Index"))?.Describe());
            Assert.Null(summaries.FindIndexWrite(compilation.Method("Pipeline", "Short")));
            Assert.Null(summaries.FindAiCall(compilation.Method("Pipeline", "Index")));
        }

        [Fact]
        public void Answers_do_not_depend_on_query_order()
        {
            var (compilation, first) = Create();
            var inner = first.FindAiCall(compilation.Method("Pipeline", "Inner"))?.Describe();
            var outer = first.FindAiCall(compilation.Method("Pipeline", "Long"))?.Describe();

            var (compilation2, second) = Create();
            Assert.Equal(outer, second.FindAiCall(compilation2.Method("Pipeline", "Long"))?.Describe());
            Assert.Equal(inner, second.FindAiCall(compilation2.Method("Pipeline", "Inner"))?.Describe());
        }

        // Calls the syntax names no method for: a constructor initializer, a collection initializer's Add, a query's Select,
        // and an explicit interface implementation. The summaries skip methods whose syntax cannot reach an AI call, so
        // these chains are only found if the call-name graph sees these calls too.
        private const string ImplicitCallsSource = """
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            public class WarmBase
            {
                public WarmBase(IChatClient chat) => chat.GetResponseAsync("warm up");
            }

            public class Warm : WarmBase
            {
                public Warm(IChatClient chat) : base(chat) { }
            }

            public class Questions : IEnumerable<string>
            {
                private readonly IChatClient _chat;
                public Questions(IChatClient chat) => _chat = chat;
                public void Add(string question) => _chat.GetResponseAsync(question);
                public Questions Select(System.Func<string, string> selector) { _chat.GetResponseAsync(selector("q")); return this; }
                public IEnumerator<string> GetEnumerator() => new List<string>().GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public interface IAsk { Task<ChatResponse> AskAsync(string q); }

            public class ExplicitAsk : IAsk
            {
                private readonly IChatClient _chat;
                public ExplicitAsk(IChatClient chat) => _chat = chat;
                Task<ChatResponse> IAsk.AskAsync(string q) => _chat.GetResponseAsync(q);
            }

            public class Uses
            {
                public Questions Fill(IChatClient chat) => new Questions(chat) { "first" };
                public Questions Query(Questions questions) => from q in questions select q.Trim();
                public Task<ChatResponse> Ask(IAsk ask) => ask.AskAsync("q");
                public string Plain(string q) => q.Trim();
            }
            """;

        [Fact]
        public void Finds_chains_through_calls_the_syntax_names_no_method_for()
        {
            var (compilation, summaries) = Create(source: ImplicitCallsSource);
            var warm = compilation.GetTypeByMetadataName("Warm")!.InstanceConstructors[0];

            Assert.Equal("Warm..ctor → WarmBase..ctor → IChatClient.GetResponseAsync", summaries.FindAiCall(warm)?.Describe());
            Assert.Equal("Uses.Fill → Questions.Add → IChatClient.GetResponseAsync", summaries.FindAiCall(compilation.Method("Uses", "Fill"))?.Describe());
            Assert.Equal("Uses.Query → Questions.Select → IChatClient.GetResponseAsync", summaries.FindAiCall(compilation.Method("Uses", "Query"))?.Describe());
            Assert.Equal("Uses.Ask → ExplicitAsk.IAsk.AskAsync → IChatClient.GetResponseAsync", summaries.FindAiCall(compilation.Method("Uses", "Ask"))?.Describe());
            Assert.Null(summaries.FindAiCall(compilation.Method("Uses", "Plain")));
        }

        private const string IntentSource = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.VectorData;

            public sealed class Doc { public string Id { get; set; } = ""; }

            public class Ingest(IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> docs)
            {
                public async Task AddAsync(Doc doc)
                {
                    await embedder.GenerateVectorAsync(doc.Id);
                    await docs.GetAsync(doc.Id);
                    await docs.UpsertAsync(doc);
                }

                public async Task RebuildAsync()
                {
                    await docs.UpsertAsync(new Doc());
                    await docs.EnsureCollectionDeletedAsync();
                }
            }

            public class Chat(IChatClient chat, Ingest ingest)
            {
                public async Task<string> AskAsync(string q)
                {
                    await ingest.AddAsync(new Doc { Id = q });
                    return (await chat.GetResponseAsync(q)).Text;
                }
            }
            """;

        [Fact]
        public void Answering_calls_leave_out_embeddings_and_key_lookups_and_drops_are_found_behind_other_writes()
        {
            var (compilation, summaries) = Create(source: IntentSource);

            Assert.Equal("Ingest.AddAsync → IEmbeddingGenerator.GenerateVectorAsync", summaries.FindAiCall(compilation.Method("Ingest", "AddAsync"))?.Describe());
            Assert.Null(summaries.FindAnsweringCall(compilation.Method("Ingest", "AddAsync")));
            Assert.Equal("Chat.AskAsync → IChatClient.GetResponseAsync", summaries.FindAnsweringCall(compilation.Method("Chat", "AskAsync"))?.Describe());
            Assert.Null(summaries.FindCollectionDrop(compilation.Method("Ingest", "AddAsync")));
            Assert.Equal("Ingest.RebuildAsync → VectorStoreCollection.UpsertAsync", summaries.FindIndexWrite(compilation.Method("Ingest", "RebuildAsync"))?.Describe());
            Assert.Equal("Ingest.RebuildAsync → VectorStoreCollection.EnsureCollectionDeletedAsync", summaries.FindCollectionDrop(compilation.Method("Ingest", "RebuildAsync"))?.Describe());
        }

        // Implementations reached through a base class the interface is not written on, a derived interface, a generic
        // interface, partial parts, records and a nested type: the lazy search by base-list names must find them all.
        private const string HierarchySource = """
            using System.Threading.Tasks;

            public interface IStep { Task RunAsync(); }
            public interface IAsk : IStep { Task<string> AskAsync(string q); }
            public interface IStore<T> { void Put(T item); }
            public class Plain { public Task RunAsync() => Task.CompletedTask; }
            public class Inheriting : Plain, IStep { }
            public partial class Split : IAsk { public Task<string> AskAsync(string q) => Task.FromResult(q); }
            public partial class Split { public Task RunAsync() => Task.CompletedTask; }
            public class Explicit : IStep { Task IStep.RunAsync() => Task.CompletedTask; }
            public class IntStore : IStore<int> { public void Put(int item) { } }
            public abstract record Shape { public abstract double Area(); public virtual string Name() => "shape"; }
            public record Square(double Side) : Shape { public override double Area() => Side * Side; }
            public sealed record Named(double Side) : Square(Side) { public override string Name() => "named"; public override double Area() => 1; }
            public class Outer { public class Inner : global::IStep { public Task RunAsync() => Task.CompletedTask; } }
            public class Caller { public Task Call(IStep step, Shape shape, IStore<int> store) { store.Put(shape.Name().Length); return step.RunAsync(); } }
            """;

        [Theory]
        [InlineData("real")]
        [InlineData("hierarchy")]
        [InlineData("alias")]
        public void Implementations_found_by_base_list_names_are_those_of_a_walk_over_every_type(string corpus)
        {
            var compilation = corpus switch
            {
                "real" => TestCompilation.FromFiles(RagSafety.Corpus.RealShapedApp.Generate(targetLines: 2000)),
                "hierarchy" => TestCompilation.Create(HierarchySource),
                _ => TestCompilation.Create("using Step = IStep;\n" + HierarchySource.Replace("public class Plain", "public class Aliased : Step { public Task RunAsync() => Task.CompletedTask; }\npublic class Plain")),
            };
            var apis = KnownApis.Create(compilation, ApiCatalog.Entries, UserApis.Read(new CompilationOptionsReader(compilation, TestCompilation.Options())));
            var summaries = new CallSummaries(compilation, apis, OptionKeys.DefaultCallChainDepth);
            var members = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>()
                .Where(m => m.IsAbstract || m.IsVirtual || m.IsOverride || m.ContainingType.TypeKind == TypeKind.Interface)
                .ToList();
            Assert.NotEmpty(members);
            var implemented = 0;
            foreach (var member in members)
            {
                var expected = summaries.ImplementationsFromFullWalk(member);
                implemented += expected.IsEmpty ? 0 : 1;
                Assert.Equal(expected.Select(m => m.ToDisplayString()), summaries.ImplementationsOf(member).Select(m => m.ToDisplayString()));
            }

            Assert.True(implemented > 0);
        }

        private static (Compilation, CallSummaries) Create(int depth = OptionKeys.DefaultCallChainDepth, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions? options = null, string source = Source)
        {
            var compilation = TestCompilation.Create(source);
            var userApis = UserApis.Read(new CompilationOptionsReader(compilation, options ?? TestCompilation.Options()));
            var apis = KnownApis.Create(compilation, ApiCatalog.Entries, userApis);
            return (compilation, new CallSummaries(compilation, apis, depth));
        }
    }
}
