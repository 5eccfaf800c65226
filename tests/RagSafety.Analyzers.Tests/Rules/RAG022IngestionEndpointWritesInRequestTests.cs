using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG022IngestionEndpointWritesInRequestAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG022IngestionEndpointWritesInRequestFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    /// <summary>
    /// RAG022 reports, as information, a request handler whose purpose is the write (upload, import, reindex): it
    /// serves no query, drops no collection other handlers query, and neither calls the model per item nor polls. The
    /// handlers where the write is a risk are RAG020's and silent here. The fix is RAG020's move to a background queue.
    /// </summary>
    public class RAG022IngestionEndpointWritesInRequestTests
    {
        private const string Usings = RAG020IndexWriteOnRequestPathTests.Usings;
        private const string Types = RAG020IndexWriteOnRequestPathTests.Types;
        private const string AppendedTypesQualified = RAG020IndexWriteOnRequestPathTests.AppendedTypesQualified;
        private const string AddChain = "IngestService.AddAsync → VectorStoreCollection.UpsertAsync";
        private static readonly string AppendedTypes = RAG020IndexWriteOnRequestPathTests.AppendedTypes;
        private static readonly string UsingsWithLogging = RAG020IndexWriteOnRequestPathTests.UsingsWithLogging;

        private static string Indented(string text) => RAG020IndexWriteOnRequestPathTests.Indented(text);

        [Fact]
        public async Task Upload_and_import_endpoints_are_reported_as_information_once_per_handler()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public interface IIngest { Task AddAsync(Doc doc); }

                public sealed class Ingest : IIngest
                {
                    private readonly IngestService _service;
                    public Ingest(IngestService service) => _service = service;
                    public Task AddAsync(Doc doc) => _service.AddAsync(doc);
                }

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/documents", async (Doc doc, VectorStoreCollection<string, Doc> collection) =>
                        {
                            await {|#0:collection.EnsureCollectionExistsAsync()|};
                            await collection.UpsertAsync(doc);
                            return Results.Accepted();
                        });
                    }
                }

                [ApiController]
                [Route("api/[controller]")]
                public class DocumentsController : ControllerBase
                {
                    private readonly IIngest _ingest;
                    private readonly IngestService _service;
                    public DocumentsController(IIngest ingest, IngestService service) { _ingest = ingest; _service = service; }

                    [HttpPost]
                    public async Task<IActionResult> Post(List<Doc> docs)
                    {
                        foreach (var doc in docs)
                        {
                            await {|#1:_ingest.AddAsync(doc)|};
                        }

                        await _service.AddAsync(docs[0]);
                        return Accepted(await _service.CountAsync());
                    }

                    [HttpPut]
                    public Task Put(Doc doc) => {|#2:_service.AddAsync(doc)|};
                }
                """ + Types,
                Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents\")", "VectorStoreCollection.EnsureCollectionExistsAsync").WithSeverity(DiagnosticSeverity.Info),
                Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("DocumentsController.Post", "IIngest.AddAsync → Ingest.AddAsync → " + AddChain),
                Verify.Diagnostic("RAG022").WithLocation(2).WithArguments("DocumentsController.Put", AddChain));
        }

        [Fact]
        public async Task Delete_endpoints_remove_what_the_user_asked_to_remove_and_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapDelete("/documents/{id}", (string id, VectorStoreCollection<string, Doc> collection) => collection.DeleteAsync(id));
                    }
                }

                [ApiController]
                [Route("api/[controller]")]
                public class DocumentsController : ControllerBase
                {
                    // Searches only to find what to delete.
                    [HttpDelete("{topic}")]
                    public async Task Delete(string topic, [FromServices] VectorStoreCollection<string, Doc> collection)
                    {
                        await foreach (var hit in collection.SearchAsync(topic, top: 10))
                        {
                            await collection.DeleteAsync(hit.Record.Id);
                        }
                    }
                }
                """ + Types);
        }

        [Fact]
        public async Task Imports_through_the_Kernel_Memory_web_client_are_queued_by_the_service_and_not_reported()
        {
            await Verify.VerifyAnalyzerAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.KernelMemory;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/documents/text", async (string text, MemoryWebClient memory) => Results.Ok(await memory.ImportTextAsync(text)));
                        app.MapPost("/documents/page", (string url, MemoryWebClient memory) => memory.ImportWebPageAsync(url));
                        // The same import through the interface may run the pipeline in this process (MemoryServerless).
                        app.MapPost("/documents/any", (string text, IKernelMemory memory) => {|#0:memory.ImportTextAsync(text)|});
                    }
                }
                """,
                Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents/any\")", "IKernelMemory.ImportTextAsync"));
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
                    public async Task OnPostAsync(string text) => await {|#0:_memory.ImportTextAsync(text)|};
                }

                public class NotesHub : Hub
                {
                    private readonly ISemanticTextMemory _memory;
                    public NotesHub(ISemanticTextMemory memory) => _memory = memory;
                    public Task Remember(string text) => {|#1:_memory.SaveInformationAsync("notes", text, "id")|};
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

                    // No handler of this service answers queries: dropping the collection is an ingestion decision.
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
                        await _pinecone.DeleteAsync(new Pinecone.DeleteRequest { DeleteAll = true });
                        return new OkResult();
                    }
                }
                """,
                Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("UploadModel.OnPostAsync", "IKernelMemory.ImportTextAsync"),
                Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("NotesHub.Remember", "ISemanticTextMemory.SaveInformationAsync"),
                Verify.Diagnostic("RAG022").WithLocation(2).WithArguments("IndexerService.Put", "QdrantClient.DeleteCollectionAsync"),
                Verify.Diagnostic("RAG022").WithLocation(3).WithArguments("Functions.Upload", "SearchClient.UploadDocumentsAsync"));
        }

        [Fact]
        public async Task Handlers_where_the_write_is_a_risk_are_left_to_RAG020()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Microsoft.KernelMemory;

                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/ask", async (string q, AnswerService answers, IngestService ingest) =>
                        {
                            await ingest.AddAsync(new Doc { Id = q });
                            return await answers.AskAsync(q);
                        });
                        app.MapPost("/reset", (VectorStore store) => store.EnsureCollectionDeletedAsync("docs"));
                        app.MapPost("/chunks", async (string[] chunks, IEmbeddingGenerator<string, Embedding<float>> embedder, IngestService ingest) =>
                        {
                            foreach (var chunk in chunks)
                            {
                                await embedder.GenerateVectorAsync(chunk);
                                await ingest.AddAsync(new Doc { Text = chunk });
                            }
                        });
                        app.MapPost("/upload", async (string text, IKernelMemory memory) =>
                        {
                            var id = await memory.ImportTextAsync(text);
                            do
                            {
                                await Task.Delay(1000);
                            }
                            while (await memory.GetDocumentStatusAsync(id) is { Completed: false });
                        });
                    }
                }
                """ + Types);
        }

        [Fact]
        public async Task Start_up_code_hosted_services_and_work_already_queued_are_not_reported()
        {
            var test = new Verify.Test { TestCode = Usings + """
                using Microsoft.Extensions.Hosting;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                await app.Services.GetRequiredService<VectorStoreCollection<string, Doc>>().EnsureCollectionExistsAsync();
                app.MapPost("/documents", async (Doc doc, IngestionQueue queue) =>
                {
                    await queue.EnqueueAsync<IngestService>((ingest, ct) => ingest.AddAsync(doc, ct));
                    return nameof(IngestService.AddAsync);
                });
                app.Run();

                public sealed class IngestionQueue
                {
                    public ValueTask EnqueueAsync<T>(System.Func<T, CancellationToken, Task> work) => default;
                }

                public sealed class IngestionWorker(IngestService service) : BackgroundService
                {
                    protected override Task ExecuteAsync(CancellationToken stoppingToken) => service.AddAsync(new Doc(), stoppingToken);
                }
                """ + Types };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Handlers_allowed_for_RAG020_are_silent_here_too()
        {
            var test = new Verify.Test { TestCode = Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGroup("/admin").MapPost("/reindex", (IngestService s) => s.AddAsync(new Doc()));
                        app.MapPost("/documents", (IngestService s) => {|#0:s.AddAsync(new Doc())|});
                    }
                }

                public class MaintenanceController(IngestService service) : ControllerBase
                {
                    [HttpPost("/seed")]
                    public Task Seed() => service.AddAsync(new Doc());
                }
                """ + Types };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.RAG020.allowed_handlers = /admin/*, M:MaintenanceController.Seed"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents\")", AddChain));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_moves_minimal_api_writes_to_a_queue_added_once_and_registered_after_CreateBuilder()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<IngestService>();
                var app = builder.Build();
                app.MapPost("/documents", async (Doc doc, VectorStoreCollection<string, Doc> collection, CancellationToken cancellationToken) =>
                {
                    // Store it.
                    await {|#0:collection.UpsertAsync(doc, cancellationToken)|};
                    return Results.Accepted();
                });
                app.MapPost("/documents/batch", async (List<Doc> docs, IngestService ingest) =>
                {
                    foreach (var doc in docs)
                    {
                        await {|#1:ingest.AddAsync(doc)|}.ConfigureAwait(false);
                    }

                    return Results.Accepted();
                });
                app.MapDelete("/documents/{id}", async (string id, VectorStoreCollection<string, Doc> collection) => await collection.DeleteAsync(id));
                app.Run();
                """ + Types, FixedCode = UsingsWithLogging + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddIngestionQueue();
                builder.Services.AddSingleton<IngestService>();
                var app = builder.Build();
                app.MapPost("/documents", async (Doc doc, VectorStoreCollection<string, Doc> collection, CancellationToken cancellationToken, [FromServices] IngestionQueue ingestionQueue) =>
                {
                    // Store it.
                    await ingestionQueue.EnqueueAsync<VectorStoreCollection<string, Doc>>(async (collection, cancellationToken) => await collection.UpsertAsync(doc, cancellationToken));
                    return Results.Accepted();
                });
                app.MapPost("/documents/batch", async (List<Doc> docs, IngestService ingest, [FromServices] IngestionQueue ingestionQueue) =>
                {
                    foreach (var doc in docs)
                    {
                        await ingestionQueue.EnqueueAsync<IngestService>(async (ingest, cancellationToken) => await ingest.AddAsync(doc).ConfigureAwait(false));
                    }

                    return Results.Accepted();
                });
                app.MapDelete("/documents/{id}", async (string id, VectorStoreCollection<string, Doc> collection) => await collection.DeleteAsync(id));
                app.Run();
                """ + Types + "\n" + AppendedTypes + "\n" };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents\")", "VectorStoreCollection.UpsertAsync"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("MapPost(\"/documents/batch\")", "IngestService.AddAsync → VectorStoreCollection.UpsertAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_injects_the_queue_into_controller_actions_and_imports_its_namespace()
        {
            var test = new Verify.Test { TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                namespace MyApp.Controllers;

                [ApiController]
                [Route("api/documents")]
                public class DocumentsController : ControllerBase
                {
                    private readonly MyApp.IngestService _ingest;

                    public DocumentsController(MyApp.IngestService ingest) => _ingest = ingest;

                    [HttpPost]
                    public async Task<IActionResult> Post(MyApp.Doc doc, CancellationToken cancellationToken = default)
                    {
                        await {|#0:this._ingest.AddAsync(doc, cancellationToken)|};
                        return Accepted();
                    }
                }
                """, FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                namespace MyApp.Controllers;

                [ApiController]
                [Route("api/documents")]
                public class DocumentsController : ControllerBase
                {
                    private readonly MyApp.IngestService _ingest;

                    public DocumentsController(MyApp.IngestService ingest) => _ingest = ingest;

                    [HttpPost]
                    public async Task<IActionResult> Post(MyApp.Doc doc, [FromServices] IngestionQueue ingestionQueue, CancellationToken cancellationToken = default)
                    {
                        await ingestionQueue.EnqueueAsync<IngestService>(async (_ingest, cancellationToken) => await _ingest.AddAsync(doc, cancellationToken));
                        return Accepted();
                    }
                }
                """ };
            var program = """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                namespace MyApp
                {
                    public static class Program
                    {
                        public static void Main(string[] args)
                        {
                            var builder = WebApplication.CreateBuilder(args);
                            builder.Services.AddControllers();
                            var app = builder.Build();
                            app.MapControllers();
                            app.Run();
                        }
                    }
                }

                """;
            test.TestState.Sources.Add(program + "namespace MyApp\n{\n" + Usings + Types + "\n}\n");
            test.FixedState.Sources.Add(program
                .Replace("using Microsoft.Extensions.DependencyInjection;\n", "using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Logging;\n")
                .Replace("var builder = WebApplication.CreateBuilder(args);\n", "var builder = WebApplication.CreateBuilder(args);\n            builder.Services.AddIngestionQueue();\n")
                .Replace("        }\n    }\n}\n", "        }\n    }\n\n" + Indented(AppendedTypesQualified) + "\n}\n") + "namespace MyApp\n{\n" + Usings + Types + "\n}\n");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("DocumentsController.Post", "IngestService.AddAsync → VectorStoreCollection.UpsertAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_where_the_work_would_capture_request_objects_services_or_unstable_values()
        {
            var source = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapPost("/a", async (HttpRequest request, VectorStoreCollection<string, Doc> c) =>
                {
                    await {|#0:c.UpsertAsync(new Doc { Id = request.Path })|};
                });
                app.MapPost("/b", async (VectorStore store) =>
                {
                    var c = store.GetCollection<string, Doc>("docs");
                    await {|#1:c.UpsertAsync(new Doc())|};
                });
                app.MapPost("/c", async (List<Doc> docs, VectorStoreCollection<string, Doc> c) =>
                {
                    for (var i = 0; i < docs.Count; i++)
                    {
                        await {|#2:c.UpsertAsync(docs[i])|};
                    }
                });
                app.MapPost("/d", async (string id, VectorStoreCollection<string, Doc> c) =>
                {
                    var done = {|#3:c.DeleteAsync(id)|};
                    await done;
                });
                app.MapPost("/e", (string id, VectorStoreCollection<string, Doc> c) => {|#4:c.DeleteAsync(id)|});
                app.MapPost("/g", async (Doc doc, IngestService ingest, VectorStoreCollection<string, Doc> c) =>
                {
                    await {|#7:ingest.AddAsync(await Enrich(doc, c))|};
                });
                app.Run();

                static Task<Doc> Enrich(Doc doc, VectorStoreCollection<string, Doc> c) => Task.FromResult(doc);

                public class NotesHub(IngestService ingest) : Microsoft.AspNetCore.SignalR.Hub
                {
                    public async Task Remember(Doc doc) => await {|#8:ingest.AddAsync(doc)|};
                }

                public class AdminController(IngestService ingest) : ControllerBase
                {
                    [HttpPost("/admin/seed")]
                    public async Task Seed(Doc doc) => await {|#9:ingest.AddAsync(doc)|};

                    [HttpPost("/admin/seed-twice")]
                    public async Task SeedTwice(Doc doc) { await Seed(doc); await Seed(doc); }
                }
                """ + Types;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            var write = "VectorStoreCollection.UpsertAsync";
            var chain = "IngestService.AddAsync → VectorStoreCollection.UpsertAsync";
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/a\")", write),
                Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("MapPost(\"/b\")", write),
                Verify.Diagnostic("RAG022").WithLocation(2).WithArguments("MapPost(\"/c\")", write),
                Verify.Diagnostic("RAG022").WithLocation(3).WithArguments("MapPost(\"/d\")", "VectorStoreCollection.DeleteAsync"),
                Verify.Diagnostic("RAG022").WithLocation(4).WithArguments("MapPost(\"/e\")", "VectorStoreCollection.DeleteAsync"),
                Verify.Diagnostic("RAG022").WithLocation(7).WithArguments("MapPost(\"/g\")", chain),
                Verify.Diagnostic("RAG022").WithLocation(8).WithArguments("NotesHub.Remember", chain),
                Verify.Diagnostic("RAG022").WithLocation(9).WithArguments("AdminController.Seed", chain),
                Verify.Diagnostic("RAG022").WithSpan(53, 50, 53, 59).WithArguments("AdminController.SeedTwice", "AdminController.Seed → IngestService.AddAsync → VectorStoreCollection.UpsertAsync"),
            });
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_in_a_razor_page_with_a_primary_constructor_but_not_for_members_the_class_creates_itself()
        {
            var test = new Verify.Test { TestCode = Usings + """
                using Microsoft.AspNetCore.Mvc.RazorPages;

                public class UploadModel(IngestService ingest) : PageModel
                {
                    public async Task<IActionResult> OnPostAsync(Doc doc)
                    {
                        await {|#0:ingest.AddAsync(doc)|};
                        return RedirectToPage();
                    }
                }

                public class LocalIndexController : ControllerBase
                {
                    private readonly IngestService _own;

                    public LocalIndexController(VectorStoreCollection<string, Doc> collection) => _own = new IngestService(collection);

                    [HttpPost("/local")]
                    public async Task Post(Doc doc) => await {|#1:_own.AddAsync(doc)|};
                }
                """ + Types, FixedCode = Usings + """
                using Microsoft.AspNetCore.Mvc.RazorPages;

                public class UploadModel(IngestService ingest) : PageModel
                {
                    public async Task<IActionResult> OnPostAsync(Doc doc, [FromServices] IngestionQueue ingestionQueue)
                    {
                        await ingestionQueue.EnqueueAsync<IngestService>(async (ingest, cancellationToken) => await ingest.AddAsync(doc));
                        return RedirectToPage();
                    }
                }

                public class LocalIndexController : ControllerBase
                {
                    private readonly IngestService _own;

                    public LocalIndexController(VectorStoreCollection<string, Doc> collection) => _own = new IngestService(collection);

                    [HttpPost("/local")]
                    public async Task Post(Doc doc) => await {|#1:_own.AddAsync(doc)|};
                }
                """ + Types };
            var program = """
                var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder(args);
                var app = builder.Build();
                app.Run();

                """;
            test.TestState.Sources.Add(program);
            test.FixedState.Sources.Add("using Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Logging;\n\n"
                + program.Replace("var app", "builder.Services.AddIngestionQueue();\nvar app") + "\n" + AppendedTypesQualified + "\n");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            var chain = "IngestService.AddAsync → VectorStoreCollection.UpsertAsync";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("UploadModel.OnPostAsync", chain));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("LocalIndexController.Post", chain));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(1).WithArguments("LocalIndexController.Post", chain));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_in_a_partial_controller_capturing_records_arrays_and_a_stable_local()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                public sealed record Upload(string Id, string[] Tags);

                public partial class UploadsController
                {
                    private IngestService Ingest { get; }

                    public UploadsController(IngestService ingest) => Ingest = ingest;
                }

                public partial class UploadsController : ControllerBase
                {
                    [HttpPost("/uploads")]
                    public async Task<IActionResult> Post(Upload upload)
                    {
                        var doc = new Doc { Id = upload.Id, Text = string.Join(",", upload.Tags) };
                        await {|#0:Ingest.AddAsync(doc, HttpContext.RequestAborted)|};
                        return Accepted();
                    }
                }
                """ + Types, FixedCode = UsingsWithLogging + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddIngestionQueue();
                var app = builder.Build();
                app.MapControllers();
                app.Run();

                public sealed record Upload(string Id, string[] Tags);

                public partial class UploadsController
                {
                    private IngestService Ingest { get; }

                    public UploadsController(IngestService ingest) => Ingest = ingest;
                }

                public partial class UploadsController : ControllerBase
                {
                    [HttpPost("/uploads")]
                    public async Task<IActionResult> Post(Upload upload, [FromServices] IngestionQueue ingestionQueue)
                    {
                        var doc = new Doc { Id = upload.Id, Text = string.Join(",", upload.Tags) };
                        await ingestionQueue.EnqueueAsync<IngestService>(async (Ingest, cancellationToken) => await Ingest.AddAsync(doc, cancellationToken));
                        return Accepted();
                    }
                }
                """ + Types + "\n" + AppendedTypes + "\n" };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("UploadsController.Post", "IngestService.AddAsync → VectorStoreCollection.UpsertAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Fix_appends_the_queue_to_a_file_scoped_namespace_and_adds_only_the_missing_using_in_order()
        {
            var handler = Usings + """
                namespace MyApp.Endpoints
                {
                    public static class DocumentEndpoints
                    {
                        public static void Map(WebApplication app) =>
                            app.MapPost("/documents", async (Doc doc, IngestService ingest) => await {|#0:ingest.AddAsync(doc)|});
                    }
                }
                """ + "\nnamespace MyApp.Endpoints\n{\n" + Types + "\n}\n";
            var program = """
                // Copyright header stays first.
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.Logging;
                using MyApp.Endpoints;

                namespace MyApp.Host;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        builder.Logging.AddConsole();
                        var app = builder.Build();
                        DocumentEndpoints.Map(app);
                        app.Run();
                    }
                }

                """;
            var test = new Verify.Test { TestCode = handler, FixedCode = handler
                .Replace("(Doc doc, IngestService ingest) => await {|#0:ingest.AddAsync(doc)|}", "(Doc doc, IngestService ingest, [FromServices] Host.IngestionQueue ingestionQueue) => await ingestionQueue.EnqueueAsync<IngestService>(async (ingest, cancellationToken) => await ingest.AddAsync(doc))") };
            test.TestState.Sources.Add(program);
            test.FixedState.Sources.Add(program
                .Replace("using Microsoft.AspNetCore.Builder;\n", "using Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\n")
                .Replace("var builder = WebApplication.CreateBuilder(args);\n", "var builder = WebApplication.CreateBuilder(args);\n        builder.Services.AddIngestionQueue();\n")
                + "\n" + AppendedTypesQualified + "\n");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG022").WithLocation(0).WithArguments("MapPost(\"/documents\")", "IngestService.AddAsync → VectorStoreCollection.UpsertAsync"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_when_the_app_already_has_a_type_named_like_the_added_ones()
        {
            var source = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapPost("/documents", async (Doc doc, IngestService ingest) => await [|ingest.AddAsync(doc)|]);
                app.Run();

                public sealed class IngestionWorker { }
                """ + Types;
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task No_fix_without_a_WebApplication_builder_to_register_the_queue()
        {
            var source = Usings + """
                public class DocsController(IngestService ingest) : ControllerBase
                {
                    [HttpPost]
                    public async Task Post(Doc doc) => await [|ingest.AddAsync(doc)|];
                }
                """ + Types;
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task Code_being_typed_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public class BrokenController : ControllerBase
                {
                    [HttpPost]
                    public async Task Post(VectorStoreCollection<string, Doc> c)
                    {
                        await c.{|CS1501:UpsertAsync|}();
                        await {|CS0103:missing|}.UpsertAsync(new Doc());
                        await c.UpsertAsync({|CS0103:undefinedDoc|});
                    }
                }
                """ + Types);
        }
    }
}
