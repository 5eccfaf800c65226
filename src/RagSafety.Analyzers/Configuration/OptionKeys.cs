namespace RagSafety.Analyzers.Configuration
{
    /// <summary>Every .editorconfig key the package reads (documented in docs/configuration.md).</summary>
    internal static class OptionKeys
    {
        public const string Prefix = "rag_safety.";

        /// <summary>How many of the app's own methods a call chain may pass through (default 5, 1–20).</summary>
        public const string CallChainDepth = Prefix + "call_chain_depth";

        public const int DefaultCallChainDepth = 5;

        /// <summary>The timeout, in seconds, that the RAG030/RAG031/RAG032 fixes write (default 120, 1–3600).</summary>
        public const string HttpTimeoutSeconds = Prefix + "http_timeout_seconds";

        public const int DefaultHttpTimeoutSeconds = 120;

        /// <summary>RAG030: a timeout on generation traffic shorter than this many seconds cancels generations (default 60, 1–3600).</summary>
        public const string MinGenerationTimeoutSeconds = Prefix + "min_generation_timeout_seconds";

        public const int DefaultMinGenerationTimeoutSeconds = 60;

        /// <summary>RAG020: route templates or handler-method documentation IDs of deliberate admin endpoints that may write to the index.</summary>
        public const string AllowedHandlers = Prefix + "RAG020.allowed_handlers";

        /// <summary>How many AI calls the RAG040 fixes let run at once, and the size up to which a fixed collection is not reported (default 4, 1–256).</summary>
        public const string MaxConcurrency = Prefix + "max_concurrency";

        public const int DefaultMaxConcurrency = 4;

        /// <summary>The key that extends a role with documentation-comment IDs, e.g. <c>rag_safety.ai_call_apis</c>.</summary>
        public static string ApisKey(Knowledge.ApiRole role) => Prefix + SnakeCase(role.ToString()) + "_apis";

        private static string SnakeCase(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(name[i]));
            }

            return builder.ToString();
        }
    }
}
