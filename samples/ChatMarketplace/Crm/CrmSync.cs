using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using ChatMarketplace.Model;
using ChatMarketplace.Privacy;
using Microsoft.Extensions.Logging;

namespace ChatMarketplace.Crm
{
    /// <summary>Pushes visitors who opted in to the sellers' CRM, so sellers can send them offers.</summary>
    public sealed class CrmSync
    {
        private readonly HttpClient _http;
        private readonly ConsentService _consent;
        private readonly ILogger<CrmSync> _logger;

        public CrmSync(HttpClient http, ConsentService consent, ILogger<CrmSync> logger)
        {
            _http = http;
            _consent = consent;
            _logger = logger;
        }

        /// <summary>Sends the visitor's contact to the CRM, only when they consented to marketing.</summary>
        public async Task<bool> SyncVisitorAsync(Visitor visitor, CancellationToken cancellationToken)
        {
            if (!_consent.HasConsent(visitor, "marketing"))
            {
                _logger.LogDebug("Visitor {VisitorId} has not opted in to marketing; not synced", visitor.Id);
                return false;
            }

            var contact = new CrmContact(visitor.Id, visitor.Email, visitor.Name, visitor.Locale);
            using var response = await _http.PostAsJsonAsync("contacts", contact, cancellationToken);
            response.EnsureSuccessStatusCode();
            _logger.LogInformation("Visitor {VisitorId} synced to the CRM", visitor.Id);
            return true;
        }

        /// <summary>Keeps the CRM's copy of the address current when a visitor corrects it in the chat.</summary>
        public async Task UpdateEmailAsync(Visitor visitor, CancellationToken cancellationToken)
        {
            // PII005: the corrected address is sent to the CRM even for visitors who never opted in to marketing (or withdrew); check _consent.HasConsent(visitor, "marketing") first, as SyncVisitorAsync does.
            using var response = await _http.PutAsJsonAsync("contacts/" + visitor.Id.ToString("N"), new { visitor.Email }, cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        /// <summary>Tells the CRM to forget a visitor who withdrew consent (GDPR Art. 17).</summary>
        public async Task ForgetVisitorAsync(Guid visitorId, CancellationToken cancellationToken)
        {
            using var response = await _http.DeleteAsync("contacts/" + visitorId.ToString("N"), cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        private sealed record CrmContact(Guid ExternalId, string Email, string Name, string Locale);
    }
}
