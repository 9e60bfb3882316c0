using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PiiReport.Model;

namespace PiiReport.Writers
{
    /// <summary>
    /// GitHub/GitLab-flavoured Markdown, for pull requests: tables, and a Mermaid flowchart of data → purpose → sink
    /// kinds. Every value is escaped for Markdown tables (and for Mermaid labels in the chart).
    /// </summary>
    internal static class MarkdownWriter
    {
        public static void Write(PrivacyReport report, TextWriter output)
        {
            var md = new StringBuilder();
            md.Append("# Privacy report: ").Append(Text(report.Subject)).Append('\n').Append('\n');
            if (report.Changes is { } changes)
            {
                // A pull-request comment: the change first, the whole report folded away.
                WriteChanges(changes, md);
                md.Append("<details>\n<summary>The whole report</summary>\n\n");
            }

            md.Append("Record of processing activities (GDPR Art. 30) and PiiAnalyzers findings for ")
                .Append(string.Join(", ", report.Projects.Select(Text))).Append(".\n\n");
            md.Append("| Personal data | Flows into sinks | Unguarded flows | Findings | Gaps |\n|---|---|---|---|---|\n");
            var gaps = report.Gaps.WithoutRetention.Count + report.Gaps.UndeclaredPurposes.Count + report.Gaps.UnusedConsentChecks.Count + report.Gaps.WithoutBasis.Count;
            md.Append("| ").Append(report.Inventory.Count).Append(" | ").Append(report.Flows.Count).Append(" | ")
                .Append(report.Flows.Count(f => f.Consent == ConsentState.Unguarded)).Append(" | ").Append(report.Findings.Count)
                .Append(" | ").Append(gaps).Append(" |\n\n");

            WriteInventory(report, md);
            WriteMap(report, md);
            WriteFindings(report, md);
            WriteGaps(report, md);
            if (report.Changes is not null)
            {
                md.Append("\n</details>\n");
            }

            output.Write(md.ToString());
        }

        private static void WriteChanges(ReportChanges changes, StringBuilder md)
        {
            md.Append("## Changes\n\n**").Append(Text(changes.Summary())).Append("**\n\n");
            md.Append("Compared with ").Append(Code(changes.Baseline)).Append(".\n\n");
            if (changes.DataAdded.Count + changes.DataRemoved.Count + changes.DataChanged.Count > 0)
            {
                md.Append("### Personal data\n\n| Change | Data | Category | Purposes | Lawful basis | Retention | Declared at |\n|---|---|---|---|---|---|---|\n");
                foreach (var data in changes.DataAdded)
                {
                    DataRow(md, "added", data);
                }

                foreach (var data in changes.DataRemoved)
                {
                    DataRow(md, "removed", data);
                }

                foreach (var change in changes.DataChanged)
                {
                    DataRow(md, "changed", change.After, change.Before);
                }

                md.Append('\n');
            }

            if (changes.FlowsAdded.Count + changes.FlowsRemoved.Count > 0)
            {
                md.Append("### Flows into sinks\n\n| Change | Data | Sink kind | Sink | In | Where | Consent |\n|---|---|---|---|---|---|---|\n");
                foreach (var (label, flow) in changes.FlowsAdded.Select(f => ("added", f)).Concat(changes.FlowsRemoved.Select(f => ("removed", f))))
                {
                    md.Append("| ").Append(label).Append(" | ").Append(Text(flow.Data)).Append(" | ").Append(Labels.Of(flow.Kind)).Append(" | ").Append(Text(flow.Sink))
                        .Append(" | ").Append(Text(flow.Member)).Append(" | ").Append(Text(Labels.Location(flow.Location))).Append(" | ")
                        .Append(flow.Consent == ConsentState.Unguarded ? "**unguarded**" : Labels.Of(flow.Consent)).Append(" |\n");
                }

                md.Append('\n');
            }

            if (changes.FindingsNew.Count + changes.FindingsFixed.Count > 0)
            {
                md.Append("### Findings\n\n| Change | Rule | Severity | Message | In | Where |\n|---|---|---|---|---|---|\n");
                foreach (var (label, finding) in changes.FindingsNew.Select(f => ("new", f)).Concat(changes.FindingsFixed.Select(f => ("fixed", f))))
                {
                    md.Append("| ").Append(label).Append(" | ").Append(RuleLink(finding)).Append(" | ").Append(Labels.Of(finding.Severity)).Append(" | ").Append(Text(finding.Message))
                        .Append(" | ").Append(Text(finding.Member)).Append(" | ").Append(Text(Labels.Location(finding.Location))).Append(" |\n");
                }

                md.Append('\n');
            }
        }

