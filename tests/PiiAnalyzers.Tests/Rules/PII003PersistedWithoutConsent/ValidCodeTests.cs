using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII003PersistedWithoutConsent
{
    /// <summary>What a careful user writes: no PII003 for data stored under a consent check, or not stored at all.</summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task NotMappedMember_IsNotPersisted()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Visitor v)
                    {
                        var note = new Note();
                        if (_consent.CanSupport(v)) db.Notes.Add(note);
                    }
                """) + MarketDb);
        }
    }
}
