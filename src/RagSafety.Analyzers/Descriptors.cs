using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers
{
    /// <summary>Every diagnostic the package reports. IDs are stable; families go by decade (see docs/rules).</summary>
    internal static class Descriptors
    {
        public const string SharedStateCategory = "RagSafety.SharedState";
        public const string AsyncCategory = "RagSafety.Async";
        public const string RequestPathCategory = "RagSafety.RequestPath";
        public const string ClientsCategory = "RagSafety.Clients";
        public const string ConcurrencyCategory = "RagSafety.Concurrency";
        public const string CancellationCategory = "RagSafety.Cancellation";
        public const string SecurityCategory = "RagSafety.Security";
        public const string ConfigurationCategory = "RagSafety.Configuration";

        // RAG001: conversation state shared across requests.
        public static readonly DiagnosticDescriptor RAG001_ConversationStateShared = Create(
            RuleIds.ConversationStateShared,
            "Conversation state shared across requests",
            "'{0}' holds per-conversation state ({1}) and is shared by every request",
            SharedStateCategory,
            DiagnosticSeverity.Warning,
            "Chat histories, message lists, agent threads and kernel arguments belong to one conversation. Held in a "
            + "static member or a DI singleton, every request reads and appends to the same object: answers leak between "
            + "users and concurrent appends throw. Keep such state per request or per conversation.");

        // RAG002: shared Kernel is mutated.
        public static readonly DiagnosticDescriptor RAG002_SharedKernelMutated = Create(
            RuleIds.SharedKernelMutated,
            "Shared Kernel is mutated",
            "'{0}' changes the Kernel shared through {1}; clone it before changing it",
            SharedStateCategory,
            DiagnosticSeverity.Warning,
            "A Kernel shared by every request is safe only while nobody changes it. Adding plugins or filters, or writing "
            + "Data or Culture, on a shared Kernel races with other requests. Clone the kernel first, or register it as "
            + "transient.");

        // RAG003: mutable request options shared.
        // Reported at the end of the compilation: whether the member reaches AI calls is known only after every use was seen.
        public static readonly DiagnosticDescriptor RAG003_RequestOptionsShared = new(
            RuleIds.RequestOptionsShared,
            "Mutable request options shared",
            "'{0}' is a shared {1} passed to AI calls; build fresh options per call",
            SharedStateCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            "Options objects are mutable and AI clients may change them while sending a request. One static instance used "
            + "by parallel calls sends the wrong payloads. Build fresh options for each call.",
            HelpLinks.For(RuleIds.RequestOptionsShared),
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor RAG010_BlockingWaitOnAiCall = Create(
            RuleIds.BlockingWaitOnAiCall,
            "Blocking wait on an AI call",
            "'{0}' blocks a thread until the AI call '{1}' completes; await it instead",
            AsyncCategory,
            DiagnosticSeverity.Warning,
            "Blocking on an AI call holds a thread-pool thread for the whole generation. Under load the pool starves and "
            + "requests time out. Await the call instead.");

        // RAG011: synchronous AI API where it blocks a request.
        public static readonly DiagnosticDescriptor RAG011_SynchronousAiApi = Create(
            RuleIds.SynchronousAiApi,
            "Synchronous AI API in async code or a request handler",
            "'{0}' holds a thread for the whole service call; await '{1}' instead",
            AsyncCategory,
            DiagnosticSeverity.Warning,
            "The synchronous overloads of AI and search clients hold a thread for the whole network call. In async code or "
            + "a request handler that starves the thread pool under load. Call the asynchronous twin and await it.");

        // RAG020: index write on the request path, where it is a risk: a handler that also answers queries, drops a
        // collection other handlers query, or ingests for minutes (a model call per item, or polling the pipeline).
        // {2} says which, with its evidence.
        public static readonly DiagnosticDescriptor RAG020_IndexWriteOnRequestPath = Create(
            RuleIds.IndexWriteOnRequestPath,
            "Index write on the request path",
            "Request handler '{0}' writes to the index through '{1}'{2}; move the write to background ingestion",
            RequestPathCategory,
            DiagnosticSeverity.Warning,
            "A handler that answers queries and also writes the index makes every query pay for a slow write that contends "
            + "with the reads; deleting or recreating a collection breaks the queries other requests are running; ingestion "
            + "that calls the model for every item, or polls the pipeline, holds the request for minutes. Under load these "
            + "requests time out. Queue the work and ingest in the background.");

        // RAG022: an ingestion endpoint (its purpose is the write; it serves no query) writes inside the request.
        public static readonly DiagnosticDescriptor RAG022_IngestionEndpointWritesInRequest = Create(
            RuleIds.IngestionEndpointWritesInRequest,
            "Ingestion endpoint writes the index inside the request",
            "Ingestion endpoint '{0}' writes to the index through '{1}' inside the request; consider queuing the write for background ingestion",
            RequestPathCategory,
            DiagnosticSeverity.Info,
            "An upload, import, reindex or delete endpoint whose purpose is the write, and which serves no query, waits for "
            + "the index while the caller waits. That is a design choice rather than a bug, but the request lasts as long as "
            + "the ingestion, and a client that times out and retries repeats it. Accept the work, queue it, and answer at once.");

        // RAG021: index write that never completes.
        public static readonly DiagnosticDescriptor RAG021_IndexWriteNeverCompletes = Create(
            RuleIds.IndexWriteNeverCompletes,
            "Index write that never completes",
            "The index write '{0}' is never awaited or enumerated; its data may be lost",
            RequestPathCategory,
            DiagnosticSeverity.Warning,
            "A write whose task is dropped may still be running, or fail unseen, when the caller goes on; a lazy batch "
            + "writer that is never enumerated writes nothing at all. Await the task or enumerate the results.");

        // RAG030: HttpClient timeout unfit for generations.
        public static readonly DiagnosticDescriptor RAG030_HttpClientTimeout = Create(
            RuleIds.HttpClientTimeout,
            "HttpClient timeout unfit for generations: the default, infinite, or too short",
            "'{0}' {1}{2}",
            ClientsCategory,
            DiagnosticSeverity.Warning,
            "HttpClient's default 100-second timeout cuts long generations off, an infinite one hangs requests forever, and "
            + "a timeout shorter than a generation may take (60 s by default; the standard resilience handler's defaults are "
            + "10 s per attempt and 30 s in all) cancels long answers. "
            + "Reported in services, for clients that carry generation traffic: handed to a chat connector, calling a "
            + "chat/completion endpoint, or built by a connector given none. There the client's timeout is the model call's "
            + "only timeout. Set it explicitly and long enough, and do not register a configured typed client again.");

        // RAG031: AI SDK client without an explicit network timeout.
        public static readonly DiagnosticDescriptor RAG031_AiClientNetworkTimeout = Create(
            RuleIds.AiClientNetworkTimeout,
            "AI SDK client without an explicit network timeout",
            "'{0}' is created without an explicit network timeout; set {1}",
            ClientsCategory,
            DiagnosticSeverity.Info,
            "AI SDK clients use a built-in network timeout (or none) that rarely fits a service's latency budget. Reported "
            + "in services for generation clients (chat, responses) and Qdrant. Set it on the client's options.");

        // RAG032: HttpClient or AI SDK client created per call.
        public static readonly DiagnosticDescriptor RAG032_ClientCreatedPerCall = Create(
            RuleIds.ClientCreatedPerCall,
            "HttpClient or AI SDK client created per call",
            "A new '{0}' is created {1}; share one instance",
            ClientsCategory,
            DiagnosticSeverity.Warning,
            "Each new HttpClient (and each AI SDK client that owns one) opens its own connections. Created per request, per "
            + "item, or with every instance of a controller or scoped service, they exhaust sockets under load. Share one "
            + "instance, or use IHttpClientFactory.");

        // RAG040: unbounded fan-out of AI calls.
        public static readonly DiagnosticDescriptor RAG040_UnboundedFanOut = Create(
            RuleIds.UnboundedFanOut,
            "Unbounded fan-out of AI calls",
            "'{0}' starts '{1}' for every item of '{2}' at once; throttle it",
            ConcurrencyCategory,
            DiagnosticSeverity.Warning,
            "Starting an AI call for every item at once floods a rate-limited endpoint: 429s, timeouts and 500s once the "
            + "data grows. Bound the number of calls in flight.");

        // RAG041: per-item embedding calls.
        public static readonly DiagnosticDescriptor RAG041_PerItemEmbedding = Create(
            RuleIds.PerItemEmbedding,
            "Embeddings generated one item at a time",
            "'{0}' embeds one item per request inside a loop; use the batch overload '{1}'",
            ConcurrencyCategory,
            DiagnosticSeverity.Info,
            "Embedding endpoints accept batches. One request per item multiplies requests and rate-limit errors. Embed in "
            + "bounded batches.");

        // RAG042: retries that pile up on AI traffic. {0} the offending call, {1} the problem, {2} the remedy. Warning for
        // stacked retries and for retry loops without a bound or a delay; Info (per diagnostic) for constant delays.
        public static readonly DiagnosticDescriptor RAG042_RetriesPileUp = Create(
            RuleIds.RetriesPileUp,
            "Retries that pile up on AI traffic",
            "'{0}' {1}; {2}",
            ConcurrencyCategory,
            DiagnosticSeverity.Warning,
            "Providers throttle with 429 and every caller retries at once. An SDK client that retries on top of an HttpClient "
            + "that retries multiplies the attempts; a hand-written loop without a bound or a delay, or with a constant delay "
            + "and no jitter, retries in step with every other caller; retries inside an unbounded fan-out send the throttled "
            + "burst again. Keep one retry layer, back off exponentially with jitter and honour Retry-After.");

        // RAG050: request cancellation not forwarded.
        public static readonly DiagnosticDescriptor RAG050_CancellationNotForwarded = Create(
            RuleIds.CancellationNotForwarded,
            "Request cancellation not forwarded to an AI call",
            "'{0}' does not receive {1}",
            CancellationCategory,
            DiagnosticSeverity.Warning,
            "When a client disconnects or a request times out, an AI call without the request's token keeps running and "
            + "keeps costing tokens and capacity. Pass the token on. Reported as a warning for generations in request handlers "
            + "and as information elsewhere (embeddings, searches, writes, and code outside handlers).");

        // RAG060: hard-coded AI service credential.
        public static readonly DiagnosticDescriptor RAG060_HardCodedCredential = Create(
            RuleIds.HardCodedCredential,
            "Hard-coded AI service credential",
            "'{0}' receives a hard-coded credential{1}; read it from configuration or the environment",
            SecurityCategory,
            DiagnosticSeverity.Warning,
            "API keys in source end up in version control, builds and logs. Read them from configuration, the environment "
            + "or a secret store.");

        // RAG900: invalid RagSafety option. Reported once per compilation, at its end.
        public static readonly DiagnosticDescriptor RAG900_InvalidOption = new(
            RuleIds.InvalidOption,
            "Invalid RagSafety option",
            "Option '{0}': {1}",
            ConfigurationCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            "A rag_safety.* setting in .editorconfig or .globalconfig that the package cannot use: an unknown key, a value "
            + "that is not valid for the key, or an API ID that matches no symbol. The package falls back to the default.",
            HelpLinks.For(RuleIds.InvalidOption),
            WellKnownDiagnosticTags.CompilationEnd);

        private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
            new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinks.For(id));
    }

    /// <summary>Rule IDs, each named once.</summary>
    internal static class RuleIds
    {
        public const string ConversationStateShared = "RAG001";
        public const string SharedKernelMutated = "RAG002";
        public const string RequestOptionsShared = "RAG003";
        public const string BlockingWaitOnAiCall = "RAG010";
        public const string SynchronousAiApi = "RAG011";
        public const string IndexWriteOnRequestPath = "RAG020";
        public const string IndexWriteNeverCompletes = "RAG021";
        public const string IngestionEndpointWritesInRequest = "RAG022";
        public const string HttpClientTimeout = "RAG030";
        public const string AiClientNetworkTimeout = "RAG031";
        public const string ClientCreatedPerCall = "RAG032";
        public const string UnboundedFanOut = "RAG040";
        public const string PerItemEmbedding = "RAG041";
        public const string RetriesPileUp = "RAG042";
        public const string CancellationNotForwarded = "RAG050";
        public const string HardCodedCredential = "RAG060";
        public const string InvalidOption = "RAG900";
    }

    /// <summary>Help links: one docs page per rule.</summary>
    internal static class HelpLinks
    {
        public const string DocsRoot = "https://github.com/rag-safety/RagSafety.Analyzers/blob/main/docs/rules/";

        public static string For(string id) => DocsRoot + id + ".md";
    }
}
