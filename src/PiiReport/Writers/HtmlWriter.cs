using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using PiiReport.Model;

namespace PiiReport.Writers
{
    /// <summary>
    /// One self-contained HTML page (inline CSS, no script, no external asset) for a browser. The data → purpose → sink
    /// kinds diagram is drawn as a table. Every value from the code goes through <see cref="E"/>.
    /// </summary>
    internal static class HtmlWriter
    {
        private const string Style =
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}"
            + "table{border-collapse:collapse;margin:0 0 1.5rem;width:100%}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}"
            + "th{background:#f6f8fa}code{font-family:ui-monospace,monospace}.unguarded{color:#cf222e;font-weight:600}.guarded{color:#1a7f37}"
            + ".arrow{text-align:center;color:#57606a}.warning{color:#9a6700}.error{color:#cf222e}"
            + ".added,.new{color:#1a7f37;font-weight:600}.removed,.fixed{color:#57606a;font-weight:600}.changed{color:#9a6700;font-weight:600}.summary{font-size:1.2rem}";

        public static void Write(PrivacyReport report, TextWriter output)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Privacy report: ").Append(E(report.Subject)).Append("</title>\n");
            html.Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
            html.Append("<h1>Privacy report: ").Append(E(report.Subject)).Append("</h1>\n");
            if (report.Changes is { } changes)
            {
                WriteChanges(changes, html);
            }

            html.Append("<p>Record of processing activities (GDPR Art. 30) and PiiAnalyzers findings for ")
                .Append(string.Join(", ", report.Projects.Select(E))).Append(".</p>\n");

            html.Append("<h2 id=\"inventory\">Inventory</h2>\n");
            if (report.Inventory.Count == 0)
            {
                html.Append("<p>No personal data is declared.</p>\n");
            }
            else
            {
                html.Append("<table>\n<tr><th>Data</th><th>Kind</th><th>Type</th><th>Category</th><th>Purposes</th><th>Lawful basis</th><th>Retention</th><th>Found by</th><th>Declared at</th></tr>\n");
                foreach (var data in report.Inventory)
                {
                    Row(html, E(data.Name), E(data.MemberKind), "<code>" + E(data.Type) + "</code>", E(data.Category), E(Labels.Purposes(data.Purposes)),
                        E(data.LawfulBasis), E(Labels.Retention(data)), E(Labels.Of(data.DiscoveredBy)), E(Labels.Location(data.Location)));
                }

                html.Append("</table>\n");
            }

            html.Append("<h2 id=\"map\">Processing map</h2>\n");
            if (report.Flows.Count == 0)
            {
                html.Append("<p>No personal data reaches a sink.</p>\n");
            }
            else
            {
                html.Append("<table class=\"diagram\">\n<tr><th>Data</th><th></th><th>Purpose</th><th></th><th>Sink kinds</th></tr>\n");
                foreach (var purpose in report.MapPurposes())
                {
                    var flows = report.FlowsFor(purpose);
                    var data = string.Join("<br>", flows.Select(f => f.Data).Distinct().Select(E));
                    var kinds = string.Join("<br>", flows.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g =>
                    {
                        var unguarded = g.Count(f => f.Consent == ConsentState.Unguarded);
                        return E(Labels.Of(g.Key)) + " (" + g.Count().ToString(CultureInfo.InvariantCulture) + (unguarded > 0 ? ", <span class=\"unguarded\">" + unguarded.ToString(CultureInfo.InvariantCulture) + " unguarded</span>" : string.Empty) + ")";
                    }));
                    Row(html, data, "<span class=\"arrow\">&rarr;</span>", "<strong>" + E(purpose) + "</strong>", "<span class=\"arrow\">&rarr;</span>", kinds);
                }