        /// <summary>A row of personal data; for a changed declaration, each changed value as "before → after".</summary>
        private static void DataRow(StringBuilder md, string label, DataEntry data, DataEntry? before = null)
        {
            string Cell(Func<DataEntry, string> value) => Text(before is null || value(before) == value(data) ? value(data) : value(before) + " \u2192 " + value(data));
            md.Append("| ").Append(label).Append(" | ").Append(Text(data.Name)).Append(" (").Append(Text(data.MemberKind)).Append(") | ").Append(Cell(d => d.Category))
                .Append(" | ").Append(Cell(d => Labels.Purposes(d.Purposes))).Append(" | ").Append(Cell(d => d.LawfulBasis)).Append(" | ").Append(Cell(Labels.Retention))
                .Append(" | ").Append(Text(Labels.Location(data.Location))).Append(" |\n");
        }

        private static void WriteInventory(PrivacyReport report, StringBuilder md)
        {
            md.Append("## Inventory\n\n");
            if (report.Inventory.Count == 0)
            {
                md.Append("No personal data is declared.\n\n");
                return;
            }

            md.Append("| Data | Type | Category | Purposes | Lawful basis | Retention | Found by | Declared at |\n|---|---|---|---|---|---|---|---|\n");
            foreach (var data in report.Inventory)
            {
                md.Append("| ").Append(Text(data.Name)).Append(" (").Append(Text(data.MemberKind)).Append(") | ").Append(Code(data.Type))
                    .Append(" | ").Append(Text(data.Category)).Append(" | ").Append(Text(Labels.Purposes(data.Purposes)))
                    .Append(" | ").Append(Text(data.LawfulBasis)).Append(" | ").Append(Text(Labels.Retention(data)))
                    .Append(" | ").Append(Text(Labels.Of(data.DiscoveredBy))).Append(" | ").Append(Text(Labels.Location(data.Location))).Append(" |\n");
            }

            md.Append('\n');
        }

        private static void WriteMap(PrivacyReport report, StringBuilder md)
        {
            md.Append("## Processing map\n\n");
            if (report.Flows.Count == 0)
            {
                md.Append("No personal data reaches a sink.\n\n");
                return;
            }

            WriteChart(report, md);
            foreach (var purpose in report.MapPurposes())
            {
                md.Append("### Purpose: ").Append(Text(purpose)).Append("\n\n");
                md.Append("| Data | Sink kind | Sink | Where | Consent |\n|---|---|---|---|---|\n");
                foreach (var flow in report.FlowsFor(purpose))
                {
                    md.Append("| ").Append(Text(flow.Data)).Append(" | ").Append(Labels.Of(flow.Kind)).Append(" | ").Append(Text(flow.Sink))
                        .Append(" | ").Append(Text(Labels.Location(flow.Location))).Append(" | ")
                        .Append(flow.Consent == ConsentState.Unguarded ? "**unguarded**" : Labels.Of(flow.Consent)).Append(" |\n");
                }

                md.Append('\n');
            }
        }

