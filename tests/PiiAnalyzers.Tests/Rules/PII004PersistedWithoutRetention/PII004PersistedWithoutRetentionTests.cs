using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII004PersistedWithoutRetention
{
    /// <summary>PII004: personal data persisted without a retention policy.</summary>
    public class PII004PersistedWithoutRetentionTests
    {
        [Fact]
        public async Task NoRetentionPolicy_TriggersPII004_NamingTheStoredType()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async Task M(MarketDb db, Lead lead)
                    {
                        if (!_consent.MarketingOptIn) return;
                        await {|#0:db.Leads.AddAsync(lead)|};
                        db.Update(lead); // the same entity through the same context: stored once, reported at AddAsync
                    }
                """) + MarketDb,
                Rule("PII004", 0, "'Lead.Email' (personal data, purpose 'marketing')", "'AddAsync'", "'Lead'"));
        }

        [Fact]
        public async Task ContractBasis_DoesNotNeedConsent_ButNeedsRetention()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Invoice invoice) => {|#0:System.IO.File.WriteAllText("billing.txt", invoice.Address)|};
                    void N(Invoice invoice) => System.IO.File.AppendAllText("billing.txt", invoice.Id.ToString());
                    void O(Visitor v) => System.IO.File.AppendAllText("billing.txt", v.BillingAddress);
                """) + """

                public class Invoice
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                    public string Address { get; set; } = "";
                }
                """,
                Rule("PII004", 0, "'Invoice.Address' (personal data, purpose 'billing')", "'File.WriteAllText'", "'Invoice'"));
        }
    }
}
