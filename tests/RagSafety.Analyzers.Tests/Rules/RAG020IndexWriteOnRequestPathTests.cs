using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG020IndexWriteOnRequestPathAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG020IndexWriteOnRequestPathFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    /// <summary>
    /// RAG020 reports a handler's index write where it is a risk: the handler also answers queries, drops a collection other
    /// handlers query, calls the model for every item of a loop that writes, or polls the ingestion status. A handler that
    /// only ingests is RAG022's (Info) and silent here; each test shows both shapes.
    /// </summary>
    public class RAG020IndexWriteOnRequestPathTests
    {
        internal const string Usings = """
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.VectorData;

            """;

        internal const string Types = """

            public sealed class Doc
            {
                public string Id { get; set; } = "";
                public string Text { get; set; } = "";
            }

            public sealed class IngestService
            {
                private readonly VectorStoreCollection<string, Doc> _collection;
                public IngestService(VectorStoreCollection<string, Doc> collection) => _collection = collection;
                public Task AddAsync(Doc doc, CancellationToken cancellationToken = default) => _collection.UpsertAsync(doc, cancellationToken);
                public Task<int> CountAsync() => Task.FromResult(0);
            }

            public sealed class AnswerService
            {
                private readonly IChatClient _chat;
                public AnswerService(IChatClient chat) => _chat = chat;
                public async Task<string> AskAsync(string question, CancellationToken cancellationToken = default) =>
                    (await _chat.GetResponseAsync(question, cancellationToken: cancellationToken)).Text;
            }
            """;

        private const string Answering = " while it answers queries through 'AnswerService.AskAsync → IChatClient.GetResponseAsync'";
        private const string AddChain = "IngestService.AddAsync → VectorStoreCollection.UpsertAsync";

        [Fact]
        public async Task Write_in_a_minimal_api_lambda_that_answers_is_reported_once_with_the_route_and_the_answering_chain()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/ask", async (string q, AnswerService answers, VectorStoreCollection<string, Doc> collection) =>
                        {
                            var answer = await answers.AskAsync(q);
                            await {|#0:collection.UpsertAsync(new Doc { Id = q, Text = answer })|};
                            await collection.UpsertAsync(new Doc { Id = q + "#2", Text = answer });
                            return answer;
                        });
                        app.MapPost("/search", async (string q, VectorStoreCollection<string, Doc> collection) =>
                        {
                            await foreach (var hit in collection.SearchAsync(q, top: 3))
                            {
                            }

                            await {|#1:collection.DeleteAsync(q)|};
                        });

                        // Only ingests: RAG022's, not a risk on the query path.
                        app.MapPost("/documents", (Doc doc, VectorStoreCollection<string, Doc> collection) => collection.UpsertAsync(doc));
                    }
                }
                """ + Types,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/ask\")", "VectorStoreCollection.UpsertAsync", Answering),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("MapPost(\"/search\")", "VectorStoreCollection.DeleteAsync", " while it answers queries through 'VectorStoreCollection.SearchAsync'"));
        }

        [Fact]
        public async Task Write_through_app_methods_is_reported_at_the_handler_call_with_the_chain()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public interface IIngest { Task AddAsync(Doc doc); }

                public sealed class Ingest : IIngest
                {
                    private readonly IngestService _service;
                    public Ingest(IngestService service) => _service = service;
                    public Task AddAsync(Doc doc) => _service.AddAsync(doc);
                }

                public sealed class ChatLog
                {
                    private readonly AnswerService _answers;
                    private readonly IngestService _ingest;
                    public ChatLog(AnswerService answers, IngestService ingest) { _answers = answers; _ingest = ingest; }

                    public async Task<string> AskAsync(string question)
                    {
                        var answer = await _answers.AskAsync(question);
                        await _ingest.AddAsync(new Doc { Id = question, Text = answer });
                        return answer;
                    }
                }

                [ApiController]
                [Route("api/[controller]")]
                public class ChatController : ControllerBase
                {
                    private readonly IIngest _ingest;
                    private readonly IngestService _service;
                    private readonly AnswerService _answers;
                    public ChatController(IIngest ingest, IngestService service, AnswerService answers) { _ingest = ingest; _service = service; _answers = answers; }

                    [HttpPost]
                    public async Task<IActionResult> Post(Doc doc)
                    {
                        await {|#0:_ingest.AddAsync(doc)|};
                        var count = await _service.CountAsync();
                        return Ok(await _answers.AskAsync(doc.Text) + count);
                    }

                    [HttpGet]
                    public Task<string> Get(string q, [FromServices] ChatLog log) => {|#1:log.AskAsync(q)|};

                    // Only ingests: RAG022's.
                    [HttpPut]
                    public Task Put(Doc doc) => _service.AddAsync(doc);
                }
                """ + Types,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("ChatController.Post", "IIngest.AddAsync → Ingest.AddAsync → " + AddChain, Answering),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("ChatController.Get", "ChatLog.AskAsync → " + AddChain, " while it answers queries through 'ChatLog.AskAsync → AnswerService.AskAsync → IChatClient.GetResponseAsync'"));
        }

        [Fact]
        public async Task Every_handler_kind_and_every_index_library_is_covered()
        {
            await Verify.VerifyAnalyzerAsync("""
                #pragma warning disable SKEXP0001
                using System.Threading.Tasks;
                using Azure.Search.Documents;
                using Grpc.Core;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Azure.Functions.Worker;
                using Microsoft.KernelMemory;
                using Microsoft.SemanticKernel.Memory;
                using Qdrant.Client;
                using Qdrant.Client.Grpc;

                public class UploadModel : PageModel
                {
                    private readonly IKernelMemory _memory;
                    public UploadModel(IKernelMemory memory) => _memory = memory;
                    public async Task OnPostAsync(string text)
                    {
                        await {|#0:_memory.ImportTextAsync(text)|};
                        await _memory.AskAsync(text);
                    }
                }

                public class NotesHub : Hub
                {
                    private readonly ISemanticTextMemory _memory;
                    public NotesHub(ISemanticTextMemory memory) => _memory = memory;
                    public Task Remember(string text)
                    {
                        _memory.SearchAsync("notes", text);
                        return {|#1:_memory.SaveInformationAsync("notes", text, "id")|};
                    }
                }

                public static partial class Indexer
                {
                    [BindServiceMethod(typeof(Indexer), "BindService")]
                    public abstract class IndexerBase
                    {
                        public virtual Task<string> Put(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public class IndexerService : Indexer.IndexerBase
                {
                    private readonly QdrantClient _qdrant;
                    public IndexerService(QdrantClient qdrant) => _qdrant = qdrant;
                    public override async Task<string> Put(string request, ServerCallContext context)
                    {
                        await {|#2:_qdrant.DeleteCollectionAsync(request)|};
                        return request;
                    }
                }

                public class Functions
                {
                    private readonly SearchClient _search;
                    private readonly Pinecone.IndexClient _pinecone;
                    public Functions(SearchClient search, Pinecone.IndexClient pinecone) { _search = search; _pinecone = pinecone; }

                    [Function("Upload")]
                    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequest request)
                    {
                        await {|#3:_search.UploadDocumentsAsync(new[] { new { id = "1" } })|};
                        return new OkObjectResult(await _search.SearchAsync<object>("q"));
                    }

                    [Function("Forget")]
                    public async Task<IActionResult> Forget([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequest request)
                    {
                        await _search.SearchAsync<object>("q");
                        await {|#4:_pinecone.DeleteAsync(new Pinecone.DeleteRequest { DeleteAll = true })|};
                        return new OkResult();
                    }
                }
                """,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("UploadModel.OnPostAsync", "IKernelMemory.ImportTextAsync", " while it answers queries through 'IKernelMemory.AskAsync'"),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("NotesHub.Remember", "ISemanticTextMemory.SaveInformationAsync", " while it answers queries through 'ISemanticTextMemory.SearchAsync'"),
                Verify.Diagnostic("RAG020").WithLocation(2).WithArguments("IndexerService.Put", "QdrantClient.DeleteCollectionAsync", ", deleting or recreating a collection while request handler 'UploadModel.OnPostAsync' serves queries"),
                Verify.Diagnostic("RAG020").WithLocation(3).WithArguments("Functions.Upload", "SearchClient.UploadDocumentsAsync", " while it answers queries through 'SearchClient.SearchAsync'"),
                Verify.Diagnostic("RAG020").WithLocation(4).WithArguments("Functions.Forget", "IndexClient.DeleteAsync", " while it answers queries through 'SearchClient.SearchAsync'"));
        }

        [Fact]
        public async Task Start_up_code_hosted_services_and_read_only_handlers_are_not_reported()
        {
            var test = new Verify.Test { TestCode = Usings + """
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var collection = app.Services.GetRequiredService<VectorStoreCollection<string, Doc>>();
                await collection.EnsureCollectionExistsAsync();
                await collection.UpsertAsync(new Doc { Id = "seed" });
                app.MapGet("/documents/{id}", async (string id, VectorStoreCollection<string, Doc> c) => await c.GetAsync(id));
                app.MapGet("/count", (IngestService service) => service.CountAsync());
                app.MapGet("/ask", (string q, AnswerService answers) => answers.AskAsync(q));
                app.Run();

                public sealed class IngestionWorker(IngestService service, AnswerService answers) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            await service.AddAsync(new Doc { Text = await answers.AskAsync("summary") }, stoppingToken);
                        }
                    }
                }

                public class ReadController : ControllerBase
                {
                    [NonAction]
                    public async Task Seed(IngestService service, AnswerService answers) => await service.AddAsync(new Doc { Text = await answers.AskAsync("q") });
                }
                """ + Types };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Console_programs_are_not_reported()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.VectorData;

                var collection = default(VectorStoreCollection<string, Doc>)!;
                var answers = default(AnswerService)!;
                await collection.UpsertAsync(new Doc { Text = await answers.AskAsync("q") });
                """ + Types };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.Libraries = TestLibraries.AiPackages | TestLibraries.Facades | TestLibraries.ExtensionsAI;
            await test.RunAsync();
        }

        [Fact]
        public async Task One_finding_per_handler_at_its_first_write_including_nested_lambdas_and_local_functions()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public class BatchController(IngestService service, AnswerService answers) : ControllerBase
                {
                    [HttpPost("batch")]
                    public async Task<IActionResult> Post(List<Doc> docs)
                    {
                        await Task.WhenAll(docs.ConvertAll(d => {|#0:service.AddAsync(d)|}));
                        await Local();
                        await service.AddAsync(docs[0]);
                        return Ok(await answers.AskAsync(docs[0].Text));

                        Task Local() => service.AddAsync(docs[0]);
                    }

                    [HttpPost("one")]
                    public async Task<IActionResult> One(Doc doc)
                    {
                        var answer = await answers.AskAsync(doc.Text);
                        await Remember();
                        return Ok(answer);

                        Task Remember() => {|#1:service.AddAsync(doc)|};
                    }
                }
                """ + Types,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("BatchController.Post", AddChain, Answering),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("BatchController.One", AddChain, Answering));
        }

        [Fact]
        public async Task Allowed_handlers_by_route_group_wildcard_and_documentation_id_are_silent()
        {
            var source = Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var admin = app.MapGroup("/admin");
                        admin.MapPost("/reindex", async (IngestService s, AnswerService a) => await s.AddAsync(new Doc { Text = await a.AskAsync("q") }));
                        app.MapGroup("/ops").MapPost("reset/", async (IngestService s, AnswerService a) => await s.AddAsync(new Doc { Text = await a.AskAsync("q") }));
                        app.MapPost("/documents", async (IngestService s, AnswerService a) => await {|#0:s.AddAsync(new Doc { Text = await a.AskAsync("q") })|});
                    }
                }

                [Route("api/[controller]")]
                public class MaintenanceController(IngestService service, AnswerService answers) : ControllerBase
                {
                    [HttpPost("rebuild")]
                    public async Task Rebuild() => await service.AddAsync(new Doc { Text = await answers.AskAsync("q") });

                    [HttpPost]
                    public async Task Seed() => await service.AddAsync(new Doc { Text = await answers.AskAsync("q") });

                    [HttpPost("other")]
                    public async Task Other() => await {|#1:service.AddAsync(new Doc { Text = await answers.AskAsync("q") })|};
                }
                """ + Types;
            var test = new Verify.Test { TestCode = source };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.RAG020.allowed_handlers = /admin/*, /OPS/reset, /api/Maintenance/rebuild, M:MaintenanceController.Seed"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/documents\")", AddChain, Answering));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("MaintenanceController.Other", AddChain, Answering));
            await test.RunAsync();
        }

        [Fact]
        public async Task User_added_index_write_apis_are_reported()
        {
            var test = new Verify.Test { TestCode = Usings + """
                namespace MyCorp.Rag
                {
                    public sealed class ChunkIndex { public Task PutAsync(string chunk) => Task.CompletedTask; }

                    public class ChunksController(ChunkIndex index, AnswerService answers) : ControllerBase
                    {
                        [HttpPost]
                        public async Task<string> Post(string chunk)
                        {
                            await {|#0:index.PutAsync(chunk)|};
                            return await answers.AskAsync(chunk);
                        }
                    }
                }
                """ + Types };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.index_write_apis = M:MyCorp.Rag.ChunkIndex.PutAsync(System.String)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("ChunksController.Post", "ChunkIndex.PutAsync", Answering));
            await test.RunAsync();
        }

        [Fact]
        public async Task Embeddings_key_lookups_record_deletes_and_a_delete_endpoint_s_search_do_not_make_an_ingestion_endpoint_a_risk()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", (string q, AnswerService answers) => answers.AskAsync(q));

                        // Embeds once and looks the record up by key: still an upload endpoint (RAG022).
                        app.MapPost("/documents", async (Doc doc, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection) =>
                        {
                            var vector = await embedder.GenerateVectorAsync(doc.Text);
                            var existing = await collection.GetAsync(doc.Id);
                            await collection.UpsertAsync(doc);
                        });

                        // Deletes one record, not the collection the /ask handler queries.
                        app.MapDelete("/documents/{id}", (string id, VectorStoreCollection<string, Doc> collection) => collection.DeleteAsync(id));

                        // A DELETE endpoint searches to find what to remove: that is no query path.
                        app.MapDelete("/conversations/{id}", async (string id, VectorStoreCollection<string, Doc> collection) =>
                        {
                            await foreach (var hit in collection.SearchAsync(id, top: 10))
                            {
                                await collection.DeleteAsync(hit.Record.Id);
                            }
                        });
                    }
                }
                """ + Types);
        }

        [Fact]
        public async Task Deleting_or_recreating_a_collection_while_another_handler_serves_queries_is_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public sealed class IndexAdmin(VectorStoreCollection<string, Doc> collection)
                {
                    public async Task ResetAsync()
                    {
                        await collection.EnsureCollectionExistsAsync();
                        await collection.EnsureCollectionDeletedAsync();
                        await collection.EnsureCollectionExistsAsync();
                    }
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", (string q, AnswerService answers) => answers.AskAsync(q));
                        app.MapPost("/reindex", async (VectorStore store, VectorStoreCollection<string, Doc> collection) =>
                        {
                            await collection.UpsertAsync(new Doc());
                            await {|#0:store.EnsureCollectionDeletedAsync("docs")|};
                            await collection.EnsureCollectionExistsAsync();
                        });
                    }
                }

                public class IndexController(IndexAdmin admin) : ControllerBase
                {
                    [HttpDelete("/index")]
                    public Task Reset() => {|#1:admin.ResetAsync()|};
                }
                """ + Types,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/reindex\")", "VectorStore.EnsureCollectionDeletedAsync", ", deleting or recreating a collection while request handler 'MapGet(\"/ask\")' serves queries"),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("IndexController.Reset", "IndexAdmin.ResetAsync → VectorStoreCollection.EnsureCollectionDeletedAsync", ", deleting or recreating a collection while request handler 'MapGet(\"/ask\")' serves queries"));
        }

        [Fact]
        public async Task Dropping_a_collection_in_a_service_that_serves_no_query_is_not_a_risk_here()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/documents/{id}", async (string id, VectorStoreCollection<string, Doc> c) => await c.GetAsync(id));
                        app.MapPost("/reindex", async (VectorStore store) => await store.EnsureCollectionDeletedAsync("docs"));
                    }
                }
                """ + Types);
        }

        [Fact]
        public async Task Ingestion_that_calls_the_model_for_every_item_inside_the_request_is_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.Linq;
                using System.Net.Http;
                using System.Threading.Tasks;

                public sealed class Crawler(HttpClient http, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection)
                {
                    public async Task CrawlAsync(string[] urls)
                    {
                        await collection.EnsureCollectionExistsAsync();
                        foreach (var url in urls)
                        {
                            var text = await http.GetStringAsync(url);
                            var vector = await embedder.GenerateVectorAsync(text);
                            await collection.UpsertAsync(new Doc { Id = url, Text = text });
                        }
                    }
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/documents", async (Doc doc, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection) =>
                        {
                            foreach (var chunk in doc.Text.Split("\n\n"))
                            {
                                var vector = await embedder.GenerateVectorAsync(chunk);
                                await {|#0:collection.UpsertAsync(new Doc { Id = doc.Id, Text = chunk })|};
                            }
                        });
                        app.MapPost("/batch", async (List<Doc> docs, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection) =>
                            await Parallel.ForEachAsync(docs, async (doc, ct) =>
                            {
                                var vector = await embedder.GenerateVectorAsync(doc.Text, cancellationToken: ct);
                                await {|#1:collection.UpsertAsync(doc, ct)|};
                            }));

                        // Embeds the whole batch in one call, then writes: no model call per item (RAG022).
                        app.MapPost("/embedded", async (List<Doc> docs, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection) =>
                        {
                            var vectors = await embedder.GenerateAsync(docs.Select(d => d.Text));
                            foreach (var doc in docs)
                            {
                                await collection.UpsertAsync(doc);
                            }
                        });
                    }
                }

                public class CrawlController(Crawler crawler) : ControllerBase
                {
                    [HttpPost("/crawl")]
                    public Task Post(string[] urls) => {|#2:crawler.CrawlAsync(urls)|};
                }
                """ + Types,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/documents\")", "VectorStoreCollection.UpsertAsync", " in a loop that calls 'IEmbeddingGenerator.GenerateVectorAsync' for every item"),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("MapPost(\"/batch\")", "VectorStoreCollection.UpsertAsync", " in a loop that calls 'IEmbeddingGenerator.GenerateVectorAsync' for every item"),
                Verify.Diagnostic("RAG020").WithLocation(2).WithArguments("CrawlController.Post", "Crawler.CrawlAsync → VectorStoreCollection.EnsureCollectionExistsAsync", " in a loop of 'Crawler.CrawlAsync' that calls 'IEmbeddingGenerator.GenerateVectorAsync' for every item"));
        }

        [Fact]
        public async Task Imports_through_the_Kernel_Memory_web_client_are_queued_by_the_service_unless_the_handler_waits_for_them()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.KernelMemory;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        // The service stores the upload and queues its pipeline: the /ask request does not ingest.
                        app.MapPost("/ask", async (string question, string note, MemoryWebClient memory) =>
                        {
                            await memory.ImportTextAsync(note);
                            return await memory.AskAsync(question);
                        });

                        app.MapPost("/upload-and-wait", async (string text, MemoryWebClient memory) =>
                        {
                            var id = await {|#0:memory.ImportTextAsync(text)|};
                            while (!await memory.IsDocumentReadyAsync(id))
                            {
                                await Task.Delay(1000);
                            }

                            return id;
                        });
                    }
                }
                """,
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/upload-and-wait\")", "MemoryWebClient.ImportTextAsync", ", then polls 'MemoryWebClient.IsDocumentReadyAsync' until ingestion completes"));
        }

        [Fact]
        public async Task Polling_the_ingestion_status_inside_the_request_is_reported()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.KernelMemory;

                public sealed class Uploads(IKernelMemory memory)
                {
                    public async Task<string> ImportAndWaitAsync(string text)
                    {
                        var id = await memory.ImportTextAsync(text);
                        while (!await memory.IsDocumentReadyAsync(id))
                        {
                            await Task.Delay(500);
                        }

                        return id;
                    }
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/upload", async (string text, IKernelMemory memory) =>
                        {
                            var id = await {|#0:memory.ImportTextAsync(text)|};
                            while (!await memory.IsDocumentReadyAsync(id))
                            {
                                await Task.Delay(1000);
                            }

                            return id;
                        });

                        // Checks once and answers: the client polls (RAG022).
                        app.MapPost("/upload-once", async (string text, IKernelMemory memory) =>
                        {
                            var id = await memory.ImportTextAsync(text);
                            return await memory.IsDocumentReadyAsync(id);
                        });

                        // Polls, but writes nothing: not an index write.
                        app.MapGet("/status/{id}", async (string id, IKernelMemory memory) =>
                        {
                            while (await memory.GetDocumentStatusAsync(id) is { Completed: false })
                            {
                                await Task.Delay(1000);
                            }
                        });
                    }
                }

                public class UploadsController(Uploads uploads) : ControllerBase
                {
                    [HttpPost("/uploads")]
                    public Task<string> Post(string text) => {|#1:uploads.ImportAndWaitAsync(text)|};
                }
                """ };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/upload\")", "IKernelMemory.ImportTextAsync", ", then polls 'IKernelMemory.IsDocumentReadyAsync' until ingestion completes"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("UploadsController.Post", "Uploads.ImportAndWaitAsync → IKernelMemory.ImportTextAsync", ", then polls 'IKernelMemory.IsDocumentReadyAsync' until ingestion completes"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_for_a_collection_drop_a_per_item_loop_or_polling()
        {
            var source = Usings + """
                using Microsoft.KernelMemory;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/ask", (string q, AnswerService answers) => answers.AskAsync(q));
                app.MapPost("/reset", async (VectorStore store) =>
                {
                    await {|#0:store.EnsureCollectionDeletedAsync("docs")|};
                });
                app.MapPost("/documents", async (Doc doc, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, Doc> collection) =>
                {
                    foreach (var chunk in doc.Text.Split(','))
                    {
                        await embedder.GenerateVectorAsync(chunk);
                        await {|#1:collection.UpsertAsync(doc)|};
                    }
                });
                app.MapPost("/upload", async (string text, IKernelMemory memory) =>
                {
                    await {|#2:memory.ImportTextAsync(text, "doc")|};
                    while (!await memory.IsDocumentReadyAsync("doc"))
                    {
                        await Task.Delay(1000);
                    }
                });
                app.Run();
                """ + Types;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapPost(\"/reset\")", "VectorStore.EnsureCollectionDeletedAsync", ", deleting or recreating a collection while request handler 'MapGet(\"/ask\")' serves queries"),
                Verify.Diagnostic("RAG020").WithLocation(1).WithArguments("MapPost(\"/documents\")", "VectorStoreCollection.UpsertAsync", " in a loop that calls 'IEmbeddingGenerator.GenerateVectorAsync' for every item"),
                Verify.Diagnostic("RAG020").WithLocation(2).WithArguments("MapPost(\"/upload\")", "IKernelMemory.ImportTextAsync", ", then polls 'IKernelMemory.IsDocumentReadyAsync' until ingestion completes"),
            });
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }

        // The types the fix appends beside CreateBuilder, written out so that a change to the template is a visible test
        // change. In a file that imports none of System's namespaces, every type name stays qualified.
        internal const string AppendedTypesQualified = """
            // Added by the RAG020 code fix: index writes leave the request path and run here, one at a time, in the background.

            /// <summary>Index writes queued by request handlers; <see cref="IngestionWorker"/> runs them in the background.</summary>
            public sealed class IngestionQueue
            {
                // Bounded: when ingestion falls behind, EnqueueAsync waits instead of letting memory grow without limit.
                private readonly System.Threading.Channels.Channel<System.Func<System.IServiceProvider, System.Threading.CancellationToken, System.Threading.Tasks.Task>> _channel =
                    System.Threading.Channels.Channel.CreateBounded<System.Func<System.IServiceProvider, System.Threading.CancellationToken, System.Threading.Tasks.Task>>(
                        new System.Threading.Channels.BoundedChannelOptions(1000) { FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });

                /// <summary>Queues <paramref name="work"/>; it runs later in its own DI scope, with <typeparamref name="TService"/> resolved from that scope.</summary>
                public System.Threading.Tasks.ValueTask EnqueueAsync<TService>(System.Func<TService, System.Threading.CancellationToken, System.Threading.Tasks.Task> work, System.Threading.CancellationToken cancellationToken = default)
                    where TService : notnull =>
                    _channel.Writer.WriteAsync((services, token) => work(services.GetRequiredService<TService>(), token), cancellationToken);

                internal System.Collections.Generic.IAsyncEnumerable<System.Func<System.IServiceProvider, System.Threading.CancellationToken, System.Threading.Tasks.Task>> ReadAllAsync(System.Threading.CancellationToken cancellationToken) =>
                    _channel.Reader.ReadAllAsync(cancellationToken);
            }

            /// <summary>Runs the queued index writes, each in a fresh DI scope; a failed write is logged and the next one runs.</summary>
            public sealed class IngestionWorker : Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly IngestionQueue _queue;
                private readonly IServiceScopeFactory _scopes;
                private readonly ILogger<IngestionWorker> _logger;

                public IngestionWorker(IngestionQueue queue, IServiceScopeFactory scopes, ILogger<IngestionWorker> logger)
                {
                    _queue = queue;
                    _scopes = scopes;
                    _logger = logger;
                }

                protected override async System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
                {
                    await foreach (var work in _queue.ReadAllAsync(stoppingToken))
                    {
                        try
                        {
                            await using var scope = _scopes.CreateAsyncScope();
                            await work(scope.ServiceProvider, stoppingToken);
                        }
                        catch (System.Exception exception) when (!stoppingToken.IsCancellationRequested)
                        {
                            _logger.LogError(exception, "A background index write failed.");
                        }
                    }
                }
            }

            public static class IngestionQueueServiceCollectionExtensions
            {
                /// <summary>Registers the <see cref="IngestionQueue"/> and the hosted <see cref="IngestionWorker"/> that drains it.</summary>
                public static IServiceCollection AddIngestionQueue(this IServiceCollection services)
                {
                    services.AddSingleton<IngestionQueue>();
                    services.AddHostedService<IngestionWorker>();
                    return services;
                }
            }
            """;

        // With the tests' usings in scope (System.Collections.Generic, System.Threading, System.Threading.Tasks, and the DI
        // and Logging namespaces), the simplifier drops those namespaces; System, Channels and Hosting stay qualified.
        internal static readonly string AppendedTypes = AppendedTypesQualified
            .Replace("System.Threading.Tasks.", "")
            .Replace("System.Threading.CancellationToken", "CancellationToken")
            .Replace("System.Collections.Generic.", "");

        /// <summary>The tests' usings with the one the fix adds for the worker's <c>LogError</c>.</summary>
        internal static readonly string UsingsWithLogging = Usings.Replace(
            "using Microsoft.Extensions.DependencyInjection;\n", "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Logging;\n");

        internal static string Indented(string text) => string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));

        [Fact]
        public async Task Fix_moves_the_write_of_a_handler_that_answers_to_the_queue()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/ask", async (string q, AnswerService answers, VectorStoreCollection<string, Doc> collection, CancellationToken cancellationToken) =>
                {
                    var answer = await answers.AskAsync(q, cancellationToken);

                    // Remember the question.
                    var asked = new Doc { Id = q, Text = answer };
                    await {|#0:collection.UpsertAsync(asked, cancellationToken)|};
                    return answer;
                });
                app.Run();
                """ + Types, FixedCode = UsingsWithLogging + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddIngestionQueue();
                var app = builder.Build();
                app.MapGet("/ask", async (string q, AnswerService answers, VectorStoreCollection<string, Doc> collection, CancellationToken cancellationToken, [FromServices] IngestionQueue ingestionQueue) =>
                {
                    var answer = await answers.AskAsync(q, cancellationToken);

                    // Remember the question.
                    var asked = new Doc { Id = q, Text = answer };
                    await ingestionQueue.EnqueueAsync<VectorStoreCollection<string, Doc>>(async (collection, cancellationToken) => await collection.UpsertAsync(asked, cancellationToken));
                    return answer;
                });
                app.Run();
                """ + Types + "\n" + AppendedTypes + "\n" };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("MapGet(\"/ask\")", "VectorStoreCollection.UpsertAsync", Answering));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_injects_the_queue_into_a_chat_controller_action()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                [ApiController]
                public class ChatController(IngestService ingest, AnswerService answers) : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<IActionResult> Post(Doc question, CancellationToken cancellationToken = default)
                    {
                        await {|#0:ingest.AddAsync(question, cancellationToken)|};
                        return Ok(await answers.AskAsync(question.Text, cancellationToken));
                    }
                }
                """ + Types, FixedCode = UsingsWithLogging + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddIngestionQueue();
                builder.Services.AddControllers();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                [ApiController]
                public class ChatController(IngestService ingest, AnswerService answers) : ControllerBase
                {
                    [HttpPost("/chat")]
                    public async Task<IActionResult> Post(Doc question, [FromServices] IngestionQueue ingestionQueue, CancellationToken cancellationToken = default)
                    {
                        await ingestionQueue.EnqueueAsync<IngestService>(async (ingest, cancellationToken) => await ingest.AddAsync(question, cancellationToken));
                        return Ok(await answers.AskAsync(question.Text, cancellationToken));
                    }
                }
                """ + Types + "\n" + AppendedTypes + "\n" };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG020").WithLocation(0).WithArguments("ChatController.Post", AddChain, Answering));
            await test.RunAsync();
        }

        [Fact]
        public async Task Code_being_typed_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public class BrokenController(AnswerService answers) : ControllerBase
                {
                    [HttpPost]
                    public async Task Post(VectorStoreCollection<string, Doc> c)
                    {
                        await answers.AskAsync({|CS0103:missing|});
                        await c.{|CS1501:UpsertAsync|}();
                        await {|CS0103:missing|}.UpsertAsync(new Doc());
                        await c.UpsertAsync({|CS0103:undefinedDoc|});
                        while (await c.{|CS1061:IsReadyAsync|}())
                        {
                            await Task.Delay(1);
                        }
                    }
                }
                """ + Types);
        }
    }
}
