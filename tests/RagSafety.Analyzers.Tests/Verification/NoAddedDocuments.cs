using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace RagSafety.Analyzers.Tests.Verification
{
    /// <summary>
    /// A code action that fails, naming them, when the action it wraps adds documents. dotnet format writes an added
    /// document into the project folder, where the SDK's default glob includes it a second time (NETSDK1022), so fixes
    /// must change existing documents only. The library only reports that the document counts differ.
    /// </summary>
    public sealed class NoAddedDocuments : CodeAction
    {
        private readonly CodeAction _inner;
        private readonly Solution _before;

        private NoAddedDocuments(CodeAction inner, Solution before)
        {
            _inner = inner;
            _before = before;
        }

        public override string Title => _inner.Title;

        public override string? EquivalenceKey => _inner.EquivalenceKey;

        /// <summary>Wraps an action offered on <paramref name="before"/> (a group is left as it is: its nested actions are applied).</summary>
        public static CodeAction Wrap(CodeAction action, Solution before) =>
            action.NestedActions.IsDefaultOrEmpty ? new NoAddedDocuments(action, before) : action;

        protected override async Task<IEnumerable<CodeActionOperation>> ComputeOperationsAsync(CancellationToken cancellationToken)
        {
            var operations = (await _inner.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            foreach (var apply in operations.OfType<ApplyChangesOperation>())
            {
                var added = apply.ChangedSolution.GetChanges(_before).GetProjectChanges()
                    .SelectMany(project => project.GetAddedDocuments().Select(id => project.NewProject.GetDocument(id)!.Name))
                    .ToList();
                if (added.Count > 0)
                {
                    throw new InvalidOperationException(
                        $"The code action '{Title}' adds {string.Join(", ", added)}: fixes must change existing documents only, or dotnet format breaks SDK-style projects (NETSDK1022).");
                }
            }

            return operations;
        }
    }
}
