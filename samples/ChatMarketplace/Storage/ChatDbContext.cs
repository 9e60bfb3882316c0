using ChatMarketplace.Model;
using Microsoft.EntityFrameworkCore;

namespace ChatMarketplace.Storage
{
    /// <summary>The chat database: transcripts with their messages, receipts and ratings.</summary>
    public sealed class ChatDbContext : DbContext
    {
        public ChatDbContext(DbContextOptions<ChatDbContext> options)
            : base(options)
        {
        }

        public DbSet<Transcript> Transcripts => Set<Transcript>();

        public DbSet<ChatMessage> Messages => Set<ChatMessage>();

        public DbSet<Receipt> Receipts => Set<Receipt>();

        public DbSet<ChatRating> Ratings => Set<ChatRating>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Transcript>()
                .HasMany(t => t.Messages)
                .WithOne()
                .HasForeignKey(m => m.TranscriptId);
            modelBuilder.Entity<Receipt>().Property(r => r.Amount).HasPrecision(18, 2);
        }
    }
}
