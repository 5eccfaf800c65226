using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG001: per-conversation state (chat histories, message lists, agent threads, kernel arguments, or the app's own
    /// types that keep them in instance fields) held in a static field or property, or registered as a DI singleton.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG001ConversationStateSharedAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: the registration method's scoped twin (absent: no automatic fix).</summary>
        public const string ScopedNameProperty = "ScopedName";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG001_ConversationStateShared);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var compilation = context.Compilation;

            // A console tool serves one user: its statics and singletons are not shared between requests.
            if (compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication
                && !rag.Handlers.ReferencesServerFramework)
            {
                return;
            }

            var state = new ConversationStateTypes(compilation, rag.Apis);
            context.RegisterSymbolAction(c => AnalyzeStaticMember(c, state), SymbolKind.Field, SymbolKind.Property);

            var registrations = ServiceRegistrations.For(compilation);
            if (registrations.IsAvailable)
            {
                context.RegisterOperationAction(c => AnalyzeRegistration(c, state, registrations), OperationKind.Invocation);
            }
        }

        private static void AnalyzeStaticMember(SymbolAnalysisContext context, ConversationStateTypes state)
        {
            var symbol = context.Symbol;
            if (!symbol.IsStatic || symbol.IsImplicitlyDeclared || symbol.Locations.FirstOrDefault() is not { IsInSource: true } location)
            {
                return;
            }

            ITypeSymbol type;
            switch (symbol)
            {
                case IFieldSymbol { IsConst: false } field when !IsThreadStatic(field):
                    type = field.Type;
                    break;

                // Only auto-properties store a value; a computed property may build a fresh object per use.
                case IPropertySymbol property when IsAutoProperty(property):
                    type = property.Type;
                    break;

                default:
                    return;
            }

            if (state.Reason(type) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG001_ConversationStateShared,
                    location,
                    symbol.ContainingType.Name + "." + symbol.Name,
                    reason));
            }
        }

        private static void AnalyzeRegistration(OperationAnalysisContext context, ConversationStateTypes state, ServiceRegistrations registrations)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (registrations.Recognize(invocation) is not { Lifetime: ServiceLifetimeKind.Singleton } registration
                || registration.NameSyntax is not { } name)
            {
                return;
            }

            foreach (var type in registration.ProvidedTypes)
            {
                if (state.Reason(type) is not { } reason)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (ScopedTwin(registration) is { } scoped)
                {
                    properties = properties.Add(ScopedNameProperty, scoped);
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG001_ConversationStateShared,
                    name.GetLocation(),
                    properties,
                    registration.Describe(type),
                    reason));
                return;
            }
        }

        /// <summary>
        /// The name of the scoped registration method that takes the same arguments (<c>AddSingleton</c> →
        /// <c>AddScoped</c>, <c>TryAddKeyedSingleton</c> → <c>TryAddKeyedScoped</c>), or null: the instance form has no
        /// scoped twin, and a factory that hands out an existing object would still share it.
        /// </summary>
        private static string? ScopedTwin(ServiceRegistration registration)
        {
            if (registration.Instance is not null || registration.Factory is IAnonymousFunctionOperation lambda && ReturnsExistingObject(lambda))
            {
                return null;
            }

            var method = registration.Method;
            var scopedName = method.Name.Replace("Singleton", "Scoped");
            var original = method.OriginalDefinition;
            foreach (var candidate in method.ContainingType.GetMembers(scopedName).OfType<IMethodSymbol>())
            {
                if (candidate.Arity == original.Arity
                    && candidate.Parameters.Length == original.Parameters.Length
                    && candidate.Parameters.Zip(original.Parameters, (a, b) => a.Type.ToDisplayString() == b.Type.ToDisplayString()).All(same => same))
                {
                    return scopedName;
                }
            }

            return null;
        }

        private static bool ReturnsExistingObject(IAnonymousFunctionOperation lambda) =>
            ServiceRegistrations.ReturnedValues(lambda).Any(v => v is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation);

        private static bool IsAutoProperty(IPropertySymbol property) =>
            property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        private static bool IsThreadStatic(IFieldSymbol field) =>
            field.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ThreadStaticAttribute");
    }
}
