using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class InstanceCallSitesTests
    {
        private const string Source = """
            using System;
            using System.Threading.Tasks;

            namespace A
            {
                public interface IAnswer { Task<string> AnswerAsync(); }
                public class Assistant : IAnswer { public virtual Task<string> AnswerAsync() => Task.FromResult(""); }
                public class Special : Assistant { }
            }

            namespace B
            {
                public class Assistant { public Task<string> AnswerAsync() => Task.FromResult(""); }
            }

            namespace UseA
            {
                using A;

                public partial class Caller(Assistant primary)
                {
                    private readonly Assistant _field = new();

                    public Task<string> ByParameter(Assistant assistant) => assistant.AnswerAsync();
                    public Task<string> ByField() => _field.AnswerAsync();
                    public Task<string> ByPrimaryConstructor() => primary.AnswerAsync();
                    public Task<string> ByInterface(IAnswer answer) => answer.AnswerAsync();
                    public Task<string> ByDerived(Special special) => special.AnswerAsync();
                    public Task<string>? ByConditional(Assistant? assistant) => assistant?.AnswerAsync();
                    public Task<string> ByVar() { var local = new Assistant(); return local.AnswerAsync(); }
                    public Task<string> ByOtherPart() => _other.AnswerAsync();
                    public Task<string> ByLoop(Assistant[] all) { foreach (Assistant each in all) { return each.AnswerAsync(); } return Task.FromResult(""); }
                }

                public partial class Caller
                {
                    private readonly Assistant _other = new();
                }
            }

            namespace UseB
            {
                using B;

                public class Caller
                {
                    private readonly Assistant _field = new();

                    public Task<string> ByParameter(Assistant assistant) => assistant.AnswerAsync();
                    public Task<string> ByField() => _field.AnswerAsync();
                    public Task<string> ByLocal() { Assistant local = new(); return local.AnswerAsync(); }
                    public Task<string> ByLambda() { Func<Assistant, Task<string>> ask = (Assistant x) => x.AnswerAsync(); return ask(new()); }
                    public Task<string> ByPatternShadowingTheField(object o) => o is A.Assistant _field ? _field.AnswerAsync() : Task.FromResult("");
                    public Task<string> ByUntypedLambda(Func<Func<A.Assistant, Task<string>>, Task<string>> run) => run(x => x.AnswerAsync());

                    private readonly Assistant value = new();
                    public A.Assistant BySetterValue { set { _ = value.AnswerAsync(); } }
                }
            }
            """;

        [Fact]
        public void A_receiver_declared_with_another_modules_type_cannot_call_the_method_and_every_real_call_may()
        {
            var compilation = TestCompilation.Create(Source, TestLibraries.None);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var target = compilation.GetTypeByMetadataName("A.Assistant")!.GetMembers("AnswerAsync").OfType<IMethodSymbol>().Single();
            var viaInterface = compilation.GetTypeByMetadataName("A.IAnswer")!.GetMembers("AnswerAsync").Single();
            var sites = new InstanceCallSites(new StaticCallSites(compilation), CallNameGraph.For(compilation));
            Assert.True(InstanceCallSites.CanNarrow(target));

            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var answers = tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax)
                .Where(m => m.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString().StartsWith("Use", System.StringComparison.Ordinal))
                .ToDictionary(
                    m => m.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name + "." + (m is MethodDeclarationSyntax method ? method.Identifier : ((PropertyDeclarationSyntax)m).Identifier).ValueText,
                    m => (May: sites.MayCall(m, target), Calls: m.DescendantNodes().Select(n => model.GetOperation(n)).OfType<IInvocationOperation>()
                        .Any(i => SymbolEqualityComparer.Default.Equals(i.TargetMethod.OriginalDefinition, target) || SymbolEqualityComparer.Default.Equals(i.TargetMethod.OriginalDefinition, viaInterface))));

            // Sound: every declaration that calls the method (or the interface method it implements) may call it.
            Assert.All(answers.Where(a => a.Value.Calls), a => Assert.True(a.Value.May, a.Key));

            // Narrow: receivers declared with the other module's type are told apart without binding.
            Assert.Equal(
                new[] { "UseB.ByField", "UseB.ByLambda", "UseB.ByLocal", "UseB.ByParameter" },
                answers.Where(a => !a.Value.May).Select(a => a.Key).OrderBy(k => k, System.StringComparer.Ordinal));

            // A pattern variable that shadows the field, a setter's `value` beside a field of that name, or an untyped lambda
            // parameter is not read: it may be anything.
            Assert.True(answers["UseB.ByPatternShadowingTheField"].Calls);
            Assert.True(answers["UseB.BySetterValue"].Calls);
            Assert.True(answers["UseB.ByUntypedLambda"].May);
        }

        [Fact]
        public void A_receiver_declared_with_a_base_type_of_the_same_name_may_call_the_override()
        {
            var compilation = TestCompilation.Create("""
                namespace Base { public class Assistant { public virtual string Answer() => ""; } }
                namespace Derived { public class Assistant : Base.Assistant { public override string Answer() => "derived"; } }
                namespace Use
                {
                    using Base;
                    public class Caller { public string Ask(Assistant assistant) => assistant.Answer(); }
                }
                """, TestLibraries.None);
            var target = compilation.GetTypeByMetadataName("Derived.Assistant")!.GetMembers("Answer").OfType<IMethodSymbol>().Single();
            var ask = compilation.SyntaxTrees.Single().GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Ask");

            Assert.True(new InstanceCallSites(new StaticCallSites(compilation), CallNameGraph.For(compilation)).MayCall(ask, target));
        }
    }
}
