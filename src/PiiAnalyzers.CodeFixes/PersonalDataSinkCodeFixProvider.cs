using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// The one exported fixer for <see cref="Rules.PersonalDataSinkAnalyzer"/>'s rules (PII001–PII005, PII009). It offers
    /// every fix of those rules — Redact, Remove from log message, Add consent check, Require consent from callers,
    /// Exclude from serialization, Add retention policy — in that order. One fixer is needed because <c>dotnet format analyzers</c> pairs each analyzer
    /// with the first code fix provider that fixes any of its rules, and would otherwise never reach the others.
    /// <para>
    /// The fixes are nested with private constructors, so hosts that look for fixers by reflection (as dotnet format does)
    /// find only this one.
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataSinkCodeFixProvider)), Shared]
    public sealed class PersonalDataSinkCodeFixProvider : CodeFixProvider
    {
        /// <summary>The fixes, in the order they are offered (and the first one <c>dotnet format</c> applies per rule).</summary>
        private static readonly ImmutableArray<(CodeFixProvider Fix, string[] KeyPrefixes)> Fixes = ImmutableArray.Create<(CodeFixProvider, string[])>(
            (Redact.Instance, new[] { RedactPersonalDataCodeFixProvider.EquivalenceKey }),
            (RemoveFromLogMessage.Instance, new[] { RemoveFromLogMessageCodeFixProvider.EquivalenceKey }),
            (AddConsentCheck.Instance, new[] { AddConsentCheckCodeFixProvider.AddConsentCheckKey, AddConsentCheckCodeFixProvider.AddConsentGuardClauseKey }),
            (RequireConsentFromCallers.Instance, new[] { RequireConsentFromCallersCodeFixProvider.EquivalenceKey }),
            (ExcludeFromSerialization.Instance, new[] { ExcludeFromSerializationCodeFixProvider.EquivalenceKey }),
            (AddRetentionPolicy.Instance, new[] { AddRetentionPolicyCodeFixProvider.EquivalenceKey }));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            Fixes.SelectMany(f => f.Fix.FixableDiagnosticIds).Distinct().ToImmutableArray();

        public override FixAllProvider GetFixAllProvider() => RazorFileEdits.FixAll(Dispatcher.Instance);

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => RazorFileEdits.RegisterAsync(context, RegisterInDocumentAsync);

        private static async Task RegisterInDocumentAsync(CodeFixContext context)
        {
            foreach (var (fix, _) in Fixes)
            {
                var diagnostics = context.Diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                var inner = new CodeFixContext(context.Document, context.Span, diagnostics, (action, fixed_) => context.RegisterCodeFix(action, fixed_), context.CancellationToken);
                await fix.RegisterCodeFixesAsync(inner).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Fix All goes to the fix whose equivalence key was chosen. When no key was chosen, the key is another rule's, or it
        /// is Require consent from callers' in Solution scope, the key is the one of the first other fix offered on a
        /// diagnostic of the rules asked for. <c>dotnet format analyzers
        /// --diagnostics PII001 PII002 PII003</c> fixes one ID at a time but passes the key of the first fix it met on a
        /// diagnostic of any of them (Redact, for PII002 too), and the ID's own fix must still run.
        /// </summary>
        private sealed class Dispatcher : FixAllProvider
        {
            public static readonly Dispatcher Instance = new Dispatcher();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var ids = fixAllContext.DiagnosticIds;
                var key = fixAllContext.CodeActionEquivalenceKey;
                // dotnet format runs every fix in Solution scope with the key of the first action offered on whichever
                // diagnostic its analysis listed first: Require consent from callers moves the obligation rather than
                // meeting it, so a solution-wide run never picks it by that accident (the IDE's document and project
                // scopes still apply it when it is chosen).
                if (key is null || Owner(key, ids) is null
                    || (key == RequireConsentFromCallersCodeFixProvider.EquivalenceKey && fixAllContext.Scope == FixAllScope.Solution))
                {
                    key = await FirstKeyAsync(fixAllContext).ConfigureAwait(false);
                    if (key is null)
                    {
                        return null;
                    }

                    var diagnostics = new KeyedBatchFixAllProvider.Diagnostics(fixAllContext);
                    fixAllContext = fixAllContext.Document is { } document
                        ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, ids, diagnostics, fixAllContext.CancellationToken)
                        : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, ids, diagnostics, fixAllContext.CancellationToken);
                }

                return Owner(key, ids)?.GetFixAllProvider() is { } provider
                    ? await provider.GetFixAsync(fixAllContext).ConfigureAwait(false)
                    : null;
            }

            /// <summary>The fix that offers actions with <paramref name="key"/>, when it fixes one of <paramref name="ids"/>.</summary>
            private static CodeFixProvider? Owner(string key, IEnumerable<string> ids)
            {
                foreach (var (fix, prefixes) in Fixes)
                {
                    if (prefixes.Any(prefix => key.StartsWith(prefix, System.StringComparison.Ordinal)))
                    {
                        return ids.Any(fix.FixableDiagnosticIds.Contains) ? fix : null;
                    }
                }

                return null;
            }

            /// <summary>The equivalence key of the first action offered on a diagnostic of the IDs asked for, in source order.</summary>
            private static async Task<string?> FirstKeyAsync(FixAllContext fixAllContext)
            {
                var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } document
                    ? await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                    : await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false);
                var solution = fixAllContext.Project.Solution;
                foreach (var diagnostic in diagnostics
                    .Where(d => d.Location.IsInSource)
                    .OrderBy(d => d.Location.SourceTree!.FilePath, System.StringComparer.Ordinal)
                    .ThenBy(d => d.Location.SourceSpan.Start))
                {
                    if (solution.GetDocument(diagnostic.Location.SourceTree) is not { } owner)
                    {
                        continue;
                    }

                    string? first = null;
                    // Require consent from callers moves the obligation rather than meeting it: chosen only when asked for.
                    var context = new CodeFixContext(owner, diagnostic, (action, _) =>
                    {
                        if (action.EquivalenceKey != RequireConsentFromCallersCodeFixProvider.EquivalenceKey)
                        {
                            first ??= action.EquivalenceKey;
                        }
                    }, fixAllContext.CancellationToken);
                    await fixAllContext.CodeFixProvider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
                    if (first is not null)
                    {
                        return first;
                    }
                }

                return null;
            }
        }

        private sealed class Redact : RedactPersonalDataCodeFixProvider
        {
            public static readonly Redact Instance = new Redact();

            private Redact()
            {
            }
        }

        private sealed class RemoveFromLogMessage : RemoveFromLogMessageCodeFixProvider
        {
            public static readonly RemoveFromLogMessage Instance = new RemoveFromLogMessage();

            private RemoveFromLogMessage()
            {
            }
        }

        private sealed class AddConsentCheck : AddConsentCheckCodeFixProvider
        {
            public static readonly AddConsentCheck Instance = new AddConsentCheck();

            private AddConsentCheck()
            {
            }
        }

        private sealed class RequireConsentFromCallers : RequireConsentFromCallersCodeFixProvider
        {
            public static readonly RequireConsentFromCallers Instance = new RequireConsentFromCallers();

            private RequireConsentFromCallers()
            {
            }
        }

        private sealed class ExcludeFromSerialization : ExcludeFromSerializationCodeFixProvider
        {
            public static readonly ExcludeFromSerialization Instance = new ExcludeFromSerialization();

            private ExcludeFromSerialization()
            {
            }
        }

        private sealed class AddRetentionPolicy : AddRetentionPolicyCodeFixProvider
        {
            public static readonly AddRetentionPolicy Instance = new AddRetentionPolicy();

            private AddRetentionPolicy()
            {
            }
        }
    }
}
