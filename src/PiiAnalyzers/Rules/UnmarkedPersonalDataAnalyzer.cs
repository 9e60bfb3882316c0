using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// PII008 (Info): a field or property whose name says personal data (<see cref="NameHeuristics"/>) carries no
    /// personal-data marker — neither PiiAttributes' <c>[PersonalData]</c>, nor ASP.NET Core Identity's, nor a
    /// Microsoft.Extensions.Compliance classification — so no flow rule follows it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnmarkedPersonalDataAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The rules this analyzer reports.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Rules = ImmutableArray.Create(Descriptors.UnmarkedPersonalData);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are not analyzed (Razor's output is, by RazorCodeAnalyzer); [GeneratedCode] types are
            // skipped here (see GeneratedCodeTypes).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => Register(start, razor: null));
        }

        /// <summary>Registers the rule for one compilation; with <paramref name="razor"/>, for members declared in Razor's output only.</summary>
        internal static void Register(CompilationStartAnalysisContext start, RazorFiles? razor)
        {
            var catalog = new PersonalDataCatalog(PrivacySymbols.Create(start.Compilation));
            var generated = GeneratedCodeTypes.Get(start.Compilation);
            start.RegisterSymbolAction(symbol => Analyze(symbol, catalog, generated, razor), SymbolKind.Property, SymbolKind.Field);
        }

        private static void Analyze(SymbolAnalysisContext context, PersonalDataCatalog catalog, GeneratedCodeTypes generated, RazorFiles? razor)
        {
            var symbol = context.Symbol;
            ITypeSymbol type;
            switch (symbol)
            {
                case IPropertySymbol { IsIndexer: false, IsStatic: false } property:
                    type = property.Type;
                    break;
                case IFieldSymbol { IsStatic: false, IsConst: false } field:
                    type = field.Type;
                    break;
                default:
                    return;
            }

            if (symbol.IsImplicitlyDeclared || symbol.Locations.Length == 0 || !symbol.Locations[0].IsInSource
                || (razor is not null && !razor.IsReported(symbol.Locations[0], context.CancellationToken))
                || NameHeuristics.Match(symbol.Name, type, symbol.ContainingType) is not { } term
                || catalog.GetMarked(symbol) is not null
                || HasMarkByName(symbol)
                || generated.Contains(symbol))
            {
                return;
            }

            var category = term.Category >= 0 && term.Category < DiagnosticProperties.CategoryNames.Length ? DiagnosticProperties.CategoryNames[term.Category] : null;
            var properties = category is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Category, category);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnmarkedPersonalData,
                symbol.Locations[0],
                properties,
                PersonalDataCatalog.DisplayName(symbol),
                term.Description));
        }

        /// <summary>
        /// A <c>[PersonalData]</c> the compiler could not bind (half-typed code, a missing reference) still shows the
        /// developer's intent: do not ask for another one.
        /// </summary>
        private static bool HasMarkByName(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "PersonalDataAttribute" or "ProtectedPersonalDataAttribute" or "PersonalData" })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
