using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration.InvalidDeclarationHelpers;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>
    /// What a careful user writes: no PII007 for declared, allowed or configured purposes, stated retention periods, or in a
    /// project whose look-alike attributes are its own.
    /// </summary>
    public class ValidCodeTests
    {
        [Fact]
        public async Task DeclaredPurpose_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";

                    [PersonalData(Purpose = "support, billing")]
                    public string Name = "";

                    public string NotPersonal { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PurposeFromConstant_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public static class Purposes
                {
                    public const string Support = "support";
                }

                public class Visitor
                {
                    [PersonalData(Purpose = Purposes.Support)]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes);
        }

        [Fact]
        public async Task PurposeListWithSpaces_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = " support ,  billing ")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes);
        }

        [Fact]
        public async Task PurposeNotAllowed_WithoutOption_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "suport")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Theory]
        [InlineData("root = true\n\n[*]\npii_analyzers.purposes =\n")]
        [InlineData("root = true\n\n[*]\npii_analyzers.purposes = ,  ,\n")]
        [InlineData("root = true\n\n[*]\npii_analyzers.other = support\n")]
        [InlineData("root = true\n\n[*.vb]\npii_analyzers.purposes = support\n")]
        public async Task PurposeOptionEmptyOrNotApplying_AcceptsAnyPurpose(string editorConfig)
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "anything")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, editorConfig);
        }

        [Fact]
        public async Task AllowedPurposes_DoNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";

                    [PersonalData(Purpose = "billing,marketing")]
                    public string Name { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes);
        }

        [Fact]
        public async Task PurposesDifferingOnlyInCase_DoNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "Support")]
                    public string Email { get; set; } = "";

                    [PersonalData(Purpose = "BILLING, Marketing")]
                    public string Name { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, "root = true\n\n[*]\npii_analyzers.purposes = SUPPORT,billing,marketing\n");
        }

        [Fact]
        public async Task ConsentAndProcessingPurposesAllowed_DoNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [ProcessingPurpose("Marketing")]
                public class Campaigns
                {
                    [ConsentCheck(Purpose = "marketing")]
                    public bool HasConsented(string visitorId) => true;

                    [RequiresConsent(Purpose = "MARKETING")]
                    public void Send(string address) { }

                    [ProcessingPurpose("support")]
                    public void Answer() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes);
        }

        [Fact]
        public async Task ConsentAndProcessingPurposesOmitted_DoNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [ProcessingPurpose("")]
                public class Campaigns
                {
                    [ConsentCheck]
                    public bool HasConsented(string visitorId) => true;

                    [RequiresConsent]
                    public void Send(string address) { }

                    [RequiresConsent(Purpose = " ")]
                    public void Call(string phone) { }

                    [ProcessingPurpose(null!)]
                    public void Answer() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes);
        }

        [Fact]
        public async Task ConsentPurposeNotAllowed_WithoutOption_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [ProcessingPurpose("analytics")]
                public class Campaigns
                {
                    [ConsentCheck(Purpose = "newsletter")]
                    public bool HasConsented(string visitorId) => true;

                    [RequiresConsent(Purpose = "newsletter")]
                    public void Send(string address) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task RetentionPolicyFromASettingOrUntilErasure_DoesNotTrigger()
        {
            var source = """
                using PiiAttributes;

                [RetentionPolicy(Setting = "VisitorRetentionDays", EnforcedBy = typeof(PurgeJob), Reason = "configured per tenant")]
                public class Visit
                {
                    [RetentionPolicy(UntilErasure = true)]
                    public string Email { get; set; } = "";

                    [RetentionPolicy(Setting = "PhoneRetentionDays")]
                    public string Phone = "";
                }

                public class PurgeJob { }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task RetentionPolicyPositiveDays_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [RetentionPolicy(30)]
                public class Visitor
                {
                    [RetentionPolicy(Days = 1, Reason = "support follow-up")]
                    public string Email { get; set; } = "";

                    [RetentionPolicy(days: 365 * 7)]
                    public string TaxId = "";
                }

                [RetentionPolicy(Days = 90)]
                public struct Receipt
                {
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task AssemblyRetentionPolicyPositiveDays_DoesNotTrigger()
        {
            const string source = /* lang=c#-test */ """

                using System.Reflection;
                using PiiAttributes;

                [assembly: AssemblyDescription("test")]
                [assembly: RetentionPolicy(Days = 30)]

                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task ProjectWithoutPiiAttributes_DoesNotTrigger()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = /* lang=c#-test */ """

                    namespace MyApp
                    {
                        [System.AttributeUsage(System.AttributeTargets.All)]
                        public sealed class PersonalDataAttribute : System.Attribute
                        {
                            public string? Purpose { get; set; }
                        }

                        [System.AttributeUsage(System.AttributeTargets.All)]
                        public sealed class RetentionPolicyAttribute : System.Attribute
                        {
                            public int Days { get; set; }
                        }

                        [RetentionPolicy(Days = -1)]
                        public class Visitor
                        {
                            [PersonalData]
                            public string Email { get; set; } = "";
                        }
                    }
                    """,
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkOnly);
            await test.RunAsync(CancellationToken.None);
        }
    }
}
