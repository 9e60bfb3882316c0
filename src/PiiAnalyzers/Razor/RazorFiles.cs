using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace PiiAnalyzers.Razor
{
    /// <summary>
    /// The C# the Razor source generator emits for <c>.razor</c> components and <c>.cshtml</c> views and pages: user
    /// code, analyzed like a <c>.cs</c> file, though the file is generated. One instance per compilation; each tree is
    /// classified once.
    /// </summary>
    /// <remarks>
    /// A tree is Razor's when it is generated (its name ends with <c>.g.cs</c>, or an <c>&lt;auto-generated&gt;</c>
    /// comment opens it) and the <c>#pragma checksum</c> the generator writes on its first line names a <c>.razor</c>
    /// or <c>.cshtml</c> file. Only the trivia before the first token is read. In such a tree only the spans the
    /// generator maps back to the Razor file with <c>#line</c> are the user's; the rest (the render tree's calls, the
    /// class around the <c>@code</c> block) is the generator's, and nothing is reported there.
    /// </remarks>
    internal sealed class RazorFiles
    {
        private static readonly ConditionalWeakTable<Compilation, RazorFiles> Cache = new ConditionalWeakTable<Compilation, RazorFiles>();

        private readonly ConcurrentDictionary<SyntaxTree, bool> _trees = new ConcurrentDictionary<SyntaxTree, bool>();

        private RazorFiles()
        {
        }

        /// <summary>The instance of <paramref name="compilation"/>, shared by every analyzer.</summary>
        public static RazorFiles Get(Compilation compilation) => Cache.GetValue(compilation, _ => new RazorFiles());

        /// <summary>True when a tree of <paramref name="compilation"/> is Razor's output; only <c>.g.cs</c> trees are opened.</summary>
        public bool Any(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) && Contains(tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="tree"/> is the Razor generator's output for a <c>.razor</c> or <c>.cshtml</c> file.</summary>
        public bool Contains(SyntaxTree? tree, CancellationToken cancellationToken)
        {
            if (tree is null)
            {
                return false;
            }

            if (!_trees.TryGetValue(tree, out var known))
            {
                known = _trees.GetOrAdd(tree, IsRazorOutput(tree, cancellationToken));
            }

            return known;
        }

        /// <summary>True when <paramref name="location"/> is in Razor's output and in code the user wrote in the Razor file.</summary>
        public bool IsReported(Location location, CancellationToken cancellationToken)
            => location.SourceTree is { } tree && Contains(tree, cancellationToken) && IsUserWritten(location, cancellationToken);

        /// <summary>
        /// True when the whole of <paramref name="location"/> lies in lines a <c>#line</c> directive maps to another file
        /// (the Razor file), not in <c>#line hidden</c> or <c>#line default</c> code.
        /// </summary>
        public static bool IsUserWritten(Location location, CancellationToken cancellationToken)
        {
            if (location.SourceTree is not { } tree)
            {
                return false;
            }

            var span = location.SourceSpan;
            var last = span.IsEmpty ? span.Start : span.End - 1;
            return tree.GetLineVisibility(span.Start, cancellationToken) == LineVisibility.Visible
                && tree.GetLineVisibility(last, cancellationToken) == LineVisibility.Visible
                && tree.GetMappedLineSpan(span, cancellationToken) is { HasMappedPath: true } start
                && tree.GetMappedLineSpan(new TextSpan(last, 0), cancellationToken).Path == start.Path;
        }

        /// <summary>
        /// True when <paramref name="tree"/> opens with the Razor generator's <c>#pragma checksum</c> naming a
        /// <c>.razor</c> or <c>.cshtml</c> file and is generated code; reads only the trivia before the first token.
        /// </summary>
        public static bool IsRazorOutput(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var razor = false;
            var generated = IsGeneratedName(tree.FilePath);
            foreach (var trivia in tree.GetRoot(cancellationToken).GetFirstToken(includeZeroWidth: true).LeadingTrivia)
            {
                switch (trivia.Kind())
                {
                    case SyntaxKind.PragmaChecksumDirectiveTrivia:
                        razor |= trivia.GetStructure() is PragmaChecksumDirectiveTriviaSyntax checksum && IsRazorPath(checksum.File.ValueText);
                        break;
                    case SyntaxKind.SingleLineCommentTrivia:
                    case SyntaxKind.MultiLineCommentTrivia:
                        var text = trivia.ToString();
                        generated |= text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0
                            || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0;
                        break;
                }
            }

            return razor && generated;
        }

        private static bool IsRazorPath(string path)
            => path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

        /// <summary>The compiler's rule for generated file names: <c>*.g.cs</c>, <c>*.generated.cs</c>, <c>*.designer.cs</c>, <c>*.g.i.cs</c>.</summary>
        private static bool IsGeneratedName(string path)
        {
            // Not System.IO.Path: on .NET Framework it throws on characters a tree's path may hold.
            var start = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
            var dot = path.LastIndexOf('.');
            var name = dot > start ? path.Substring(start, dot - start) : path.Substring(start);
            return name.EndsWith(".g", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".g.i", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".generated", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".designer", StringComparison.OrdinalIgnoreCase);
        }
    }
}
