namespace RagSample.Ai;

/// <summary>
/// The remote model, when one is configured: <c>OPENAI_API_KEY</c> (required to use it), <c>OPENAI_BASE_URL</c>
/// (any OpenAI-compatible endpoint), <c>OPENAI_CHAT_MODEL</c> and <c>OPENAI_EMBEDDING_MODEL</c>.
/// </summary>
public sealed record ModelEndpoint(string ApiKey, Uri BaseUrl, string ChatModel, string EmbeddingModel)
{
    public const string DefaultChatModel = "gpt-4o-mini";
    public const string DefaultEmbeddingModel = "text-embedding-3-small";
    public static readonly Uri DefaultBaseUrl = new("https://api.openai.com/v1");

    /// <summary>The configured endpoint, or null to run offline.</summary>
    public static ModelEndpoint? FromEnvironment()
    {
        var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            return null;
        }

        var baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
        return new ModelEndpoint(
            apiKey,
            string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : new Uri(baseUrl, UriKind.Absolute),
            NonEmpty(Environment.GetEnvironmentVariable("OPENAI_CHAT_MODEL")) ?? DefaultChatModel,
            NonEmpty(Environment.GetEnvironmentVariable("OPENAI_EMBEDDING_MODEL")) ?? DefaultEmbeddingModel);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
