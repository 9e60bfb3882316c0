using System;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>A person who opens the chat widget on a seller's listing.</summary>
    public sealed class Visitor
    {
        public Guid Id { get; set; } = Guid.NewGuid();

        [PersonalData(Purpose = "support,marketing", Category = PersonalDataCategory.Contact)]
        public string Email { get; set; } = string.Empty;

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
        public string Name { get; set; } = string.Empty;

        [PersonalData(Purpose = "security", Category = PersonalDataCategory.OnlineIdentifier, Basis = LawfulBasis.LegitimateInterests)]
        public string IpAddress { get; set; } = string.Empty;

        [PersonalData(Purpose = "support,analytics", Category = PersonalDataCategory.Location)]
        public string City { get; set; } = string.Empty;

        /// <summary>The widget's language, used to route the chat to an agent who speaks it.</summary>
        public string Locale { get; set; } = "en";
    }
}
