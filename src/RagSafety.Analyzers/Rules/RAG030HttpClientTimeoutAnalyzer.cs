using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG030: <c>new HttpClient(…)</c> whose <c>Timeout</c> is never set (initializer, or an assignment to the same
    /// local in the creating member or to the same field/property in the type), an infinite <c>Timeout</c>, and
    /// <c>AddHttpClient(…)</c> registrations that set no <c>Timeout</c> and add no resilience handler.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG030HttpClientTimeoutAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer rewrites (absent: no fix).</summary>
        public const string FixProperty = "Fix";

        /// <summary>Add <c>Timeout = …</c> to the object initializer of the reported creation.</summary>
        public const string FixAddToInitializer = "AddToInitializer";

        /// <summary>Replace the reported infinite value.</summary>
        public const string FixReplaceValue = "ReplaceValue";

        /// <summary>
        /// Set <c>Timeout</c> for the reported <c>AddHttpClient</c> registration: in the configure lambda given as the
        /// additional location, or in a new <c>.ConfigureHttpClient(…)</c> call.
        /// </summary>
        public const string FixConfigureClient = "ConfigureClient";

        /// <summary>Diagnostic property: the timeout in seconds the fix writes (<c>rag_safety.http_timeout_seconds</c>).</summary>
        public const string SecondsProperty = "Seconds";

        /// <summary>Diagnostic property: <see cref="InfiniteValue"/> when the fix writes <c>Timeout.InfiniteTimeSpan</c> (absent: the seconds).</summary>
        public const string ValueProperty = "Value";

        /// <summary>The client is the transport of options whose NetworkTimeout is set: the SDK's documented infinite client timeout.</summary>
        public const string InfiniteValue = "Infinite";

        private const string NeverSetUnderNetworkTimeout = "never sets Timeout, so its 100-second default cuts calls off before the NetworkTimeout of the options whose transport it is";
        private const string NeverSet = "never sets Timeout, so the 100-second default applies";
        private const string Infinite = "sets an infinite Timeout";
        private const string RegistrationNeverSets = "sets no Timeout and adds no resilience handler, so the 100-second default applies";

        /// <summary>IHttpClientBuilder extensions that add a resilience pipeline (which carries its own timeouts).</summary>
        private static readonly ImmutableHashSet<string> ResilienceMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "AddStandardResilienceHandler",
            "AddStandardHedgingHandler",
            "AddResilienceHandler",
            "AddPolicyHandler",
            "AddPolicyHandlerFromRegistry");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG030_HttpClientTimeout);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var compilation = context.Compilation;
            if (compilation.GetTypeByMetadataName("System.Net.Http.HttpClient") is not { } httpClient)
            {
                return;
            }

            var seconds = OptionSpecs.HttpTimeoutSeconds.Read(rag.Options);
            var analysis = new Analysis(compilation, rag.Apis, httpClient, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            if (compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is { } factoryExtensions)
            {
                context.RegisterOperationAction(c => analysis.AnalyzeRegistration(c, factoryExtensions), OperationKind.Invocation);
            }
        }

        private sealed class Analysis
        {
            private readonly Compilation _compilation;
            private readonly KnownApis _apis;
            private readonly INamedTypeSymbol _httpClient;
            private readonly ImmutableDictionary<string, string?> _properties;
            private readonly Lazy<bool> _defaultsConfigured;

            public Analysis(Compilation compilation, KnownApis apis, INamedTypeSymbol httpClient, string seconds)
            {
                _compilation = compilation;
                _apis = apis;
                _httpClient = httpClient;
                _properties = ImmutableDictionary<string, string?>.Empty.Add(SecondsProperty, seconds);
                _defaultsConfigured = new Lazy<bool>(ConfiguresClientDefaults, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (!IsHttpClient(creation.Type) || creation.Syntax is not BaseObjectCreationExpressionSyntax)
                {
                    return;
                }

                var name = "new " + creation.Type!.Name + (creation.Arguments.Length == 0 ? "()" : "(…)");
                var timeouts = new List<IOperation>();
                var sinks = new List<IArgumentOperation>();
                if (creation.Initializer is { } initializer)
                {
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation property && IsTimeout(property.Property))
                        {
                            timeouts.Add(assignment.Value);
                        }
                    }
                }

                var parent = SkipConversionsUpward(creation);
                if (parent is IArgumentOperation argument)
                {
                    sinks.Add(argument);
                }
                else if (Holder(parent) is { } holder)
                {
                    if (holder is ILocalSymbol)
                    {
                        Scan(creation.Root(), holder, timeouts, sinks);
                    }
                    else if (holder is IFieldSymbol or IPropertySymbol)
                    {
                        ScanType(holder, timeouts, sinks, context.CancellationToken);
                    }
                }
                else if (parent is IAssignmentOperation)
                {
                    // Stored in another object's member (x.Client = new HttpClient()): its timeout may be set through x later.
                    return;
                }

                var sink = sinks.Select(SinkName).FirstOrDefault(s => s is not null);
                var suffix = sink is null ? string.Empty : $"; it flows into '{sink}', so this timeout is the model call's only timeout";
                if (timeouts.Count == 0)
                {
                    if (sinks.Any(IsTransportWithNetworkTimeout))
                    {
                        // The SDK's pattern with the client's timeout forgotten: the default cuts calls off before NetworkTimeout does.
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.RAG030_HttpClientTimeout,
                            creation.Syntax.GetLocation(),
                            _properties.Add(FixProperty, FixAddToInitializer).Add(ValueProperty, InfiniteValue),
                            name,
                            NeverSetUnderNetworkTimeout,
                            string.Empty));
                        return;
                    }

                    Report(context, creation.Syntax, FixAddToInitializer, name, NeverSet, suffix);
                    return;
                }

                if (timeouts.Any(t => !ClientTimeouts.IsInfinite(t)) || sinks.Any(IsTransportWithNetworkTimeout))
                {
                    return;
                }

                foreach (var value in timeouts)
                {
                    Report(context, value.Syntax, FixReplaceValue, name, Infinite, suffix);
                }
            }

            public void AnalyzeRegistration(OperationAnalysisContext context, INamedTypeSymbol factoryExtensions)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "AddHttpClient"
                    || !SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, factoryExtensions)
                    || method.ReturnType.Name != "IHttpClientBuilder"
                    || _defaultsConfigured.Value)
                {
                    return;
                }

                var facts = new RegistrationFacts();
                Inspect(invocation, facts);
                FollowChain(invocation, facts);
                if (facts.Unknown || facts.Resilient)
                {
                    return;
                }

                var name = method.Name
                    + (method.IsGenericMethod ? "<" + string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">" : string.Empty)
                    + (invocation.Arguments.Length > 1 ? "(…)" : "()");
                if (facts.Timeouts.Count == 0)
                {
                    var additional = facts.ConfigureLambda is { } lambda ? new[] { lambda.GetLocation() } : Array.Empty<Location>();
                    var properties = _properties.Add(FixProperty, FixConfigureClient);
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG030_HttpClientTimeout, invocation.Syntax.GetLocation(), additional, properties, name, RegistrationNeverSets, string.Empty));
                    return;
                }

                if (facts.Timeouts.Any(t => !ClientTimeouts.IsInfinite(t)))
                {
                    return;
                }

                foreach (var value in facts.Timeouts)
                {
                    Report(context, value.Syntax, FixReplaceValue, name, Infinite, string.Empty);
                }
            }

            private void Report(OperationAnalysisContext context, SyntaxNode node, string fix, string name, string problem, string suffix) =>
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG030_HttpClientTimeout, node.GetLocation(), _properties.Add(FixProperty, fix), name, problem, suffix));

            private bool IsHttpClient(ITypeSymbol? type)
            {
                for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, _httpClient))
                    {
                        return true;
                    }
                }

                return false;
            }

            private bool IsTimeout(IPropertySymbol property) => property.Name == "Timeout" && IsHttpClient(property.ContainingType);

            /// <summary>The local, field or property that receives the new client (declaration, initializer, assignment or <c>??=</c>).</summary>
            private static ISymbol? Holder(IOperation? parent) => parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
                IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                IAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                IAssignmentOperation { Target: IFieldReferenceOperation field } when IsHolderTarget(field) => field.Field.OriginalDefinition,
                IAssignmentOperation { Target: IPropertyReferenceOperation property } when IsHolderTarget(property) => property.Property.OriginalDefinition,
                _ => null,
            };

            /// <summary>A member of this type (this.X, X, or a static X) in source, so its uses can be found in the type.</summary>
            private static bool IsHolderTarget(IOperation target) => target switch
            {
                ILocalReferenceOperation => true,
                IFieldReferenceOperation field => IsThisOrStatic(field.Instance) && !field.Field.DeclaringSyntaxReferences.IsEmpty,
                IPropertyReferenceOperation property => IsThisOrStatic(property.Instance) && !property.Property.DeclaringSyntaxReferences.IsEmpty,
                _ => false,
            };

            private static bool IsThisOrStatic(IOperation? instance) =>
                instance is null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

            private static bool RefersTo(IOperation? operation, ISymbol holder) => operation?.WithoutConversions() switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, holder),
                IFieldReferenceOperation field => IsThisOrStatic(field.Instance) && SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, holder),
                IPropertyReferenceOperation property => IsThisOrStatic(property.Instance) && SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, holder),
                _ => false,
            };

            /// <summary>Collects <c>holder.Timeout = …</c> values and the arguments through which the holder is passed.</summary>
            private void Scan(IOperation root, ISymbol holder, List<IOperation> timeouts, List<IArgumentOperation> sinks)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    Collect(operation, holder, timeouts, sinks);
                }
            }

            private void Collect(IOperation operation, ISymbol holder, List<IOperation> timeouts, List<IArgumentOperation> sinks)
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                        when IsTimeout(property.Property) && RefersTo(property.Instance, holder):
                        timeouts.Add(assignment.Value);
                        break;
                    case IArgumentOperation argument when RefersTo(argument.Value, holder):
                        sinks.Add(argument);
                        break;
                }
            }

            /// <summary>
            /// For a field or property: every <c>….Timeout = …</c> assignment and every argument naming the member, in all
            /// declarations of the containing type. A syntax filter comes first, so only candidate nodes are bound.
            /// </summary>
            private void ScanType(ISymbol holder, List<IOperation> timeouts, List<IArgumentOperation> sinks, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var reference in holder.ContainingType.DeclaringSyntaxReferences)
                {
                    var declaration = reference.GetSyntax(cancellationToken);
                    SemanticModel? model = null;
                    foreach (var node in declaration.DescendantNodes())
                    {
                        var candidate = node switch
                        {
                            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Timeout" } } => true,
                            ArgumentSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText == holder.Name,
                            ArgumentSyntax { Expression: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access } => access.Name.Identifier.ValueText == holder.Name,
                            _ => false,
                        };
                        if (!candidate)
                        {
                            continue;
                        }

#pragma warning disable RS1030 // Field uses live in other members (and other partial declarations); the driver serves cached semantic models.
                        model ??= _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                        if (model.GetOperation(node, cancellationToken) is { } operation)
                        {
                            Collect(operation, holder, timeouts, sinks);
                        }
                    }
                }
            }

            /// <summary>The connector the argument hands the client to (its method or type name), or null when it is no sink.</summary>
            private string? SinkName(IArgumentOperation argument)
            {
                if (argument.Parameter is not { } parameter)
                {
                    return null;
                }

                var method = argument.Parent switch
                {
                    IInvocationOperation invocation => invocation.TargetMethod,
                    IObjectCreationOperation creation => creation.Constructor,
                    _ => null,
                };
                if (method is null)
                {
                    return null;
                }

                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                var isConstructor = definition.MethodKind == MethodKind.Constructor;
                var isSink = definition.ContainingType is { } type
                    && _apis.MemberEntries(type, isConstructor ? ".ctor" : definition.Name, ApiRole.ConnectorSink).Any(e => e.Parameter == parameter.Name);
                isSink |= IsHttpClient(parameter.Type) && _apis.RolesOf(definition).Contains(ApiRole.ConnectorSink);
                return isSink ? (isConstructor ? definition.ContainingType!.Name : definition.Name) : null;
            }

            /// <summary>
            /// The OpenAI SDK's documented pattern: the client goes into a transport (<c>HttpClientPipelineTransport</c>,
            /// Azure.Core's <c>HttpClientTransport</c>) set as <c>Transport</c> of options whose network timeout is set.
            /// </summary>
            private bool IsTransportWithNetworkTimeout(IArgumentOperation argument)
            {
                if (argument.Parent is not IObjectCreationOperation transport || SinkName(argument) is null)
                {
                    return false;
                }

                var parent = SkipConversionsUpward(transport);
                if (parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Transport" } target })
                {
                    return false;
                }

                if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    // new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(http), NetworkTimeout = … }
                    var options = parent.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created } ? created : null;
                    return options is not null && ClientTimeouts.OfCreation(options, _apis).State == TimeoutState.Set;
                }

                // options.Transport = new HttpClientPipelineTransport(http);
                return target.Instance is { } instance && ClientTimeouts.OfOptions(instance, _apis).State == TimeoutState.Set;
            }

            private sealed class RegistrationFacts
            {
                public List<IOperation> Timeouts { get; } = new();

                public SyntaxNode? ConfigureLambda { get; set; }

                public bool Resilient { get; set; }

                public bool Unknown { get; set; }
            }

            /// <summary>One call on the builder: its configure delegates, or a resilience handler.</summary>
            private void Inspect(IInvocationOperation invocation, RegistrationFacts facts)
            {
                if (ResilienceMethods.Contains(invocation.TargetMethod.Name))
                {
                    facts.Resilient = true;
                    return;
                }

                if (invocation.TargetMethod.Name is not ("AddHttpClient" or "ConfigureHttpClient"))
                {
                    return;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                        || !invoke.Parameters.Any(p => IsHttpClient(p.Type)))
                    {
                        continue;
                    }

                    if (argument.Value.WithoutConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
                    {
                        // A method group or a delegate variable: what it sets is not visible here.
                        facts.Unknown |= argument.Value.WithoutConversions() is not IDefaultValueOperation and not ILiteralOperation;
                        continue;
                    }

                    foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation property && IsTimeout(property.Property))
                        {
                            facts.Timeouts.Add(assignment.Value);
                        }
                    }

                    // The fix writes into a configure action (not a typed-client factory) whose client parameter has a name.
                    if (facts.ConfigureLambda is null
                        && invoke.ReturnsVoid
                        && lambda.Symbol.Parameters.FirstOrDefault(p => IsHttpClient(p.Type)) is { IsDiscard: false, Name.Length: > 0 } clientParameter
                        && clientParameter.Name != "_"
                        && lambda.Syntax is LambdaExpressionSyntax)
                    {
                        facts.ConfigureLambda = lambda.Syntax;
                    }
                }
            }

            /// <summary>Follows the fluent chain on the builder, and a builder kept in a local of the same member.</summary>
            private void FollowChain(IInvocationOperation invocation, RegistrationFacts facts)
            {
                IOperation current = invocation;
                while (true)
                {
                    var parent = SkipConversionsUpward(current);
                    if (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation next } && next.TargetMethod.IsExtensionMethod)
                    {
                        Inspect(next, facts);
                        current = next;
                        continue;
                    }

                    if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        foreach (var reference in invocation.Root().Descendants().OfType<ILocalReferenceOperation>())
                        {
                            if (SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol)
                                && SkipConversionsUpward(reference) is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation use }
                                && use.TargetMethod.IsExtensionMethod)
                            {
                                Inspect(use, facts);
                                FollowChain(use, facts);
                            }
                        }
                    }

                    return;
                }
            }

            /// <summary>
            /// <c>ConfigureHttpClientDefaults</c> (or .NET Aspire's <c>AddServiceDefaults</c>, which calls it) configures every
            /// registration, usually with a resilience handler: then no single registration is reported. Answered from the
            /// call-name walk, only when the compilation registers a client.
            /// </summary>
            private bool ConfiguresClientDefaults()
            {
                var calls = CallNameGraph.For(_compilation);
                return calls.IsInvokedAnywhere("ConfigureHttpClientDefaults") || calls.IsInvokedAnywhere("AddServiceDefaults");
            }

            private static IOperation? SkipConversionsUpward(IOperation operation)
            {
                var parent = operation.Parent;
                while (parent is IConversionOperation or IParenthesizedOperation)
                {
                    parent = parent.Parent;
                }

                return parent;
            }
        }
    }
}
