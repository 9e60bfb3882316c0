using System.Threading;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>Where a fix may edit.</summary>
    internal static class EditableCode
    {
        /// <summary>
        /// False for a source generator's output, the Razor generator's included: its code is written in a <c>.razor</c>
        /// or <c>.cshtml</c> file, which an edit of the generated C# cannot change. For a document a fix edits besides the
        /// diagnostic's own (the declaration of a stored type, say).
        /// </summary>
        public static bool CanEdit(Document document, SyntaxTree tree, CancellationToken cancellationToken)
            => document is not SourceGeneratedDocument && !RazorFiles.IsRazorOutput(tree, cancellationToken);

        /// <summary>
        /// False for a source generator's output other than the Razor generator's. For the diagnostic's own document: the
        /// exported fixers make a fix of Razor's output in the Razor file (<see cref="RazorFileEdits"/>), or do not offer it.
        /// </summary>
        public static bool CanFix(Document document, SyntaxTree tree, CancellationToken cancellationToken)
            => document is not SourceGeneratedDocument || RazorFiles.IsRazorOutput(tree, cancellationToken);
    }
}
