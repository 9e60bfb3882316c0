using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers
{
    /// <summary>Every diagnostic PiiAnalyzers reports, in one place.</summary>
    internal static class Descriptors
    {
        public const string Category = "Privacy";
        public const string HelpLinkBase = "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/";

        /// <summary>
        /// The custom tags every rule carries (declared before the descriptors, which read it as they are created):
        /// code-scanning dashboards show them as the SARIF rule's <c>tags</c>, after which come the rule's own (the sink
        /// kind, <c>consent</c>, <c>retention</c>, ...).
        /// </summary>
        public static readonly string[] CommonTags = { "privacy", "gdpr" };

        /// <summary>PII001: personal data is written to a log.</summary>
        public static readonly DiagnosticDescriptor PersonalDataLogged = Create(
            "PII001",
            "Personal data is written to a log",
            "{0} {2} written to a log by {1}; redact it or leave it out",
            DiagnosticSeverity.Warning,
            "Logs are copied, shipped and kept far beyond any purpose the data was collected for, whatever its lawful basis or consent. Personal data must be redacted (a [Redactor] method such as Redaction.Mask) or left out of log messages, traces, console output and exception messages.",
            "logging");

        /// <summary>PII002: personal data is serialized without a consent check.</summary>
        public static readonly DiagnosticDescriptor SerializedWithoutConsent = Create(
            "PII002",
            "Personal data is serialized without a consent check",
            "{0} {3} serialized by {1} without a consent check; {2}",
            DiagnosticSeverity.Warning,
            "Personal data collected under consent may only be serialized for output after a consent check for its purpose.",
            "serialization", "consent");

        /// <summary>PII003: personal data is persisted without a consent check.</summary>
        public static readonly DiagnosticDescriptor PersistedWithoutConsent = Create(
            "PII003",
            "Personal data is persisted without a consent check",
            "{0} {3} persisted by {1} without a consent check; {2}",
            DiagnosticSeverity.Warning,
            "Personal data collected under consent may only be stored after a consent check for its purpose.",
            "persistence", "consent");

        /// <summary>PII004: personal data is persisted without a retention policy.</summary>
        public static readonly DiagnosticDescriptor PersistedWithoutRetention = Create(
            "PII004",
            "Personal data is persisted without a retention policy",
            "{0} {3} persisted by {1} but no retention policy applies; add [RetentionPolicy(Days = ...)] to {2}",
            DiagnosticSeverity.Warning,
            "Storage limitation (GDPR Art. 5(1)(e)) applies to all stored personal data: declare how long it is kept with [RetentionPolicy].",
            "persistence", "retention");

        /// <summary>PII005: personal data is sent to an external service without a consent check.</summary>
        public static readonly DiagnosticDescriptor TransferredWithoutConsent = Create(
            "PII005",
            "Personal data is sent to an external service without a consent check",
            "{0} {3} sent to an external service by {1} without a consent check; {2}",
            DiagnosticSeverity.Warning,
            "Personal data collected under consent may only be sent to another system after a consent check for its purpose.",
            "transfer", "consent");

        /// <summary>PII006: personal data is used for a purpose it was not collected for.</summary>
        public static readonly DiagnosticDescriptor PurposeMismatch = Create(
            "PII006",
            "Personal data is used for a purpose it was not collected for",
            "{0} is used for purpose '{1}' but was collected for {2}",
            DiagnosticSeverity.Warning,
            "Purpose limitation (GDPR Art. 5(1)(b)): personal data collected for one purpose may not be processed for another without a new lawful basis.",
            "purpose-limitation");

        /// <summary>PII007: personal data declaration is incomplete or invalid.</summary>
        public static readonly DiagnosticDescriptor InvalidDeclaration = Create(
            "PII007",
            "Personal data declaration is incomplete or invalid",
            "{0} on '{1}': {2}",
            DiagnosticSeverity.Warning,
            "A personal-data declaration needs a purpose from the project's list of purposes, and a retention policy needs a positive number of days; otherwise the other rules cannot check purpose limitation and storage limitation.",
            "declaration");

        /// <summary>PII008: member looks like personal data but is not marked.</summary>
        public static readonly DiagnosticDescriptor UnmarkedPersonalData = Create(
            "PII008",
            "Member looks like personal data but is not marked",
            "'{0}' looks like personal data ({1}) but is not marked; add [PersonalData(Purpose = ...)]",
            DiagnosticSeverity.Info,
            "Members whose names say personal data should be declared, so that every flow rule follows them.",
            "declaration");

        /// <summary>PII009: a method that requires consent is called without a consent check.</summary>
        public static readonly DiagnosticDescriptor RequiresConsentCalledWithoutCheck = Create(
            "PII009",
            "Method that requires consent is called without a consent check",
            "'{0}' requires consent{1} but is called without a consent check",
            DiagnosticSeverity.Warning,
            "A [RequiresConsent] method moves the obligation to check consent to its callers.",
            "consent");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] tags)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: CommonTags.Concat(tags).ToArray());
    }
}
