using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using PiiReport.Model;

namespace PiiReport.Analysis
{
    /// <summary>
    /// Compares a report with a baseline report. Entries are matched by what they are, never by where they are: personal
    /// data by name; a flow by data, sink kind, sink, consent state and the member whose code writes it; a finding by
    /// rule, message (which names the data and the sink) and the member it is in. Moving lines, reordering members or
    /// renaming a file leaves every key unchanged. Several entries with the same key are paired in source order.
    /// </summary>
    internal static class ReportDiff
    {
        /// <summary>The SARIF <c>partialFingerprints</c> key of <see cref="Fingerprints"/>.</summary>
        public const string FingerprintKey = "piiReport/v1";

        public static ReportChanges Compare(PrivacyReport baseline, PrivacyReport current, string baselineName)
        {
            var (dataAdded, dataRemoved, dataKept) = Match(baseline.Inventory, current.Inventory, DataKey, d => d.Location);
            var changed = dataKept.Select(p => new DataChange(p.Before, p.After)).Where(c => ReportChanges.Describe(c).Length > 0);
            var (flowsAdded, flowsRemoved, _) = Match(baseline.Flows, current.Flows, FlowKey, f => f.Location);
            var (findingsNew, findingsFixed, findingsKept) = Match(baseline.Findings, current.Findings, FindingKey, f => f.Location);
            return new ReportChanges(baselineName, dataAdded, dataRemoved, changed, flowsAdded, flowsRemoved, findingsNew, findingsFixed, findingsKept.Select(p => p.After));
        }

        /// <summary>
        /// A fingerprint per finding, the same for the same finding in another revision of the code as long as the
        /// finding matches (rule, message, member and its rank among equal findings), whatever its line.
        /// </summary>
        public static IReadOnlyDictionary<FindingEntry, string> Fingerprints(IEnumerable<FindingEntry> findings)
        {
            var fingerprints = new Dictionary<FindingEntry, string>();
            foreach (var group in findings.GroupBy(FindingKey, StringComparer.Ordinal))
            {
                var rank = 0;
                foreach (var finding in group.OrderBy(f => f.Location))
                {
                    using var sha = SHA256.Create();
                    var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(group.Key + "\u0000" + rank++));
                    fingerprints[finding] = string.Concat(hash.Take(16).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            return fingerprints;
        }

        public static string DataKey(DataEntry data) => data.Name + "\u0000" + data.MemberKind;

        public static string FlowKey(FlowEntry flow) => string.Join("\u0000", flow.Data, flow.Kind.ToString(), flow.Sink, flow.Consent.ToString(), flow.Member);

        public static string FindingKey(FindingEntry finding) => string.Join("\u0000", finding.RuleId, finding.Message, finding.Member);

        private static (List<T> Added, List<T> Removed, List<(T Before, T After)> Kept) Match<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, Func<T, SourceLocation> location)
        {
            var added = new List<T>();
            var removed = new List<T>();
            var kept = new List<(T, T)>();
            var old = before.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(location).ToList(), StringComparer.Ordinal);
            var now = after.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(location).ToList(), StringComparer.Ordinal);
            foreach (var pair in now)
            {
                var matched = old.TryGetValue(pair.Key, out var earlier) ? earlier : new List<T>();
                for (var i = 0; i < pair.Value.Count; i++)
                {
                    if (i < matched.Count)
                    {
                        kept.Add((matched[i], pair.Value[i]));
                    }
                    else
                    {
                        added.Add(pair.Value[i]);
                    }
                }
            }

            foreach (var pair in old)
            {
                var count = now.TryGetValue(pair.Key, out var later) ? later.Count : 0;
                removed.AddRange(pair.Value.Skip(count));
            }

            return (added, removed, kept);
        }
    }
}
