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
