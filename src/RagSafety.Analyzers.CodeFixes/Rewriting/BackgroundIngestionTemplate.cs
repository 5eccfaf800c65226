using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace RagSafety.Analyzers.CodeFixes.Rewriting
{
    /// <summary>
    /// The types RAG020's fix adds once to a project, beside its <c>WebApplication.CreateBuilder</c> call: a bounded,
    /// <c>Channel</c>-backed queue of index writes, a <c>BackgroundService</c> that runs each in its own DI scope, and the
    /// <c>AddIngestionQueue()</c> registration.
    /// </summary>
    /// <remarks>
    /// They go into an existing document, not a new one: <c>dotnet format</c> (MSBuildWorkspace) writes an added
    /// document into the project file as a <c>Compile</c> item, which duplicates the SDK's default glob and breaks the
    /// build (NETSDK1022; dotnet/roslyn#36781). Type names are written fully qualified and left to the simplifier, so
    /// the fix adds no using directive for them; only the namespaces of the extension methods the types call
    /// (<see cref="ExtensionNamespaces"/>) are imported, and only where the document does not see them already.
    /// </remarks>
    internal static class BackgroundIngestionTemplate
    {
        public const string QueueTypeName = "IngestionQueue";

        public const string WorkerTypeName = "IngestionWorker";

        public const string RegistrationTypeName = "IngestionQueueServiceCollectionExtensions";

        public const string EnqueueMethodName = "EnqueueAsync";

        public const string RegistrationMethodName = "AddIngestionQueue";

        /// <summary>Namespaces whose extension methods the declarations call, each with a type that shows it is imported.</summary>
        public static readonly (string Namespace, string ProbeType)[] ExtensionNamespaces =
        {
            ("Microsoft.Extensions.DependencyInjection", "IServiceCollection"),
            ("Microsoft.Extensions.Logging", "ILogger"),
        };

        /// <summary>The type declarations, annotated for the simplifier and the formatter, with <paramref name="newLine"/> line ends.</summary>
        public static IEnumerable<MemberDeclarationSyntax> Members(string newLine)
        {
            // The file keeps its final line break.
            var text = (Declarations + "\n").Replace("\r\n", "\n").Replace("\n", newLine);
            return SyntaxFactory.ParseCompilationUnit(text).Members
                .Select(member => member.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation));
        }

        private const string Declarations = """

            // Added by the RAG020 code fix: index writes leave the request path and run here, one at a time, in the background.

            /// <summary>Index writes queued by request handlers; <see cref="IngestionWorker"/> runs them in the background.</summary>
            public sealed class IngestionQueue
            {
                // Bounded: when ingestion falls behind, EnqueueAsync waits instead of letting memory grow without limit.
                private readonly global::System.Threading.Channels.Channel<global::System.Func<global::System.IServiceProvider, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task>> _channel =
                    global::System.Threading.Channels.Channel.CreateBounded<global::System.Func<global::System.IServiceProvider, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task>>(
                        new global::System.Threading.Channels.BoundedChannelOptions(1000) { FullMode = global::System.Threading.Channels.BoundedChannelFullMode.Wait });

                /// <summary>Queues <paramref name="work"/>; it runs later in its own DI scope, with <typeparamref name="TService"/> resolved from that scope.</summary>
                public global::System.Threading.Tasks.ValueTask EnqueueAsync<TService>(global::System.Func<TService, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task> work, global::System.Threading.CancellationToken cancellationToken = default)
                    where TService : notnull =>
                    _channel.Writer.WriteAsync((services, token) => work(services.GetRequiredService<TService>(), token), cancellationToken);

                internal global::System.Collections.Generic.IAsyncEnumerable<global::System.Func<global::System.IServiceProvider, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task>> ReadAllAsync(global::System.Threading.CancellationToken cancellationToken) =>
                    _channel.Reader.ReadAllAsync(cancellationToken);
            }

            /// <summary>Runs the queued index writes, each in a fresh DI scope; a failed write is logged and the next one runs.</summary>
            public sealed class IngestionWorker : global::Microsoft.Extensions.Hosting.BackgroundService
            {
                private readonly IngestionQueue _queue;
                private readonly global::Microsoft.Extensions.DependencyInjection.IServiceScopeFactory _scopes;
                private readonly global::Microsoft.Extensions.Logging.ILogger<IngestionWorker> _logger;

                public IngestionWorker(IngestionQueue queue, global::Microsoft.Extensions.DependencyInjection.IServiceScopeFactory scopes, global::Microsoft.Extensions.Logging.ILogger<IngestionWorker> logger)
                {
                    _queue = queue;
                    _scopes = scopes;
                    _logger = logger;
                }

                protected override async global::System.Threading.Tasks.Task ExecuteAsync(global::System.Threading.CancellationToken stoppingToken)
                {
                    await foreach (var work in _queue.ReadAllAsync(stoppingToken))
                    {
                        try
                        {
                            await using var scope = _scopes.CreateAsyncScope();
                            await work(scope.ServiceProvider, stoppingToken);
                        }
                        catch (global::System.Exception exception) when (!stoppingToken.IsCancellationRequested)
                        {
                            _logger.LogError(exception, "A background index write failed.");
                        }
                    }
                }
            }

            public static class IngestionQueueServiceCollectionExtensions
            {
                /// <summary>Registers the <see cref="IngestionQueue"/> and the hosted <see cref="IngestionWorker"/> that drains it.</summary>
                public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddIngestionQueue(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    services.AddSingleton<IngestionQueue>();
                    services.AddHostedService<IngestionWorker>();
                    return services;
                }
            }
            """;
    }
}
