using System.Threading;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>Where a fix may edit.</summary>
    internal static class EditableCode
    {
        /// <summary>
        /// False for a source generator's output, the Razor generator's above all: its code is written in a
        /// <c>.razor</c> or <c>.cshtml</c> file, which a fix of the generated C# cannot change (the edit would be lost,
        /// or the workspace refuses it). No fix is offered whose edit lands there.
        /// </summary>
        public static bool CanEdit(Document document, SyntaxTree tree, CancellationToken cancellationToken)
            => document is not SourceGeneratedDocument && !RazorFiles.IsRazorOutput(tree, cancellationToken);
    }
}
