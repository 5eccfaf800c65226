using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using RagSafety.Analyzers.CodeFixes.Rules;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;
using Verify = RagSafety.Analyzers.Tests.Verification.CSharpCodeFixVerifier<
    RagSafety.Analyzers.Rules.RAG002SharedKernelMutatedAnalyzer,
    RagSafety.Analyzers.CodeFixes.Rules.RAG002SharedKernelMutatedFixer>;

namespace RagSafety.Analyzers.Tests.Rules
{
    public class RAG002SharedKernelMutatedTests
    {
        private const string Usings = """
            using System;
            using System.Globalization;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using Microsoft.SemanticKernel;

            """;

        private const string Plugin = """

            public sealed class TimePlugin
            {
                public string Now() => DateTime.UtcNow.ToString("O");
            }
            """;

        private static Verify.Test Program(string source, string? fixedSource, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = source };
            if (fixedSource is not null)
            {
                test.FixedCode = fixedSource;
            }

            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        [Fact]
        public async Task Static_kernel_changed_in_an_endpoint_is_cloned_first()
        {
            await Program(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();

                // Start-up: the kernel is not serving requests yet.
                Shared.Kernel.ImportPluginFromType<TimePlugin>();

                app.MapPost("/plugins", () =>
                {
                    {|#0:Shared.Kernel.ImportPluginFromType<TimePlugin>()|};
                    return Shared.Kernel.Plugins.Count;
                });
                app.Run();

                static class Shared
                {
                    public static readonly Kernel Kernel = new();
                }
                """ + Plugin,
                Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();

                // Start-up: the kernel is not serving requests yet.
                Shared.Kernel.ImportPluginFromType<TimePlugin>();

                app.MapPost("/plugins", () =>
                {
                    var kernel = Shared.Kernel.Clone();
                    kernel.ImportPluginFromType<TimePlugin>();
                    return kernel.Plugins.Count;
                });
                app.Run();

                static class Shared
                {
                    public static readonly Kernel Kernel = new();
                }
                """ + Plugin,
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromType", "static field 'Shared.Kernel'")).RunAsync();
        }

        private const string SingletonKernelProgram = Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{0};
            var app = builder.Build();
            app.MapGet("/ask", async (Kernel kernel) =>
            {
                {1}
                return (await kernel.InvokePromptAsync("What time is it?")).ToString();
            });
            app.Run();
            """ + Plugin;

        private static string SingletonKernel(string registration, string body) =>
            SingletonKernelProgram.Replace("{0}", registration).Replace("{1}", body);

        [Fact]
        public async Task Singleton_kernel_changed_in_a_handler_is_registered_as_transient()
        {
            await Program(
                SingletonKernel("AddSingleton<Kernel>()", "{|#0:kernel.Plugins.AddFromType<TimePlugin>()|};"),
                SingletonKernel("AddTransient<Kernel>()", "kernel.Plugins.AddFromType<TimePlugin>();"),
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Plugins.AddFromType", "the singleton registration AddSingleton<Kernel>")).RunAsync();
        }

        [Fact]
        public async Task Singleton_kernel_changed_in_a_handler_can_be_cloned_instead()
        {
            var test = Program(
                SingletonKernel("TryAddSingleton(sp => new Kernel(sp))", "{|#0:kernel.Plugins.AddFromType<TimePlugin>()|};"),
                SingletonKernel("TryAddSingleton(sp => new Kernel(sp))", "kernel = kernel.Clone();\n    kernel.Plugins.AddFromType<TimePlugin>();"),
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Plugins.AddFromType", "the singleton registration TryAddSingleton(Kernel)"));
            test.CodeActionEquivalenceKey = RAG002SharedKernelMutatedFixer.CloneKey;
            await test.RunAsync();
        }

        [Fact]
        public async Task Registered_kernel_instance_changed_in_an_expression_lambda_is_cloned_in_a_new_block()
        {
            await Program(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var kernel = Kernel.CreateBuilder().Build();
                builder.Services.AddSingleton(kernel);
                var app = builder.Build();
                app.MapGet("/now", (Kernel k) => k.InvokeAsync({|#0:k.ImportPluginFromType<TimePlugin>()|}["Now"]));
                app.Run();
                """ + Plugin,
                Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var kernel = Kernel.CreateBuilder().Build();
                builder.Services.AddSingleton(kernel);
                var app = builder.Build();
                app.MapGet("/now", (Kernel k) =>
                {
                    k = k.Clone();
                    return k.InvokeAsync(k.ImportPluginFromType<TimePlugin>()["Now"]);
                });
                app.Run();
                """ + Plugin,
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromType", "the singleton registration AddSingleton(Kernel)")).RunAsync();
        }

        [Fact]
        public async Task Expression_bodied_methods_become_blocks()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public sealed class Tools(Kernel kernel)
                {
                    private static readonly Kernel Shared = new();

                    public async Task RunAsync() => await Shared.InvokeAsync({|#0:Shared.ImportPluginFromType<TimePlugin>()|}["Now"]);

                    public async Task<FunctionResult> AddAsync(TimePlugin plugin) => await Task.Run(() => kernel.InvokeAsync({|#1:kernel.Plugins.AddFromObject(plugin)|}["Now"]));

                    public Task<FunctionResult> NowAsync() => Shared.InvokeAsync({|#2:Shared.ImportPluginFromType<TimePlugin>()|}["Now"]);
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services) => services.AddSingleton<Tools>();
                }
                """ + Plugin,
                new[]
                {
                    Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromType", "static field 'Tools.Shared'"),
                    Verify.Diagnostic("RAG002").WithLocation(1).WithArguments("Plugins.AddFromObject", "singleton 'Tools.kernel' (AddSingleton<Tools>)"),
                    Verify.Diagnostic("RAG002").WithLocation(2).WithArguments("ImportPluginFromType", "static field 'Tools.Shared'"),
                },
                Usings + """
                public sealed class Tools(Kernel kernel)
                {
                    private static readonly Kernel Shared = new();

                    public async Task RunAsync()
                    {
                        var clonedKernel = Shared.Clone();
                        await clonedKernel.InvokeAsync(clonedKernel.ImportPluginFromType<TimePlugin>()["Now"]);
                    }

                    public async Task<FunctionResult> AddAsync(TimePlugin plugin) => await Task.Run(() =>
                    {
                        var clonedKernel = kernel.Clone();
                        return clonedKernel.InvokeAsync(clonedKernel.Plugins.AddFromObject(plugin)["Now"]);
                    });

                    public Task<FunctionResult> NowAsync()
                    {
                        var clonedKernel = Shared.Clone();
                        return clonedKernel.InvokeAsync(clonedKernel.ImportPluginFromType<TimePlugin>()["Now"]);
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services) => services.AddSingleton<Tools>();
                }
                """ + Plugin);
        }

