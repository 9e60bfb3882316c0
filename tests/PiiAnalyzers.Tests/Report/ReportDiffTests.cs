using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PiiReport;
using PiiReport.Analysis;
using PiiReport.Loading;
using PiiReport.Model;
using PiiReport.Writers;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// <c>--baseline</c>: matching survives moved lines, renamed files and reordered members; the Changes section in
    /// every format; SARIF fingerprints and baseline states; <c>--fail-on new</c>.
    /// </summary>
    public sealed class ReportDiffTests
    {
        private const string Hostile = "<img src=x onerror=\"alert(1)\"> & 'q' | `tick` #1";

        private static PrivacyReport Moved(PrivacyReport report)
        {
            static SourceLocation Move(SourceLocation l) => new SourceLocation("src/" + l.Path, l.Line + 40, l.Column + 4);
            return new PrivacyReport(
                report.Subject,
                report.Projects,
                report.Inventory.Reverse().Select(d => new DataEntry(d.Project, d.Name, d.MemberKind, d.Type, d.Category, d.Purposes, d.LawfulBasis, d.NeedsConsent, d.RetentionDays, d.RetentionSource, d.DiscoveredBy, Move(d.Location))),
                report.Flows.Reverse().Select(f => new FlowEntry(f.Data, f.Purposes, f.Kind, f.Sink, Move(f.Location), f.Consent, f.Member)),
                report.Findings.Reverse().Select(f => new FindingEntry(f.RuleId, f.Title, f.HelpUri, f.Severity, f.Message, Move(f.Location), f.Member)),
                report.Gaps);
        }

        [Fact]
        public void MovedLinesAndRenamedFiles_AreNoChange()
        {
            var changes = ReportDiff.Compare(ReportFixtures.Small(), Moved(ReportFixtures.Small()), "base.json");
            Assert.True(changes.IsEmpty);
            Assert.Equal("No change to personal-data processing", changes.Summary());
            Assert.Equal(3, changes.FindingsUnchanged.Count);
        }

        [Fact]
        public void Changes_AreListedAndSummarized()
        {
            var changes = ReportFixtures.Changed().Changes!;
            Assert.Equal("+1 personal data, \u22121 personal data, 1 personal data declared differently, +2 flows (1 unguarded), \u22121 flow, +1 finding, \u22121 fixed", changes.Summary());
            Assert.Equal(new[] { "Visitor.Age" }, changes.DataAdded.Select(d => d.Name));
            Assert.Equal(new[] { "AppUser.PhoneNumber" }, changes.DataRemoved.Select(d => d.Name));
            Assert.Equal(new[] { "Lead.Surname: purposes none declared \u2192 sales" }, changes.DataChanged.Select(c => c.After.Name + ": " + ReportChanges.Describe(c)));
            Assert.Equal(
                new[] { "Lead.Surname serialization JsonSerializer.Serialize Guarded Export.Write Crm/Exports/CsvExport.cs:21", "Visitor.IpAddress logging LogWarning Unguarded ChatService.EndChatAsync Chat/ChatService.cs:40" },
                changes.FlowsAdded.Select(f => string.Join(" ", f.Data, f.Kind.ToString().ToLowerInvariant(), f.Sink, f.Consent, f.Member, f.Location)));
            Assert.Equal(new[] { "Lead.Surname Unguarded Crm/Export.cs:14" }, changes.FlowsRemoved.Select(f => f.Data + " " + f.Consent + " " + f.Location));
            Assert.Equal(new[] { "PII001 ChatService.EndChatAsync Chat/ChatService.cs:40" }, changes.FindingsNew.Select(f => f.RuleId + " " + f.Member + " " + f.Location));
            Assert.Equal(new[] { "PII002 Export.Write Crm/Export.cs:14" }, changes.FindingsFixed.Select(f => f.RuleId + " " + f.Member + " " + f.Location));
        }

        [Fact]
        public void SameFindingTwiceInAMember_OneRemovedIsOneFixed()
        {
            FindingEntry Log(int line) => new FindingEntry("PII001", "t", null, FindingSeverity.Warning, "'A.B' is written to a log", new SourceLocation("A.cs", line, 5), "A.Run");
            var gaps = new ReportGaps(Array.Empty<string>(), Array.Empty<PurposeUse>(), Array.Empty<ConsentCheckEntry>());
            var before = new PrivacyReport("A.csproj", new[] { "A" }, Array.Empty<DataEntry>(), Array.Empty<FlowEntry>(), new[] { Log(10), Log(20) }, gaps);
            var after = new PrivacyReport("A.csproj", new[] { "A" }, Array.Empty<DataEntry>(), Array.Empty<FlowEntry>(), new[] { Log(12) }, gaps);
            var changes = ReportDiff.Compare(before, after, "b");
            Assert.Empty(changes.FindingsNew);
            Assert.Single(changes.FindingsFixed);
            Assert.Equal("\u22121 fixed", changes.Summary());
        }

        [Fact]
        public void JsonReport_ReadBackAsBaseline_IsNoChange()
        {
            // Flows are listed under each purpose of their data; the reader must count each once.
            var report = ReportFixtures.Small();
            var path = Path.Combine(Path.GetTempPath(), "pii-baseline-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                File.WriteAllText(path, ReportWriters.ToString(report, ReportFormat.Json));
                var baseline = BaselineReader.Read(path);
                Assert.Equal(report.Flows.Count, baseline.Flows.Count);
                Assert.Equal(report.Findings.Select(f => f.Member), baseline.Findings.Select(f => f.Member));
                Assert.True(ReportDiff.Compare(baseline, report, path).IsEmpty);
                Assert.True(ReportDiff.Compare(baseline, ReportFixtures.Changed(), path).Summary() == ReportFixtures.Changed().Changes!.Summary());
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void BaselineThatIsNotAReport_IsOneLine()
        {
            var path = Path.Combine(Path.GetTempPath(), "pii-baseline-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                File.WriteAllText(path, "{ \"version\": \"2.1.0\" }");
                var e = Assert.Throws<ReportException>(() => BaselineReader.Read(path));
                Assert.Equal("the baseline " + path + " is not a pii-report JSON report (write it with --format json): no schemaVersion \"1.0\"", e.Message);
                File.WriteAllText(path, "{ not json");
                e = Assert.Throws<ReportException>(() => BaselineReader.Read(path));
                Assert.StartsWith("the baseline " + path + " is not a pii-report JSON report (write it with --format json): ", e.Message);
                Assert.DoesNotContain("\n", e.Message);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Fingerprints_AreStableUnderMoves_AndDistinct()
        {
            var before = ReportDiff.Fingerprints(ReportFixtures.Small().Findings);
            var after = ReportDiff.Fingerprints(Moved(ReportFixtures.Small()).Findings);
            Assert.Equal(before.OrderBy(p => p.Key.RuleId).Select(p => p.Value), after.OrderBy(p => p.Key.RuleId).Select(p => p.Value));
            Assert.Equal(3, before.Values.Distinct().Count());
        }

        [Fact]
        public void Sarif_MarksNewUnchangedAndAbsentResults()
        {
            var sarif = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Changed(), ReportFormat.Sarif)).RootElement;
            var run = sarif.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(new[] { "PII001", "PII002", "PII008" }, rules);
            Assert.Equal(
                new[] { "PII001 new 40", "PII001 unchanged 58", "PII008 unchanged 64", "PII002 absent 14" },
                run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString() + " " + r.GetProperty("baselineState").GetString() + " "
                    + r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()));

            // The unchanged results keep the fingerprints they had in the baseline's SARIF, though their lines moved.
            var baseline = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Small(), ReportFormat.Sarif)).RootElement.GetProperty("runs")[0].GetProperty("results");
            string Print(JsonElement r) => r.GetProperty("partialFingerprints").GetProperty("piiReport/v1").GetString()!;
            var old = baseline.EnumerateArray().Select(Print).ToList();
            var now = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Contains(Print(now[1]), old);
            Assert.Contains(Print(now[2]), old);
            Assert.Contains(Print(now[3]), old);
            Assert.DoesNotContain(Print(now[0]), old);
        }

        [Fact]
        public void Markdown_SummaryFirst_ThenTables_ThenTheWholeReportFolded()
        {
            var markdown = ReportWriters.ToString(ReportFixtures.Changed(), ReportFormat.Markdown);
            var lines = markdown.Split('\n');
            Assert.Equal("# Privacy report: Shop.csproj", lines[0]);
            Assert.Equal("## Changes", lines[2]);
            Assert.Equal("**+1 personal data, \u22121 personal data, 1 personal data declared differently, +2 flows (1 unguarded), \u22121 flow, +1 finding, \u22121 fixed**", lines[4]);
            Assert.Contains("| new | [PII001](https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md) | warning | 'Visitor.IpAddress' (personal data, purpose 'security') is written to a log by 'LogWarning'; redact it or leave it out | ChatService.EndChatAsync | Chat/ChatService.cs:40 |", lines);
            Assert.True(markdown.IndexOf("<details>", StringComparison.Ordinal) < markdown.IndexOf("## Inventory", StringComparison.Ordinal));
            Assert.EndsWith("</details>\n", markdown);
        }

        [Fact]
        public void NoChange_SaysSo()
        {
            var report = Moved(ReportFixtures.Small());
            report = report.WithChanges(ReportDiff.Compare(ReportFixtures.Small(), report, "base.json"));
            Assert.Contains("\n**No change to personal-data processing**\n", ReportWriters.ToString(report, ReportFormat.Markdown));
            Assert.Contains("<strong>No change to personal-data processing</strong>", ReportWriters.ToString(report, ReportFormat.Html));
            Assert.DoesNotContain("### Findings\n\n| Change", ReportWriters.ToString(report, ReportFormat.Markdown));
        }

        [Fact]
        public void Json_WithChanges_MatchesTheSchema()
        {
            var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFixtures.RepositoryRoot(), "docs", "report.schema.json"))).RootElement;
            var document = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Changed(Hostile, Hostile), ReportFormat.Json)).RootElement;
            Assert.Empty(JsonSchemaValidator.Validate(schema, document));
            var changes = document.GetProperty("changes");
            Assert.Equal("main/privacy-report.json", changes.GetProperty("baseline").GetString());
            Assert.Equal("Visitor.Age", changes.GetProperty("personalData").GetProperty("added")[0].GetProperty("name").GetString());
            Assert.Equal("ChatService.EndChatAsync", changes.GetProperty("findings").GetProperty("new")[0].GetProperty("member").GetString());
        }

        [Fact]
        public void HostileStrings_InTheChanges_AreTextInEveryFormat()
        {
            var report = ReportFixtures.Changed(Hostile, Hostile);
            var html = ReportWriters.ToString(report, ReportFormat.Html);
            Assert.DoesNotContain("<img", html);
            Assert.Contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39; | `tick` #1", html);
            var markdown = ReportWriters.ToString(report, ReportFormat.Markdown);
            Assert.DoesNotContain("<img", markdown);
            Assert.Contains("&lt;img src=x onerror=\"alert(1)\"&gt; &amp; 'q' \\| \\`tick\\` \\#1", markdown);
            var json = JsonDocument.Parse(ReportWriters.ToString(report, ReportFormat.Json)).RootElement;
            Assert.Contains(Hostile, json.GetProperty("changes").GetProperty("personalData").GetProperty("added")[0].GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
            var sarif = JsonDocument.Parse(ReportWriters.ToString(report, ReportFormat.Sarif)).RootElement;
            Assert.Contains(sarif.GetProperty("runs")[0].GetProperty("results").EnumerateArray(), r => r.GetProperty("message").GetProperty("text").GetString()!.Contains(Hostile, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(true, 1)]
        [InlineData(false, 0)]
        public void FailOnNew_FailsOnlyOnNewWarningsAndErrors(bool withNewWarning, int expected)
        {
            var report = ReportFixtures.Changed();
            if (!withNewWarning)
            {
                var before = ReportFixtures.Small();
                report = report.WithChanges(ReportDiff.Compare(before, Moved(before), "b"));
            }

            Assert.Equal(expected, ReportCommand.ExitCode(report, FailOn.New));
        }

        [Fact]
        public void WhatSeveralProjectsSeeInTheSameSource_IsReportedOnce()
        {
            // A project built for two target frameworks is two projects of the solution with the same files.
            ProjectResult Project(string name)
            {
                var small = ReportFixtures.Small();
                var result = new ProjectResult { Project = name };
                result.Inventory.AddRange(small.Inventory);
                result.Flows.AddRange(small.Flows);
                result.Findings.AddRange(small.Findings);
                result.PurposeUses.AddRange(small.Gaps.UndeclaredPurposes);
                result.UnusedConsentChecks.AddRange(small.Gaps.UnusedConsentChecks);
                return result;
            }

            var report = ReportBuilder.Combine("Shop.sln", new[] { Project("Shop(net8.0)"), Project("Shop(net10.0)") });
            var once = ReportFixtures.Small();
            Assert.Equal(new[] { "Shop(net10.0)", "Shop(net8.0)" }, report.Projects);
            Assert.Equal(once.Inventory.Count, report.Inventory.Count);
            Assert.Equal(once.Flows.Count, report.Flows.Count);
            Assert.Equal(once.Findings.Select(f => f.RuleId + f.Location), report.Findings.Select(f => f.RuleId + f.Location));
            Assert.Single(report.Gaps.UndeclaredPurposes);
            Assert.Single(report.Gaps.UnusedConsentChecks);
        }
    }
}
