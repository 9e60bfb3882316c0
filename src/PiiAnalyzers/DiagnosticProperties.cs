namespace PiiAnalyzers
{
    /// <summary>
    /// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: what a rule tells its code fix, so the fix
    /// does not redo the analysis.
    /// </summary>
    internal static class DiagnosticProperties
    {
        /// <summary>PII002, PII003, PII005, PII009: the purposes a consent check must cover, comma-separated (may be empty).</summary>
        public const string Purposes = "Purposes";

        /// <summary>
        /// PII002: the metadata name of the serializer's own ignore attribute (<c>System.Text.Json.Serialization.JsonIgnoreAttribute</c>).
        /// Set, with <see cref="Members"/>, only when that attribute on those members would leave the call nothing to report,
        /// so the fix need not run the analysis again on its edit.
        /// </summary>
        public const string IgnoreAttribute = "IgnoreAttribute";

        /// <summary>PII002: documentation-comment ids of the personal-data members written out without consent, all declared in source, ';'-separated.</summary>
        public const string Members = "Members";

        /// <summary>PII008: the name of the <c>PiiAttributes.PersonalDataCategory</c> member the member's name suggests (<c>Contact</c>).</summary>
        public const string Category = "Category";

        /// <summary>The names of <c>PiiAttributes.PersonalDataCategory</c>'s members, by value: properties carry names, never numbers.</summary>
        public static readonly string[] CategoryNames = { "General", "Identifier", "Contact", "OnlineIdentifier", "Location", "Financial", "Content", "Special" };

        /// <summary>PII004: the documentation-comment ids of the types a retention policy belongs on that are declared in source, ';'-separated.</summary>
        public const string RetentionType = "RetentionType";
    }
}
