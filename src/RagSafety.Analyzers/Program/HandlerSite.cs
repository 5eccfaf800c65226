using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The request handler that runs an operation, with what a message or an option needs to name it: a display name
    /// (<c>DocumentsController.Post</c>, <c>MapPost("/documents")</c>), the routes it serves when they are written as
    /// constants, and the documentation-comment ID of a handler method.
    /// </summary>
    internal sealed class HandlerSite
    {
        private HandlerSite(HandlerKind kind, string name, ImmutableArray<string> routes, string? documentationId, IAnonymousFunctionOperation? lambda, IMethodSymbol? method)
        {
            Kind = kind;
            Name = name;
            Routes = routes;
            DocumentationId = documentationId;
            Lambda = lambda;
            Method = method;
        }

        public HandlerKind Kind { get; }

        public string Name { get; }

        /// <summary>Constant route templates, normalized (leading '/', no trailing '/'); empty when unknown.</summary>
        public ImmutableArray<string> Routes { get; }

        public string? DocumentationId { get; }

        /// <summary>The endpoint lambda, for a minimal-API handler written as a lambda.</summary>
        public IAnonymousFunctionOperation? Lambda { get; }

        /// <summary>The handler method (controller action, page handler, hub or gRPC method, function, endpoint method group).</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The handler whose request runs the operation (looking through nested lambdas and local functions), or null.</summary>
        public static HandlerSite? Find(IOperation operation, ISymbol? containingSymbol, RequestHandlers handlers)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda && handlers.IsMinimalApiHandler(lambda))
                {
                    var mapping = MappingOf(lambda);
                    var routes = mapping is null ? ImmutableArray<string>.Empty : RoutesOf(mapping);
                    var name = mapping is null
                        ? "endpoint lambda"
                        : (mapping.TargetMethod.Name + (routes.Length == 1 ? "(\"" + RawPattern(mapping) + "\")" : "(…)"));
                    return new HandlerSite(HandlerKind.MinimalApi, name, routes, null, lambda, null);
                }
            }

            if (containingSymbol is not IMethodSymbol method)
            {
                return null;
            }

            while (method.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            var kind = handlers.KindOf(method);
            if (kind == HandlerKind.None)
            {
                return null;
            }

            var methodRoutes = kind == HandlerKind.ControllerAction ? ControllerRoutes(method) : ImmutableArray<string>.Empty;
            return new HandlerSite(kind, CallChain.Display(method), methodRoutes, method.OriginalDefinition.GetDocumentationCommentId(), null, method);
        }

        /// <summary>
        /// Whether an allow-list item names this handler: a documentation-comment ID (<c>M:…</c>) of the handler method, or a
        /// route template, where a trailing <c>*</c> matches any rest (<c>/admin/*</c>). Routes compare case-insensitively.
        /// </summary>
        public bool IsNamedBy(string item)
        {
            if (item.StartsWith("M:", StringComparison.Ordinal))
            {
                return DocumentationId is not null && string.Equals(item, DocumentationId, StringComparison.Ordinal);
            }

            if (item.EndsWith("*", StringComparison.Ordinal))
            {
                var raw = item.Substring(0, item.Length - 1);
                var prefix = NormalizeRoute(raw);
                return raw.TrimEnd().EndsWith("/", StringComparison.Ordinal)
                    ? Routes.Any(r => string.Equals(r, prefix, StringComparison.OrdinalIgnoreCase)
                        || r.StartsWith(prefix == "/" ? prefix : prefix + "/", StringComparison.OrdinalIgnoreCase))
                    : Routes.Any(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            }

            var route = NormalizeRoute(item);
            return Routes.Any(r => string.Equals(r, route, StringComparison.OrdinalIgnoreCase));
        }

        private static IInvocationOperation? MappingOf(IAnonymousFunctionOperation lambda)
        {
            IOperation? current = lambda.Parent;
            while (current is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
            {
                current = current.Parent;
            }

            return current as IInvocationOperation;
        }

        private static string? RawPattern(IInvocationOperation mapping) =>
            mapping.Arguments.FirstOrDefault(a => a.Parameter?.Name is "pattern" or "prefix")?.Value.ConstantValue is { HasValue: true, Value: string pattern } ? pattern : null;

        /// <summary>The full route of a Map… call: its pattern behind the constant prefixes of the MapGroup calls it hangs on.</summary>
        private static ImmutableArray<string> RoutesOf(IInvocationOperation mapping)
        {
            var parts = new List<string>();
            IInvocationOperation? current = mapping;
            for (var depth = 0; current is not null && depth < 8; depth++)
            {
                if (RawPattern(current) is not { } pattern)
                {
                    return ImmutableArray<string>.Empty;
                }

                parts.Insert(0, pattern);
                var receiver = current.Instance ?? current.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0 && current.TargetMethod.IsExtensionMethod)?.Value;
                receiver = receiver?.WithoutConversions();
                if (receiver is ILocalReferenceOperation local)
                {
                    receiver = InitializerOf(local.Local, current.SemanticModel);
                }

                current = receiver is IInvocationOperation { TargetMethod.Name: "MapGroup" } group ? group : null;
                if (current is null && receiver?.Type?.Name == "RouteGroupBuilder")
                {
                    // A group whose MapGroup call is out of sight (a parameter, a field, WithTags(…)): the prefix is unknown.
                    return ImmutableArray<string>.Empty;
                }
            }

            return ImmutableArray.Create(NormalizeRoute(string.Join("/", parts)));
        }

        private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? model)
        {
            if (model is null || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || value.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            return model.GetOperation(value)?.WithoutConversions();
        }

        /// <summary>Templates from [Route]/[Http…] on the controller and the action, with [controller] and [action] replaced.</summary>
        private static ImmutableArray<string> ControllerRoutes(IMethodSymbol method)
        {
            var type = method.ContainingType;
            var typeTemplates = Templates(type).ToList();
            if (typeTemplates.Count == 0)
            {
                typeTemplates.Add(string.Empty);
            }

            var methodTemplates = Templates(method).ToList();
            var routes = ImmutableArray.CreateBuilder<string>();
            var controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;
            foreach (var methodTemplate in methodTemplates.DefaultIfEmpty(string.Empty))
            {
                foreach (var typeTemplate in typeTemplates)
                {
                    var absolute = methodTemplate.StartsWith("/", StringComparison.Ordinal) || methodTemplate.StartsWith("~/", StringComparison.Ordinal);
                    var combined = absolute ? methodTemplate.TrimStart('~') : typeTemplate + "/" + methodTemplate;
                    if (typeTemplate.Length == 0 && methodTemplate.Length == 0)
                    {
                        continue;
                    }

                    combined = Replace(Replace(combined, "[controller]", controllerName), "[action]", method.Name);
                    routes.Add(NormalizeRoute(combined));
                }
            }

            return routes.ToImmutable();
        }

        private static IEnumerable<string> Templates(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } attributeClass && IsRouteAttribute(attributeClass)
                    && attribute.ConstructorArguments.FirstOrDefault(a => a.Value is string).Value is string template)
                {
                    yield return template;
                }
            }
        }

        private static bool IsRouteAttribute(INamedTypeSymbol attributeClass)
        {
            for (var current = attributeClass; current is not null; current = current.BaseType)
            {
                if (current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc"
                    && (current.Name == "RouteAttribute" || (current.Name.StartsWith("Http", StringComparison.Ordinal) && current.Name.EndsWith("Attribute", StringComparison.Ordinal))))
                {
                    return true;
                }

                if (current.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc.Routing" && current.Name == "HttpMethodAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        private static string Replace(string text, string token, string value)
        {
            var index = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            return index < 0 ? text : text.Substring(0, index) + value + Replace(text.Substring(index + token.Length), token, value);
        }

        /// <summary>'/' first, no doubled or trailing '/', surrounding spaces trimmed.</summary>
        public static string NormalizeRoute(string route)
        {
            var segments = route.Trim().Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            return "/" + string.Join("/", segments);
        }
    }
}
