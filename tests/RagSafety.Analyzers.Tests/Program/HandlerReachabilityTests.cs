using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using RagSafety.Corpus;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class HandlerReachabilityTests
    {
        private const string Source = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            app.MapGet("/fetch", (string url) => Fetcher.Fetch(url));
            app.MapPost("/deep", () => Chain.One());
            app.Run();

            public class AskController : ControllerBase
            {
                [HttpGet]
                public string Get(string q) => Service.Answer(q);

                [HttpPost]
                public string Post(string q) => Get(q);
            }

            public static class Service
            {
                public static string Answer(string q) => Helpers.Format(q);
            }

            public static class Helpers
            {
                public static string Format(string q) => q.Trim();
                public static string Unused(string q) => q;
            }

            public static class Fetcher
            {
                public static string Fetch(string url) => url;
            }

            public static class Chain
            {
                public static string One() => Two();
                public static string Two() => Three();
                public static string Three() => Four();
                public static string Four() => "";
            }
            """;

        [Fact]
        public void Names_the_nearest_handler_for_methods_and_lambdas()
        {
            var (compilation, reach) = Create();

            Assert.Equal("AskController.Get", reach.FindCallingHandler(compilation.Method("Service", "Answer")));
            Assert.Equal("AskController.Get", reach.FindCallingHandler(compilation.Method("Helpers", "Format")));
            Assert.Equal("MapGet(\"/fetch\")", reach.FindCallingHandler(compilation.Method("Fetcher", "Fetch")));
        }

        [Fact]
        public void Handlers_themselves_and_unreached_methods_have_none()
        {
            var (compilation, reach) = Create();

            Assert.Null(reach.FindCallingHandler(compilation.Method("AskController", "Get")));
            Assert.Null(reach.FindCallingHandler(compilation.Method("Helpers", "Unused")));
        }

        [Fact]
        public void Stops_at_the_call_chain_depth()
        {
            // The handler counts: with depth 3, the lambda → One → Two chain is the longest one.
            var (compilation, reach) = Create(depth: 3);

            Assert.Equal("MapPost(\"/deep\")", reach.FindCallingHandler(compilation.Method("Chain", "Two")));
            Assert.Null(reach.FindCallingHandler(compilation.Method("Chain", "Three")));
        }

        [Fact]
        public void The_walk_back_from_a_method_answers_as_a_search_from_every_handler_in_turn()
        {
            // The reference is the definition: per method, a breadth-first search from every handler in source order,
            // following only methods whose names can lead to the method's. The walk back over callers and the search from the
            // handlers by name must each agree with it on every method.
            var corpora = new[] { RagAppGenerator.Generate(targetLines: 3000), RealShapedApp.Generate(targetLines: 2000) }.Select(files => (Compilation)TestCompilation.FromFiles(files));
            foreach (var candidate in corpora.Append(TestCompilation.Create(Source, outputKind: OutputKind.ConsoleApplication)))
            {
                var rag = RagSafetyContext.Get(candidate, TestCompilation.Options());
                var reach = HandlerReachability.Get(candidate, rag);
                var methods = MethodsOf(candidate.Assembly.GlobalNamespace).ToList();
                Assert.NotEmpty(methods);
                var reached = 0;
                foreach (var method in methods)
                {
                    var expected = SearchPerMethod(candidate, rag, reach, method);
                    reached += expected is null ? 0 : 1;
                    AssertEveryWay(reach, method, expected);
                }

                Assert.True(reached > 0);
            }
        }

        [Fact]
        public void The_nearest_handler_wins_and_among_the_nearest_the_first_in_source()
        {
            // Far is first in source but two calls away from the target; Near calls it. Of the two handlers that reach Tied
            // through one helper each, the first in source wins, whichever helper it calls first. Calls through an interface
            // and from a local function count as the method's own.
            var compilation = TestCompilation.Create("""
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Mvc;

                var app = WebApplication.Create(args);
                app.MapGet("/late", () => Tied.Target());
                app.Run();

                public class FarController : ControllerBase { [HttpGet] public string Get() => Hop.Once(); }
                public class NearController : ControllerBase { [HttpGet] public string Get() => Near.Target(); }
                public class FirstController : ControllerBase { [HttpGet] public string Get() => Mid.Second() + Mid.First(); }
                public class SecondController : ControllerBase { [HttpGet] public string Get() => Mid.First(); }
                public class ServiceController : ControllerBase
                {
                    private readonly IService _service = new Service();
                    [HttpGet] public string Get() => _service.Run();
                }

                public static class Hop { public static string Once() => Near.Target(); }
                public static class Near { public static string Target() => ""; }
                public static class Mid
                {
                    public static string First() => Tied.Target();
                    public static string Second() => Tied.Target();
                }

                public static class Tied { public static string Target() => Behind.Target(); }
                public static class Behind { public static string Target() => ""; }
                public interface IService { string Run(); }
                public class Service : IService
                {
                    public string Run()
                    {
                        return Local();
                        string Local() => Deep.Target();
                    }
                }

                public static class Deep { public static string Target() => ""; }
                """, outputKind: OutputKind.ConsoleApplication);
            var rag = RagSafetyContext.Get(compilation, TestCompilation.Options());
            var reach = HandlerReachability.Get(compilation, rag);

            Assert.Equal("NearController.Get", reach.FindCallingHandler(compilation.Method("Near", "Target")));
            Assert.Equal("FirstController.Get", reach.FindCallingHandler(compilation.Method("Mid", "First")));
            Assert.Equal("MapGet(\"/late\")", reach.FindCallingHandler(compilation.Method("Tied", "Target")));
            Assert.Equal("MapGet(\"/late\")", reach.FindCallingHandler(compilation.Method("Behind", "Target")));
            Assert.Equal("ServiceController.Get", reach.FindCallingHandler(compilation.Method("Deep", "Target")));
            foreach (var method in MethodsOf(compilation.Assembly.GlobalNamespace))
            {
                var expected = SearchPerMethod(compilation, rag, reach, method);
                AssertEveryWay(reach, method, expected);
            }
        }

        [Fact]
        public void Handlers_confirmed_one_by_one_come_in_the_order_of_all_handlers()
        {
            var corpora = new[] { RagAppGenerator.Generate(targetLines: 3000), RealShapedApp.Generate(targetLines: 2000) }.Select(files => (Compilation)TestCompilation.FromFiles(files));
            foreach (var candidate in corpora.Append(TestCompilation.Create(Source, outputKind: OutputKind.ConsoleApplication)))
            {
                var reach = HandlerReachability.Get(candidate, RagSafetyContext.Get(candidate, TestCompilation.Options()));
                var lazily = reach.HandlersInSourceOrder().Select(h => h.Display).ToList();
                Assert.NotEmpty(lazily);
                Assert.Equal(reach.Handlers.Select(h => h.Display), lazily);
            }
        }

        [Fact]
        public void A_static_helper_several_namespaces_declare_is_told_apart_by_the_namespaces_and_usings_around_each_call()
        {
            // Four namespaces declare Writer.Write; each call sees one of them through its own namespace, an enclosing one, a
            // using written relative to the namespace it is in, or a global using of another file.
            var compilation = TestCompilation.FromFiles(new[]
            {
                new GeneratedFile("/app/Program.cs", "Microsoft.AspNetCore.Builder.WebApplication.Create(args).Run();\n"),
                new GeneratedFile("/app/Writers.cs", """
                    namespace Shop.Reports { public static class Writer { public static string Write(string s) => s; } }
                    namespace Shop.Billing { public static class Writer { public static string Write(string s) => s; } }
                    namespace Shop.Relative { public static class Writer { public static string Write(string s) => s; } }
                    namespace Shop.Unused { public static class Writer { public static string Write(string s) => s; } }
                    namespace Shop.Global { public static class Formatter { public static string Write(string s) => s; } }
                    """),
                new GeneratedFile("/app/GlobalUsings.cs", "global using Shop.Global;\n"),
                new GeneratedFile("/app/Reports.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Shop.Reports;
                    public class ReportsController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q); }
                    """),
                new GeneratedFile("/app/Invoices.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Shop.Billing.Invoices
                    {
                        public class InvoicesController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q); }
                    }
                    """),
                new GeneratedFile("/app/Relative.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Shop.Api
                    {
                        using Relative;
                        public class RelativeController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q); }
                    }
                    """),
                new GeneratedFile("/app/Format.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Api
                    {
                        public class FormatController : ControllerBase { [HttpGet] public string Get(string q) => Formatter.Write(q); }
                    }
                    """),
            });
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var rag = RagSafetyContext.Get(compilation, TestCompilation.Options());
            var reach = HandlerReachability.Get(compilation, rag);
            IMethodSymbol Write(string type) => compilation.GetTypeByMetadataName(type)!.GetMembers("Write").OfType<IMethodSymbol>().Single();

            Assert.Equal("ReportsController.Get", reach.FindCallingHandler(Write("Shop.Reports.Writer")));
            Assert.Equal("InvoicesController.Get", reach.FindCallingHandler(Write("Shop.Billing.Writer")));
            Assert.Equal("RelativeController.Get", reach.FindCallingHandler(Write("Shop.Relative.Writer")));
            Assert.Equal("FormatController.Get", reach.FindCallingHandler(Write("Shop.Global.Formatter")));
            Assert.Null(reach.FindCallingHandler(Write("Shop.Unused.Writer")));
            foreach (var method in MethodsOf(compilation.Assembly.GlobalNamespace))
            {
                var expected = SearchPerMethod(compilation, rag, reach, method);
                AssertEveryWay(reach, method, expected);
            }
        }

        [Fact]
        public void After_an_edit_a_static_helper_is_reached_from_the_edited_file_and_the_unchanged_ones_as_written_now()
        {
            // An IDE's next compilation keeps the unchanged files' trees, and the calls read from them are kept with them.
            var compilation = (Compilation)TestCompilation.FromFiles(new[]
            {
                new GeneratedFile("/app/Program.cs", "Microsoft.AspNetCore.Builder.WebApplication.Create(args).Run();\n"),
                new GeneratedFile("/app/Writer.cs", "namespace Shop { public static class Writer { public static string Write(string s) => s; } }\n"),
                new GeneratedFile("/app/Reports.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Shop;
                    public class ReportsController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q); }
                    """),
                new GeneratedFile("/app/Invoices.cs", """
                    using Microsoft.AspNetCore.Mvc;
                    namespace Shop;
                    public class InvoicesController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q); }
                    """),
            });
            string? Reaching(Compilation current) =>
                HandlerReachability.Get(current, RagSafetyContext.Get(current, TestCompilation.Options()))
                    .FindCallingHandler(current.GetTypeByMetadataName("Shop.Writer")!.GetMembers("Write").OfType<IMethodSymbol>().Single());
            Compilation Edit(Compilation current, string text)
            {
                var reports = current.SyntaxTrees.Single(t => t.FilePath == "/app/Reports.cs");
                return current.ReplaceSyntaxTree(reports, reports.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
            }

            Assert.Equal("ReportsController.Get", Reaching(compilation));
            var withoutCall = Edit(compilation, """
                using Microsoft.AspNetCore.Mvc;
                namespace Shop;
                public class ReportsController : ControllerBase { [HttpGet] public string Get(string q) => q.Trim(); }
                """);
            Assert.Equal("InvoicesController.Get", Reaching(withoutCall));
            var callAgain = Edit(withoutCall, """
                using Microsoft.AspNetCore.Mvc;
                namespace Shop;
                public class ReportsController : ControllerBase { [HttpGet] public string Get(string q) => Writer.Write(q.Trim()); }
                """);
            Assert.Equal("ReportsController.Get", Reaching(callAgain));
        }

        /// <summary>The answer as the rules get it, by the walk back alone (no limit on the callers it binds) and by the search from the handlers alone.</summary>
        private static void AssertEveryWay(HandlerReachability reach, IMethodSymbol method, string? expected)
        {
            // First, so the callers it reads are the ones kept: with more than one candidate, an instance method's callers
            // are read by receiver (InstanceCallSites) before any is bound.
            Assert.Equal(expected, reach.FindCallingHandler(method, callersToBind: 1));
            Assert.Equal(expected, reach.FindCallingHandler(method));
            Assert.Equal(expected, reach.FindCallingHandler(method, callersToBind: int.MaxValue));
            Assert.Equal(expected, reach.FindCallingHandler(method, callersToBind: 0));
        }

        private static IEnumerable<IMethodSymbol> MethodsOf(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol nested)
                {
                    foreach (var method in MethodsOf(nested))
                    {
                        yield return method;
                    }
                }
                else if (member is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 } method)
                {
                    yield return method;
                }
            }
        }

        private static string? SearchPerMethod(Compilation compilation, RagSafetyContext rag, HandlerReachability reach, IMethodSymbol target)
        {
            target = target.OriginalDefinition;
            var names = CallNameGraph.For(compilation);
            var namesReachingTarget = names.NamesReaching(new[] { CallNameGraph.DeclaredName(target) });
            var reached = new Dictionary<IMethodSymbol, (string Handler, int Depth)>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            foreach (var (root, display) in reach.Handlers)
            {
                if (!reached.ContainsKey(root))
                {
                    reached.Add(root, (display, 1));
                    if (names.MayReach(root, namesReachingTarget))
                    {
                        queue.Enqueue(root);
                    }
                }
            }

            if (reached.ContainsKey(target))
            {
                return null;
            }

            while (queue.Count > 0)
            {
                var method = queue.Dequeue();
                var (handler, depth) = reached[method];
                if (depth >= rag.Summaries.MaxDepth)
                {
                    continue;
                }

                foreach (var callee in rag.Summaries.CalleesOf(method))
                {
                    if (SymbolEqualityComparer.Default.Equals(callee, target))
                    {
                        return handler;
                    }

                    if (!reached.ContainsKey(callee) && names.MayReach(callee, namesReachingTarget))
                    {
                        reached.Add(callee, (handler, depth + 1));
                        queue.Enqueue(callee);
                    }
                }
            }

            return null;
        }

        private static (Compilation, HandlerReachability) Create(int depth = OptionKeys.DefaultCallChainDepth)
        {
            var compilation = TestCompilation.Create(Source, outputKind: OutputKind.ConsoleApplication);
            var options = TestCompilation.Options((OptionKeys.CallChainDepth, depth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var rag = RagSafetyContext.Get(compilation, options);
            return (compilation, HandlerReachability.Get(compilation, rag));
        }
    }
}
