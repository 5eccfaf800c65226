using Microsoft.CodeAnalysis;

namespace RagSafety.Analyzers.Program
{
    /// <summary>
    /// The operations of syntax found anywhere in the compilation (the calls <see cref="CallNameGraph"/> keeps), taken
    /// tree by tree: one semantic model is kept while the nodes asked about stay in its tree.
    /// </summary>
    internal sealed class OperationsAcrossTrees
    {
        private readonly Compilation _compilation;
        private SemanticModel? _model;

        public OperationsAcrossTrees(Compilation compilation) => _compilation = compilation;

        public IOperation? Of(SyntaxNode node)
        {
            if (_model?.SyntaxTree != node.SyntaxTree)
            {
#pragma warning disable RS1030 // Whole-compilation facts need nodes of other files bound; the analyzer driver serves cached semantic models.
                _model = _compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            }

            return _model.GetOperation(node);
        }
    }
}
