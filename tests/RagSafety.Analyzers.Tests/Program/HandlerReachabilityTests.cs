using Microsoft.CodeAnalysis;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
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

        private static (Compilation, HandlerReachability) Create(int depth = OptionKeys.DefaultCallChainDepth)
        {
            var compilation = TestCompilation.Create(Source, outputKind: OutputKind.ConsoleApplication);
            var options = TestCompilation.Options((OptionKeys.CallChainDepth, depth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var rag = RagSafetyContext.Get(compilation, options);
            return (compilation, HandlerReachability.Get(compilation, rag));
        }
    }
}
