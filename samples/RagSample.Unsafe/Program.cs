using Microsoft.Extensions.AI;
using RagSample.Unsafe;

// A RAG endpoint written the way that works for one user and fails for fifty.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<IChatClient, ExtractiveChatClient>();
builder.Services.AddSingleton<AnswerService>();
var app = builder.Build();

// Blocks a thread-pool thread for the whole generation.
app.MapGet("/ask", (IChatClient chat, string q) => chat.GetResponseAsync(q).Result.Text); // RAG010

// Blocks on the app's own method, which reaches the model.
app.MapGet("/answer", (AnswerService answers, string q) => answers.AnswerAsync(q).GetAwaiter().GetResult()); // RAG010

app.Run();
