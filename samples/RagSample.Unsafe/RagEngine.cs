using Microsoft.Extensions.AI;

namespace RagSample.Unsafe;

/// <summary>One static engine for the whole process: the index, the model clients and the conversation.</summary>
public static class RagEngine
{
    private const int TopK = 4;

    /// <summary>Every question and answer of every user, appended and read by every request.</summary>
    public static readonly List<ChatMessage> History = []; // RAG001

    /// <summary>Shared request options, changed by every request before it calls the model.</summary>
    public static readonly ChatOptions Options = new() { Temperature = 0.1f, MaxOutputTokens = 400 }; // RAG003

    public static readonly VectorIndex Index = new();

    public static readonly IChatClient Chat = ModelCalls.CreateChatClient();

    public static readonly IEmbeddingGenerator<string, Embedding<float>> Embedder = ModelCalls.CreateEmbedder();

    public static async Task LoadAsync(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var path in Directory.GetFiles(directory, "*.md"))
        {
            foreach (var text in Split(File.ReadAllText(path)))
            {
                var vector = await Embedder.GenerateVectorAsync(text); // RAG041
                await Index.UpsertAsync(new Chunk(Path.GetFileNameWithoutExtension(path), text, vector.ToArray()));
            }
        }
    }

    public static async Task<string> AskAsync(string question)
    {
        History.Add(new ChatMessage(ChatRole.User, question));
        var query = Embedder.GenerateVectorAsync(question).Result.ToArray(); // RAG010

        // Reads the live list while other requests append to it.
        var hits = Index.Search(query, TopK);

        // "Remembers" the question in the index: a write on the query path.
        await Index.UpsertAsync(new Chunk("asked", question, query));

        // One model call per retrieved chunk, all at once, for every request.
        var notes = await Task.WhenAll(hits.Select(hit => ModelCalls.SummarizeAsync(hit.Text, question))); // RAG040

        Options.Instructions = "Answer from these notes:\n" + string.Join("\n", notes);
        var response = await Chat.GetResponseAsync(History.Where(m => m.Role == ChatRole.User).TakeLast(4), Options);
        History.AddMessages(response);
        return response.Text;
    }

    public static IEnumerable<string> Split(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
