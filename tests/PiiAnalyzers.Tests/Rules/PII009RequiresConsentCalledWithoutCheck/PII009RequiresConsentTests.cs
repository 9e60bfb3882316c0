using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII009RequiresConsentCalledWithoutCheck
{
    /// <summary>PII009: a method or constructor that requires consent, called without a consent check.</summary>
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
