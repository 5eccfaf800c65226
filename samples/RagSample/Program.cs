using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using RagSample;
using RagSample.Ai;
using RagSample.Answering;
using RagSample.Indexing;
using RagSample.Ingestion;

// The RAG service written so that it holds under load: a read-only, async query path; ingestion in the background.
var builder = WebApplication.CreateBuilder(args);

// ASPNETCORE_URLS or --urls decide where it listens; by default only this machine can reach it.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var settings = builder.Configuration.GetSection("Rag").Get<RagSettings>() ?? new RagSettings();
builder.Services.AddSingleton(settings);
builder.Services.AddModelClients(ModelEndpoint.FromEnvironment(), settings);

// The index: one VectorData collection, searched by requests and written by the ingestion service only.
builder.Services.AddSingleton(_ => new SnapshotChunkCollection("tidewater-chunks"));
builder.Services.AddSingleton<VectorStoreCollection<string, DocumentChunk>>(sp => sp.GetRequiredService<SnapshotChunkCollection>());
builder.Services.AddSingleton<IngestionQueue>();
builder.Services.AddSingleton<IngestionService>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<IngestionService>());

// Semantic Kernel. The chat client is bridged to SK's IChatCompletionService and the search plugin is built once; both
// are shared, stateless singletons. AddKernel() registers the Kernel itself as transient, so every AskService (scoped:
// one per request) gets a kernel of its own, and nothing one request does to its kernel reaches another.
builder.Services.AddSingleton(sp => sp.GetRequiredService<IChatClient>().AsChatCompletionService(sp));
builder.Services.AddSingleton(sp => KernelPluginFactory.CreateFromType<DocumentSearchPlugin>(DocumentSearchPlugin.PluginName, sp));
builder.Services.AddKernel();
builder.Services.AddScoped<AskService>();

var app = builder.Build();

app.MapGet("/", () => Results.Text("RagSample: GET /ask?q=..., POST /documents {\"id\",\"text\"}, GET /health\n"));

app.MapGet("/health", (IngestionService ingestion, SnapshotChunkCollection chunks) =>
{
    var snapshot = chunks.Current;
    var body = new { ready = ingestion.IsReady, documents = snapshot.DocumentCount, chunks = snapshot.Chunks.Length, version = snapshot.Version };
    return ingestion.IsReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
});

app.MapGet("/ask", async (string? q, AskService ask, CancellationToken cancellationToken) =>
    string.IsNullOrWhiteSpace(q)
        ? Results.BadRequest(new { error = "Pass a question: /ask?q=..." })
        : Results.Ok(await ask.AskAsync(q, cancellationToken)));

// Enqueues and answers 202 at once; the ingestion service publishes the document in a later snapshot.
app.MapPost("/documents", (DocumentUpload upload, IngestionQueue queue) =>
{
    if (string.IsNullOrWhiteSpace(upload.Id) || string.IsNullOrWhiteSpace(upload.Text))
    {
        return Results.BadRequest(new { error = "Both \"id\" and \"text\" are required." });
    }

    var document = new SourceDocument(upload.Id, IngestionService.TitleOf(upload.Text, upload.Id), upload.Text);
    return queue.TryEnqueue(document)
        ? Results.Accepted(value: new { id = upload.Id, status = "queued" })
        : Results.Problem("The ingestion queue is full; retry later.", statusCode: StatusCodes.Status503ServiceUnavailable);
});

app.Run();

/// <summary>The body of <c>POST /documents</c>.</summary>
public sealed record DocumentUpload(string? Id, string? Text);
