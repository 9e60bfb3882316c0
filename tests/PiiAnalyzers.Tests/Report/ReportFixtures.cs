using System;
using System.IO;
using System.Linq;
using PiiReport.Model;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>Small hand-made reports for the writers' tests, and the repository's folders.</summary>
    internal static class ReportFixtures
    {
        /// <summary>A report with one of everything: each discovery kind, each sink kind, each consent state, each gap.</summary>
        public static PrivacyReport Small(string purpose = "support", string data = "Visitor.Email", string chatFile = "Chat/ChatService.cs")
        {
            var inventory = new[]
            {
                new DataEntry("Shop", data, "property", "string", "Contact", new[] { purpose, "marketing" }, "Consent", true, 365, "type Visitor", DiscoveredBy.Attribute, new SourceLocation("Model/Visitor.cs", 12, 19)),
                new DataEntry("Shop", "Visitor.IpAddress", "property", "string", "OnlineIdentifier", new[] { "security" }, "LegitimateInterests", false, null, null, DiscoveredBy.Attribute, new SourceLocation("Model/Visitor.cs", 18, 19)),
                new DataEntry("Shop", "AppUser.PhoneNumber", "property", "string?", "Contact", Array.Empty<string>(), "Consent", true, null, null, DiscoveredBy.Marker, new SourceLocation("Model/AppUser.cs", 9, 19)),
                new DataEntry("Shop", "Lead.Surname", "field", "string", "Identifier", Array.Empty<string>(), "Consent", true, 30, "assembly", DiscoveredBy.NameInference, new SourceLocation("Model/Lead.cs", 5, 23)),
            };
            var flows = new[]
            {
                new FlowEntry(data, new[] { purpose, "marketing" }, FlowKind.Logging, "LogInformation", new SourceLocation(chatFile, 51, 77), ConsentState.Unguarded, "ChatService.StartChatAsync"),
                new FlowEntry(data, new[] { purpose, "marketing" }, FlowKind.Transfer, "PostAsJsonAsync", new SourceLocation("Crm/CrmSync.cs", 36, 17), ConsentState.Guarded, "CrmSync.SyncVisitorAsync"),
                new FlowEntry("Visitor.IpAddress", new[] { "security" }, FlowKind.Persistence, "Audit (through Add)", new SourceLocation(chatFile, 60, 13), ConsentState.NotRequired, "ChatService.StartChatAsync"),
                new FlowEntry("Lead.Surname", Array.Empty<string>(), FlowKind.Serialization, "JsonSerializer.Serialize", new SourceLocation("Crm/Export.cs", 14, 20), ConsentState.Unguarded, "Export.Write"),
            };
            var findings = new[]
            {
                new FindingEntry("PII001", "Personal data is written to a log", "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md", FindingSeverity.Warning,
                    "'" + data + "' (personal data, purposes '" + purpose + "', 'marketing') is written to a log by 'LogInformation'; redact it or leave it out", new SourceLocation(chatFile, 51, 77), "ChatService.StartChatAsync"),
                new FindingEntry("PII002", "Personal data is serialized without a consent check", "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII002.md", FindingSeverity.Error,
                    "'Lead.Surname' (personal data, no declared purpose, basis consent) is serialized by 'JsonSerializer.Serialize' without a consent check; check consent first", new SourceLocation("Crm/Export.cs", 14, 20), "Export.Write"),
                new FindingEntry("PII008", "Member looks like personal data but is not marked", null, FindingSeverity.Info,
                    "'CrmContact.Email' looks like personal data (an email address) but is not marked; add [PersonalData(Purpose = ...)]", new SourceLocation("Crm/CrmSync.cs", 57, 66), "CrmContact"),
            };
            var gaps = new ReportGaps(
                new[] { "Visitor.IpAddress", "AppUser.PhoneNumber" },
                new[] { new PurposeUse("newsletter", "[ProcessingPurpose] on Mailer", new SourceLocation("Marketing/Mailer.cs", 7, 6)) },
                new[] { new ConsentCheckEntry("ConsentService.HasAnalyticsConsent", "analytics", new SourceLocation("Privacy/ConsentService.cs", 20, 21)) });
            return new PrivacyReport("Shop.csproj", new[] { "Shop" }, inventory, flows, findings, gaps);
        }

        /// <summary>
        /// <see cref="Small"/> after a change, with <see cref="Small"/> as its baseline: every line moved down by 7 and
        /// Crm/Export.cs renamed (which must change nothing), a new unguarded log of Visitor.IpAddress with its PII001,
        /// the PII002 in Export.Write fixed (its flow now guarded), AppUser.PhoneNumber removed, Lead.Surname given a
        /// purpose and Visitor.Age added.
        /// </summary>
        public static PrivacyReport Changed(string purpose = "support", string data = "Visitor.Email", string chatFile = "Chat/ChatService.cs")
        {
            var before = Small(purpose, data, chatFile);
            static SourceLocation Moved(SourceLocation l) => new SourceLocation(l.Path == "Crm/Export.cs" ? "Crm/Exports/CsvExport.cs" : l.Path, l.Line + 7, l.Column);
            var inventory = before.Inventory.Where(d => d.Name != "AppUser.PhoneNumber")
                .Select(d => d.Name == "Lead.Surname"
                    ? new DataEntry(d.Project, d.Name, d.MemberKind, d.Type, d.Category, new[] { "sales" }, d.LawfulBasis, d.NeedsConsent, d.RetentionDays, d.RetentionSource, d.DiscoveredBy, Moved(d.Location))
                    : new DataEntry(d.Project, d.Name, d.MemberKind, d.Type, d.Category, d.Purposes, d.LawfulBasis, d.NeedsConsent, d.RetentionDays, d.RetentionSource, d.DiscoveredBy, Moved(d.Location)))
                .Append(new DataEntry("Shop", "Visitor.Age", "property", "int", "General", new[] { purpose }, "Contract", false, 365, "type Visitor", DiscoveredBy.Attribute, new SourceLocation("Model/Visitor.cs", 30, 16)))
                .ToList();
            var flows = before.Flows
                .Select(f => f.Data == "Lead.Surname"
                    ? new FlowEntry(f.Data, new[] { "sales" }, f.Kind, f.Sink, Moved(f.Location), ConsentState.Guarded, f.Member)
                    : new FlowEntry(f.Data, f.Purposes, f.Kind, f.Sink, Moved(f.Location), f.Consent, f.Member))
                .Append(new FlowEntry("Visitor.IpAddress", new[] { "security" }, FlowKind.Logging, "LogWarning", new SourceLocation(chatFile, 40, 36), ConsentState.Unguarded, "ChatService.EndChatAsync"))
                .ToList();
            var findings = before.Findings.Where(f => f.RuleId != "PII002")
                .Select(f => new FindingEntry(f.RuleId, f.Title, f.HelpUri, f.Severity, f.Message, Moved(f.Location), f.Member))
                .Append(new FindingEntry("PII001", "Personal data is written to a log", "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md", FindingSeverity.Warning,
                    "'Visitor.IpAddress' (personal data, purpose 'security') is written to a log by 'LogWarning'; redact it or leave it out", new SourceLocation(chatFile, 40, 36), "ChatService.EndChatAsync"))
                .ToList();
            var current = new PrivacyReport(before.Subject, before.Projects, inventory, flows, findings, before.Gaps);
            return current.WithChanges(PiiReport.Analysis.ReportDiff.Compare(before, current, "main/privacy-report.json"));
        }

        /// <summary>The repository root: the folder above the test binaries that holds PiiAnalyzers.sln.</summary>
        public static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PiiAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("PiiAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
