using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// PII006: inside a method or type marked <c>[ProcessingPurpose("X")]</c>, personal data is read whose declared
    /// purposes do not include X (purpose limitation, GDPR Art. 5(1)(b)). Members with no declared purpose are not checked.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PurposeLimitationAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PurposeMismatch);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are not analyzed; [GeneratedCode] types are skipped here (see GeneratedCodeTypes).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (PrivacySymbols.TryCreate(start.Compilation) is not { PersonalData: not null, ProcessingPurpose: not null } symbols)
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
                    if (ProcessingPurpose(block.OwningSymbol, symbols, purposes) is not { } purpose
                        || generated.Contains(block.OwningSymbol))
                    {
                        return;
                    }

                    var allowed = PurposeList.Parse(purpose);
                    block.RegisterOperationAction(
                        operation => Analyze(operation, catalog, purpose, allowed),
                        OperationKind.PropertyReference,
                        OperationKind.FieldReference);
                });
            });
        }

        private static void Analyze(OperationAnalysisContext context, PersonalDataCatalog catalog, string purpose, ImmutableArray<string> allowed)
        {
            var reference = (IMemberReferenceOperation)context.Operation;
            if (catalog.GetDeclared(reference.Member) is not { Purposes.IsDefaultOrEmpty: false } item
                || allowed.Any(p => item.Purposes.Contains(p, PurposeList.Comparer))
                || IsWriteOnly(reference)
                || reference.Parent is INameOfOperation)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.PurposeMismatch,
                reference.Syntax.GetLocation(),
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
