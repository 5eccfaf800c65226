namespace RagSafety.Analyzers.CodeFixes.Rewriting
{
    /// <summary>
    /// The document RAG020's fix adds once to a project: a bounded, <c>Channel</c>-backed queue of index writes, a
    /// <c>BackgroundService</c> that runs each in its own DI scope, and the <c>AddIngestionQueue()</c> registration.
    /// </summary>
    internal static class BackgroundIngestionTemplate
    {
        public const string FileName = "BackgroundIngestion.cs";

        public const string QueueTypeName = "IngestionQueue";

        public const string EnqueueMethodName = "EnqueueAsync";

        public const string RegistrationMethodName = "AddIngestionQueue";

        /// <summary>The document's text; <paramref name="namespaceName"/> null puts the types in the global namespace.</summary>
        public static string Text(string? namespaceName, string newLine)
        {
            var text = Usings + (namespaceName is null ? string.Empty : "namespace " + namespaceName + ";\n\n") + Body;
            return text.Replace("\r\n", "\n").Replace("\n", newLine);
        }

        private const string Usings = """
            // Added by the RAG020 code fix: index writes leave the request path and run here, one at a time, in the background.
            #nullable enable

            using System;
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;


            """;

        private const string Body = """
            /// <summary>Index writes queued by request handlers; <see cref="IngestionWorker"/> runs them in the background.</summary>
            public sealed class IngestionQueue
            {
                // Bounded: when ingestion falls behind, EnqueueAsync waits instead of letting memory grow without limit.
                private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
                    Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });

                /// <summary>Queues <paramref name="work"/>; it runs later in its own DI scope, with <typeparamref name="TService"/> resolved from that scope.</summary>
                public ValueTask EnqueueAsync<TService>(Func<TService, CancellationToken, Task> work, CancellationToken cancellationToken = default)
                    where TService : notnull =>
                    _channel.Writer.WriteAsync((services, token) => work(services.GetRequiredService<TService>(), token), cancellationToken);

                internal IAsyncEnumerable<Func<IServiceProvider, CancellationToken, Task>> ReadAllAsync(CancellationToken cancellationToken) =>
                    _channel.Reader.ReadAllAsync(cancellationToken);
            }

            /// <summary>Runs the queued index writes, each in a fresh DI scope; a failed write is logged and the next one runs.</summary>
            public sealed class IngestionWorker : BackgroundService
            {
                private readonly IngestionQueue _queue;
                private readonly IServiceScopeFactory _scopes;
                private readonly ILogger<IngestionWorker> _logger;

                public IngestionWorker(IngestionQueue queue, IServiceScopeFactory scopes, ILogger<IngestionWorker> logger)
                {
                    _queue = queue;
                    _scopes = scopes;
                    _logger = logger;
                }

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await foreach (var work in _queue.ReadAllAsync(stoppingToken))
                    {
                        try
                        {
                            await using var scope = _scopes.CreateAsyncScope();
                            await work(scope.ServiceProvider, stoppingToken);
                        }
                        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                        {
                            _logger.LogError(exception, "A background index write failed.");
                        }
                    }
                }
            }

            public static class IngestionQueueServiceCollectionExtensions
            {
                /// <summary>Registers the <see cref="IngestionQueue"/> and the hosted <see cref="IngestionWorker"/> that drains it.</summary>
                public static IServiceCollection AddIngestionQueue(this IServiceCollection services)
                {
                    services.AddSingleton<IngestionQueue>();
                    services.AddHostedService<IngestionWorker>();
                    return services;
                }
            }

            """;
    }
}
