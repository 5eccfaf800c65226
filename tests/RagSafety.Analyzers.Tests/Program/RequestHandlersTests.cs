using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class RequestHandlersTests
    {
        [Fact]
        public void Controller_actions_by_base_attribute_and_name()
        {
            var compilation = TestCompilation.Create("""
                using Microsoft.AspNetCore.Mvc;

                public class ByBase : ControllerBase
                {
                    public IActionResult Get() => Ok();
                    [NonAction] public void Helper() { }
                    private void Private() { }
                    public static void Static() { }
                    public override string ToString() => "";
                }

                [ApiController]
                public class ByAttribute
                {
                    public string Get() => "";
                }

                public class ByNameController
                {
                    public string Get() => "";
                }

                [NonController]
                public class ExcludedController : ControllerBase
                {
                    public string Get() => "";
                }

                public abstract class AbstractController : ControllerBase
                {
                    public string Get() => "";
                }

                public class PlainService
                {
                    public string Get() => "";
                }
                """);
            var handlers = new RequestHandlers(compilation);

            Assert.Equal(HandlerKind.ControllerAction, handlers.KindOf(compilation.Method("ByBase", "Get")));
            Assert.Equal(HandlerKind.ControllerAction, handlers.KindOf(compilation.Method("ByAttribute", "Get")));
            Assert.Equal(HandlerKind.ControllerAction, handlers.KindOf(compilation.Method("ByNameController", "Get")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("ByBase", "Helper")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("ByBase", "Private")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("ByBase", "Static")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("ByBase", "ToString")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("ExcludedController", "Get")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("AbstractController", "Get")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("PlainService", "Get")));
        }

        [Fact]
        public void Razor_page_handlers_and_hub_methods()
        {
            var compilation = TestCompilation.Create("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;

                public class IndexModel : PageModel
                {
                    public void OnGet() { }
                    public Task OnPostDeleteAsync() => Task.CompletedTask;
                    public void Online() { }
                    public void Load() { }
                }

                public class ChatHub : Hub
                {
                    public Task Send(string message) => Task.CompletedTask;
                }

                public interface IClient { Task Receive(string message); }

                public class TypedHub : Hub<IClient>
                {
                    public Task Broadcast(string message) => Task.CompletedTask;
                }
                """);
            var handlers = new RequestHandlers(compilation);

            Assert.Equal(HandlerKind.RazorPageHandler, handlers.KindOf(compilation.Method("IndexModel", "OnGet")));
            Assert.Equal(HandlerKind.RazorPageHandler, handlers.KindOf(compilation.Method("IndexModel", "OnPostDeleteAsync")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("IndexModel", "Online")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("IndexModel", "Load")));
            Assert.Equal(HandlerKind.SignalRHubMethod, handlers.KindOf(compilation.Method("ChatHub", "Send")));
            Assert.Equal(HandlerKind.SignalRHubMethod, handlers.KindOf(compilation.Method("TypedHub", "Broadcast")));
        }

        [Fact]
        public void Minimal_api_lambdas_and_method_groups()
        {
            var compilation = TestCompilation.Create("""
                using System.Linq;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/a", () => "a");
                        app.MapGroup("/api").MapGroup("/v1").MapPost("/b", (string body) => body.Length);
                        app.MapMethods("/c", new[] { "PUT" }, Handler);
                        app.Map("/d", async (HttpContext context) => await context.Response.WriteAsync("d"));
                        var notAnEndpoint = new[] { 1 }.Select(x => x + 1);
                    }

                    public static string Handler() => "c";
                    public static string NotMapped() => "x";
                }
                """);
            var handlers = new RequestHandlers(compilation);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var lambdas = tree.GetRoot().DescendantNodes().OfType<LambdaExpressionSyntax>()
                .Select(l => (Text: l.ToString(), IsHandler: handlers.IsMinimalApiHandler((IAnonymousFunctionOperation)model.GetOperation(l)!)))
                .ToList();

            Assert.Equal(
                new[] { ("() => \"a\"", true), ("(string body) => body.Length", true), ("async (HttpContext context) => await context.Response.WriteAsync(\"d\")", true), ("x => x + 1", false) },
                lambdas.ToArray());
            Assert.Equal(HandlerKind.MinimalApi, handlers.KindOf(compilation.Method("Endpoints", "Handler")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("Endpoints", "NotMapped")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("Endpoints", "Map")));
        }

        [Fact]
        public void Method_groups_of_a_name_other_modules_repeat_are_told_apart()
        {
            // Each module maps its own Related: a simple name finds only the method of the type it is written in (or of a
            // type around it, or one inherited or imported by using static); other spellings name whatever they bind to.
            var compilation = TestCompilation.Create("""
                using Microsoft.AspNetCore.Builder;

                namespace Shop.M0.Chat
                {
                    public static class ChatEndpoints
                    {
                        public static void Map(WebApplication app) => app.MapGet("/related", Related);
                        public static string Related() => "0";
                        public static string Unmapped() => "0";

                        public static class Nested
                        {
                            public static void Map(WebApplication app) => app.MapGet("/outer", Unmapped);
                        }
                    }
                }

                namespace Shop.M1.Chat
                {
                    public static class ChatEndpoints
                    {
                        public static string Related() => "1";
                        public static string Unmapped() => "1";
                    }

                    public static class Routes
                    {
                        public static void Map(WebApplication app) => app.MapGet("/related", ChatEndpoints.Related);
                    }
                }

                namespace Shop.M2.Chat
                {
                    public class BaseEndpoints
                    {
                        public static string Inherited() => "2";
                    }

                    public class ChatEndpoints : BaseEndpoints
                    {
                        public static void Map(WebApplication app) => app.MapGet("/inherited", Inherited);
                        public static string Related() => "2";
                    }
                }
                """);
            var handlers = new RequestHandlers(compilation);
            IMethodSymbol In(string ns, string type, string method) =>
                compilation.GetTypeByMetadataName(ns + "." + type)!.GetMembers(method).OfType<IMethodSymbol>().Single();

            Assert.Equal(HandlerKind.MinimalApi, handlers.KindOf(In("Shop.M0.Chat", "ChatEndpoints", "Related")));
            Assert.Equal(HandlerKind.MinimalApi, handlers.KindOf(In("Shop.M1.Chat", "ChatEndpoints", "Related")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(In("Shop.M2.Chat", "ChatEndpoints", "Related")));
            Assert.Equal(HandlerKind.MinimalApi, handlers.KindOf(In("Shop.M0.Chat", "ChatEndpoints", "Unmapped")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(In("Shop.M1.Chat", "ChatEndpoints", "Unmapped")));
            Assert.Equal(HandlerKind.MinimalApi, handlers.KindOf(In("Shop.M2.Chat", "BaseEndpoints", "Inherited")));
        }

        [Fact]
        public void Grpc_overrides_and_http_triggered_functions()
        {
            var compilation = TestCompilation.Create("""
                using System.Threading.Tasks;
                using Grpc.Core;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Azure.Functions.Worker;

                public static partial class Greeter
                {
                    [BindServiceMethod(typeof(Greeter), "BindService")]
                    public abstract class GreeterBase
                    {
                        public virtual Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult(request);
                    }
                }

                public class GreeterService : Greeter.GreeterBase
                {
                    public override Task<string> SayHello(string request, ServerCallContext context) => Task.FromResult("hi " + request);
                    public Task<string> Helper() => Task.FromResult("");
                }

                public class IsolatedFunctions
                {
                    [Function("Ask")]
                    public IActionResult Ask([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => new OkResult();

                    [Function("Timer")]
                    public void Timer(string timerInfo) { }
                }

                public class InProcessFunctions
                {
                    [Microsoft.Azure.WebJobs.FunctionName("Ask")]
                    public static IActionResult Ask([Microsoft.Azure.WebJobs.HttpTrigger(Microsoft.Azure.WebJobs.Extensions.Http.AuthorizationLevel.Function, "get")] HttpRequest request) => new OkResult();
                }
                """);
            var handlers = new RequestHandlers(compilation);

            Assert.Equal(HandlerKind.GrpcServiceMethod, handlers.KindOf(compilation.Method("GreeterService", "SayHello")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("GreeterService", "Helper")));
            Assert.Equal(HandlerKind.AzureFunction, handlers.KindOf(compilation.Method("IsolatedFunctions", "Ask")));
            Assert.Equal(HandlerKind.None, handlers.KindOf(compilation.Method("IsolatedFunctions", "Timer")));
            Assert.Equal(HandlerKind.AzureFunction, handlers.KindOf(compilation.Method("InProcessFunctions", "Ask")));
        }

        [Fact]
        public void Server_framework_presence()
        {
            Assert.True(new RequestHandlers(TestCompilation.Create("class C { }")).ReferencesServerFramework);
            Assert.False(new RequestHandlers(TestCompilation.Create("class C { }", TestLibraries.ExtensionsAI)).ReferencesServerFramework);
        }
    }
}