        /// <summary>A Mermaid flowchart: each datum to the purposes it was collected for, each purpose to the sink kinds its data reaches.</summary>
        private static void WriteChart(PrivacyReport report, StringBuilder md)
        {
            var data = report.Flows.Select(f => f.Data).Distinct(StringComparer.Ordinal).ToList();
            var purposes = report.MapPurposes().ToList();
            var kinds = report.Flows.Select(f => f.Kind).Distinct().OrderBy(k => k).ToList();
            md.Append("```mermaid\nflowchart LR\n");
            for (var i = 0; i < data.Count; i++)
            {
                md.Append("  d").Append(i).Append("[\"").Append(Mermaid(data[i])).Append("\"]\n");
            }

            for (var i = 0; i < purposes.Count; i++)
            {
                md.Append("  p").Append(i).Append("([\"").Append(Mermaid(purposes[i])).Append("\"])\n");
            }

            foreach (var kind in kinds)
            {
                md.Append("  k").Append(Labels.Of(kind)).Append("[[\"").Append(Labels.Of(kind)).Append("\"]]\n");
            }

            var edges = new List<string>();
            foreach (var flow in report.Flows)
            {
                foreach (var purpose in PrivacyReport.PurposesOf(flow))
                {
                    var p = purposes.FindIndex(x => string.Equals(x, purpose, StringComparison.OrdinalIgnoreCase));
                    edges.Add("  d" + data.IndexOf(flow.Data).ToString(CultureInfo.InvariantCulture) + " --> p" + p.ToString(CultureInfo.InvariantCulture));
                }
            }

            for (var p = 0; p < purposes.Count; p++)
            {
                var flows = report.FlowsFor(purposes[p]);
                foreach (var kind in kinds)
                {
                    var count = flows.Count(f => f.Kind == kind);
                    if (count == 0)
                    {
                        continue;
                    }

                    var unguarded = flows.Count(f => f.Kind == kind && f.Consent == ConsentState.Unguarded);
                    var label = count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " flow" : " flows")
                        + (unguarded > 0 ? ", " + unguarded.ToString(CultureInfo.InvariantCulture) + " unguarded" : string.Empty);
                    edges.Add("  p" + p.ToString(CultureInfo.InvariantCulture) + " -->|\"" + label + "\"| k" + Labels.Of(kind));
                }
            }

            foreach (var edge in edges.Distinct(StringComparer.Ordinal))
            {
                md.Append(edge).Append('\n');
            }

            md.Append("```\n\n");
        }

        private static void WriteFindings(PrivacyReport report, StringBuilder md)
        {
            md.Append("## Findings\n\n");
            md.Append(report.Findings.Count).Append(report.Findings.Count == 1 ? " finding" : " findings").Append(": ")
                .Append(report.Count(FindingSeverity.Error)).Append(" errors, ").Append(report.Count(FindingSeverity.Warning)).Append(" warnings, ")
                .Append(report.Count(FindingSeverity.Info)).Append(" info.\n\n");
            if (report.Findings.Count == 0)
            {
                return;
            }

            md.Append("| Rule | Title | Count |\n|---|---|---|\n");
            foreach (var rule in report.Findings.GroupBy(f => f.RuleId))
            {
                md.Append("| ").Append(RuleLink(rule.First())).Append(" | ").Append(Text(rule.First().Title)).Append(" | ").Append(rule.Count()).Append(" |\n");
            }

            md.Append('\n');
            foreach (var rule in report.Findings.GroupBy(f => f.RuleId))
            {
                md.Append("### ").Append(Text(rule.Key)).Append(": ").Append(Text(rule.First().Title)).Append("\n\n");

                // The same data reaching the same sink (the same message) in several places is one decision: one row.
                var repeated = Labels.Repeated(rule);
                foreach (var group in repeated)
                {
                    md.Append("- ").Append(group.Count).Append(" times (").Append(Labels.Of(group[0].Severity)).Append("): ").Append(Text(group[0].Message))
                        .Append(" — at ").Append(string.Join(", ", group.Select(f => Text(Labels.Place(f.Location))))).Append('\n');
                }

                if (repeated.Count > 0)
                {
                    md.Append('\n');
                }

                foreach (var file in rule.Where(f => !Labels.IsRepeated(repeated, f)).GroupBy(f => f.Location.Path))
                {
                    md.Append("**").Append(Text(file.Key.Length == 0 ? "(no source)" : file.Key)).Append("**\n\n");
                    foreach (var finding in file)
                    {
                        md.Append("- line ").Append(finding.Location.Line).Append(", column ").Append(finding.Location.Column).Append(" (")
                            .Append(Labels.Of(finding.Severity)).Append("): ").Append(Text(finding.Message)).Append('\n');
                    }

                    md.Append('\n');
                }
            }
        }

