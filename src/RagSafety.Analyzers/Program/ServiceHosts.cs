using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// Whether a compilation is (part of) a long-running service, where a model call's timeout is a latency budget that
    /// matters at load: it references a hosting framework (ASP.NET Core, Azure Functions, or Microsoft.Extensions.Hosting)
    /// and is not a console program. A project with an entry point is a console program unless the entry point's type (or
    /// file, for top-level statements) builds a web or Functions host (<c>WebApplication.CreateBuilder</c>,
    /// <c>WebHost.CreateDefaultBuilder</c>, <c>FunctionsApplication.CreateBuilder</c>, <c>ConfigureFunctionsWorkerDefaults</c>,
    /// <c>ConfigureWebHostDefaults</c>), or builds a generic host (<c>Host.CreateDefaultBuilder</c> /
    /// <c>CreateApplicationBuilder</c>, <c>new HostBuilder()</c>) and runs it (<c>Run</c>, <c>RunAsync</c>, <c>Start…</c> of
    /// Microsoft.Extensions.Hosting) or adds a hosted service: a console tool that builds a host only for DI and
    /// configuration is not a service. A project without an entry point (a class library, an in-process Functions app)
    /// is taken as part of a service when it references a hosting framework. One answer per compilation, computed on
    /// first need from the entry point's syntax (binding only the candidate Run calls).
    /// </summary>
    internal static class ServiceHosts
    {
        private static readonly ConditionalWeakTable<Compilation, Lazy<bool>> Cache = new();

        /// <summary>Types whose presence means a hosting framework is referenced.</summary>
        private static readonly string[] HostingTypes =
        {
            "Microsoft.AspNetCore.Builder.WebApplication",
            "Microsoft.AspNetCore.Hosting.IWebHostBuilder",
            "Microsoft.Azure.Functions.Worker.FunctionAttribute",
            "Microsoft.Azure.WebJobs.FunctionNameAttribute",
            "Microsoft.Extensions.Hosting.IHostedService",
        };

        /// <summary>Receivers whose <c>Create…Builder</c> methods build a web or Functions host (not <c>Kernel.CreateBuilder</c>).</summary>
        private static readonly ImmutableHashSet<string> ServerFactories = ImmutableHashSet.Create(StringComparer.Ordinal, "WebApplication", "WebHost", "FunctionsApplication");

        /// <summary>Methods that configure a web or Functions host whatever their receiver.</summary>
        private static readonly ImmutableHashSet<string> ServerConfiguration = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "ConfigureFunctionsWorkerDefaults",
            "ConfigureFunctionsWebApplication",
            "ConfigureWebHostDefaults",
            "ConfigureWebHost");

        /// <summary>Calls that run a generic host (checked to be Microsoft.Extensions.Hosting's), or give it a hosted service.</summary>
        private static readonly ImmutableHashSet<string> RunsHost = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "Run",
            "RunAsync",
            "RunConsoleAsync",
            "Start",
            "StartAsync",
            "WaitForShutdown",
            "WaitForShutdownAsync",
            "AddHostedService");

        public static bool IsServiceHost(Compilation compilation) =>
            Cache.GetValue(compilation, c => new Lazy<bool>(() => Compute(c), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

        private static bool Compute(Compilation compilation)
        {
            if (!HostingTypes.Any(name => compilation.GetTypeByMetadataName(name) is not null))
            {
                return false;
            }

            if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication))
            {
                return true;
            }

            var entryPoint = compilation.GetEntryPoint(CancellationToken.None);
            if (entryPoint is null)
            {
                // An application whose entry point does not bind: nothing says it is a console program.
                return true;
            }

            // Main's class (its other members may build the host: CreateHostBuilder), or the file of top-level statements.
            var declarations = entryPoint.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
                ? entryPoint.DeclaringSyntaxReferences
                : entryPoint.ContainingType.DeclaringSyntaxReferences;
            var genericHost = false;
            var runs = false;
            foreach (var reference in declarations)
            {
                var root = reference.GetSyntax();
                if (root is not CompilationUnitSyntax && entryPoint.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName)
                {
                    root = reference.SyntaxTree.GetRoot();
                }

                SemanticModel? model = null;
                foreach (var node in root.DescendantNodes())
                {
                    switch (Kind(node))
                    {
                        case HostSyntax.Server:
                            return true;
                        case HostSyntax.GenericHost:
                            genericHost = true;
                            break;
                        case HostSyntax.MaybeRuns when !runs && compilation.ContainsSyntaxTree(node.SyntaxTree):
#pragma warning disable RS1030 // One file (the entry point's), once per compilation.
                            model ??= compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                            runs = model.GetSymbolInfo(node).Symbol is IMethodSymbol method
                                && (method.ReducedFrom ?? method).ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Hosting" or "Microsoft.Extensions.DependencyInjection";
                            break;
                    }
                }
            }

            return genericHost && runs;
        }

        private enum HostSyntax
        {
            None,
            Server,
            GenericHost,
            MaybeRuns,
        }

        private static HostSyntax Kind(SyntaxNode node) => node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when IsCreateBuilder(access.Name.Identifier.ValueText) && ReceiverName(access.Expression) is { } factory =>
                ServerFactories.Contains(factory) ? HostSyntax.Server : factory == "Host" ? HostSyntax.GenericHost : HostSyntax.None,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when ServerConfiguration.Contains(access.Name.Identifier.ValueText) => HostSyntax.Server,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when RunsHost.Contains(access.Name.Identifier.ValueText) => HostSyntax.MaybeRuns,
            ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type) switch
            {
                "WebHostBuilder" => HostSyntax.Server,
                "HostBuilder" => HostSyntax.GenericHost,
                _ => HostSyntax.None,
            },
            _ => HostSyntax.None,
        };

        private static bool IsCreateBuilder(string name) =>
            name.StartsWith("Create", StringComparison.Ordinal) && name.EndsWith("Builder", StringComparison.Ordinal);

        /// <summary>The last name of a receiver: <c>Host</c> in <c>Host</c> and in <c>Microsoft.Extensions.Hosting.Host</c>.</summary>
        private static string? ReceiverName(ExpressionSyntax receiver) => receiver switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };
    }
}
