using System;
using PiiAttributes;

namespace ChatMarketplace.Model
{
    /// <summary>A receipt for a paid priority chat, mailed to the visitor and kept for the tax records.</summary>
    // PII007: the retention policy gives a reason but no number of days, so nobody can tell when receipts are erased; write [RetentionPolicy(Days = 3650, Reason = "tax records")].
    [RetentionPolicy(Reason = "tax records")]
    public sealed class Receipt
    {
        public Guid Id { get; set; } = Guid.NewGuid();

        public Guid VisitorId { get; set; }

        [PersonalData(Purpose = "billing", Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)]
        public string BillingEmail { get; set; } = string.Empty;

        [PersonalData(Purpose = "billing", Category = PersonalDataCategory.Financial, Basis = LawfulBasis.LegalObligation)]
        public string CardLast4 { get; set; } = string.Empty;

        public decimal Amount { get; set; }

        public string Currency { get; set; } = "EUR";

        public DateTimeOffset IssuedAt { get; set; }
    }
}
