using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII006PurposeMismatch.PurposeMismatchTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PurposeLimitationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII006PurposeMismatch
{
    public class PII006PurposeMismatchTests
    {
        private static DiagnosticResult Used(int location, string member, string purpose, string collected)
            => Verify.Diagnostic("PII006").WithLocation(location).WithArguments("'" + member + "' (personal data)", purpose, collected);

        [Fact]
        public async Task ReadForAnotherPurpose_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using PiiAttributes;
                class Campaigns
                {
                    [ProcessingPurpose("marketing")]
                    public string Target(Visitor v) => {|#0:v.Email|} + v.Phone + v.Nickname + v.Id;
                }

                """ + Model,
                Used(0, "Visitor.Email", "marketing", "'support'"));
        }

        [Fact]
        public async Task GeneratedCode_DoesNotTrigger()
        {
            // Generated files and [GeneratedCode] types (wherever a part of one sits) are not analyzed.
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PurposeLimitationAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("Campaigns.g.cs", /* lang=c#-test */ """
                using PiiAttributes;
                partial class Campaigns { [ProcessingPurpose("marketing")] public string A(Visitor v) => v.Email; }
                """));
            test.TestState.Sources.Add(("Hand.cs", /* lang=c#-test */ """
                using PiiAttributes;
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                partial class Mailer { [ProcessingPurpose("marketing")] public string A(Visitor v) => v.Email; }
                partial class Mailer { [ProcessingPurpose("marketing")] public string B(Visitor v) => v.Email; }
                partial class Campaigns { [ProcessingPurpose("marketing")] public string B(Visitor v) => {|#0:v.Email|}; }

                """ + Model));
            test.ExpectedDiagnostics.Add(Used(0, "Visitor.Email", "marketing", "'support'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task PurposeOnType_AppliesToItsMembersAndLambdas()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using System.Linq;
                using PiiAttributes;
                [ProcessingPurpose("analytics")]
                class Reports
                {
                    public string[] Emails(Visitor[] visitors) => visitors.Select(v => {|#0:v.Email|}).ToArray();
                    public string Phone(Visitor v) => {|#1:v.Phone|};
                }

                """ + Model,
                Used(0, "Visitor.Email", "analytics", "'support'"),
                Used(1, "Visitor.Phone", "analytics", "'support' and 'marketing'"));
        }

        [Fact]
        public async Task PurposeReachesLocalFunctionsAccessorsInitializersAndNestedTypes()
        {
            // What a purpose covers: the body it is declared on with its local functions, a property's accessors and
            // initializer, a field's initializer, and the members of nested types; a purpose closer to the code wins.
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using PiiAttributes;
                [ProcessingPurpose("analytics")]
                class Funnel
                {
                    private static readonly Visitor Sample = new Visitor();
                    private readonly string _sampleEmail = {|#0:Sample.Email|};
                    public string SamplePhone { get; } = {|#1:Sample.Phone|};
                    public string Label => {|#2:Sample.Email|};

                    public string Step(Visitor v)
                    {
                        return Local() + v.Id;
                        string Local() => {|#3:v.Email|};
                    }

                    class Stage
                    {
                        public string Of(Visitor v) => v.Nickname + {|#4:v.Email|};
                    }

                    [ProcessingPurpose("support")]
                    public string Help(Visitor v) => v.Email + v.Phone;
                }

                """ + Model,
                Used(0, "Visitor.Email", "analytics", "'support'"),
                Used(1, "Visitor.Phone", "analytics", "'support' and 'marketing'"),
                Used(2, "Visitor.Email", "analytics", "'support'"),
                Used(3, "Visitor.Email", "analytics", "'support'"),
                Used(4, "Visitor.Email", "analytics", "'support'"));
        }
    }
}
