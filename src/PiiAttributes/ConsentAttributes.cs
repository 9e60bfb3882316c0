using System;

namespace PiiAttributes
{
    /// <summary>
    /// Marks a consent check (GDPR Art. 6(1)(a) and Art. 7): a method returning <see cref="bool"/> whose <c>true</c>
    /// means the person consented (or a bool property with that meaning), or a void method that throws when
    /// consent is missing. Code guarded by a check may process personal data collected under consent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class ConsentCheckAttribute : Attribute
    {
        /// <summary>
        /// The purpose the check covers. When unset, the check covers every purpose, or the purpose passed to it as a
        /// constant string argument.
        /// </summary>
        public string? Purpose { get; set; }
    }

    /// <summary>
    /// Marks a method or constructor that may only run after a consent check: it processes personal data under
    /// consent on its callers' behalf, so the obligation to check consent moves to every caller.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = true)]
    public sealed class RequiresConsentAttribute : Attribute
    {
        /// <summary>The purpose consent must have been given for; unset means any consent check suffices.</summary>
        public string? Purpose { get; set; }
    }
}
