using Microsoft.CodeAnalysis.Testing;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>The allowed purposes and the expected results the PII007 test files share.</summary>
    internal static class InvalidDeclarationHelpers
    {
        internal const string Purposes = "root = true\n\n[*]\npii_analyzers.purposes = support, billing, marketing\n";

        internal const string MissingPurpose = "no purpose is declared; set Purpose to what the data was collected for";
        internal const string EmptyItem = "the purpose list has an empty item";
        internal const string MissingDays = "the retention period is missing; set Days to a positive number, Setting to the configuration value that holds it, or UntilErasure = true";

        internal static DiagnosticResult Diagnostic(int location, string attribute, string target, string problem)
            => Verify.Diagnostic(Descriptors.InvalidDeclaration).WithLocation(location).WithArguments(attribute, target, problem);

        internal static string NotAllowed(string purpose)
            => "purpose '" + purpose + "' is not one of the allowed purposes (support, billing, marketing)";

        internal static string NotPositive(int days)
            => "the retention period must be a positive number of days, not " + days;
    }
}
