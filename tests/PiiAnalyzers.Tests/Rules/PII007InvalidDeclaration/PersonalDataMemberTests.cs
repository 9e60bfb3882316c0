using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration.InvalidDeclarationHelpers;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>PII007 on [PersonalDataMember]: a member the type does not have, or no purpose.</summary>
    public class PersonalDataMemberTests
    {
        [Fact]
        public async Task PersonalDataMemberNamingNoMemberOrNoPurpose_Triggers()
        {
            var source = """
                using PiiAttributes;

                [assembly: {|#2:PersonalDataMember(typeof(Dto), "Emial", Purpose = "support")|}]
                [assembly: PersonalDataMember(typeof(Dto), nameof(Dto.Email), Purpose = "support")]

                public class Dto { public string Email { get; set; } = ""; }

                public class Base { public string Phone = ""; }

                [PersonalDataMember(nameof(Phone), Purpose = "support")]
                [{|#0:PersonalDataMember("Mobile", Purpose = "support")|}]
                [{|#1:PersonalDataMember(nameof(Phone))|}]
                public class Derived : Base { }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalDataMember]", "Derived", "'Derived' has no property or field 'Mobile'; name one it has or inherits"),
                Diagnostic(1, "[PersonalDataMember]", "Derived", MissingPurpose),
                Diagnostic(2, "[assembly: PersonalDataMember]", "TestProject", "'Dto' has no property or field 'Emial'; name one it has or inherits"));
        }
    }
}
