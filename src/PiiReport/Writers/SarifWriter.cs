using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PiiReport.Model;

namespace PiiReport.Writers
{
    /// <summary>
    /// The findings as a SARIF 2.1.0 log for code-scanning upload: one run, its rules from the findings' descriptors,
    /// one result per finding, with paths relative to <c>%SRCROOT%</c> (the directory of the analyzed file).
    /// </summary>
    internal static class SarifWriter
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static void Write(PrivacyReport report, TextWriter output)
        {
            var changes = report.Changes;
            var absent = changes?.FindingsFixed ?? System.Array.Empty<FindingEntry>();
            var rules = report.Findings.Concat(absent).GroupBy(f => f.RuleId).Select(g => g.First()).OrderBy(r => r.RuleId, System.StringComparer.Ordinal).ToList();
            var fingerprints = Analysis.ReportDiff.Fingerprints(report.Findings);
            var absentFingerprints = Analysis.ReportDiff.Fingerprints(absent);
            var unchanged = new System.Collections.Generic.HashSet<FindingEntry>(changes?.FindingsUnchanged ?? System.Array.Empty<FindingEntry>());
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, JsonReportWriter.Options))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();

                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "pii-report");
                json.WriteString("informationUri", "https://github.com/piianalyzers/piianalyzers/blob/main/docs/report.md");
                json.WriteString("semanticVersion", "0.1.0");
                json.WriteStartArray("rules");
                foreach (var rule in rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.RuleId);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", rule.Title);
                    json.WriteEndObject();
                    if (rule.HelpUri is { } uri)
                    {
                        json.WriteString("helpUri", uri);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartArray("results");
                foreach (var (finding, state) in report.Findings.Select(f => (f, changes is null ? null : unchanged.Contains(f) ? "unchanged" : "new"))
                    .Concat(absent.Select(f => (f, (string?)"absent"))))
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    json.WriteNumber("ruleIndex", rules.FindIndex(r => r.RuleId == finding.RuleId));
                    json.WriteString("level", finding.Severity switch
                    {
                        FindingSeverity.Error => "error",
                        FindingSeverity.Warning => "warning",
                        _ => "note",
                    });
                    json.WriteStartObject("message");
                    json.WriteString("text", finding.Message);
                    json.WriteEndObject();
                    if (finding.Location.Path.Length > 0)
                    {
                        json.WriteStartArray("locations");
                        json.WriteStartObject();
                        json.WriteStartObject("physicalLocation");
                        json.WriteStartObject("artifactLocation");
                        json.WriteString("uri", UriPath(finding.Location.Path));
                        json.WriteString("uriBaseId", "%SRCROOT%");
                        json.WriteEndObject();
                        json.WriteStartObject("region");
                        json.WriteNumber("startLine", finding.Location.Line);
                        json.WriteNumber("startColumn", finding.Location.Column);
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndObject();
                        json.WriteEndArray();
                    }

                    // Stable under line moves: GitHub code scanning and other viewers match results across commits by it.
                    json.WriteStartObject("partialFingerprints");
                    json.WriteString(Analysis.ReportDiff.FingerprintKey, state == "absent" ? absentFingerprints[finding] : fingerprints[finding]);
                    json.WriteEndObject();
                    if (state is not null)
                    {
                        json.WriteString("baselineState", state);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("columnKind", "utf16CodeUnits");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.Write(Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
        }

        /// <summary>A relative path as a URI reference: each segment percent-encoded, '/' kept.</summary>
        private static string UriPath(string path)
            => string.Join("/", path.Split('/').Select(System.Uri.EscapeDataString));
    }
}
