using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG040UnboundedFanOutAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG040UnboundedFanOutFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG040UnboundedFanOutTests
    {
        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            """;

        private static Task VerifyParallelFixAsync(string source, string fixedSource, string? editorConfig = null)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.CodeActionEquivalenceKey = RAG040UnboundedFanOutFixer.ParallelForEachKey;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp(editorConfig));
            }

            return test.RunAsync();
        }

        // ---- Reported forms and the throttle fix ----

        [Fact]
        public async Task Expression_lambda_is_throttled()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task<ChatResponse[]> SummarizeAsync(IReadOnlyList<string> documents)
                    {
                        return await {|#0:Task.WhenAll(documents.Select(d => client.GetResponseAsync(d)))|};
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "documents") },
                Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task<ChatResponse[]> SummarizeAsync(IReadOnlyList<string> documents)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        return await Task.WhenAll(documents.Select(async d =>
                        {
                            await throttle.WaitAsync();
                            try
                            {
                                return await client.GetResponseAsync(d);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Async_block_lambda_keeps_comments_and_forwards_the_token()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Summarizer(IChatClient client)
                {
                    // A comment before the statement stays with it.
                    async Task<List<string>> SummarizeAsync(IEnumerable<string> documents, CancellationToken ct)
                    {
                        // Fan out.
                        var summaries = await [|Task.WhenAll(documents.Select(async d =>
                        {
                            // One request per document.
                            var response = await client.GetResponseAsync("Summarize: " + d, cancellationToken: ct);
                            return response.Text;
                        }))|];
                        return summaries.ToList();
                    }
                }
                """,
                Usings + """
                class Summarizer(IChatClient client)
                {
                    // A comment before the statement stays with it.
                    async Task<List<string>> SummarizeAsync(IEnumerable<string> documents, CancellationToken ct)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        // Fan out.
                        var summaries = await Task.WhenAll(documents.Select(async d =>
                        {
                            await throttle.WaitAsync(ct);
                            try
                            {
                                // One request per document.
                                var response = await client.GetResponseAsync("Summarize: " + d, cancellationToken: ct);
                                return response.Text;
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                        return summaries.ToList();
                    }
                }
                """);
        }

        [Fact]
        public async Task Materialized_projection_in_a_local_is_throttled_before_its_declaration()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Embedder(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task EmbedAsync(string[] chunks, CancellationToken cancellationToken)
                    {
                        var tasks = chunks.Select(c => generator.GenerateAsync(new[] { c }, cancellationToken: cancellationToken)).ToList();
                        await [|Task.WhenAll(tasks)|].ConfigureAwait(false);
                    }
                }
                """,
                Usings + """
                class Embedder(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task EmbedAsync(string[] chunks, CancellationToken cancellationToken)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        var tasks = chunks.Select(async c =>
                        {
                            await throttle.WaitAsync(cancellationToken);
                            try
                            {
                                return await generator.GenerateAsync(new[] { c }, cancellationToken: cancellationToken);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }).ToList();
                        await Task.WhenAll(tasks).ConfigureAwait(false);
                    }
                }
                """);
        }

        [Fact]
        public async Task ToArray_projection_and_non_generic_task_lambda()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection)
                {
                    public async Task IngestAsync(IEnumerable<Chunk> chunks) =>
                        await {|#0:Task.WhenAll(chunks.Select(c => collection.UpsertAsync(c)).ToArray())|};

                    public async Task IngestAllAsync(IEnumerable<Chunk> chunks)
                    {
                        await {|#1:Task.WhenAll(chunks.Select(c => collection.UpsertAsync(c)).ToArray())|};
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "VectorStoreCollection.UpsertAsync", "chunks"),
                    Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "VectorStoreCollection.UpsertAsync", "chunks"),
                },
                Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection)
                {
                    public async Task IngestAsync(IEnumerable<Chunk> chunks) =>
                        await [|Task.WhenAll(chunks.Select(c => collection.UpsertAsync(c)).ToArray())|];

                    public async Task IngestAllAsync(IEnumerable<Chunk> chunks)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        await Task.WhenAll(chunks.Select(async c =>
                        {
                            await throttle.WaitAsync();
                            try
                            {
                                await collection.UpsertAsync(c);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }).ToArray());
                    }
                }
                """);
        }

        [Fact]
        public async Task Nested_fan_outs_become_nested_parallel_loops_and_fix_all_converts_both_in_one_pass()
        {
            // Regression: Fix All used to re-parse the outer body as text, dropping the inner fan-out's marks.
            var test = new Verify.Test { TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Reviewer(IChatClient client)
                {
                    async Task ReviewAsync(List<List<string>> documents)
                    {
                        await [|Task.WhenAll(documents.Select(async pages =>
                        {
                            await [|Task.WhenAll(pages.Select(p => client.GetResponseAsync(p)))|];
                        }))|];
                    }
                }
                """, FixedCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                class Reviewer(IChatClient client)
                {
                    async Task ReviewAsync(List<List<string>> documents)
                    {
                        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (pages, token) =>
                        {
                            await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token }, async (p, token2) => await client.GetResponseAsync(p));
                        });
                    }
                }
                """ };
            test.CodeActionEquivalenceKey = RAG040UnboundedFanOutFixer.ParallelForEachKey;
            await test.RunAsync();
        }

        [Fact]
        public async Task Nested_fan_outs_get_one_throttle_each()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Reviewer(IChatClient client)
                {
                    async Task ReviewAsync(List<List<string>> documents)
                    {
                        await {|#0:Task.WhenAll(documents.Select(async pages =>
                        {
                            await {|#1:Task.WhenAll(pages.Select(p => client.GetResponseAsync(p)))|};
                        }))|};
                    }
                }
                """,
                new[]
                {
                    Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "documents"),
                    Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "pages"),
                },
                Usings + """
                class Reviewer(IChatClient client)
                {
                    async Task ReviewAsync(List<List<string>> documents)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        await Task.WhenAll(documents.Select(async pages =>
                        {
                            await throttle.WaitAsync();
                            try
                            {
                                using var throttle2 = new SemaphoreSlim(4);
                                await Task.WhenAll(pages.Select(async p =>
                                {
                                    await throttle2.WaitAsync();
                                    try
                                    {
                                        return await client.GetResponseAsync(p);
                                    }
                                    finally
                                    {
                                        throttle2.Release();
                                    }
                                }));
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Taken_name_and_configured_degree()
        {
            var test = new Verify.Test { TestCode = Usings + """
                class Summarizer(IChatClient client)
                {
                    private readonly object throttle = new();

                    async Task SummarizeAsync(string[] documents)
                    {
                        var throttle2 = 1;
                        await [|Task.WhenAll(documents.Select(d => client.GetResponseAsync(d)))|];
                    }
                }
                """, FixedCode = Usings + """
                class Summarizer(IChatClient client)
                {
                    private readonly object throttle = new();

                    async Task SummarizeAsync(string[] documents)
                    {
                        var throttle2 = 1;
                        using var throttle3 = new SemaphoreSlim(16);
                        await Task.WhenAll(documents.Select(async d =>
                        {
                            await throttle3.WaitAsync();
                            try
                            {
                                return await client.GetResponseAsync(d);
                            }
                            finally
                            {
                                throttle3.Release();
                            }
                        }));
                    }
                }
                """ };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.max_concurrency = 16"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Top_level_statements_are_throttled_and_the_using_is_added()
        {
            var test = new Verify.Test { TestCode = """
                using System.Linq;
                using Microsoft.Extensions.AI;

                IChatClient client = null!;
                string[] questions = System.IO.File.ReadAllLines("questions.txt");
                var answers = await [|System.Threading.Tasks.Task.WhenAll(questions.Select(q => client.GetResponseAsync(q)))|];
                System.Console.WriteLine(answers.Length);
                """, FixedCode = """
                using System.Linq;
                using System.Threading;
                using Microsoft.Extensions.AI;

                IChatClient client = null!;
                string[] questions = System.IO.File.ReadAllLines("questions.txt");
                using var throttle = new SemaphoreSlim(4);
                var answers = await System.Threading.Tasks.Task.WhenAll(questions.Select(async q =>
                {
                    await throttle.WaitAsync();
                    try
                    {
                        return await client.GetResponseAsync(q);
                    }
                    finally
                    {
                        throttle.Release();
                    }
                }));
                System.Console.WriteLine(answers.Length);
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        // ---- The Parallel.ForEachAsync fix ----

        [Fact]
        public async Task Parallel_for_each_when_results_unused()
        {
            await VerifyParallelFixAsync(Usings + """
                class Indexer(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task EmbedAllAsync(List<string> chunks, CancellationToken cancellationToken)
                    {
                        await [|Task.WhenAll(chunks.Select(c => generator.GenerateAsync(new[] { c })))|];
                    }
                }
                """,
                Usings + """
                class Indexer(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task EmbedAllAsync(List<string> chunks, CancellationToken cancellationToken)
                    {
                        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (c, token) => await generator.GenerateAsync(new[] { c }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Parallel_for_each_keeps_an_async_block_and_picks_a_free_parameter_name()
        {
            await VerifyParallelFixAsync(Usings + """
                class Notifier(IChatClient client)
                {
                    async Task NotifyAsync(IEnumerable<string> users)
                    {
                        var token = "not a cancellation token";
                        await [|Task.WhenAll(users.Select(async (user) =>
                        {
                            // Each user gets a personal message.
                            var response = await client.GetResponseAsync(token + user);
                            System.Console.WriteLine(response.Text);
                        }))|].ConfigureAwait(false);
                    }
                }
                """,
                Usings + """
                class Notifier(IChatClient client)
                {
                    async Task NotifyAsync(IEnumerable<string> users)
                    {
                        var token = "not a cancellation token";
                        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (user, token2) =>
                        {
                            // Each user gets a personal message.
                            var response = await client.GetResponseAsync(token + user);
                            System.Console.WriteLine(response.Text);
                        }).ConfigureAwait(false);
                    }
                }
                """);
        }

        [Fact]
        public async Task Parallel_for_each_is_not_offered_when_results_are_used()
        {
            // Only the throttle fix applies; asking for Parallel.ForEachAsync changes nothing.
            var source = Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task<ChatResponse[]> SummarizeAsync(string[] documents) =>
                        await [|Task.WhenAll(documents.Select(d => client.GetResponseAsync(d)))|];

                    async Task<int> CountAsync(string[] documents)
                    {
                        var all = await [|Task.WhenAll(documents.Select(async d => await client.GetResponseAsync(d)))|];
                        return all.Length;
                    }
                }
                """;
            await VerifyParallelFixAsync(source, source);
        }

        // ---- Reported without a fix ----

        [Fact]
        public async Task Loop_adding_tasks_to_a_list_is_reported_without_fix()
        {
            var source = Usings + """
                namespace Rag.Ingestion;

                class Ingestor(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    async Task EmbedAsync(IList<string> chunks)
                    {
                        var tasks = new List<Task<GeneratedEmbeddings<Embedding<float>>>>();
                        foreach (var chunk in chunks)
                        {
                            tasks.Add(generator.GenerateAsync(new[] { chunk }));
                        }

                        await {|#0:Task.WhenAll(tasks)|};
                    }

                    async Task EmbedByIndexAsync(IList<string> chunks)
                    {
                        var tasks = new List<Task>();
                        for (var i = 0; i < chunks.Count; i++)
                        {
                            tasks.Add(generator.GenerateAsync(new[] { chunks[i] }));
                        }

                        await {|#1:Task.WhenAll(tasks)|};
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IEmbeddingGenerator.GenerateAsync", "chunks"),
                    Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "IEmbeddingGenerator.GenerateAsync", "chunks"),
                },
                source.Replace("{|#0:", "[|").Replace("{|#1:", "[|").Replace("(tasks)|}", "(tasks)|]"));
        }

        [Fact]
        public async Task Query_syntax_method_group_WhenAny_and_unawaited_are_reported_without_fix()
        {
            var source = Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Service(IChatClient client, VectorStoreCollection<string, Chunk> collection)
                {
                    Task StoreAsync(Chunk chunk) => collection.UpsertAsync(chunk);

                    async Task<ChatResponse[]> QueryAsync(string[] questions) =>
                        await {|#0:Task.WhenAll(from q in questions where q.Length > 0 select client.GetResponseAsync(q))|};

                    async Task StoreAllAsync(List<Chunk> chunks) => await {|#1:Task.WhenAll(chunks.Select(StoreAsync))|};

                    async Task<Task<ChatResponse>> FirstAsync(string[] questions) =>
                        await {|#2:Task.WhenAny(questions.Select(q => client.GetResponseAsync(q)))|};

                    Task<ChatResponse[]> NotAwaited(string[] questions) =>
                        {|#3:Task.WhenAll(questions.Select(q => client.GetResponseAsync(q)))|};

                    async Task NonAsyncBlockLambdaAsync(string[] questions)
                    {
                        await {|#4:Task.WhenAll(questions.Select(q =>
                        {
                            var prompt = "Answer: " + q;
                            return client.GetResponseAsync(prompt);
                        }))|};
                    }

                    async Task StaticLambdaAsync(string[] questions)
                    {
                        await {|#5:Task.WhenAll(questions.Select(static q => Ask(q)))|};
                    }

                    static Task<ChatResponse> Ask(string q) => ((IChatClient)null!).GetResponseAsync(q);
                }
                """;
            var expected = new[]
            {
                Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "questions"),
                Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "Service.StoreAsync → VectorStoreCollection.UpsertAsync", "chunks"),
                Verify.Diagnostic("RAG040").WithLocation(2).WithArguments("Task.WhenAny", "IChatClient.GetResponseAsync", "questions"),
                Verify.Diagnostic("RAG040").WithLocation(3).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "questions"),
                Verify.Diagnostic("RAG040").WithLocation(4).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "questions"),
                Verify.Diagnostic("RAG040").WithLocation(5).WithArguments("Task.WhenAll", "Service.Ask → IChatClient.GetResponseAsync", "questions"),
            };
            var remaining = System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d:", "[|").Replace(")|}", ")|]");
            await Verify.VerifyCodeFixAsync(source, expected, remaining);
        }

        // ---- Left alone ----

        [Fact]
        public async Task Throttled_fan_outs_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using System.Threading.RateLimiting;

                class Throttled(IChatClient client)
                {
                    private readonly SemaphoreSlim _gate = new(4);
                    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions { PermitLimit = 4, QueueLimit = 1000 });

                    async Task<ChatResponse[]> WithSemaphoreAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(async q =>
                        {
                            await _gate.WaitAsync();
                            try { return await client.GetResponseAsync(q); }
                            finally { _gate.Release(); }
                        }));

                    async Task<ChatResponse[]> WithLimiterAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(async q =>
                        {
                            using var lease = await _limiter.AcquireAsync();
                            return await client.GetResponseAsync(q);
                        }));

                    async Task WithSyncWaitAndAttemptAsync(string[] questions, PartitionedRateLimiter<string> perUser)
                    {
                        await Task.WhenAll(questions.Select(q =>
                        {
                            _gate.Wait();
                            try { return client.GetResponseAsync(q); }
                            finally { _gate.Release(); }
                        }));
                        await Task.WhenAll(questions.Select(async q =>
                        {
                            using var lease = perUser.AttemptAcquire(q);
                            return await client.GetResponseAsync(q);
                        }));
                    }

                    async Task<ChatResponse> GatedAsync(string q)
                    {
                        await _gate.WaitAsync();
                        try { return await client.GetResponseAsync(q); }
                        finally { _gate.Release(); }
                    }

                    async Task<ChatResponse[]> ThroughGatedMethodAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(q => GatedAsync(q)));

                    async Task<ChatResponse[]> ThroughGatedMethodGroupAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(GatedAsync));

                    async Task LoopWithGateAsync(string[] questions)
                    {
                        var tasks = new List<Task>();
                        foreach (var q in questions)
                        {
                            await _gate.WaitAsync();
                            tasks.Add(Task.Run(async () =>
                            {
                                try { await client.GetResponseAsync(q); }
                                finally { _gate.Release(); }
                            }));
                        }

                        await Task.WhenAll(tasks);
                    }

                    async Task ManualBatchesAsync(string[] questions)
                    {
                        var tasks = new List<Task>();
                        foreach (var q in questions)
                        {
                            tasks.Add(client.GetResponseAsync(q));
                            if (tasks.Count == 8)
                            {
                                await Task.WhenAll(tasks);
                                tasks.Clear();
                            }
                        }

                        await Task.WhenAll(tasks);
                    }

                    async Task SlidingWindowAsync(string[] questions)
                    {
                        var running = new List<Task<ChatResponse>>();
                        foreach (var q in questions)
                        {
                            if (running.Count >= 4)
                            {
                                running.Remove(await Task.WhenAny(running));
                            }

                            running.Add(client.GetResponseAsync(q));
                        }

                        await Task.WhenAll(running);
                    }

                    async Task ParallelAsync(string[] questions, CancellationToken ct) =>
                        await Parallel.ForEachAsync(questions, ct, async (q, token) => await client.GetResponseAsync(q, cancellationToken: token));
                }
                """);
        }

        [Fact]
        public async Task Batches_and_small_fixed_collections_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Bounded(IChatClient client)
                {
                    private static readonly string[] Styles = { "short", "formal", "friendly" };

                    async Task ChunkedAsync(string[] documents)
                    {
                        foreach (var batch in documents.Chunk(8))
                        {
                            await Task.WhenAll(batch.Select(d => client.GetResponseAsync(d)));
                        }
                    }

                    async Task SlicedAsync(List<string> documents, int size)
                    {
                        for (var i = 0; i < documents.Count; i += size)
                        {
                            var slice = documents.Skip(i).Take(size);
                            await Task.WhenAll(slice.Select(d => client.GetResponseAsync(d)));
                        }
                    }

                    async Task FixedAsync(string question)
                    {
                        await Task.WhenAll(new[] { "a", "b", "c" }.Select(s => client.GetResponseAsync(s + question)));
                        await Task.WhenAll(Styles.Select(s => client.GetResponseAsync(s + question)));
                        string[] prompts = ["one", "two"];
                        await Task.WhenAll(prompts.Select(p => client.GetResponseAsync(p)));
                        var list = new List<string> { "x", "y" };
                        await Task.WhenAll(list.Select(p => client.GetResponseAsync(p)));
                        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.GetResponseAsync(question)));
                        await Task.WhenAll(client.GetResponseAsync("a"), client.GetResponseAsync("b"));
                        var tasks = new List<Task>();
                        for (var i = 0; i < 3; i++)
                        {
                            tasks.Add(client.GetResponseAsync(question));
                        }

                        await Task.WhenAll(tasks);
                    }
                }
                """);
        }

        [Fact]
        public async Task Capped_batches_and_written_out_fields_are_bounded_caller_data_is_not()
        {
            var source = Usings + """
                public sealed class Names
                {
                    public string Documents { get; set; } = "docs";
                    public string History { get; set; } = "history";
                }

                class Bounded
                {
                    private readonly IChatClient client;
                    private readonly List<string> memories;
                    private readonly List<string> fromCaller;

                    public Bounded(IChatClient client, Names names, IEnumerable<string> extra)
                    {
                        this.client = client;
                        this.memories = new List<string> { names.Documents, names.History };
                        fromCaller = extra.ToList();
                    }

                    // A list written out in the constructor, never added to: a fixed handful of searches.
                    async Task MemoriesAsync(string q)
                    {
                        var tasks = new List<Task>();
                        foreach (var memory in this.memories)
                        {
                            tasks.Add(client.GetResponseAsync(memory + q));
                        }

                        tasks.Add(client.GetResponseAsync(q));
                        await Task.WhenAll(tasks);
                    }

                    // Batches held in a local are still awaited one after another.
                    async Task ChunkedAsync(string[] documents)
                    {
                        var batches = documents.Chunk(16).ToList();
                        foreach (var batch in batches)
                        {
                            await Task.WhenAll(batch.Select(d => client.GetResponseAsync(d)));
                        }
                    }

                    // Each round starts at most batchSize calls and waits for them.
                    async Task CappedAsync(int total)
                    {
                        var done = 0;
                        var batchSize = 10;
                        while (done < total)
                        {
                            var count = Math.Min(batchSize, total - done);
                            await Task.WhenAll(Enumerable.Range(done, count).Select(i => client.GetResponseAsync("item " + i)));
                            done += count;
                        }
                    }

                    async Task CallerAsync(string q) => await {|#0:Task.WhenAll(fromCaller.Select(n => client.GetResponseAsync(n + q)))|};

                    async Task AllAtOnceAsync(int total) => await {|#1:Task.WhenAll(Enumerable.Range(0, total).Select(i => client.GetResponseAsync("item " + i)))|};
                }
                """.Replace("Math.Min", "System.Math.Min");
            await Verify.VerifyCodeFixAsync(
                source,
                new[]
                {
                    Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "fromCaller"),
                    Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "Enumerable.Range(0, total)"),
                },
                source.Replace("{|#0:", "[|").Replace("{|#1:", "[|").Replace(")))|}", ")))|]"));
        }

        [Fact]
        public async Task Fan_out_through_one_local_function_into_another_is_reported()
        {
            // A local function is declared under no name of the call graph: the chain into a second one must still be followed.
            var source = Usings + """
                class Importer(IEmbeddingGenerator<string, Embedding<float>> generator)
                {
                    public async Task ImportAsync(string[] files)
                    {
                        var tasks = new List<Task>();
                        foreach (var file in files)
                        {
                            tasks.Add(ProcessFileAsync(file));
                        }

                        await {|#0:Task.WhenAll(tasks)|};

                        async Task ProcessFileAsync(string file) => await EmbedAsync(System.IO.File.ReadAllText(file));

                        async Task<Embedding<float>> EmbedAsync(string text) => await generator.GenerateAsync(text);
                    }
                }
                """;
            await Verify.VerifyCodeFixAsync(
                source,
                new[] { Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "ProcessFileAsync → EmbedAsync → IEmbeddingGenerator.GenerateAsync", "files") },
                source.Replace("{|#0:", "[|").Replace("(tasks)|}", "(tasks)|]"));
        }

        [Fact]
        public async Task Agent_runs_over_every_item_are_throttled()
        {
            await Verify.VerifyCodeFixAsync("""
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;

                class Triage(AIAgent agent)
                {
                    async Task<AgentResponse[]> ClassifyAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken)
                    {
                        return await {|#0:Task.WhenAll(tickets.Select(t => agent.RunAsync(t, cancellationToken: cancellationToken)))|};
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "AIAgent.RunAsync", "tickets") },
                """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;

                class Triage(AIAgent agent)
                {
                    async Task<AgentResponse[]> ClassifyAsync(IReadOnlyList<string> tickets, CancellationToken cancellationToken)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        return await Task.WhenAll(tickets.Select(async t =>
                        {
                            await throttle.WaitAsync(cancellationToken);
                            try
                            {
                                return await agent.RunAsync(t, cancellationToken: cancellationToken);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Fixed_sets_of_agents_and_session_creation_are_not_fanned_out_calls()
        {
            // Concurrent orchestration over a few named agents is bounded by the code; creating sessions calls no model.
            await Verify.VerifyAnalyzerAsync("""
                #pragma warning disable SKEXP0110
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.Agents.AI;
                using Microsoft.SemanticKernel.Agents;

                class Panel(AIAgent researcher, AIAgent writer, AIAgent critic, ChatCompletionAgent reviewer)
                {
                    async Task<string> DiscussAsync(string topic, IReadOnlyList<string> users)
                    {
                        var answers = await Task.WhenAll(new[] { researcher, writer, critic }.Select(a => a.RunAsync(topic)));
                        var sessions = await Task.WhenAll(users.Select(u => researcher.CreateSessionAsync().AsTask()));
                        var reviews = await Task.WhenAll(new[] { "tone", "facts" }.Select(aspect => reviewer.InvokeAsync(aspect + ": " + topic).ToListAsync().AsTask()));
                        return string.Join("\n", answers.Select(a => a.Text)) + sessions.Length + reviews.Length;
                    }
                }
                """);
        }

        [Fact]
        public async Task Fan_outs_of_other_work_are_not_reported()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Files
                {
                    async Task<string[]> ReadAllAsync(string[] paths) =>
                        await Task.WhenAll(paths.Select(p => System.IO.File.ReadAllTextAsync(p)));

                    async Task LocalFunctionAsync(string[] paths)
                    {
                        await Task.WhenAll(paths.Select(Delay));
                        static Task Delay(string p) => Task.Delay(p.Length);
                    }
                }
                """);
        }

        [Fact]
        public async Task Code_being_typed_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Broken(IChatClient client)
                {
                    async Task A() => await Task.WhenAll({|CS0103:missing|}.Select(x => client.GetResponseAsync(x)));
                    async Task B(string[] items) => await Task.WhenAll(items.Select(x => client.{|CS1061:Nope|}(x)));
                }
                """);
        }

        [Fact]
        public async Task Parallel_for_each_fix_all_handles_every_statement()
        {
            await VerifyParallelFixAsync(Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection, IChatClient client)
                {
                    async Task IngestAsync(Chunk[] chunks, string[] questions, CancellationToken ct)
                    {
                        await [|Task.WhenAll(chunks.Select(c => collection.UpsertAsync(c, ct)).ToArray())|];
                        await [|Task.WhenAll(questions.Select(async q => await client.GetResponseAsync(q, cancellationToken: ct)))|];
                    }
                }
                """,
                Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection, IChatClient client)
                {
                    async Task IngestAsync(Chunk[] chunks, string[] questions, CancellationToken ct)
                    {
                        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (c, token) => await collection.UpsertAsync(c, ct));
                        await Parallel.ForEachAsync(questions, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (q, token) => await client.GetResponseAsync(q, cancellationToken: ct));
                    }
                }
                """);
        }

        [Fact]
        public async Task Async_expression_lambdas_are_throttled_in_every_method()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task<int> CountAsync(string[] documents)
                    {
                        var all = await [|Task.WhenAll(documents.Select(async d => await client.GetResponseAsync(d)))|];
                        return all.Length;
                    }

                    async Task TouchAsync(string[] documents)
                    {
                        await [|Task.WhenAll(documents.Select(async (d) => await client.GetResponseAsync(d)))|];
                    }
                }
                """,
                Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task<int> CountAsync(string[] documents)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        var all = await Task.WhenAll(documents.Select(async d =>
                        {
                            await throttle.WaitAsync();
                            try
                            {
                                return await client.GetResponseAsync(d);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                        return all.Length;
                    }

                    async Task TouchAsync(string[] documents)
                    {
                        using var throttle = new SemaphoreSlim(4);
                        await Task.WhenAll(documents.Select(async (d) =>
                        {
                            await throttle.WaitAsync();
                            try
                            {
                                return await client.GetResponseAsync(d);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                    }
                }
                """);
        }

        [Fact]
        public async Task Polly_pipelines_that_may_limit_count_as_throttles()
        {
            // Injected, from a provider, or built with a concurrency limiter: the pipeline may bound the calls.
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Polly;
                using Polly.Registry;

                class Service(IChatClient client, ResiliencePipeline injected, ResiliencePipelineProvider<string> provider)
                {
                    private readonly ResiliencePipeline _bulkhead = new ResiliencePipelineBuilder().AddConcurrencyLimiter(4).AddTimeout(System.TimeSpan.FromMinutes(2)).Build();

                    async Task<ChatResponse[]> InjectedAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(q => injected.ExecuteAsync(async ct => await client.GetResponseAsync(q, cancellationToken: ct)).AsTask()));

                    async Task<ChatResponse[]> ProvidedAsync(string[] questions)
                    {
                        var pipeline = provider.GetPipeline("llm");
                        return await Task.WhenAll(questions.Select(q => pipeline.ExecuteAsync(async ct => await client.GetResponseAsync(q, cancellationToken: ct)).AsTask()));
                    }

                    async Task<ChatResponse[]> BulkheadAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(q => _bulkhead.ExecuteAsync(async ct => await client.GetResponseAsync(q, cancellationToken: ct)).AsTask()));
                }
                """);
        }

        [Fact]
        public async Task Polly_pipeline_built_in_view_without_a_limiter_does_not_throttle()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                using Polly;
                using Polly.Retry;

                class Service(IChatClient client)
                {
                    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                        .AddTimeout(System.TimeSpan.FromMinutes(2))
                        .Build();

                    async Task<ChatResponse[]> AskAllAsync(string[] questions) =>
                        await {|#0:Task.WhenAll(questions.Select(q => _retry.ExecuteAsync(async ct => await client.GetResponseAsync(q, cancellationToken: ct)).AsTask()))|};

                    Task<string[]> SummarizeAllAsync(IReadOnlyList<string> texts) =>
                        {|#1:Task.WhenAll(texts.Select(SummarizeAsync))|};

                    private async Task<string> SummarizeAsync(string text)
                    {
                        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions()).Build();
                        return await pipeline.ExecuteAsync(async ct => (await client.GetResponseAsync(text, cancellationToken: ct)).Text);
                    }
                }
                """,
                Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "questions"),
                Verify.Diagnostic("RAG040").WithLocation(1).WithArguments("Task.WhenAll", "Service.SummarizeAsync → IChatClient.GetResponseAsync", "texts"));
        }

        [Fact]
        public async Task Throttling_helper_of_the_app_and_WhenEach()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                class Gate
                {
                    private readonly SemaphoreSlim _semaphore = new(8);

                    public async Task<T> RunAsync<T>(System.Func<Task<T>> work)
                    {
                        await _semaphore.WaitAsync();
                        try { return await work(); }
                        finally { _semaphore.Release(); }
                    }
                }

                class Service(IChatClient client, Gate gate)
                {
                    async Task<ChatResponse[]> GatedAsync(string[] questions) =>
                        await Task.WhenAll(questions.Select(q => gate.RunAsync(() => client.GetResponseAsync(q))));

                    async Task EachAsync(string[] questions)
                    {
                        await foreach (var done in {|#0:Task.WhenEach(questions.Select(q => client.GetResponseAsync(q)))|})
                        {
                            System.Console.WriteLine((await done).Text);
                        }
                    }
                }
                """,
                Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenEach", "IChatClient.GetResponseAsync", "questions"));
        }

        [Fact]
        public async Task Max_concurrency_also_raises_the_small_collection_size()
        {
            var source = Usings + """
                class Styles(IChatClient client)
                {
                    async Task<ChatResponse[]> AllAsync(string q) =>
                        await Task.WhenAll(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j" }.Select(s => client.GetResponseAsync(s + q)));
                }
                """;
            var quiet = new Verify.Test { TestCode = source };
            quiet.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.max_concurrency = 12"));
            await quiet.RunAsync();

            await Verify.VerifyAnalyzerAsync(
                source.Replace("await Task.WhenAll(new[]", "await {|#0:Task.WhenAll(new[]").Replace("s + q)));", "s + q)))|};"),
                Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "IChatClient.GetResponseAsync", "new[] { \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\" }"));
        }

        [Fact]
        public async Task Local_function_in_a_partial_class_is_throttled()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                namespace Rag;

                public partial class Pipeline(IChatClient client)
                {
                    public async Task RunAsync(IEnumerable<string> inputs, CancellationToken cancellationToken)
                    {
                        await AskAllAsync();

                        async Task AskAllAsync()
                        {
                            var responses = await [|Task.WhenAll(inputs.Select(i => client.GetResponseAsync(i, cancellationToken: cancellationToken)))|];
                            System.Console.WriteLine(responses.Length);
                        }
                    }
                }

                public partial class Pipeline;
                """,
                Usings + """
                namespace Rag;

                public partial class Pipeline(IChatClient client)
                {
                    public async Task RunAsync(IEnumerable<string> inputs, CancellationToken cancellationToken)
                    {
                        await AskAllAsync();

                        async Task AskAllAsync()
                        {
                            using var throttle = new SemaphoreSlim(4);
                            var responses = await Task.WhenAll(inputs.Select(async i =>
                            {
                                await throttle.WaitAsync(cancellationToken);
                                try
                                {
                                    return await client.GetResponseAsync(i, cancellationToken: cancellationToken);
                                }
                                finally
                                {
                                    throttle.Release();
                                }
                            }));
                            System.Console.WriteLine(responses.Length);
                        }
                    }
                }

                public partial class Pipeline;
                """);
        }

        [Fact]
        public async Task Method_group_becomes_a_throttled_lambda()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection)
                {
                    Task StoreAsync(Chunk chunk) => collection.UpsertAsync(chunk);

                    async Task StoreAllAsync(List<Chunk> chunks, CancellationToken ct)
                    {
                        var item = 0;
                        await {|#0:Task.WhenAll(chunks.Select(this.StoreAsync))|};
                    }
                }
                """,
                new[] { Verify.Diagnostic("RAG040").WithLocation(0).WithArguments("Task.WhenAll", "Ingestor.StoreAsync → VectorStoreCollection.UpsertAsync", "chunks") },
                Usings + """
                using Microsoft.Extensions.VectorData;

                public sealed record Chunk(string Id, string Text);

                class Ingestor(VectorStoreCollection<string, Chunk> collection)
                {
                    Task StoreAsync(Chunk chunk) => collection.UpsertAsync(chunk);

                    async Task StoreAllAsync(List<Chunk> chunks, CancellationToken ct)
                    {
                        var item = 0;
                        using var throttle = new SemaphoreSlim(4);
                        await Task.WhenAll(chunks.Select(async item2 =>
                        {
                            await throttle.WaitAsync(ct);
                            try
                            {
                                await this.StoreAsync(item2);
                            }
                            finally
                            {
                                throttle.Release();
                            }
                        }));
                    }
                }
                """);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("257")]
        [InlineData("many")]
        public async Task Invalid_max_concurrency_falls_back_to_4(string value)
        {
            var test = new Verify.Test { TestCode = Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task SummarizeAsync(string[] documents)
                    {
                        await [|Task.WhenAll(documents.Select(async d => await client.GetResponseAsync(d)))|];
                    }
                }
                """, FixedCode = Usings + """
                class Summarizer(IChatClient client)
                {
                    async Task SummarizeAsync(string[] documents)
                    {
                        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (d, token) => await client.GetResponseAsync(d));
                    }
                }
                """ };
            test.CodeActionEquivalenceKey = RAG040UnboundedFanOutFixer.ParallelForEachKey;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.max_concurrency = " + value));
            await test.RunAsync();
        }

        [Fact]
        public async Task Minimal_api_endpoints_get_the_semaphore_inside_the_handler()
        {
            var test = new Verify.Test { TestCode = """
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create();
                app.MapPost("/summaries", async (IChatClient chat, string[] documents, CancellationToken ct) =>
                {
                    var responses = await [|Task.WhenAll(documents.Select(d => chat.GetResponseAsync(d, cancellationToken: ct)))|];
                    return responses.Select(r => r.Text).ToArray();
                });
                app.MapPost("/answers", async (IChatClient chat, string[] questions) =>
                    await [|Task.WhenAll(questions.Select(q => chat.GetResponseAsync(q)))|]);
                app.Run();
                """, FixedCode = """
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.AI;

                var app = WebApplication.Create();
                app.MapPost("/summaries", async (IChatClient chat, string[] documents, CancellationToken ct) =>
                {
                    using var throttle = new SemaphoreSlim(4);
                    var responses = await Task.WhenAll(documents.Select(async d =>
                    {
                        await throttle.WaitAsync(ct);
                        try
                        {
                            return await chat.GetResponseAsync(d, cancellationToken: ct);
                        }
                        finally
                        {
                            throttle.Release();
                        }
                    }));
                    return responses.Select(r => r.Text).ToArray();
                });
                app.MapPost("/answers", async (IChatClient chat, string[] questions) =>
                    await [|Task.WhenAll(questions.Select(q => chat.GetResponseAsync(q)))|]);
                app.Run();
                """ };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }
    }
}
