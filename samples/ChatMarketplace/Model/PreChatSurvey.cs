using System;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>The form a visitor fills in before an agent picks up the chat.</summary>
    [RetentionPolicy(Days = 90, Reason = "quarterly analytics report")]
    public sealed class PreChatSurvey
    {
        public Guid VisitorId { get; set; }

        /// <summary>One of "order", "refund", "listing", "account".</summary>
        public string Topic { get; set; } = "order";

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Content, Basis = LawfulBasis.Contract)]
        public string Question { get; set; } = string.Empty;

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
        public string? OrderNumber { get; set; }

        /// <summary>The optional "how did you hear about us?" answer, kept for analytics when the visitor agreed to it.</summary>
        [PersonalData(Purpose = "analytics", Category = PersonalDataCategory.Content)]
        public string? FoundUsThrough { get; set; }

        /// <summary>The "send me offers from this seller" box; the consent itself is recorded by the ConsentService.</summary>
        public bool MarketingOptIn { get; set; }
    }
}
