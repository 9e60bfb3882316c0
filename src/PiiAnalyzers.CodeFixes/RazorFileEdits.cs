using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Fixes of the C# the Razor generator emitted, made in the <c>.razor</c> or <c>.cshtml</c> file instead. A fix is
    /// computed on the generated document as on any other; the part of the generated text it changes must then lie
    /// inside one span the generator copied verbatim from the Razor file (a <c>#line (l,c)-(l,c) "file"</c> block), and
    /// the same change is made at the same place in the Razor file, an additional document of the project. A fix whose
    /// change touches the generator's own code (a <c>using</c> added at the top, a member outside the <c>@code</c>
    /// block) is not offered.
    /// </summary>
    internal static class RazorFileEdits
    {
        /// <summary>
        /// Registers the fixes <paramref name="register"/> offers for <paramref name="context"/>; in Razor's output, only those
        /// whose edit can be made in the Razor file, each made there.
        /// </summary>
        public static async Task RegisterAsync(CodeFixContext context, Func<CodeFixContext, Task> register)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            if (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is not { } tree
                || !RazorFiles.IsRazorOutput(tree, cancellationToken))
            {
                await register(context).ConfigureAwait(false);
                return;
            }

            var offered = new List<(CodeAction Action, ImmutableArray<Diagnostic> Diagnostics)>();
            await register(new CodeFixContext(document, context.Span, context.Diagnostics, (action, diagnostics) => offered.Add((action, diagnostics)), cancellationToken)).ConfigureAwait(false);
            foreach (var (action, diagnostics) in offered)
            {
                // Whether a fix of Razor's output can be offered depends on where its edit lands (inside a span copied from
                // the Razor file, or not), so in Razor's output each edit is computed while the light bulb fills.
                // An action with nested actions has no operations of its own: it is not offered.
                if (await MapAsync(action, document, cancellationToken).ConfigureAwait(false) is { } mapped)
                {
                    context.RegisterCodeFix(CodeAction.Create(action.Title, _ => Task.FromResult(mapped), action.EquivalenceKey), diagnostics);
                }
            }
        }

        /// <summary>
        /// <paramref name="inner"/>, with the diagnostics in Razor's output fixed one by one in their Razor files (each fix
        /// as offered on its own) and every change merged; a change that overlaps one already made is left out.
        /// </summary>
        public static FixAllProvider FixAll(FixAllProvider inner) => new RazorFixAll(inner);

        /// <summary>The changed solution of <paramref name="action"/>, with its change of Razor output made in the Razor file, or null.</summary>
        private static async Task<Solution?> MapAsync(CodeAction action, Document generated, CancellationToken cancellationToken)
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            if (operations.Length != 1 || operations[0] is not ApplyChangesOperation apply)
            {
                return null;
            }

            var original = generated.Project.Solution;
            var changed = apply.ChangedSolution;
            var result = original;
            foreach (var projectChanges in changed.GetChanges(original).GetProjectChanges())
            {
                if (projectChanges.GetAddedDocuments().Any() || projectChanges.GetRemovedDocuments().Any()
                    || projectChanges.GetAddedAdditionalDocuments().Any() || projectChanges.GetRemovedAdditionalDocuments().Any())
                {
                    return null;
                }

                foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    if (id == generated.Id)
                    {
                        continue;
                    }

                    var before = original.GetDocument(id)!;
                    if (await before.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is { } tree && RazorFiles.IsRazorOutput(tree, cancellationToken))
                    {
                        return null; // another component's output: only the diagnostic's own is mapped
                    }

                    result = result.WithDocumentText(id, await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
                }

                foreach (var id in projectChanges.GetChangedAdditionalDocuments())
                {
                    result = result.WithAdditionalDocumentText(id, await changed.GetAdditionalDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false));
                }
            }

            var oldText = await generated.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var newText = await GeneratedTextAsync(changed, generated, cancellationToken).ConfigureAwait(false);
            if (newText is null)
            {
                return null;
            }

            if (newText.ContentEquals(oldText))
            {
                return result;
            }

            var root = await generated.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || await ToRazorFileAsync(generated.Project, root, oldText, Difference(oldText, newText), cancellationToken).ConfigureAwait(false) is not { } edit)
            {
                return null;
            }

            var razorText = await result.GetAdditionalDocument(edit.RazorFile)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return result.WithAdditionalDocumentText(edit.RazorFile, razorText.WithChanges(edit.Change));
        }

        /// <summary>The text of <paramref name="generated"/> in <paramref name="changed"/>: a plain document, or Razor's output as the fix left it.</summary>
        private static async Task<SourceText?> GeneratedTextAsync(Solution changed, Document generated, CancellationToken cancellationToken)
        {
            if (changed.GetDocument(generated.Id) is { } document)
            {
                return await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            }

            return changed.GetProject(generated.Project.Id) is { } project
                && await project.GetSourceGeneratedDocumentAsync(generated.Id, cancellationToken).ConfigureAwait(false) is { } output
                ? await output.GetTextAsync(cancellationToken).ConfigureAwait(false)
                : null;
        }

        /// <summary>The one change that turns <paramref name="oldText"/> into <paramref name="newText"/>: all between their common start and end.</summary>
        private static TextChange Difference(SourceText oldText, SourceText newText)
        {
            var prefix = 0;
            var shorter = Math.Min(oldText.Length, newText.Length);
            while (prefix < shorter && oldText[prefix] == newText[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < shorter - prefix && oldText[oldText.Length - 1 - suffix] == newText[newText.Length - 1 - suffix])
            {
                suffix++;
            }

            return new TextChange(TextSpan.FromBounds(prefix, oldText.Length - suffix), newText.ToString(TextSpan.FromBounds(prefix, newText.Length - suffix)));
        }

        /// <summary>
        /// <paramref name="change"/> of Razor's output made in the Razor file, when it lies in one <c>#line</c> span whose
        /// generated text is the Razor file's text; else null.
        /// </summary>
        private static async Task<(DocumentId RazorFile, TextChange Change)?> ToRazorFileAsync(Project project, SyntaxNode root, SourceText generated, TextChange change, CancellationToken cancellationToken)
        {
            // The last #line directive before the change, and the span it maps.
            LineSpanDirectiveTriviaSyntax? mapping = null;
            for (var directive = root.GetFirstDirective(); directive is not null && directive.Span.End <= change.Span.Start; directive = directive.GetNextDirective())
            {
                if (directive is LineSpanDirectiveTriviaSyntax span)
                {
                    mapping = span;
                }
                else if (directive is LineDirectiveTriviaSyntax)
                {
                    mapping = null; // #line default, #line hidden, or a whole-line mapping (not mapped here)
                }
            }

            if (mapping is null || !int.TryParse(mapping.Start.Line.ValueText, out var startLine) || !int.TryParse(mapping.Start.Character.ValueText, out var startColumn)
                || !int.TryParse(mapping.End.Line.ValueText, out var endLine) || !int.TryParse(mapping.End.Character.ValueText, out var endColumn))
            {
                return null;
            }

            var offset = 0;
            if (mapping.CharacterOffset.RawKind != 0 && !int.TryParse(mapping.CharacterOffset.ValueText, out offset))
            {
                return null;
            }

            var path = mapping.File.ValueText;
            var razorDocument = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath is { } file && SamePath(file, path));
            if (razorDocument is null)
            {
                return null;
            }

            var razor = await razorDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (startLine < 1 || endLine < startLine || endLine > razor.Lines.Count || startColumn < 1 || endColumn < 1)
            {
                return null;
            }

            var razorStart = razor.Lines[startLine - 1].Start + startColumn - 1;
            var razorEnd = razor.Lines[endLine - 1].Start + endColumn - 1;
            var directiveLine = generated.Lines.GetLineFromPosition(mapping.Span.Start).LineNumber;
            if (razorEnd < razorStart || razorEnd > razor.Length || directiveLine + 1 >= generated.Lines.Count)
            {
                return null;
            }

            var generatedStart = generated.Lines[directiveLine + 1].Start + offset;
            var length = razorEnd - razorStart;
            if (generatedStart + length > generated.Length
                || change.Span.Start < generatedStart || change.Span.End > generatedStart + length
                || generated.ToString(new TextSpan(generatedStart, length)) != razor.ToString(TextSpan.FromBounds(razorStart, razorEnd)))
            {
                return null;
            }

            return (razorDocument.Id, new TextChange(new TextSpan(razorStart + change.Span.Start - generatedStart, change.Span.Length), change.NewText ?? string.Empty));
        }

        private static bool SamePath(string a, string b)
            => string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase);

        /// <summary>See <see cref="FixAll"/>.</summary>
        private sealed class RazorFixAll : FixAllProvider
        {
            private readonly FixAllProvider _inner;

            public RazorFixAll(FixAllProvider inner)
            {
                _inner = inner;
            }

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var cancellationToken = fixAllContext.CancellationToken;
                var solution = fixAllContext.Solution;
                var razor = new List<Diagnostic>();
                foreach (var diagnostic in await DiagnosticsAsync(fixAllContext).ConfigureAwait(false))
                {
                    if (diagnostic.Location.SourceTree is { } tree && RazorFiles.IsRazorOutput(tree, cancellationToken))
                    {
                        razor.Add(diagnostic);
                    }
                }

                if (razor.Count == 0)
                {
                    return await _inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
                }

                // The rest as the inner Fix All makes it; it never sees the diagnostics in Razor's output.
                var filtered = new WithoutRazorOutput(fixAllContext);
                var rest = fixAllContext.Document is { } document
                    ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, fixAllContext.CodeActionEquivalenceKey, fixAllContext.DiagnosticIds, filtered, cancellationToken)
                    : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, fixAllContext.CodeActionEquivalenceKey, fixAllContext.DiagnosticIds, filtered, cancellationToken);
                var changes = new TextChanges(solution);
                if (await _inner.GetFixAsync(rest).ConfigureAwait(false) is { } restAction
                    && (await restAction.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).OfType<ApplyChangesOperation>().FirstOrDefault() is { } restChanges)
                {
                    await changes.TryAddAsync(restChanges.ChangedSolution, cancellationToken).ConfigureAwait(false);
                }

                foreach (var diagnostic in razor.OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
                {
                    if (solution.GetDocument(diagnostic.Location.SourceTree) is not { } owner)
                    {
                        continue;
                    }

                    var offered = new List<CodeAction>();
                    await fixAllContext.CodeFixProvider.RegisterCodeFixesAsync(new CodeFixContext(owner, diagnostic, (action, _) => offered.Add(action), cancellationToken)).ConfigureAwait(false);
                    var key = fixAllContext.CodeActionEquivalenceKey;
                    var chosen = offered.FirstOrDefault(a => key is null || a.EquivalenceKey == key);
                    if (chosen is not null
                        && (await chosen.GetOperationsAsync(cancellationToken).ConfigureAwait(false)).OfType<ApplyChangesOperation>().FirstOrDefault() is { } apply)
                    {
                        await changes.TryAddAsync(apply.ChangedSolution, cancellationToken).ConfigureAwait(false);
                    }
                }

                var fixedSolution = await changes.ApplyAsync(cancellationToken).ConfigureAwait(false);
                return CodeAction.Create(fixAllContext.CodeActionEquivalenceKey ?? "Fix all", _ => Task.FromResult(fixedSolution), fixAllContext.CodeActionEquivalenceKey);
            }

            private static async Task<IEnumerable<Diagnostic>> DiagnosticsAsync(FixAllContext fixAllContext)
            {
                switch (fixAllContext.Scope)
                {
                    case FixAllScope.Document when fixAllContext.Document is { } document:
                        return await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    case FixAllScope.Solution:
                        var all = new List<Diagnostic>();
                        foreach (var project in fixAllContext.Solution.Projects)
                        {
                            all.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                        }

                        return all;
                    default:
                        return await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The diagnostics of a Fix All request but those in Razor's output.</summary>
        private sealed class WithoutRazorOutput : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext _original;

            public WithoutRazorOutput(FixAllContext original)
            {
                _original = original;
            }

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Keep(await _original.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false), cancellationToken);

            public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Keep(await _original.GetProjectDiagnosticsAsync(project).ConfigureAwait(false), cancellationToken);

            public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Keep(await _original.GetAllDiagnosticsAsync(project).ConfigureAwait(false), cancellationToken);

            private static IEnumerable<Diagnostic> Keep(ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
                => diagnostics.Where(d => d.Location.SourceTree is not { } tree || !RazorFiles.IsRazorOutput(tree, cancellationToken)).ToList();
        }

        /// <summary>
        /// Text changes of several fixed solutions, gathered per document (plain or additional) against one original; a
        /// solution whose changes overlap changes already taken is left out whole.
        /// </summary>
        private sealed class TextChanges
        {
            private readonly Solution _original;
            private readonly Dictionary<DocumentId, List<TextChange>> _documents = new Dictionary<DocumentId, List<TextChange>>();
            private readonly Dictionary<DocumentId, List<TextChange>> _additional = new Dictionary<DocumentId, List<TextChange>>();

            public TextChanges(Solution original)
            {
                _original = original;
            }

            public async Task TryAddAsync(Solution changed, CancellationToken cancellationToken)
            {
                var documents = new List<(DocumentId Id, IReadOnlyList<TextChange> Changes)>();
                var additional = new List<(DocumentId Id, IReadOnlyList<TextChange> Changes)>();
                foreach (var projectChanges in changed.GetChanges(_original).GetProjectChanges())
                {
                    foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                    {
                        var after = await changed.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        documents.Add((id, after.GetTextChanges(await _original.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false))));
                    }

                    foreach (var id in projectChanges.GetChangedAdditionalDocuments())
                    {
                        var after = await changed.GetAdditionalDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        additional.Add((id, after.GetTextChanges(await _original.GetAdditionalDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false))));
                    }
                }

                if (documents.All(d => Fits(_documents, d.Id, d.Changes)) && additional.All(d => Fits(_additional, d.Id, d.Changes)))
                {
                    documents.ForEach(d => Add(_documents, d.Id, d.Changes));
                    additional.ForEach(d => Add(_additional, d.Id, d.Changes));
                }
            }

            public async Task<Solution> ApplyAsync(CancellationToken cancellationToken)
            {
                var solution = _original;
                foreach (var document in _documents)
                {
                    var text = await _original.GetDocument(document.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    solution = solution.WithDocumentText(document.Key, text.WithChanges(document.Value.OrderBy(c => c.Span.Start)));
                }

                foreach (var document in _additional)
                {
                    var text = await _original.GetAdditionalDocument(document.Key)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    solution = solution.WithAdditionalDocumentText(document.Key, text.WithChanges(document.Value.OrderBy(c => c.Span.Start)));
                }

                return solution;
            }

            /// <summary>True when every change is one already taken or touches none taken (two insertions at one place do).</summary>
            private static bool Fits(Dictionary<DocumentId, List<TextChange>> taken, DocumentId id, IReadOnlyList<TextChange> changes)
                => !taken.TryGetValue(id, out var known)
                    || changes.All(c => known.Contains(c) || known.All(k => k.Span.End < c.Span.Start || c.Span.End < k.Span.Start));

            private static void Add(Dictionary<DocumentId, List<TextChange>> taken, DocumentId id, IReadOnlyList<TextChange> changes)
            {
                if (!taken.TryGetValue(id, out var known))
                {
                    taken[id] = known = new List<TextChange>();
                }

                known.AddRange(changes.Where(c => !known.Contains(c)));
            }
        }
    }
}
