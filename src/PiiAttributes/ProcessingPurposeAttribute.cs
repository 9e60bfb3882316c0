using System;

namespace PiiAttributes
{
    /// <summary>
    /// Declares the purpose for which the code in a method or type processes personal data. Personal data collected
    /// for other purposes may not be used there (purpose limitation, GDPR Art. 5(1)(b)).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
    public sealed class ProcessingPurposeAttribute : Attribute
    {
        /// <summary>Declares that the code processes personal data for <paramref name="purpose"/>.</summary>
        /// <param name="purpose">The processing purpose, such as <c>"support"</c> or <c>"marketing"</c>.</param>
        public ProcessingPurposeAttribute(string purpose)
        {
            Purpose = purpose;
        }

        /// <summary>The processing purpose.</summary>
        public string Purpose { get; }
    }

    /// <summary>
    /// Marks a project's own sink: a method (all its arguments) or a parameter through which data leaves the process
    /// as a log entry, serialized output, stored record or network transfer.
    /// </summary>
    /// <example><code>[PersonalDataSink(SinkKind.Logging, Purpose = "security")] public void Write(string entry)</code></example>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class PersonalDataSinkAttribute : Attribute
    {
        /// <summary>Declares a sink of the given kind.</summary>
        /// <param name="kind">Where the data ends up.</param>
        public PersonalDataSinkAttribute(SinkKind kind)
        {
            Kind = kind;
        }

        /// <summary>Where the data ends up.</summary>
        public SinkKind Kind { get; }

        /// <summary>
        /// The purpose, or purposes separated by commas, a logging sink serves: an audit log kept for
        /// <c>"security"</c>. Writing data collected for that purpose to it is that purpose's processing, not a leak;
        /// a <c>"security"</c> log may also hold identifiers and online identifiers (user names, IP addresses) that
        /// declare no purpose. Unset: a plain log.
        /// </summary>
        public string? Purpose { get; set; }
    }
}
