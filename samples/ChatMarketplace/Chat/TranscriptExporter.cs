using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatMarketplace.Model;
using ChatMarketplace.Storage;
using PiiAttributes;

namespace ChatMarketplace.Chat
{
    /// <summary>Turns transcripts into JSON: the "email me this chat" attachment, and the sellers' download.</summary>
    public static class TranscriptExporter
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };

        /// <summary>The attachment mailed to the visitor. Callers check that the visitor agreed to have the chat kept.</summary>
        [RequiresConsent(Purpose = "support")]
        public static string ToAttachment(Transcript transcript) => JsonSerializer.Serialize(transcript, Options);

        /// <summary>The seller dashboard's "download this chat" button.</summary>
        public static async Task<string?> DownloadAsync(TranscriptStore store, Guid transcriptId, CancellationToken cancellationToken)
        {
            var transcript = await store.FindAsync(transcriptId, cancellationToken);
            if (transcript is null)
            {
                return null;
            }

            // PII002: the download serializes the visitor's email address with the chat, and nothing checks that the visitor agreed; check consent for "support" as ChatService.CloseChatAsync does, or leave VisitorEmail out of the download.
            return JsonSerializer.Serialize(transcript, Options);
        }
    }
}
