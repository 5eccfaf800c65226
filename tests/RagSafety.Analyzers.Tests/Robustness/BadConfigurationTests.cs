using System.Linq;
using System.Threading.Tasks;
using RagSafety.Analyzers.Configuration;
using RagSafety.Analyzers.Tests.Verification;
using Xunit;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>Malformed values for every option: every analyzer still runs without throwing.</summary>
    [Trait("Category", "Robustness")]
    public class BadConfigurationTests
    {
        private static readonly string[] MalformedValues =
        {
            "", " ", "(((", ")", "M:", "T:(", "M:A.B(", ";;;", ",", "-1", "0", "-2147483649", "99999999999999999999", "１２", "1e3", "0x10", "true", "\u0000", new string('x', 5000),
        };

        [Fact]
        public async Task Malformed_values_never_make_an_analyzer_throw()
        {
            var input = CorpusInputs.All.First(i => i.Name.StartsWith("sample ", System.StringComparison.Ordinal));
            foreach (var value in MalformedValues)
            {
                // Every key at once, each with the same malformed value.
                var editorConfig = string.Concat(OptionSpecs.All.Keys.Select(key => $"{key} = {value}\n"));
                var settings = new TestSettings { OutputKind = input.OutputKind, EditorConfig = editorConfig };
                await TestProject.GetDiagnosticsAsync(TestProject.Create(input.Sources, settings), PackageComponents.Analyzers);
            }
        }
    }
}
