using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// <see cref="WellKnownFixAllProviders.BatchFixer"/>, but a Fix All asked without an equivalence key fixes with the
    /// fixer's own key. <c>dotnet format</c> takes the key from the first diagnostic it meets; when that one has no fix
    /// (PII002 through a helper method, say) it passes none, and the batch fixer would then fix nothing at all.
    /// </summary>
    internal sealed class KeyedBatchFixAllProvider : FixAllProvider
    {
        private readonly string _equivalenceKey;

        public KeyedBatchFixAllProvider(string equivalenceKey)
        {
            _equivalenceKey = equivalenceKey;
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey is null)
            {
                var diagnostics = new Diagnostics(fixAllContext);
                fixAllContext = fixAllContext.Document is { } document
                    ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                    : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
            }

            return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }

        /// <summary>The diagnostics of the original request.</summary>
        internal sealed class Diagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public Diagnostics(FixAllContext original)
            {
                _original = original;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Enumerate(_original.GetDocumentDiagnosticsAsync(document));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Enumerate(_original.GetProjectDiagnosticsAsync(project));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Enumerate(_original.GetAllDiagnosticsAsync(project));

            private static async Task<IEnumerable<Diagnostic>> Enumerate(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics)
                => await diagnostics.ConfigureAwait(false);
        }
    }
}
