using System;
using System.Collections.Concurrent;
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
    /// RAG030, in service hosts (<see cref="ServiceHosts"/>): an HttpClient that carries generation traffic and keeps the
    /// 100-second default (<c>new HttpClient(…)</c> whose <c>Timeout</c> is never set, a typed <c>AddHttpClient&lt;T&gt;(…)</c>
    /// registration that sets none, a Semantic Kernel or OllamaSharp connector that builds its own client), an infinite
    /// <c>Timeout</c>, and a typed client whose configured registration a later <c>Add{Lifetime}&lt;T&gt;()</c> discards.
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

        /// <summary>Remove the reported registration statement, which discards the configured typed client (no seconds needed).</summary>
        public const string FixRemoveRegistration = "RemoveRegistration";

        /// <summary>
        /// Raise the timeouts of the standard resilience handler (the additional location, else the reported call) to the
        /// seconds in <see cref="AttemptProperty"/>, <see cref="TotalProperty"/> and <see cref="SamplingProperty"/>.
        /// </summary>
        public const string FixRaisePipelineTimeouts = "RaisePipelineTimeouts";

        /// <summary>Diagnostic property: the attempt timeout the fix writes, in seconds (absent: kept).</summary>
        public const string AttemptProperty = "Attempt";

        /// <summary>Diagnostic property: the total request timeout the fix writes, in seconds (absent: kept).</summary>
        public const string TotalProperty = "Total";

        /// <summary>Diagnostic property: the circuit breaker's sampling duration the fix writes, in seconds (absent: kept).</summary>
        public const string SamplingProperty = "Sampling";

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
        private const string BuildsOwnClient = "is given no HttpClient, so it builds its own, whose 100-second default Timeout is the model call's only timeout";

        private const string StandardHandlerName = "AddStandardResilienceHandler";

        /// <summary>IHttpClientBuilder extensions that add a resilience pipeline (which carries its own timeouts).</summary>
        private static readonly ImmutableHashSet<string> ResilienceMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            StandardHandlerName,
            "AddStandardHedgingHandler",
            "AddResilienceHandler",
            "AddPolicyHandler",
            "AddPolicyHandlerFromRegistry");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG030_HttpClientTimeout);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var compilation = context.Compilation;
            if (compilation.GetTypeByMetadataName("System.Net.Http.HttpClient") is not { } httpClient
                || !ServiceHosts.IsServiceHost(compilation))
            {
                // A console program or tool: its model calls have no service latency budget to protect.
                return;
            }

            var seconds = OptionSpecs.HttpTimeoutSeconds.Read(rag.Options);
            var minimum = OptionSpecs.MinGenerationTimeoutSeconds.Read(rag.Options);
            var factoryExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions");
            var analysis = new Analysis(compilation, rag, httpClient, factoryExtensions, seconds, minimum);
            context.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        }

        private sealed class Analysis
        {
            private readonly Compilation _compilation;
            private readonly RagSafetyContext _rag;
            private readonly KnownApis _apis;
            private readonly INamedTypeSymbol _httpClient;
            private readonly INamedTypeSymbol? _factoryExtensions;
            private readonly ImmutableDictionary<string, string?> _properties;
            private readonly int _seconds;
            private readonly int _minimum;
            private readonly Lazy<bool> _defaultsConfigured;
            private readonly ConcurrentDictionary<INamedTypeSymbol, TypeTraffic> _typeTraffic = new(SymbolEqualityComparer.Default);

            public Analysis(Compilation compilation, RagSafetyContext rag, INamedTypeSymbol httpClient, INamedTypeSymbol? factoryExtensions, int seconds, int minimum)
            {
                _compilation = compilation;
                _rag = rag;
                _apis = rag.Apis;
                _httpClient = httpClient;
                _factoryExtensions = factoryExtensions;
                _seconds = seconds;
                _minimum = minimum;
                _properties = ImmutableDictionary<string, string?>.Empty.Add(SecondsProperty, Text(seconds));
                _defaultsConfigured = new Lazy<bool>(ConfiguresClientDefaults, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Syntax is not BaseObjectCreationExpressionSyntax)
                {
                    return;
                }

                if (!IsHttpClient(creation.Type))
                {
                    if (!UsedAsEmbeddingGenerator(creation))
                    {
                        AnalyzeOwnClient(context, creation.Constructor, creation.Arguments, creation.Syntax, "new " + creation.Type?.Name + "(…)");
                    }

                    return;
                }

                if (IsFallback(creation))
                {
                    // injected ?? new HttpClient(): the injected client is the one in use, configured where it is registered.
                    return;
                }

                var name = "new " + creation.Type!.Name + (creation.Arguments.Length == 0 ? "()" : "(…)");
                var uses = new Uses();
                if (creation.Initializer is { } initializer)
                {
                    foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation property && IsTimeout(property.Property))
                        {
                            uses.Timeouts.Add(assignment.Value);
                        }
                    }
                }

                ISymbol? member = null;
                var parent = SkipConversionsUpward(creation);
                if (parent is IArgumentOperation argument)
                {
                    uses.Arguments.Add(argument);
                }
                else if (parent is IInvocationOperation invocation && invocation.Instance is not null)
                {
                    uses.Calls.Add(invocation);
                }
                else if (Holder(parent) is { } holder)
                {
                    if (holder is ILocalSymbol)
                    {
                        Scan(creation.Root(), holder, uses);
                    }
                    else if (holder is IFieldSymbol or IPropertySymbol)
                    {
                        member = holder;
                        ScanType(holder, uses, context.CancellationToken);
                    }
                }
                else if (parent is IAssignmentOperation)
                {
                    // Stored in another object's member (x.Client = new HttpClient()): its timeout may be set through x later.
                    return;
                }

                if (uses.Timeouts.Count == 0)
                {
                    if (uses.Arguments.Any(IsTransportWithNetworkTimeout))
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

                    // Only a client that carries generation traffic is at risk; one RAG032 reports gets its timeout from that fix;
                    // a field assigned in several places is reported once, at its first creation.
                    if (Evidence(uses, context.CancellationToken) is not { } evidence
                        || PerCallClients.Get(_compilation, _rag).Find(creation, context.ContainingSymbol, context.CancellationToken) is not null
                        || (member is not null && !IsFirstCreation(creation, member, context.CancellationToken)))
                    {
                        return;
                    }

                    Report(context, creation.Syntax, FixAddToInitializer, name, NeverSet, evidence);
                    return;
                }

                if (uses.Timeouts.All(IsShort)
                    && Evidence(uses, context.CancellationToken) is { } shortEvidence
                    && PerCallClients.Get(_compilation, _rag).Find(creation, context.ContainingSymbol, context.CancellationToken) is null
                    && (member is null || IsFirstCreation(creation, member, context.CancellationToken)))
                {
                    ReportShort(context, uses.Timeouts, name, shortEvidence);
                    return;
                }

                if (uses.Timeouts.Any(t => !ClientTimeouts.IsInfinite(t)) || uses.Arguments.Any(IsTransportWithNetworkTimeout))
                {
                    return;
                }

                var suffix = uses.Arguments.Select(SinkSuffix).FirstOrDefault(s => s is not null) ?? string.Empty;
                foreach (var value in uses.Timeouts)
                {
                    Report(context, value.Syntax, FixReplaceValue, name, Infinite, suffix);
                }
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name == "AddHttpClient")
                {
                    AnalyzeRegistration(context, invocation);
                    return;
                }

                if (method.Name == "CreateClient")
                {
                    AnalyzeFactoryClient(context, invocation);
                    return;
                }

                if (method.Name == StandardHandlerName)
                {
                    AnalyzeStandardHandler(context, invocation);
                    return;
                }

                if (ServiceRegistrations.For(_compilation).Recognize(invocation) is { } registration)
                {
                    AnalyzeReRegistration(context, registration);
                    return;
                }

                AnalyzeOwnClient(context, method, invocation.Arguments, invocation.Syntax, method.Name + "(…)");
            }

            /// <summary>
            /// A Semantic Kernel or OllamaSharp generation connector given no HttpClient (the <c>httpClient</c> argument left
            /// out or null, or an overload without one, such as <c>new OllamaApiClient(uri)</c>): it builds its own, whose
            /// 100-second default is the model call's only timeout. Overloads that take an SDK client use that client instead.
            /// Reported as Info.
            /// </summary>
            private void AnalyzeOwnClient(OperationAnalysisContext context, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments, SyntaxNode node, string name)
            {
                if (method is null)
                {
                    return;
                }

                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                var isConstructor = definition.MethodKind == MethodKind.Constructor;
                if (definition.ContainingType is not { } type
                    || !_apis.MemberEntries(type, isConstructor ? ".ctor" : definition.Name, ApiRole.ConnectorSink).Any(ClientKinds.BuildsOwnHttpClient)
                    || ClientKinds.SinkOf(definition) != SinkKind.Generation
                    || definition.Parameters.Any(p => !IsHttpClient(p.Type) && _apis.TypeHasRole(p.Type, ApiRole.ThreadSafeClient)))
                {
                    return;
                }

                var takesHttpClient = definition.Parameters.Any(p => IsHttpClient(p.Type));
                if (takesHttpClient)
                {
                    var given = arguments.FirstOrDefault(a => a.Parameter is { } p && IsHttpClient(p.Type));
                    var value = given?.Value.WithoutConversions();
                    var omitted = given is null || given.IsImplicit || given.ArgumentKind == ArgumentKind.DefaultValue
                        || value is IDefaultValueOperation || value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };
                    if (!omitted)
                    {
                        return;
                    }
                }

                if (_defaultsConfigured.Value)
                {
                    // Semantic Kernel's registrations given no HttpClient take the DI one (HttpClientProvider.GetHttpClient(httpClient,
                    // serviceProvider)): the factory's default client, which the client defaults configure.
                    if (_apis.MemberEntries(type, isConstructor ? ".ctor" : definition.Name, ApiRole.ConnectorSink).Any(e => ClientKinds.TakesHttpClientFromServices(e, definition, takesHttpClient))
                        && DefaultStandardHandler() is { } defaults)
                    {
                        ReportShortPipeline(context, CallLocation(node), defaults, name, "gets the standard resilience handler of ConfigureHttpClientDefaults, which ", "; given no HttpClient, it takes the one DI builds, so these are the model call's timeouts");
                    }

                    return;
                }

                // Info: the app never chose a client here, and whether the default bites depends on how long the answers are
                // and whether they stream, which the registration does not show (the field test found it mostly in samples
                // whose answers are short).
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RAG030_HttpClientTimeout,
                    node.GetLocation(),
                    DiagnosticSeverity.Info,
                    additionalLocations: null,
                    properties: null,
                    name,
                    BuildsOwnClient,
                    string.Empty));
            }

            private void AnalyzeRegistration(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if (!IsAddHttpClient(method))
                {
                    return;
                }

                var facts = new RegistrationFacts();
                Inspect(invocation, facts);
                FollowChain(invocation, facts);
                if (facts.Unknown)
                {
                    return;
                }

                var name = RegistrationName(invocation);
                var typed = method.IsGenericMethod && method.TypeArguments.Length > 0 ? method.TypeArguments[method.TypeArguments.Length - 1] as INamedTypeSymbol : null;
                var traffic = typed is not null ? TrafficOf(typed, context.CancellationToken) : null;
                if (traffic?.Evidence is { } trafficEvidence && ReportShortRegistration(context, invocation, facts, name, "; '" + typed!.Name + "' " + trafficEvidence))
                {
                    return;
                }

                if (facts.Resilient || _defaultsConfigured.Value)
                {
                    return;
                }

                if (facts.Timeouts.Count == 0)
                {
                    // A typed client that sets its own Timeout (in its constructor) decided; otherwise only a client that carries
                    // generation traffic is reported (a named client's traffic is not followed).
                    if (traffic is null || traffic.SetsTimeout || traffic.Evidence is not { } evidence)
                    {
                        return;
                    }

                    var additional = facts.ConfigureLambda is { } lambda ? new[] { lambda.GetLocation() } : Array.Empty<Location>();
                    var properties = _properties.Add(FixProperty, FixConfigureClient);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RAG030_HttpClientTimeout,
                        invocation.Syntax.GetLocation(),
                        additional,
                        properties,
                        name,
                        RegistrationNeverSets,
                        "; '" + typed!.Name + "' " + evidence));
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

            /// <summary>
            /// A typed client that carries generation traffic, whose registration sets its <c>Timeout</c> below
            /// <c>rag_safety.min_generation_timeout_seconds</c> or gives it a standard resilience handler (its own, or the client
            /// defaults') whose attempt or total timeout is below it. True when reported.
            /// </summary>
            private bool ReportShortRegistration(OperationAnalysisContext context, IInvocationOperation registration, RegistrationFacts facts, string name, string evidence)
            {
                var reported = false;
                if (facts.Timeouts.Count > 0 && facts.Timeouts.All(IsShort))
                {
                    // Values in a chained ConfigureHttpClient lie outside the call analyzed: a diagnostic there would not be local.
                    ReportShort(context, facts.Timeouts.Where(t => registration.Syntax.Span.Contains(t.Syntax.Span)), name, evidence);
                    reported = true;
                }

                // The registration's own standard handler is judged where it is called (AnalyzeStandardHandler).
                if (!facts.Resilient && _defaultsConfigured.Value && DefaultStandardHandler() is { } defaults)
                {
                    reported |= ReportShortPipeline(context, CallLocation(registration.Syntax), defaults, name, "gets the standard resilience handler of ConfigureHttpClientDefaults, which ", evidence);
                }

                return reported;
            }

            /// <summary>
            /// <c>AddHttpClient&lt;T&gt;(…).AddStandardResilienceHandler(…)</c> on a typed client that carries generation traffic,
            /// with an attempt or total timeout below the minimum.
            /// </summary>
            private void AnalyzeStandardHandler(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var syntax = invocation.Syntax;
                var registration = RetryingHttpClients.For(_compilation, _apis).Registrations
                    .FirstOrDefault(r => r.RetryCall is { } call && call.Syntax.SyntaxTree == syntax.SyntaxTree && call.Syntax.Span == syntax.Span);
                if (registration is null
                    || registration.TypedClients.LastOrDefault() is not INamedTypeSymbol typed
                    || TrafficOf(typed, context.CancellationToken).Evidence is not { } evidence)
                {
                    return;
                }

                ReportShortPipeline(context, CallLocation(syntax), invocation, HandlerName(invocation), string.Empty, "; '" + typed.Name + "' " + evidence);
            }

            /// <summary>
            /// <c>factory.CreateClient("name")</c> whose client flows into a generation connector or transport, where the named
            /// registration (else the client defaults) adds a standard resilience handler with a timeout below the minimum.
            /// </summary>
            private void AnalyzeFactoryClient(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                if ((method.ReducedFrom ?? method).ContainingType is not { Name: "IHttpClientFactory" or "HttpClientFactoryExtensions" }
                    || !IsHttpClient(method.ReturnType))
                {
                    return;
                }

                var nameArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String);
                if (nameArgument is not null && nameArgument.Value.ConstantValue is not { HasValue: true, Value: string })
                {
                    return;
                }

                var clientName = nameArgument?.Value.ConstantValue.Value as string;
                string? evidence = null;
                var parent = SkipConversionsUpward(invocation);
                if (parent is IArgumentOperation argument)
                {
                    evidence = SinkSuffix(argument);
                }
                else if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                {
                    evidence = invocation.Root().Descendants().OfType<ILocalReferenceOperation>()
                        .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol))
                        .Select(r => SkipConversionsUpward(r) is IArgumentOperation use ? SinkSuffix(use) : null)
                        .FirstOrDefault(s => s is not null);
                }

                if (evidence is null
                    || RetryingHttpClients.For(_compilation, _apis).ForName(string.IsNullOrEmpty(clientName) ? null : clientName) is not { RetryCall: { TargetMethod.Name: StandardHandlerName } handler } registration)
                {
                    return;
                }

                var shown = string.IsNullOrEmpty(clientName) ? "CreateClient()" : "CreateClient(\"" + clientName + "\")";
                var owner = registration.IsDefault ? "ConfigureHttpClientDefaults" : "AddHttpClient(\"" + registration.Name + "\")";
                ReportShortPipeline(context, CallLocation(invocation.Syntax), handler, shown, "gets the standard resilience handler of " + owner + ", which ", evidence);
            }

            /// <summary>
            /// Reports, at <paramref name="node"/>, a standard resilience handler whose attempt or total timeout is below the
            /// minimum a generation needs. The fix raises the handler's timeouts (the handler is the additional location when
            /// it is not the reported call), keeping the sampling duration at least twice the attempt timeout and the total
            /// above it, as options validation requires. True when reported.
            /// </summary>
            private bool ReportShortPipeline(OperationAnalysisContext context, Location location, IInvocationOperation handler, string name, string prefix, string evidence)
            {
                if (StandardHandlerTimeouts.Of(handler) is not { } timeouts
                    || !(timeouts.Attempt.Seconds < _minimum || timeouts.Total.Seconds < _minimum))
                {
                    return false;
                }

                // Name only the timeouts that are too short.
                var attemptShort = timeouts.Attempt.Seconds < _minimum;
                var totalShort = timeouts.Total.Seconds < _minimum;
                var cancels = attemptShort && totalShort ? "cancels each attempt after " + Describe(timeouts.Attempt) + " and the whole call after " + Describe(timeouts.Total)
                    : attemptShort ? "cancels each attempt after " + Describe(timeouts.Attempt)
                    : "cancels the whole call after " + Describe(timeouts.Total);
                var problem = prefix + cancels + ", less than the " + Text(_minimum) + " seconds a generation may take";
                var properties = ImmutableDictionary<string, string?>.Empty;
                var sameTree = handler.Syntax.SyntaxTree == location.SourceTree;
                if (sameTree && timeouts.Attempt.Seconds is { } attempt && timeouts.Total.Seconds is { } total && timeouts.Sampling.Seconds is { } sampling)
                {
                    // Options validation: the total above the attempt timeout, the sampling duration at least twice the attempt timeout.
                    var newAttempt = attempt >= _minimum ? attempt : Math.Max(_seconds, _minimum);
                    properties = properties.Add(FixProperty, FixRaisePipelineTimeouts);
                    if (newAttempt != attempt)
                    {
                        properties = properties.Add(AttemptProperty, Text(newAttempt));
                    }

                    if (!(total > newAttempt && total >= _minimum))
                    {
                        properties = properties.Add(TotalProperty, Text(2 * newAttempt));
                    }

                    if (sampling < 2 * newAttempt)
                    {
                        properties = properties.Add(SamplingProperty, Text(2 * newAttempt));
                    }
                }

                var handlerLocation = CallLocation(handler.Syntax);
                var additional = handlerLocation == location || !sameTree ? Array.Empty<Location>() : new[] { handlerLocation };
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG030_HttpClientTimeout, location, additional, properties, name, problem, evidence));
                return true;
            }

            /// <summary>A call on a receiver from its method name on (<c>AddStandardResilienceHandler()</c> of <c>services.AddHttpClient&lt;T&gt;().AddStandardResilienceHandler()</c>).</summary>
            private static Location CallLocation(SyntaxNode node) =>
                node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation
                    ? Location.Create(node.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End))
                    : node.GetLocation();

            /// <summary>The client defaults' <c>AddStandardResilienceHandler</c> call (<c>ConfigureHttpClientDefaults</c>), if the compilation makes one.</summary>
            private IInvocationOperation? DefaultStandardHandler() =>
                RetryingHttpClients.For(_compilation, _apis).Registrations
                    .FirstOrDefault(r => r.IsDefault && r.RetryCall is { TargetMethod.Name: StandardHandlerName })?.RetryCall;

            /// <summary>Client timeouts below the minimum, reported at each value; the fix raises them.</summary>
            private void ReportShort(OperationAnalysisContext context, IEnumerable<IOperation> timeouts, string name, string evidence)
            {
                var properties = _properties.SetItem(SecondsProperty, Text(Math.Max(_seconds, _minimum))).Add(FixProperty, FixReplaceValue);
                foreach (var value in timeouts)
                {
                    var problem = "sets a " + Text(TimeSpans.Seconds(value) ?? 0) + "-second Timeout, less than the " + Text(_minimum) + " seconds a generation may take";
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG030_HttpClientTimeout, value.Syntax.GetLocation(), properties, name, problem, evidence));
                }
            }

            /// <summary>A finite, positive, constant timeout below <c>rag_safety.min_generation_timeout_seconds</c>.</summary>
            private bool IsShort(IOperation value) => TimeSpans.Seconds(value) is { } seconds && seconds > 0 && seconds < _minimum;

            private static string Describe(PipelineTimeout timeout) =>
                timeout.Seconds is not { } seconds ? "a time set elsewhere" : Text(seconds) + " s" + (timeout.IsDefault ? " (its default)" : string.Empty);

            private static string HandlerName(IInvocationOperation handler) =>
                handler.TargetMethod.Name + (handler.Arguments.Any(a => a.Parameter?.Ordinal > 0 && a.ArgumentKind != ArgumentKind.DefaultValue) ? "(…)" : "()");

            private static string Text(double seconds) => seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

            /// <summary>
            /// <c>services.AddScoped&lt;T&gt;()</c> (any lifetime, no factory or instance) after <c>services.AddHttpClient&lt;T&gt;(…)</c>
            /// configured a Timeout or a resilience handler in the same member: the later registration wins, so DI builds
            /// <c>T</c> with the factory's default HttpClient and the configured client is never used.
            /// </summary>
            private void AnalyzeReRegistration(OperationAnalysisContext context, ServiceRegistration registration)
            {
                if (registration.Instance is not null || registration.Factory is not null || registration.ServiceType is not { } service || _factoryExtensions is null)
                {
                    return;
                }

                var invocation = registration.Invocation;
                var position = invocation.Syntax.SpanStart;
                foreach (var candidate in invocation.Root().Descendants().OfType<IInvocationOperation>())
                {
                    var method = candidate.TargetMethod;
                    if (candidate.Syntax.SpanStart >= position
                        || !IsAddHttpClient(method)
                        || !method.IsGenericMethod
                        || !SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], service))
                    {
                        continue;
                    }

                    var facts = new RegistrationFacts();
                    Inspect(candidate, facts);
                    FollowChain(candidate, facts);
                    if (!facts.Resilient && !facts.Timeouts.Any(t => !ClientTimeouts.IsInfinite(t)))
                    {
                        continue;
                    }

                    var written = registration.NameSyntax?.ToString() ?? registration.Method.Name;
                    var problem = "registers '" + service.Name + "' again after '" + RegistrationName(candidate)
                        + "', so DI builds it with the factory's default HttpClient and the Timeout configured there is discarded";
                    var properties = invocation.Syntax.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement
                        && !statement.GetLeadingTrivia().Concat(statement.GetTrailingTrivia()).Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
                        ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, FixRemoveRegistration)
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RAG030_HttpClientTimeout,
                        invocation.Syntax.GetLocation(),
                        properties,
                        written + (registration.Invocation.Arguments.Length > 1 ? "(…)" : "()"),
                        problem,
                        string.Empty));
                    return;
                }
            }

            /// <summary>
            /// A client typed as an embedding generator where it is created (<c>IEmbeddingGenerator&lt;…&gt; e = new OllamaApiClient(…)</c>,
            /// or passed as one): its calls are embeddings, not generation.
            /// </summary>
            private static bool UsedAsEmbeddingGenerator(IObjectCreationOperation creation)
            {
                IOperation value = creation;
                while (value.Parent is IConversionOperation conversion)
                {
                    value = conversion;
                }

                var type = value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol.Type : value.Type;
                return type is INamedTypeSymbol { Name: "IEmbeddingGenerator", ContainingNamespace: { } ns } && ns.ToDisplayString() == "Microsoft.Extensions.AI";
            }

            private bool IsAddHttpClient(IMethodSymbol method) =>
                method.Name == "AddHttpClient"
                && _factoryExtensions is not null
                && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _factoryExtensions)
                && method.ReturnType.Name == "IHttpClientBuilder";

            private static string RegistrationName(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                return method.Name
                    + (method.IsGenericMethod ? "<" + string.Join(", ", method.TypeArguments.Select(t => t.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">" : string.Empty)
                    + (invocation.Arguments.Length > 1 ? "(…)" : "()");
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

            /// <summary>What the code does with one client: its <c>Timeout</c> values, the arguments it is passed as, the calls made on it.</summary>
            private sealed class Uses
            {
                public List<IOperation> Timeouts { get; } = new();

                public List<IArgumentOperation> Arguments { get; } = new();

                public List<IInvocationOperation> Calls { get; } = new();
            }

            /// <summary>Collects <c>holder.Timeout = …</c> values, the arguments through which the holder is passed, and the calls on it.</summary>
            private void Scan(IOperation root, ISymbol holder, Uses uses)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    Collect(operation, holder, uses);
                }
            }

            private void Collect(IOperation operation, ISymbol holder, Uses uses)
            {
                switch (operation)
                {
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                        when IsTimeout(property.Property) && RefersTo(property.Instance, holder):
                        uses.Timeouts.Add(assignment.Value);
                        break;
                    case IInvocationOperation invocation when RefersTo(invocation.Instance, holder):
                        uses.Calls.Add(invocation);
                        break;
                    case IArgumentOperation argument when RefersTo(argument.Value, holder):
                        if (argument.Parent is IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } extension && argument.Parameter?.Ordinal == 0)
                        {
                            // client.PostAsJsonAsync(…): a call on the client.
                            uses.Calls.Add(extension);
                        }
                        else
                        {
                            uses.Arguments.Add(argument);
                        }

                        break;
                }
            }

            /// <summary>
            /// For a field or property: every <c>….Timeout = …</c> assignment, every argument naming the member and every call
            /// on it, in all declarations of the containing type. A syntax filter comes first, so only candidate nodes are bound.
            /// </summary>
            private void ScanType(ISymbol holder, Uses uses, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var reference in holder.ContainingType.DeclaringSyntaxReferences)
                {
                    if (!_compilation.ContainsSyntaxTree(reference.SyntaxTree))
                    {
                        continue;
                    }

                    var declaration = reference.GetSyntax(cancellationToken);
                    SemanticModel? model = null;
                    foreach (var node in declaration.DescendantNodes())
                    {
                        var candidate = node switch
                        {
                            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Timeout" } } => true,
                            ArgumentSyntax { Expression: var expression } => Names(expression, holder.Name),
                            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiver } } => Names(receiver, holder.Name),
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
                            Collect(operation, holder, uses);
                            if (operation is IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } extension
                                && RefersTo(extension.Arguments[0].Value, holder))
                            {
                                uses.Calls.Add(extension);
                            }
                        }
                    }
                }
            }

            /// <summary><c>name</c> or <c>this.name</c>.</summary>
            private static bool Names(ExpressionSyntax expression, string name) => expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText == name,
                _ => false,
            };

            /// <summary>
            /// Whether this creation is the first (in source order) of those that assign a new client to the field or property
            /// (its initializer, <c>_http = new …</c>, <c>_http ??= new …</c>): a member is reported once.
            /// </summary>
            private bool IsFirstCreation(IObjectCreationOperation creation, ISymbol member, System.Threading.CancellationToken cancellationToken)
            {
                var mine = creation.Syntax;
                foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
                {
                    foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                    {
                        var created = node switch
                        {
                            AssignmentExpressionSyntax { Right: BaseObjectCreationExpressionSyntax right } assignment when Names(assignment.Left, member.Name) => right,
                            VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax value } declarator when declarator.Identifier.ValueText == member.Name => value,
                            PropertyDeclarationSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax value } property when property.Identifier.ValueText == member.Name => value,
                            _ => null,
                        };
                        if (created is not null && created != mine && IsBefore(created, mine))
                        {
                            return false;
                        }
                    }
                }

                return true;
            }

            /// <summary>Source order across files: by path, then position (the order partial declarations are read in does not matter).</summary>
            private static bool IsBefore(SyntaxNode node, SyntaxNode other)
            {
                var byPath = string.CompareOrdinal(node.SyntaxTree.FilePath, other.SyntaxTree.FilePath);
                return byPath < 0 || (byPath == 0 && node.SpanStart < other.SpanStart);
            }

            /// <summary><c>x ?? new HttpClient()</c>: the fallback of an injected or factory client.</summary>
            private static bool IsFallback(IObjectCreationOperation creation) =>
                SkipConversionsUpward(creation) is ICoalesceOperation coalesce && coalesce.WhenNull.WithoutConversions() == creation;

            /// <summary>
            /// The message's evidence that the client carries generation traffic, or null: it flows into a generation connector
            /// (or a transport of a generation client's options), into an app type that calls a generation endpoint or hands
            /// its client on to a connector, or the code calls a generation endpoint with it.
            /// </summary>
            private string? Evidence(Uses uses, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var argument in uses.Arguments)
                {
                    if (SinkSuffix(argument) is { } suffix)
                    {
                        return suffix;
                    }

                    if (argument.Parent is IObjectCreationOperation { Constructor.ContainingType: { } type }
                        && !type.DeclaringSyntaxReferences.IsEmpty
                        && TrafficOf(type, cancellationToken).Evidence is { } evidence)
                    {
                        return "; it flows into '" + type.Name + "', which " + evidence;
                    }
                }

                foreach (var call in uses.Calls)
                {
                    if (EndpointIn(call.Root()) is { } endpoint)
                    {
                        return "; it calls the generation endpoint '" + endpoint + "'";
                    }
                }

                return null;
            }

            /// <summary>The message's sink part when the argument hands the client to a generation connector (or transport), else null.</summary>
            private string? SinkSuffix(IArgumentOperation argument)
            {
                if (Sink(argument) is not { } sink)
                {
                    return null;
                }

                var name = sink.MethodKind == MethodKind.Constructor ? sink.ContainingType.Name : sink.Name;
                return ClientKinds.SinkOf(sink) switch
                {
                    SinkKind.Generation => $"; it flows into '{name}', so this timeout is the model call's only timeout",
                    SinkKind.Transport when TransportCarriesGeneration(argument) => $"; it flows into '{name}', the transport of a generation client",
                    _ => null,
                };
            }

            /// <summary>The first string in a member body (literal, interpolated text, constant) that names a generation endpoint.</summary>
            private static string? EndpointIn(IOperation root)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    var text = operation switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string value } } => value,
                        ILiteralOperation { ConstantValue: { HasValue: true, Value: string value } } => value,
                        IFieldReferenceOperation { ConstantValue: { HasValue: true, Value: string value } } => value,
                        ILocalReferenceOperation { ConstantValue: { HasValue: true, Value: string value } } => value,
                        _ => null,
                    };
                    if (text is not null && ClientKinds.GenerationEndpointIn(text) is { } endpoint)
                    {
                        return endpoint;
                    }
                }

                return null;
            }

            /// <summary>What an app type (a typed client, or a class handed an HttpClient) does with the HttpClients it holds.</summary>
            private sealed class TypeTraffic
            {
                public TypeTraffic(bool setsTimeout, string? evidence)
                {
                    SetsTimeout = setsTimeout;
                    Evidence = evidence;
                }

                /// <summary>The type sets <c>Timeout</c> on an HttpClient it holds (typically its constructor's): it decided.</summary>
                public bool SetsTimeout { get; }

                /// <summary>How it carries generation traffic, as the end of a sentence (<c>calls the generation endpoint '…'</c>), or null.</summary>
                public string? Evidence { get; }
            }

            /// <summary>Reads every declaration of a source type once: Timeout assignments, calls on HttpClients, HttpClients handed to connectors.</summary>
            private TypeTraffic TrafficOf(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken) =>
                _typeTraffic.GetOrAdd(type.OriginalDefinition, t => ComputeTraffic(t, cancellationToken));

            private TypeTraffic ComputeTraffic(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
            {
                var setsTimeout = false;
                string? evidence = null;
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    if (!_compilation.ContainsSyntaxTree(reference.SyntaxTree))
                    {
                        // A type of a referenced project: its code is not this compilation's to bind.
                        continue;
                    }

                    var declaration = reference.GetSyntax(cancellationToken);
                    SemanticModel? model = null;
                    foreach (var node in declaration.DescendantNodes())
                    {
                        if (node is not (AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Timeout" } }
                            or InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
                            or ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax }))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // A typed client's class is read once, when its registration or creation is analyzed.
                        model ??= _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
                        switch (model.GetOperation(node, cancellationToken))
                        {
                            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } when IsTimeout(property.Property):
                                setsTimeout = true;
                                break;
                            case IInvocationOperation invocation when evidence is null && (IsHttpClient(invocation.Instance?.Type)
                                || (invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 && IsHttpClient(invocation.Arguments[0].Value.WithoutConversions().Type))):
                                if (EndpointIn(invocation.Root()) is { } endpoint)
                                {
                                    evidence = "calls the generation endpoint '" + endpoint + "'";
                                }

                                break;
                            case IArgumentOperation argument when evidence is null && IsHttpClient(argument.Value.WithoutConversions().Type) && Sink(argument) is { } sink
                                && ClientKinds.SinkOf(sink) == SinkKind.Generation:
                                evidence = "hands it to '" + (sink.MethodKind == MethodKind.Constructor ? sink.ContainingType.Name : sink.Name) + "'";
                                break;
                        }
                    }
                }

                return new TypeTraffic(setsTimeout, evidence);
            }

            /// <summary>The connector method or constructor the argument hands the client to, or null when it is no sink.</summary>
            private IMethodSymbol? Sink(IArgumentOperation argument)
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
                return isSink ? definition : null;
            }

            /// <summary>
            /// A transport (<c>new HttpClientPipelineTransport(http)</c>) set as the <c>Transport</c> of options that a generation
            /// or root client takes (in view), or of OpenAI options whose client is not in view.
            /// </summary>
            private bool TransportCarriesGeneration(IArgumentOperation argument)
            {
                if (argument.Parent is not IObjectCreationOperation transport
                    || SkipConversionsUpward(transport) is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Transport" } target } assignment)
                {
                    return false;
                }

                IOperation? options = target.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                    ? (assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation created } ? created : null)
                    : target.Instance?.WithoutConversions();
                if (options is null)
                {
                    return false;
                }

                var local = options switch
                {
                    ILocalReferenceOperation reference => reference.Local,
                    _ when SkipConversionsUpward(options) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                    _ => null,
                };
                var consumers = new List<ITypeSymbol>();
                if (local is null)
                {
                    if (SkipConversionsUpward(options) is IArgumentOperation { Parent: IObjectCreationOperation client } && client.Type is { } clientType)
                    {
                        consumers.Add(clientType);
                    }
                }
                else
                {
                    foreach (var reference in options.Root().Descendants().OfType<ILocalReferenceOperation>())
                    {
                        if (SymbolEqualityComparer.Default.Equals(reference.Local, local)
                            && SkipConversionsUpward(reference) is IArgumentOperation { Parent: IObjectCreationOperation client }
                            && client.Type is { } clientType)
                        {
                            consumers.Add(clientType);
                        }
                    }
                }

                return consumers.Count == 0
                    ? options.Type?.Name.IndexOf("OpenAI", StringComparison.Ordinal) >= 0
                    : consumers.Any(c => ClientKinds.Of(c) is ClientKind.Generation or ClientKind.RootClient);
            }

            /// <summary>
            /// The OpenAI SDK's documented pattern: the client goes into a transport (<c>HttpClientPipelineTransport</c>,
            /// Azure.Core's <c>HttpClientTransport</c>) set as <c>Transport</c> of options whose network timeout is set.
            /// </summary>
            private bool IsTransportWithNetworkTimeout(IArgumentOperation argument)
            {
                if (argument.Parent is not IObjectCreationOperation transport || Sink(argument) is null)
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

                /// <summary>The <c>AddStandardResilienceHandler(…)</c> call on the registration's chain, if any.</summary>
                public IInvocationOperation? StandardHandler { get; set; }

                public bool Unknown { get; set; }
            }

            /// <summary>One call on the builder: its configure delegates, or a resilience handler.</summary>
            private void Inspect(IInvocationOperation invocation, RegistrationFacts facts)
            {
                if (ResilienceMethods.Contains(invocation.TargetMethod.Name))
                {
                    facts.Resilient = true;
                    if (invocation.TargetMethod.Name == StandardHandlerName)
                    {
                        facts.StandardHandler ??= invocation;
                    }

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
