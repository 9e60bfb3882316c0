using System;

namespace PiiAttributes
{
    /// <summary>
    /// Declares a member the team cannot annotate as personal data, exactly as <see cref="PersonalDataAttribute"/> on
    /// the member would: an inherited member, named on the derived type
    /// (<c>[PersonalDataMember(nameof(Email), Purpose = "account", Basis = LawfulBasis.Contract)] class AppUser : IdentityUser</c>),
    /// or a member of a type from another assembly, named on the assembly
    /// (<c>[assembly: PersonalDataMember(typeof(Vendor.CustomerDto), nameof(Vendor.CustomerDto.Email), Purpose = "billing")]</c>).
    /// The declaration holds wherever the member is used, and overrides a framework's own marker (ASP.NET Core Identity's
    /// <c>[PersonalData]</c>) on it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class PersonalDataMemberAttribute : Attribute
    {
        /// <summary>Declares the member <paramref name="member"/> of the type this attribute is on, or of one of its base types.</summary>
        /// <param name="member">The property or field name; use <c>nameof</c>.</param>
        public PersonalDataMemberAttribute(string member)
        {
            Member = member;
        }

        /// <summary>Declares the member <paramref name="member"/> of <paramref name="type"/> (or of one of its base types).</summary>
        /// <param name="type">The type that has the member.</param>
        /// <param name="member">The property or field name; use <c>nameof</c>.</param>
        public PersonalDataMemberAttribute(Type type, string member)
        {
            Type = type;
            Member = member;
        }

        /// <summary>The type named on the assembly-level form; null on a type.</summary>
        public Type? Type { get; }

        /// <summary>The property or field name.</summary>
        public string Member { get; }

        /// <summary>As <see cref="PersonalDataAttribute.Purpose"/>: the purpose, or purposes separated by commas.</summary>
        public string? Purpose { get; set; }

        /// <summary>As <see cref="PersonalDataAttribute.Category"/>.</summary>
        public PersonalDataCategory Category { get; set; } = PersonalDataCategory.General;

        /// <summary>As <see cref="PersonalDataAttribute.Basis"/>; <see cref="LawfulBasis.Consent"/> by default.</summary>
        public LawfulBasis Basis { get; set; } = LawfulBasis.Consent;
    }
}
