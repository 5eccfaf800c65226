using System;
using System.Collections.Generic;
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
    /// RAG042, retries that pile up on AI traffic:
    /// <list type="bullet">
    /// <item>an HttpClient the app makes retry (<see cref="RetryingHttpClients"/>) handed to an AI SDK client through its
    /// transport (<c>HttpClientPipelineTransport</c>, Azure.Core's <c>HttpClientTransport</c>) while the SDK's own retries are on
    /// (Warning; the fix turns the SDK's retries off). Semantic Kernel's connectors turn them off themselves when given an
    /// HttpClient, so they are never reported;</item>
    /// <item>a hand-written <c>for</c>/<c>while</c>/<c>do</c> loop whose <c>try</c> makes an AI call, leaves the loop on success and
    /// swallows the failure: Warning without a bound or without a delay, Info for a constant delay, silent for a delay that grows
    /// (or follows the failure's Retry-After). Not in start-up code or console tools;</item>
    /// <item>a Polly <c>AddRetry</c> whose pipeline runs AI calls with a constant delay and no jitter (Info), or retries
    /// two or more times inside an unbounded fan-out of those calls (Info).</item>
    /// </list>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG042RetriesPileUpAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer turns the SDK's retries off (absent: no fix).</summary>
        public const string FixProperty = "Fix";

        /// <summary><c>RetryPolicy = new ClientRetryPolicy(0)</c> in the System.ClientModel options (OpenAI, Azure OpenAI 2.x) given as the additional location.</summary>
        public const string FixClientRetryPolicy = "ClientRetryPolicy";

        /// <summary><c>Retry = { MaxRetries = 0 }</c> in the Azure.Core options given as the additional location.</summary>
        public const string FixAzureMaxRetries = "AzureMaxRetries";

        private const string Remedy = "back off exponentially with jitter and honour Retry-After, or rely on the SDK's built-in retries";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG042_RetriesPileUp);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var compilation = context.Compilation;

            // A console tool serves one user at a time: its retries do not pile up under load.
            if (compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication && IsConsoleTool(compilation))
            {
                return;
            }

            var analysis = new Analysis(compilation, rag);
            if (analysis.ClientPipelineOptions is not null || analysis.AzureClientOptions is not null)
            {
                context.RegisterOperationAction(analysis.AnalyzeTransport, OperationKind.ObjectCreation);
            }

            context.RegisterOperationAction(analysis.AnalyzeLoop, OperationKind.Loop);
            if (compilation.GetTypeByMetadataName("Polly.RetryResiliencePipelineBuilderExtensions") is not null)
            {
                context.RegisterOperationAction(analysis.AnalyzeRetryStrategy, OperationKind.Invocation);
            }
        }

        /// <summary>
        /// An executable that serves nothing of its own: it maps no endpoint, controller, hub or page (<c>Map…</c> calls; AutoMapper's
        /// <c>Map</c> aside), registers no hosted service and configures no Azure Functions worker (an isolated worker's
        /// <c>ConfigureFunctionsWorkerDefaults</c> / <c>ConfigureFunctionsWebApplication</c>; in-process Functions are libraries).
        /// What the code does decides, not what it references: evaluation and seeding tools reference the web project whose
        /// classes they reuse.
        /// </summary>
        private static bool IsConsoleTool(Compilation compilation)
        {
            var calls = CallNameGraph.For(compilation);
            return !calls.IsInvokedAnywhere("AddHostedService")
                && !calls.IsInvokedAnywhere("ConfigureFunctionsWorkerDefaults")
                && !calls.IsInvokedAnywhere("ConfigureFunctionsWebApplication")
                && !calls.MapCalls.Any(c => c.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText != "Map",
                    SimpleNameSyntax name => name.Identifier.ValueText != "Map",
                    _ => true,
                });
        }

        private enum RetryState
        {
            /// <summary>The options are not followed (set by a helper, a custom policy): nothing is claimed.</summary>
            Unknown,

            /// <summary>Retry settings are not touched: the SDK's default retries apply.</summary>
            Default,

            /// <summary>Set explicitly to retry.</summary>
            On,

            /// <summary>Set to zero retries.</summary>
            Off,
        }

        /// <summary>An <c>Execute</c>/<c>ExecuteAsync</c> on a retry pipeline whose callback makes the AI call <see cref="Call"/>.</summary>
        private sealed class PipelineUse
        {
            public PipelineUse(IInvocationOperation execute, string call, ISymbol? holder)
            {
                Execute = execute;
                Call = call;
                Holder = holder;
            }

            public IInvocationOperation Execute { get; }

            public string Call { get; }

            /// <summary>The local, field or property that holds the built pipeline; null for an <c>Execute</c> chained on the builder.</summary>
            public ISymbol? Holder { get; }
        }

        private sealed class Analysis
        {
            /// <summary>One retry doubles a burst; from two on, each throttled fan-out comes back at least three times.</summary>
            private const int MinAttemptsThatMultiplyABurst = 2;

            private readonly Compilation _compilation;
            private readonly RagSafetyContext _rag;
            private readonly INamedTypeSymbol? _httpClient;
            private readonly INamedTypeSymbol? _hostedService;

            /// <summary>RAG040's unbounded fan-outs, read the same way (and with the same <c>rag_safety.max_concurrency</c>).</summary>
            private readonly FanOutFinder? _fanOuts;

            public Analysis(Compilation compilation, RagSafetyContext rag)
            {
                _compilation = compilation;
                _rag = rag;
                _httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
                _hostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
                ClientPipelineOptions = compilation.GetTypeByMetadataName("System.ClientModel.Primitives.ClientPipelineOptions");
                AzureClientOptions = compilation.GetTypeByMetadataName("Azure.Core.ClientOptions");
                _fanOuts = rag.TaskTypes is null
                    ? null
                    : new FanOutFinder(compilation, rag, new Throttles(compilation), RAG040UnboundedFanOutAnalyzer.SmallCollectionLimit(OptionSpecs.MaxConcurrency.Read(rag.Options)));
            }

            public INamedTypeSymbol? ClientPipelineOptions { get; }

            public INamedTypeSymbol? AzureClientOptions { get; }

            // ---- Stacked retries: a retrying HttpClient in the transport of an AI client whose own retries are on. ----

            public void AnalyzeTransport(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                // By name first: this runs for every object creation, and only the two transports can carry a client.
                if (creation.Constructor is not { ContainingType: { Name: "HttpClientPipelineTransport" or "HttpClientTransport" } transportType }
                    || creation.Syntax is not BaseObjectCreationExpressionSyntax
                    || _httpClient is null)
                {
                    return;
                }

                var sinkParameters = _rag.Apis.MemberEntries(transportType, ".ctor", ApiRole.ConnectorSink).Select(e => e.Parameter).ToImmutableHashSet();
                var client = sinkParameters.IsEmpty
                    ? null
                    : creation.Arguments.FirstOrDefault(a => a.Parameter is { } p && sinkParameters.Contains(p.Name) && SymbolEqualityComparer.Default.Equals(p.Type, _httpClient));
                if (client is null
                    || RetryingSource(client.Value) is not { } registration
                    || OptionsOf(creation) is not { } options
                    || !IsAiClientOptions(options.Creation.Type))
                {
                    return;
                }

                var isClientModel = DerivesFrom(options.Creation.Type, ClientPipelineOptions);
                var state = isClientModel ? ClientModelRetries(options) : AzureRetries(options);
                if (state is not (RetryState.Default or RetryState.On))
                {
                    return;
                }

                var setting = isClientModel ? "RetryPolicy = new ClientRetryPolicy(0)" : "Retry.MaxRetries = 0";
                var defaults = state == RetryState.Default && registration.RetryCall?.TargetMethod.Name == "AddStandardResilienceHandler"
                    ? " (4 × 4 = 16 calls per request with both defaults)"
                    : string.Empty;
                var properties = state == RetryState.Default
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, isClientModel ? FixClientRetryPolicy : FixAzureMaxRetries)
                    : ImmutableDictionary<string, string?>.Empty;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG042_RetriesPileUp,
                    creation.Syntax.GetLocation(),
                    new[] { options.Creation.Syntax.GetLocation() },
                    properties,
                    $"new {transportType.Name}(…)",
                    $"hands {options.Creation.Type!.Name} an HttpClient that already retries ({registration.Description}) while the SDK's own retries are on, so attempts multiply under throttling{defaults}",
                    $"turn the SDK's retries off ({setting})"));
            }

            /// <summary>The registration that makes this HttpClient retry: a factory client by name, or the client injected into a typed client.</summary>
            private RetryingRegistration? RetryingSource(IOperation value)
            {
                var clients = RetryingHttpClients.For(_compilation, _rag.Apis);
                for (var hops = 0; hops < 4; hops++)
                {
                    switch (value.WithoutConversions())
                    {
                        case IInvocationOperation { TargetMethod.Name: "CreateClient" } create when IsHttpClientFactory(create.TargetMethod):
                            if (clients.Registrations.IsEmpty)
                            {
                                return null;
                            }

                            var name = create.Arguments.FirstOrDefault(a => a.Parameter is { Name: "name" })?.Value.ConstantValue;
                            return name is { HasValue: true, Value: string text } ? clients.ForName(text)
                                : create.Arguments.Any(a => a.Parameter is { Name: "name" }) ? clients.ForName(null)
                                : clients.ForName(string.Empty);
                        case ILocalReferenceOperation local:
                            if (InitializerOf(local) is not { } initializer)
                            {
                                return null;
                            }

                            value = initializer;
                            continue;
                        case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }:
                            return clients.Registrations.IsEmpty ? null : clients.ForTypedClient(constructor.ContainingType);
                        case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when !field.Field.IsStatic:
                            return clients.Registrations.IsEmpty ? null : clients.ForTypedClient(field.Field.ContainingType);
                        case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property when !property.Property.IsStatic:
                            return clients.Registrations.IsEmpty ? null : clients.ForTypedClient(property.Property.ContainingType);
                        default:
                            return null;
                    }
                }

                return null;
            }

            private static bool IsHttpClientFactory(IMethodSymbol method)
            {
                var type = (method.ReducedFrom ?? method).ContainingType;
                return type?.Name is "IHttpClientFactory" or "HttpClientFactoryExtensions" && type.ContainingNamespace?.ToDisplayString() == "System.Net.Http";
            }

            /// <summary>Options of an SDK client built in view: the creation, and the local holding it (when it is one).</summary>
            private sealed class OptionsInView
            {
                public OptionsInView(IObjectCreationOperation creation, ILocalSymbol? local)
                {
                    Creation = creation;
                    Local = local;
                }

                public IObjectCreationOperation Creation { get; }

                public ILocalSymbol? Local { get; }
            }

            /// <summary>
            /// The options whose <c>Transport</c> the transport becomes: <c>new XOptions { Transport = new …Transport(http) }</c>,
            /// <c>options.Transport = …</c> on a local created in the same member, or either through a local holding the transport.
            /// </summary>
            private static OptionsInView? OptionsOf(IObjectCreationOperation transport)
            {
                var parent = SkipConversionsUpward(transport);
                if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    // var transport = new HttpClientPipelineTransport(http); … Transport = transport …
                    var use = transport.Root().Descendants().OfType<ILocalReferenceOperation>()
                        .FirstOrDefault(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol) && IsTransportAssignment(SkipConversionsUpward(r)));
                    parent = use is null ? null : SkipConversionsUpward(use);
                }

                if (parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Transport" } target } assignment)
                {
                    return null;
                }

                if (target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                {
                    if (assignment.Parent is not IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created })
                    {
                        return null;
                    }

                    // var options = new XOptions { Transport = … }; options.Retry.MaxRetries = 0;
                    var holder = SkipConversionsUpward(created) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation optionsDeclarator } ? optionsDeclarator.Symbol : null;
                    return new OptionsInView(created, holder);
                }

                return target.Instance is ILocalReferenceOperation local && InitializerOf(local) is IObjectCreationOperation options
                    ? new OptionsInView(options, local.Local)
                    : null;
            }

            private static bool IsTransportAssignment(IOperation? operation) =>
                operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Transport" } };

            /// <summary>Options of an AI client: declared in a catalogued AI library other than the two pipeline cores.</summary>
            private static bool IsAiClientOptions(ITypeSymbol? type) =>
                type?.ContainingAssembly?.Name is { } assembly
                && assembly is not ("System.ClientModel" or "Azure.Core")
                && ApiCatalog.LibraryNames.Contains(assembly);

            private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
            {
                for (var current = type as INamedTypeSymbol; current is not null && baseType is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>System.ClientModel: <c>RetryPolicy</c> untouched (default), <c>new ClientRetryPolicy(n)</c> (on or off), anything else unknown.</summary>
            private RetryState ClientModelRetries(OptionsInView options)
            {
                var state = RetryState.Default;
                foreach (var (path, value) in Settings(options))
                {
                    if (path != "RetryPolicy")
                    {
                        continue;
                    }

                    switch (value?.WithoutConversions())
                    {
                        case IObjectCreationOperation { Constructor: { } constructor } policy
                            when _rag.Apis.MemberEntries(constructor.ContainingType, ".ctor", ApiRole.RetryOption).Any():
                            var count = policy.Arguments.FirstOrDefault(a => a.Parameter?.Name == "maxRetries");
                            state = count is null || count.IsImplicit ? RetryState.On : Count(count.Value);
                            break;
                        case IPropertyReferenceOperation { Property.Name: "Default" } reference when reference.Property.ContainingType?.Name == "ClientRetryPolicy":
                            state = RetryState.On;
                            break;
                        default:
                            return RetryState.Unknown;
                    }
                }

                return state;
            }

            /// <summary>Azure.Core: <c>Retry.MaxRetries</c> untouched (default), set to a constant (on or off); a custom <c>RetryPolicy</c> is unknown.</summary>
            private static RetryState AzureRetries(OptionsInView options)
            {
                var state = RetryState.Default;
                foreach (var (path, value) in Settings(options))
                {
                    switch (path)
                    {
                        case "Retry.MaxRetries" when value is not null:
                            state = Count(value);
                            if (state == RetryState.Unknown)
                            {
                                return state;
                            }

                            break;
                        case "RetryPolicy" or "Retry":
                            return RetryState.Unknown;
                    }
                }

                return state;
            }

            private static RetryState Count(IOperation value) =>
                value.ConstantValue is { HasValue: true, Value: int count } ? (count <= 0 ? RetryState.Off : RetryState.On) : RetryState.Unknown;

            /// <summary>
            /// The members the code sets on the options: in the initializer (<c>Retry = { MaxRetries = 0 }</c> gives
            /// <c>Retry.MaxRetries</c>) and by assignments to the local in the same member. A local passed to anything but a
            /// constructor yields an unknown setting (path <c>RetryPolicy</c>, no value).
            /// </summary>
            private static IEnumerable<(string Path, IOperation? Value)> Settings(OptionsInView options)
            {
                if (options.Creation.Initializer is { } initializer)
                {
                    foreach (var setting in InitializerSettings(initializer, string.Empty))
                    {
                        yield return setting;
                    }
                }

                if (options.Local is not { } local)
                {
                    yield break;
                }

                foreach (var reference in options.Creation.Root().Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                    {
                        continue;
                    }

                    IOperation current = reference;
                    var path = new List<string>();
                    while (current.Parent is IPropertyReferenceOperation property && property.Instance == current)
                    {
                        path.Add(property.Property.Name);
                        current = property;
                    }

                    if (path.Count > 0)
                    {
                        if (current.Parent is ISimpleAssignmentOperation assignment && assignment.Target == current)
                        {
                            yield return (string.Join(".", path), assignment.Value);
                        }
                    }
                    else if (reference.Parent is IArgumentOperation { Parent: not IObjectCreationOperation })
                    {
                        yield return ("RetryPolicy", null);
                    }
                }
            }

            private static IEnumerable<(string Path, IOperation? Value)> InitializerSettings(IObjectOrCollectionInitializerOperation initializer, string prefix)
            {
                foreach (var member in initializer.Initializers)
                {
                    switch (member)
                    {
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                            yield return (prefix + property.Property.Name, assignment.Value);
                            break;
                        case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property, Initializer: { } nested }:
                            foreach (var setting in InitializerSettings(nested, prefix + property.Property.Name + "."))
                            {
                                yield return setting;
                            }

                            break;
                    }
                }
            }

            // ---- Hand-written retry loops around an AI call. ----

            public void AnalyzeLoop(OperationAnalysisContext context)
            {
                var loop = (ILoopOperation)context.Operation;
                if (loop is not (IWhileLoopOperation or IForLoopOperation) || KeywordOf(loop.Syntax) is not { } keyword)
                {
                    return;
                }

                foreach (var attempt in TryStatementsOf(loop))
                {
                    if (!attempt.Catches.Any(SwallowsFailure) || FirstAiCall(attempt.Body) is not { } call || !LeavesOnSuccess(attempt, loop, call.Call))
                    {
                        continue;
                    }

                    if (loop.EnclosingFunction() is null && IsStartUp(context.ContainingSymbol))
                    {
                        // Start-up code waiting for a model or an index to come up runs once.
                        return;
                    }

                    var loopName = keyword.ValueText;
                    var written = WrittenInLoop(loop);
                    string problem;
                    var severity = DiagnosticSeverity.Warning;
                    if (!IsBounded(loop, attempt.Body, written))
                    {
                        problem = $"is retried in a '{loopName}' loop without a bound";
                    }
                    else if (DelayOf(loop, attempt.Body) is not { } delay)
                    {
                        problem = $"is retried in a '{loopName}' loop without waiting between attempts";
                    }
                    else if (IsConstant(delay, written, attempt))
                    {
                        problem = $"is retried in a '{loopName}' loop after a constant delay, so throttled callers retry in step";
                        severity = DiagnosticSeverity.Info;
                    }
                    else
                    {
                        return;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RAG042_RetriesPileUp,
                        Location.Create(keyword.SyntaxTree!, keyword.Span),
                        severity,
                        additionalLocations: null,
                        ImmutableDictionary<string, string?>.Empty,
                        call.Description,
                        problem,
                        Remedy));
                    return;
                }
            }

            private static Microsoft.CodeAnalysis.SyntaxToken? KeywordOf(SyntaxNode syntax) => syntax switch
            {
                WhileStatementSyntax w => w.WhileKeyword,
                ForStatementSyntax f => f.ForKeyword,
                DoStatementSyntax d => d.DoKeyword,
                _ => null,
            };

            private bool IsStartUp(ISymbol? member) =>
                StartUpCode.IsStartUpMember(member)
                || (member is IMethodSymbol { Name: "StartAsync" } method && _hostedService is not null
                    && method.ContainingType.AllInterfaces.Contains(_hostedService, SymbolEqualityComparer.Default));

            /// <summary>The <c>try</c> statements of the loop's own body (not in a nested loop, lambda or local function).</summary>
            private static IEnumerable<ITryOperation> TryStatementsOf(ILoopOperation loop)
            {
                var pending = new Stack<IOperation>();
                pending.Push(loop.Body);
                while (pending.Count > 0)
                {
                    var current = pending.Pop();
                    if (current is ITryOperation attempt)
                    {
                        yield return attempt;
                        continue;
                    }

                    foreach (var child in current.ChildOperations)
                    {
                        if (child is not (ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation))
                        {
                            pending.Push(child);
                        }
                    }
                }
            }

            /// <summary>
            /// A catch that lets the loop go on after the call failed: it does not end by throwing unconditionally, and it catches
            /// more than a parse error of the answer (<c>JsonException</c>, <c>FormatException</c>: asking again at once is the point).
            /// </summary>
            private static bool SwallowsFailure(ICatchClauseOperation clause) =>
                clause.Handler.Operations.LastOrDefault() is not (IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation })
                && !(clause.ExceptionType.Name is "FormatException" or "JsonReaderException" or "JsonSerializationException"
                    || clause.ExceptionType.Name.EndsWith("JsonException", StringComparison.Ordinal));

            /// <summary>The AI call the block makes, directly or through the app's methods, and its description for the message.</summary>
            private AiCallSite? FirstAiCall(IBlockOperation body)
            {
                foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
                {
                    var method = invocation.TargetMethod;
                    if (_rag.Apis.IsAiCall(method))
                    {
                        return new AiCallSite(invocation, CallChain.Display(method));
                    }

                    if (method.DeclaringSyntaxReferences.Length > 0 && _rag.Summaries.FindAiCall(method) is { } chain)
                    {
                        return new AiCallSite(invocation, chain.Describe());
                    }
                }

                return null;
            }

            private sealed class AiCallSite
            {
                public AiCallSite(IInvocationOperation call, string description)
                {
                    Call = call;
                    Description = description;
                }

                public IInvocationOperation Call { get; }

                public string Description { get; }
            }

            /// <summary>
            /// The try block leaves the loop once the call succeeds: after the call, and not in another <c>switch</c> section
            /// (a dispatch loop whose "shutdown" case returns is no retry), by <c>return</c>, <c>break</c> out of this loop, or
            /// setting a local the loop's condition reads (<c>while (!done)</c>).
            /// </summary>
            private static bool LeavesOnSuccess(ITryOperation attempt, ILoopOperation loop, IOperation call)
            {
                foreach (var operation in attempt.Body.Descendants())
                {
                    if ((operation.EnclosingFunction() is { } function && attempt.Body.Syntax.Span.Contains(function.Syntax.Span))
                        || operation.Syntax.Span.End <= call.Syntax.SpanStart
                        || InAnotherSwitchSection(operation, call, attempt.Body))
                    {
                        continue;
                    }

                    switch (operation)
                    {
                        case IReturnOperation { IsImplicit: false }:
                            return true;
                        case IBranchOperation { BranchKind: BranchKind.Break } branch when SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                            return true;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } when ConditionOf(loop) is { } condition
                            && condition.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local.Local)):
                            return true;
                    }
                }

                return false;
            }

            private static bool InAnotherSwitchSection(IOperation operation, IOperation call, IOperation within)
            {
                for (var current = operation.Parent; current is not null && current != within; current = current.Parent)
                {
                    if (current is ISwitchCaseOperation section && !section.Syntax.Span.Contains(call.Syntax.Span))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static IOperation? ConditionOf(ILoopOperation loop) => loop switch
            {
                IWhileLoopOperation whileLoop => whileLoop.Condition,
                IForLoopOperation forLoop => forLoop.Condition,
                _ => null,
            };

            /// <summary>
            /// A bound: the loop's condition compares (<c>attempt &lt; 3</c>), or a catch filter (<c>when (++attempt &lt; 3)</c>) or
            /// an <c>if</c> around a <c>throw</c>/<c>break</c>/<c>return</c> outside the try block (<c>if (++attempt &gt; 3) throw;</c>) reads
            /// a variable the loop changes. A filter on the failure alone (<c>when (ex.Message.Contains("429"))</c>) is no bound.
            /// </summary>
            private static bool IsBounded(ILoopOperation loop, IBlockOperation tryBody, HashSet<ISymbol> written)
            {
                if (ConditionOf(loop) is { } condition && condition.ConstantValue is not { HasValue: true, Value: true }
                    && condition.DescendantsAndSelf().OfType<IBinaryOperation>().Any(b => b.OperatorKind is BinaryOperatorKind.LessThan
                        or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual))
                {
                    return true;
                }

                foreach (var operation in loop.Body.Descendants())
                {
                    if (operation is ICatchClauseOperation { Filter: { } filter } && ReadsAny(filter, written))
                    {
                        return true;
                    }

                    if (operation is IThrowOperation or IReturnOperation { IsImplicit: false } or IBranchOperation { BranchKind: BranchKind.Break }
                        && !tryBody.Syntax.Span.Contains(operation.Syntax.Span)
                        && ConditionAbove(operation, loop) is { } guard
                        && ReadsAny(guard, written))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The condition of the nearest <c>if</c> (or <c>?:</c>) inside the loop that decides whether the operation runs.</summary>
            private static IOperation? ConditionAbove(IOperation operation, ILoopOperation loop)
            {
                for (var current = operation.Parent; current is not null && current != loop; current = current.Parent)
                {
                    if (current is IConditionalOperation conditional)
                    {
                        return conditional.Condition;
                    }
                }

                return null;
            }

            private static bool ReadsAny(IOperation operation, HashSet<ISymbol> symbols) =>
                operation.DescendantsAndSelf().Any(o => o switch
                {
                    ILocalReferenceOperation local => symbols.Contains(local.Local),
                    IParameterReferenceOperation parameter => symbols.Contains(parameter.Parameter),
                    _ => false,
                });

            /// <summary>
            /// The wait between attempts: the first <c>Task.Delay</c> / <c>Thread.Sleep</c> in the loop body outside the try block
            /// (its duration argument), or a call there to an app method that waits (<c>await BackoffAsync(attempt)</c>: the call,
            /// whose arguments decide). A wait inside the try block (a rate limiter before the call) is not between attempts.
            /// </summary>
            private static IOperation? DelayOf(ILoopOperation loop, IBlockOperation tryBody)
            {
                foreach (var invocation in loop.Body.Descendants().OfType<IInvocationOperation>())
                {
                    if (tryBody.Syntax.Span.Contains(invocation.Syntax.Span))
                    {
                        continue;
                    }

                    var method = invocation.TargetMethod;
                    if (IsWait(method))
                    {
                        return invocation.Arguments.FirstOrDefault()?.Value ?? invocation;
                    }

                    if (method.DeclaringSyntaxReferences.Length > 0
                        && method.DeclaringSyntaxReferences.Any(r => r.GetSyntax().DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i =>
                            i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delay" or "Sleep" })))
                    {
                        return invocation;
                    }
                }

                return null;
            }

            private static bool IsWait(IMethodSymbol method) =>
                method.Name is "Delay" or "Sleep" && method.ContainingType?.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Threading";

            /// <summary>
            /// What changes from one attempt to the next: locals and parameters the loop assigns or increments (the attempt
            /// counter, a doubled delay), and locals declared in the loop with a computed value.
            /// </summary>
            private static HashSet<ISymbol> WrittenInLoop(ILoopOperation loop)
            {
                var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var operation in loop.DescendantsAndSelf())
                {
                    var target = operation switch
                    {
                        IAssignmentOperation assignment => assignment.Target,
                        IIncrementOrDecrementOperation increment => increment.Target,
                        _ => null,
                    };
                    switch (target)
                    {
                        case ILocalReferenceOperation local:
                            written.Add(local.Local);
                            break;
                        case IParameterReferenceOperation parameter:
                            written.Add(parameter.Parameter);
                            break;
                    }
                }

                foreach (var declarator in loop.Body.Descendants().OfType<IVariableDeclaratorOperation>())
                {
                    // A local declared in the loop is computed per attempt (var wait = TimeSpan.FromSeconds(Math.Pow(2, attempt))).
                    if (declarator.Initializer is { Value.ConstantValue.HasValue: false })
                    {
                        written.Add(declarator.Symbol);
                    }
                }

                return written;
            }

            /// <summary>
            /// A delay that does not change between attempts: it reads nothing the loop changes (<see cref="WrittenInLoop"/>: the
            /// attempt counter, a doubled delay), not the caught exception (its Retry-After) and calls nothing random.
            /// </summary>
            private static bool IsConstant(IOperation delay, HashSet<ISymbol> written, ITryOperation attempt)
            {
                var varying = new HashSet<ISymbol>(written, SymbolEqualityComparer.Default);
                foreach (var clause in attempt.Catches)
                {
                    if (clause.ExceptionDeclarationOrExpression is IVariableDeclaratorOperation { Symbol: { } exception })
                    {
                        varying.Add(exception);
                    }
                }

                return !ReadsAny(delay, varying)
                    && !delay.DescendantsAndSelf().Any(o => o is IInvocationOperation { TargetMethod.ContainingType.Name: "Random" } or IPropertyReferenceOperation { Property.ContainingType.Name: "Random" });
            }

            // ---- Polly retry strategies with a constant delay and no jitter on AI traffic. ----

            public void AnalyzeRetryStrategy(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                if (invocation.TargetMethod.Name != "AddRetry"
                    || !_rag.Apis.RolesOf(invocation.TargetMethod).Contains(ApiRole.RetryStrategy)
                    || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value is not { } argument
                    || StrategyOptions(argument) is not { } options
                    || !_rag.Apis.TypeHasRole(options.Type, ApiRole.RetryStrategy))
                {
                    return;
                }

                if (IsConstantWithoutJitter(options))
                {
                    if (PipelineUses(invocation, context.CancellationToken).FirstOrDefault() is { Call: { } call })
                    {
                        ReportInfo(context, options, $"retries the AI call '{call}' after a constant delay without jitter, so throttled callers retry in step", "set BackoffType = DelayBackoffType.Exponential and UseJitter = true");
                    }

                    return;
                }

                // Retries that back off still multiply a burst: every task of an unbounded fan-out retries at once.
                if (MaxRetryAttempts(options) is not { } attempts || attempts < MinAttemptsThatMultiplyABurst)
                {
                    return;
                }

                if (FanOutAround(PipelineUses(invocation, context.CancellationToken).ToList(), context.CancellationToken) is { } found)
                {
                    ReportInfo(
                        context,
                        options,
                        $"retries the AI call '{found.Use.Call}' up to {attempts} times in each task 'Task.{found.FanOut.Combinator.TargetMethod.Name}' starts for every item of '{found.FanOut.SequenceText}' at once, so a throttled burst is sent up to {attempts + 1} times",
                        "bound the fan-out first (RAG040), or retry fewer times");
                }
            }

            private static void ReportInfo(OperationAnalysisContext context, IOperation options, string problem, string advice) =>
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG042_RetriesPileUp,
                    options.Syntax.GetLocation(),
                    DiagnosticSeverity.Info,
                    additionalLocations: null,
                    ImmutableDictionary<string, string?>.Empty,
                    "AddRetry",
                    problem,
                    advice));

            /// <summary><c>MaxRetryAttempts</c> of Polly retry options: a constant in the initializer, else the default (3); null when not a constant.</summary>
            private static int? MaxRetryAttempts(IObjectCreationOperation options)
            {
                var attempts = (int?)ResilienceDefaults.PollyMaxRetryAttempts;
                foreach (var (path, value) in options.Initializer is { } initializer ? InitializerSettings(initializer, string.Empty) : Enumerable.Empty<(string, IOperation?)>())
                {
                    if (path == "MaxRetryAttempts")
                    {
                        attempts = value?.ConstantValue is { HasValue: true, Value: int count } ? count : null;
                    }
                }

                return attempts;
            }

            /// <summary>
            /// The unbounded fan-out (RAG040's) whose per-item work runs this pipeline, and the use it runs: its selector lambda
            /// contains the <c>Execute</c> call, or the chain it starts per item passes through the method that makes it. The uses
            /// share one pipeline, so fan-outs are looked for once: in the member that holds it in a local (or chains
            /// <c>Execute</c> on the builder) or, for a field or property, in the members of its type.
            /// </summary>
            private (PipelineUse Use, FanOut FanOut)? FanOutAround(IReadOnlyList<PipelineUse> uses, System.Threading.CancellationToken cancellationToken)
            {
                if (uses.Count == 0 || _fanOuts is null || _rag.TaskTypes is not { } taskTypes)
                {
                    return null;
                }

#pragma warning disable RS1030 // The fan-out may sit in another member of the type; the driver serves cached semantic models.
                var methods = uses
                    .Select(use => (Use: use, Method: _compilation.GetSemanticModel(use.Execute.Syntax.SyntaxTree).GetEnclosingSymbol(use.Execute.Syntax.SpanStart, cancellationToken) as IMethodSymbol))
                    .ToList();
                var holder = uses[0].Holder;
                var scopes = holder is IFieldSymbol or IPropertySymbol && holder.ContainingType is { } type
                    ? type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken))
                    : new[] { uses[0].Execute.Root().Syntax };
                foreach (var scope in scopes)
                {
                    foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (node.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAll" or "WhenAny" or "WhenEach" }
                            || _compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node, cancellationToken) is not IInvocationOperation combinator
                            || !FanOutFinder.IsCombinator(combinator, taskTypes)
                            || _fanOuts.Find(combinator) is not { } fanOut)
                        {
                            continue;
                        }

                        foreach (var (use, method) in methods)
                        {
                            var execute = use.Execute.Syntax;
                            var inSelector = fanOut.Selector is { } selector && selector.Syntax.SyntaxTree == execute.SyntaxTree && selector.Syntax.Span.Contains(execute.Span);
                            var throughMethod = method is not null && fanOut.Call.Steps.Any(step => SymbolEqualityComparer.Default.Equals(step.OriginalDefinition, method.OriginalDefinition));
                            if (inSelector || throughMethod)
                            {
                                return (use, fanOut);
                            }
                        }
                    }
                }
