using Xunit;

namespace RagSafety.Samples.Tests.LoadProof;

/// <summary>
/// A fact that runs only when <c>RAGSAFETY_LOAD_PROOF=1</c> is set, and is reported as skipped otherwise, so the
/// default <c>dotnet test RagSafety.Analyzers.sln</c> stays fast. Pair it with <c>[Trait("Category", "LoadProof")]</c>.
/// </summary>
public sealed class LoadProofFactAttribute : FactAttribute
{
    public const string Variable = "RAGSAFETY_LOAD_PROOF";

    public LoadProofFactAttribute()
    {
        if (!IsEnabled)
        {
            Skip = $"Load proof: runs only with {Variable}=1 (see samples/README.md).";
        }
    }

    public static bool IsEnabled => Environment.GetEnvironmentVariable(Variable) == "1";
}
