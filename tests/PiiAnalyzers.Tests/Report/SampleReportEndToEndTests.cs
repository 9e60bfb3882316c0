using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PiiAnalyzers.Tests.EndToEnd;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// pii-report on samples/ChatMarketplace, as a user runs it: the built tool (src/PiiReport, same configuration as
    /// the tests) in its own process, loading the sample with MSBuildWorkspace. Slow (a build of the sample and a
    /// design-time build), hence EndToEnd.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class SampleReportEndToEndTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        [Fact]
        public void ChatMarketplace_ReportsInventoryMapFindingsAndGaps()
        {
            var root = ReportFixtures.RepositoryRoot();
            var sample = Path.Combine(root, "samples", "ChatMarketplace", "ChatMarketplace.csproj");
            var tool = ToolPath(root);
            Assert.True(File.Exists(tool), "Build src/PiiReport first: " + tool);

            // The report needs a restored project and the analyzers' build output.
            var build = DotNetCli.Run(root, Timeout, "build", sample);
            Assert.True(build.ExitCode == 0, build.ToString());

            var output = Path.Combine(Path.GetTempPath(), "pii-report-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var run = DotNetCli.Run(root, Timeout, tool, sample, "--format", "json", "--output", output, "--fail-on", "warning");
                Assert.True(run.ExitCode == 1, "--fail-on warning with warnings exits 1: " + run);
                Assert.Contains("Analyzing ChatMarketplace", run.StandardError);
                Assert.DoesNotContain("   at ", run.StandardError);

                var report = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
                var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "docs", "report.schema.json"))).RootElement;
                Assert.Empty(JsonSchemaValidator.Validate(schema, report));

                Assert.Equal("ChatMarketplace.csproj", report.GetProperty("subject").GetString());
                Assert.Equal(new[]
                {
                "Agent.DisplayName | property | string | Identifier | staffing, support | Contract | none | attribute | Model/Agent.cs:11",
                "Agent.MobilePhone | property | string | Contact |  | Contract | none | attribute | Model/Agent.cs:18",
                "Agent.WorkEmail | property | string | Contact | staffing | Contract | none | attribute | Model/Agent.cs:14",
                "ChatMessage.Text | property | string | Content | support | Contract | 30 (type ChatMessage) | attribute | Model/ChatMessage.cs:18",
                "ChatRating.Comment | property | string? | Content | support | LegitimateInterests | none | attribute | Model/ChatRating.cs:18",
                "ChatService.IssueReceiptAsync(billingEmail) | parameter | string | Contact | billing | Contract | none | attribute | Chat/ChatService.cs:135",
                "PreChatSurvey.FoundUsThrough | property | string? | Content | analytics | Consent | 90 (type PreChatSurvey) | attribute | Model/PreChatSurvey.cs:23",
                "PreChatSurvey.OrderNumber | property | string? | Identifier | support | Contract | 90 (type PreChatSurvey) | attribute | Model/PreChatSurvey.cs:19",
                "PreChatSurvey.Question | property | string | Content | support | Contract | 90 (type PreChatSurvey) | attribute | Model/PreChatSurvey.cs:16",
                "Receipt.BillingEmail | property | string | Contact | billing | Contract | no days (type Receipt) | attribute | Model/Receipt.cs:16",
                "Receipt.CardLast4 | property | string | Financial | billing | LegalObligation | no days (type Receipt) | attribute | Model/Receipt.cs:19",
                "Transcript.VisitorEmail | property | string | Contact | support | Consent | 30 (type Transcript) | attribute | Model/Transcript.cs:16",
                "Visitor.City | property | string | Location | support, analytics | Consent | none | attribute | Model/Visitor.cs:21",
                "Visitor.Email | property | string | Contact | support, marketing | Consent | none | attribute | Model/Visitor.cs:12",
                "Visitor.IpAddress | property | string | OnlineIdentifier | security | LegitimateInterests | none | attribute | Model/Visitor.cs:18",
                "Visitor.Name | property | string | Identifier | support | Contract | none | attribute | Model/Visitor.cs:15"
                }, report.GetProperty("inventory").EnumerateArray().Select(Inventory));

                Assert.Equal(new[]
                {
                "analytics | PreChatSurvey.FoundUsThrough | persistence | File.AppendAllText | Insights/SurveyArchive.cs:31 | guarded",
                "analytics | PreChatSurvey.FoundUsThrough | persistence | File.AppendAllText | Insights/SurveyArchive.cs:41 | unguarded",
                "billing | ChatService.IssueReceiptAsync(billingEmail) | persistence | SaveReceiptAsync (through Add) | Chat/ChatService.cs:148 | notRequired",
                "billing | Receipt.BillingEmail | persistence | Add | Storage/TranscriptStore.cs:34 | notRequired",
                "billing | Receipt.CardLast4 | persistence | Add | Storage/TranscriptStore.cs:34 | notRequired",
                "marketing | Visitor.Email | logging | LogInformation | Chat/ChatService.cs:51 | unguarded",
                "marketing | Visitor.Email | logging | Audit (through LogInformation) | Chat/ChatService.cs:123 | guarded",
                "marketing | Visitor.Email | transfer | PostAsJsonAsync | Crm/CrmSync.cs:36 | guarded",
                "marketing | Visitor.Email | transfer | PutAsJsonAsync | Crm/CrmSync.cs:46 | unguarded",
                "marketing | Visitor.Email | serialization | CloseChatAsync (through JsonSerializer.Serialize) | Program.cs:91 | guarded",
                "marketing | Visitor.Email | persistence | CloseChatAsync (through Add) | Program.cs:91 | guarded",
                "security | Visitor.IpAddress | logging | LogWarning | Chat/ChatService.cs:46 | notRequired",
                "support | ChatMessage.Text | serialization | JsonSerializer.Serialize | Chat/TranscriptExporter.cs:18 | notRequired",
                "support | ChatMessage.Text | serialization | JsonSerializer.Serialize | Chat/TranscriptExporter.cs:30 | notRequired",
                "support | ChatMessage.Text | persistence | Add | Storage/TranscriptStore.cs:28 | notRequired",
                "support | ChatRating.Comment | persistence | Add | Storage/TranscriptStore.cs:41 | notRequired",
                "support | Transcript.VisitorEmail | serialization | JsonSerializer.Serialize | Chat/TranscriptExporter.cs:18 | guarded",
                "support | Transcript.VisitorEmail | serialization | JsonSerializer.Serialize | Chat/TranscriptExporter.cs:30 | unguarded",
                "support | Transcript.VisitorEmail | persistence | Add | Storage/TranscriptStore.cs:28 | guarded",
                "support | Visitor.Email | logging | LogInformation | Chat/ChatService.cs:51 | unguarded",
                "support | Visitor.Email | logging | Audit (through LogInformation) | Chat/ChatService.cs:123 | guarded",
                "support | Visitor.Email | transfer | PostAsJsonAsync | Crm/CrmSync.cs:36 | guarded",
                "support | Visitor.Email | transfer | PutAsJsonAsync | Crm/CrmSync.cs:46 | unguarded",
                "support | Visitor.Email | serialization | CloseChatAsync (through JsonSerializer.Serialize) | Program.cs:91 | guarded",
                "support | Visitor.Email | persistence | CloseChatAsync (through Add) | Program.cs:91 | guarded",
                "support | Visitor.Name | transfer | PostAsJsonAsync | Crm/CrmSync.cs:36 | notRequired"
                }, report.GetProperty("processingMap").EnumerateArray().SelectMany(p => p.GetProperty("flows").EnumerateArray().Select(f => Flow(p, f))));

                Assert.Equal(new[]
                {
                "PII001 | Chat/ChatService.cs(46,36) | warning | 'Visitor.IpAddress' (personal data, purpose 'security') is written to a log by 'LogWarning'; redact it or leave it out",
                "PII001 | Chat/ChatService.cs(51,77) | warning | 'Visitor.Email' (personal data, purposes 'support', 'marketing') is written to a log by 'LogInformation'; redact it or leave it out",
                "PII001 | Chat/ChatService.cs(123,19) | warning | 'Visitor.Email' (personal data, purposes 'support', 'marketing') is written to a log by 'Audit' (through 'LogInformation'); redact it or leave it out",
                "PII002 | Chat/TranscriptExporter.cs(30,20) | warning | 'Transcript.VisitorEmail' (personal data, purpose 'support', basis consent) is serialized by 'JsonSerializer.Serialize' without a consent check; check consent for 'support' first",
                "PII003 | Insights/SurveyArchive.cs(41,13) | warning | 'PreChatSurvey.FoundUsThrough' (personal data, purpose 'analytics', basis consent) is persisted by 'File.AppendAllText' without a consent check; check consent for 'analytics' first",
                "PII004 | Storage/TranscriptStore.cs(41,13) | warning | 'ChatRating.Comment' (personal data, purpose 'support') is persisted by 'Add' but no retention policy applies; add [RetentionPolicy(Days = ...)] to 'ChatRating'",
                "PII005 | Crm/CrmSync.cs(46,40) | warning | 'Visitor.Email' (personal data, purposes 'support', 'marketing', basis consent) is sent to an external service by 'PutAsJsonAsync' without a consent check; check consent for 'support' or 'marketing' first",
                "PII006 | Marketing/Newsletter.cs(28,39) | warning | 'Visitor.Name' (personal data) is used for purpose 'marketing' but was collected for 'support'",
                "PII007 | Model/Agent.cs(17,10) | warning | [PersonalData] on 'Agent.MobilePhone': no purpose is declared; set Purpose to what the data was collected for",
                "PII007 | Model/Receipt.cs(8,6) | warning | [RetentionPolicy] on 'Receipt': the retention period is missing; set Days to a positive number, Setting to the configuration value that holds it, or UntilErasure = true",
                "PII008 | Crm/CrmSync.cs(57,66) | info | 'CrmContact.Email' looks like personal data (an email address) but is not marked; add [PersonalData(Purpose = ...)]",
                "PII009 | Marketing/Newsletter.cs(50,13) | warning | 'Newsletter.Send' requires consent for 'marketing' but is called without a consent check"
                }, report.GetProperty("findings").GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("files").EnumerateArray().SelectMany(f => f.GetProperty("results").EnumerateArray().Select(x => Finding(r, f, x)))));

                var totals = report.GetProperty("findings").GetProperty("totals");
                Assert.Equal((12, 0, 11, 1), (totals.GetProperty("all").GetInt32(), totals.GetProperty("error").GetInt32(), totals.GetProperty("warning").GetInt32(), totals.GetProperty("info").GetInt32()));

                var gaps = report.GetProperty("gaps");
                Assert.Equal(
                    new[] { "Agent.DisplayName", "Agent.MobilePhone", "Agent.WorkEmail", "ChatRating.Comment", "ChatService.IssueReceiptAsync(billingEmail)", "Visitor.City", "Visitor.Email", "Visitor.IpAddress", "Visitor.Name" },
                    gaps.GetProperty("withoutRetention").EnumerateArray().Select(e => e.GetString()));
                Assert.Empty(gaps.GetProperty("undeclaredPurposes").EnumerateArray());
                Assert.Empty(gaps.GetProperty("unusedConsentChecks").EnumerateArray());
            }
            finally
            {
                File.Delete(output);
            }
        }

        /// <summary>
        /// The Blazor sample: pii-report runs the SDK's Razor source generator (which needs a Roslyn at least as new as the
        /// SDK's) and lists the component's flow and finding at the <c>.razor</c> path and line, as <c>dotnet build</c> does.
        /// </summary>
        [Fact]
        public void ChatWidget_ListsTheRazorFindingAtTheRazorFilesLine()
        {
            var root = ReportFixtures.RepositoryRoot();
            var sample = Path.Combine(root, "samples", "ChatWidget", "ChatWidget.csproj");
            var tool = ToolPath(root);
            Assert.True(File.Exists(tool), "Build src/PiiReport first: " + tool);

            var build = DotNetCli.Run(root, Timeout, "build", sample);
            Assert.True(build.ExitCode == 0, build.ToString());

            var output = Path.Combine(Path.GetTempPath(), "pii-report-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                var run = DotNetCli.Run(root, Timeout, tool, sample, "--format", "json", "--output", output);
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains("Analyzing ChatWidget", run.StandardError);
                Assert.DoesNotContain("warning:", run.StandardError);

                var report = JsonDocument.Parse(File.ReadAllText(output)).RootElement;
                Assert.Equal(new[]
                {
                "support | Visitor.Email | logging | LogInformation | Components/PreChatForm.razor:24 | notRequired",
                }, report.GetProperty("processingMap").EnumerateArray().SelectMany(p => p.GetProperty("flows").EnumerateArray().Select(f => Flow(p, f))));
                Assert.Equal(new[]
                {
                "PII001 | Components/PreChatForm.razor(24,70) | warning | 'Visitor.Email' (personal data, purpose 'support') is written to a log by 'LogInformation'; redact it or leave it out",
                }, report.GetProperty("findings").GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("files").EnumerateArray().SelectMany(f => f.GetProperty("results").EnumerateArray().Select(x => Finding(r, f, x)))));
            }
            finally
            {
                File.Delete(output);
            }
        }

        [Fact]
        public void ProjectThatFailsToLoad_GivesAMessageAndExitCode3()
        {
            var root = ReportFixtures.RepositoryRoot();
            var directory = Path.Combine(Path.GetTempPath(), "pii-report-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var project = Path.Combine(directory, "Broken.csproj");
                File.WriteAllText(project, "this is not a project file");
                var run = DotNetCli.Run(root, Timeout, ToolPath(root), project);
                Assert.True(run.ExitCode == 3, run.ToString());
                Assert.Equal(string.Empty, run.StandardOutput.Trim());
                Assert.Contains("pii-report: could not load Broken.csproj: ", run.StandardError);
                Assert.DoesNotContain("   at ", run.StandardError);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        /// <summary>The tool built in the tests' configuration: tests/PiiAnalyzers.Tests/bin/Debug/net10.0 → src/PiiReport/bin/Debug/net10.0.</summary>
        internal static string ToolPath(string root)
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(root, "src", "PiiReport", "bin", configuration, framework.Name, "PiiReport.dll");
        }

        private static string Inventory(JsonElement d)
        {
            var retention = d.GetProperty("retention");
            var source = retention.GetProperty("source");
            var days = source.ValueKind == JsonValueKind.Null ? "none"
                : (retention.GetProperty("days").ValueKind == JsonValueKind.Null ? "no days" : retention.GetProperty("days").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)) + " (" + source.GetString() + ")";
            return string.Join(" | ", d.GetProperty("name").GetString(), d.GetProperty("memberKind").GetString(), d.GetProperty("type").GetString(), d.GetProperty("category").GetString(),
                string.Join(", ", d.GetProperty("purposes").EnumerateArray().Select(p => p.GetString())), d.GetProperty("lawfulBasis").GetString(), days, d.GetProperty("discoveredBy").GetString(), Where(d));
        }

        private static string Flow(JsonElement purpose, JsonElement f)
            => string.Join(" | ", purpose.GetProperty("purpose").GetString(), f.GetProperty("data").GetString(), f.GetProperty("sinkKind").GetString(), f.GetProperty("sink").GetString(), Where(f), f.GetProperty("consent").GetString());

        private static string Finding(JsonElement rule, JsonElement file, JsonElement result)
            => rule.GetProperty("id").GetString() + " | " + file.GetProperty("path").GetString() + "(" + result.GetProperty("line").GetInt32() + "," + result.GetProperty("column").GetInt32() + ") | "
                + result.GetProperty("severity").GetString() + " | " + result.GetProperty("message").GetString();

        private static string Where(JsonElement e)
            => e.GetProperty("location").GetProperty("path").GetString() + ":" + e.GetProperty("location").GetProperty("line").GetInt32();
    }
}
