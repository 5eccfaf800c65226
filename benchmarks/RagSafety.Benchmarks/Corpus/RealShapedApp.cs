using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RagSafety.Corpus
{
    /// <summary>
    /// A RAG service written the way real ASP.NET Core apps are, for the benchmark's second corpus: one <c>Program.cs</c>
    /// that registers each feature module's services (<c>AddSingleton&lt;Kernel&gt;</c>, scoped and transient services, a
    /// hosted ingestion worker) and maps its endpoints; per module a minimal-API endpoints file (<c>MapGroup</c> chains,
    /// async lambdas over <c>IChatClient</c>), a service that shares a Semantic Kernel, an MVC controller that creates
    /// clients in its actions and in a helper they call, retrieval over a <c>VectorStoreCollection</c>, a background
    /// ingestion worker, options, and the plain catalog and pricing code that most of an app is. A larger corpus is the same
    /// app with more modules, so every measured document is the same text at every size. Written for this benchmark after
    /// the shapes of <c>samples/</c>; deterministic.
    /// </summary>
    public static class RealShapedApp
    {
        /// <summary>The documents the IDE measurement edits, all in module 0.</summary>
        public const string EndpointsDocument = "/app/Modules/M0/Chat/ChatEndpoints.cs";
        public const string SharedKernelDocument = "/app/Modules/M0/Assistant/SupportAssistant.cs";
        public const string ClientsInHandlersDocument = "/app/Modules/M0/Reports/ReportsController.cs";

        /// <summary>The line every measured document carries in a method body; the IDE measurement types after it.</summary>
        public const string EditMarker = "// edit here";

        public static IReadOnlyList<GeneratedFile> Generate(int targetLines)
        {
            var files = new List<GeneratedFile> { new("/app/GlobalUsings.cs", GlobalUsings) };
            var lines = files[0].Lines;
            var modules = 0;
            for (; lines < targetLines || modules == 0; modules++)
            {
                foreach (var file in Module(modules))
                {
                    files.Add(file);
                    lines += file.Lines;
                }
            }

            files.Add(new GeneratedFile("/app/Program.cs", ProgramFile(modules)));
            return files;
        }

        private static IEnumerable<GeneratedFile> Module(int m)
        {
            var folder = $"/app/Modules/M{m}/";
            yield return new GeneratedFile(folder + "Catalog/Product.cs", Product(m));
            yield return new GeneratedFile(folder + "Catalog/ProductRepository.cs", ProductRepository(m));
            yield return new GeneratedFile(folder + "Catalog/Pricing.cs", Pricing(m));
            yield return new GeneratedFile(folder + "Chat/ChatEndpoints.cs", ChatEndpoints(m));
            yield return new GeneratedFile(folder + "Assistant/SupportAssistant.cs", SupportAssistant(m));
            yield return new GeneratedFile(folder + "Reports/ReportsController.cs", ReportsController(m));
            yield return new GeneratedFile(folder + "Retrieval/SearchService.cs", SearchService(m));
            yield return new GeneratedFile(folder + "Ingestion/IngestionWorker.cs", IngestionWorker(m));
            yield return new GeneratedFile(folder + "ModuleRegistration.cs", ModuleRegistration(m));
        }

        private const string GlobalUsings =
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
            global using Microsoft.AspNetCore.Routing;
            global using Microsoft.Extensions.AI;
            global using Microsoft.Extensions.DependencyInjection;
            global using Microsoft.Extensions.Hosting;
            global using Microsoft.Extensions.Logging;
            global using Microsoft.Extensions.VectorData;

            """;

        private static string Product(int m) => $$"""
            namespace Shop.M{{m}}.Catalog;

            public enum Availability { InStock, Backordered, Discontinued }

            /// <summary>A product as the catalog stores it.</summary>
            public sealed record Product(string Sku, string Name, string Description, decimal Price, Availability Availability, IReadOnlyList<string> Tags)
            {
                public bool IsSellable => Availability != Availability.Discontinued && Price > 0;

                public string Summary => $"{Name} ({Sku}): {Description}";

                public Product WithPrice(decimal price) => this with { Price = price };

                public bool HasTag(string tag) => Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));
            }

            public sealed record ProductQuery(string? Text, decimal? MaxPrice, string? Tag, int Page = 0, int PageSize = 20)
            {
                public IEnumerable<string> Problems()
                {
                    if (PageSize is < 1 or > 100)
                    {
                        yield return "The page size must be between 1 and 100.";
                    }

                    if (Page < 0)
                    {
                        yield return "The page must not be negative.";
                    }

                    if (MaxPrice is < 0)
                    {
                        yield return "The maximum price must not be negative.";
                    }
                }
            }

            public sealed class ChatRequest
            {
                public string Question { get; set; } = string.Empty;

                public string? ConversationId { get; set; }

                public string? ProductSku { get; set; }
            }

            public sealed record ChatAnswer(string Text, IReadOnlyList<string> Sources);

            public sealed class ModuleOptions
            {
                public string ChatModel { get; set; } = "gpt-4o-mini";

                public string Endpoint { get; set; } = "http://127.0.0.1:11434/v1";

                public int TopK { get; set; } = 4;

                public TimeSpan ModelTimeout { get; set; } = TimeSpan.FromSeconds(60);
            }

            """;

        private static string ProductRepository(int m) => $$"""
            namespace Shop.M{{m}}.Catalog;

            public interface IProductRepository
            {
                Product? Find(string sku);

                IReadOnlyList<Product> Search(ProductQuery query);

                void Save(Product product);
            }

            public sealed class InMemoryProductRepository : IProductRepository
            {
                private readonly Dictionary<string, Product> _products = new(StringComparer.OrdinalIgnoreCase);
                private readonly object _gate = new();

                public InMemoryProductRepository()
                {
                    Save(new Product("A-{{m}}-1", "Kettle", "A steel kettle.", 39.90m, Availability.InStock, new[] { "kitchen" }));
                    Save(new Product("A-{{m}}-2", "Teapot", "A glass teapot.", 24.50m, Availability.Backordered, new[] { "kitchen", "tea" }));
                }

                public Product? Find(string sku)
                {
                    lock (_gate)
                    {
                        return _products.TryGetValue(sku, out var product) ? product : null;
                    }
                }

                public IReadOnlyList<Product> Search(ProductQuery query)
                {
                    lock (_gate)
                    {
                        IEnumerable<Product> products = _products.Values;
                        if (!string.IsNullOrWhiteSpace(query.Text))
                        {
                            products = products.Where(p => p.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase)
                                || p.Description.Contains(query.Text, StringComparison.OrdinalIgnoreCase));
                        }

                        if (query.MaxPrice is { } max)
                        {
                            products = products.Where(p => p.Price <= max);
                        }

                        if (query.Tag is { } tag)
                        {
                            products = products.Where(p => p.HasTag(tag));
                        }

                        return products.OrderBy(p => p.Name).Skip(query.Page * query.PageSize).Take(query.PageSize).ToList();
                    }
                }

                public void Save(Product product)
                {
                    lock (_gate)
                    {
                        _products[product.Sku] = product;
                    }
                }
            }

            """;

        private static string Pricing(int m) => $$"""
            namespace Shop.M{{m}}.Catalog;

            public sealed class PriceCalculator
            {
                private readonly IReadOnlyList<IPriceRule> _rules;

                public PriceCalculator(IEnumerable<IPriceRule> rules) => _rules = rules.ToList();

                public decimal PriceOf(Product product, int quantity, DateTimeOffset at)
                {
                    var price = product.Price * quantity;
                    foreach (var rule in _rules)
                    {
                        price = rule.Apply(product, quantity, at, price);
                    }

                    return decimal.Round(Math.Max(0, price), 2, MidpointRounding.AwayFromZero);
                }
            }

            public interface IPriceRule
            {
                decimal Apply(Product product, int quantity, DateTimeOffset at, decimal price);
            }

            public sealed class VolumeDiscount : IPriceRule
            {
                public decimal Apply(Product product, int quantity, DateTimeOffset at, decimal price) =>
                    quantity switch
                    {
                        >= 100 => price * 0.85m,
                        >= 20 => price * 0.92m,
                        >= 5 => price * 0.97m,
                        _ => price,
                    };
            }

            public sealed class WeekendSale : IPriceRule
            {
                public decimal Apply(Product product, int quantity, DateTimeOffset at, decimal price) =>
                    at.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && product.HasTag("sale") ? price * 0.9m : price;
            }

            public static class PriceFormatting
            {
                public static string Format(decimal price, string currency) =>
                    currency switch
                    {
                        "EUR" => price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " €",
                        "USD" => "$" + price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                        _ => price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + currency,
                    };
            }

            """;

        // The async endpoints file: a MapGroup chain of async lambdas over IChatClient and the module's services.
        private static string ChatEndpoints(int m) => $$"""
            using Shop.M{{m}}.Assistant;
            using Shop.M{{m}}.Catalog;
            using Shop.M{{m}}.Retrieval;

            namespace Shop.M{{m}}.Chat;

            public static class ChatEndpoints
            {
                public static IEndpointRouteBuilder MapChatM{{m}}(this IEndpointRouteBuilder routes)
                {
                    var group = routes.MapGroup("/m{{m}}/chat");

                    group.MapPost("/", async (ChatRequest request, IChatClient chat, SearchService search, CancellationToken cancellationToken) =>
                    {
                        {{EditMarker}}
                        var context = await search.ContextAsync(request.Question, cancellationToken);
                        var messages = new List<ChatMessage>
                        {
                            new(ChatRole.System, "Answer from the catalog context only.\n" + context),
                            new(ChatRole.User, request.Question),
                        };
                        var response = await chat.GetResponseAsync(messages, cancellationToken: cancellationToken);
                        return Results.Ok(new ChatAnswer(response.Text, Array.Empty<string>()));
                    });

                    group.MapPost("/quick", async (ChatRequest request, IChatClient chat) =>
                    {
                        var response = await chat.GetResponseAsync(request.Question);
                        return Results.Ok(response.Text);
                    });

                    group.MapGet("/stream", async (string q, IChatClient chat, HttpContext http) =>
                    {
                        http.Response.ContentType = "text/plain";
                        await foreach (var update in chat.GetStreamingResponseAsync(q, cancellationToken: http.RequestAborted))
                        {
                            await http.Response.WriteAsync(update.Text, http.RequestAborted);
                        }
                    });

                    group.MapPost("/support", async (ChatRequest request, SupportAssistant assistant, CancellationToken cancellationToken) =>
                        Results.Ok(await assistant.AnswerAsync(request.Question, cancellationToken)));

                    group.MapGet("/products", (string? q, decimal? max, IProductRepository products) =>
                    {
                        var query = new ProductQuery(q, max, null);
                        var problems = query.Problems().ToList();
                        return problems.Count > 0 ? Results.BadRequest(problems) : Results.Ok(products.Search(query));
                    });

                    group.MapGet("/related/{sku}", RelatedAsync);
                    return routes;
                }

                private static async Task<IResult> RelatedAsync(string sku, IProductRepository products, SearchService search, CancellationToken cancellationToken)
                {
                    if (products.Find(sku) is not { } product)
                    {
                        return Results.NotFound();
                    }

                    var hits = await search.SearchAsync(product.Summary, 5, cancellationToken);
                    return Results.Ok(hits.Where(h => h != product.Sku).ToList());
                }
            }

            """;

        // The shared-kernel file: a singleton over the app's Kernel, one flaw in three mutates it per request.
        private static string SupportAssistant(int m) => $$"""
            using System.ComponentModel;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Shop.M{{m}}.Catalog;

            namespace Shop.M{{m}}.Assistant;

            /// <summary>Answers support questions with the app's kernel; registered as a singleton.</summary>
            public sealed class SupportAssistant
            {
                private readonly Kernel _kernel;
                private readonly IProductRepository _products;
                private readonly ILogger<SupportAssistant> _logger;

                public SupportAssistant(Kernel kernel, IProductRepository products, ILogger<SupportAssistant> logger)
                {
                    _kernel = kernel;
                    _products = products;
                    _logger = logger;
                }

                public async Task<ChatAnswer> AnswerAsync(string question, CancellationToken cancellationToken)
                {
                    {{EditMarker}}
                    {{(m % 3 == 0 ? "if (!_kernel.Plugins.Contains(\"catalog\"))\n        {\n            _kernel.Plugins.AddFromObject(new CatalogPlugin(_products), \"catalog\");\n        }" : "var kernel = _kernel.Clone();\n        kernel.Plugins.AddFromObject(new CatalogPlugin(_products), \"catalog\");")}}

                    var arguments = new KernelArguments { ["question"] = question };
                    var result = await _kernel.InvokePromptAsync("Answer the customer's question: {{"{{$question}}"}}", arguments, cancellationToken: cancellationToken);
                    _logger.LogInformation("Answered a support question of {Length} characters", question.Length);
                    return new ChatAnswer(result.GetValue<string>() ?? string.Empty, Array.Empty<string>());
                }

                public async Task<string> SummarizeAsync(IReadOnlyList<string> notes, CancellationToken cancellationToken)
                {
                    var history = new ChatHistory("Summarize the notes for a support agent.");
                    history.AddUserMessage(string.Join("\n", notes));
                    var chat = _kernel.GetRequiredService<IChatCompletionService>();
                    var reply = await chat.GetChatMessageContentAsync(history, new PromptExecutionSettings(), _kernel, cancellationToken);
                    return reply.Content ?? string.Empty;
                }
            }

            public sealed class CatalogPlugin
            {
                private readonly IProductRepository _products;

                public CatalogPlugin(IProductRepository products) => _products = products;

                [KernelFunction, Description("Finds products by text.")]
                public string Find(string text) =>
                    string.Join("\n", _products.Search(new ProductQuery(text, null, null)).Select(p => p.Summary));
            }

            """;

        // The clients-in-handlers file: actions that create HttpClient and SDK clients per request, and a helper they call that does too.
        private static string ReportsController(int m) => $$"""
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;
            using Shop.M{{m}}.Catalog;

            namespace Shop.M{{m}}.Reports;

            [ApiController]
            [Route("api/m{{m}}/reports")]
            public sealed class ReportsController : ControllerBase
            {
                private readonly IProductRepository _products;
                private readonly ModuleOptions _options;

                public ReportsController(IProductRepository products, ModuleOptions options)
                {
                    _products = products;
                    _options = options;
                }

                [HttpGet("{sku}")]
                public async Task<ActionResult<string>> Describe(string sku, CancellationToken cancellationToken)
                {
                    {{EditMarker}}
                    if (_products.Find(sku) is not { } product)
                    {
                        return NotFound();
                    }

                    var client = new ChatClient(_options.ChatModel, new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "none"),
                        new OpenAIClientOptions { Endpoint = new Uri(_options.Endpoint) });
                    var completion = await client.CompleteChatAsync(new[] { new UserChatMessage("Describe for a shop page: " + product.Summary) }, cancellationToken: cancellationToken);
                    return Ok(completion.Value.Content[0].Text);
                }

                [HttpGet("{sku}/stock")]
                public async Task<ActionResult<string>> Stock(string sku, CancellationToken cancellationToken)
                {
                    using var http = new HttpClient();
                    var body = await http.GetStringAsync(_options.Endpoint + "/stock/" + Uri.EscapeDataString(sku), cancellationToken);
                    return Ok(body);
                }

                [HttpPost("digest")]
                public async Task<ActionResult<string>> Digest([FromBody] ProductQuery query, CancellationToken cancellationToken)
                {
                    var products = _products.Search(query);
                    return Ok(await ReportWriter.WriteAsync(_options, products, cancellationToken));
                }
            }

            public static class ReportWriter
            {
                public static async Task<string> WriteAsync(ModuleOptions options, IReadOnlyList<Product> products, CancellationToken cancellationToken)
                {
                    var http = new HttpClient { BaseAddress = new Uri(options.Endpoint) };
                    IChatClient chat = new ChatClient(options.ChatModel, new ApiKeyCredential("none"), new OpenAIClientOptions { Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(http) }).AsIChatClient();
                    var lines = products.Select(p => $"{p.Sku}: {PriceFormatting.Format(p.Price, "EUR")}");
                    var response = await chat.GetResponseAsync("Write a digest of:\n" + string.Join("\n", lines), cancellationToken: cancellationToken);
                    return response.Text;
                }
            }

            """;

        private static string SearchService(int m) => $$"""
            using Shop.M{{m}}.Catalog;

            namespace Shop.M{{m}}.Retrieval;

            public sealed class ProductChunk
            {
                [VectorStoreKey]
                public string Key { get; set; } = string.Empty;

                [VectorStoreData]
                public string Sku { get; set; } = string.Empty;

                [VectorStoreData]
                public string Text { get; set; } = string.Empty;

                [VectorStoreVector(384)]
                public ReadOnlyMemory<float> Vector { get; set; }
            }

            /// <summary>Retrieval for one request; registered as scoped.</summary>
            public sealed class SearchService
            {
                private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
                private readonly VectorStoreCollection<string, ProductChunk> _chunks;
                private readonly ModuleOptions _options;

                public SearchService(IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, ProductChunk> chunks, ModuleOptions options)
                {
                    _embedder = embedder;
                    _chunks = chunks;
                    _options = options;
                }

                public async Task<string> ContextAsync(string question, CancellationToken cancellationToken)
                {
                    var texts = new List<string>();
                    var vector = await _embedder.GenerateVectorAsync(question, cancellationToken: cancellationToken);
                    await foreach (var hit in _chunks.SearchAsync(vector, _options.TopK, cancellationToken: cancellationToken))
                    {
                        texts.Add(hit.Record.Text);
                    }

                    return string.Join("\n---\n", texts);
                }

                public async Task<IReadOnlyList<string>> SearchAsync(string text, int top, CancellationToken cancellationToken)
                {
                    var vector = await _embedder.GenerateVectorAsync(text, cancellationToken: cancellationToken);
                    var skus = new List<string>();
                    await foreach (var hit in _chunks.SearchAsync(vector, top, cancellationToken: cancellationToken))
                    {
                        skus.Add(hit.Record.Sku);
                    }

                    return skus;
                }
            }

            """;

        private static string IngestionWorker(int m) => $$"""
            using System.Threading.Channels;
            using Shop.M{{m}}.Catalog;
            using Shop.M{{m}}.Retrieval;

            namespace Shop.M{{m}}.Ingestion;

            public sealed class IngestionQueue
            {
                private readonly Channel<Product> _channel = Channel.CreateBounded<Product>(256);

                public ValueTask EnqueueAsync(Product product, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(product, cancellationToken);

                public IAsyncEnumerable<Product> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
            }

            /// <summary>Embeds queued products in batches and writes them to the index, outside any request.</summary>
            public sealed class IngestionWorker : BackgroundService
            {
                private readonly IngestionQueue _queue;
                private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder;
                private readonly VectorStoreCollection<string, ProductChunk> _chunks;

                public IngestionWorker(IngestionQueue queue, IEmbeddingGenerator<string, Embedding<float>> embedder, VectorStoreCollection<string, ProductChunk> chunks)
                {
                    _queue = queue;
                    _embedder = embedder;
                    _chunks = chunks;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await _chunks.EnsureCollectionExistsAsync(stoppingToken);
                    await foreach (var product in _queue.ReadAllAsync(stoppingToken))
                    {
                        var texts = Split(product).ToList();
                        var embeddings = await _embedder.GenerateAsync(texts, cancellationToken: stoppingToken);
                        var chunks = texts.Select((text, i) => new ProductChunk { Key = product.Sku + ":" + i, Sku = product.Sku, Text = text, Vector = embeddings[i].Vector });
                        await _chunks.UpsertAsync(chunks, stoppingToken);
                    }
                }

                private static IEnumerable<string> Split(Product product)
                {
                    yield return product.Summary;
                    foreach (var tag in product.Tags)
                    {
                        yield return product.Name + " is tagged " + tag;
                    }
                }
            }

            """;

        private static string ModuleRegistration(int m) => $$"""
            using Microsoft.SemanticKernel;
            using Shop.M{{m}}.Assistant;
            using Shop.M{{m}}.Catalog;
            using Shop.M{{m}}.Ingestion;
            using Shop.M{{m}}.Retrieval;

            namespace Shop.M{{m}};

            public static class ModuleRegistration
            {
                public static IServiceCollection AddModuleM{{m}}(this IServiceCollection services)
                {
                    services.AddSingleton(new ModuleOptions());
                    services.AddSingleton<IProductRepository, InMemoryProductRepository>();
                    services.AddSingleton<Kernel>(sp => Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "none").Build());
                    services.AddSingleton<SupportAssistant>();
                    services.AddScoped<SearchService>();
                    services.AddTransient<IPriceRule, VolumeDiscount>();
                    services.AddTransient<IPriceRule, WeekendSale>();
                    services.AddTransient<PriceCalculator>();
                    services.AddSingleton<IngestionQueue>();
                    services.AddSingleton<VectorStoreCollection<string, ProductChunk>>(sp => sp.GetRequiredService<VectorStore>().GetCollection<string, ProductChunk>("m{{m}}"));
                    services.AddHostedService<IngestionWorker>();
                    return services;
                }
            }

            """;

        private static string ProgramFile(int modules)
        {
            var b = new StringBuilder();
            b.AppendLine("using OpenAI;");
            for (var m = 0; m < modules; m++)
            {
                b.AppendLine($"using Shop.M{m};");
                b.AppendLine($"using Shop.M{m}.Chat;");
            }

            b.AppendLine("var builder = WebApplication.CreateBuilder(args);");
            b.AppendLine("builder.Services.AddControllers();");
            b.AppendLine("var openAi = new OpenAIClient(new System.ClientModel.ApiKeyCredential(builder.Configuration[\"OpenAI:Key\"] ?? \"none\"), new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromSeconds(100) });");
            b.AppendLine("builder.Services.AddChatClient(openAi.GetChatClient(\"gpt-4o-mini\").AsIChatClient());");
            b.AppendLine("builder.Services.AddEmbeddingGenerator(openAi.GetEmbeddingClient(\"text-embedding-3-small\").AsIEmbeddingGenerator());");
            for (var m = 0; m < modules; m++)
            {
                b.AppendLine($"builder.Services.AddModuleM{m}();");
            }

            b.AppendLine("var app = builder.Build();");
            b.AppendLine("app.MapControllers();");
            for (var m = 0; m < modules; m++)
            {
                b.AppendLine($"app.MapChatM{m}();");
            }

            b.AppendLine("app.Run();");
            return b.ToString();
        }
    }
}
