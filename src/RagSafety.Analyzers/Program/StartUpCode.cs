using System;
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
    }
}
