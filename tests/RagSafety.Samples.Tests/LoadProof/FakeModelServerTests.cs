using System.ClientModel;
using System.Net;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using Xunit;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>The fake model endpoint speaks the OpenAI wire format well enough for the OpenAI SDK, and rate-limits.</summary>
public sealed class FakeModelServerTests
{
    private static readonly ApiKeyCredential Key = new("fake-key-for-the-local-endpoint");

    [Fact]
    public async Task Chat_completion_is_understood_by_the_OpenAI_SDK()
    {
        await using var model = await FakeModelServer.StartAsync(4, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
        var client = new ChatClient("fake-chat", Key, new OpenAIClientOptions { Endpoint = model.BaseUrl, NetworkTimeout = TimeSpan.FromSeconds(10) });

        var completion = (await client.CompleteChatAsync([new UserChatMessage("What is Tidewater?")])).Value;

        Assert.Equal("Fake answer to: What is Tidewater?", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(1, model.Requests);
    }

    [Fact]
    public async Task Embeddings_are_understood_by_the_OpenAI_SDK_in_order()
    {
        await using var model = await FakeModelServer.StartAsync(4, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10));
        var client = new EmbeddingClient("fake-embedding", Key, new OpenAIClientOptions { Endpoint = model.BaseUrl, NetworkTimeout = TimeSpan.FromSeconds(10) });

        var embeddings = (await client.GenerateEmbeddingsAsync(["backup and restore", "api tokens"])).Value;

        Assert.Equal(2, embeddings.Count);
        Assert.Equal(FakeModelServer.Embed("backup and restore"), embeddings[0].ToFloats().ToArray());
        Assert.Equal(FakeModelServer.Embed("api tokens"), embeddings[1].ToFloats().ToArray());
    }

    [Fact]
    public async Task Requests_above_the_concurrency_limit_get_429_with_Retry_After()
    {
        // Two requests take the server's two slots for seconds; only then do four more arrive, so the outcome does not
        // depend on how the machine schedules six requests sent at once.
        await using var model = await FakeModelServer.StartAsync(2, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var url = new Uri(model.BaseUrl + "/chat/completions");
        Task<HttpResponseMessage> Ask() =>
            http.PostAsync(url, new StringContent("""{"model":"fake-chat","messages":[{"role":"user","content":"hi"}]}""", System.Text.Encoding.UTF8, "application/json"));

        var admitted = new[] { Ask(), Ask() };
        var deadline = DateTime.UtcNow.AddSeconds(4);
        while (model.PeakInFlight < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, model.PeakInFlight);
        var rejected = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Ask()));
        var served = await Task.WhenAll(admitted);

        Assert.All(served, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(rejected, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
        Assert.All(rejected, r => Assert.Equal("1", r.Headers.GetValues("Retry-After").Single()));
        Assert.Equal(4, model.RateLimited);
        Assert.True(model.PeakInFlight > 2, $"peak in flight {model.PeakInFlight}");
    }
}
