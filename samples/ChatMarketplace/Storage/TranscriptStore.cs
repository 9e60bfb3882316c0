using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ChatMarketplace.Model;
using Microsoft.EntityFrameworkCore;
using PiiAttributes;

namespace ChatMarketplace.Storage
{
    /// <summary>Keeps closed chats and receipts, and erases transcripts once their retention period is over.</summary>
    public sealed class TranscriptStore
    {
        /// <summary>Matches [RetentionPolicy(Days = 30)] on <see cref="Transcript"/>.</summary>
        public static readonly TimeSpan TranscriptRetention = TimeSpan.FromDays(30);

        private readonly ChatDbContext _db;

        public TranscriptStore(ChatDbContext db)
        {
            _db = db;
        }

        /// <summary>Stores a closed chat. Callers check that the visitor agreed to have the chat kept.</summary>
        [RequiresConsent(Purpose = "support")]
        public async Task SaveAsync(Transcript transcript, CancellationToken cancellationToken)
        {
            _db.Transcripts.Add(transcript);
            await _db.SaveChangesAsync(cancellationToken);
        }

        public async Task SaveReceiptAsync(Receipt receipt, CancellationToken cancellationToken)
        {
            _db.Receipts.Add(receipt);
            await _db.SaveChangesAsync(cancellationToken);
        }

        public async Task SaveRatingAsync(ChatRating rating, CancellationToken cancellationToken)
        {
            // PII004: ratings hold the visitor's free-text comment, but ChatRating declares no retention period, so they are kept forever; add [RetentionPolicy(Days = 180)] to ChatRating (and erase them in PurgeExpiredAsync).
            _db.Ratings.Add(rating);
            await _db.SaveChangesAsync(cancellationToken);
        }

        public Task<Transcript?> FindAsync(Guid id, CancellationToken cancellationToken)
            => _db.Transcripts.Include(t => t.Messages).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

        /// <summary>Erases transcripts (and their messages) closed more than 30 days before <paramref name="now"/>.</summary>
        public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var cutoff = now - TranscriptRetention;
            var expired = await _db.Transcripts
                .Include(t => t.Messages)
                .Where(t => t.ClosedAt != null && t.ClosedAt < cutoff)
                .ToListAsync(cancellationToken);
            _db.Messages.RemoveRange(expired.SelectMany(t => t.Messages));
            _db.Transcripts.RemoveRange(expired);
            await _db.SaveChangesAsync(cancellationToken);
            return expired.Count;
        }
    }
}
