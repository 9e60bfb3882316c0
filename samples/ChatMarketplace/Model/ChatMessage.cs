using System;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>One line of a chat, stored with its transcript.</summary>
    [RetentionPolicy(Days = 30, Reason = "support follow-up")]
    public sealed class ChatMessage
    {
        public Guid Id { get; set; } = Guid.NewGuid();

        public Guid TranscriptId { get; set; }

        /// <summary>"visitor", "agent" or "bot".</summary>
        public string Author { get; set; } = "visitor";

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Content, Basis = LawfulBasis.Contract)]
        public string Text { get; set; } = string.Empty;

        public DateTimeOffset SentAt { get; set; }
    }
}