        private static void WriteGaps(PrivacyReport report, StringBuilder md)
        {
            var gaps = report.Gaps;
            md.Append("## Gaps\n\n");
            md.Append("### Data with no retention policy\n\n");
            if (gaps.WithoutRetention.Count == 0)
            {
                md.Append("None.\n\n");
            }
            else
            {
                foreach (var name in gaps.WithoutRetention)
                {
                    md.Append("- ").Append(Text(name)).Append('\n');
                }

                md.Append('\n');
            }

            md.Append("### Data with no declared lawful basis\n\n");
            if (gaps.WithoutBasis.Count == 0)
            {
                md.Append("None.\n\n");
            }
            else
            {
                foreach (var name in gaps.WithoutBasis)
                {
                    md.Append("- ").Append(Text(name)).Append('\n');
                }

                md.Append('\n');
            }

            md.Append("### Purposes used in code that no data declares\n\n");
            if (gaps.UndeclaredPurposes.Count == 0)
            {
                md.Append("None.\n\n");
            }
            else
            {
                foreach (var use in gaps.UndeclaredPurposes)
                {
                    md.Append("- ").Append(Text(use.Purpose)).Append(": ").Append(Text(use.UsedBy)).Append(", ").Append(Text(Labels.Location(use.Location))).Append('\n');
                }

                md.Append('\n');
            }

            md.Append("### Consent checks never used\n\n");
            if (gaps.UnusedConsentChecks.Count == 0)
            {
                md.Append("None.\n");
                return;
            }
            else
            {
                foreach (var check in gaps.UnusedConsentChecks)
                {
                    md.Append("- ").Append(Text(check.Name)).Append(" (").Append(Text(check.Purpose is null ? "every purpose" : "purpose " + check.Purpose))
                        .Append("), ").Append(Text(Labels.Location(check.Location))).Append('\n');
                }
            }
        }

        private static string RuleLink(FindingEntry finding)
            => finding.HelpUri is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && (parsed.Scheme == "https" || parsed.Scheme == "http")
                ? "[" + Text(finding.RuleId) + "](" + parsed.AbsoluteUri.Replace(")", "%29").Replace(" ", "%20") + ")"
                : Text(finding.RuleId);

        /// <summary>Text safe in a Markdown table cell or list item: no markup, no HTML, one line.</summary>
        public static string Text(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '&': text.Append("&amp;"); break;
                    case '<': text.Append("&lt;"); break;
                    case '>': text.Append("&gt;"); break;
                    case '|': text.Append("\\|"); break;
                    case '\\': case '`': case '*': case '_': case '[': case ']': case '#': text.Append('\\').Append(c); break;
                    case '\r': case '\n': text.Append(' '); break;
                    default: text.Append(c); break;
                }
            }

            return text.ToString();
        }

        private static string Code(string value) => value.Length == 0 ? string.Empty : "`" + value.Replace("`", "'").Replace("|", "\\|") + "`";

        /// <summary>A Mermaid label between double quotes: quotes, angle brackets and '#' as Mermaid entity codes.</summary>
        public static string Mermaid(string value)
        {
            var text = new StringBuilder(value.Length);
            foreach (var c in value)
            {
                switch (c)
                {
                    case '#': text.Append("#35;"); break;
                    case '"': text.Append("#quot;"); break;
                    case '<': text.Append("#lt;"); break;
                    case '>': text.Append("#gt;"); break;
                    case '&': text.Append("#amp;"); break;
                    case '`': text.Append("#96;"); break;
                    case '\r': case '\n': text.Append(' '); break;
                    default: text.Append(c); break;
                }
            }

            return text.ToString();
        }
    }
}
