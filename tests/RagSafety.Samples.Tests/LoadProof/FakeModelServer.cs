using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>
/// A local stand-in for an OpenAI-compatible model endpoint, on 127.0.0.1 and a free port:
/// <c>POST /v1/chat/completions</c> and <c>POST /v1/embeddings</c> answer after <see cref="ChatDelay"/> /
/// <see cref="EmbeddingDelay"/> with the OpenAI JSON shapes, and with 429 plus <c>Retry-After</c> when more than
/// <see cref="ConcurrencyLimit"/> requests are in flight, like a rate-limited deployment.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    public const int Dimensions = 64;

    private readonly WebApplication _app;
    private int _inFlight;
    private int _peakInFlight;
    private int _requests;
    private int _rateLimited;

    private FakeModelServer(WebApplication app, int concurrencyLimit, TimeSpan chatDelay, TimeSpan embeddingDelay)
    {
        _app = app;
        ConcurrencyLimit = concurrencyLimit;
        ChatDelay = chatDelay;
        EmbeddingDelay = embeddingDelay;
    }

    public int ConcurrencyLimit { get; }

    public TimeSpan ChatDelay { get; }

    public TimeSpan EmbeddingDelay { get; }

    /// <summary>The OpenAI base URL to configure clients with, e.g. <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Model requests received (answered or refused).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests refused with 429.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>The most requests seen in flight at once (refused ones included).</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public static async Task<FakeModelServer> StartAsync(int concurrencyLimit, TimeSpan chatDelay, TimeSpan embeddingDelay, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeModelServer(app, concurrencyLimit, chatDelay, embeddingDelay);
        app.MapPost("/v1/chat/completions", context => server.HandleAsync(context, server.ChatDelay, WriteChatCompletionAsync));
        app.MapPost("/v1/embeddings", context => server.HandleAsync(context, server.EmbeddingDelay, WriteEmbeddingsAsync));
        await app.StartAsync(cancellationToken);
        server.BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, TimeSpan delay, Func<HttpContext, JsonElement, Task> respond)
    {
        Interlocked.Increment(ref _requests);
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            UpdatePeak(inFlight);
            if (inFlight > ConcurrencyLimit)
            {
                Interlocked.Increment(ref _rateLimited);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    """{"error":{"message":"Rate limit reached: too many concurrent requests.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
                    context.RequestAborted);
                return;
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            await Task.Delay(delay, context.RequestAborted);
            context.Response.ContentType = "application/json";
            await respond(context, body.RootElement);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller gave up.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void UpdatePeak(int inFlight)
    {
        var peak = Volatile.Read(ref _peakInFlight);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private static async Task WriteChatCompletionAsync(HttpContext context, JsonElement request)
    {
        var model = request.TryGetProperty("model", out var m) ? m.GetString() : "fake-chat";
        var question = string.Empty;
        if (request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.TryGetProperty("role", out var role) && role.GetString() == "user" && message.TryGetProperty("content", out var content))
                {
                    question = content.ValueKind == JsonValueKind.String ? content.GetString() ?? string.Empty : content.GetRawText();
                }
            }
        }

        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("id", "chatcmpl-" + Guid.NewGuid().ToString("N"));
        json.WriteString("object", "chat.completion");
        json.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        json.WriteString("model", model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        json.WriteString("content", "Fake answer to: " + (question.Length > 120 ? question[..120] : question));
        json.WriteNull("refusal");
        json.WriteEndObject();
        json.WriteNull("logprobs");
        json.WriteString("finish_reason", "stop");
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, completionTokens: 12);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteEmbeddingsAsync(HttpContext context, JsonElement request)
    {
        var model = request.TryGetProperty("model", out var m) ? m.GetString() : "fake-embedding";
        var base64 = request.TryGetProperty("encoding_format", out var format) && format.GetString() == "base64";
        var inputs = new List<string>();
        if (request.TryGetProperty("input", out var input))
        {
            if (input.ValueKind == JsonValueKind.Array)
            {
                inputs.AddRange(input.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() ?? string.Empty : i.GetRawText()));
            }
            else
            {
                inputs.Add(input.GetString() ?? string.Empty);
            }
        }

        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            if (base64)
            {
                var bytes = new byte[vector.Length * sizeof(float)];
                Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                json.WriteString("embedding", Convert.ToBase64String(bytes));
            }
            else
            {
                json.WriteStartArray("embedding");
                foreach (var value in vector)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("model", model);
        WriteUsage(json, completionTokens: null);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteUsage(Utf8JsonWriter json, int? completionTokens)
    {
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", 8);
        if (completionTokens is { } completion)
        {
            json.WriteNumber("completion_tokens", completion);
        }

        json.WriteNumber("total_tokens", 8 + (completionTokens ?? 0));
        json.WriteEndObject();
    }

    /// <summary>A deterministic unit vector: a hashed bag of the input's words.</summary>
    internal static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 2166136261;
            foreach (var c in word)
            {
                if (char.IsLetterOrDigit(c))
                {
                    hash = (hash ^ c) * 16777619;
                }
            }

            vector[hash % Dimensions] += 1;
        }

        var length = MathF.Sqrt(vector.Sum(v => v * v));
        if (length > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= length;
            }
        }

        return vector;
    }
}
