using System;

namespace PiiAttributes
{
    /// <summary>
    /// Marks a property, field, parameter or return value as personal data: information relating to an identified
    /// or identifiable person (GDPR Art. 4(1)). Declare the purposes it was collected for (purpose limitation,
    /// Art. 5(1)(b)), its category and the lawful basis for processing it (Art. 6).
    /// </summary>
    /// <example><code>[PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)] public string Email { get; set; }</code></example>
    [AttributeUsage(
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class PersonalDataAttribute : Attribute
    {
        /// <summary>
        /// The purpose, or purposes separated by commas (<c>"support,billing"</c>), the data was collected for.
        /// Using the data for any other purpose needs a new lawful basis (GDPR Art. 5(1)(b)).
        /// </summary>
        public string? Purpose { get; set; }

        /// <summary>The kind of personal data; <see cref="PersonalDataCategory.Special"/> always needs explicit consent.</summary>
        public PersonalDataCategory Category { get; set; } = PersonalDataCategory.General;

        /// <summary>The lawful basis for processing it (GDPR Art. 6); <see cref="LawfulBasis.Consent"/> by default.</summary>
        public LawfulBasis Basis { get; set; } = LawfulBasis.Consent;
    }
}
