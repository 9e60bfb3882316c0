using PiiAttributes;

namespace ChatWidget
{
    /// <summary>The person who opens the chat widget, as the pre-chat form collects them.</summary>
    public sealed class Visitor
    {
        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
        public string Name { get; set; } = string.Empty;

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)]
        public string Email { get; set; } = string.Empty;

        /// <summary>The widget's language, used to route the chat to an agent who speaks it.</summary>
        public string Locale { get; set; } = "en";
    }
}