                html.Append("</table>\n");
                foreach (var purpose in report.MapPurposes())
                {
                    html.Append("<h3>Purpose: ").Append(E(purpose)).Append("</h3>\n<table>\n<tr><th>Data</th><th>Sink kind</th><th>Sink</th><th>Where</th><th>Consent</th></tr>\n");
                    foreach (var flow in report.FlowsFor(purpose))
                    {
                        var consent = "<span class=\"" + (flow.Consent == ConsentState.NotRequired ? "not-required" : E(Labels.Of(flow.Consent))) + "\">" + E(Labels.Of(flow.Consent)) + "</span>";
                        Row(html, E(flow.Data), E(Labels.Of(flow.Kind)), E(flow.Sink), E(Labels.Location(flow.Location)), consent);
                    }

                    html.Append("</table>\n");
                }
            }

            html.Append("<h2 id=\"findings\">Findings</h2>\n<p>")
                .Append(report.Findings.Count).Append(report.Findings.Count == 1 ? " finding" : " findings").Append(": ")
                .Append(report.Count(FindingSeverity.Error)).Append(" errors, ").Append(report.Count(FindingSeverity.Warning)).Append(" warnings, ")
                .Append(report.Count(FindingSeverity.Info)).Append(" info.</p>\n");
            foreach (var rule in report.Findings.GroupBy(f => f.RuleId))
            {
                var first = rule.First();
                html.Append("<h3>");
                if (first.HelpUri is { } uri && (uri.StartsWith("https://", System.StringComparison.Ordinal) || uri.StartsWith("http://", System.StringComparison.Ordinal)))
                {
                    html.Append("<a href=\"").Append(E(uri)).Append("\">").Append(E(rule.Key)).Append("</a>");
                }
                else
                {
                    html.Append(E(rule.Key));
                }

                html.Append(": ").Append(E(first.Title)).Append(" (").Append(rule.Count()).Append(")</h3>\n");
                html.Append("<table>\n<tr><th>File</th><th>Line</th><th>Column</th><th>Severity</th><th>Message</th></tr>\n");
                var repeated = Labels.Repeated(rule);
                foreach (var group in repeated)
                {
                    // The same data reaching the same sink in several places: one row, every place listed.
                    Row(html, E(group.Count.ToString(CultureInfo.InvariantCulture) + " places"), string.Empty, string.Empty,
                        "<span class=\"" + E(Labels.Of(group[0].Severity)) + "\">" + E(Labels.Of(group[0].Severity)) + "</span>",
                        E(group[0].Message) + "<br>" + string.Join(", ", group.Select(f => E(Labels.Place(f.Location)))));
                }

                foreach (var finding in rule.Where(f => !Labels.IsRepeated(repeated, f)).OrderBy(f => f.Location))
                {
                    Row(html, E(finding.Location.Path), finding.Location.Line.ToString(CultureInfo.InvariantCulture), finding.Location.Column.ToString(CultureInfo.InvariantCulture),
                        "<span class=\"" + E(Labels.Of(finding.Severity)) + "\">" + E(Labels.Of(finding.Severity)) + "</span>", E(finding.Message));
                }

                html.Append("</table>\n");
            }

            var gaps = report.Gaps;
            html.Append("<h2 id=\"gaps\">Gaps</h2>\n<h3>Data with no retention policy</h3>\n");
            List(html, gaps.WithoutRetention.Select(E).ToList());
            html.Append("<h3>Data with no declared lawful basis</h3>\n");
            List(html, gaps.WithoutBasis.Select(E).ToList());
            html.Append("<h3>Purposes used in code that no data declares</h3>\n");
            List(html, gaps.UndeclaredPurposes.Select(u => "<strong>" + E(u.Purpose) + "</strong>: " + E(u.UsedBy) + ", " + E(Labels.Location(u.Location))).ToList());
            html.Append("<h3>Consent checks never used</h3>\n");
            List(html, gaps.UnusedConsentChecks.Select(c => E(c.Name) + " (" + E(c.Purpose is null ? "every purpose" : "purpose " + c.Purpose) + "), " + E(Labels.Location(c.Location))).ToList());
            html.Append("</body>\n</html>\n");
            output.Write(html.ToString());
        }

        private static void WriteChanges(ReportChanges changes, StringBuilder html)
        {
            html.Append("<h2 id=\"changes\">Changes</h2>\n<p class=\"summary\"><strong>").Append(E(changes.Summary())).Append("</strong></p>\n");
            html.Append("<p>Compared with <code>").Append(E(changes.Baseline)).Append("</code>.</p>\n");
            if (changes.DataAdded.Count + changes.DataRemoved.Count + changes.DataChanged.Count > 0)
            {
                html.Append("<h3>Personal data</h3>\n<table>\n<tr><th>Change</th><th>Data</th><th>Category</th><th>Purposes</th><th>Lawful basis</th><th>Retention</th><th>Declared at</th></tr>\n");
                foreach (var (label, data) in changes.DataAdded.Select(d => ("added", d)).Concat(changes.DataRemoved.Select(d => ("removed", d))))
                {
                    Row(html, Change(label), E(data.Name) + " (" + E(data.MemberKind) + ")", E(data.Category), E(Labels.Purposes(data.Purposes)), E(data.LawfulBasis),
                        E(Labels.Retention(data)), E(Labels.Location(data.Location)));
                }

                foreach (var change in changes.DataChanged)
                {
                    string Cell(System.Func<DataEntry, string> value) => E(value(change.Before) == value(change.After) ? value(change.After) : value(change.Before) + " \u2192 " + value(change.After));
                    Row(html, Change("changed"), E(change.After.Name) + " (" + E(change.After.MemberKind) + ")", Cell(d => d.Category), Cell(d => Labels.Purposes(d.Purposes)),
                        Cell(d => d.LawfulBasis), Cell(Labels.Retention), E(Labels.Location(change.After.Location)));
                }

                html.Append("</table>\n");
            }

            if (changes.FlowsAdded.Count + changes.FlowsRemoved.Count > 0)
            {
                html.Append("<h3>Flows into sinks</h3>\n<table>\n<tr><th>Change</th><th>Data</th><th>Sink kind</th><th>Sink</th><th>In</th><th>Where</th><th>Consent</th></tr>\n");
                foreach (var (label, flow) in changes.FlowsAdded.Select(f => ("added", f)).Concat(changes.FlowsRemoved.Select(f => ("removed", f))))
                {
                    var consent = "<span class=\"" + (flow.Consent == ConsentState.NotRequired ? "not-required" : E(Labels.Of(flow.Consent))) + "\">" + E(Labels.Of(flow.Consent)) + "</span>";
                    Row(html, Change(label), E(flow.Data), E(Labels.Of(flow.Kind)), E(flow.Sink), E(flow.Member), E(Labels.Location(flow.Location)), consent);
                }

                html.Append("</table>\n");
            }

            if (changes.FindingsNew.Count + changes.FindingsFixed.Count > 0)
            {
                html.Append("<h3>Findings</h3>\n<table>\n<tr><th>Change</th><th>Rule</th><th>Severity</th><th>Message</th><th>In</th><th>Where</th></tr>\n");
                foreach (var (label, finding) in changes.FindingsNew.Select(f => ("new", f)).Concat(changes.FindingsFixed.Select(f => ("fixed", f))))
                {
                    Row(html, Change(label), E(finding.RuleId), "<span class=\"" + E(Labels.Of(finding.Severity)) + "\">" + E(Labels.Of(finding.Severity)) + "</span>",
                        E(finding.Message), E(finding.Member), E(Labels.Location(finding.Location)));
                }

                html.Append("</table>\n");
            }
        }

        private static string Change(string label) => "<span class=\"" + label + "\">" + label + "</span>";

        /// <summary>HTML-escapes text for element content and double-quoted attributes.</summary>
        public static string E(string value) => WebUtility.HtmlEncode(value);

        private static void Row(StringBuilder html, params string[] cells)
        {
            html.Append("<tr>");
            foreach (var cell in cells)
            {
                html.Append("<td>").Append(cell).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        private static void List(StringBuilder html, System.Collections.Generic.List<string> items)
        {
            if (items.Count == 0)
            {
                html.Append("<p>None.</p>\n");
                return;
            }

            html.Append("<ul>\n");
            foreach (var item in items)
            {
                html.Append("<li>").Append(item).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }
    }
}
