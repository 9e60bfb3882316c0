using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII002SerializedWithoutConsent
{
    /// <summary>What a careful user writes: no PII002 for data that needs no consent, or serialized where a consent check guards it.</summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task ContractBasis_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v.BillingAddress);
                """));
        }

        [Fact]
        public async Task InsideIfCheck_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string? M(Visitor v)
                    {
                        if (_consent.HasConsent(v, "support"))
                        {
                            return System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        return null;
                    }
                """));
        }

        [Fact]
        public async Task AfterEarlyReturnOrThrow_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string? M(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return null;
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                    string N(Visitor v)
                    {
                        if (!_consent.HasConsent(v, "support")) throw new InvalidOperationException("no consent");
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """));
        }

        [Fact]
        public async Task CheckBeforeTry_GuardsCatchAndFinally()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return;
                        try { System.Text.Json.JsonSerializer.Serialize(v.Email); }
                        catch (InvalidOperationException) { System.Text.Json.JsonSerializer.Serialize(v.Email); }
                        finally { System.Text.Json.JsonSerializer.Serialize(v.Email); }
                    }
                """));
        }

        [Fact]
        public async Task CheckListingSeveralPurposes_CoversEach()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [ConsentCheck(Purpose = "support, marketing")]
                    bool Both(Visitor v) => true;
                    void M(Visitor v)
                    {
                        if (Both(v)) { System.Text.Json.JsonSerializer.Serialize(v.Email); System.Text.Json.JsonSerializer.Serialize(v.Phone); }
                    }
                """));
        }

        [Fact]
        public async Task CheckDeclaredOnInterface_HoldsForTheImplementation()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    interface IConsents { [ConsentCheck(Purpose = "support")] bool Allows(Visitor v); }
                    class Consents : IConsents { public bool Allows(Visitor v) => true; }
                    void M(Consents consents, Visitor v)
                    {
                        if (consents.Allows(v)) System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """));
        }

        [Fact]
        public async Task InsideRequiresConsentMethod_EverythingIsGuarded()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [RequiresConsent]
                    string M(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v);
                """));
        }
    }
}
