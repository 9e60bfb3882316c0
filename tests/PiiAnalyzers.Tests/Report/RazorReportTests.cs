using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Tests.Meta;
using PiiAnalyzers.Tests.Razor;
using PiiAnalyzers.Tests.Verifiers;
using PiiReport.Analysis;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>The report lists flows and findings in Razor components at the <c>.razor</c> file's path and line.</summary>
    public sealed class RazorReportTests
    {
        [Fact]
        public async Task RazorComponent_FlowsAndFindingsAreAtTheRazorLines()
        {
            var compilation = CSharpCompilation.Create(
                "Razor",
                new[]
                {
                    CSharpSyntaxTree.ParseText(RazorSources.WidgetGenerated, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/app/obj/generated/" + RazorSources.WidgetHintPath),
                    CSharpSyntaxTree.ParseText(RazorSources.Model, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/app/Model.cs"),
                },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var result = await ReportBuilder.AnalyzeAsync(
                "Razor",
                compilation,
                ProjectFacts.ExportedAnalyzers,
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                "/app",
                message => Assert.Fail(message),
                CancellationToken.None);

            var logged = RazorSources.PositionOf(RazorSources.Widget, "Visitor.Email);");

            // The log in the @code block; not the generator's hidden console write, and not the markup.
            var flow = Assert.Single(result.Flows);
            Assert.Equal(("Components/Widget.razor", logged.Line, logged.Column), (flow.Location.Path, flow.Location.Line, flow.Location.Column));

            Assert.Equal(
                new[] { "PII001", "PII007", "PII008" },
                result.Findings.Select(f => f.RuleId).OrderBy(id => id, StringComparer.Ordinal));
            Assert.All(result.Findings, f => Assert.Equal("Components/Widget.razor", f.Location.Path));
            var finding = Assert.Single(result.Findings, f => f.RuleId == "PII001");
            Assert.Equal((logged.Line, logged.Column), (finding.Location.Line, finding.Location.Column));
        }
    }
}
