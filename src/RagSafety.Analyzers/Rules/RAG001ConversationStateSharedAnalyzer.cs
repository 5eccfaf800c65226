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
            if (registrations.Recognize(invocation) is not { Lifetime: ServiceLifetimeKind.Singleton, IntoKernelServices: false } registration
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
                if (registration.TwinWithLifetime(ServiceLifetimeKind.Scoped) is { } scoped)
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

        private static bool IsAutoProperty(IPropertySymbol property) =>
            property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        private static bool IsThreadStatic(IFieldSymbol field) =>
            field.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ThreadStaticAttribute");
    }
}
