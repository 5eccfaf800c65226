using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG032: a new <c>HttpClient</c> or AI SDK client created per call (<see cref="PerCallClients"/> decides: in a request
    /// handler, inside a loop, in an app method a handler reaches, or per instance of a type created per request), with
    /// the fix that hoists an <c>HttpClient</c> used as a short-lived object into a shared static field.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG032ClientCreatedPerCallAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: present (<see cref="FixHoist"/>) when the HttpClient can move to a static field.</summary>
        public const string FixProperty = "Fix";

        /// <summary>Hoist the <c>new HttpClient(…)</c> into a <c>private static readonly</c> field of the containing type.</summary>
        public const string FixHoist = "HoistToStaticField";

        /// <summary>Diagnostic property: the timeout in seconds the fix writes when the creation sets none.</summary>
        public const string TimeoutSecondsProperty = "TimeoutSeconds";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG032_ClientCreatedPerCall);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var perCall = PerCallClients.Get(context.Compilation, rag);
            var timeout = OptionSpecs.HttpTimeoutSeconds.Read(rag.Options);
            context.RegisterOperationAction(c => Analyze(c, perCall, timeout), OperationKind.ObjectCreation);
        }

        private static void Analyze(OperationAnalysisContext context, PerCallClients perCall, int timeoutSeconds)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (perCall.Find(creation, context.ContainingSymbol, context.CancellationToken) is not { } found)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (SymbolEqualityComparer.Default.Equals(creation.Type, perCall.HttpClient)
                && found.Use is ClientUse.Local or ClientUse.Receiver or ClientUse.SinkArgument
                && context.ContainingSymbol is IMethodSymbol member
                && CanHoist(creation, found.Local, member.ContainingType))
            {
                properties = properties
                    .Add(FixProperty, FixHoist)
                    .Add(TimeoutSecondsProperty, timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG032_ClientCreatedPerCall, creation.Syntax.GetLocation(), properties, creation.Type!.Name, found.Where));
        }

        /// <summary>
        /// The creation can become a static field initializer: it reads no local, parameter, instance member or static
        /// property of the same type (whose initializer may run later) and awaits nothing; a local holding it is declared alone, in a block, and never assigned, passed by reference or disposed by hand; and the
        /// containing type is a class, struct or record declaration, or the code is in top-level statements.
        /// </summary>
        private static bool CanHoist(IObjectCreationOperation creation, ILocalSymbol? local, INamedTypeSymbol? containingType)
        {
            // Top-level statements: the field goes into (a new part of) the partial Program class.
            var typeDeclaration = creation.Syntax.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (typeDeclaration is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)
                && !creation.Syntax.Ancestors().Any(a => a is GlobalStatementSyntax))
            {
                return false;
            }

            foreach (var operation in creation.Descendants())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation or IParameterReferenceOperation or IAwaitOperation:
                    case IInstanceReferenceOperation { ReferenceKind: not InstanceReferenceKind.ImplicitReceiver }:
                    case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }:
                    case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction }:
                        return false;

                    // The new field goes after the type's fields, but a static property of the type may be initialized after it.
                    case IPropertyReferenceOperation { Property.IsStatic: true } property
                        when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType.OriginalDefinition, containingType?.OriginalDefinition):
                        return false;
                }
            }

            if (local is null)
            {
                return true;
            }

            if (creation.Syntax.Parent?.Parent is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration }
                || !IsRemovableDeclaration(declaration.Parent))
            {
                return false;
            }

            IOperation root = creation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                var value = Outer(reference);
                if (value.Parent is IAssignmentOperation assignment && assignment.Target == value
                    || value.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }
                    || value.Parent is IInvocationOperation { TargetMethod.Name: "Dispose" } dispose && dispose.Instance == value
                    || value.Parent is IUsingOperation or IAddressOfOperation)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The statement declaring the local, when the fix can remove it: a <c>using</c> statement, or a local declaration in
        /// a block, top-level statements or a switch section. A declaration standing as a loop's or an if's whole body (an
        /// error while typing) has no place to be removed from.
        /// </summary>
        internal static bool IsRemovableDeclaration(SyntaxNode? statement) =>
            statement is UsingStatementSyntax or LocalDeclarationStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax };

        private static IOperation Outer(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion;
            }

            return operation;
        }
    }
}
