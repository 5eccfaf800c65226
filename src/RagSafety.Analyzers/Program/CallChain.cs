using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Program
{
    /// <summary>A path from an app method to a catalogued API, e.g. <c>ChatHost.AskAsync → IChatClient.GetResponseAsync</c>.</summary>
    internal sealed class CallChain
    {
        public CallChain(ImmutableArray<IMethodSymbol> steps) => Steps = steps;

        /// <summary>The app's methods in call order, ending with the catalogued API.</summary>
        public ImmutableArray<IMethodSymbol> Steps { get; }

        public IMethodSymbol Target => Steps[Steps.Length - 1];

        public string Describe() => string.Join(" → ", Steps.Select(Display));

        /// <summary><c>Type.Member</c>; an extension method is shown on the type it extends, the way it is called.</summary>
        public static string Display(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            var type = definition.IsExtensionMethod && definition.Parameters.Length > 0
                ? definition.Parameters[0].Type
                : method.ContainingType;
            return type is null || method.MethodKind == MethodKind.LocalFunction ? method.Name : type.Name + "." + method.Name;
        }
    }
}
