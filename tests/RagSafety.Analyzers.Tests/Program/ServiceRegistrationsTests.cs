using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Program;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Program
{
    public class ServiceRegistrationsTests
    {
        private const string Source = """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;

            public interface IService { }
            public sealed class Service : IService { }
            public sealed class Other { }

            public static class Registrations
            {
                public static void Register(IServiceCollection services, Service existing)
                {
                    services.AddSingleton<IService, Service>();                   // 0
                    services.AddSingleton(typeof(IService), typeof(Service));     // 1
                    services.AddSingleton(existing);                              // 2
                    services.AddSingleton<IService>(sp => new Service());         // 3
                    services.TryAddSingleton<Other>();                            // 4
                    services.AddKeyedSingleton<IService, Service>("key");         // 5
                    services.TryAddKeyedSingleton<Other>("key", (sp, key) => new Other()); // 6
                    services.AddScoped<Other>();                                  // 7
                    services.AddTransient(typeof(Other));                         // 8
                    services.AddSingleton<IService>(sp => existing);              // 9
                    ServiceCollectionServiceExtensions.AddSingleton<Other>(services); // 10
                    services.AddHttpClient();                                     // 11
                }
            }
            """;

        private static (ServiceRegistrations Registrations, IInvocationOperation[] Calls) Analyze()
        {
            var compilation = TestCompilation.Create(Source, TestLibraries.AspNetCore);
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var calls = tree.GetRoot().DescendantNodes().OfType<ExpressionStatementSyntax>()
                .Select(s => (IInvocationOperation)model.GetOperation(s.Expression)!)
                .ToArray();
            return (ServiceRegistrations.For(compilation), calls);
        }

        private static string Types(ServiceRegistration registration) =>
            string.Join(", ", registration.ProvidedTypes.Select(t => t.ToDisplayString()));

        [Fact]
        public void Every_form_names_the_types_it_hands_out()
        {
            var (registrations, calls) = Analyze();
            var recognized = calls.Select(registrations.Recognize).ToArray();

            Assert.Equal("Service, IService", Types(recognized[0]!));
            Assert.Equal("Service, IService", Types(recognized[1]!));
            Assert.Equal("Service", Types(recognized[2]!));
            Assert.NotNull(recognized[2]!.Instance);
            Assert.Equal("Service, IService", Types(recognized[3]!));
            Assert.NotNull(recognized[3]!.Factory);
            Assert.Equal("Other", Types(recognized[4]!));
            Assert.Equal("Service, IService", Types(recognized[5]!));
            Assert.Equal("Other", Types(recognized[6]!));
            Assert.Equal(ServiceLifetimeKind.Scoped, recognized[7]!.Lifetime);
            Assert.Equal(ServiceLifetimeKind.Transient, recognized[8]!.Lifetime);
            Assert.Equal("Other", Types(recognized[10]!));
            Assert.Null(recognized[11]);
            Assert.All(recognized.Take(7), r => Assert.Equal(ServiceLifetimeKind.Singleton, r!.Lifetime));
        }

        [Fact]
        public void Twins_exist_except_for_instances_and_factories_returning_existing_objects()
        {
            var (registrations, calls) = Analyze();
            var recognized = calls.Select(registrations.Recognize).ToArray();

            Assert.Equal("AddScoped", recognized[0]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
            Assert.Equal("AddTransient", recognized[1]!.TwinWithLifetime(ServiceLifetimeKind.Transient));
            Assert.Null(recognized[2]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
            Assert.Equal("AddScoped", recognized[3]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
            Assert.Equal("TryAddScoped", recognized[4]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
            Assert.Equal("AddKeyedTransient", recognized[5]!.TwinWithLifetime(ServiceLifetimeKind.Transient));
            Assert.Equal("TryAddKeyedScoped", recognized[6]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
            Assert.Null(recognized[9]!.TwinWithLifetime(ServiceLifetimeKind.Scoped));
        }

        [Fact]
        public void Singletons_of_the_compilation_are_found_once()
        {
            var (registrations, _) = Analyze();

            Assert.Equal(9, registrations.Singletons.Length);
            Assert.NotNull(registrations.SingletonProviding(registrations.Singletons[0].ProvidedTypes[0], out var registeredAs));
            Assert.Equal("Service", registeredAs!.Name);
            Assert.Same(registrations, ServiceRegistrations.For(registrations.Singletons[0].Invocation.SemanticModel!.Compilation));
        }

        [Fact]
        public void Types_of_one_name_registered_by_several_modules_are_told_apart()
        {
            // Each module registers its own SupportAssistant: a registration is a candidate for a type only where its spelling
            // may denote that type (looked up where it is written), and a qualified spelling is always a candidate.
            var compilation = TestCompilation.Create("""
                using Microsoft.Extensions.DependencyInjection;

                namespace M0.Assistant { public sealed class SupportAssistant { } }
                namespace M1.Assistant { public sealed class SupportAssistant { } }
                namespace M2
                {
                    public sealed class SupportAssistant { }
                    public static class Registration { public static void Add(IServiceCollection s) => s.AddScoped<SupportAssistant>(); }
                }
                namespace M0
                {
                    using M0.Assistant;
                    public static class Registration { public static void Add(IServiceCollection s) => s.AddSingleton<SupportAssistant>(); }
                }
                namespace M1
                {
                    using M1.Assistant;
                    public static class Registration
                    {
                        public static void Add(IServiceCollection s)
                        {
                            s.AddScoped<SupportAssistant>();
                            s.AddSingleton(typeof(global::M1.Assistant.SupportAssistant));
                        }
                    }
                }
                """, TestLibraries.AspNetCore);
            var registrations = ServiceRegistrations.For(compilation);
            string? Where(ServiceRegistration? registration) => registration is null
                ? null
                : registration.Invocation.Syntax.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name + ": " + registration.Invocation.Syntax;

            var m0 = compilation.GetTypeByMetadataName("M0.Assistant.SupportAssistant")!;
            var m1 = compilation.GetTypeByMetadataName("M1.Assistant.SupportAssistant")!;
            var m2 = compilation.GetTypeByMetadataName("M2.SupportAssistant")!;
            Assert.Equal("M0: s.AddSingleton<SupportAssistant>()", Where(registrations.SingletonProviding(m0, out _)));
            Assert.Null(registrations.ShortLivedProviding(m0));
            Assert.Equal("M1: s.AddSingleton(typeof(global::M1.Assistant.SupportAssistant))", Where(registrations.SingletonProviding(m1, out _)));
            Assert.Null(registrations.ShortLivedProviding(m1));
            Assert.Null(registrations.SingletonProviding(m2, out _));
            Assert.Equal("M2: s.AddScoped<SupportAssistant>()", Where(registrations.ShortLivedProviding(m2)));
        }

        [Fact]
        public void Candidates_keep_source_order_between_spelled_types_and_instances()
        {
            // A question reads the calls that spell the type's name and those handing out an instance or a factory result
            // (they spell no type): the first registration in source order answers, whichever kind it is.
            var compilation = TestCompilation.Create("""
                using Microsoft.Extensions.DependencyInjection;

                public sealed class Engine { }
                public sealed class Cache { }

                public static class Registrations
                {
                    public static void Add(IServiceCollection services, Engine engine)
                    {
                        services.AddSingleton<Cache>();
                        services.AddSingleton(engine);
                        services.AddSingleton<Engine, Engine>();
                        services.AddScoped<Cache>(sp => new Cache());
                        services.AddScoped<Engine>();
                    }
                }
                """, TestLibraries.AspNetCore);
            var registrations = ServiceRegistrations.For(compilation);
            var engine = compilation.GetTypeByMetadataName("Engine")!;
            var cache = compilation.GetTypeByMetadataName("Cache")!;

            Assert.Equal("services.AddSingleton(engine)", registrations.SingletonProviding(engine, out _)?.Invocation.Syntax.ToString());
            Assert.Equal("services.AddSingleton<Cache>()", registrations.SingletonProviding(cache, out _)?.Invocation.Syntax.ToString());
            Assert.Null(registrations.ShortLivedProviding(engine));
            Assert.Null(registrations.ShortLivedProviding(cache));
        }

        [Fact]
        public void Questions_read_only_the_calls_that_may_hand_out_the_type_and_answer_as_every_registration_does()
        {
            // Each form a call may take: spelled by type arguments, typeof or `new T()`; bounded by type arguments (an
            // instance or a factory converting to them: a base class, an interface, boxing, array covariance); and unbounded
            // (object, a type parameter, a bare instance, `new D(x)`). Every question must get the answer a scan of every
            // registration gives; the engine, its array and the wrapper are handed out only by factories that do not spell them.
            var compilation = TestCompilation.Create("""
                using System;
                using System.Collections.Generic;
                using Microsoft.Extensions.DependencyInjection;

                public interface IEngine { }
                public interface IAssistant : IEngine { }
                public abstract class EngineBase : IEngine { }
                public sealed class Engine : EngineBase, IAssistant { }
                public sealed class Cache { }
                public sealed class Pool { }
                public struct Slot : IComparable<Slot> { public int CompareTo(Slot other) => 0; }
                public sealed class Wrapper { public static implicit operator Cache(Wrapper w) => new Cache(); }
                public static class Keys { public const string Main = "main"; }

                public static class Registrations
                {
                    public static void Add<T>(IServiceCollection services, Engine engine, Pool pool) where T : class, new()
                    {
                        services.AddSingleton<IEngine>(sp => Create());
                        services.AddSingleton<EngineBase>(sp => Create());
                        services.AddSingleton(new Cache());
                        services.AddSingleton<IComparable<Slot>>(sp => new Slot());
                        services.AddSingleton<object>(sp => MakeWrapper());
                        services.AddSingleton<T>(sp => new T());
                        services.AddKeyedSingleton<IAssistant>(Keys.Main, (sp, key) => Create());
                        services.AddSingleton<IEnumerable<EngineBase>>(sp => Engines());
                        services.AddSingleton<Cache>(sp => new Wrapper());
                        services.AddSingleton(new Func<IServiceProvider, Pool>(sp => pool));
                        services.AddScoped<IEngine>(sp => new Engine());
                        services.AddTransient<Cache>(sp => new Cache());
                        services.AddScoped(typeof(Slot));
                        services.AddSingleton(engine);
                    }

                    private static Engine Create() => new Engine();

                    private static Engine[] Engines() => new Engine[0];

                    private static Wrapper MakeWrapper() => new Wrapper();
                }
                """, TestLibraries.AspNetCore);
            var questions = new[] { "IEngine", "IAssistant", "EngineBase", "Engine", "Cache", "Pool", "Slot", "Wrapper", "Keys" }
                .Select(name => (ITypeSymbol)compilation.GetTypeByMetadataName(name)!)
                .Append(compilation.CreateArrayTypeSymbol(compilation.GetTypeByMetadataName("Engine")!))
                .Append(compilation.GetTypeByMetadataName("System.IComparable`1")!.Construct(compilation.GetTypeByMetadataName("Slot")!))
                .ToArray();

            var narrowed = ServiceRegistrations.For(compilation);
            var answers = questions.Select(type => (
                Singleton: narrowed.SingletonProviding(type, out _)?.Invocation.Syntax.ToString(),
                Keyed: narrowed.SingletonProviding(type, keyed: true, out _)?.Invocation.Syntax.ToString(),
                ShortLived: narrowed.ShortLivedProviding(type)?.Invocation.Syntax.ToString())).ToArray();

            var every = ServiceRegistrations.For(TestCompilation.Create(compilation.SyntaxTrees.Single().ToString(), TestLibraries.AspNetCore));
            for (var i = 0; i < questions.Length; i++)
            {
                var type = questions[i];
                // The other compilation's symbols are other objects: types are compared by name.
                bool Same(ITypeSymbol t) => t.OriginalDefinition.ToDisplayString() == type.OriginalDefinition.ToDisplayString();
                bool Provides(ServiceRegistration r) => r.ProvidedTypes.Any(Same);
                var singleton = every.Singletons.FirstOrDefault(Provides);
                var keyed = every.Singletons.FirstOrDefault(r => r.IsKeyed && Provides(r));
                var shortLived = singleton is null
                    ? every.ScopedOrTransient.FirstOrDefault(r => r.Instance is null && r.ProvidedTypes.Length > 0 && Same(r.ProvidedTypes[0]))
                    : null;
                Assert.Equal((singleton?.Invocation.Syntax.ToString(), keyed?.Invocation.Syntax.ToString(), shortLived?.Invocation.Syntax.ToString()), answers[i]);
            }

            // The answers the scan gives, so the comparison above is not between two empty sets.
            Assert.Equal("services.AddSingleton<IEngine>(sp => Create())", answers[3].Singleton);
            Assert.Equal("services.AddKeyedSingleton<IAssistant>(Keys.Main, (sp, key) => Create())", answers[3].Keyed);
            Assert.Equal("services.AddSingleton(new Cache())", answers[4].Singleton);
            Assert.Equal("services.AddSingleton(new Func<IServiceProvider, Pool>(sp => pool))", answers[5].Singleton);
            Assert.Equal("services.AddSingleton<IComparable<Slot>>(sp => new Slot())", answers[6].Singleton);
            Assert.Equal("services.AddSingleton<object>(sp => MakeWrapper())", answers[7].Singleton);
            Assert.Equal("services.AddSingleton<IEnumerable<EngineBase>>(sp => Engines())", answers[9].Singleton);
        }

        [Fact]
        public void A_factory_registration_is_bound_only_for_types_its_type_arguments_may_bound()
        {
            // Every module registers a factory for its own engine: a question about a scoped service binds none of them, and
            // a question about one module's engine binds that module's only.
            var modules = string.Concat(Enumerable.Range(0, 3).Select(m => $$"""
                namespace M{{m}}
                {
                    public sealed class Engine { }
                    public sealed class Search { }
                    public static class Registration
                    {
                        public static void Add(IServiceCollection s)
                        {
                            s.AddSingleton<Engine>(sp => new Engine());
                            s.AddScoped<Search>();
                        }
                    }
                }

                """));
            var compilation = TestCompilation.Create("using Microsoft.Extensions.DependencyInjection;\n" + modules, TestLibraries.AspNetCore);
            var registrations = ServiceRegistrations.For(compilation);

            Assert.Equal("s.AddScoped<Search>()", registrations.ShortLivedProviding(compilation.GetTypeByMetadataName("M2.Search")!)?.Invocation.Syntax.ToString());
            Assert.Equal(1, registrations.CallsBound);
            var engine = registrations.SingletonProviding(compilation.GetTypeByMetadataName("M1.Engine")!, out _);
            Assert.Equal("M1", engine?.Invocation.Syntax.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().First().Name.ToString());
            Assert.Equal(2, registrations.CallsBound);
        }

        [Fact]
        public void Without_dependency_injection_nothing_is_recognized()
        {
            var compilation = TestCompilation.Create("""
                public static class Registrations
                {
                    public static void AddSingleton<T>(this object services) { }
                    public static void Register(object services) => services.AddSingleton<string>();
                }
                """, TestLibraries.None);
            var registrations = ServiceRegistrations.For(compilation);

            Assert.False(registrations.IsAvailable);
            Assert.Empty(registrations.Singletons);
        }
    }
}
