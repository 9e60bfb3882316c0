using System;
using System.Collections.Generic;
using System.Linq;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// The dense corpus (<see cref="CorpusKind.Dense"/>): the service corpus's models, consent registry, helpers and
    /// storage, with services where most methods log, serialize, store or send personal data through helpers calling
    /// helpers, LINQ and consent checks.
    /// </summary>
    internal static class DenseSources
    {
        public static IEnumerable<(string Name, string Text)> Module(int k, Random random)
        {
            foreach (var file in CorpusGenerator.Module(k, pii: true, random))
            {
                if (file.Name is "Model" or "Privacy" or "Helpers" or "Storage")
                {
                    yield return file;
                }
            }

            yield return ("Contact", $@"using System.Collections.Generic;
using System.Linq;
using Market.M{k}.Model;

namespace Market.M{k}.Dense
{{
    internal static class Contact{k}
    {{
        public static string Name(Customer{k} customer) => customer.Name.Trim();

        public static string Address(Customer{k} customer) => customer.Email.ToLowerInvariant();

        public static string Display(Customer{k} customer) => Name(customer) + "" <"" + Address(customer) + "">"";

        public static string Where(Customer{k} customer) => customer.City + "" ("" + customer.IpAddress + "")"";

        public static string Card(Customer{k} customer) => Display(customer) + "", "" + Where(customer);

        public static IEnumerable<string> Emails(IEnumerable<Customer{k}> customers) => customers.Select(Address);

        public static string Joined(IEnumerable<Customer{k}> customers) => string.Join("";"", Emails(customers));

        public static object Payload(Customer{k} customer) => new {{ Email = Address(customer), Name = Name(customer), customer.Locale }};
    }}
}}
");

            for (var part = 0; part < 2; part++)
            {
                yield return ("Outreach" + part, $@"using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Market.M{k}.Chat;
using Market.M{k}.Model;
using Market.M{k}.Privacy;
using Market.M{k}.Storage;
using Microsoft.Extensions.Logging;

namespace Market.M{k}.Dense
{{
    public sealed class Outreach{k}x{part}
    {{
        private readonly ILogger<Outreach{k}x{part}> _logger;
        private readonly ConsentRegistry{k} _consent;
        private readonly ConversationStore{k} _store;
        private readonly HttpClient _http;

        public Outreach{k}x{part}(ILogger<Outreach{k}x{part}> logger, ConsentRegistry{k} consent, ConversationStore{k} store, HttpClient http)
        {{
            _logger = logger;
            _consent = consent;
            _store = store;
            _http = http;
        }}

        public void Welcome(Customer{k} customer) => _logger.LogInformation(""Welcome {{Card}}"", Contact{k}.Card(customer));

        public void Trace(Customer{k} customer)
        {{
            var display = Contact{k}.Display(customer);
            ChatText{k}.Trace(_logger, display);
        }}

        public string Export(Customer{k} customer) => JsonSerializer.Serialize(Contact{k}.Payload(customer));

        public string ExportIfAllowed(Customer{k} customer)
        {{
            if (!_consent.HasConsent(customer, ""support""))
            {{
                return string.Empty;
            }}

            return JsonSerializer.Serialize(customer);
        }}

        public async Task SendAsync(Customer{k} customer, CancellationToken cancellationToken)
        {{
            using var response = await _http.PostAsJsonAsync(""https://crm.invalid/m{k}"", Contact{k}.Payload(customer), cancellationToken);
            _logger.LogDebug(""Sent with {{Status}}"", (int)response.StatusCode);
        }}

        public async Task SendIfAllowedAsync(Customer{k} customer, CancellationToken cancellationToken)
        {{
            if (_consent.HasConsent(customer, ""marketing""))
            {{
                using var content = new StringContent(Contact{k}.Address(customer));
                using var response = await _http.PostAsync(""https://mail.invalid/m{k}"", content, cancellationToken);
            }}
        }}

        public void Remember(Customer{k} customer, string topic)
        {{
            var conversation = new Conversation{k} {{ CustomerId = customer.Id, CustomerEmail = Contact{k}.Address(customer), Topic = topic }};
            _store.Save(conversation);
        }}

        public void Archive(Customer{k} customer) => ChatText{k}.Append(""outreach-{k}.txt"", Contact{k}.Card(customer));

        public void Batch(IReadOnlyList<Customer{k}> customers)
        {{
            foreach (var customer in customers.Where(c => c.Visits > 2))
            {{
                _logger.LogInformation(""Regular {{Email}}"", Contact{k}.Address(customer));
            }}

            _logger.LogInformation(""Batch {{All}}"", Contact{k}.Joined(customers));
        }}

        public IReadOnlyList<string> Lines(IEnumerable<Customer{k}> customers) => customers.OrderBy(c => c.Name).Select(Contact{k}.Card).ToList();

        public void Report(IEnumerable<Customer{k}> customers)
        {{
            foreach (var line in Lines(customers))
            {{
                _logger.LogWarning(""{{Line}}"", line);
            }}
        }}

        public void Print(Customer{k} customer) => Console.WriteLine(Contact{k}.Where(customer));

        public int Regulars(IEnumerable<Customer{k}> customers) => customers.Count(c => c.Visits > 2);
    }}
}}
");
            }
        }
    }
}