        [Fact]
        public async Task Fields_of_singletons_are_cloned_in_the_changing_method()
        {
            var test = new Verify.Test { TestCode = Usings + """
                public sealed class ToolService
                {
                    private readonly Kernel _kernel;

                    public ToolService(Kernel kernel)
                    {
                        _kernel = kernel;
                        _kernel.ImportPluginFromType<TimePlugin>(); // runs once: the service is a singleton
                    }

                    public async Task<string> AskAsync(string user, string question)
                    {
                        // Per-user settings on the shared kernel.
                        {|#0:_kernel.Data["user"] = user|};
                        {|#1:this._kernel.Culture = CultureInfo.InvariantCulture|};
                        var result = await _kernel.InvokePromptAsync(question);
                        return result.ToString();
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddKernel();
                        services.AddSingleton<ToolService>();
                    }
                }
                """ + Plugin, FixedCode = Usings + """
                public sealed class ToolService
                {
                    private readonly Kernel _kernel;

                    public ToolService(Kernel kernel)
                    {
                        _kernel = kernel;
                        _kernel.ImportPluginFromType<TimePlugin>(); // runs once: the service is a singleton
                    }

                    public async Task<string> AskAsync(string user, string question)
                    {
                        var kernel = _kernel.Clone();
                        // Per-user settings on the shared kernel.
                        kernel.Data["user"] = user;
                        kernel.Culture = CultureInfo.InvariantCulture;
                        var result = await kernel.InvokePromptAsync(question);
                        return result.ToString();
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddKernel();
                        services.AddSingleton<ToolService>();
                    }
                }
                """ + Plugin };
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Data[…] =", "singleton 'ToolService._kernel' (AddSingleton<ToolService>)"),
                Verify.Diagnostic("RAG002").WithLocation(1).WithArguments("Culture =", "singleton 'ToolService._kernel' (AddSingleton<ToolService>)"),
            });
            await test.RunAsync();
        }

        [Fact]
        public async Task Scoped_service_constructor_changing_the_singleton_kernel_is_reported()
        {
            var test = new Verify.Test { TestCode = Usings + """
                public sealed class PerRequest
                {
                    private readonly Kernel _kernel;

                    public PerRequest([FromKeyedServices("main")] Kernel kernel)
                    {
                        {|#0:kernel.ImportPluginFromObject(new TimePlugin())|};
                        _kernel = kernel;
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddKeyedSingleton<Kernel>("main");
                        services.AddScoped<PerRequest>();
                    }
                }
                """ + Plugin, FixedCode = Usings + """
                public sealed class PerRequest
                {
                    private readonly Kernel _kernel;

                    public PerRequest([FromKeyedServices("main")] Kernel kernel)
                    {
                        kernel = kernel.Clone();
                        kernel.ImportPluginFromObject(new TimePlugin());
                        _kernel = kernel;
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddKeyedSingleton<Kernel>("main");
                        services.AddScoped<PerRequest>();
                    }
                }
                """ + Plugin };
            test.CodeActionEquivalenceKey = RAG002SharedKernelMutatedFixer.CloneKey;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromObject", "the singleton registration AddKeyedSingleton<Kernel>"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Controller_action_and_lazy_static_kernel()
        {
            await Verify.VerifyCodeFixAsync(Usings + """
                public static class Kernels
                {
                    public static readonly Lazy<Kernel> Main = new(() => Kernel.CreateBuilder().Build());
                }

                [ApiController]
                [Route("plugins")]
                public class PluginsController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Add([FromServices] Kernel kernel)
                    {
                        {|#0:kernel.Plugins.Clear()|};
                        {|#1:Kernels.Main.Value.Plugins.AddFromObject(new TimePlugin())|};
                        return Ok(Kernels.Main.Value.Plugins.Count + kernel.Plugins.Count);
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services, Kernel kernel) => services.AddSingleton(kernel);
                }
                """ + Plugin,
                new[]
                {
                    Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Plugins.Clear", "the singleton registration AddSingleton(Kernel)"),
                    Verify.Diagnostic("RAG002").WithLocation(1).WithArguments("Plugins.AddFromObject", "static field 'Kernels.Main'"),
                },
                Usings + """
                public static class Kernels
                {
                    public static readonly Lazy<Kernel> Main = new(() => Kernel.CreateBuilder().Build());
                }

                [ApiController]
                [Route("plugins")]
                public class PluginsController : ControllerBase
                {
                    [HttpPost]
                    public IActionResult Add([FromServices] Kernel kernel)
                    {
                        var clonedKernel = Kernels.Main.Value.Clone();
                        kernel = kernel.Clone();
                        kernel.Plugins.Clear();
                        clonedKernel.Plugins.AddFromObject(new TimePlugin());
                        return Ok(clonedKernel.Plugins.Count + kernel.Plugins.Count);
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services, Kernel kernel) => services.AddSingleton(kernel);
                }
                """ + Plugin);
        }

        [Fact]
        public async Task Expression_lambda_returning_a_value_returns_it_after_the_clone()
        {
            await Program(Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/x", () => Shared.Kernel.InvokeAsync({|#0:Shared.Kernel.ImportPluginFromType<TimePlugin>()|}["Now"]));
                app.Run();

                static class Shared
                {
                    public static Kernel Kernel { get; } = new();
                }
                """ + Plugin,
                Usings + """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapGet("/x", () =>
                {
                    var kernel = Shared.Kernel.Clone();
                    return kernel.InvokeAsync(kernel.ImportPluginFromType<TimePlugin>()["Now"]);
                });
                app.Run();

                static class Shared
                {
                    public static Kernel Kernel { get; } = new();
                }
                """ + Plugin,
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromType", "static property 'Shared.Kernel'")).RunAsync();
        }

        [Fact]
        public async Task Read_only_cloned_transient_local_and_start_up_kernels_are_not_reported()
        {
            var test = new Verify.Test { TestCode = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddKernel();
                builder.Services.AddSingleton(sp =>
                {
                    var built = new Kernel(sp);
                    built.Plugins.AddFromType<TimePlugin>();
                    return new Holder(built);
                });
                builder.Services.AddScoped<Scoped>();
                var app = builder.Build();

                app.MapGet("/ask", async (Kernel kernel, string q) =>
                {
                    // AddKernel registers the kernel as transient: each request gets its own.
                    kernel.ImportPluginFromType<TimePlugin>();
                    return (await kernel.InvokePromptAsync(q)).ToString();
                });
                app.MapGet("/read", async (string q) =>
                {
                    var count = Shared.Kernel.Plugins.Count;
                    Shared.Kernel.Data.TryGetValue("x", out var value);
                    var copy = Shared.Kernel.Clone();
                    copy.ImportPluginFromType<TimePlugin>();
                    Shared.Kernel.Clone().Plugins.AddFromType<TimePlugin>();
                    return (await Shared.Kernel.InvokePromptAsync(q)).ToString();
                });
                app.Run();

                public sealed class Holder(Kernel kernel)
                {
                    public Kernel Kernel => kernel;
                }

                public sealed class Warmup : Microsoft.Extensions.Hosting.BackgroundService
                {
                    public Warmup([FromKeyedServices("main")] Kernel kernel)
                    {
                        // The host creates hosted services once, at start-up.
                        kernel.ImportPluginFromType<TimePlugin>();
                    }

                    protected override Task ExecuteAsync(System.Threading.CancellationToken stoppingToken) => Task.CompletedTask;
                }

                public sealed class UsesDefaultKernel(Kernel kernel)
                {
                    // Only a keyed kernel is a singleton; this parameter gets the transient one from AddKernel.
                    public void Add() => kernel.ImportPluginFromType<TimePlugin>();
                }

                public static class KeyedRegistrations
                {
                    public static void Register(IServiceCollection services) => services.AddKeyedSingleton<Kernel>("main");
                }

                public sealed class Scoped
                {
                    private readonly Kernel _kernel = Kernel.CreateBuilder().Build();

                    public void Configure() => _kernel.ImportPluginFromType<TimePlugin>();
                }

                public static class Helpers
                {
                    // Not a handler: the kernel's origin is unknown.
                    public static void AddTime(Kernel kernel) => kernel.Plugins.AddFromType<TimePlugin>();
                }

                static class Shared
                {
                    public static readonly Kernel Kernel;

                    static Shared()
                    {
                        Kernel = new Kernel();
                        Kernel.ImportPluginFromType<TimePlugin>();
                        Kernel.Culture = CultureInfo.InvariantCulture;
                    }
                }

                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services) => Shared.Kernel.Plugins.AddFromType<TimePlugin>();
                }
                """ + Plugin };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task Injected_field_of_a_scoped_service_records_and_local_functions()
        {
            var test = new Verify.Test { TestCode = Usings + """
                namespace MyApp;

                public sealed class Personalizer
                {
                    private readonly Kernel _kernel;

                    public Personalizer(Kernel kernel) => _kernel = kernel;

                    public Task<FunctionResult> AskAsync(string user, string question)
                    {
                        return Ask();

                        Task<FunctionResult> Ask()
                        {
                            {|#0:_kernel.Data["user"] = user|};
                            return _kernel.InvokePromptAsync(question);
                        }
                    }
                }

                public record KernelHolder(Kernel Kernel)
                {
                    public Task<FunctionResult> NowAsync()
                    {
                        var plugin = {|#1:Kernel.Plugins.AddFromType<TimePlugin>()|};
                        return Kernel.InvokeAsync(plugin["Now"]);
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton<Kernel>(sp => new Kernel(sp));
                        services.AddScoped<Personalizer>();
                        services.AddSingleton<KernelHolder>();
                    }
                }
                """ + Plugin, FixedCode = Usings + """
                namespace MyApp;

                public sealed class Personalizer
                {
                    private readonly Kernel _kernel;

                    public Personalizer(Kernel kernel) => _kernel = kernel;

                    public Task<FunctionResult> AskAsync(string user, string question)
                    {
                        return Ask();

                        Task<FunctionResult> Ask()
                        {
                            var kernel = _kernel.Clone();
                            kernel.Data["user"] = user;
                            return kernel.InvokePromptAsync(question);
                        }
                    }
                }

                public record KernelHolder(Kernel Kernel)
                {
                    public Task<FunctionResult> NowAsync()
                    {
                        var kernel = Kernel.Clone();
                        var plugin = kernel.Plugins.AddFromType<TimePlugin>();
                        return kernel.InvokeAsync(plugin["Now"]);
                    }
                }

                public static class Registrations
                {
                    public static void Register(IServiceCollection services)
                    {
                        services.AddSingleton<Kernel>(sp => new Kernel(sp));
                        services.AddScoped<Personalizer>();
                        services.AddSingleton<KernelHolder>();
                    }
                }
                """ + Plugin };
            test.CodeActionEquivalenceKey = RAG002SharedKernelMutatedFixer.CloneKey;
            test.ExpectedDiagnostics.AddRange(new[]
            {
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Data[…] =", "the singleton registration AddSingleton<Kernel>"),
                Verify.Diagnostic("RAG002").WithLocation(1).WithArguments("Plugins.AddFromType", "singleton 'KernelHolder.Kernel' (AddSingleton<KernelHolder>)"),
            });
            await test.RunAsync();
        }

        [Fact]
        public async Task Changes_a_function_makes_without_using_the_kernel_afterwards_get_no_clone()
        {
            // Such a function changes the kernel for its other users: a clone would be thrown away with the change.
            const string source = Usings + """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddSingleton<Kernel>(sp => new Kernel(sp));
                builder.Services.AddSingleton<Tools>();
                builder.Services.AddScoped<Personalizer>();
                var app = builder.Build();
                app.MapPost("/culture", (Kernel k) => {|#0:k.Culture = CultureInfo.GetCultureInfo("fr-FR")|});
                app.Run();

                static class Shared
                {
                    public static Kernel Kernel { get; } = new();
                }

                public sealed class Tools(Kernel kernel)
                {
                    public void SetUser(string user) => {|#1:Shared.Kernel.Data["user"] = user|};

                    public int Count() => {|#2:Shared.Kernel.ImportPluginFromType<TimePlugin>()|}.FunctionCount;

                    public void Enable(IFunctionInvocationFilter filter)
                    {
                        {|#3:kernel.FunctionInvocationFilters.Add(filter)|};
                    }
                }

                public sealed class Personalizer(Kernel kernel)
                {
                    public void Apply(string user)
                    {
                        {|#4:kernel.Data["user"] = user|};
                    }
                }
                """ + Plugin;
            var expected = new[]
            {
                Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Culture =", "the singleton registration AddSingleton<Kernel>"),
                Verify.Diagnostic("RAG002").WithLocation(1).WithArguments("Data[…] =", "static property 'Shared.Kernel'"),
                Verify.Diagnostic("RAG002").WithLocation(2).WithArguments("ImportPluginFromType", "static property 'Shared.Kernel'"),
                Verify.Diagnostic("RAG002").WithLocation(3).WithArguments("FunctionInvocationFilters.Add", "singleton 'Tools.kernel' (AddSingleton<Tools>)"),
                Verify.Diagnostic("RAG002").WithLocation(4).WithArguments("Data[…] =", "the singleton registration AddSingleton<Kernel>"),
            };
            var test = Program(source, source, expected);
            test.FixedState.ExpectedDiagnostics.AddRange(expected);
            test.CodeActionEquivalenceKey = RAG002SharedKernelMutatedFixer.CloneKey;
            await test.RunAsync();
        }

        private const string UserKernel = """
            using System.Collections.Generic;

            namespace MyCorp.Ai
            {
                public sealed class AgentRuntime
                {
                    public List<object> Plugins { get; } = new();
                }

                public static class Runtimes
                {
                    public static readonly AgentRuntime Shared = new();

                    public static void Register(object plugin)
                    {
                        {|#0:Shared.Plugins.Add(plugin)|};
                    }
                }
            }
            """;

        [Fact]
        public async Task User_catalogued_kernel_type_is_reported_without_a_clone_fix_when_it_cannot_clone()
        {
            var test = new Verify.Test { TestCode = UserKernel, FixedCode = UserKernel };
            test.Libraries = TestLibraries.None;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.mutable_kernel_apis = T:MyCorp.Ai.AgentRuntime"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Plugins.Add", "static field 'Runtimes.Shared'"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("Plugins.Add", "static field 'Runtimes.Shared'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Console_tool_without_a_server_framework_is_not_reported()
        {
            var test = new Verify.Test { TestCode = UserKernel.Replace("{|#0:", string.Empty).Replace("|}", string.Empty) + """

                public static class Entry
                {
                    public static void Main() => MyCorp.Ai.Runtimes.Register(new object());
                }
                """ };
            test.Libraries = TestLibraries.None;
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.AnalyzerConfigFiles.Add(EditorConfig.ForCSharp("rag_safety.mutable_kernel_apis = T:MyCorp.Ai.AgentRuntime"));
            await test.RunAsync();
        }

        // A plugin type from a package the build lacks: neither the registration whose factory uses it nor the change that
        // imports it binds, yet both say what they do.
        private const string UnboundPluginController = Usings + """
            public static class Registrations
            {
                public static void AddAdvisor(this IServiceCollection services)
                {
                    {0}(sp =>
                    {
                        var built = new Kernel(sp);
                        built.ImportPluginFromObject(new {|CS0246:MissingPlugin|}());
                        return built;
                    });
                }
            }

            [ApiController]
            [Route("advice")]
            public class AdviceController : ControllerBase
            {
                private readonly Kernel _kernel;

                public AdviceController(Kernel kernel) => _kernel = kernel;

                [HttpPost]
                public async Task<IActionResult> Advise(string question)
                {
                    if (!_kernel.Plugins.Contains("MissingPlugin"))
                    {
                        {1}
                    }

                    return Ok((await _kernel.InvokePromptAsync(question)).ToString());
                }
            }
            """;

        private static string UnboundPlugin(string registration, string change) =>
            UnboundPluginController.Replace("{0}", registration).Replace("{1}", change);

        [Fact]
        public async Task Singleton_kernel_whose_registration_and_change_do_not_bind_is_reported_without_a_fix()
        {
            var source = UnboundPlugin("services.AddSingleton<Kernel>", "{|#0:_kernel.ImportPluginFromObject(new {|CS0246:MissingPlugin|}())|};");
            var expected = Verify.Diagnostic("RAG002").WithLocation(0).WithArguments("ImportPluginFromObject", "the singleton registration AddSingleton<Kernel>");
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
            await test.RunAsync();
        }

        [Theory]
        [InlineData("services.AddTransient<Kernel>")]
        [InlineData("services.AddScoped<Kernel>")]
        [InlineData("Kernel.CreateBuilder().Services.AddSingleton<Kernel>")]
        public async Task Unbound_change_of_a_kernel_that_is_not_an_app_singleton_is_not_reported(string registration)
        {
            // A transient or scoped kernel is the request's own; a registration into a kernel builder's own Services does not
            // make the app's Kernel a singleton.
            await Verify.VerifyAnalyzerAsync(UnboundPlugin(registration, "_kernel.ImportPluginFromObject(new {|CS0246:MissingPlugin|}());"));
        }

        [Fact]
        public async Task Broken_code_does_not_throw()
        {
            await Verify.VerifyAnalyzerAsync(Usings + """
                public static class Broken
                {
                    public static readonly Kernel Shared = new();

                    public static void Change()
                    {
                        Shared.{|CS1061:ImportPluginFromNowhere|}();
                        Shared.Plugins.{|CS1061:AddEverything|}();
                        {|CS0103:Missing|}.Plugins.AddFromType<TimePlugin>();
                        {|CS0103:Unknown|}.Data["key"] = 1;
                    }
                }
                """ + Plugin);
        }
    }
}
