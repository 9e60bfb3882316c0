using System;

namespace PiiAttributes
{
    /// <summary>
    /// Declares how long stored personal data is kept before it is erased (storage limitation, GDPR Art. 5(1)(e)).
    /// Put it on a persisted type, on a member, or on the assembly as a default.
    /// </summary>
    /// <example><code>[RetentionPolicy(30)]</code> or <code>[RetentionPolicy(Days = 30, Reason = "support follow-up")]</code></example>
    [AttributeUsage(
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Assembly,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class RetentionPolicyAttribute : Attribute
    {
        /// <summary>Declares a retention policy; set <see cref="Days"/> to say how long the data is kept.</summary>
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

        /// <summary>Why the data is kept that long (documented for the record of processing activities, Art. 30).</summary>
        public string? Reason { get; set; }
    }
}
