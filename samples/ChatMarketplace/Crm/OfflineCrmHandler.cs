using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ChatMarketplace.Crm
{
    /// <summary>Stands in for the CRM's HTTP API so the sample runs without a network: accepts every request.</summary>
    public sealed class OfflineCrmHandler : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Accepted) { RequestMessage = request });
        }
    }
}