#pragma warning restore RS1030

                return null;
            }

            private static IObjectCreationOperation? StrategyOptions(IOperation argument) => argument.WithoutConversions() switch
            {
                IObjectCreationOperation creation => creation,
                ILocalReferenceOperation local => InitializerOf(local) as IObjectCreationOperation,
                _ => null,
            };

            /// <summary>
            /// Constant backoff without jitter, for options of a catalogued retry strategy type (the caller checks): Polly's
            /// <c>RetryStrategyOptions</c> defaults (Constant, no jitter) or set so;
            /// <c>HttpRetryStrategyOptions</c> defaults to exponential with jitter. A delay generator decides the delays itself.
            /// </summary>
            private static bool IsConstantWithoutJitter(IObjectCreationOperation options)
            {
                var httpDefaults = options.Type?.Name == "HttpRetryStrategyOptions" || options.Type?.BaseType?.Name == "HttpRetryStrategyOptions";
                var constant = !httpDefaults;
                var jitter = httpDefaults;
                foreach (var (path, value) in options.Initializer is { } initializer ? InitializerSettings(initializer, string.Empty) : Enumerable.Empty<(string, IOperation?)>())
                {
                    switch (path)
                    {
                        case "BackoffType":
                            if (value?.WithoutConversions() is not IFieldReferenceOperation field)
                            {
                                return false;
                            }

                            constant = field.Field.Name == "Constant";
                            break;
                        case "UseJitter":
                            if (value?.ConstantValue is not { HasValue: true, Value: bool useJitter })
                            {
                                return false;
                            }

                            jitter = useJitter;
                            break;
                        case "DelayGenerator" or "ShouldRetryAfterHeader":
                            return false;
                    }
                }

                return constant && !jitter;
            }

            /// <summary>
            /// The <c>Execute</c>/<c>ExecuteAsync</c> calls whose callback makes an AI call (directly or through the app's methods), on
            /// the pipeline this <c>AddRetry</c> builds: its own chain (<c>….AddRetry(o).Build()</c>) into a local (uses in the same
            /// member) or a field/property (uses anywhere in its type), or an <c>Execute</c> chained on the builder itself.
            /// </summary>
            private IEnumerable<PipelineUse> PipelineUses(IInvocationOperation addRetry, System.Threading.CancellationToken cancellationToken)
            {
                IOperation current = addRetry;
                while (SkipConversionsUpward(current) is { } parent
                    && (parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } }
                        || (parent is IInvocationOperation { Instance: { } instance } && instance == current)))
                {
                    current = parent is IArgumentOperation argument ? argument.Parent! : parent;
                    if (current is IInvocationOperation { TargetMethod.Name: "Execute" or "ExecuteAsync" } execute)
                    {
                        if (CallbackAiCall(execute) is { } call)
                        {
                            yield return new PipelineUse(execute, call, holder: null);
                        }

                        yield break;
                    }
                }

                if (current is not IInvocationOperation { TargetMethod.Name: "Build" })
                {
                    yield break;
                }

                ISymbol? holder = SkipConversionsUpward(current) switch
                {
                    IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                    IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
                    IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => property.InitializedProperties[0],
                    ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                    ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property,
                    _ => null,
                };
                if (holder is ILocalSymbol)
                {
                    foreach (var execute in addRetry.Root().Descendants().OfType<IInvocationOperation>())
                    {
                        if (execute.TargetMethod.Name is "Execute" or "ExecuteAsync"
                            && execute.Instance?.WithoutConversions() is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, holder)
                            && CallbackAiCall(execute) is { } call)
                        {
                            yield return new PipelineUse(execute, call, holder);
                        }
                    }

                    yield break;
                }

                if (holder is IFieldSymbol or IPropertySymbol && holder.ContainingType is { } type)
                {
                    foreach (var reference in type.DeclaringSyntaxReferences)
                    {
                        foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                        {
                            if (node.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Execute" or "ExecuteAsync", Expression: var receiver }
                                || (receiver is IdentifierNameSyntax name ? name.Identifier.ValueText
                                    : receiver is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access ? access.Name.Identifier.ValueText : null) != holder.Name)
                            {
                                continue;
                            }

#pragma warning disable RS1030 // The pipeline's uses live in other members of the type; the driver serves cached semantic models.
                            var model = _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                            if (model.GetOperation(node, cancellationToken) is IInvocationOperation execute && CallbackAiCall(execute) is { } call)
                            {
                                yield return new PipelineUse(execute, call, holder);
                            }
                        }
                    }
                }
            }

            /// <summary>The AI call a callback given to <c>Execute</c>/<c>ExecuteAsync</c> makes.</summary>
            private string? CallbackAiCall(IInvocationOperation execute)
            {
                foreach (var argument in execute.Arguments)
                {
                    switch (argument.Value.WithoutConversions())
                    {
                        case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } when FirstAiCall(lambda.Body) is { } call:
                            return call.Description;
                        case IDelegateCreationOperation { Target: IMethodReferenceOperation method } when method.Method.DeclaringSyntaxReferences.Length > 0
                            && _rag.Summaries.FindAiCall(method.Method) is { } chain:
                            return chain.Describe();
                    }
                }

                return null;
            }

            private static IOperation? InitializerOf(ILocalReferenceOperation reference) =>
                reference.Root().Descendants().OfType<IVariableDeclaratorOperation>()
                    .FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, reference.Local))?.Initializer?.Value.WithoutConversions();

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
