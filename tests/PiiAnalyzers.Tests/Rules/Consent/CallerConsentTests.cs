using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>A private helper whose every call is guarded is guarded inside.</summary>
    public class CallerConsentTests
    {
        private const string Serialize = "'JsonSerializer.Serialize'";
        private const string CheckSupport = "check consent for 'support' first";

        [Fact]
        public async Task PrivateHelperCalledOnlyUnderTheCheck_IsGuarded()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public async Task<string?> ExportAsync(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return null;
                        await Task.Yield();
                        return Export(v);
                    }
                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? this.Export(v) : null;
                    private string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.Email);
                """));
        }

        [Fact]
        public async Task PrivateHelperWithOneUnguardedCall_IsReportedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? Export(v) : null;
                    public string ExportAnyway(Visitor v) => Export(v);
                    private string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task CallersCheckingAnotherPurpose_DoNotGuard()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.HasConsent(v, "marketing") ? Export(v) : null;
                    private string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, "the consent checked here covers 'marketing', not the purpose the data was collected for; " + CheckSupport));
        }

        [Fact]
        public async Task HelpersWhoseCallsCannotAllBeSeen_AreJudgedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? Export(v) + Shared(v) : null;
                    public Func<Visitor, string> Exporter => Export;
                    private string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    public string Shared(Visitor v) => {|#1:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    private string Unused(Visitor v) => {|#2:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport),
                Rule("PII002", 1, Email, Serialize, CheckSupport),
                Rule("PII002", 2, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task RequiresConsentCallInsideGuardedHelper_IsGuarded()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    private readonly Mailer _mailer = new();
                    public void Subscribe(Visitor v)
                    {
                        if (_consent.MarketingOptIn) Send(v);
                    }
                    private void Send(Visitor v) => _mailer.SendNewsletter(v);
                """));
        }
    }
}
