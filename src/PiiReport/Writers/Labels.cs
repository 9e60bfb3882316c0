using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PiiReport.Model;

namespace PiiReport.Writers
{
    /// <summary>The words every writer uses for the model's values, so the formats agree.</summary>
    internal static class Labels
    {
        public static string Of(FlowKind kind) => kind switch
        {
            FlowKind.Logging => "logging",
            FlowKind.Serialization => "serialization",
            FlowKind.Persistence => "persistence",
            _ => "transfer",
        };

        public static string Of(ConsentState consent) => consent switch
        {
            ConsentState.Guarded => "guarded",
            ConsentState.Unguarded => "unguarded",
            _ => "not required",
        };

        /// <summary>The JSON value: <c>notRequired</c>.</summary>
        public static string Json(ConsentState consent) => consent == ConsentState.NotRequired ? "notRequired" : Of(consent);

        public static string Of(DiscoveredBy discoveredBy) => discoveredBy switch
        {
            DiscoveredBy.Attribute => "attribute",
            DiscoveredBy.Marker => "marker",
            _ => "name inference",
        };

        /// <summary>The JSON value: <c>nameInference</c>.</summary>
        public static string Json(DiscoveredBy discoveredBy) => discoveredBy == DiscoveredBy.NameInference ? "nameInference" : Of(discoveredBy);

        public static string Of(FindingSeverity severity) => severity switch
        {
            FindingSeverity.Error => "error",
            FindingSeverity.Warning => "warning",
            _ => "info",
        };

        /// <summary>
        /// <c>365 days (type Visitor)</c>, <c>setting VisitorRetentionDays, enforced by PurgeJob (type Visit)</c>,
        /// <c>until erasure (assembly)</c>, <c>none</c>.
        /// </summary>
        public static string Retention(DataEntry data)
        {
            if (data.RetentionSource is null)
            {
                return "none";
            }

            var period = data.RetentionPeriod;
            var stated = new List<string>();
            if (data.RetentionDays is { } d)
            {
                stated.Add(d.ToString(CultureInfo.InvariantCulture) + " days");
            }

            if (period.Setting is { } setting)
            {
                stated.Add("setting " + setting);
            }

            if (period.UntilErasure)
            {
                stated.Add("until erasure");
            }

            if (stated.Count == 0)
            {
                stated.Add("no period set");
            }

            if (period.EnforcedBy is { } enforcedBy)
            {
                stated.Add("enforced by " + enforcedBy);
            }

            return string.Join(", ", stated) + " (" + data.RetentionSource + ")";
        }

        /// <summary>
        /// The findings of one rule that share a message (the same data reaching the same sink) in more than one place,
        /// each group in location order, the groups in order of their first location.
        /// </summary>
        public static List<List<FindingEntry>> Repeated(IEnumerable<FindingEntry> findings)
        {
            var groups = new List<List<FindingEntry>>();
            foreach (var group in findings.OrderBy(f => f.Location).GroupBy(f => (f.Message, f.Severity)))
            {
                var list = group.ToList();
                if (list.Count > 1)
                {
                    groups.Add(list);
                }
            }

            return groups;
        }

        /// <summary>True when <paramref name="finding"/> is in one of <paramref name="repeated"/>.</summary>
        public static bool IsRepeated(List<List<FindingEntry>> repeated, FindingEntry finding)
            => repeated.Any(group => group.Contains(finding));

        /// <summary><c>Chat/ChatService.cs:46:36</c>.</summary>
        public static string Place(SourceLocation location)
            => location.Path.Length == 0 ? "(no source)" : location.Path + ":" + location.Line.ToString(CultureInfo.InvariantCulture) + ":" + location.Column.ToString(CultureInfo.InvariantCulture);

        public static string Purposes(IReadOnlyList<string> purposes) => purposes.Count == 0 ? "none declared" : string.Join(", ", purposes);

        public static string Location(SourceLocation location)
            => location.Path.Length == 0 ? "(no source)" : location.Path + ":" + location.Line.ToString(CultureInfo.InvariantCulture);
    }
}
