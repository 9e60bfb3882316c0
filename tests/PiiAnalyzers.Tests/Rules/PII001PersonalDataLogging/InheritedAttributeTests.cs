using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 for attributes inherited through interfaces and overrides.</summary>
    public class InheritedAttributeTests
    {
        [Fact]
        public async Task InterfacePropertyReadThroughInterface_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(IContact c) => _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                """),
                Logged(0, "'IContact.Phone' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task InterfacePropertyReadThroughImplementation_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(ContactCard c) => _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                """),
                Logged(0, "'IContact.Phone' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task OverriddenPropertyReadThroughDerivedType_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Customer c, Person p)
                    {
                        _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                        _logger.LogInformation("{Phone}", {|#1:p.Phone|});
                    }
                """),
                Logged(0, "'Person.Phone' (personal data, purpose 'billing')", "'LogInformation'"),
                Logged(1, "'Person.Phone' (personal data, purpose 'billing')", "'LogInformation'"));
        }
    }
}
