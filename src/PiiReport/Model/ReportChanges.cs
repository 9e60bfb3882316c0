using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PiiReport.Model
{
    /// <summary>Personal data declared in both reports whose declaration changed.</summary>
    internal sealed class DataChange
    {
        public DataChange(DataEntry before, DataEntry after)
        {
            Before = before;
            After = after;
        }

        public DataEntry Before { get; }

        public DataEntry After { get; }
    }

    /// <summary>
    /// What a report says differently from a baseline report (<c>--baseline</c>): personal data added, removed or
    /// declared differently, flows into sinks added and removed, findings new and fixed. Removed and fixed entries
    /// carry the baseline's locations. Built by <see cref="Analysis.ReportDiff"/>.
    /// </summary>
    internal sealed class ReportChanges
    {
        public ReportChanges(string baseline, IEnumerable<DataEntry> dataAdded, IEnumerable<DataEntry> dataRemoved, IEnumerable<DataChange> dataChanged,
            IEnumerable<FlowEntry> flowsAdded, IEnumerable<FlowEntry> flowsRemoved, IEnumerable<FindingEntry> findingsNew, IEnumerable<FindingEntry> findingsFixed, IEnumerable<FindingEntry> findingsUnchanged)
        {
            Baseline = baseline;
            DataAdded = dataAdded.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Location).ToList();
            DataRemoved = dataRemoved.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Location).ToList();
            DataChanged = dataChanged.OrderBy(d => d.After.Name, StringComparer.Ordinal).ThenBy(d => d.After.Location).ToList();
            FlowsAdded = SortFlows(flowsAdded);
            FlowsRemoved = SortFlows(flowsRemoved);
            FindingsNew = SortFindings(findingsNew);
            FindingsFixed = SortFindings(findingsFixed);
            FindingsUnchanged = SortFindings(findingsUnchanged);
        }

        /// <summary>The baseline file, as given on the command line.</summary>
        public string Baseline { get; }

        public IReadOnlyList<DataEntry> DataAdded { get; }

        public IReadOnlyList<DataEntry> DataRemoved { get; }

        public IReadOnlyList<DataChange> DataChanged { get; }

        public IReadOnlyList<FlowEntry> FlowsAdded { get; }

        public IReadOnlyList<FlowEntry> FlowsRemoved { get; }

        public IReadOnlyList<FindingEntry> FindingsNew { get; }

        public IReadOnlyList<FindingEntry> FindingsFixed { get; }

        /// <summary>The current findings the baseline has too (for SARIF's <c>baselineState</c>).</summary>
        public IReadOnlyList<FindingEntry> FindingsUnchanged { get; }

        public bool IsEmpty => DataAdded.Count + DataRemoved.Count + DataChanged.Count + FlowsAdded.Count + FlowsRemoved.Count + FindingsNew.Count + FindingsFixed.Count == 0;

        /// <summary>"No change to personal-data processing"; "+2 personal data, +3 flows (1 unguarded), +1 finding, −2 fixed".</summary>
        public string Summary()
        {
            if (IsEmpty)
            {
                return NoChange;
            }

            var parts = new List<string>();
            void Add(int count, string text)
            {
                if (count > 0)
                {
                    parts.Add(text);
                }
            }

            var unguarded = FlowsAdded.Count(f => f.Consent == ConsentState.Unguarded);
            Add(DataAdded.Count, "+" + N(DataAdded.Count) + " personal data");
            Add(DataRemoved.Count, Minus + N(DataRemoved.Count) + " personal data");
            Add(DataChanged.Count, N(DataChanged.Count) + " personal data declared differently");
            Add(FlowsAdded.Count, "+" + N(FlowsAdded.Count) + (FlowsAdded.Count == 1 ? " flow" : " flows") + (unguarded > 0 ? " (" + N(unguarded) + " unguarded)" : string.Empty));
            Add(FlowsRemoved.Count, Minus + N(FlowsRemoved.Count) + (FlowsRemoved.Count == 1 ? " flow" : " flows"));
            Add(FindingsNew.Count, "+" + N(FindingsNew.Count) + (FindingsNew.Count == 1 ? " finding" : " findings"));
            Add(FindingsFixed.Count, Minus + N(FindingsFixed.Count) + " fixed");
            return string.Join(", ", parts);
        }

        /// <summary>What an empty diff says.</summary>
        public const string NoChange = "No change to personal-data processing";

        /// <summary>U+2212, the minus sign.</summary>
        public const string Minus = "\u2212";

        /// <summary>What changed in a declaration: <c>purposes support → support, marketing; retention none → 30 days (member)</c>.</summary>
        public static string Describe(DataChange change)
        {
            var parts = new List<string>();
            void Compare(string what, string before, string after)
            {
                if (!string.Equals(before, after, StringComparison.Ordinal))
                {
                    parts.Add(what + " " + before + " \u2192 " + after);
                }
            }

            Compare("type", change.Before.Type, change.After.Type);
            Compare("category", change.Before.Category, change.After.Category);
            Compare("purposes", Purposes(change.Before.Purposes), Purposes(change.After.Purposes));
            Compare("basis", change.Before.LawfulBasis, change.After.LawfulBasis);
            Compare("retention", Retention(change.Before), Retention(change.After));
            return string.Join("; ", parts);
        }

        private static string Purposes(IReadOnlyList<string> purposes) => purposes.Count == 0 ? "none declared" : string.Join(", ", purposes);

        private static string Retention(DataEntry data)
            => data.RetentionSource is null ? "none"
                : (data.RetentionDays is { } days ? days.ToString(CultureInfo.InvariantCulture) + " days" : "no days set") + " (" + data.RetentionSource + ")";

        private static string N(int count) => count.ToString(CultureInfo.InvariantCulture);

        private static IReadOnlyList<FlowEntry> SortFlows(IEnumerable<FlowEntry> flows)
            => flows.OrderBy(f => f.Data, StringComparer.Ordinal).ThenBy(f => f.Location).ThenBy(f => f.Kind).ThenBy(f => f.Sink, StringComparer.Ordinal).ToList();

        private static IReadOnlyList<FindingEntry> SortFindings(IEnumerable<FindingEntry> findings)
            => findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Location).ThenBy(f => f.Message, StringComparer.Ordinal).ToList();
    }
}
