using Azure;
using Azure.AI.Inference;
using OllamaSharp;

namespace RagSample.Unsafe;

/// <summary>
/// Two more ways to reach a model, written unsafely: a local Ollama server (<c>OLLAMA_URL</c>, default
/// http://localhost:11434) and an Azure AI Inference endpoint (<c>AZURE_AI_INFERENCE_ENDPOINT</c> and
/// <c>AZURE_AI_INFERENCE_KEY</c>). Neither runs unless its endpoint is called.
/// </summary>
public static class LocalModels
{
    private static readonly Uri OllamaUrl = new(Environment.GetEnvironmentVariable("OLLAMA_URL") ?? "http://localhost:11434");

    private static readonly string OllamaModel = Environment.GetEnvironmentVariable("OLLAMA_MODEL") ?? "llama3.2";

    private static readonly Uri InferenceEndpoint = new(Environment.GetEnvironmentVariable("AZURE_AI_INFERENCE_ENDPOINT") ?? "https://models.inference.ai.azure.com");

    private static readonly string InferenceModel = Environment.GetEnvironmentVariable("AZURE_AI_INFERENCE_MODEL") ?? "gpt-4o-mini";

    /// <summary>A shared client, but with Azure.Core's default network timeout of 100 seconds per try.</summary>
    private static readonly ChatCompletionsClient Inference = new(InferenceEndpoint, new AzureKeyCredential(Environment.GetEnvironmentVariable("AZURE_AI_INFERENCE_KEY") ?? "unset")); // RAG031

    public static void Map(WebApplication app)
    {
        // A new OllamaApiClient per request, with an HttpClient of its own at the 100-second default, and a thread blocked
        // until the streamed answer ends.
        app.MapGet("/ask-ollama", (string q) =>
        {
            var ollama = new OllamaApiClient(OllamaUrl, OllamaModel); // RAG030 RAG032
            var done = ollama.GenerateAsync(q).StreamToEndAsync().Result; // RAG010 RAG050
            return done?.Response ?? string.Empty;
        });

        // The synchronous Complete holds a thread-pool thread for the whole generation.
        app.MapGet("/ask-inference", async (string q, CancellationToken cancellationToken) =>
        {
            var options = new ChatCompletionsOptions { Model = InferenceModel, Messages = { new ChatRequestUserMessage(q) } };
            ChatCompletions completion = Inference.Complete(options, cancellationToken); // RAG011
            return await Task.FromResult(completion.Content);
        });
    }
}
