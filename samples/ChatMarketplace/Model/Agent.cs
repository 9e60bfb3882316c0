using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>A support agent on the roster. Agents are people too: their details are personal data.</summary>
    public sealed class Agent
    {
        public int Id { get; set; }

        [PersonalData(Purpose = "staffing,support", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
        public string DisplayName { get; set; } = string.Empty;

        [PersonalData(Purpose = "staffing", Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)]
        public string WorkEmail { get; set; } = string.Empty;

        // PII007: no purpose is declared for the agent's mobile number, so no rule can tell what it may be used for; add Purpose = "staffing".
        [PersonalData(Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)]
        public string MobilePhone { get; set; } = string.Empty;

        /// <summary>Languages the agent chats in, such as "en" or "de".</summary>
        public string[] Languages { get; set; } = new[] { "en" };

        public bool Online { get; set; }
    }
}
