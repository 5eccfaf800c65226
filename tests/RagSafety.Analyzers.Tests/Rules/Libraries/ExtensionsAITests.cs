using System.Threading.Tasks;
using RagSafety.Analyzers.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Rules.Libraries
{
    /// <summary>
    /// Microsoft.Extensions.AI 11 on the real package: the image, speech-to-text and text-to-speech clients (the same public
    /// API as 10.11), and IChatClient pipelines built per request over a client of their own.
    /// </summary>
    public class ExtensionsAITests
    {
        private const string Usings = """
            #pragma warning disable MEAI001
            using System;
            using System.IO;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.AI;
            using OllamaSharp;

            """;

        [Fact]
        public async Task Image_and_speech_calls_are_AI_calls_RAG010_and_RAG050()
        {
            await CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class MediaController : ControllerBase
                {
                    private readonly IImageGenerator _images;
                    private readonly ISpeechToTextClient _speech;
                    public MediaController(IImageGenerator images, ISpeechToTextClient speech) => (_images, _speech) = (images, speech);

                    [HttpPost("image")]
                    public int Image(string prompt) => {|#0:_images.GenerateImagesAsync(prompt).Result|}.Contents.Count;

                    [HttpPost("transcript")]
                    public string Transcript(Stream audio) => {|#1:_speech.GetTextAsync(audio).GetAwaiter().GetResult()|}.Text;
                }
                """,
                CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.Diagnostic("RAG010").WithLocation(0).WithArguments(".Result", "IImageGenerator.GenerateImagesAsync"),
                CSharpAnalyzerVerifier<RAG010BlockingWaitOnAiCallAnalyzer>.Diagnostic("RAG010").WithLocation(1).WithArguments(".GetAwaiter().GetResult()", "ISpeechToTextClient.GetTextAsync"));

            await CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.VerifyAnalyzerAsync(Usings + """
                static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/speak", async (ITextToSpeechClient voice, string text, CancellationToken ct) =>
                            (await {|#0:voice.GetAudioAsync(text)|}).Contents.Count);
                        app.MapPost("/speak-forwarded", async (ITextToSpeechClient voice, string text, CancellationToken ct) =>
                            (await voice.GetAudioAsync(text, cancellationToken: ct)).Contents.Count);
                    }
                }
                """,
                CSharpAnalyzerVerifier<RAG050CancellationNotForwardedAnalyzer>.Diagnostic("RAG050").WithLocation(0).WithArguments("ITextToSpeechClient.GetAudioAsync", "the cancellation token 'ct' in scope"));
        }

        [Fact]
        public async Task A_pipeline_built_per_request_over_a_new_client_is_RAG032()
        {
            await CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    [HttpPost("ask")]
                    public async Task<string> Ask(string question, CancellationToken ct)
                    {
                        IChatClient chat = new ChatClientBuilder({|#0:new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2")|})
                            .UseFunctionInvocation()
                            .Build();
                        return (await chat.GetResponseAsync(question, cancellationToken: ct)).Text;
                    }

                    [HttpPost("ask-fluent")]
                    public async Task<string> AskFluent(string question, CancellationToken ct) =>
                        (await ((IChatClient){|#1:new OllamaApiClient(new Uri("http://localhost:11434"), "llama3.2")|}).AsBuilder().Build().GetResponseAsync(question, cancellationToken: ct)).Text;
                }
                """,
                CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.Diagnostic("RAG032").WithLocation(0).WithArguments("OllamaApiClient", "in request handler 'AskController.Ask'"),
                CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.Diagnostic("RAG032").WithLocation(1).WithArguments("OllamaApiClient", "in request handler 'AskController.AskFluent'"));
        }

        [Fact]
        public async Task A_pipeline_built_per_request_over_a_shared_client_is_not_RAG032()
        {
            // ChatClientBuilder.Build only wraps the inner client (function invocation, logging): no connection of its own.
            await CSharpAnalyzerVerifier<RAG032ClientCreatedPerCallAnalyzer>.VerifyAnalyzerAsync(Usings + """
                public class AskController : ControllerBase
                {
                    private readonly IChatClient _inner;
                    public AskController(IChatClient inner) => _inner = inner;

                    [HttpPost("ask")]
                    public async Task<string> Ask(string question, CancellationToken ct)
                    {
                        var chat = new ChatClientBuilder(_inner).UseFunctionInvocation().Build();
                        return (await chat.GetResponseAsync(question, cancellationToken: ct)).Text;
                    }
                }

                public class FactoryController : ControllerBase
                {
                    [HttpPost("factory")]
                    public IChatClient Make(Uri endpoint) => Registration.CreateFromLocal(endpoint);
                }

                static class Registration
                {
                    public static IChatClient Create(Uri endpoint) => new ChatClientBuilder(new OllamaApiClient(endpoint, "llama3.2")).UseFunctionInvocation().Build();

                    public static IChatClient CreateFromLocal(Uri endpoint)
                    {
                        var inner = new OllamaApiClient(endpoint, "llama3.2");
                        return new ChatClientBuilder(inner).UseFunctionInvocation().Build();
                    }
                }
                """);
        }
    }
}
