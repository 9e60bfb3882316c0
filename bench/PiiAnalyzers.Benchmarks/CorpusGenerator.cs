using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>What a generated corpus is made of.</summary>
    public enum CorpusKind
    {
        /// <summary>Chat services: models, consent, helpers, a service, storage and plain business logic.</summary>
        Service,

        /// <summary>The services behind ASP.NET Core controllers and minimal APIs (and, marked, an IdentityUser subclass).</summary>
        Web,

        /// <summary>Most methods log, serialize, store or send personal data, through helpers calling helpers.</summary>
        Dense,
    }

    /// <summary>
    /// A deterministic generator of chat-marketplace code: models with personal data, services that log, serialize,
    /// store and send it (guarded by consent checks and not), helpers across methods, and plain business logic that
    /// touches no personal data. The same seed and size always give the same files.
    /// <para>
    /// With <c>personalData: false</c> the same code is generated without any privacy attribute and without the
    /// <c>PiiAttributes</c> namespace: the compilation references no personal-data marker (the analyzers' early exit).
    /// </para>
    /// </summary>
    public static class CorpusGenerator
    {
        /// <summary>Files of about <paramref name="lines"/> lines in all.</summary>
        public static List<(string Path, string Text)> Generate(int lines, bool personalData, int seed = 8)
            => Generate(lines, personalData, CorpusKind.Service, seed);

        /// <summary>Files of about <paramref name="lines"/> lines in all, of the given kind (see <see cref="CorpusKind"/>).</summary>
        public static List<(string Path, string Text)> Generate(int lines, bool personalData, CorpusKind kind, int seed = 8)
        {
            var random = new Random(seed);
            var files = new List<(string Path, string Text)>();
            var total = 0;
            if (kind == CorpusKind.Web && personalData)
            {
                files.Add(("Identity/MarketUser.cs", WebSources.IdentityUser));
                total += CountLines(WebSources.IdentityUser);
            }

            for (var module = 0; total < lines; module++)
            {
                var sources = kind switch
                {
                    CorpusKind.Web => Module(module, personalData, random).Concat(WebSources.Module(module, personalData)),
                    CorpusKind.Dense => DenseSources.Module(module, random),
                    _ => Module(module, personalData, random),
                };
                foreach (var (name, text) in sources)
                {
                    files.Add(($"M{module}/{name}.cs", text));
                    total += CountLines(text);
                }
            }

            return files;
        }

        public static int CountLines(string text)
        {
            var count = 1;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    count++;
                }
            }

            return count;
        }

        internal static IEnumerable<(string Name, string Text)> Module(int k, bool pii, Random random)
        {
            string Attr(string attribute) => pii ? attribute : string.Empty;
            var usingPii = pii ? "using PiiAttributes;\n" : string.Empty;
            var retention = 180 + random.Next(0, 4) * 180;
            var guardExport = random.Next(0, 2) == 0;
            var guardSync = random.Next(0, 2) == 0;
            var logEmail = random.Next(0, 3) == 0;

            yield return ("Model", $@"using System;
using System.Collections.Generic;
{usingPii}
namespace Market.M{k}.Model
{{
    /// <summary>A person who opens the chat widget on a seller's listing.</summary>
    public sealed class Customer{k}
    {{
        public Guid Id {{ get; set; }} = Guid.NewGuid();

        {Attr("[PersonalData(Purpose = \"support,marketing\", Category = PersonalDataCategory.Contact)]")}
        public string Email {{ get; set; }} = string.Empty;

        {Attr("[PersonalData(Purpose = \"support\", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]")}
        public string Name {{ get; set; }} = string.Empty;

        {Attr("[PersonalData(Purpose = \"security\", Category = PersonalDataCategory.OnlineIdentifier, Basis = LawfulBasis.LegitimateInterests)]")}
        public string IpAddress {{ get; set; }} = string.Empty;

        {Attr("[PersonalData(Purpose = \"support,analytics\", Category = PersonalDataCategory.Location)]")}
        public string City {{ get; set; }} = string.Empty;

        public string Locale {{ get; set; }} = ""en"";

        public int Visits {{ get; set; }}
    }}

    /// <summary>One chat between a customer and a seller's agent.</summary>
    {Attr($"[RetentionPolicy(Days = {retention})]")}
    public sealed class Conversation{k}
    {{
        public Guid Id {{ get; set; }} = Guid.NewGuid();

        public Guid CustomerId {{ get; set; }}

        {Attr("[PersonalData(Purpose = \"support\", Category = PersonalDataCategory.Contact)]")}
        public string CustomerEmail {{ get; set; }} = string.Empty;

        public string Topic {{ get; set; }} = string.Empty;

        public DateTimeOffset StartedAt {{ get; set; }}

        public List<Message{k}> Messages {{ get; }} = new List<Message{k}>();
    }}

    public sealed class Message{k}
    {{
        public Guid Id {{ get; set; }} = Guid.NewGuid();

        public string Author {{ get; set; }} = string.Empty;

        {Attr("[PersonalData(Purpose = \"support\", Category = PersonalDataCategory.Content)]")}
        public string Text {{ get; set; }} = string.Empty;

        public DateTimeOffset SentAt {{ get; set; }}
    }}

    public sealed record Listing{k}(Guid Id, string Title, decimal Price, int Stock);
}}
");

            yield return ("Privacy", $@"using System;
using System.Collections.Generic;
using Market.M{k}.Model;
{usingPii}
namespace Market.M{k}.Privacy
{{
    public sealed class ConsentRegistry{k}
    {{
        private readonly Dictionary<Guid, HashSet<string>> _granted = new Dictionary<Guid, HashSet<string>>();

        public void Grant(Guid customerId, string purpose)
        {{
            if (!_granted.TryGetValue(customerId, out var purposes))
            {{
                purposes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                _granted[customerId] = purposes;
            }}

            purposes.Add(purpose);
        }}

        {Attr("[ConsentCheck]")}
        public bool HasConsent(Customer{k} customer, string purpose)
            => _granted.TryGetValue(customer.Id, out var purposes) && purposes.Contains(purpose);
    }}
}}
");

            yield return ("Helpers", $@"using System;
using System.IO;
using System.Text;
using Market.M{k}.Model;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Chat
{{
    internal static class ChatText{k}
    {{
        public static string Label(Customer{k} customer) => customer.Name + "" <"" + customer.Email + "">"";

        public static string Normalize(string value)
        {{
            var text = value.Trim();
            if (text.Length > 200)
            {{
                text = text.Substring(0, 200);
            }}

            return text.ToLowerInvariant();
        }}

        public static void Trace(ILogger logger, string text) => logger.LogDebug(""Trace: {{Text}}"", text);

        public static void Append(string path, string line) => File.AppendAllText(path, line + Environment.NewLine);

        public static string Summary(Conversation{k} conversation)
        {{
            var builder = new StringBuilder();
            builder.Append(conversation.Topic).Append("": "");
            foreach (var message in conversation.Messages)
            {{
                builder.Append(message.Author).Append("" said "").AppendLine(message.Text);
            }}

            return builder.ToString();
        }}

        public static int Words(string text)
        {{
            var count = 0;
            var inWord = false;
            foreach (var c in text)
            {{
                if (char.IsWhiteSpace(c))
                {{
                    inWord = false;
                }}
                else if (!inWord)
                {{
                    inWord = true;
                    count++;
                }}
            }}

            return count;
        }}
    }}
}}
");

            var email = logEmail ? "customer.Email" : "customer.Id";
            var export = guardExport
                ? $@"if (!_consent.HasConsent(conversation.CustomerId == customer.Id ? customer : customer, ""support""))
            {{
                return string.Empty;
            }}

            return JsonSerializer.Serialize(conversation);"
                : "return JsonSerializer.Serialize(conversation);";
            var sync = guardSync
                ? $@"if (!_consent.HasConsent(customer, ""marketing""))
            {{
                _logger.LogInformation(""No marketing consent for {{CustomerId}}"", customer.Id);
                return;
            }}

"
                : string.Empty;

            yield return ("ChatService", $@"using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Market.M{k}.Model;
using Market.M{k}.Privacy;
using Market.M{k}.Storage;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Chat
{{
    public sealed class ChatService{k}
    {{
        private readonly ILogger<ChatService{k}> _logger;
        private readonly ConsentRegistry{k} _consent;
        private readonly ConversationStore{k} _store;
        private readonly HttpClient _http;
        private readonly HashSet<string> _blocked = new HashSet<string>(StringComparer.Ordinal);

        public ChatService{k}(ILogger<ChatService{k}> logger, ConsentRegistry{k} consent, ConversationStore{k} store, HttpClient http)
        {{
            _logger = logger;
            _consent = consent;
            _store = store;
            _http = http;
        }}

        public async Task<Conversation{k}?> StartAsync(Customer{k} customer, string topic, string question, CancellationToken cancellationToken)
        {{
            if (_blocked.Contains(customer.IpAddress))
            {{
                _logger.LogWarning(""Chat request refused for {{CustomerId}}"", customer.Id);
                return null;
            }}

            _logger.LogInformation(""Chat started by {{Customer}} about {{Topic}}"", {email}, topic);
            var conversation = new Conversation{k}
            {{
                CustomerId = customer.Id,
                CustomerEmail = customer.Email,
                Topic = ChatText{k}.Normalize(topic),
                StartedAt = DateTimeOffset.UtcNow,
            }};
            conversation.Messages.Add(new Message{k} {{ Author = ""customer"", Text = question, SentAt = conversation.StartedAt }});

            if (_consent.HasConsent(customer, ""support""))
            {{
                _store.Save(conversation);
            }}
            else
            {{
                _logger.LogInformation(""Conversation {{ConversationId}} kept in memory only"", conversation.Id);
            }}

            await Task.Yield();
            return conversation;
        }}

        public void Audit(Customer{k} customer)
        {{
            var label = ChatText{k}.Label(customer);
            if (label.Length > 0)
            {{
                ChatText{k}.Trace(_logger, label);
            }}
        }}

        public string Export(Customer{k} customer, Conversation{k} conversation)
        {{
            {export}
        }}

        public async Task SyncAsync(Customer{k} customer, CancellationToken cancellationToken)
        {{
            {sync}var payload = new {{ customer.Email, customer.Name, customer.Locale }};
            using var response = await _http.PostAsJsonAsync(""https://crm.invalid/contacts"", payload, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {{
                _logger.LogWarning(""CRM sync failed with {{Status}}"", (int)response.StatusCode);
            }}
        }}

        public IReadOnlyList<string> Transcript(Conversation{k} conversation)
            => conversation.Messages.OrderBy(m => m.SentAt).Select(m => m.Author + "": "" + m.Text).ToList();

        public int Score(Conversation{k} conversation)
        {{
            var score = 0;
            foreach (var message in conversation.Messages)
            {{
                var words = ChatText{k}.Words(message.Text);
                score += message.Author switch
                {{
                    ""agent"" => words > 20 ? 2 : 1,
                    ""customer"" => words > 50 ? -1 : 0,
                    _ => 0,
                }};
            }}

            return score;
        }}
    }}
}}
");

            yield return ("Storage", $@"using System;
using System.Linq;
using Market.M{k}.Chat;
using Market.M{k}.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Storage
{{
    public sealed class MarketDb{k} : DbContext
    {{
        public DbSet<Conversation{k}> Conversations => Set<Conversation{k}>();

        public DbSet<Message{k}> Messages => Set<Message{k}>();
    }}

    public sealed class ConversationStore{k}
    {{
        private readonly MarketDb{k} _db;
        private readonly ILogger<ConversationStore{k}> _logger;

        public ConversationStore{k}(MarketDb{k} db, ILogger<ConversationStore{k}> logger)
        {{
            _db = db;
            _logger = logger;
        }}

        public void Save(Conversation{k} conversation)
        {{
            _db.Conversations.Add(conversation);
            _db.SaveChanges();
            _logger.LogDebug(""Saved conversation {{ConversationId}} with {{Count}} messages"", conversation.Id, conversation.Messages.Count);
        }}

        public void Archive(Conversation{k} conversation)
        {{
            var text = ChatText{k}.Summary(conversation);
            ChatText{k}.Append(""archive-{k}.txt"", text);
        }}

        public int Purge(DateTimeOffset before)
        {{
            var old = _db.Conversations.Where(c => c.StartedAt < before).ToList();
            foreach (var conversation in old)
            {{
                _db.Conversations.Remove(conversation);
            }}

            return _db.SaveChanges();
        }}
    }}
}}
");

            yield return ("Pricing", $@"using System;
using System.Collections.Generic;
using System.Linq;
using Market.M{k}.Model;

namespace Market.M{k}.Catalog
{{
    /// <summary>Business logic with no personal data: most of a real code base.</summary>
    public sealed class Pricing{k}
    {{
        private readonly Dictionary<Guid, decimal> _discounts = new Dictionary<Guid, decimal>();

        public decimal PriceOf(Listing{k} listing, int quantity)
        {{
            if (quantity <= 0)
            {{
                throw new ArgumentOutOfRangeException(nameof(quantity));
            }}

            var price = listing.Price * quantity;
            if (_discounts.TryGetValue(listing.Id, out var discount))
            {{
                price -= price * discount;
            }}

            if (quantity >= 10)
            {{
                price *= 0.95m;
            }}
            else if (quantity >= 5)
            {{
                price *= 0.98m;
            }}

            return Math.Round(price, 2, MidpointRounding.ToEven);
        }}

        public IReadOnlyList<Listing{k}> Rank(IEnumerable<Listing{k}> listings, string query)
        {{
            var terms = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return listings
                .Where(l => l.Stock > 0)
                .Select(l => (Listing: l, Hits: terms.Count(t => l.Title.Contains(t, StringComparison.OrdinalIgnoreCase))))
                .OrderByDescending(x => x.Hits)
                .ThenBy(x => x.Listing.Price)
                .Select(x => x.Listing)
                .ToList();
        }}

        public string Band(decimal price)
        {{
            switch (decimal.ToInt32(price) / 10)
            {{
                case 0: return ""budget"";
                case 1: return ""low"";
                case 2:
                case 3: return ""mid"";
                case 4:
                case 5:
                case 6: return ""high"";
                default: return ""premium"";
            }}
        }}

        public void SetDiscount(Guid listingId, decimal discount)
        {{
            if (discount < 0 || discount >= 1)
            {{
                throw new ArgumentException(""A discount is a fraction below 1."", nameof(discount));
            }}

            _discounts[listingId] = discount;
        }}
    }}
}}
");
        }
    }
}
