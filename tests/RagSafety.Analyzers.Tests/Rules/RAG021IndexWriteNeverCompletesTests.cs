using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG021IndexWriteNeverCompletesAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG021IndexWriteNeverCompletesFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG021IndexWriteNeverCompletesTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.VectorData;

            """;

        private const string Doc = """

            public sealed class Doc
            {
                public string Id { get; set; } = "";
            }
            """;

        [Fact]
        public async Task Dropped_and_discarded_writes_in_async_code_are_awaited()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Indexer(VectorStoreCollection<string, Doc> collection, VectorStore store)
                {
                    async Task SaveAsync(Doc doc, CancellationToken cancellationToken)
                    {
                        // Keep the record.
                        {|#0:collection.UpsertAsync(doc, cancellationToken)|};
                        _ = {|#1:collection.DeleteAsync("old")|};
                        {|#2:store.EnsureCollectionDeletedAsync("tmp")|}.ConfigureAwait(false);
                        await collection.EnsureCollectionExistsAsync();
                    }
                }
                """ + Doc,
                new[]
                {
                    Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("VectorStoreCollection.UpsertAsync"),
                    Verify.Diagnostic("RAG021").WithLocation(1).WithArguments("VectorStoreCollection.DeleteAsync"),
                    Verify.Diagnostic("RAG021").WithLocation(2).WithArguments("VectorStore.EnsureCollectionDeletedAsync"),
                },
                Usings + """
                class Indexer(VectorStoreCollection<string, Doc> collection, VectorStore store)
                {
                    async Task SaveAsync(Doc doc, CancellationToken cancellationToken)
                    {
                        // Keep the record.
                        await collection.UpsertAsync(doc, cancellationToken);
                        await collection.DeleteAsync("old");
                        await store.EnsureCollectionDeletedAsync("tmp").ConfigureAwait(false);
                        await collection.EnsureCollectionExistsAsync();
                    }
                }
                """ + Doc);
        }

        [Fact]
        public async Task Lazy_batch_writers_of_the_vector_data_previews_never_enumerated_are_enumerated()
        {
            // IVectorStoreRecordCollection.UpsertBatchAsync (VectorData 9.0 previews) returns a lazy IAsyncEnumerable.
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class Indexer(IVectorStoreRecordCollection<string, Doc> collection)
                    {
                        async Task SaveAsync(List<Doc> docs)
                        {
                            {|#0:collection.UpsertBatchAsync(docs)|};
                            _ = {|#1:collection.UpsertBatchAsync(docs)|};
                            await foreach (var key in collection.UpsertBatchAsync(docs)) { }
                            var used = collection.UpsertBatchAsync(docs);
                            await foreach (var key in used) { }
                            await collection.DeleteBatchAsync(new[] { "a" });
                        }
                    }
                    """ + Doc,
                FixedCode = Usings + """
                    class Indexer(IVectorStoreRecordCollection<string, Doc> collection)
                    {
                        async Task SaveAsync(List<Doc> docs)
                        {
                            await foreach (var _ in collection.UpsertBatchAsync(docs)) { }
                            await foreach (var _ in collection.UpsertBatchAsync(docs)) { }
                            await foreach (var key in collection.UpsertBatchAsync(docs)) { }
                            var used = collection.UpsertBatchAsync(docs);
                            await foreach (var key in used) { }
                            await collection.DeleteBatchAsync(new[] { "a" });
                        }
                    }
                    """ + Doc,
                Libraries = TestLibraries.ExtensionsAI | TestLibraries.VectorDataPreview,
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("IVectorStoreRecordCollection.UpsertBatchAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG021").WithLocation(1).WithArguments("IVectorStoreRecordCollection.UpsertBatchAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Lazy_batch_writers_of_the_semantic_kernel_memory_store_never_enumerated_are_enumerated()
        {
            await Verify.VerifyCodeFixAsync("#pragma warning disable SKEXP0001\n" + Usings + """
                using Microsoft.SemanticKernel.Memory;

                class Indexer(IMemoryStore memory)
                {
                    async Task SaveAsync(List<MemoryRecord> records)
                    {
                        var keys = {|#0:memory.UpsertBatchAsync("notes", records)|};
                        var used = memory.UpsertBatchAsync("notes", records);
                        await foreach (var key in used) { }
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("IMemoryStore.UpsertBatchAsync"),
                },
                "#pragma warning disable SKEXP0001\n" + Usings + """
                using Microsoft.SemanticKernel.Memory;

                class Indexer(IMemoryStore memory)
                {
                    async Task SaveAsync(List<MemoryRecord> records)
                    {
                        await foreach (var _ in memory.UpsertBatchAsync("notes", records)) { }
                        var used = memory.UpsertBatchAsync("notes", records);
                        await foreach (var key in used) { }
                    }
                }
                """);
        }

        [Fact]
        public async Task Sync_handlers_become_async_and_other_sync_methods_get_no_fix()
        {
            var source = Usings + """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                public class DocsController(VectorStoreCollection<string, Doc> collection) : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Post(Doc doc)
                    {
                        {|#0:collection.UpsertAsync(doc)|};
                        return Accepted();
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapDelete("/docs/{id}", (string id, VectorStoreCollection<string, Doc> collection) =>
                        {
                            _ = {|#1:collection.DeleteAsync(id)|};
                            return Results.NoContent();
                        });
                }

                public class Cache(VectorStoreCollection<string, Doc> collection)
                {
                    public void Remember(Doc doc) => {|#2:collection.UpsertAsync(doc)|};

                    private readonly object _gate = new();

                    public async Task ForgetAsync(string id)
                    {
                        await Task.Yield();
                        lock (_gate)
                        {
                            {|#3:collection.DeleteAsync(id)|};
                        }

                        void Local() => {|#4:collection.DeleteAsync(id)|};
                        Local();
                    }
                }
                """ + Doc;
            var fixedSource = Usings + """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;

                public class DocsController(VectorStoreCollection<string, Doc> collection) : ControllerBase
                {
                    [HttpPost]
                    public async Task<IActionResult> Post(Doc doc)
                    {
                        await collection.UpsertAsync(doc);
                        return Accepted();
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapDelete("/docs/{id}", async (string id, VectorStoreCollection<string, Doc> collection) =>
                        {
                            await collection.DeleteAsync(id);
                            return Results.NoContent();
                        });
                }

                public class Cache(VectorStoreCollection<string, Doc> collection)
                {
                    public void Remember(Doc doc) => {|#2:collection.UpsertAsync(doc)|};

                    private readonly object _gate = new();

                    public async Task ForgetAsync(string id)
                    {
                        await Task.Yield();
                        lock (_gate)
                        {
                            {|#3:collection.DeleteAsync(id)|};
                        }

                        void Local() => {|#4:collection.DeleteAsync(id)|};
                        Local();
                    }
                }
                """ + Doc;
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("VectorStoreCollection.UpsertAsync"),
                Verify.Diagnostic("RAG021").WithLocation(1).WithArguments("VectorStoreCollection.DeleteAsync"),
                Verify.Diagnostic("RAG021").WithLocation(2).WithArguments("VectorStoreCollection.UpsertAsync"),
                Verify.Diagnostic("RAG021").WithLocation(3).WithArguments("VectorStoreCollection.DeleteAsync"),
                Verify.Diagnostic("RAG021").WithLocation(4).WithArguments("VectorStoreCollection.DeleteAsync"),
            });
            test.FixedState.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG021").WithLocation(2).WithArguments("VectorStoreCollection.UpsertAsync"),
                Verify.Diagnostic("RAG021").WithLocation(3).WithArguments("VectorStoreCollection.DeleteAsync"),
                Verify.Diagnostic("RAG021").WithLocation(4).WithArguments("VectorStoreCollection.DeleteAsync"),
            });
            await test.RunAsync();
        }

        [Fact]
        public async Task Dropped_call_to_an_app_method_that_writes_names_the_chain()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public sealed class IngestService(VectorStoreCollection<string, Doc> collection)
                {
                    public Task AddAsync(Doc doc) => collection.UpsertAsync(doc);
                }

                class Uploader(IngestService ingest)
                {
                    async Task UploadAsync(Doc doc)
                    {
                        {|#0:ingest.AddAsync(doc)|};
                        _ = ingest.AddAsync(doc);
                        await Task.Delay(1);
                    }
                }
                """ + Doc,
                new[] { Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("IngestService.AddAsync → VectorStoreCollection.UpsertAsync") },
                Usings + """
                public sealed class IngestService(VectorStoreCollection<string, Doc> collection)
                {
                    public Task AddAsync(Doc doc) => collection.UpsertAsync(doc);
                }

                class Uploader(IngestService ingest)
                {
                    async Task UploadAsync(Doc doc)
                    {
                        await ingest.AddAsync(doc);
                        _ = ingest.AddAsync(doc);
                        await Task.Delay(1);
                    }
                }
                """ + Doc);
        }

        [Fact]
        public async Task Top_level_statements_and_async_lambdas_are_awaited()
        {
            var test = new Verify.Test { TestCode = Usings + """
                using System;
                using Qdrant.Client;

                var qdrant = new QdrantClient("localhost");
                {|#0:qdrant.DeleteCollectionAsync("old")|};
                Func<Task> reset = async () =>
                {
                    {|#1:qdrant.DeleteCollectionAsync("tmp")|};
                };
                Func<string, Task> drop = async name => {|#2:qdrant.DeleteCollectionAsync(name)|};
                await reset();
                """, FixedCode = Usings + """
                using System;
                using Qdrant.Client;

                var qdrant = new QdrantClient("localhost");
                await qdrant.DeleteCollectionAsync("old");
                Func<Task> reset = async () =>
                {
                    await qdrant.DeleteCollectionAsync("tmp");
                };
                Func<string, Task> drop = async name => await qdrant.DeleteCollectionAsync(name);
                await reset();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG021").WithLocation(0).WithArguments("QdrantClient.DeleteCollectionAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG021").WithLocation(1).WithArguments("QdrantClient.DeleteCollectionAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG021").WithLocation(2).WithArguments("QdrantClient.DeleteCollectionAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Awaited_returned_stored_and_other_tasks_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.Linq;
                using Microsoft.KernelMemory;

                class Indexer(VectorStoreCollection<string, Doc> collection, IKernelMemory memory)
                {
                    Task Returned(Doc doc) => collection.UpsertAsync(doc);

                    async Task<string> AllAsync(List<Doc> docs)
                    {
                        var pending = collection.UpsertAsync(docs[0]);
                        await Task.WhenAll(docs.Select(d => collection.UpsertAsync(d)));
                        await pending;
                        Task.Delay(10);
                        var id = await memory.ImportTextAsync("text");
                        return nameof(collection.UpsertAsync) + id;
                    }

                    async Task<Task> Deferred(Doc doc)
                    {
                        await Task.Yield();
                        return collection.DeleteAsync(doc.Id);
                    }
                }
                """ + Doc);
        }

        [Fact]
        public async Task Code_being_typed_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Broken(VectorStoreCollection<string, Doc> collection)
                {
                    async Task SaveAsync()
                    {
                        collection.{|CS1501:UpsertAsync|}();
                        {|CS0103:missing|}.UpsertAsync(new Doc());
                        _ = collection.UpsertAsync({|CS0103:undefinedDoc|});
                        var keys = collection.{|CS1061:UpsertBatchAsync|}();
                        await Task.Yield();
                    }
                }
                """ + Doc);
        }
    }
}
