namespace RagSafety.Analyzers.Knowledge
{
    /// <summary>One catalogued API: a type (when <see cref="Member"/> is null) or a member of it, with its role.</summary>
    /// <param name="Role">What the rules take it to mean.</param>
    /// <param name="TypeName">Metadata name of the declaring type, as <c>Compilation.GetTypeByMetadataName</c> takes it (generic arity as <c>`2</c>).</param>
    /// <param name="Member">Member name (every overload counts; extension methods by their declaring static class), <c>.ctor</c> for constructors, or null for the type itself.</param>
    /// <param name="Parameter">For sink, timeout and credential roles: the parameter name that matters, or null.</param>
    /// <param name="Library">The library the type ships in; <see cref="ApiCatalog.FrameworkLibrary"/> for types of the .NET shared framework.</param>
    internal sealed record ApiEntry(ApiRole Role, string TypeName, string? Member, string? Parameter, string Library);
}
