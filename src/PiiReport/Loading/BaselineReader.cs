using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PiiReport.Model;

namespace PiiReport.Loading
{
    /// <summary>Reads a JSON report written by <c>pii-report --format json</c> back into the model, for <c>--baseline</c>.</summary>
    internal static class BaselineReader
    {
        public static PrivacyReport Read(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ReportException("cannot read the baseline " + path + ": " + e.Message);
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                return Read(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ReportException("the baseline " + path + " is not a pii-report JSON report (write it with --format json): " + ProjectLoader.OneLine(e.Message));
            }
        }

        private static PrivacyReport Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schemaVersion", out var version) || version.GetString() != Writers.JsonReportWriter.SchemaVersion)
            {
                throw new FormatException("no schemaVersion \"" + Writers.JsonReportWriter.SchemaVersion + "\"");
            }

            var inventory = root.GetProperty("inventory").EnumerateArray().Select(d =>
            {
                var retention = d.GetProperty("retention");
                return new DataEntry(
                    S(d, "project"),
                    S(d, "name"),
                    S(d, "memberKind"),
                    S(d, "type"),
                    S(d, "category"),
                    d.GetProperty("purposes").EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToArray(),
                    S(d, "lawfulBasis"),
                    d.GetProperty("needsConsent").GetBoolean(),
                    retention.GetProperty("days").ValueKind == JsonValueKind.Number ? retention.GetProperty("days").GetInt32() : null,
                    retention.GetProperty("source").ValueKind == JsonValueKind.String ? retention.GetProperty("source").GetString() : null,
                    S(d, "discoveredBy") switch { "marker" => DiscoveredBy.Marker, "nameInference" => DiscoveredBy.NameInference, _ => DiscoveredBy.Attribute },
                    Location(d));
            }).ToList();

            // A flow is listed under each purpose of its data: one entry per flow, with every purpose it was listed under.
            var flows = new Dictionary<string, (JsonElement Flow, List<string> Purposes)>(StringComparer.Ordinal);
            foreach (var purpose in root.GetProperty("processingMap").EnumerateArray())
            {
                var name = S(purpose, "purpose");
                foreach (var flow in purpose.GetProperty("flows").EnumerateArray())
                {
                    var location = Location(flow);
                    var key = string.Join("\u0000", S(flow, "data"), S(flow, "sinkKind"), S(flow, "sink"), S(flow, "consent"), S(flow, "member"), location.Path, location.Line, location.Column);
                    if (!flows.TryGetValue(key, out var known))
                    {
                        known = (flow, new List<string>());
                        flows.Add(key, known);
                    }

                    if (name != PrivacyReport.NoPurpose)
                    {
                        known.Purposes.Add(name);
                    }
                }
            }

            var findings = new List<FindingEntry>();
            foreach (var rule in root.GetProperty("findings").GetProperty("rules").EnumerateArray())
            {
                var helpUri = rule.GetProperty("helpUri").ValueKind == JsonValueKind.String ? rule.GetProperty("helpUri").GetString() : null;
                foreach (var file in rule.GetProperty("files").EnumerateArray())
                {
                    foreach (var result in file.GetProperty("results").EnumerateArray())
                    {
                        findings.Add(new FindingEntry(
                            S(rule, "id"),
                            S(rule, "title"),
                            helpUri,
                            S(result, "severity") switch { "error" => FindingSeverity.Error, "warning" => FindingSeverity.Warning, _ => FindingSeverity.Info },
                            S(result, "message"),
                            new SourceLocation(S(file, "path"), result.GetProperty("line").GetInt32(), result.GetProperty("column").GetInt32()),
                            S(result, "member")));
                    }
                }
            }

            return new PrivacyReport(
                S(root, "subject"),
                root.GetProperty("projects").EnumerateArray().Select(p => p.GetString() ?? string.Empty),
                inventory,
                flows.Values.Select(f => new FlowEntry(
                    S(f.Flow, "data"),
                    f.Purposes,
                    S(f.Flow, "sinkKind") switch { "logging" => FlowKind.Logging, "serialization" => FlowKind.Serialization, "persistence" => FlowKind.Persistence, _ => FlowKind.Transfer },
                    S(f.Flow, "sink"),
                    Location(f.Flow),
                    S(f.Flow, "consent") switch { "guarded" => ConsentState.Guarded, "unguarded" => ConsentState.Unguarded, _ => ConsentState.NotRequired },
                    S(f.Flow, "member"))),
                findings,
                new ReportGaps(Array.Empty<string>(), Array.Empty<PurposeUse>(), Array.Empty<ConsentCheckEntry>()));
        }

        private static string S(JsonElement element, string name) => element.GetProperty(name).GetString() ?? string.Empty;

        private static SourceLocation Location(JsonElement element)
        {
            var location = element.GetProperty("location");
            return new SourceLocation(S(location, "path"), location.GetProperty("line").GetInt32(), location.GetProperty("column").GetInt32());
        }
    }
}
