using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Tests.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.UnmarkedPersonalDataAnalyzer, PiiAnalyzers.CodeFixes.MarkAsPersonalDataCodeFixProvider>;

namespace PiiAnalyzers.Tests.Rules.PII008UnmarkedPersonalData
{
    /// <summary>PII008's "Mark as personal data". Each test declares the unmarked members the fix marks.</summary>
    public class MarkAsPersonalDataCodeFixTests
    {
        [Fact]
        public async Task PurposeFromSiblings_CategoryFromName()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """
                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";

                    /// <summary>Where we reach the visitor.</summary>
                    public string {|#0:Email|} { get; set; } = "";
                }

                """, /* lang=c#-test */ """
                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";

                    /// <summary>Where we reach the visitor.</summary>
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }

                """, Verify.Diagnostic("PII008").WithLocation(0).WithArguments("Visitor.Email", "an email address"));
        }

        [Fact]
        public async Task NoAgreement_LeavesThePurposeOpen_AndAddsTheUsing()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """
                    namespace Shop
                    {
                        public class Customer
                        {
                            [PiiAttributes.PersonalData(Purpose = "billing")]
                            public string Iban { get; set; } = "";
                            [PiiAttributes.PersonalData(Purpose = "support")]
                            public string Phone { get; set; } = "";
                            private string {|#0:_street|} = "";
                        }
                    }

                    """,
                FixedCode = /* lang=c#-test */ """
                    using PiiAttributes;

                    namespace Shop
                    {
                        public class Customer
                        {
                            [PiiAttributes.PersonalData(Purpose = "billing")]
                            public string Iban { get; set; } = "";
                            [PiiAttributes.PersonalData(Purpose = "support")]
                            public string Phone { get; set; } = "";
                            [PersonalData(Category = PersonalDataCategory.Location)]
                            private string _street = "";
                        }
                    }

                    """,
                // No sibling agreement and no pii_analyzers.purposes: the title says the purpose is still to be chosen.
                CodeActionVerifier = (action, verifier) => verifier.Equal(PiiAnalyzers.CodeFixes.MarkAsPersonalDataCodeFixProvider.TitleWithoutPurpose, action.Title),
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(0).WithArguments("Customer._street", "a street address"));
            await test.RunAsync();
        }

        [Fact]
        public async Task OnlyAllowedPurpose_IsUsed_AndRecordParametersAreMarked()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """
                    using PiiAttributes;

                    public record Lead(string {|#0:Phone|}, int Score);

                    """,
                FixedCode = /* lang=c#-test */ """
                    using PiiAttributes;

                    public record Lead([PersonalData(Purpose = "marketing", Category = PersonalDataCategory.Contact)] string Phone, int Score);

                    """,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npii_analyzers.purposes = marketing\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(0).WithArguments("Lead.Phone", "a phone number"));
            test.CodeActionVerifier = (action, verifier) => verifier.Equal(PiiAnalyzers.CodeFixes.MarkAsPersonalDataCodeFixProvider.Title, action.Title);
            await test.RunAsync();
        }

        [Fact]
        public async Task CategoryProperty_IsTheCategorysName()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Test",
                new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""public class Visitor { public string Email { get; set; } = ""; }""") },
                PiiAnalyzers.Tests.Verifiers.TestReferences.All,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation
                .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new PiiAnalyzers.Rules.UnmarkedPersonalDataAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();

            Assert.Equal("Contact", Assert.Single(diagnostics).Properties["Category"]);
        }

        [Fact]
        public async Task SeveralAllowedPurposes_TitleSaysAPurposeIsStillToBeChosen()
        {
            var test = new Verify.Test
            {
                TestCode = """
                    using PiiAttributes;

                    public record Lead(string {|#0:Phone|}, int Score);
                    """,
                FixedCode = """
                    using PiiAttributes;

                    public record Lead([PersonalData(Category = PersonalDataCategory.Contact)] string Phone, int Score);
                    """,
                CodeActionVerifier = (action, verifier) => verifier.Equal(PiiAnalyzers.CodeFixes.MarkAsPersonalDataCodeFixProvider.TitleWithoutPurpose, action.Title),
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npii_analyzers.purposes = marketing, support\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(0).WithArguments("Lead.Phone", "a phone number"));
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAll_MarksEveryMemberInEveryDocument()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/A.cs", /* lang=c#-test */ """
                using PiiAttributes;

                public class A
                {
                    [PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";
                    public string {|#0:Email|} { get; set; } = "";
                    public string {|#1:Phone|} { get; set; } = "";
                }

                """));
            test.TestState.Sources.Add(("/B.cs", /* lang=c#-test */ """
                public class B
                {
                    public System.DateTime {|#2:BirthDate|} { get; set; }
                }

                """));
            test.FixedState.Sources.Add(("/A.cs", /* lang=c#-test */ """
                using PiiAttributes;

                public class A
                {
                    [PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Phone { get; set; } = "";
                }

                """));
            test.FixedState.Sources.Add(("/B.cs", /* lang=c#-test */ """
                using PiiAttributes;

                public class B
                {
                    [PersonalData(Category = PersonalDataCategory.Identifier)]
                    public System.DateTime BirthDate { get; set; }
                }

                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(0).WithArguments("A.Email", "an email address"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(1).WithArguments("A.Phone", "a phone number"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(2).WithArguments("B.BirthDate", "a date of birth"));
            await test.RunAsync();
        }

        [Fact]
        public async Task FieldDeclaringSeveralVariables_IsNotFixed()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """public class C { private string {|#0:_firstName|}, {|#1:_lastName|}; }""",
                FixedCode = /* lang=c#-test */ """public class C { private string {|#0:_firstName|}, {|#1:_lastName|}; }""",
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(0).WithArguments("C._firstName", "a first name"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII008").WithLocation(1).WithArguments("C._lastName", "a last name"));
            test.FixedState.ExpectedDiagnostics.AddRange(test.ExpectedDiagnostics);
            await test.RunAsync();
        }
    }
}
