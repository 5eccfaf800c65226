using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RagSafety.Corpus
{
    /// <summary>One generated source file.</summary>
    public sealed record GeneratedFile(string Path, string Text)
    {
        public int Lines { get; } = Text.Count(c => c == '\n') + 1;
    }

    /// <summary>
    /// Writes a deterministic RAG service of a requested size: controllers, minimal-API modules, retrieval and
    /// ingestion services, DI registrations, statics, HTTP and SDK clients, and the plain domain code that makes up most
    /// of a real service. About a third of the AI modules carry one of the anti-patterns the rules look for; the rest
    /// are the safe form. The same seed and size always give the same text.
    /// </summary>
    public static class RagAppGenerator
    {
        /// <summary>The sources of a service with at least <paramref name="targetLines"/> lines.</summary>
        /// <param name="withAi">False gives the same shape of service with no AI library in sight.</param>
        public static IReadOnlyList<GeneratedFile> Generate(int targetLines, bool withAi = true, int seed = 1)
        {
            var random = new Random(seed);
            var files = new List<GeneratedFile> { new("/corpus/GlobalUsings.cs", GlobalUsings(withAi)) };
            var lines = files[0].Lines;
            for (var module = 0; lines < targetLines; module++)
            {
                foreach (var file in Module(module, withAi, random))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            files.Add(new GeneratedFile("/corpus/Program.cs", Program(files.Count, withAi)));
            return files;
        }

        private static IEnumerable<GeneratedFile> Module(int m, bool withAi, Random random)
        {
            var folder = $"/corpus/Module{m:D4}/";
            yield return new GeneratedFile(folder + "Domain.cs", Domain(m));
            yield return new GeneratedFile(folder + "Validation.cs", Validation(m));
            if (!withAi)
            {
                yield return new GeneratedFile(folder + "OrdersController.cs", PlainController(m));
                yield break;
            }

            // Each module picks its flaws; an unsafe choice is about one in three.
            bool Flaw() => random.Next(3) == 0;
            yield return new GeneratedFile(folder + "AskController.cs", AskController(m, blocking: Flaw(), forwardsToken: !Flaw()));
            yield return new GeneratedFile(folder + "Retrieval.cs", Retrieval(m, unboundedFanOut: Flaw(), perItemEmbedding: Flaw()));
            yield return new GeneratedFile(folder + "Endpoints.cs", Endpoints(m, writesOnRequest: Flaw(), clientPerCall: Flaw()));
            yield return new GeneratedFile(folder + "Conversation.cs", Conversation(m, staticHistory: Flaw(), sharedOptions: Flaw()));
            yield return new GeneratedFile(folder + "ModelClients.cs", ModelClients(m, literalKey: Flaw(), noTimeout: Flaw()));
        }

        private static string GlobalUsings(bool withAi) =>
            """
            global using System;
            global using System.Collections.Generic;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using Microsoft.AspNetCore.Builder;
            global using Microsoft.AspNetCore.Http;
            global using Microsoft.AspNetCore.Mvc;
            global using Microsoft.Extensions.DependencyInjection;

            """ + (withAi
                ? """
                  global using Microsoft.Extensions.AI;
                  global using Microsoft.Extensions.VectorData;

                  """
                : string.Empty);

        private static string Domain(int m) => $$"""
            namespace Corpus.Module{{m}};

            /// <summary>A document of module {{m}} as the service stores it.</summary>
            public sealed record Document{{m}}(string Id, string Title, string Body, DateTimeOffset Updated)
            {
                public int WordCount => Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

                public Document{{m}} WithBody(string body) => this with { Body = body, Updated = DateTimeOffset.UtcNow };
            }

            public sealed class Chunk{{m}}
            {
                public string Key { get; set; } = string.Empty;

                public string DocumentId { get; set; } = string.Empty;

                public string Text { get; set; } = string.Empty;

                public ReadOnlyMemory<float> Vector { get; set; }
            }

            public static class Chunker{{m}}
            {
                public static IEnumerable<Chunk{{m}}> Split(Document{{m}} document, int size = 400)
                {
                    var words = document.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    for (var start = 0; start < words.Length; start += size)
                    {
                        var text = string.Join(' ', words.Skip(start).Take(size));
                        yield return new Chunk{{m}} { Key = $"{document.Id}:{start}", DocumentId = document.Id, Text = text };
                    }
                }

                public static double Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
                {
                    double dot = 0, na = 0, nb = 0;
                    for (var i = 0; i < a.Length && i < b.Length; i++)
                    {
                        dot += a[i] * b[i];
                        na += a[i] * a[i];
                        nb += b[i] * b[i];
                    }

                    return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
                }
            }

            """;

        private static string Validation(int m) => $$"""
            namespace Corpus.Module{{m}};

            public sealed class QueryValidator{{m}}
            {
                private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an", "of", "to" };

                public int MaxLength { get; init; } = 2000;

                public IReadOnlyList<string> Validate(string? query)
                {
                    var problems = new List<string>();
                    if (string.IsNullOrWhiteSpace(query))
                    {
                        problems.Add("The question is empty.");
                        return problems;
                    }

                    if (query.Length > MaxLength)
                    {
                        problems.Add($"The question is longer than {MaxLength} characters.");
                    }

                    var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !StopWords.Contains(t)).ToList();
                    if (terms.Count == 0)
                    {
                        problems.Add("The question has no searchable terms.");
                    }

                    return problems;
                }

                public string Normalize(string query)
                {
                    var builder = new System.Text.StringBuilder(query.Length);
                    foreach (var c in query.Trim())
                    {
                        builder.Append(char.IsControl(c) ? ' ' : c);
                    }

                    return builder.ToString();
                }
            }

            """;

        private static string PlainController(int m) => $$"""
            namespace Corpus.Module{{m}};

            [ApiController]
            [Route("api/m{{m}}/documents")]
            public sealed class DocumentsController{{m}} : ControllerBase
            {
                private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
                private readonly QueryValidator{{m}} _validator = new();

                [HttpGet]
                public async Task<ActionResult<string>> Get(string q, CancellationToken cancellationToken)
                {
                    var problems = _validator.Validate(q);
                    if (problems.Count > 0)
                    {
                        return BadRequest(string.Join(" ", problems));
                    }

                    var body = await Http.GetStringAsync("http://127.0.0.1/search?q=" + Uri.EscapeDataString(q), cancellationToken);
                    return Ok(body);
                }
            }

            """;

        private static string AskController(int m, bool blocking, bool forwardsToken) => $$"""
            namespace Corpus.Module{{m}};

            [ApiController]
            [Route("api/m{{m}}/ask")]
            public sealed class AskController{{m}} : ControllerBase
            {
                private readonly IChatClient _chat;
                private readonly Retrieval{{m}} _retrieval;
                private readonly QueryValidator{{m}} _validator = new();

                public AskController{{m}}(IChatClient chat, Retrieval{{m}} retrieval)
                {
                    _chat = chat;
                    _retrieval = retrieval;
                }

                [HttpGet]
                public {{(blocking ? "ActionResult<string>" : "async Task<ActionResult<string>>")}} Get(string q, CancellationToken cancellationToken)
                {
                    var problems = _validator.Validate(q);
                    if (problems.Count > 0)
                    {
                        return BadRequest(string.Join(" ", problems));
                    }

                    var context = {{(blocking ? "_retrieval.ContextAsync(q, cancellationToken).Result" : "await _retrieval.ContextAsync(q, cancellationToken)")}};
                    var messages = new List<ChatMessage>
                    {
                        new(ChatRole.System, "Answer from the context only."),
                        new(ChatRole.User, context + "\n\n" + _validator.Normalize(q)),
                    };
                    var response = {{(blocking ? "_chat.GetResponseAsync(messages).Result" : forwardsToken ? "await _chat.GetResponseAsync(messages, cancellationToken: cancellationToken)" : "await _chat.GetResponseAsync(messages)")}};
                    return Ok(response.Text);
                }
            }

            """;

        private static string Retrieval(int m, bool unboundedFanOut, bool perItemEmbedding) => $$"""
            namespace Corpus.Module{{m}};

            public sealed class Retrieval{{m}}
            {
                private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
                private readonly IChatClient _chat;
                private readonly VectorStoreCollection<string, Chunk{{m}}> _chunks;

                public Retrieval{{m}}(IEmbeddingGenerator<string, Embedding<float>> embedder, IChatClient chat, VectorStoreCollection<string, Chunk{{m}}> chunks)
                {
                    _embedder = embedder;
                    _chat = chat;
                    _chunks = chunks;
                }

                public async Task<string> ContextAsync(string question, CancellationToken cancellationToken)
                {
                    var embedding = await _embedder.GenerateAsync(question, cancellationToken: cancellationToken);
                    var texts = new List<string>();
                    await foreach (var hit in _chunks.SearchAsync(embedding.Vector, 5, cancellationToken: cancellationToken))
                    {
                        texts.Add(hit.Record.Text);
                    }

                    return string.Join("\n---\n", texts);
                }

                public async Task<IReadOnlyList<string>> SummarizeAllAsync(IReadOnlyList<Document{{m}}> documents, CancellationToken cancellationToken)
                {
            {{(unboundedFanOut
                ? $$"""
                    var responses = await Task.WhenAll(documents.Select(d => _chat.GetResponseAsync("Summarize: " + d.Body, cancellationToken: cancellationToken)));
                    return responses.Select(r => r.Text).ToList();
            """
                : $$"""
                    var summaries = new List<string>();
                    foreach (var document in documents)
                    {
                        var response = await _chat.GetResponseAsync("Summarize: " + document.Body, cancellationToken: cancellationToken);
                        summaries.Add(response.Text);
                    }

                    return summaries;
            """)}}
                }

                public async Task<List<ReadOnlyMemory<float>>> EmbedAsync(IReadOnlyList<Chunk{{m}}> chunks, CancellationToken cancellationToken)
                {
            {{(perItemEmbedding
                ? $$"""
                    var vectors = new List<ReadOnlyMemory<float>>();
                    foreach (var chunk in chunks)
                    {
                        var embedding = await _embedder.GenerateAsync(chunk.Text, cancellationToken: cancellationToken);
                        vectors.Add(embedding.Vector);
                    }

                    return vectors;
            """
                : $$"""
                    var embeddings = await _embedder.GenerateAsync(chunks.Select(c => c.Text), cancellationToken: cancellationToken);
                    return embeddings.Select(e => e.Vector).ToList();
            """)}}
                }
            }

            """;

        private static string Endpoints(int m, bool writesOnRequest, bool clientPerCall) => $$"""
            namespace Corpus.Module{{m}};

            public static class Endpoints{{m}}
            {
                private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

                public static void Map(WebApplication app)
                {
                    app.MapGet("/m{{m}}/search", async (string q, Retrieval{{m}} retrieval, CancellationToken cancellationToken) =>
                        Results.Ok(await retrieval.ContextAsync(q, cancellationToken)));

                    app.MapPost("/m{{m}}/documents", async (Document{{m}} document, {{(writesOnRequest ? $"VectorStoreCollection<string, Chunk{m}> chunks" : $"IngestionQueue{m} queue")}}, CancellationToken cancellationToken) =>
                    {
            {{(writesOnRequest
                ? $$"""
                        foreach (var chunk in Chunker{{m}}.Split(document))
                        {
                            await chunks.UpsertAsync(chunk, cancellationToken);
                        }
            """
                : $$"""
                        await queue.EnqueueAsync(document, cancellationToken);
            """)}}

                        return Results.Accepted();
                    });

                    app.MapGet("/m{{m}}/status", async (CancellationToken cancellationToken) =>
                    {
            {{(clientPerCall
                ? """
                        using var http = new HttpClient();
                        return Results.Ok(await http.GetStringAsync("http://127.0.0.1/health", cancellationToken));
            """
                : """
                        return Results.Ok(await Http.GetStringAsync("http://127.0.0.1/health", cancellationToken));
            """)}}
                    });
                }
            }

            public sealed class IngestionQueue{{m}}
            {
                private readonly System.Threading.Channels.Channel<Document{{m}}> _channel = System.Threading.Channels.Channel.CreateBounded<Document{{m}}>(100);

                public ValueTask EnqueueAsync(Document{{m}} document, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(document, cancellationToken);

                public IAsyncEnumerable<Document{{m}}> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
            }

            """;

        private static string Conversation(int m, bool staticHistory, bool sharedOptions) => $$"""
            namespace Corpus.Module{{m}};

            public sealed class Conversation{{m}}
            {
            {{(staticHistory
                ? "    private static readonly List<ChatMessage> History = new();"
                : "    private readonly List<ChatMessage> History = new();")}}
            {{(sharedOptions
                ? "    private static readonly ChatOptions Options = new() { Temperature = 0.2f, MaxOutputTokens = 800 };"
                : "    private static ChatOptions Options => new() { Temperature = 0.2f, MaxOutputTokens = 800 };")}}
                private readonly IChatClient _chat;

                public Conversation{{m}}(IChatClient chat) => _chat = chat;

                public async Task<string> SayAsync(string text, CancellationToken cancellationToken)
                {
                    History.Add(new ChatMessage(ChatRole.User, text));
                    var response = await _chat.GetResponseAsync(History, Options, cancellationToken);
                    History.AddRange(response.Messages);
                    return response.Text;
                }
            }

            """;

        private static string ModelClients(int m, bool literalKey, bool noTimeout) => $$"""
            namespace Corpus.Module{{m}};

            public static class ModelClients{{m}}
            {
                public static OpenAI.Chat.ChatClient Create()
                {
                    var key = {{(literalKey ? "\"sk-proj-" + (m * 7919).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "abcdefghijklmnop\"" : "Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\") ?? throw new InvalidOperationException(\"OPENAI_API_KEY is not set\")")}};
                    var options = new OpenAI.OpenAIClientOptions {{(noTimeout ? "{ }" : "{ NetworkTimeout = TimeSpan.FromSeconds(120) }")}};
                    return new OpenAI.Chat.ChatClient("gpt-4o-mini", new System.ClientModel.ApiKeyCredential(key), options);
                }
            }

            """;

        private static string Program(int fileCount, bool withAi)
        {
            var builder = new StringBuilder();
            builder.AppendLine("var builder = WebApplication.CreateBuilder(args);");
            builder.AppendLine("builder.Services.AddControllers();");
            builder.AppendLine("var app = builder.Build();");
            builder.AppendLine("app.MapControllers();");
            builder.AppendLine($"// {fileCount} files; {(withAi ? "with" : "without")} AI libraries.");
            builder.AppendLine("app.Run();");
            return builder.ToString();
        }
    }
}
