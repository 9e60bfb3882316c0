using System;
using System.Collections.Generic;
using System.Linq;

namespace PiiReport.Model
{
    /// <summary>
    /// What a privacy report says, independent of how it is written: the inventory of personal data (the record of
    /// processing activities, GDPR Art. 30), the flows of that data into sinks, the analyzers' findings and the gaps.
    /// Every list is sorted, and every path is relative to the report's base directory with '/' separators, so the same
    /// code gives the same report byte for byte.
    /// </summary>
    internal sealed class PrivacyReport
    {
        public PrivacyReport(string subject, IEnumerable<string> projects, IEnumerable<DataEntry> inventory, IEnumerable<FlowEntry> flows, IEnumerable<FindingEntry> findings, ReportGaps gaps, ReportChanges? changes = null)
        {
            Changes = changes;
            Subject = subject;
            Projects = projects.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
            Inventory = inventory.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.Project, StringComparer.Ordinal).ThenBy(d => d.Location).ToList();
            Flows = flows.OrderBy(f => f.Data, StringComparer.Ordinal).ThenBy(f => f.Location).ThenBy(f => f.Kind).ThenBy(f => f.Sink, StringComparer.Ordinal).ToList();
            Findings = findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Location).ThenBy(f => f.Message, StringComparer.Ordinal).ToList();
            Gaps = gaps;
        }

        /// <summary>The file the report is about, relative to the base directory: <c>ChatMarketplace.csproj</c>.</summary>
        public string Subject { get; }

        public IReadOnlyList<string> Projects { get; }

        public IReadOnlyList<DataEntry> Inventory { get; }

        public IReadOnlyList<FlowEntry> Flows { get; }

        public IReadOnlyList<FindingEntry> Findings { get; }

        public ReportGaps Gaps { get; }

        /// <summary>What changed since a baseline report (<c>--baseline</c>); null without one.</summary>
        public ReportChanges? Changes { get; }

        /// <summary>The same report with <paramref name="changes"/>.</summary>
        public PrivacyReport WithChanges(ReportChanges changes) => new PrivacyReport(Subject, Projects, Inventory, Flows, Findings, Gaps, changes);

        /// <summary>Every purpose flows are filed under, sorted; data with no declared purpose is filed under <see cref="NoPurpose"/>.</summary>
        public IReadOnlyList<string> MapPurposes()
            => Flows.SelectMany(PurposesOf).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p == NoPurpose ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal).ToList();

        /// <summary>The flows of data collected for <paramref name="purpose"/>.</summary>
        public IReadOnlyList<FlowEntry> FlowsFor(string purpose)
            => Flows.Where(f => PurposesOf(f).Contains(purpose, StringComparer.OrdinalIgnoreCase)).ToList();

        /// <summary>
        /// The purposes a flow is filed under: those of the audit log it serves, else the data's declared purposes, or
        /// <see cref="NoPurpose"/>.
        /// </summary>
        public static IReadOnlyList<string> PurposesOf(FlowEntry flow)
            => flow.ServedPurposes.Count != 0 ? flow.ServedPurposes : flow.Purposes.Count == 0 ? new[] { NoPurpose } : flow.Purposes;

        /// <summary>Where flows of data with no declared purpose are filed.</summary>
        public const string NoPurpose = "(no declared purpose)";

        public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);
    }

    /// <summary>A place in a source file; the path is relative to the report's base directory.</summary>
    internal sealed class SourceLocation : IComparable<SourceLocation>
    {
        public SourceLocation(string path, int line, int column)
        {
            Path = path;
            Line = line;
            Column = column;
        }

        public string Path { get; }

        /// <summary>1-based.</summary>
        public int Line { get; }

        /// <summary>1-based.</summary>
        public int Column { get; }

        public int CompareTo(SourceLocation? other)
        {
            if (other is null)
            {
                return 1;
            }

            var path = string.CompareOrdinal(Path, other.Path);
            return path != 0 ? path : Line != other.Line ? Line.CompareTo(other.Line) : Column.CompareTo(other.Column);
        }

        /// <summary><c>Chat/ChatService.cs:46</c>.</summary>
        public override string ToString() => Path + ":" + Line;
    }

    /// <summary>How a member came to be counted as personal data.</summary>
    internal enum DiscoveredBy
    {
        /// <summary><c>[PersonalData]</c> from PiiAttributes (on the member, a member it overrides or implements, or a record parameter), or <c>[PersonalDataMember]</c> naming it.</summary>
        Attribute,

        /// <summary>ASP.NET Core Identity's <c>[PersonalData]</c>/<c>[ProtectedPersonalData]</c> or a Microsoft.Extensions.Compliance classification.</summary>
        Marker,

        /// <summary>The member's name, where <c>pii_analyzers.infer_from_names = true</c>.</summary>
        NameInference,
    }

    /// <summary>One piece of personal data in the inventory.</summary>
    internal sealed class DataEntry
    {
        public DataEntry(string project, string name, string memberKind, string type, string category, IReadOnlyList<string> purposes, string lawfulBasis, bool needsConsent, int? retentionDays, string? retentionSource, DiscoveredBy discoveredBy, SourceLocation location, RetentionPeriod? retentionPeriod = null)
        {
            RetentionPeriod = retentionPeriod ?? RetentionPeriod.None;
            Project = project;
            Name = name;
            MemberKind = memberKind;
            Type = type;
            Category = category;
            Purposes = purposes;
            LawfulBasis = lawfulBasis;
            NeedsConsent = needsConsent;
            RetentionDays = retentionDays;
            RetentionSource = retentionSource;
            DiscoveredBy = discoveredBy;
            Location = location;
        }

        public string Project { get; }

        /// <summary><c>Visitor.Email</c>, <c>SurveyArchive.Store(email)</c> for a parameter, <c>Visitor.Describe()</c> for a return value.</summary>
        public string Name { get; }

        /// <summary><c>property</c>, <c>field</c>, <c>parameter</c> or <c>return value</c>.</summary>
        public string MemberKind { get; }

        /// <summary>The C# type, as the compiler prints it: <c>string</c>, <c>DateTime?</c>.</summary>
        public string Type { get; }

        /// <summary>The <c>PersonalDataCategory</c> name: <c>Contact</c>, <c>Special</c>.</summary>
        public string Category { get; }

        public IReadOnlyList<string> Purposes { get; }

        /// <summary>The <c>LawfulBasis</c> name (<c>Consent</c>, <c>Contract</c>), or <c>not declared</c>.</summary>
        public string LawfulBasis { get; }

        /// <summary>Processing needs consent: the basis is consent or the category is special (Art. 9).</summary>
        public bool NeedsConsent { get; }

        /// <summary>The days of the <c>[RetentionPolicy]</c> that applies, or null when none applies or it sets no days.</summary>
        public int? RetentionDays { get; }

        /// <summary>Where the retention policy is declared (<c>member</c>, <c>type Visitor</c>, <c>assembly</c>), or null when none applies.</summary>
        public string? RetentionSource { get; }

        /// <summary>What the retention policy that applies states besides days: a setting, what enforces it, until erasure.</summary>
        public RetentionPeriod RetentionPeriod { get; }

        public DiscoveredBy DiscoveredBy { get; }

        public SourceLocation Location { get; }
    }

    /// <summary>What a <c>[RetentionPolicy]</c> states besides a number of days.</summary>
    internal sealed class RetentionPeriod
    {
        public static readonly RetentionPeriod None = new RetentionPeriod(null, null, false);

        public RetentionPeriod(string? setting, string? enforcedBy, bool untilErasure)
        {
            Setting = setting;
            EnforcedBy = enforcedBy;
            UntilErasure = untilErasure;
        }

        /// <summary>The configuration value that holds the period (<c>VisitorRetentionDays</c>), or null.</summary>
        public string? Setting { get; }

        /// <summary>The type that erases the data (<c>PurgeJob</c>), or null.</summary>
        public string? EnforcedBy { get; }

        /// <summary>The data is kept until the account is deleted or the person asks for erasure.</summary>
        public bool UntilErasure { get; }
    }

    /// <summary>The kinds of sink personal data can reach; the names match <c>PiiAttributes.SinkKind</c>.</summary>
    internal enum FlowKind
    {
        Logging,
        Serialization,
        Persistence,
        Transfer,
    }

    /// <summary>Whether a flow into a sink is guarded by a consent check.</summary>
    internal enum ConsentState
    {
        /// <summary>The data needs consent and a check for one of its purposes holds on every path to the sink.</summary>
        Guarded,

        /// <summary>The data needs consent and no check for its purposes holds at the sink.</summary>
        Unguarded,

        /// <summary>The data's lawful basis is not consent (and it is not a special category).</summary>
        NotRequired,
    }

    /// <summary>Personal data reaching a sink.</summary>
    internal sealed class FlowEntry
    {
        public FlowEntry(string data, IReadOnlyList<string> purposes, FlowKind kind, string sink, SourceLocation location, ConsentState consent, string member = "", IReadOnlyList<string>? servedPurposes = null)
        {
            Member = member;
            ServedPurposes = servedPurposes ?? Array.Empty<string>();
            Data = data;
            Purposes = purposes;
            Kind = kind;
            Sink = sink;
            Location = location;
            Consent = consent;
        }

        /// <summary>The inventory name of the data.</summary>
        public string Data { get; }

        /// <summary>The purposes the data was collected for (empty when none is declared).</summary>
        public IReadOnlyList<string> Purposes { get; }

        public FlowKind Kind { get; }

        /// <summary>The call that writes the data: <c>LogInformation</c>, <c>Audit (through LogInformation)</c>.</summary>
        public string Sink { get; }

        public SourceLocation Location { get; }

        public ConsentState Consent { get; }

        /// <summary>The member whose code writes the data: <c>ChatService.StartAsync</c>; empty when unknown.</summary>
        public string Member { get; }

        /// <summary>
        /// The purposes of the audit log the data was written to, when it may hold the data (PII001 does not report it):
        /// the flow is filed under them. Empty for every other flow.
        /// </summary>
        public IReadOnlyList<string> ServedPurposes { get; }
    }

    internal enum FindingSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>One diagnostic of a PII rule.</summary>
    internal sealed class FindingEntry
    {
        public FindingEntry(string ruleId, string title, string? helpUri, FindingSeverity severity, string message, SourceLocation location, string member = "")
        {
            Member = member;
            RuleId = ruleId;
            Title = title;
            HelpUri = helpUri;
            Severity = severity;
            Message = message;
            Location = location;
        }

        public string RuleId { get; }

        public string Title { get; }

        public string? HelpUri { get; }

        public FindingSeverity Severity { get; }

        public string Message { get; }

        public SourceLocation Location { get; }

        /// <summary>The member (or type) the finding is in: <c>ChatService.StartAsync</c>; empty when unknown.</summary>
        public string Member { get; }
    }

    /// <summary>A purpose named in code (<c>[ProcessingPurpose]</c>, <c>[ConsentCheck]</c>, <c>[RequiresConsent]</c>).</summary>
    internal sealed class PurposeUse
    {
        public PurposeUse(string purpose, string usedBy, SourceLocation location)
        {
            Purpose = purpose;
            UsedBy = usedBy;
            Location = location;
        }

        public string Purpose { get; }

        /// <summary><c>[ProcessingPurpose] on Newsletter</c>.</summary>
        public string UsedBy { get; }

        public SourceLocation Location { get; }
    }

    /// <summary>A <c>[ConsentCheck]</c> method or property.</summary>
    internal sealed class ConsentCheckEntry
    {
        public ConsentCheckEntry(string name, string? purpose, SourceLocation location)
        {
            Name = name;
            Purpose = purpose;
            Location = location;
        }

        /// <summary><c>ConsentService.HasMarketingConsent</c>.</summary>
        public string Name { get; }

        /// <summary>The purpose it checks, or null for every purpose.</summary>
        public string? Purpose { get; }

        public SourceLocation Location { get; }
    }

    /// <summary>What the record of processing lacks.</summary>
    internal sealed class ReportGaps
    {
        public ReportGaps(IEnumerable<string> withoutRetention, IEnumerable<PurposeUse> undeclaredPurposes, IEnumerable<ConsentCheckEntry> unusedConsentChecks, IEnumerable<string>? withoutBasis = null)
        {
            WithoutBasis = (withoutBasis ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            WithoutRetention = withoutRetention.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            UndeclaredPurposes = undeclaredPurposes.OrderBy(p => p.Purpose, StringComparer.Ordinal).ThenBy(p => p.Location).ThenBy(p => p.UsedBy, StringComparer.Ordinal).ToList();
            UnusedConsentChecks = unusedConsentChecks.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Location).ToList();
        }

        /// <summary>Inventory names of data no retention policy applies to (on the member, its type or the assembly).</summary>
        public IReadOnlyList<string> WithoutRetention { get; }

        /// <summary>
        /// Inventory names of data with no declared lawful basis: marked only by the framework (Identity, compliance
        /// classifications) or only inferred from its name. The consent rules do not apply to it until one is declared.
        /// </summary>
        public IReadOnlyList<string> WithoutBasis { get; }

        /// <summary>Purposes named in code that no personal data declares.</summary>
        public IReadOnlyList<PurposeUse> UndeclaredPurposes { get; }

        /// <summary>Consent checks no code calls or reads.</summary>
        public IReadOnlyList<ConsentCheckEntry> UnusedConsentChecks { get; }
    }
}
