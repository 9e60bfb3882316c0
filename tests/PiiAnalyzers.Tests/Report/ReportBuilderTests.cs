using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Tests.Robustness;
using PiiReport.Analysis;
using PiiReport.Model;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>What the report builds from a compilation, read from its model.</summary>
    public class ReportBuilderTests
    {
        internal static async Task<PrivacyReport> BuildAsync(string source)
        {
            var compilation = RobustnessInputs.Compile(source);
            var result = await ReportBuilder.AnalyzeAsync(
                "Test.csproj",
                compilation,
                ImmutableArray.Create<DiagnosticAnalyzer>(new PiiAnalyzers.Rules.PersonalDataSinkAnalyzer(), new PiiAnalyzers.Rules.DeclarationAnalyzer()),
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                string.Empty,
                warning => Assert.Fail(warning),
                CancellationToken.None);
            return ReportBuilder.Combine("Test.csproj", new[] { result });
        }

        [Fact]
        public async Task DataTheFrameworkMarks_IsListedAsAGap_WithoutADeclaredBasis()
        {
            var report = await BuildAsync("""
                using PiiAttributes;
                public class AppUser : Microsoft.AspNetCore.Identity.IdentityUser
                {
                    [Microsoft.AspNetCore.Identity.PersonalData] public string HomeAddress { get; set; } = "";
                    [Microsoft.AspNetCore.Identity.PersonalData] public bool NewsletterOptIn { get; set; }
                    [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)] public string BillingName { get; set; } = "";
                }
                """);

            Assert.Equal(new[] { "AppUser.BillingName:Contract", "AppUser.HomeAddress:not declared" }, report.Inventory.Select(d => d.Name + ":" + d.LawfulBasis));
            Assert.Equal(new[] { "AppUser.HomeAddress" }, report.Gaps.WithoutBasis);
            Assert.False(report.Inventory.Single(d => d.Name == "AppUser.HomeAddress").NeedsConsent);
        }
    }
}
