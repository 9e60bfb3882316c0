using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.UnmarkedPersonalDataAnalyzer>;

namespace PiiAnalyzers.Tests.Rules
{
    public class PII008UnmarkedPersonalDataTests
    {
        private static DiagnosticResult Unmarked(int location, string member, string what)
            => Verify.Diagnostic("PII008").WithLocation(location).WithArguments(member, what);

        [Fact]
        public async Task UnmarkedMembers_Trigger_MarkedAndOtherMembersDoNot()
        {
            await Verify.VerifyAnalyzerAsync(@"
using System;
using PiiAttributes;
public class Visitor
{
    public int Id { get; set; }
    public string {|#0:Email|} { get; set; } = """";
    [PersonalData(Purpose = ""support"")]
    public string Phone { get; set; } = """";
    public DateTime {|#1:DateOfBirth|} { get; set; }
    public DateTime CreatedAt { get; set; }
    public int EmailCount { get; set; }
    public bool EmailConfirmed { get; set; }
    public bool PhoneVerificationEnabled { get; set; }
    public string EmailTemplateId { get; set; } = """";
    private string {|#2:_lastName|} = """";
    public const string EmailHeader = ""X-Email"";
    public static string DefaultEmail = """";
}
public record Lead(string {|#3:Email|}, [PersonalData(Purpose = ""marketing"")] string Phone);
public class SmtpSettings { public string Email { get; set; } = """"; }
",
                Unmarked(0, "Visitor.Email", "an email address"),
                Unmarked(1, "Visitor.DateOfBirth", "a date of birth"),
                Unmarked(2, "Visitor._lastName", "a last name"),
                Unmarked(3, "Lead.Email", "an email address"));
        }

        [Fact]
        public async Task InheritedOrEcosystemMarks_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(@"
using PiiAttributes;
public interface IContact { [PersonalData(Purpose = ""support"")] string Email { get; } }
public class Contact : IContact { public string Email { get; set; } = """"; }
public class Base { [PersonalData(Purpose = ""support"")] public virtual string Phone { get; set; } = """"; }
public class Derived : Base { public override string Phone { get; set; } = """"; }
public class AppUser : Microsoft.AspNetCore.Identity.IdentityUser
{
    [Microsoft.AspNetCore.Identity.PersonalData]
    public string HomeAddress { get; set; } = """";
    [Microsoft.AspNetCore.Identity.ProtectedPersonalData]
    public string Mobile { get; set; } = """";
}
public class Classified : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
{
    public Classified() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification(""tax"", ""pii"")) { }
}
public class Customer
{
    [Classified] public string Iban { get; set; } = """";
    [Microsoft.Extensions.Compliance.Classification.NoDataClassification] public string {|#0:Salary|} { get; set; } = """";
}
",
                Unmarked(0, "Customer.Salary", "a salary"));
        }

        [Fact]
        public async Task ProjectWithoutAttributes_StillGetsSuggestions()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.UnmarkedPersonalDataAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = @"public class Visitor { public string {|#0:Email|} { get; set; } = """"; }",
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.FrameworkOnly);
            test.ExpectedDiagnostics.Add(Unmarked(0, "Visitor.Email", "an email address"));
            await test.RunAsync();
        }

        [Fact]
        public async Task SeverityComesFromEditorConfig()
        {
            await Verify.VerifyAnalyzerAsync(
                @"public class Visitor { public string {|#0:Email|} { get; set; } = """"; }",
                "root = true\n[*.cs]\ndotnet_diagnostic.PII008.severity = error\n",
                Unmarked(0, "Visitor.Email", "an email address").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        }
    }
}
