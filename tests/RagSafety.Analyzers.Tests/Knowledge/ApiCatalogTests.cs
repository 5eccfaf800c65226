using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Knowledge
{
    public class ApiCatalogTests
    {
        /// <summary>
        /// Every entry names a type, member and parameter that exist in the real packages at the versions the tests
        /// reference (current, the Azure OpenAI 1.0 beta) or, for libraries NuGet does not serve here, in their facades.
        /// </summary>
        [Fact]
        public void Every_entry_resolves_against_the_real_packages_or_the_facades()
        {
            var compilations = new[]
            {
                TestCompilation.Create("class C { }"),
                TestCompilation.Create("class C { }", TestLibraries.Default | TestLibraries.LegacyAzureOpenAI),
                TestCompilation.Create("class C { }", TestLibraries.ExtensionsAI | TestLibraries.VectorDataPreview),
            };
            var problems = new List<string>();
            foreach (var entry in ApiCatalog.Entries)
            {
                // As the analyzers resolve it: from the catalogued assembly (others may declare the same name, as Agent
                // Framework does Microsoft.Extensions.AI.ChatClientExtensions); framework types from anywhere.
                var types = compilations
                    .SelectMany(c => c.GetTypesByMetadataName(entry.TypeName))
                    .Where(t => entry.Library == ApiCatalog.FrameworkLibrary || t.ContainingAssembly.Name == entry.Library)
                    .ToList();
                if (types.Count == 0)
                {
                    problems.Add($"{entry.TypeName}: no type of that name in {entry.Library}");
                    continue;
                }

                if (entry.Member is null)
                {
                    continue;
                }

                var members = types.SelectMany(t => entry.Member == ".ctor" ? t.InstanceConstructors.Cast<ISymbol>() : t.GetMembers(entry.Member)).ToList();
                if (members.Count == 0)
                {
                    problems.Add($"{entry.TypeName}.{entry.Member}: member not found");
                }
                else if (entry.Parameter is not null && !members.OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == entry.Parameter)))
                {
                    problems.Add($"{entry.TypeName}.{entry.Member}({entry.Parameter}): no overload has that parameter");
                }
            }

            Assert.True(problems.Count == 0, string.Join(System.Environment.NewLine, problems));
        }

        [Fact]
        public void Entries_are_not_repeated()
        {
            var repeated = ApiCatalog.Entries.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key.ToString());
            Assert.Empty(repeated);
        }

        [Fact]
        public void Only_a_catalogued_ai_library_or_a_user_api_switches_the_rules_on()
        {
            Assert.False(Resolve(TestCompilation.Create("class C { }", TestLibraries.AspNetCore)).ReferencesAiLibrary);
            Assert.True(Resolve(TestCompilation.Create("class C { }", TestLibraries.ExtensionsAI)).ReferencesAiLibrary);
            Assert.True(Resolve(TestCompilation.Create("class C { }", TestLibraries.OpenAI)).ReferencesAiLibrary);

            var own = TestCompilation.Create("public class Llm { public void Ask() { } }", TestLibraries.None);
            Assert.True(Resolve(own, (OptionKeys.ApisKey(ApiRole.AiCall), "M:Llm.Ask")).ReferencesAiLibrary);
        }

        [Fact]
        public void A_compilation_after_an_edit_resolves_the_catalog_it_shares_references_with_and_other_references_get_their_own()
        {
            // An IDE's compilation after a keystroke keeps its predecessor's reference symbols, and the catalog resolved against
            // them is reused; a compilation with other references must not inherit it.
            var first = TestCompilation.Create("class C { }");
            var tree = first.SyntaxTrees.Single();
            var edited = first.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("class C { void M() { } }")));
            var chatClient = first.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient")!;
            Assert.Same(chatClient, edited.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient"));
            Assert.True(Resolve(first).IsCataloguedType(chatClient, ApiRole.ThreadSafeClient));
            Assert.True(Resolve(edited).IsCataloguedType(chatClient, ApiRole.ThreadSafeClient));

            var aiLibraries = first.References.Where(r => ApiCatalog.LibraryNames.Contains(System.IO.Path.GetFileNameWithoutExtension(r.Display) ?? string.Empty));
            var withoutAi = first.RemoveReferences(aiLibraries);
            Assert.Equal(first.ObjectType.ContainingAssembly.Name, withoutAi.ObjectType.ContainingAssembly.Name);
            Assert.False(Resolve(withoutAi).ReferencesAiLibrary);
            Assert.False(Resolve(withoutAi).IsCataloguedType(chatClient, ApiRole.ThreadSafeClient));

            // A catalogued framework type is looked up in the project's own code too, per compilation: one that declares it
            // finds it, the one it was added to does not change.
            var declared = edited.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace System.Net.Http { public class HttpClient { } }"));
            var own = declared.Assembly.GetTypeByMetadataName("System.Net.Http.HttpClient")!;
            var framework = edited.GetTypesByMetadataName("System.Net.Http.HttpClient").Single();
            Assert.True(Resolve(declared).IsCataloguedType(own, ApiRole.ThreadSafeClient));
            Assert.True(Resolve(declared).IsCataloguedType(framework, ApiRole.ThreadSafeClient));
            Assert.False(Resolve(edited).IsCataloguedType(own, ApiRole.ThreadSafeClient));
        }

        [Fact]
        public void Resilience_packages_alone_do_not_switch_the_rules_on()
        {
            // Polly and the HttpClient resilience packages are catalogued for RAG042, but they are not AI libraries.
            var resilience = TestReferences.For(TestLibraries.Default)
                .Where(r => ApiCatalog.SupportLibraries.Contains(System.IO.Path.GetFileNameWithoutExtension(r.Display) ?? string.Empty))
                .ToList();
            Assert.True(resilience.Count >= 3, "Expected Polly.Core and the resilience packages among the test references.");
            var compilation = TestCompilation.Create("class C { }", TestLibraries.AspNetCore).AddReferences(resilience);
            Assert.False(KnownApis.MayApply(compilation, UserApis.None));
            Assert.False(Resolve(compilation).ReferencesAiLibrary);
            Assert.Empty(ApiCatalog.LibraryNames.Intersect(ApiCatalog.SupportLibraries));
        }

        [Fact]
        public void Implementations_overrides_and_extension_calls_take_the_catalogued_role()
        {
            var compilation = TestCompilation.Create("""
                using System;
                using System.Collections.Generic;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public class LocalChat : IChatClient
                {
                    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
                    public object? GetService(Type serviceType, object? serviceKey = null) => null;
                    public void Dispose() { }
                }

                public class Wrapped : DelegatingChatClient
                {
                    public Wrapped(IChatClient inner) : base(inner) { }
                    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => base.GetResponseAsync(messages, options, cancellationToken);
                }
                """, TestLibraries.ExtensionsAI);
            var apis = Resolve(compilation);

            Assert.True(apis.IsAiCall(compilation.Method("LocalChat", "GetResponseAsync")));
            Assert.True(apis.IsAiCall(compilation.Method("Wrapped", "GetResponseAsync")));
            Assert.False(apis.IsAiCall(compilation.Method("LocalChat", "GetService")));
            Assert.True(apis.TypeHasRole(compilation.GetTypeByMetadataName("LocalChat"), ApiRole.ThreadSafeClient));
            var extension = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientExtensions")!.GetMembers("GetResponseAsync").OfType<IMethodSymbol>().First();
            Assert.True(apis.IsAiCall(extension));
        }

        [Fact]
        public void User_apis_resolve_by_documentation_id_and_unknown_ids_are_kept_for_reporting()
        {
            var compilation = TestCompilation.Create("""
                namespace MyCorp.Rag
                {
                    public class Index { public void Put(string value) { } public void Put(int value) { } }
                    public class Conversation { }
                }
                """, TestLibraries.None);
            var reader = new CompilationOptionsReader(compilation, TestCompilation.Options(
                (OptionKeys.ApisKey(ApiRole.IndexWrite), "M:MyCorp.Rag.Index.Put(System.String); M:MyCorp.Rag.Missing.Put"),
                (OptionKeys.ApisKey(ApiRole.ConversationState), "T:MyCorp.Rag.Conversation")));
            var userApis = UserApis.Read(reader);
            var apis = KnownApis.Create(compilation, ApiCatalog.Entries, userApis);
            var put = compilation.GetTypeByMetadataName("MyCorp.Rag.Index")!.GetMembers("Put").OfType<IMethodSymbol>().ToList();

            Assert.True(apis.IsIndexWrite(put.Single(m => m.Parameters[0].Type.SpecialType == SpecialType.System_String)));
            Assert.False(apis.IsIndexWrite(put.Single(m => m.Parameters[0].Type.SpecialType == SpecialType.System_Int32)));
            Assert.True(apis.TypeHasRole(compilation.GetTypeByMetadataName("MyCorp.Rag.Conversation"), ApiRole.ConversationState));
            Assert.Equal(new[] { "M:MyCorp.Rag.Missing.Put" }, userApis.Unresolved.Select(u => u.Id).ToArray());
        }

        [Fact]
        public void Constructor_ids_can_be_written_without_the_hash_that_editorconfig_treats_as_a_comment()
        {
            var compilation = TestCompilation.Create("""
                namespace MyCorp.Rag
                {
                    public class Gateway { public Gateway(System.Net.Http.HttpClient client) { } }
                }
                """, TestLibraries.None);
            var reader = new CompilationOptionsReader(compilation, TestCompilation.Options(
                (OptionKeys.ApisKey(ApiRole.ConnectorSink), "M:MyCorp.Rag.Gateway..ctor(System.Net.Http.HttpClient)")));
            var userApis = UserApis.Read(reader);
            var apis = KnownApis.Create(compilation, ApiCatalog.Entries, userApis);
            var constructor = compilation.GetTypeByMetadataName("MyCorp.Rag.Gateway")!.InstanceConstructors.Single();

            Assert.True(apis.RolesOf(constructor).Contains(ApiRole.ConnectorSink));
            Assert.Empty(userApis.Unresolved);
        }

        [Fact]
        public void Option_keys_are_snake_case_per_role()
        {
            Assert.Equal("rag_safety.ai_call_apis", OptionKeys.ApisKey(ApiRole.AiCall));
            Assert.Equal("rag_safety.index_write_apis", OptionKeys.ApisKey(ApiRole.IndexWrite));
            Assert.Equal("rag_safety.conversation_state_apis", OptionKeys.ApisKey(ApiRole.ConversationState));
        }

        private static KnownApis Resolve(Compilation compilation, params (string Key, string Value)[] options) =>
            KnownApis.Create(compilation, ApiCatalog.Entries, UserApis.Read(new CompilationOptionsReader(compilation, TestCompilation.Options(options))));
    }
}
