using System;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>The stars and comment a visitor leaves after a chat, used to coach agents.</summary>
    public sealed class ChatRating
    {
        public Guid Id { get; set; } = Guid.NewGuid();

        public Guid TranscriptId { get; set; }

        public int AgentId { get; set; }

        public int Stars { get; set; }

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Content, Basis = LawfulBasis.LegitimateInterests)]
        public string? Comment { get; set; }
    }
}
