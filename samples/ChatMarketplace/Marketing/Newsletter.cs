using System.Collections.Generic;
using ChatMarketplace.Model;
using ChatMarketplace.Privacy;
using PiiAttributes;

namespace ChatMarketplace.Marketing
{
    /// <summary>The sellers' monthly offers, mailed to visitors who opted in.</summary>
    public sealed class Newsletter
    {
        private readonly ConsentService _consent;
        private readonly List<string> _outbox = new List<string>();

        public Newsletter(ConsentService consent)
        {
            _consent = consent;
        }

        /// <summary>The mails handed to the mail provider (a list, so the sample runs offline).</summary>
        public int Sent => _outbox.Count;

        /// <summary>Mails one issue. Only for visitors who consented to marketing: callers check.</summary>
        [RequiresConsent(Purpose = "marketing")]
        [ProcessingPurpose("marketing")]
        public void Send(Visitor visitor, string subject)
        {
            // PII006: the visitor's name was collected to address them in the support chat, not for marketing; greet them without it, or collect the name for "marketing" too.
            var greeting = "Hello " + visitor.Name;

            // The address was collected for support and marketing: fine here.
            _outbox.Add(visitor.Email + "\n" + greeting + ",\n" + subject);
        }

        /// <summary>Mails this month's issue to everyone who opted in.</summary>
        public void SendMonthlyIssue(IEnumerable<Visitor> visitors, string subject)
        {
            foreach (var visitor in visitors)
            {
                if (_consent.HasConsent(visitor, "marketing"))
                {
                    Send(visitor, subject);
                }
            }
        }

        /// <summary>After a chat, invites the visitor to the sellers' offers.</summary>
        public void SendChatFollowUp(Visitor visitor)
        {
            // PII009: every visitor who chatted gets a marketing mail, including those who never opted in; send only if _consent.HasConsent(visitor, "marketing").
            Send(visitor, "Thanks for chatting with us: this month's offers");
        }
    }
}
