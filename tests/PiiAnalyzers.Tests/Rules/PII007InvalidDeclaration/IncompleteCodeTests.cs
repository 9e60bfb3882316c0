using System.Threading.Tasks;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>Code that does not compile yet: PII007 reports nothing on it and does not throw.</summary>
    public class IncompleteCodeTests
    {
        [Fact]
        public async Task PurposeWithoutValue_DoesNotThrow()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = {|CS1525:)|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task RetentionDaysWithoutValue_DoesNotThrow()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [RetentionPolicy(days: {|CS1525:)|}]
                public class Visitor
                {
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task WrongArgumentTypes_DoNotThrow()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [RetentionPolicy(Days = {|CS0029:"thirty"|})]
                public class Visitor
                {
                    [PersonalData(Purpose = {|CS0029:42|})]
                    public string Email { get; set; } = "";

                    [ProcessingPurpose({|CS1503:7|})]
                    public void Send() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task UnknownAttributeAndIncompleteMember_DoNotThrow()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|CS0246:{|CS0246:Personal|}|}]
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";

                    [{|CS1729:RetentionPolicy(30, 7)|}]
                    public string Phone = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }
    }
}
