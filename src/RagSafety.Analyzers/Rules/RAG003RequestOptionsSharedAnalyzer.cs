using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG003: a static field or auto-property holding request options (<c>ChatOptions</c>, <c>PromptExecutionSettings</c>
    /// and subclasses, <c>ChatCompletionOptions</c>, <c>EmbeddingGenerationOptions</c>, …) that is passed to AI calls.
    /// Options the library copies or only reads (<see cref="ApiRole.CopiedRequestOptions"/>: Agent Framework's run options,
    /// SK's agent invoke options) are reported only when the app also changes them outside start-up code.
    /// Every use is collected first; the member is reported at its declaration when the compilation ends.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG003RequestOptionsSharedAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property, present when the member can become a property that builds fresh options per use.</summary>
        public const string FixProperty = "Fix";

        public const string FixFreshPerUse = "FreshPerUse";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG003_RequestOptionsShared);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var uses = new ConcurrentDictionary<ISymbol, Uses>(SymbolEqualityComparer.Default);
            context.RegisterOperationAction(c => AnalyzeReference(c, rag, uses), OperationKind.FieldReference, OperationKind.PropertyReference);
            context.RegisterCompilationEndAction(c => Report(c, uses));
        }

        private static void AnalyzeReference(OperationAnalysisContext context, RagSafetyContext rag, ConcurrentDictionary<ISymbol, Uses> uses)
        {
            var reference = (IMemberReferenceOperation)context.Operation;
            var member = reference.Member;
            var type = member switch
            {
                IFieldSymbol { IsConst: false } field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (!member.IsStatic || type is null || !member.Locations.Any(l => l.IsInSource)
                || member is IPropertySymbol auto && !IsAutoProperty(auto))
            {
                return;
            }

            var shared = rag.Apis.TypeHasRole(type, ApiRole.RequestOptions);
            if (!shared && !rag.Apis.TypeHasRole(type, ApiRole.CopiedRequestOptions))
            {
                return;
            }

            var entry = uses.GetOrAdd(member.OriginalDefinition, _ => new Uses { Copied = !shared });
            switch (Classify(reference, rag))
            {
                case Use.PassedToAi:
                    entry.PassedToAi = true;
                    break;
                case Use.Frozen:
                    entry.Frozen = true;
                    break;
                case Use.Mutating:
                    entry.Mutated = true;
                    // Configured once while the app starts (a static constructor, Main, top-level statements), not per request.
                    if (reference.EnclosingFunction() is not null || !StartUpCode.IsStartUpMember(context.ContainingSymbol))
                    {
                        entry.MutatedAfterStartUp = true;
                    }

                    break;
            }
        }

        private enum Use
        {
            Read,
            PassedToAi,
            Frozen,
            Mutating,
        }

        /// <summary>What one use of the shared options does with them.</summary>
        private static Use Classify(IMemberReferenceOperation reference, RagSafetyContext rag)
        {
            IOperation current = reference;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return Use.Mutating;

                case IArgumentOperation { Parent: IInvocationOperation invocation }:
                    return ReachesAiCall(invocation.TargetMethod, rag) ? Use.PassedToAi : Use.Read;

                // new KernelArguments(settings): the arguments carry the settings into the AI call.
                case IArgumentOperation { Parent: IObjectCreationOperation creation }:
                    return rag.Apis.TypeHasRole(creation.Type, ApiRole.ConversationState) ? Use.PassedToAi : Use.Read;

                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current):
                    return invocation.TargetMethod.Name switch
                    {
                        "Freeze" => Use.Frozen,
                        "Clone" or "ToString" or "GetHashCode" or "Equals" or "GetType" => Use.Read,
                        _ => Use.Mutating,
                    };

                // Options.Temperature = …, Options.Tools.Add(…), Options.ChatOptions.Tools = …: changes the one shared object.
                case IMemberReferenceOperation member when ReferenceEquals(member.Instance, current):
                    return ChangesThroughMember(member) ? Use.Mutating : Use.Read;

                case IAssignmentOperation assignment when ReferenceEquals(assignment.Target, current):
                case IIncrementOrDecrementOperation:
                    return Use.Mutating;

                default:
                    return Use.Read;
            }
        }

        /// <summary>
        /// Whether a chain of member accesses that starts at the options (<c>Options.ChatOptions.Tools</c>) ends in a write
        /// (an assignment, <c>++</c>, a <c>ref</c> argument, an indexer set) or in a call on the reached object other than a
        /// known read (<c>Options.Tools.Add(…)</c>, <c>Options.AdditionalProperties.Remove(…)</c>).
        /// </summary>
        private static bool ChangesThroughMember(IMemberReferenceOperation member)
        {
            IOperation current = member;
            while (true)
            {
                if (IsWritten(current))
                {
                    return true;
                }

                var parent = current.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    current = parent;
                    parent = current.Parent;
                }

                switch (parent)
                {
                    case IMemberReferenceOperation next when ReferenceEquals(next.Instance, current):
                        current = next;
                        continue;
                    case IInvocationOperation call when ReferenceEquals(call.Instance, current):
                        return !IsReadingCall(call.TargetMethod.Name);
                    default:
                        return false;
                }
            }
        }

        private static bool IsReadingCall(string name) => name is "Clone" or "ToString" or "GetHashCode" or "Equals" or "GetType"
            or "TryGetValue" or "ContainsKey" or "Contains" or "GetEnumerator" or "IndexOf" or "CopyTo";

        private static bool IsWritten(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IConversionOperation or IParenthesizedOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                IAssignmentOperation assignment => ReferenceEquals(assignment.Target, current),
                IIncrementOrDecrementOperation => true,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } => true,
                _ => false,
            };
        }

        private static bool ReachesAiCall(IMethodSymbol method, RagSafetyContext rag) =>
            rag.Apis.IsAiCall(method) || rag.Summaries.FindAiCall(method) is not null;

        private static void Report(CompilationAnalysisContext context, ConcurrentDictionary<ISymbol, Uses> uses)
        {
            foreach (var pair in uses.OrderBy(p => p.Key.Locations.FirstOrDefault()?.SourceTree?.FilePath).ThenBy(p => p.Key.Locations.FirstOrDefault()?.SourceSpan.Start))
            {
                var (member, entry) = (pair.Key, pair.Value);
                // Options the library copies per call are safe to share as long as the app does not change them per request.
                if (!entry.PassedToAi || entry.Frozen || entry.Copied && !entry.MutatedAfterStartUp
                    || member.Locations.FirstOrDefault() is not { IsInSource: true } location)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty;
                if (!entry.Mutated && CanBecomeFreshPerUse(member, context.CancellationToken))
                {
                    properties = properties.Add(FixProperty, FixFreshPerUse);
                }

                var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG003_RequestOptionsShared,
                    location,
                    properties,
                    member.ContainingType.Name + "." + member.Name,
                    type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }

        /// <summary>
        /// Whether the declaration can become <c>static T Name => initializer;</c>: one declarator with an initializer and
        /// no attributes (a field), or a get-only auto-property with an initializer and no attributes.
        /// </summary>
        private static bool CanBecomeFreshPerUse(ISymbol member, System.Threading.CancellationToken cancellationToken)
        {
            if (member.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            return syntax switch
            {
                VariableDeclaratorSyntax { Initializer: not null, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } =>
                    field.AttributeLists.Count == 0 && !field.Modifiers.Any(SyntaxKind.FixedKeyword),
                PropertyDeclarationSyntax { Initializer: not null, AccessorList: { } accessors } property =>
                    property.AttributeLists.Count == 0
                    && accessors.Accessors.Count == 1
                    && accessors.Accessors[0].IsKind(SyntaxKind.GetAccessorDeclaration)
                    && accessors.Accessors[0].AttributeLists.Count == 0
                    && accessors.Accessors[0].Modifiers.Count == 0,
                _ => false,
            };
        }

        private static bool IsAutoProperty(IPropertySymbol property) =>
            property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

        private sealed class Uses
        {
            private volatile bool _passedToAi;
            private volatile bool _frozen;
            private volatile bool _mutated;
            private volatile bool _mutatedAfterStartUp;

            /// <summary>The options type is one the library copies or only reads (set once, when the entry is created).</summary>
            public bool Copied { get; set; }

            public bool PassedToAi { get => _passedToAi; set => _passedToAi = value; }

            public bool Frozen { get => _frozen; set => _frozen = value; }

            public bool Mutated { get => _mutated; set => _mutated = value; }

            public bool MutatedAfterStartUp { get => _mutatedAfterStartUp; set => _mutatedAfterStartUp = value; }
        }
    }
}
