using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII005TransferredWithoutConsent
{
    public class PII005TransferredWithoutConsentTests
    {
        private const string CheckSupport = "check consent for 'support' first";
        private const string CheckMarketing = "check consent for 'marketing' first";

        [Fact]
        public async Task UrlCarryingPersonalData_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        await {|#0:http.GetAsync($"https://crm.example.com/contacts?email={Uri.EscapeDataString(v.Email)}")|};
                        await http.GetAsync($"https://crm.example.com/contacts/{v.Id}");
                    }
                """),
                Rule("PII005", 0, Email, "'GetAsync'", CheckSupport));
        }

        [Fact]
        public async Task ContentBuiltFromPersonalData_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        var body = new System.Net.Http.StringContent({|#2:System.Text.Json.JsonSerializer.Serialize(new { v.Id, v.Phone })|});
                        await {|#0:http.PostAsync("https://crm.example.com/leads", body)|};
                        var json = System.Net.Http.Json.JsonContent.Create(v.Phone);
                        var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "https://crm.example.com/leads");
                        request.Content = json;
                        await {|#1:http.SendAsync(request)|};
                    }
                """),
                Rule("PII002", 2, Phone, "'JsonSerializer.Serialize'", CheckMarketing),
                Rule("PII005", 0, Phone, "'PostAsync'", CheckMarketing),
                Rule("PII005", 1, Phone, "'SendAsync'", CheckMarketing));
        }

        [Fact]
        public async Task PostAsJsonWithConsent_DoesNotTrigger_WithoutDoes()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Lead lead, Visitor v)
                    {
                        if (_consent.HasConsent(v, "marketing"))
                        {
                            await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "https://crm.example.com/leads", lead);
                        }
                        await {|#0:System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "https://crm.example.com/leads", lead)|};
                    }
                """),
                Rule("PII005", 0, LeadEmail, "'PostAsJsonAsync'", CheckMarketing));
        }

        /// <summary>Blazor WebAssembly's host environment, under its own name (the tests do not reference the package).</summary>
        private const string WebAssemblyHost = /* lang=c#-test */ """

            namespace Microsoft.AspNetCore.Components.WebAssembly.Hosting
            {
                public interface IWebAssemblyHostEnvironment { string BaseAddress { get; } }
            }

            """;

        [Fact]
        public async Task BlazorClientPostingToItsOwnServer_DoesNotTrigger_ExternalAddressesDo()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    static System.Net.Http.HttpClient Create(Microsoft.AspNetCore.Components.WebAssembly.Hosting.IWebAssemblyHostEnvironment env)
                        => new System.Net.Http.HttpClient { BaseAddress = new Uri(env.BaseAddress) };
                    async Task M(System.Net.Http.HttpClient http, Lead lead, string where)
                    {
                        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "leads", lead);
                        await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(http, "/api/leads/1", lead);
                        await {|#0:System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "https://crm.example.com/leads", lead)|};
                        await {|#1:System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "//crm.example.com/leads", lead)|};
                        await {|#2:System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, where, lead)|};
                    }
                """) + WebAssemblyHost,
                Rule("PII005", 0, LeadEmail, "'PostAsJsonAsync'", CheckMarketing),
                Rule("PII005", 1, LeadEmail, "'PostAsJsonAsync'", CheckMarketing),
                Rule("PII005", 2, LeadEmail, "'PostAsJsonAsync'", CheckMarketing));
        }

        [Fact]
        public async Task RelativeAddress_WithoutTheHostsBaseAddress_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    static System.Net.Http.HttpClient Create() => new System.Net.Http.HttpClient { BaseAddress = new Uri("https://crm.example.com/") };
                    async Task M(System.Net.Http.HttpClient http, Lead lead)
                    {
                        await {|#0:System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "leads", lead)|};
                    }
                """) + WebAssemblyHost,
                Rule("PII005", 0, LeadEmail, "'PostAsJsonAsync'", CheckMarketing));
        }

        [Fact]
        public async Task DeclaredTransferSink_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [PersonalDataSink(SinkKind.Transfer)]
                    static void Push(object payload) { }
                    void M(Visitor v) { {|#0:Push(v.Email)|}; Push(v.Id); }
                """),
                Rule("PII005", 0, Email, "'Push'", CheckSupport));
        }
    }

}
