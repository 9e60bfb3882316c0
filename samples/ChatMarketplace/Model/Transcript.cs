using System;
using System.Collections.Generic;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>A whole chat between a visitor and an agent, kept for follow-up questions and disputes.</summary>
    [RetentionPolicy(Days = 30, Reason = "support follow-up and disputes")]
    public sealed class Transcript
    {
        public Guid Id { get; set; } = Guid.NewGuid();

        public Guid VisitorId { get; set; }

        [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
        public string VisitorEmail { get; set; } = string.Empty;

        public int AgentId { get; set; }

        public string Topic { get; set; } = string.Empty;

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset? ClosedAt { get; set; }

        public List<ChatMessage> Messages { get; set; } = new List<ChatMessage>();
    }
}
