using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>A helper only this compilation calls is judged at its calls: guarded where they are, reported where they are not.</summary>
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
        public async Task PrivateHelperWithOneUnguardedCall_IsReportedAtThatCall()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? Export(v) : null;
                    public string ExportAnyway(Visitor v) => {|#0:Export(v)|};
                    private string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.Email);
                """),
                Rule("PII002", 0, Email, "'Export' (through 'JsonSerializer.Serialize')", CheckSupport));
        }

        [Fact]
        public async Task InternalHelperWithOneUnguardedCall_IsReportedAtThatCall()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string ExportAnyway(Visitor v) => {|#0:new Exporter().Export(v)|};
                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? new Exporter().Export(v) : null;
                }

                internal sealed class Exporter
                {
                    internal string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.Email);
                """),
                Rule("PII002", 0, Email, "'Export' (through 'JsonSerializer.Serialize')", CheckSupport));
        }

        [Fact]
        public async Task PublicMethodOfAnInternalClass_IsReportedAtItsUnguardedCall()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string ExportAnyway(Visitor v) => {|#0:new Exporter().Export(v)|};
                }

                internal sealed class Exporter
                {
                    public string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.Email);
                """),
                Rule("PII002", 0, Email, "'Export' (through 'JsonSerializer.Serialize')", CheckSupport));
        }

        [Fact]
        public async Task PublicMethodOfAPublicClass_IsJudgedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string ExportAnyway(Visitor v) => new Exporter().Export(v);
                }

                public sealed class Exporter
                {
                    public string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task InternalHelperOfAnAssemblyShowingItsInternals_IsJudgedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string ExportAnyway(Visitor v) => new Exporter().Export(v);
                }

                internal sealed class Exporter
                {
                    internal string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """).Replace("using Market;", "using Market;\n[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Market.Tests\")]"),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task HelperChain_IsReportedAtTheOutermostUnguardedCall()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public void Save(Visitor v)
                    {
                        if (_consent.CanSupport(v)) Store(v);
                        {|#0:Store(v)|};
                    }
                    private void Store(Visitor v) => Write(v);
                    private void Write(Visitor v) => System.IO.File.WriteAllText("v.txt", System.Text.Json.JsonSerializer.Serialize(v.Email));
                """),
                Rule("PII002", 0, Email, "'Store' (through 'JsonSerializer.Serialize')", CheckSupport),
                Rule("PII003", 0, Email, "'Store' (through 'File.WriteAllText')", CheckSupport));
        }

        [Fact]
        public async Task ClosedHelperThatStores_KeepsRetentionInside_AndConsentAtTheCall()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public void Keep(Lead lead) => {|#0:Store(lead)|};
                    private void Store(Lead lead) => {|#1:System.IO.File.WriteAllText("lead.txt", lead.Email)|};
                """),
                Rule("PII003", 0, LeadEmail, "'Store' (through 'File.WriteAllText')", "check consent for 'marketing' first"),
                Rule("PII004", 1, LeadEmail.Replace(", basis consent", ""), "'File.WriteAllText'", "'Lead'"));
        }

        [Fact]
        public async Task DataTheHelperReadsItself_IsReportedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    private readonly Lead _lead = new();
                    public string ExportAnyway(Visitor v) => Export(v);
                    private string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(_lead.Email)|};
                """),
                Rule("PII002", 0, LeadEmail, Serialize, "check consent for 'marketing' first"));
        }

        [Fact]
        public async Task CallersCheckingAnotherPurpose_DoNotGuard()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.HasConsent(v, "marketing") ? {|#0:Export(v)|} : null;
                    private string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.Email);
                """),
                Rule("PII002", 0, Email, "'Export' (through 'JsonSerializer.Serialize')", "the consent checked here covers 'marketing', not the purpose the data was collected for; " + CheckSupport));
        }

        [Fact]
        public async Task HelpersWhoseCallsCannotAllBeSeen_AreJudgedInside()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public string? ExportIfAllowed(Visitor v) => _consent.CanSupport(v) ? Export(v) : null;
                    public Func<Visitor, string> Exporter => Export;
                    private string Export(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    private string Unused(Visitor v) => {|#1:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport),
                Rule("PII002", 1, Email, Serialize, CheckSupport));
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
