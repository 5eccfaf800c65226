using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Knowledge;
using RagSafety.Analyzers.Program;

namespace RagSafety.Analyzers.Rules
{
    /// <summary>
    /// RAG031, in service hosts, for generation clients (chat, responses, and root clients that serve them) and Qdrant:
    /// an AI SDK client created without an explicit network timeout: System.ClientModel clients (OpenAI,
    /// Azure OpenAI 2.x) without options or with options that never set <c>NetworkTimeout</c>; Azure.Core clients (Azure AI
    /// Search) whose options never set <c>Retry.NetworkTimeout</c>; clients with a timeout parameter (Qdrant's
    /// <c>grpcTimeout</c>) left at its default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG031AiClientNetworkTimeoutAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer rewrites (absent: no fix).</summary>
        public const string FixProperty = "Fix";

        /// <summary>Append a new options argument (<see cref="OptionsTypeProperty"/>); the additional location, if any, is the string API key argument to wrap in <c>ApiKeyCredential</c>.</summary>
        public const string FixAddOptions = "AddOptions";

        /// <summary>Add the timeout to the options creation at the additional location.</summary>
        public const string FixExtendOptions = "ExtendOptions";

        /// <summary>Append the named timeout argument <see cref="ParameterProperty"/>.</summary>
        public const string FixAddArgument = "AddArgument";

        /// <summary>Replace the timeout argument value at the additional location.</summary>
        public const string FixReplaceValue = "ReplaceValue";

        /// <summary>The fully qualified options type a new options argument creates.</summary>
        public const string OptionsTypeProperty = "OptionsType";

        /// <summary>The member path of the timeout in the options initializer: <c>NetworkTimeout</c> or <c>Retry.NetworkTimeout</c>.</summary>
        public const string PathProperty = "Path";

        /// <summary>The parameter name to use for a named argument (absent: the new argument is positional).</summary>
        public const string ParameterProperty = "Parameter";

        /// <summary>The name of the <c>ApiKeyCredential</c> parameter a wrapped, named API key argument takes.</summary>
        public const string CredentialParameterProperty = "CredentialParameter";

