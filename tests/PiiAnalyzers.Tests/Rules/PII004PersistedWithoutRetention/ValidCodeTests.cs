using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII004PersistedWithoutRetention
{
    /// <summary>What a careful user writes: no PII004 where a retention policy covers what is stored.</summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task RetentionOnMemberOrAssembly_Counts()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Lead lead)
                    {
                        if (_consent.MarketingOptIn) db.Leads.Add(lead);
                    }
                """).Replace("class Service", "[assembly: RetentionPolicy(365)]\nclass Service") + MarketDb);
        }

        [Theory]
        [InlineData("Setting = \"LeadRetentionDays\", EnforcedBy = typeof(Service)")]
        [InlineData("UntilErasure = true")]
        public async Task RetentionFromASettingOrUntilErasure_Counts(string policy)
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Lead lead)
                    {
                        if (_consent.MarketingOptIn) db.Leads.Add(lead);
                    }
                """).Replace("class Service", "[assembly: RetentionPolicy(" + policy + ")]\nclass Service") + MarketDb);
        }
    }
}
