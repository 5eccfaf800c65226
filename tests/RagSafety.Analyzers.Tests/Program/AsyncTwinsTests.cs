using System.Linq;
using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class AsyncTwinsTests
    {
        [Fact]
        public void Finds_twins_of_the_real_OpenAI_and_Azure_search_clients()
        {
            var compilation = TestCompilation.Create("class C { }");
            var twins = new AsyncTwins(compilation, TaskTypes.Create(compilation)!);
            var chat = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatClient")!;
            var search = compilation.GetTypeByMetadataName("Azure.Search.Documents.SearchClient")!;

            foreach (var method in chat.GetMembers("CompleteChat").OfType<IMethodSymbol>())
            {
                var twin = twins.Find(method);
                Assert.NotNull(twin);
                Assert.Equal("CompleteChatAsync", twin!.Name);
                Assert.Equal(method.Parameters.Select(p => p.Type.ToDisplayString()), twin.Parameters.Select(p => p.Type.ToDisplayString()));
            }

            // The streaming twin returns an async stream, not a task.
            Assert.All(chat.GetMembers("CompleteChatStreaming").OfType<IMethodSymbol>(), m => Assert.Null(twins.Find(m)));

            // Search<T>(string, …) and Search<T>(SearchOptions, …), generic and constructed.
            var searchMethods = search.GetMembers("Search").OfType<IMethodSymbol>().ToList();
            Assert.Equal(2, searchMethods.Count);
            foreach (var searchMethod in searchMethods)
            {
                Assert.Equal("SearchAsync", twins.Find(searchMethod)?.Name);
                Assert.Equal("SearchAsync", twins.Find(searchMethod.Construct(compilation.GetSpecialType(SpecialType.System_String)))?.Name);
            }

            Assert.Equal(2, search.GetMembers("DeleteDocuments").OfType<IMethodSymbol>().Count(m => twins.Find(m) is not null));
        }

        [Fact]
        public void Rejects_obsolete_mismatched_and_non_task_twins()
        {
            var compilation = TestCompilation.Create("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                public class Store
                {
                    public int Put(string text) => 0;
                    public Task<int> PutAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(0);

                    public int Old(string text) => 0;
                    [Obsolete] public Task<int> OldAsync(string text) => Task.FromResult(0);

                    public int Other(string text) => 0;
                    public Task<long> OtherAsync(string text) => Task.FromResult(0L);

                    public int Required(string text) => 0;
                    public Task<int> RequiredAsync(string text, int retries) => Task.FromResult(0);

                    public void Delete(string id) { }
                    public ValueTask DeleteAsync(string id) => default;

                    public T Get<T>(string id) => default!;
                    public Task<T> GetAsync<T>(string id, CancellationToken cancellationToken = default) => Task.FromResult(default(T)!);

                    public static int Static(string text) => 0;
                    public Task<int> StaticAsync(string text) => Task.FromResult(0);
                }
                """);
            var twins = new AsyncTwins(compilation, TaskTypes.Create(compilation)!);
            Assert.Equal("PutAsync", twins.Find(compilation.Method("Store", "Put"))?.Name);
            Assert.Null(twins.Find(compilation.Method("Store", "Old")));
            Assert.Null(twins.Find(compilation.Method("Store", "Other")));
            Assert.Null(twins.Find(compilation.Method("Store", "Required")));
            Assert.Equal("DeleteAsync", twins.Find(compilation.Method("Store", "Delete"))?.Name);
            Assert.Equal("GetAsync", twins.Find(compilation.Method("Store", "Get"))?.Name);
            Assert.Null(twins.Find(compilation.Method("Store", "Static")));
            Assert.Null(twins.Find(compilation.Method("Store", "PutAsync")));
        }
    }
}
