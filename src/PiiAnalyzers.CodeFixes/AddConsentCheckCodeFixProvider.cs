using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII002, PII003, PII005, PII009: guards the statement that reaches the sink with a <c>[ConsentCheck]</c> reachable
    /// from it — <c>if (check) { statement }</c>, a void check's call before the statement, or the guard clause
    /// <c>if (!check) return;</c>. Offers nothing when no check is reachable. <see cref="ConsentCheckFinder"/> finds the
    /// checks; <see cref="ConsentGuardSite"/> writes the guard.
    /// </summary>
    /// <remarks>
    /// The equivalence key is the form's key, a colon and the check's documentation-comment id, so Fix All applies the
    /// check the user picked everywhere it is usable, each time with that place's receiver, subject and purposes.
    /// An edit that adds a compiler error or nullable warning to the member it touches is not offered.
    /// </remarks>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class AddConsentCheckCodeFixProvider : CodeFixProvider
    {
        /// <summary>Prefix of the equivalence key of "Add consent check" (an <c>if</c> around the statement, or a void check before it).</summary>
        public const string AddConsentCheckKey = "PiiAddConsentCheck";

        /// <summary>Prefix of the equivalence key of "Add consent guard clause" (<c>if (!check) return;</c> before the statement).</summary>
        public const string AddConsentGuardClauseKey = "PiiAddConsentGuardClause";

        /// <summary>At most this many checks are offered in each form: a longer menu hides the fix rather than helps.</summary>
        private const int MaxChecks = 3;

        private const string ConsentCheckAttribute = PrivacySymbols.Namespace + ".ConsentCheckAttribute";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.SerializedWithoutConsent.Id,
            Descriptors.PersistedWithoutConsent.Id,
            Descriptors.TransferredWithoutConsent.Id,
            Descriptors.RequiresConsentCalledWithoutCheck.Id);

        public override FixAllProvider GetFixAllProvider() => ConsentGuardFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || model.Compilation.GetTypeByMetadataName(ConsentCheckAttribute) is not { } attribute
                || !EditableCode.CanFix(document, root.SyntaxTree, cancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                await RegisterAsync(context, diagnostic, root, model, attribute, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (ConsentGuardSite.Find(node, model, cancellationToken) is not { } site)
            {
                return;
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.Purposes, out var purposeList);
            var purposes = PurposeList.Parse(purposeList).Distinct(PurposeList.Comparer).ToImmutableArray();
            var checks = ConsentCheckFinder.Find(model, site, node, purposes, attribute, cancellationToken);
            if (checks.Count == 0)
            {
                return;
            }

            var member = site.Anchor.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax and not GlobalStatementSyntax and not BaseNamespaceDeclarationSyntax and not TypeDeclarationSyntax) ?? root;
            int? errorsBefore = null;
            foreach (var (form, title, key) in new[]
            {
                (GuardForm.Wrap, "Add consent check: ", AddConsentCheckKey),
                (GuardForm.GuardClause, "Add consent guard clause: ", AddConsentGuardClauseKey),
            })
            {
                var offered = 0;
                foreach (var check in checks)
                {
                    if (offered == MaxChecks)
                    {
                        break;
                    }

                    if (!site.Fits(check, form))
                    {
                        continue;
                    }

                    // Most guards are shown to compile without editing the document (ConsentGuardCheck). The rest are
                    // decided by binding the edited member: a receiver that may be null only after code the guard moves, a
                    // variable the moved code assigns, a capture in a lambda show only in the compiler's flow analysis
                    // of the new code, and no cheaper test is exact.
                    if (ConsentGuardCheck.AddsNoProblems(model, site, check, form, cancellationToken) is not true)
                    {
                        errorsBefore ??= Errors(model, member.FullSpan, cancellationToken);
                        if (site.Guard(root, check, form) is not { } newRoot
                            || !await CompilesAsync(context.Document, newRoot, member, root, errorsBefore.Value, cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }
                    }

                    offered++;
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(title + check.Display, token => GuardAsync(document, root, site, check, form, token), key + ":" + check.Id),
                        diagnostic);
                }
            }
        }

        /// <summary>The document with the guard, formatted: computed when the fix is picked.</summary>
        private static Task<Document> GuardAsync(Document document, SyntaxNode root, ConsentGuardSite site, ConsentCheck check, GuardForm form, CancellationToken cancellationToken)
            => site.Guard(root, check, form) is { } newRoot
                ? Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken)
                : Task.FromResult(document);

        /// <summary>Compiler errors, and nullable warnings (a receiver that may be null), in <paramref name="span"/>.</summary>
        private static int Errors(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
            => model.GetDiagnostics(span, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS86", StringComparison.Ordinal)));

        /// <summary>True when the edit adds no compiler error or nullable warning to the member it touches.</summary>
        private static async Task<bool> CompilesAsync(Document document, SyntaxNode newRoot, SyntaxNode member, SyntaxNode oldRoot, int errorsBefore, CancellationToken cancellationToken)
        {
            var model = await EditBinding.BindAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return false;
            }

            // Edits happen inside the member: it starts where it did and grows by what the document grew.
            var growth = newRoot.FullSpan.Length - oldRoot.FullSpan.Length;
            var end = Math.Min(newRoot.FullSpan.End, member.FullSpan.End + growth);
            if (end < member.FullSpan.Start)
            {
                return false;
            }

            return Errors(model, TextSpan.FromBounds(member.FullSpan.Start, end), cancellationToken) <= errorsBefore;
        }
    }
}
