using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG032: a new <c>HttpClient</c> or AI SDK client (a concrete class catalogued as a thread-safe client) created in a
    /// request handler, inside a loop (or a per-item lambda), or in an app method that a request handler calls, and used as
    /// a short-lived object: the initializer of a local (<c>using</c> forms included), the receiver of a call, or the
    /// <c>HttpClient</c> handed to an AI connector.
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
            var compilation = context.Compilation;
            var types = new WellKnown(
                compilation.GetTypeByMetadataName("System.Net.Http.HttpClient"),
                compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageHandler"),
                compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel"),
                compilation.GetTypeByMetadataName("System.Linq.Enumerable"),
                compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"));
            var timeout = OptionSpecs.HttpTimeoutSeconds.Read(rag.Options);
            context.RegisterOperationAction(c => Analyze(c, rag, types, timeout), OperationKind.ObjectCreation);
        }

        private static void Analyze(OperationAnalysisContext context, RagSafetyContext rag, WellKnown types, int timeoutSeconds)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
                || context.ContainingSymbol is not IMethodSymbol member
                || !IsClient(type, rag.Apis)
                || UsesExistingConnection(creation, types))
            {
                return;
            }

            var form = FormOf(creation, rag.Apis, out var local);
            if (form == Form.None)
            {
                return;
            }

            var where = Where(creation, member, rag, types, context.Compilation, context.CancellationToken);
            if (where is null)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (SymbolEqualityComparer.Default.Equals(type, types.HttpClient) && CanHoist(creation, local, member.ContainingType))
            {
                properties = properties
                    .Add(FixProperty, FixHoist)
                    .Add(TimeoutSecondsProperty, timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG032_ClientCreatedPerCall, creation.Syntax.GetLocation(), properties, type.Name, where));
        }

        /// <summary>A concrete class of the type's own class chain is catalogued as a thread-safe client (HttpClient, OpenAI's ChatClient, QdrantClient, …).</summary>
        private static bool IsClient(INamedTypeSymbol type, KnownApis apis)
        {
            for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                if (!current.IsAbstract && apis.IsCataloguedType(current, ApiRole.ThreadSafeClient))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The new client wraps an existing HttpClient or handler (<c>new HttpClient(sharedHandler, false)</c>, an SDK client
        /// over a shared HttpClient transport): the connections are pooled by the shared object, so it is not reported.
        /// </summary>
        private static bool UsesExistingConnection(IObjectCreationOperation creation, WellKnown types)
        {
            foreach (var operation in creation.Descendants())
            {
                if (operation is not (ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation)
                    || operation.Type is not INamedTypeSymbol type)
                {
                    continue;
                }

                if (InheritsFrom(type, types.HttpClient) || InheritsFrom(type, types.HttpMessageHandler))
                {
                    return true;
                }
            }

            return false;
        }

        private enum Form
        {
            None,
            Local,
            Receiver,
            SinkArgument,
        }

        /// <summary>How the new client is used; only short-lived uses count (a stored, returned or registered client is not per call).</summary>
        private static Form FormOf(IObjectCreationOperation creation, KnownApis apis, out ILocalSymbol? local)
        {
            local = null;
            var value = Outer(creation);
            switch (value.Parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    local = declarator.Symbol;
                    return Escapes(declarator, apis) ? Form.None : Form.Local;

                case IInvocationOperation invocation when invocation.Instance == value:
                    return Form.Receiver;

                case IArgumentOperation argument when IsSink(argument, apis):
                    return Form.SinkArgument;

                default:
                    return Form.None;
            }
        }

        private static IOperation Outer(IOperation operation)
        {
            while (operation.Parent is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion;
            }

            return operation;
        }

        /// <summary>Whether the argument is an HttpClient handed to an AI connector (a ConnectorSink parameter).</summary>
        private static bool IsSink(IArgumentOperation argument, KnownApis apis)
        {
            if (argument.Parameter is not { } parameter || parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return false;
            }

            var definition = method.ReducedFrom ?? method;
            var name = definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name;
            return definition.ContainingType is { } type && apis.MemberEntries(type, name, ApiRole.ConnectorSink).Any(e => e.Parameter == parameter.Name);
        }

        /// <summary>The local is stored in a field, property or element, returned (also from a factory lambda), or added to a collection or DI.</summary>
        private static bool Escapes(IVariableDeclaratorOperation declarator, KnownApis apis)
        {
            foreach (var reference in References(declarator))
            {
                var value = Outer(reference);
                switch (value.Parent)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Value == value
                        && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation or IArrayElementReferenceOperation:
                    case ICoalesceAssignmentOperation coalesce when coalesce.Value == value:
                    case IReturnOperation:
                        return true;
                    case IArgumentOperation argument when !IsSink(argument, apis) && argument.Parent is IInvocationOperation invocation && IsStoringCall(invocation.TargetMethod):
                        return true;
                }
            }

            return false;
        }

        private static bool IsStoringCall(IMethodSymbol method)
        {
            var name = method.Name;
            return name.StartsWith("Add", System.StringComparison.Ordinal) || name.StartsWith("TryAdd", System.StringComparison.Ordinal)
                || name is "Enqueue" or "Push" or "Insert" or "GetOrAdd" or "AddOrUpdate" or "Set";
        }

        private static System.Collections.Generic.IEnumerable<ILocalReferenceOperation> References(IVariableDeclaratorOperation declarator)
        {
            IOperation root = declarator;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root.Descendants().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol));
        }

        /// <summary>The message's "where" part, or null when the creation is not per call.</summary>
        private static string? Where(IObjectCreationOperation creation, IMethodSymbol member, RagSafetyContext rag, WellKnown types, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            if (rag.Handlers.EnclosingHandlerKind(creation, member) != HandlerKind.None)
            {
                return "in request handler '" + HandlerName(creation, member, rag.Handlers) + "'";
            }

            if (IsInLoop(creation, types))
            {
                return "inside a loop";
            }

            var outermost = Outermost(member);
            if (outermost.MethodKind == MethodKind.Ordinary
                && !SymbolEqualityComparer.Default.Equals(outermost, compilation.GetEntryPoint(cancellationToken))
                && HandlerReachability.Get(compilation, rag).FindCallingHandler(outermost) is { } handler)
            {
                return "in '" + CallChain.Display(outermost) + "', called from request handler '" + handler + "'";
            }

            return null;
        }

        private static string HandlerName(IOperation operation, IMethodSymbol member, RequestHandlers handlers)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && handlers.IsMinimalApiHandler(lambda))
                {
                    return HandlerReachability.DisplayLambdaHandler(lambda);
                }
            }

            return CallChain.Display(Outermost(member));
        }

        private static IMethodSymbol Outermost(IMethodSymbol method)
        {
            while (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            return method;
        }

        /// <summary>Inside the body of a loop of the same function, or of a per-item lambda (Parallel.For/ForEach, Select, List.ForEach).</summary>
        private static bool IsInLoop(IOperation operation, WellKnown types)
        {
            var child = operation;
            for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IForEachLoopOperation forEach when forEach.Collection == child:
                        continue;
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation lambda:
                        return IsPerItemLambda(lambda, types);
                    case ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool IsPerItemLambda(IAnonymousFunctionOperation lambda, WellKnown types)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            return (SymbolEqualityComparer.Default.Equals(type, types.Parallel) && method.Name is "For" or "ForEach" or "ForEachAsync")
                || (SymbolEqualityComparer.Default.Equals(type, types.Enumerable) && method.Name is "Select" or "SelectMany")
                || (SymbolEqualityComparer.Default.Equals(type, types.List) && method.Name == "ForEach");
        }

        /// <summary>
        /// The creation can become a static field initializer: it reads no local, parameter, instance member or static
        /// property of the same type (whose initializer may run later) and awaits nothing; a local holding it is declared alone and never assigned, passed by reference or disposed by hand; and the
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
                || declaration.Parent is not (LocalDeclarationStatementSyntax or UsingStatementSyntax))
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

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class WellKnown
        {
            public WellKnown(INamedTypeSymbol? httpClient, INamedTypeSymbol? httpMessageHandler, INamedTypeSymbol? parallel, INamedTypeSymbol? enumerable, INamedTypeSymbol? list)
            {
                HttpClient = httpClient;
                HttpMessageHandler = httpMessageHandler;
                Parallel = parallel;
                Enumerable = enumerable;
                List = list;
            }

            public INamedTypeSymbol? HttpClient { get; }

            public INamedTypeSymbol? HttpMessageHandler { get; }

            public INamedTypeSymbol? Parallel { get; }

            public INamedTypeSymbol? Enumerable { get; }

            public INamedTypeSymbol? List { get; }
        }
    }
}
