using System;

namespace PiiAttributes
{
    /// <summary>
    /// Declares how long stored personal data is kept before it is erased (storage limitation, GDPR Art. 5(1)(e)).
    /// Put it on a persisted type, on a member, or on the assembly as a default. State exactly one of
    /// <see cref="Days"/>, <see cref="Setting"/> or <see cref="UntilErasure"/>.
    /// </summary>
    /// <example>
    /// <code>[RetentionPolicy(30)]</code>, <code>[RetentionPolicy(Days = 30, Reason = "support follow-up")]</code>,
    /// <code>[RetentionPolicy(Setting = "VisitorRetentionDays", EnforcedBy = typeof(PurgeJob))]</code> or
    /// <code>[RetentionPolicy(UntilErasure = true)]</code>
    /// </example>
    [AttributeUsage(
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Assembly,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class RetentionPolicyAttribute : Attribute
    {
        /// <summary>
        /// Declares a retention policy; set <see cref="Days"/>, <see cref="Setting"/> or <see cref="UntilErasure"/> to say
        /// how long the data is kept.
        /// </summary>
        public RetentionPolicyAttribute()
        {
        }

        /// <summary>Declares that the data is erased <paramref name="days"/> days after it was stored.</summary>
        /// <param name="days">The number of days the data is kept; must be positive.</param>
        public RetentionPolicyAttribute(int days)
        {
            Days = days;
        }

        /// <summary>The number of days the data is kept before it is erased; must be positive.</summary>
        public int Days { get; set; }

        /// <summary>
        /// The name of the configuration value that holds the retention period (<c>"VisitorRetentionDays"</c>), when the
        /// period is configured rather than fixed in code.
        /// </summary>
        public string? Setting { get; set; }

        /// <summary>
        /// True when the data is kept for as long as the account it belongs to exists, and erased when the account is
        /// deleted or the person asks for erasure (Art. 17).
        /// </summary>
        public bool UntilErasure { get; set; }

        /// <summary>The type that erases the data when its period is over (a purge job), for the record; optional.</summary>
        public Type? EnforcedBy { get; set; }

        /// <summary>Why the data is kept that long (documented for the record of processing activities, Art. 30).</summary>
        public string? Reason { get; set; }
    }
}
