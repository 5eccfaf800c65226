using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using RagSample.Unsafe;

// The same RAG service as samples/RagSample, written the way that works for one user and fails for fifty.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5081");
}

builder.Services.AddSingleton<IChatClient>(_ => RagEngine.Chat);
builder.Services.AddSingleton<AnswerService>(); // RAG001
builder.Services.AddSingleton(new List<ChatMessage>()); // RAG001
builder.Services.AddSingleton<SupportAgent>(); // RAG001

// The model's HttpClient retries (the standard resilience handler), and the SDK client built on it retries again; the
// handler's default timeouts (10 s per attempt, 30 s in all) cancel any answer that takes longer to generate.
builder.Services.AddHttpClient("model").AddStandardResilienceHandler();
builder.Services.AddSingleton(sp => new OpenAIClient(ModelCalls.Credential, new OpenAIClientOptions
{
    Endpoint = ModelCalls.Endpoint,
    NetworkTimeout = TimeSpan.FromMinutes(2),
    Transport = new HttpClientPipelineTransport(sp.GetRequiredService<IHttpClientFactory>().CreateClient("model")), // RAG030 RAG042
}));
var app = builder.Build();

// Ingests the documents before serving, one embedding call per chunk.
await RagEngine.LoadAsync(Path.Combine(AppContext.BaseDirectory, "data"));

app.MapGet("/health", () => Results.Ok(new { chunks = RagEngine.Index.Count }));

// Blocks a thread-pool thread for the whole retrieval and generation, and writes the index on the way.
app.MapGet("/ask", (string q) => RagEngine.AskAsync(q).Result); // RAG010 RAG020 RAG050

// Blocks a thread-pool thread for the whole generation; one conversation shared by every caller.
app.MapGet("/chat", (IChatClient chat, List<ChatMessage> history, string q) =>
{
    history.Add(new ChatMessage(ChatRole.User, q));
    var response = chat.GetResponseAsync(history).Result; // RAG010 RAG050
    history.AddMessages(response);
    return response.Text;
});

// Blocks on the app's own method, which reaches the model.
app.MapGet("/answer", (AnswerService answers, string q) => answers.AnswerAsync(q).GetAwaiter().GetResult()); // RAG010 RAG050

// Blocks a thread-pool thread for a whole agent run, in the one session every caller shares.
app.MapGet("/support", (SupportAgent support, string q) => support.AskAsync(q).Result); // RAG010 RAG050

// A completion straight from the SDK client over the retrying HttpClient (needs a model endpoint).
app.MapGet("/complete", async (OpenAIClient openAI, string q, CancellationToken cancellationToken) =>
{
    var completion = await openAI.GetChatClient(ModelCalls.Model).CompleteChatAsync([new OpenAI.Chat.UserChatMessage(q)], cancellationToken: cancellationToken);
    return string.Concat(completion.Value.Content.Select(part => part.Text));
});

// Writes the live index inside the request, and never waits for the writes.
app.MapPost("/documents", (DocumentUpload upload) =>
{
    var ordinal = 0;
    foreach (var text in RagEngine.Split(upload.Text))
    {
        var vector = RagEngine.Embedder.GenerateVectorAsync(text).Result; // RAG010 RAG041 RAG050
        RagEngine.Index.UpsertAsync(new Chunk($"{upload.Id}#{ordinal++}", upload.Id, text, vector.ToArray())); // RAG020 RAG021 RAG050
    }

    return Results.Ok(new { id = upload.Id, chunks = RagEngine.Index.Count });
});

// A local Ollama server and an Azure AI Inference endpoint, reached unsafely.
LocalModels.Map(app);

app.Run();

/// <summary>The body of <c>POST /documents</c>.</summary>
public sealed record DocumentUpload(string Id, string Text);
