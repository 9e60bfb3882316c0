using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PiiReport.Model;

namespace PiiReport.Writers
{
    /// <summary>The report as JSON, following docs/report.schema.json (<see cref="SchemaVersion"/>).</summary>
    internal static class JsonReportWriter
    {
        public const string SchemaVersion = "1.0";

        public static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Valid JSON either way; readable quotes in messages. Consumers must not paste it into HTML unescaped.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static void Write(PrivacyReport report, TextWriter output)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, Options))
            {
                json.WriteStartObject();
                json.WriteString("schemaVersion", SchemaVersion);
                json.WriteString("subject", report.Subject);
                if (report.Changes is { } changes)
                {
                    Changes(json, changes);
                }

                json.WriteStartArray("projects");
                foreach (var project in report.Projects)
                {
                    json.WriteStringValue(project);
                }

                json.WriteEndArray();

                json.WriteStartArray("inventory");
                foreach (var data in report.Inventory)
                {
                    Data(json, data);
                }

                json.WriteEndArray();

                json.WriteStartArray("processingMap");
                foreach (var purpose in report.MapPurposes())
                {
                    json.WriteStartObject();
                    json.WriteString("purpose", purpose);
                    json.WriteStartArray("flows");
                    foreach (var flow in report.FlowsFor(purpose))
                    {
                        json.WriteStartObject();
                        json.WriteString("data", flow.Data);
                        json.WriteString("sinkKind", Labels.Of(flow.Kind));
                        json.WriteString("sink", flow.Sink);
                        json.WriteString("consent", Labels.Json(flow.Consent));
                        json.WriteString("member", flow.Member);
                        Location(json, flow.Location);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();

                json.WriteStartObject("findings");
                json.WriteStartObject("totals");
                json.WriteNumber("all", report.Findings.Count);
                json.WriteNumber("error", report.Count(FindingSeverity.Error));
                json.WriteNumber("warning", report.Count(FindingSeverity.Warning));
                json.WriteNumber("info", report.Count(FindingSeverity.Info));
                json.WriteEndObject();
                json.WriteStartArray("rules");
                foreach (var rule in report.Findings.GroupBy(f => f.RuleId))
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Key);
                    json.WriteString("title", rule.First().Title);
                    if (rule.First().HelpUri is { } uri)
                    {
                        json.WriteString("helpUri", uri);
                    }
                    else
                    {
                        json.WriteNull("helpUri");
                    }

                    json.WriteNumber("count", rule.Count());
                    json.WriteStartArray("files");
                    foreach (var file in rule.GroupBy(f => f.Location.Path))
                    {
                        json.WriteStartObject();
                        json.WriteString("path", file.Key);
                        json.WriteStartArray("results");
                        foreach (var finding in file)
                        {
                            json.WriteStartObject();
                            json.WriteString("severity", Labels.Of(finding.Severity));
                            json.WriteString("message", finding.Message);
                            json.WriteNumber("line", finding.Location.Line);
                            json.WriteNumber("column", finding.Location.Column);
                            json.WriteString("member", finding.Member);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();

                json.WriteStartObject("gaps");
                Strings(json, "withoutRetention", report.Gaps.WithoutRetention);
                Strings(json, "withoutBasis", report.Gaps.WithoutBasis);
                json.WriteStartArray("undeclaredPurposes");
                foreach (var use in report.Gaps.UndeclaredPurposes)
                {
                    json.WriteStartObject();
                    json.WriteString("purpose", use.Purpose);
                    json.WriteString("usedBy", use.UsedBy);
                    Location(json, use.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("unusedConsentChecks");
                foreach (var check in report.Gaps.UnusedConsentChecks)
                {
                    json.WriteStartObject();
                    json.WriteString("name", check.Name);
                    if (check.Purpose is { } purpose)
                    {
                        json.WriteString("purpose", purpose);
                    }
                    else
                    {
                        json.WriteNull("purpose");
                    }

                    Location(json, check.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            output.Write(Encoding.UTF8.GetString(stream.ToArray()));
            output.Write('\n');
        }

        private static void Data(Utf8JsonWriter json, DataEntry data)
        {
            json.WriteStartObject();
            json.WriteString("name", data.Name);
            json.WriteString("project", data.Project);
            json.WriteString("memberKind", data.MemberKind);
            json.WriteString("type", data.Type);
            json.WriteString("category", data.Category);
            Strings(json, "purposes", data.Purposes);
            json.WriteString("lawfulBasis", data.LawfulBasis);
            json.WriteBoolean("needsConsent", data.NeedsConsent);
            json.WriteStartObject("retention");
            if (data.RetentionDays is { } days)
            {
                json.WriteNumber("days", days);
            }
            else
            {
                json.WriteNull("days");
            }

            if (data.RetentionSource is { } source)
            {
                json.WriteString("source", source);
            }
            else
            {
                json.WriteNull("source");
            }

            if (data.RetentionPeriod.Setting is { } setting)
            {
                json.WriteString("setting", setting);
            }

            if (data.RetentionPeriod.UntilErasure)
            {
                json.WriteBoolean("untilErasure", true);
            }

            if (data.RetentionPeriod.EnforcedBy is { } enforcedBy)
            {
                json.WriteString("enforcedBy", enforcedBy);
            }

            json.WriteEndObject();
            json.WriteString("discoveredBy", Labels.Json(data.DiscoveredBy));
            Location(json, data.Location);
            json.WriteEndObject();
        }

        private static void Changes(Utf8JsonWriter json, ReportChanges changes)
        {
            json.WriteStartObject("changes");
            json.WriteString("baseline", changes.Baseline);
            json.WriteString("summary", changes.Summary());
            json.WriteStartObject("personalData");
            json.WriteStartArray("added");
            foreach (var data in changes.DataAdded)
            {
                Data(json, data);
            }

            json.WriteEndArray();
            json.WriteStartArray("removed");
            foreach (var data in changes.DataRemoved)
            {
                Data(json, data);
            }

            json.WriteEndArray();
            json.WriteStartArray("changed");
            foreach (var change in changes.DataChanged)
            {
                json.WriteStartObject();
                json.WriteString("name", change.After.Name);
                json.WriteString("description", ReportChanges.Describe(change));
                json.WritePropertyName("before");
                Data(json, change.Before);
                json.WritePropertyName("after");
                Data(json, change.After);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("flows");
            foreach (var (name, flows) in new[] { ("added", changes.FlowsAdded), ("removed", changes.FlowsRemoved) })
            {
                json.WriteStartArray(name);
                foreach (var flow in flows)
                {
                    json.WriteStartObject();
                    json.WriteString("data", flow.Data);
                    Strings(json, "purposes", flow.Purposes);
                    json.WriteString("sinkKind", Labels.Of(flow.Kind));
                    json.WriteString("sink", flow.Sink);
                    json.WriteString("consent", Labels.Json(flow.Consent));
                    json.WriteString("member", flow.Member);
                    Location(json, flow.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteStartObject("findings");
            foreach (var (name, findings) in new[] { ("new", changes.FindingsNew), ("fixed", changes.FindingsFixed) })
            {
                json.WriteStartArray(name);
                foreach (var finding in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.RuleId);
                    json.WriteString("severity", Labels.Of(finding.Severity));
                    json.WriteString("message", finding.Message);
                    json.WriteString("member", finding.Member);
                    Location(json, finding.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static void Strings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        private static void Location(Utf8JsonWriter json, SourceLocation location)
        {
            json.WriteStartObject("location");
            json.WriteString("path", location.Path);
            json.WriteNumber("line", location.Line);
            json.WriteNumber("column", location.Column);
            json.WriteEndObject();
        }
    }
}
