using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// Every rule, in the C# the Razor source generator emits for <c>.razor</c> components and <c>.cshtml</c> views and
    /// pages (see <see cref="RazorFiles"/>), reported at the Razor file's lines through the generator's <c>#line</c>
    /// mapping, and only in the code the user wrote there.
    /// </summary>
    /// <remarks>
    /// The rule analyzers skip generated files, so the driver never builds operations for EF Core migrations,
    /// <c>*.Designer.cs</c> or other generators' output. This analyzer has to analyze generated files to see Razor's,
    /// and does nothing in a compilation without a Razor file: a project without Razor pays one look at the names of
    /// its trees.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RazorCodeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = PersonalDataSinkAnalyzer.Rules
            .AddRange(PurposeLimitationAnalyzer.Rules)
            .AddRange(DeclarationAnalyzer.Rules)
            .AddRange(UnmarkedPersonalDataAnalyzer.Rules);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are analyzed; each action keeps to Razor's, and [GeneratedCode] types are skipped.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var razor = RazorFiles.Get(start.Compilation);
                if (!razor.Any(start.Compilation, start.CancellationToken))
                {
                    return; // no Razor file: the rule analyzers see everything there is
                }

                PersonalDataSinkAnalyzer.Register(start, razor);
                PurposeLimitationAnalyzer.Register(start, razor);
                DeclarationAnalyzer.Register(start, razor);
                UnmarkedPersonalDataAnalyzer.Register(start, razor);
            });
        }
    }
}
