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

        [Fact]
        public async Task DataTheFrameworkHandsOut_IsNamedInFlowsAsInMessages()
        {
            var report = await BuildAsync("""
                using System.Security.Claims;
                using Microsoft.Extensions.Logging;
                class Handler
                {
                    void SignedIn(ILogger log, ClaimsPrincipal user)
                    {
                        log.LogInformation("{Email}", user.FindFirst(ClaimTypes.Email)?.Value);
                        log.LogInformation("{Name}", user.Identity?.Name);
                    }
                }
                """);

            Assert.Equal(
                new[] { "ClaimTypes.Email claim:NotRequired", "IIdentity.Name:NotRequired" },
                report.Flows.Select(f => f.Data + ":" + f.Consent).OrderBy(d => d, System.StringComparer.Ordinal));
            Assert.Empty(report.Inventory);
        }

        [Fact]
        public async Task FlowsAnAuditLogServes_AreFiledUnderItsPurpose_NotAsUnguarded()
        {
            var report = await BuildAsync("""
                using PiiAttributes;
                public class Account
                {
                    [PersonalData(Category = PersonalDataCategory.Identifier)] public string UserName { get; set; } = "";
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)] public string Email { get; set; } = "";
                }
                public static class Audit
                {
                    [PersonalDataSink(SinkKind.Logging, Purpose = "security")] public static void Write(string entry) { }
                }
                class Handler
                {
                    void Failed(Account account)
                    {
                        Audit.Write(account.UserName);
                        Audit.Write(account.Email);
                    }
                }
                """);

            Assert.Equal(new[] { "security", "support" }, report.MapPurposes());
            var audit = Assert.Single(report.FlowsFor("security"));
            Assert.Equal(("Account.UserName", ConsentState.NotRequired), (audit.Data, audit.Consent));
            var leak = Assert.Single(report.FlowsFor("support"));
            Assert.Equal(("Account.Email", ConsentState.Unguarded), (leak.Data, leak.Consent));
            Assert.Equal(new[] { "PII001" }, report.Findings.Where(f => f.RuleId == "PII001").Select(f => f.RuleId));
        }

        [Fact]
        public async Task Inventory_PrintsWhatTheRetentionPolicyStates()
        {
            var report = await BuildAsync("""
                using PiiAttributes;
                [RetentionPolicy(Setting = "VisitorRetentionDays", EnforcedBy = typeof(PurgeJob))]
                public class Visit
                {
                    [PersonalData(Purpose = "analytics")] public string IpAddress { get; set; } = "";
                }
                [RetentionPolicy(UntilErasure = true)]
                public class Account
                {
                    [PersonalData(Purpose = "account")] public string Email { get; set; } = "";
                    [RetentionPolicy(30)][PersonalData(Purpose = "account")] public string Phone { get; set; } = "";
                }
                public class PurgeJob { }
                """);

            Assert.Equal(
                new[]
                {
                    "Account.Email: until erasure (type Account)",
                    "Account.Phone: 30 days (member)",
                    "Visit.IpAddress: setting VisitorRetentionDays, enforced by PurgeJob (type Visit)",
                },
                report.Inventory.Select(d => d.Name + ": " + PiiReport.Writers.Labels.Retention(d)));
            var json = System.Text.Json.JsonDocument.Parse(PiiReport.Writers.ReportWriters.ToString(report, PiiReport.Writers.ReportFormat.Json)).RootElement;
            var schema = System.Text.Json.JsonDocument.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(ReportFixtures.RepositoryRoot(), "docs", "report.schema.json"))).RootElement;
            Assert.Empty(JsonSchemaValidator.Validate(schema, json));
            var visit = json.GetProperty("inventory").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "Visit.IpAddress").GetProperty("retention");
            Assert.Equal(("VisitorRetentionDays", "PurgeJob"), (visit.GetProperty("setting").GetString(), visit.GetProperty("enforcedBy").GetString()));
        }

        [Fact]
        public async Task MembersDeclaredWithPersonalDataMember_AreInTheInventory_WhereDeclared()
        {
            var report = await BuildAsync("""
                using PiiAttributes;
                [PersonalDataMember(nameof(Email), Purpose = "account", Basis = LawfulBasis.Contract, Category = PersonalDataCategory.Contact)]
                public class AppUser : Microsoft.AspNetCore.Identity.IdentityUser { }
                """);

            var email = Assert.Single(report.Inventory, d => d.Name == "IdentityUser.Email");
            Assert.Equal(("Contact", "account", "Contract", DiscoveredBy.Attribute, "Input.cs:2"), (email.Category, string.Join(",", email.Purposes), email.LawfulBasis, email.DiscoveredBy, email.Location.ToString()));
        }
    }
}
