using System.IO;
using System.Linq;
using System.Text.Json;
using PiiReport.Writers;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    public sealed class ReportWriterTests
    {
        private const string Hostile = "<script>alert(\"x\")</script> & 'quotes' | `tick` #1";

        private static JsonElement Schema()
            => JsonDocument.Parse(File.ReadAllText(Path.Combine(ReportFixtures.RepositoryRoot(), "docs", "report.schema.json"))).RootElement;

        [Fact]
        public void Json_MatchesTheSchema()
        {
            var document = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Small(), ReportFormat.Json)).RootElement;
            Assert.Empty(JsonSchemaValidator.Validate(Schema(), document));
        }

        [Fact]
        public void Json_WithHostileStrings_MatchesTheSchema()
        {
            var document = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Small(Hostile, Hostile), ReportFormat.Json)).RootElement;
            Assert.Empty(JsonSchemaValidator.Validate(Schema(), document));
            Assert.Equal(Hostile, document.GetProperty("inventory").EnumerateArray().First(d => d.GetProperty("name").GetString() == Hostile).GetProperty("purposes")[0].GetString());
        }

        [Fact]
        public void SchemaValidator_RejectsDrift()
        {
            // The validator must see a renamed property, a wrong type and an unknown enum value.
            var json = ReportWriters.ToString(ReportFixtures.Small(), ReportFormat.Json)
                .Replace("\"lawfulBasis\"", "\"basis\"")
                .Replace("\"needsConsent\": true", "\"needsConsent\": \"yes\"")
                .Replace("\"sinkKind\": \"logging\"", "\"sinkKind\": \"printing\"");
            var errors = JsonSchemaValidator.Validate(Schema(), JsonDocument.Parse(json).RootElement);
            Assert.Contains(errors, e => e.Contains("required property 'lawfulBasis' is missing"));
            Assert.Contains(errors, e => e.Contains("property 'basis' is not in the schema"));
            Assert.Contains(errors, e => e.Contains(".needsConsent: expected boolean"));
            Assert.Contains(errors, e => e.Contains("'printing' is not one of"));
        }

        [Fact]
        public void Html_EscapesHostilePurposesAndNames()
        {
            var html = ReportWriters.ToString(ReportFixtures.Small(Hostile, Hostile), ReportFormat.Html);
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("alert(\"x\")", html);
            Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;", html);

            // Nothing in the page but the writer's own markup: every tag is one the writer emits.
            var tags = System.Text.RegularExpressions.Regex.Matches(html, "</?([a-zA-Z0-9]+)").Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().OrderBy(t => t).ToList();
            Assert.Equal(new[] { "a", "body", "br", "code", "h1", "h2", "h3", "head", "html", "li", "meta", "p", "span", "strong", "style", "table", "td", "th", "title", "tr", "ul" }, tags);
        }

        [Fact]
        public void Html_IsSelfContained()
        {
            var html = ReportWriters.ToString(ReportFixtures.Small(), ReportFormat.Html);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("<link", html);
            Assert.DoesNotContain("src=", html);
            Assert.DoesNotContain("url(", html);
        }

        [Fact]
        public void Markdown_EscapesHostilePurposesInTablesAndChart()
        {
            var markdown = ReportWriters.ToString(ReportFixtures.Small(Hostile, Hostile), ReportFormat.Markdown);
            Assert.DoesNotContain("<script>", markdown);
            Assert.Contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'quotes' \\| \\`tick\\` \\#1", markdown);
            Assert.Contains("[\"#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt; #amp; 'quotes' | #96;tick#96; #35;1\"]", markdown);
        }

        [Fact]
        public void Sarif_IsVersion210WithRulesAndRelativeLocations()
        {
            var sarif = JsonDocument.Parse(ReportWriters.ToString(ReportFixtures.Small(), ReportFormat.Sarif)).RootElement;
            Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
            var run = sarif.GetProperty("runs").EnumerateArray().Single();
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(new[] { "PII001", "PII002", "PII008" }, rules);
            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(new[] { "warning", "error", "note" }, results.Select(r => r.GetProperty("level").GetString()));
            foreach (var result in results)
            {
                Assert.Equal(rules[result.GetProperty("ruleIndex").GetInt32()], result.GetProperty("ruleId").GetString());
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
                Assert.False(Path.IsPathRooted(location.GetProperty("artifactLocation").GetProperty("uri").GetString()));
                Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            }
        }

        [Fact]
        public void HostileFileNames_AreTextInEveryFormat()
        {
            const string file = "Chat/<b>\"Chat\"</b> 'x' | `y` #1.cs";
            var report = ReportFixtures.Changed(chatFile: file);
            var markdown = ReportWriters.ToString(report, ReportFormat.Markdown);
            Assert.Contains("| Visitor.Email | logging | LogInformation | Chat/&lt;b&gt;\"Chat\"&lt;/b&gt; 'x' \\| \\`y\\` \\#1.cs:58 | **unguarded** |", markdown);
            Assert.Contains("**Chat/&lt;b&gt;\"Chat\"&lt;/b&gt; 'x' \\| \\`y\\` \\#1.cs**", markdown);
            Assert.DoesNotContain("<b>", markdown);
            var html = ReportWriters.ToString(report, ReportFormat.Html);
            Assert.Contains("<td>Chat/&lt;b&gt;&quot;Chat&quot;&lt;/b&gt; &#39;x&#39; | `y` #1.cs</td>", html);
            Assert.DoesNotContain("<b>", html);
            var json = JsonDocument.Parse(ReportWriters.ToString(report, ReportFormat.Json)).RootElement;
            Assert.Equal(file, json.GetProperty("changes").GetProperty("flows").GetProperty("added")[1].GetProperty("location").GetProperty("path").GetString());
            var sarif = JsonDocument.Parse(ReportWriters.ToString(report, ReportFormat.Sarif)).RootElement;
            Assert.Equal(
                "Chat/%3Cb%3E%22Chat%22%3C/b%3E%20%27x%27%20%7C%20%60y%60%20%231.cs",
                sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        }

        [Fact]
        public void RepeatedFindings_AreOneRowWithTheCountAndEveryPlace()
        {
            const string Logged = "'Account.UserName' (personal data, no declared purpose) is written to a log by 'LogWarning'; redact it or leave it out";
            const string Other = "'Account.Email' (personal data, no declared purpose) is written to a log by 'LogWarning'; redact it or leave it out";
            var small = ReportFixtures.Small();
            var findings = new[]
            {
                Finding(Logged, "Auth/Login.cs", 40, 9),
                Finding(Other, "Auth/Login.cs", 20, 9),
                Finding(Logged, "Auth/Login.cs", 12, 9),
                Finding(Logged, "Auth/Reset.cs", 7, 13),
            };
            var report = new PiiReport.Model.PrivacyReport(small.Subject, small.Projects, small.Inventory, small.Flows, findings, small.Gaps);

            var markdown = ReportWriters.ToString(report, ReportFormat.Markdown);
            Assert.Contains(
                "### PII001: Personal data is written to a log\n\n"
                + "- 3 times (warning): " + MarkdownWriter.Text(Logged) + " — at Auth/Login.cs:12:9, Auth/Login.cs:40:9, Auth/Reset.cs:7:13\n\n"
                + "**Auth/Login.cs**\n\n- line 20, column 9 (warning): " + MarkdownWriter.Text(Other) + "\n\n",
                markdown);
            Assert.Contains("| [PII001](https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md) | Personal data is written to a log | 4 |", markdown);

            var html = ReportWriters.ToString(report, ReportFormat.Html);
            Assert.Contains("<td>3 places</td>", html);
            Assert.Contains("Auth/Login.cs:12:9, Auth/Login.cs:40:9, Auth/Reset.cs:7:13", html);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Account.UserName"));
        }

        private static PiiReport.Model.FindingEntry Finding(string message, string path, int line, int column)
            => new PiiReport.Model.FindingEntry("PII001", "Personal data is written to a log", "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md",
                PiiReport.Model.FindingSeverity.Warning, message, new PiiReport.Model.SourceLocation(path, line, column));
    }
}
