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
    /// PII007 on [PersonalData]: a missing or empty purpose, or an empty item in a purpose list; attributes copied into
    /// the project are checked the same. Each test declares its own Visitor: the declaration is what the rule judges, so
    /// no shared model fits.
    /// </summary>
    public class PII007InvalidDeclarationTests
    {
        [Fact]
        public async Task MissingPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Visitor.Email", MissingPurpose));
        }

        [Fact]
        public async Task PurposeOmittedWithOtherArguments_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Visitor.Email", MissingPurpose));
        }

        [Theory]
        [InlineData("\"\"")]
        [InlineData("\"   \"")]
        [InlineData("null")]
        [InlineData("\",\"")]
        public async Task EmptyPurpose_Triggers(string purpose)
        {
            var source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = 
                """ + purpose + """
                )|}]
                    public string Email = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Visitor.Email", MissingPurpose));
        }

        [Theory]
        [InlineData("support,,billing")]
        [InlineData("support,")]
        [InlineData(",support")]
        [InlineData("support, ,billing")]
        public async Task EmptyItemInPurposeList_Triggers(string purposes)
        {
            var source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "
                """ + purposes + """
                ")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Visitor.Email", EmptyItem));
        }

        [Fact]
        public async Task SeveralEmptyItems_TriggersOnce()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "support,,billing,,")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Visitor.Email", EmptyItem));
        }

        [Fact]
        public async Task AttributesCopiedIntoProject_AreChecked()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = /* lang=c#-test */ """

                    namespace PiiAttributes
                    {
                        [System.AttributeUsage(System.AttributeTargets.All)]
                        public sealed class PersonalDataAttribute : System.Attribute
                        {
                            public string? Purpose { get; set; }
                        }
                    }

                    namespace MyApp
                    {
                        public class Visitor
                        {
                            [{|#0:PiiAttributes.PersonalData|}]
                            public string Email { get; set; } = "";
                        }
                    }
                    """,
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(TestReferences.FrameworkOnly);
            test.ExpectedDiagnostics.Add(Diagnostic(0, "[PersonalData]", "Visitor.Email", MissingPurpose));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
