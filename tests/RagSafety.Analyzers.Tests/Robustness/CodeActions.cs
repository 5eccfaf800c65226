using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace RagSafety.Analyzers.Tests.Robustness
{
    /// <summary>The code actions a fixer offers for one diagnostic, as a user would see them in the lightbulb.</summary>
    public static class CodeActions
    {
        public static async Task<IReadOnlyList<CodeAction>> OfferedAsync(Project project, CodeFixProvider fixer, Diagnostic diagnostic)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                return Array.Empty<CodeAction>();
            }

            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            return actions.SelectMany(Flatten).ToList();
        }

        /// <summary>A group of actions (a submenu) offers each of its nested actions.</summary>
        private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
            action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);
    }
}
