using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII006PurposeMismatch.PurposeMismatchTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PurposeLimitationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII006PurposeMismatch
{
    /// <summary>What a careful user writes: no PII006 where the purpose matches, for writes, or in code that declares no purpose.</summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task MatchingPurpose_WritesAndUndeclaredCode_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using PiiAttributes;
                [ProcessingPurpose("Support")]
                class Desk
                {
                    public string Reply(Visitor v) => v.Email + v.Phone;
                    [ProcessingPurpose("marketing")]
                    public void Import(Visitor v, string email) { v.Email = email; var n = nameof(v.Email); }
                }
                class Anywhere
                {
                    public string Any(Visitor v) => v.Email;
                }

                """ + Model);
        }
    }
}
