using System;
using System.Collections.Generic;
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
    /// RAG060: a constant string (a literal, a constant interpolated string or concatenation, a <c>const</c> field or local)
    /// passed where an AI client or registration takes an API key or credential (the CredentialParameter role: parameters
    /// such as <c>ApiKeyCredential(key)</c>, <c>ChatClient(model, apiKey)</c>, <c>AddOpenAIChatCompletion(apiKey:)</c>, and
    /// properties such as Kernel Memory's <c>OpenAIConfig.APIKey</c>). Empty strings and documented placeholders are skipped.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RAG060HardCodedCredentialAnalyzer : RagSafetyAnalyzer
    {
        /// <summary>Diagnostic property: how the fixer rewrites (absent: no safe automatic fix).</summary>
        public const string FixProperty = "Fix";

        /// <summary>Replace the constant expression at the diagnostic location by the environment lookup.</summary>
        public const string FixReplace = "Replace";

        /// <summary>The location is a reference to a const that nothing else uses: replace it and delete the const (first additional location).</summary>
        public const string FixRemoveConst = "RemoveConst";

        /// <summary>The const (first additional location) has other uses: it becomes a non-const variable read from the environment.</summary>
        public const string FixConvertConst = "ConvertConst";

        /// <summary>The location is a local whose initializer (first additional location) is the secret: replace the initializer.</summary>
        public const string FixReplaceInitializer = "ReplaceInitializer";

        /// <summary>Diagnostic property: the environment variable the fix reads (OPENAI_API_KEY, …).</summary>
        public const string VariableProperty = "Variable";

        /// <summary>
        /// Diagnostic property: how many additional locations, after the const declarator (if any), are other string literals
        /// with the same value that the fix also replaces, so that the secret survives nowhere in the document.
        /// </summary>
        public const string OtherLiteralsProperty = "OtherLiterals";

        /// <summary>Diagnostic property, on a copy: the diagnostic is a copy of a reported secret, not a site that receives it.</summary>
        public const string CopyProperty = "Copy";

        /// <summary>Exact values (compared case-insensitively, trimmed) that are placeholders, not keys.</summary>
        internal static readonly ImmutableHashSet<string> Placeholders = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "dummy", "unused", "none", "null", "n/a", "na", "test", "testing", "fake", "placeholder", "changeme", "change-me", "change_me",
            "key", "apikey", "api-key", "api_key", "secret", "token", "password", "demo", "sample", "example",
            "ollama", "lm-studio", "lmstudio", "not-needed", "not_needed", "notneeded", "not-used", "not_used", "no-key", "no_key", "nokey",
            "local", "localhost", "anything", "any", "empty", "missing", "todo", "tbd", "sk-");

        /// <summary>
        /// Words that placeholder values are made of (<c>NotNull</c>, <c>dummy-key</c>, <c>my_api_key</c>): a value whose
        /// words, split at separators and case changes, are all of these, is a placeholder.
        /// </summary>
        internal static readonly ImmutableHashSet<string> PlaceholderWords = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase,
            "dummy", "fake", "test", "testing", "placeholder", "sample", "example", "demo", "unused", "used", "not", "no", "none",
            "null", "nil", "needed", "required", "empty", "missing", "any", "anything", "key", "api", "apikey", "secret", "token",
            "password", "value", "local", "localhost", "ollama", "lm", "studio", "lmstudio", "change", "me", "changeme", "todo",
            "tbd", "your", "here", "insert", "my", "default");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RAG060_HardCodedCredential);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, RagSafetyContext rag)
        {
            var secrets = new ReportedSecrets();
            context.RegisterOperationAction(c => AnalyzeCall(c, rag, secrets, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments), OperationKind.Invocation);
            context.RegisterOperationAction(
                c =>
                {
                    var creation = (IObjectCreationOperation)c.Operation;
                    if (creation.Constructor is { } constructor)
                    {
                        AnalyzeCall(c, rag, secrets, constructor, creation.Arguments);
                    }
                },
                OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => AnalyzeAssignment(c, rag, secrets), OperationKind.SimpleAssignment);

            // Copies of a reported secret elsewhere (a header value, a constant in another file) are only known once every
            // site has been seen: they are reported at the end of the compilation.
            context.RegisterCompilationEndAction(secrets.ReportCopies);
        }

        /// <summary>Whether a constant value is a placeholder rather than a key: see docs/rules/RAG060.md for the exact list.</summary>
        internal static bool IsPlaceholder(string value)
        {
            var text = value.Trim();
            if (text.Length == 0 || Placeholders.Contains(text))
            {
                return true;
            }

            if (text.IndexOf("...", StringComparison.Ordinal) >= 0 || text.IndexOf('…') >= 0
                || text.StartsWith("your", StringComparison.OrdinalIgnoreCase)
                || (text[0] == '<' && text[text.Length - 1] == '>')
                || (text[0] == '{' && text[text.Length - 1] == '}')
                || (text[0] == '[' && text[text.Length - 1] == ']')
                || (text.Length > 1 && text[0] == '%' && text[text.Length - 1] == '%')
                || text.StartsWith("${", StringComparison.Ordinal))
            {
                return true;
            }

            // xxxx, ****, 0000: a masked value.
            if (text.All(c => c == text[0]) && (text[0] is 'x' or 'X' or '*' or '0' or '-' or '_'))
            {
                return true;
            }

            var words = Words(text);
            return words.Count >= 2 && words.All(PlaceholderWords.Contains);
        }

        /// <summary>The words of a value: runs of letters or digits, also split where a lower-case letter meets an upper-case one.</summary>
        private static List<string> Words(string text)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                var boundary = i == text.Length || !char.IsLetterOrDigit(text[i]) || (i > 0 && char.IsLower(text[i - 1]) && char.IsUpper(text[i]));
                if (boundary && start >= 0)
                {
                    words.Add(text.Substring(start, i - start));
                    start = -1;
                }

                if (i < text.Length && char.IsLetterOrDigit(text[i]) && start < 0)
                {
                    start = i;
                }
            }

            return words;
        }

        private static void AnalyzeCall(OperationAnalysisContext context, RagSafetyContext rag, ReportedSecrets secrets, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (definition.ContainingType is not { } type)
            {
                return;
            }

            var memberName = definition.MethodKind == MethodKind.Constructor ? ".ctor" : definition.Name;
            // Runs for every call of the compilation: no allocation unless the member takes a credential.
            List<string>? catalogued = null;
            foreach (var entry in rag.Apis.MemberEntries(type, memberName, ApiRole.CredentialParameter))
            {
                if (entry.Parameter is { } name)
                {
                    (catalogued ??= new List<string>()).Add(name);
                }
            }

            var userApi = rag.Apis.RolesOf(method).Contains(ApiRole.CredentialParameter);
            if (catalogued is null && !userApi)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter || argument.IsImplicit)
                {
                    continue;
                }

                var isCredential = (catalogued?.Contains(parameter.Name) ?? false) || (userApi && parameter.Type.SpecialType == SpecialType.System_String && LooksLikeCredential(parameter.Name));
                if (isCredential)
                {
                    var api = definition.MethodKind == MethodKind.Constructor ? type.Name : CallChain.Display(method);
                    // Azure.AI.OpenAI 1.0's OpenAIClient(openAIApiKey) talks to OpenAI itself, not to Azure.
                    var variable = parameter.Name == "openAIApiKey" ? "OPENAI_API_KEY" : VariableFor(argument, type, definition);
                    Report(context, secrets, argument.Value, api, variable);
                }
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, RagSafetyContext rag, ReportedSecrets secrets)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { ContainingType: { } type } property })
            {
                return;
            }

            if (!rag.Apis.MemberEntries(type, property.Name, ApiRole.CredentialParameter).Any(e => e.Parameter is null))
            {
                return;
            }

            Report(context, secrets, assignment.Value, type.Name + "." + property.Name, VariableFor(type.OriginalDefinition, property.Name));
        }

        private static bool LooksLikeCredential(string name)
        {
            foreach (var word in new[] { "key", "secret", "token", "password", "credential" })
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, ReportedSecrets secrets, IOperation value, string api, string variable)
        {
            var unwrapped = value;
            while (unwrapped is IConversionOperation { IsImplicit: true } conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped.Syntax is not ExpressionSyntax expression)
            {
                return;
            }

            var additional = new List<Location>();
            string? fix;
            string? secret;
            if (unwrapped.ConstantValue is { HasValue: true, Value: string constant })
            {
                secret = constant;
                fix = IsPlaceholder(secret) ? null : FixFor(unwrapped, expression, context, additional);
            }
            else if (unwrapped is ILocalReferenceOperation { Local: { IsConst: false, IsRef: false } local }
                && ConstantInitializer(local, unwrapped, context.CancellationToken) is { } initializer)
            {
                // var key = "sk-…"; … new ApiKeyCredential(key): the local's only value is a constant.
                secret = (string)initializer.ConstantValue.Value!;
                fix = initializer.Syntax.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any() ? null : FixReplaceInitializer;
                additional.Add(initializer.Syntax.GetLocation());
            }
            else
            {
                return;
            }

            if (IsPlaceholder(secret))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(VariableProperty, variable);
            if (fix is not null && OtherLiterals(expression, secret, additional, context.CancellationToken) is { } others)
            {
                properties = properties.Add(FixProperty, fix).Add(OtherLiteralsProperty, others.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                additional.AddRange(others);
            }
            else
            {
                additional.Clear();
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG060_HardCodedCredential, expression.GetLocation(), additional, properties, api, string.Empty));
            secrets.Add(secret, expression.GetLocation(), SourceOf(unwrapped, context.CancellationToken), api, variable);
        }

        /// <summary>Where the constant behind a site is written: a const's or local's initializer (not a copy of it), or null.</summary>
        private static Location? SourceOf(IOperation value, System.Threading.CancellationToken cancellationToken)
        {
            var symbol = value switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IFieldReferenceOperation { Field.IsConst: true } field => field.Field,
                _ => null,
            };
            return symbol?.DeclaringSyntaxReferences.Length == 1 && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: { } initializer }
                ? initializer.GetLocation()
                : null;
        }

        /// <summary>
        /// The constant string initializer of a local that is never written again (not assigned, not passed by reference),
        /// declared in the same function tree as the use; null otherwise.
        /// </summary>
        private static IOperation? ConstantInitializer(ILocalSymbol local, IOperation reference, System.Threading.CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || value.SyntaxTree != reference.Syntax.SyntaxTree
                || reference.SemanticModel?.GetOperation(value, cancellationToken) is not { ConstantValue: { HasValue: true, Value: string } } initializer)
            {
                return null;
            }

            var root = reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var use in root.Descendants().OfType<ILocalReferenceOperation>())
            {
                if (!SymbolEqualityComparer.Default.Equals(use.Local, local))
                {
                    continue;
                }

                if (use.Parent is IAssignmentOperation assignment && assignment.Target == use
                    || use.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }
                    || use.Parent is IAddressOfOperation
                    || use.Parent is IIncrementOrDecrementOperation)
                {
                    return null;
                }
            }

            return IsConstantContext(value) ? null : initializer;
        }

        /// <summary>Which rewrite keeps the build green and leaves no trace of the secret, or null for none.</summary>
        private static string? FixFor(IOperation value, ExpressionSyntax expression, OperationAnalysisContext context, List<Location> additional)
        {
            if (IsConstantContext(expression))
            {
                return null;
            }

            switch (value)
            {
                case ILiteralOperation:
                case IInterpolatedStringOperation or IBinaryOperation when !expression.DescendantNodes().OfType<IdentifierNameSyntax>().Any():
                    return FixReplace;

                case ILocalReferenceOperation { Local: { IsConst: true } local }:
                    return ConstFix(local, value, expression, context, additional);

                case IFieldReferenceOperation { Field: { IsConst: true, DeclaredAccessibility: Accessibility.Private } field }
                    when field.ContainingType.DeclaringSyntaxReferences.Length == 1:
                    return ConstFix(field, value, expression, context, additional);

                default:
                    return null;
            }
        }

        private static string? ConstFix(ISymbol constant, IOperation value, ExpressionSyntax expression, OperationAnalysisContext context, List<Location> additional)
        {
            if (constant.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not VariableDeclaratorSyntax
                {
                    Initializer.Value: { } initializer,
                    Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration,
                } declarator
                || declarator.SyntaxTree != expression.SyntaxTree
                || initializer.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any()
                || declaration.Parent is not (FieldDeclarationSyntax or LocalDeclarationStatementSyntax))
            {
                return null;
            }

            // Every other reference to the const in the document (a private field's type has only this declaration).
            var scope = declarator.SyntaxTree.GetRoot(context.CancellationToken);
            var model = value.SemanticModel;
            if (model is null)
            {
                return null;
            }

            var others = 0;
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != constant.Name || identifier.Span == expression.Span
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, context.CancellationToken).Symbol, constant))
                {
                    continue;
                }

                if (IsConstantContext(identifier))
                {
                    return null;
                }

                others++;
            }

            additional.Add(declarator.GetLocation());
            return others == 0 ? FixRemoveConst : FixConvertConst;
        }

        /// <summary>
        /// The other string literals of the document with the same value (outside the const being rewritten), or null when one
        /// of them sits where a constant is required and cannot be replaced.
        /// </summary>
        private static List<Location>? OtherLiterals(ExpressionSyntax site, string secret, List<Location> additional, System.Threading.CancellationToken cancellationToken)
        {
            var root = site.SyntaxTree.GetRoot(cancellationToken);
            var skip = additional.Select(l => l.SourceSpan).Append(site.Span).ToList();
            var others = new List<Location>();
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) || token.ValueText != secret || skip.Any(s => s.Contains(token.Span))
                    || token.Parent is not LiteralExpressionSyntax literal)
                {
                    continue;
                }

                if (IsConstantContext(literal))
                {
                    return null;
                }

                others.Add(literal.GetLocation());
            }

            return others;
        }

        /// <summary>Where C# requires a constant: attribute arguments, case labels and patterns, parameter defaults, const initializers.</summary>
        internal static bool IsConstantContext(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax or CaseSwitchLabelSyntax or PatternSyntax or ParameterSyntax:
                        return true;
                    case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var owner } }:
                        return owner is LocalDeclarationStatementSyntax { IsConst: true }
                            || (owner is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword));
                    case StatementSyntax or MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>The environment variable for a credential argument, from the API that finally receives it.</summary>
        private static string VariableFor(IArgumentOperation argument, INamedTypeSymbol type, IMethodSymbol method)
        {
            // new ApiKeyCredential("…") / new AzureKeyCredential("…") handed straight to a client: name the client's service.
            if (method.MethodKind == MethodKind.Constructor && type.Name is "ApiKeyCredential" or "AzureKeyCredential"
                && argument.Parent is IObjectCreationOperation credential)
            {
                IOperation current = credential;
                while (current.Parent is IConversionOperation conversion)
                {
                    current = conversion;
                }

                if (current.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Constructor.ContainingType: { } consumer } })
                {
                    return VariableFor(consumer.OriginalDefinition, ".ctor");
                }

                if (current.Parent is IArgumentOperation { Parent: IInvocationOperation consumerCall } && (consumerCall.TargetMethod.ReducedFrom ?? consumerCall.TargetMethod).ContainingType is { } consumerType)
                {
                    return VariableFor(consumerType.OriginalDefinition, consumerCall.TargetMethod.Name);
                }

                return type.Name == "ApiKeyCredential" ? "OPENAI_API_KEY" : "AZURE_API_KEY";
            }

            return VariableFor(type, method.Name);
        }

        /// <summary>OPENAI_API_KEY, AZURE_OPENAI_API_KEY, AZURE_SEARCH_API_KEY, QDRANT_API_KEY, KERNEL_MEMORY_API_KEY, or TYPE_NAME_API_KEY.</summary>
        internal static string VariableFor(INamedTypeSymbol type, string member)
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            var name = type.Name + "." + member;
            if (ns.StartsWith("Azure.Search", StringComparison.Ordinal) || name.IndexOf("AzureAISearch", StringComparison.Ordinal) >= 0)
            {
                return "AZURE_SEARCH_API_KEY";
            }

            if (name.IndexOf("AzureOpenAI", StringComparison.Ordinal) >= 0 || ns.StartsWith("Azure.AI.OpenAI", StringComparison.Ordinal))
            {
                return "AZURE_OPENAI_API_KEY";
            }

            if (ns.StartsWith("Qdrant", StringComparison.Ordinal) || name.IndexOf("Qdrant", StringComparison.Ordinal) >= 0)
            {
                return "QDRANT_API_KEY";
            }

            if (name.IndexOf("OpenAI", StringComparison.Ordinal) >= 0 || ns.StartsWith("OpenAI", StringComparison.Ordinal) || type.Name == "ApiKeyCredential")
            {
                return "OPENAI_API_KEY";
            }

            if (ns.StartsWith("Microsoft.KernelMemory", StringComparison.Ordinal))
            {
                return "KERNEL_MEMORY_API_KEY";
            }

            if (type.Name == "AzureKeyCredential")
            {
                return "AZURE_API_KEY";
            }

            return ScreamingSnake(type.Name) + "_API_KEY";
        }

        private static string ScreamingSnake(string name)
        {
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    continue;
                }

                if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.Length == 0 ? "AI_SERVICE" : builder.ToString();
        }
    
        /// <summary>The secrets reported in one compilation, and the end-of-compilation pass that reports their copies.</summary>
        private sealed class ReportedSecrets
        {
            private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Site> _sites = new(StringComparer.Ordinal);
            private readonly System.Collections.Concurrent.ConcurrentBag<Location> _covered = new();

            public void Add(string secret, Location site, Location? source, string api, string variable)
            {
                _covered.Add(site);
                if (source is not null)
                {
                    _covered.Add(source);
                }

                // The first site seen names the secret in the copies' messages; the earliest in source order when several race.
                _sites.AddOrUpdate(secret, new Site(site, api, variable), (_, existing) => Earlier(existing.Location, site) ? existing : new Site(site, api, variable));
            }

            /// <summary>Every other string literal with a reported secret's value, outside generated code, is reported as a copy.</summary>
            public void ReportCopies(CompilationAnalysisContext context)
            {
                if (_sites.IsEmpty)
                {
                    return;
                }

                var covered = _covered.GroupBy(l => l.SourceTree).ToDictionary(g => g.Key!, g => g.Select(l => l.SourceSpan).ToList());
                foreach (var tree in context.Compilation.SyntaxTrees)
                {
                    if (GeneratedFiles.IsGenerated(tree, context.Compilation, context.CancellationToken))
                    {
                        continue;
                    }

                    SemanticModel? model = null;
                    covered.TryGetValue(tree, out var spans);
                    foreach (var token in tree.GetRoot(context.CancellationToken).DescendantTokens())
                    {
                        if (!token.IsKind(SyntaxKind.StringLiteralToken) || !_sites.TryGetValue(token.ValueText, out var site)
                            || token.Parent is not LiteralExpressionSyntax literal || (spans?.Any(s => s.Contains(literal.Span)) ?? false))
                        {
                            continue;
                        }

#pragma warning disable RS1030 // Only files holding a copy of a reported secret are bound, once each, at the end of the compilation.
                        model ??= context.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        var properties = ImmutableDictionary<string, string?>.Empty.Add(VariableProperty, site.Variable).Add(CopyProperty, "true");
                        if (!IsConstantContext(literal))
                        {
                            properties = properties.Add(FixProperty, FixReplace).Add(OtherLiteralsProperty, "0");
                        }

                        var origin = site.Location.GetLineSpan();
                        var of = $", a copy of the one passed to '{site.Api}' ({System.IO.Path.GetFileName(origin.Path)}:{origin.StartLinePosition.Line + 1})";
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.RAG060_HardCodedCredential, literal.GetLocation(), properties, Receiver(model, literal, context.CancellationToken), of));
                    }
                }
            }

            private static bool Earlier(Location a, Location b) =>
                string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath) is var byFile && (byFile < 0 || (byFile == 0 && a.SourceSpan.Start <= b.SourceSpan.Start));

            /// <summary>What receives a copy: the call it is an argument of, the member or local it initializes or is assigned to, else its member.</summary>
            private static string Receiver(SemanticModel model, LiteralExpressionSyntax literal, System.Threading.CancellationToken cancellationToken)
            {
                var operation = model.GetOperation(literal, cancellationToken);
                while (operation?.Parent is IConversionOperation { IsImplicit: true } conversion)
                {
                    operation = conversion;
                }

                switch (operation?.Parent)
                {
                    case IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } }:
                        return constructor.ContainingType.Name;
                    case IArgumentOperation { Parent: IInvocationOperation invocation }:
                        return CallChain.Display(invocation.TargetMethod);
                    case IFieldInitializerOperation { InitializedFields.Length: 1 } field:
                        return field.InitializedFields[0].ContainingType.Name + "." + field.InitializedFields[0].Name;
                    case IPropertyInitializerOperation { InitializedProperties.Length: 1 } property:
                        return property.InitializedProperties[0].ContainingType.Name + "." + property.InitializedProperties[0].Name;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return declarator.Symbol.Name;
                    case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member }:
                        return member.Member.ContainingType.Name + "." + member.Member.Name;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                        return local.Local.Name;
                }

                // A const field's initializer has no operation parent to speak of; its declarator names it.
                if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declaratorSyntax }
                    && model.GetDeclaredSymbol(declaratorSyntax, cancellationToken) is { } declared)
                {
                    return declared is IFieldSymbol f ? f.ContainingType.Name + "." + f.Name : declared.Name;
                }

                return model.GetEnclosingSymbol(literal.SpanStart, cancellationToken) is { } enclosing
                    ? (enclosing.ContainingType is { } containing ? containing.Name + "." : string.Empty) + enclosing.Name
                    : "a string";
            }

            private sealed record Site(Location Location, string Api, string Variable);
        }
}
}
