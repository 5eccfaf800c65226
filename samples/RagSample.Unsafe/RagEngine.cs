using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagSample.Unsafe;

/// <summary>One static engine for the whole process: the index, the model clients, the kernel and the conversation.</summary>
public static class RagEngine
{
    public const int TopK = 4;

    /// <summary>Every question and answer of every user, in one chat history that each request appends to and sends.</summary>
    public static readonly ChatHistory Conversation = new("You answer questions about Tidewater."); // RAG001

    /// <summary>Shared request options, changed by every summary before it calls the model.</summary>
    public static readonly ChatOptions Options = new() { Temperature = 0.1f, MaxOutputTokens = 400 }; // RAG003

    /// <summary>Shared execution settings, changed by every request before it calls the model.</summary>
    public static readonly PromptExecutionSettings AnswerSettings = new() // RAG003
    {
        ExtensionData = new Dictionary<string, object> { ["temperature"] = 0.1, ["max_tokens"] = 400 },
    };

    public static readonly ChunkCollection Index = new();

    public static readonly IChatClient Chat = ModelCalls.CreateChatClient();

    public static readonly IEmbeddingGenerator<string, Embedding<float>> Embedder = ModelCalls.CreateEmbedder();

    /// <summary>One kernel for the whole process, over the chat client; every request changes it.</summary>
    public static readonly Kernel Kernel = CreateKernel();

    public static async Task LoadAsync(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in Directory.GetFiles(directory, "*.md"))
        {
            var documentId = Path.GetFileNameWithoutExtension(path);
            var ordinal = 0;
            foreach (var text in Split(File.ReadAllText(path)))
            {
                var vector = await Embedder.GenerateVectorAsync(text); // RAG041
                await Index.UpsertAsync(new Chunk($"{documentId}#{ordinal++}", documentId, text, vector.ToArray()));
            }
        }
    }

    public static async Task<string> AskAsync(string question)
    {
        var query = Embedder.GenerateVectorAsync(question).Result.ToArray(); // RAG010

        // Hands the query to the search plugin through the shared kernel, where a concurrent request may replace it,
        // and adds the plugin on first use, which two first requests may both try.
        Kernel.Data[SearchPlugin.QueryKey] = query; // RAG002
        if (!Kernel.Plugins.Contains(SearchPlugin.Name))
        {
            Kernel.Plugins.AddFromType<SearchPlugin>(SearchPlugin.Name); // RAG002
        }

        var hits = await Kernel.InvokeAsync<List<Chunk>>(SearchPlugin.Name, "search") ?? [];

        // "Remembers" the question in the index: a write on the query path.
        await Index.UpsertAsync(new Chunk("asked#" + question, "asked", question, query));

        // One model call per retrieved chunk, all at once, for every request.
        var notes = await Task.WhenAll(hits.Select(hit => ModelCalls.SummarizeAsync(hit.Text, question))); // RAG040

        // Room for a sentence per note, set on the settings every request shares.
        AnswerSettings.ExtensionData!["max_tokens"] = 100 * (notes.Length + 1);
        Conversation.AddSystemMessage("Answer from these notes:\n" + string.Join("\n", notes));
        Conversation.AddUserMessage(question);
        var chat = Kernel.GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync(Conversation, AnswerSettings, Kernel);
        Conversation.Add(reply);
        return reply.Content ?? string.Empty;
    }

    public static IEnumerable<string> Split(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Kernel CreateKernel()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Chat.AsChatCompletionService());
        return builder.Build();
    }
}
