using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules
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

    public class PII009RequiresConsentTests
    {
        [Fact]
        public async Task CallWithoutCheck_Triggers_WithMatchingCheckDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Mailer mailer, Visitor v)
                    {
                        {|#0:mailer.SendNewsletter(v)|};
                        if (_consent.MarketingOptIn) mailer.SendNewsletter(v);
                        if (_consent.HasConsent(v, "marketing")) mailer.SendNewsletter(v);
                        if (_consent.CanSupport(v)) {|#1:mailer.SendNewsletter(v)|};
                    }
                """),
                Rule("PII009", 0, "Mailer.SendNewsletter", " for 'marketing'"),
                Rule("PII009", 1, "Mailer.SendNewsletter", " for 'marketing'"));
        }

        [Fact]
        public async Task RequirementListingSeveralPurposes_NeedsEach()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [RequiresConsent(Purpose = "support, marketing")]
                    void Both(Visitor v) { }
                    void M(Visitor v)
                    {
                        if (_consent.MarketingOptIn) {|#0:Both(v)|};
                        if (_consent.MarketingOptIn && _consent.CanSupport(v)) Both(v);
                    }
                """),
                Rule("PII009", 0, "Service.Both", " for 'support' and 'marketing'"));
        }

        [Fact]
        public async Task ConstructorRequiringConsent_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var a = {|#0:new Mailer("news@example.com")|};
                        var b = new Mailer();
                        if (_consent.CanSupport(v)) { var c = new Mailer("x"); }
                    }
                """),
                Rule("PII009", 0, "Mailer", string.Empty));
        }

        [Fact]
        public async Task CallerThatRequiresConsent_PassesTheObligationOn()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [RequiresConsent(Purpose = "marketing")]
                    void Campaign(Mailer mailer, Visitor v) => mailer.SendNewsletter(v);
                    void M(Mailer mailer, Visitor v) => {|#0:Campaign(mailer, v)|};
                """),
                Rule("PII009", 0, "Service.Campaign", " for 'marketing'"));
        }
    }
}