        /// <summary>The timeout in seconds the fix writes (<c>rag_safety.http_timeout_seconds</c>).</summary>
        public const string SecondsProperty = "Seconds";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG031_AiClientNetworkTimeout);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var compilation = context.Compilation;
            if (!ServiceHosts.IsServiceHost(compilation))
            {
                // A console program or tool: no service latency budget for the timeout to protect.
                return;
            }

            var seconds = OptionSpecs.HttpTimeoutSeconds.Read(rag.Options);
            var types = new ClientTypes(
                compilation.GetTypeByMetadataName("System.ClientModel.Primitives.ClientPipelineOptions"),
                compilation.GetTypeByMetadataName("Azure.Core.ClientOptions"),
                compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential"),
                compilation.GetTypeByMetadataName("System.ClientModel.Primitives.ClientPipeline"),
                compilation.GetTypeByMetadataName("Azure.Core.Pipeline.HttpPipeline"));
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SecondsProperty, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.RegisterOperationAction(c => Analyze(c, rag.Apis, types, properties), OperationKind.ObjectCreation);
        }

        private sealed record ClientTypes(
            INamedTypeSymbol? PipelineOptions,
            INamedTypeSymbol? AzureOptions,
            INamedTypeSymbol? ApiKeyCredential,
            INamedTypeSymbol? ClientPipeline,
            INamedTypeSymbol? AzurePipeline)
        {
            public bool IsOptions(ITypeSymbol? type) => DerivesFrom(type, PipelineOptions) || DerivesFrom(type, AzureOptions);

            /// <summary>Where the timeout lives in options of this type.</summary>
            public string Path(ITypeSymbol type) => DerivesFrom(type, AzureOptions) ? "Retry.NetworkTimeout" : "NetworkTimeout";

            public bool IsPipeline(ITypeSymbol type) => DerivesFrom(type, ClientPipeline) || DerivesFrom(type, AzurePipeline);

            public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
            {
                if (baseType is null)
                {
                    return false;
                }

                for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private static void Analyze(OperationAnalysisContext context, KnownApis apis, ClientTypes types, ImmutableDictionary<string, string?> properties)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor
                || creation.Type is not INamedTypeSymbol type
                || !apis.TypeHasRole(type, ApiRole.ThreadSafeClient)
                || constructor.Parameters.Any(p => types.IsPipeline(p.Type)))
            {
                return;
            }

            // Generation clients (and root clients that serve them) and Qdrant, whose default has no deadline at all;
            // embedding, search, audio and image calls finish quickly or stream.
            var kind = ClientKinds.Of(type);
            if (kind == ClientKind.Other || (kind == ClientKind.RootClient && ServesOnlyOtherClients(creation)))
            {
                return;
            }

            var timeoutParameters = apis.MemberEntries(type, ".ctor", ApiRole.TimeoutOption).Where(e => e.Parameter is not null).Select(e => e.Parameter!).ToList();
            if (timeoutParameters.Count > 0)
            {
                AnalyzeTimeoutParameter(context, creation, type, timeoutParameters, properties);
                return;
            }

            var optionsParameter = constructor.Parameters.FirstOrDefault(p => types.IsOptions(p.Type));
            if (optionsParameter is not null)
            {
                AnalyzeOptionsArgument(context, creation, type, optionsParameter, apis, types, properties);
                return;
            }

            // No options: find the overload that takes the same arguments plus options (a string API key may become an ApiKeyCredential).
            var options = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0 && types.IsOptions(c.Parameters[c.Parameters.Length - 1].Type))
                .ToList();
            if (options.Count == 0)
            {
                return;
            }

            foreach (var candidate in options)
            {
                if (candidate.Parameters.Length != constructor.Parameters.Length + 1 || !Constructible(candidate.Parameters[candidate.Parameters.Length - 1].Type))
                {
                    continue;
                }

                int? wrap = null;
                var matches = true;
                for (var i = 0; i < constructor.Parameters.Length && matches; i++)
                {
                    var have = constructor.Parameters[i].Type;
                    var want = candidate.Parameters[i].Type;
                    if (SymbolEqualityComparer.Default.Equals(have, want))
                    {
                        continue;
                    }

                    if (have.SpecialType == SpecialType.System_String && types.ApiKeyCredential is not null && SymbolEqualityComparer.Default.Equals(want, types.ApiKeyCredential) && wrap is null)
                    {
                        wrap = i;
                        continue;
                    }

                    matches = false;
                }

                if (!matches)
                {
                    continue;
                }

                var optionsType = (INamedTypeSymbol)candidate.Parameters[candidate.Parameters.Length - 1].Type;
                var additional = Enumerable.Empty<Location>();
                if (wrap is { } index)
                {
                    if (creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == index) is not { IsImplicit: false } key)
                    {
                        continue;
                    }

                    additional = new[] { key.Syntax.GetLocation() };
                }

                var fixProperties = properties
                    .Add(FixProperty, FixAddOptions)
                    .Add(OptionsTypeProperty, optionsType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .Add(PathProperty, types.Path(optionsType));
                if (wrap is { } wrapped)
                {
                    fixProperties = fixProperties.Add(CredentialParameterProperty, candidate.Parameters[wrapped].Name);
                }

                if (NeedsNamedArgument(creation))
                {
                    fixProperties = fixProperties.Add(ParameterProperty, candidate.Parameters[candidate.Parameters.Length - 1].Name);
                }

                Report(context, creation, type, optionsType.Name + "." + types.Path(optionsType), fixProperties, additional);
                return;
            }

            // An options client, but this overload has no options twin: reported without a fix.
            var anyOptions = options[0].Parameters[options[0].Parameters.Length - 1].Type;
            Report(context, creation, type, anyOptions.Name + "." + types.Path(anyOptions), properties, Enumerable.Empty<Location>());
        }

        private static void AnalyzeOptionsArgument(
            OperationAnalysisContext context,
            IObjectCreationOperation creation,
            INamedTypeSymbol type,
            IParameterSymbol parameter,
            KnownApis apis,
            ClientTypes types,
            ImmutableDictionary<string, string?> properties)
        {
            if (creation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter, parameter)) is not { } argument)
            {
                return;
            }

            var member = parameter.Type.Name + "." + types.Path(parameter.Type);
            var value = argument.Value.WithoutConversions();
            if (argument.IsImplicit || value is IDefaultValueOperation || value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } })
            {
                // Options omitted as an optional argument, or passed as null: the SDK's defaults apply.
                Report(context, creation, type, member, properties, Enumerable.Empty<Location>());
                return;
            }

            var (state, options) = ClientTimeouts.OfOptions(value, apis);
            if (state != TimeoutState.NotSet || options is null || options.Type is not { } optionsType || ClientTimeouts.SetsTransport(options))
            {
                // A Transport over the app's own HttpClient: that client's Timeout (RAG030's concern) bounds the calls.
                return;
            }

            var fixProperties = properties.Add(FixProperty, FixExtendOptions).Add(PathProperty, types.Path(optionsType));
            Report(context, creation, type, optionsType.Name + "." + types.Path(optionsType), fixProperties, new[] { options.Syntax.GetLocation() });
        }

        private static void AnalyzeTimeoutParameter(
            OperationAnalysisContext context,
            IObjectCreationOperation creation,
            INamedTypeSymbol type,
            System.Collections.Generic.List<string> timeoutParameters,
            ImmutableDictionary<string, string?> properties)
        {
            var argument = creation.Arguments.FirstOrDefault(a => a.Parameter is { } p && timeoutParameters.Contains(p.Name));
            if (argument?.Parameter is not { } parameter)
            {
                return;
            }

            if (argument.IsImplicit || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                Report(context, creation, type, parameter.Name, properties.Add(FixProperty, FixAddArgument).Add(ParameterProperty, parameter.Name), Enumerable.Empty<Location>());
                return;
            }

            var value = argument.Value.WithoutConversions();
            var isDefault = value is IDefaultValueOperation
                || value is IObjectCreationOperation { Arguments.Length: 0, Initializer: null }
                || value is IFieldReferenceOperation { Field: { Name: "Zero", ContainingType: { Name: "TimeSpan", ContainingNamespace.Name: "System" } } };
            if (isDefault)
            {
                Report(context, creation, type, parameter.Name, properties.Add(FixProperty, FixReplaceValue), new[] { value.Syntax.GetLocation() });
            }
        }

        private static void Report(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol type, string member, ImmutableDictionary<string, string?> properties, System.Collections.Generic.IEnumerable<Location> additional) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG031_AiClientNetworkTimeout, creation.Syntax.GetLocation(), additional, properties, type.Name, member));

        /// <summary>
        /// A root client (<c>OpenAIClient</c>, <c>AzureOpenAIClient</c>) whose every use in view hands out a non-generation
        /// client or call (<c>GetEmbeddingClient</c>, <c>GetRealtimeClient</c>, <c>GetEmbeddingsAsync</c>): as the receiver of
        /// such a call, or in a local used only so. A client that is returned, stored or passed on may serve chat: false.
        /// </summary>
        private static bool ServesOnlyOtherClients(IObjectCreationOperation creation)
        {
            IOperation value = creation;
            while (value.Parent is IConversionOperation or IParenthesizedOperation)
            {
                value = value.Parent;
            }

            var members = new System.Collections.Generic.List<string>();
            if (value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                foreach (var reference in creation.Root().Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol))
                    {
                        continue;
                    }

                    if (MemberCalledOn(reference) is not { } name)
                    {
                        return false;
                    }

                    members.Add(name);
                }
            }
            else if (MemberCalledOn(value) is { } name)
            {
                members.Add(name);
            }

            return members.Count > 0 && !members.Any(ClientKinds.IsGenerationMember);
        }

        /// <summary>
        /// The name of the member called on the client: an instance call, an extension call (the client as its first
        /// argument), or a call that does not bind (an API of another SDK version), read from its syntax. Null otherwise.
        /// </summary>
        private static string? MemberCalledOn(IOperation client) => client.Parent switch
        {
            IInvocationOperation invocation when invocation.Instance == client => invocation.TargetMethod.Name,
            IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { Instance: null, TargetMethod.IsExtensionMethod: true } extension } => extension.TargetMethod.Name,
            IInvalidOperation when client.Syntax.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax } access
                && access.Expression == client.Syntax => access.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>A new argument must be named when arguments are named already or optional ones were left out.</summary>
        private static bool NeedsNamedArgument(IObjectCreationOperation creation) =>
            creation.Arguments.Any(a => a.IsImplicit || a.ArgumentKind != ArgumentKind.Explicit)
            || creation.Syntax.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>().Any(a => a.NameColon is not null && a.Parent?.Parent == creation.Syntax);

        /// <summary>An options type the fix can write as <c>new T { … }</c>.</summary>
        private static bool Constructible(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsAbstract: false, TypeKind: TypeKind.Class } named
            && named.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.All(p => p.IsOptional));
    }
}
