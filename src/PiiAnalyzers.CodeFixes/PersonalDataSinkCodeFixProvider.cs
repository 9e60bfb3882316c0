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
    /// every fix of those rules — Redact, Remove from log message, Add consent check, Exclude from serialization, Add
    /// retention policy — in that order. One fixer is needed because <c>dotnet format analyzers</c> pairs each analyzer
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
            (ExcludeFromSerialization.Instance, new[] { ExcludeFromSerializationCodeFixProvider.EquivalenceKey }),
            (AddRetentionPolicy.Instance, new[] { AddRetentionPolicyCodeFixProvider.EquivalenceKey }));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            Fixes.SelectMany(f => f.Fix.FixableDiagnosticIds).Distinct().ToImmutableArray();

        public override FixAllProvider GetFixAllProvider() => Dispatcher.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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

        /// <summary>Fix All goes to the fix whose equivalence key was chosen (the first fix of the rule when none was).</summary>
        private sealed class Dispatcher : FixAllProvider
        {
            public static readonly Dispatcher Instance = new Dispatcher();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var key = fixAllContext.CodeActionEquivalenceKey;
                foreach (var (fix, prefixes) in Fixes)
                {
                    var owns = key is null
                        ? fix.FixableDiagnosticIds.Contains(fixAllContext.DiagnosticIds.FirstOrDefault() ?? string.Empty)
                        : prefixes.Any(prefix => key.StartsWith(prefix, System.StringComparison.Ordinal));
                    if (owns && fix.GetFixAllProvider() is { } provider)
                    {
                        return provider.GetFixAsync(fixAllContext);
                    }
                }

                return Task.FromResult<CodeAction?>(null);
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
