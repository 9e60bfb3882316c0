using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ChatMarketplace.Crm;
using ChatMarketplace.Model;
using ChatMarketplace.Privacy;
using ChatMarketplace.Storage;
using Microsoft.Extensions.Logging;
using PiiAttributes;

namespace ChatMarketplace.Chat
{
    /// <summary>Opens chats from the pre-chat survey, routes them to agents, closes and stores them.</summary>
    public sealed class ChatService
    {
        private readonly ILogger<ChatService> _logger;
        private readonly ConsentService _consent;
        private readonly AgentRoster _roster;
        private readonly TranscriptStore _store;
        private readonly CrmSync _crm;
        private readonly HashSet<string> _blockedAddresses;

        public ChatService(
            ILogger<ChatService> logger,
            ConsentService consent,
            AgentRoster roster,
            TranscriptStore store,
            CrmSync crm,
            IEnumerable<string> blockedAddresses)
        {
            _logger = logger;
            _consent = consent;
            _roster = roster;
            _store = store;
            _crm = crm;
            _blockedAddresses = new HashSet<string>(blockedAddresses, StringComparer.Ordinal);
        }

        /// <summary>Opens a chat for <paramref name="visitor"/>, or returns null when it is refused or no agent is online.</summary>
        public async Task<Transcript?> StartChatAsync(Visitor visitor, PreChatSurvey survey, CancellationToken cancellationToken)
        {
            if (_blockedAddresses.Contains(visitor.IpAddress))
            {
                // PII001: the visitor's IP address is interpolated into the warning's text in clear; log Redaction.Mask(visitor.IpAddress) or the visitor id.
                _logger.LogWarning($"Chat request refused: {visitor.IpAddress} is on the block list");
                return null;
            }

            // PII001: every chat start writes the visitor's email address to the log in clear; log visitor.Id instead.
            _logger.LogInformation("Chat started by {Email} about {Topic}", visitor.Email, survey.Topic);

            var agent = _roster.PickAvailable(visitor.Locale);
            if (agent is null)
            {
                _logger.LogInformation("No agent online for locale {Locale}; offering the contact form", visitor.Locale);
                return null;
            }

            var transcript = new Transcript
            {
                VisitorId = visitor.Id,
                VisitorEmail = visitor.Email,
                AgentId = agent.Id,
                Topic = survey.Topic,
                StartedAt = DateTimeOffset.UtcNow,
            };
            transcript.Messages.Add(new ChatMessage
            {
                TranscriptId = transcript.Id,
                Author = "visitor",
                Text = survey.Question,
                SentAt = transcript.StartedAt,
            });
            _logger.LogInformation("Chat {TranscriptId} routed to agent {AgentId}", transcript.Id, agent.Id);

            if (survey.MarketingOptIn && _consent.HasConsent(visitor, "marketing"))
            {
                await _crm.SyncVisitorAsync(visitor, cancellationToken);
            }

            return transcript;
        }

        /// <summary>Checks the address the visitor typed before the chat opens.</summary>
        public bool ValidateContact(Visitor visitor)
        {
            var at = visitor.Email.IndexOf('@');
            var valid = at > 0 && at < visitor.Email.Length - 1;
            if (!valid)
            {
                _logger.LogDebug("Rejected a contact address of {Length} characters", visitor.Email.Length);
            }

            return valid;
        }

        public void PostMessage(Transcript transcript, string author, string text)
        {
            transcript.Messages.Add(new ChatMessage
            {
                TranscriptId = transcript.Id,
                Author = author,
                Text = text,
                SentAt = DateTimeOffset.UtcNow,
            });
        }

        /// <summary>Closes the chat; stores the transcript and mails it to the visitor when they asked for a copy.</summary>
        public async Task<string> CloseChatAsync(Visitor visitor, Transcript transcript, CancellationToken cancellationToken)
        {
            transcript.ClosedAt = DateTimeOffset.UtcNow;
            if (!_consent.HasConsent(visitor, "support"))
            {
                _logger.LogInformation("Transcript {TranscriptId} not kept: the visitor did not ask for a copy", transcript.Id);
                return string.Empty;
            }

            await _store.SaveAsync(transcript, cancellationToken);
            _logger.LogInformation("Transcript {TranscriptId} mailed to {Email}", transcript.Id, Redaction.Mask(visitor.Email));

            // PII001: Audit writes its argument to the log, so the visitor's email address reaches the log through the helper; audit visitor.Id instead.
            Audit(visitor.Email);

            return TranscriptExporter.ToAttachment(transcript);
        }

        /// <summary>Charges a priority chat and keeps the receipt for the tax records.</summary>
        /// <remarks>
        /// The receipt goes to the address typed on the payment form, collected for billing under the contract. Copying
        /// <c>visitor.Email</c> (collected under consent) into the receipt would need a consent check before it is stored (PII003).
        /// </remarks>
        public async Task<Receipt> IssueReceiptAsync(
            Visitor visitor,
            [PersonalData(Purpose = "billing", Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)] string billingEmail,
            string cardLast4,
            decimal amount,
            CancellationToken cancellationToken)
        {
            var receipt = new Receipt
            {
                VisitorId = visitor.Id,
                BillingEmail = billingEmail,
                CardLast4 = cardLast4,
                Amount = amount,
                IssuedAt = DateTimeOffset.UtcNow,
            };
            await _store.SaveReceiptAsync(receipt, cancellationToken);
            _logger.LogInformation("Receipt {ReceiptId} issued: {Amount} {Currency}", receipt.Id, receipt.Amount, receipt.Currency);
            return receipt;
        }

        /// <summary>Keeps the visitor's rating of the chat, to coach the agent.</summary>
        public async Task RateChatAsync(Transcript transcript, int stars, string? comment, CancellationToken cancellationToken)
        {
            var rating = new ChatRating
            {
                TranscriptId = transcript.Id,
                AgentId = transcript.AgentId,
                Stars = stars,
                Comment = comment,
            };
            await _store.SaveRatingAsync(rating, cancellationToken);
        }

        private void Audit(string what)
        {
            _logger.LogInformation("Audit: transcript closed for {What}", what);
        }
    }
}
