using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpAnalyzerVerifier<RagSafety.Analyzers.Rules.RAG900InvalidOptionAnalyzer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG900InvalidOptionTests
    {
        private const string Source = """
            using Microsoft.Extensions.AI;

            class Answers
            {
                private readonly IChatClient _chat;
                public Answers(IChatClient chat) => _chat = chat;
            }
            """;

        [Fact]
        public async Task Valid_options_are_silent()
        {
            await RunAsync("""
                rag_safety.call_chain_depth = 3
                rag_safety.http_timeout_seconds = 300
                rag_safety.ai_call_apis = M:Microsoft.Extensions.AI.IChatClient.GetResponseAsync(System.Collections.Generic.IEnumerable{Microsoft.Extensions.AI.ChatMessage},Microsoft.Extensions.AI.ChatOptions,System.Threading.CancellationToken)
                dotnet_diagnostic.RAG010.severity = error
                """);
        }

        [Fact]
        public async Task Number_that_is_not_a_number_falls_back_to_the_default()
        {
            await RunAsync(
                "rag_safety.call_chain_depth = deep",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.call_chain_depth", "'deep' is not a whole number from 1 to 20; 5 is used"));
        }

        [Fact]
        public async Task Negative_and_out_of_range_numbers_are_reported()
        {
            await RunAsync(
                "rag_safety.http_timeout_seconds = -5",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.http_timeout_seconds", "'-5' is not a whole number from 1 to 3600; 120 is used"));
            await RunAsync(
                "rag_safety.call_chain_depth = 50",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.call_chain_depth", "'50' is not a whole number from 1 to 20; 5 is used"));
        }

        [Fact]
        public async Task Misspelled_key_names_the_key_it_most_likely_meant()
        {
            await RunAsync(
                "rag_safety.call_chain_dept = 3",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.call_chain_dept", "not an option of RagSafety.Analyzers; it is ignored (did you mean 'rag_safety.call_chain_depth'?)"));
        }

        [Fact]
        public async Task Unknown_key_far_from_any_option_gets_no_suggestion()
        {
            await RunAsync(
                "rag_safety.colour = blue",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.colour", "not an option of RagSafety.Analyzers; it is ignored"));
        }

        [Fact]
        public async Task Api_id_that_matches_no_symbol_is_reported()
        {
            await RunAsync(
                "rag_safety.index_write_apis = M:MyCorp.Rag.Index.Put(System.String)",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.index_write_apis", "'M:MyCorp.Rag.Index.Put(System.String)' matches no symbol of this project or its references; it is ignored"));
        }

        [Fact]
        public async Task Api_item_that_is_not_a_documentation_id_is_reported_once()
        {
            await RunAsync(
                "rag_safety.ai_call_apis = MyCorp.Rag.Ask; T:Microsoft.Extensions.AI.IChatClient",
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.ai_call_apis", "'MyCorp.Rag.Ask' is not a documentation-comment ID starting with T:, M: or P:; it is ignored"));
        }

        [Fact]
        public async Task Several_problems_are_each_reported_in_key_order()
        {
            await RunAsync(
                """
                rag_safety.http_timeout_seconds = soon
                rag_safety.call_chain_depth = 0
                """,
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.call_chain_depth", "'0' is not a whole number from 1 to 20; 5 is used"),
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.http_timeout_seconds", "'soon' is not a whole number from 1 to 3600; 120 is used"));
        }

        [Fact]
        public async Task Project_without_an_ai_library_is_not_checked()
        {
            var test = new Verify.Test { TestCode = "class Plain { }" };
            test.Libraries = TestLibraries.None;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.call_chain_depth = deep"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Error_laden_code_still_gets_the_report()
        {
            await RunAsync(
                "rag_safety.call_chain_depth = x",
                Source.Replace("=> _chat = chat;", "=> _chat = ") + "\n",
                DiagnosticResult.CompilerError("CS1525").WithSpan(6, 48, 6, 48),
                DiagnosticResult.CompilerError("CS1002").WithSpan(6, 48, 6, 48),
                Verify.Diagnostic("RAG900").WithArguments("rag_safety.call_chain_depth", "'x' is not a whole number from 1 to 20; 5 is used"));
        }

        private static Task RunAsync(string editorConfig, params DiagnosticResult[] expected) => RunAsync(editorConfig, Source, expected);

        private static async Task RunAsync(string editorConfig, string source, params DiagnosticResult[] expected)
        {
            // A compilation-wide diagnostic has no location: generated-code and #pragma re-runs do not apply to it.
            var test = new Verify.Test { TestCode = source };
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp(editorConfig));
            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }
    }
}
