using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// PII006: inside a method or type marked <c>[ProcessingPurpose("X")]</c>, personal data is read whose declared
    /// purposes do not include X (purpose limitation, GDPR Art. 5(1)(b)). Members with no declared purpose are not checked.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PurposeLimitationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The rules this analyzer reports.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Rules = ImmutableArray.Create(Descriptors.PurposeMismatch);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are not analyzed (Razor's output is, by RazorCodeAnalyzer); [GeneratedCode] types are
            // skipped here (see GeneratedCodeTypes).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => Register(start, razor: null));
        }

        /// <summary>Registers the rule for one compilation; with <paramref name="razor"/>, in Razor's output only, reporting in the code the user wrote there.</summary>
        internal static void Register(CompilationStartAnalysisContext start, RazorFiles? razor)
        {
            if (PrivacySymbols.TryCreate(start.Compilation) is not { PersonalData: not null, ProcessingPurpose: not null } symbols
                || !AppliedMarkers.AnyApplied(start.Compilation, symbols, frameworkSources: false, start.CancellationToken))
            {
                return;
            }

            var catalog = new PersonalDataCatalog(symbols);
            var purposes = new ConcurrentDictionary<ISymbol, string?>(SymbolEqualityComparer.Default);
            var generated = GeneratedCodeTypes.Get(start.Compilation);

            // Only code under a [ProcessingPurpose] is checked: member references are asked for in those bodies
            // alone, so the driver neither collects nor dispatches the references of every other body.
            start.RegisterOperationBlockStartAction(block =>
            {
                if ((razor is not null && (block.OperationBlocks.IsEmpty || !razor.Contains(block.OperationBlocks[0].Syntax.SyntaxTree, block.CancellationToken)))
                    || ProcessingPurpose(block.OwningSymbol, symbols, purposes) is not { } purpose
                    || generated.Contains(block.OwningSymbol))
                {
                    return;
                }

                var allowed = PurposeList.Parse(purpose);
                block.RegisterOperationAction(
                    operation => Analyze(operation, catalog, purpose, allowed, razor is not null),
                    OperationKind.PropertyReference,
                    OperationKind.FieldReference);
            });
        }

        private static void Analyze(OperationAnalysisContext context, PersonalDataCatalog catalog, string purpose, ImmutableArray<string> allowed, bool inRazor)
        {
            var reference = (IMemberReferenceOperation)context.Operation;
            if (catalog.GetDeclared(reference.Member) is not { Purposes.IsDefaultOrEmpty: false } item
                || allowed.Any(p => item.Purposes.Contains(p, PurposeList.Comparer))
                || IsWriteOnly(reference)
                || reference.Parent is INameOfOperation)
            {
                return;
            }

            var location = reference.Syntax.GetLocation();
            if (inRazor && !RazorFiles.IsUserWritten(location, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PurposeMismatch,
                location,
                MessageText.Arguments(
                    "'" + item.Name + "' (personal data)",
                    purpose,
                    string.Join(" and ", item.Purposes.Select(p => "'" + p + "'")))));
        }

        /// <summary>
        /// The purpose declared on the method, or on its type or an enclosing type; null when none. It may list several
        /// (<c>"support, billing"</c>): data collected for any of them may be read.
        /// </summary>
        private static string? ProcessingPurpose(ISymbol? symbol, PrivacySymbols symbols, ConcurrentDictionary<ISymbol, string?> cache)
        {
            for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                if (cache.TryGetValue(current, out var known))
                {
                    if (known is not null)
                    {
                        return known;
                    }

                    continue;
                }

                var attribute = PrivacySymbols.Find(current, symbols.ProcessingPurpose);
                var purpose = attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string text && text.Trim().Length > 0
                    ? text.Trim()
                    : null;
                cache.TryAdd(current, purpose);
                if (purpose is not null)
                {
                    return purpose;
                }
            }

            return null;
        }

        /// <summary><c>visitor.Email = value</c> stores data; it does not use it.</summary>
        private static bool IsWriteOnly(IOperation reference)
            => reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference;
    }
}
