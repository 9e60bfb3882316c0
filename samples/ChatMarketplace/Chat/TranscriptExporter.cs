using System.Text.Json;
using ChatMarketplace.Model;

namespace ChatMarketplace.Chat
{
    /// <summary>Turns a transcript into the JSON attachment of the "email me this chat" feature.</summary>
    public static class TranscriptExporter
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };

        public static string ToJson(Transcript transcript) => JsonSerializer.Serialize(transcript, Options);
    }
}
