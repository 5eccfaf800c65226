using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Members that run once while the app starts, before it serves requests: static constructors and static
    /// initializers, <c>Main</c> and top-level statements, and the <c>ConfigureServices</c> / <c>Configure…</c> methods
    /// of a <c>Startup</c> class. Lambdas written in them are not start-up code: they may run later, per request.
    /// </summary>
    internal static class StartUpCode
    {
        public static bool IsStartUpMember(ISymbol? member) => member switch
        {
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => true,
            IMethodSymbol { IsStatic: true, Name: "Main" or WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => true,
            IMethodSymbol { ContainingType.Name: "Startup" } method => method.Name.StartsWith("Configure", StringComparison.Ordinal),

            // Initializers of static fields and properties run in the static constructor.
            IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true } => true,
            _ => false,
        };

        /// <summary>
        /// An extension method that wires the app up at start-up: its <c>this</c> parameter is the service collection or a
        /// host or app builder (<c>IServiceCollection</c>, <c>IHostApplicationBuilder</c>, <c>IHostBuilder</c>,
        /// <c>IWebHostBuilder</c>, <c>WebApplicationBuilder</c>). Code directly in it runs once; lambdas in it (factories) may
        /// run later, per request.
        /// </summary>
        public static bool IsRegistrationExtension(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            if (!definition.IsExtensionMethod || definition.Parameters.Length == 0 || definition.Parameters[0].Type is not INamedTypeSymbol target)
            {
                return false;
            }

            return IsBuilderType(target) || target.AllInterfaces.Any(IsBuilderType);
        }

        private static bool IsBuilderType(INamedTypeSymbol type) =>
            (type.Name, type.ContainingNamespace?.ToDisplayString()) switch
            {
                ("IServiceCollection", "Microsoft.Extensions.DependencyInjection") => true,
                ("IHostApplicationBuilder" or "IHostBuilder", "Microsoft.Extensions.Hosting") => true,
                ("IWebHostBuilder", "Microsoft.AspNetCore.Hosting") => true,
                ("WebApplicationBuilder", "Microsoft.AspNetCore.Builder") => true,
                _ => false,
            };
    }
}
