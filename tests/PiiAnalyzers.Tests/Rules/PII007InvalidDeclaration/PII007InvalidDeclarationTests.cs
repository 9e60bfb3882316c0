using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>
    /// PII007. Each test declares its own Visitor: the declaration is what the rule judges, so no shared model fits.
    /// </summary>
    public class PII007InvalidDeclarationTests
    {
        private const string Purposes = "root = true\n\n[*]\npii_analyzers.purposes = support, billing, marketing\n";

        private const string MissingPurpose = "no purpose is declared; set Purpose to what the data was collected for";
        private const string EmptyItem = "the purpose list has an empty item";
        private const string MissingDays = "the retention period is missing; set Days to a positive number, Setting to the configuration value that holds it, or UntilErasure = true";

        private static DiagnosticResult Diagnostic(int location, string attribute, string target, string problem)
            => Verify.Diagnostic(Descriptors.InvalidDeclaration).WithLocation(location).WithArguments(attribute, target, problem);

        private static string NotAllowed(string purpose)
            => "purpose '" + purpose + "' is not one of the allowed purposes (support, billing, marketing)";

        private static string NotPositive(int days)
            => "the retention period must be a positive number of days, not " + days;

        // ---- [PersonalData]: missing purpose ----

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

        // ---- [PersonalData]: empty items in a purpose list ----

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

        // ---- allowed purposes from .editorconfig ----

        [Fact]
        public async Task PurposeNotAllowed_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "suport")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("suport")));
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
        public async Task OneBadPurposeInList_TriggersForThatPurpose()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "support, analytics, billing")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("analytics")));
        }

        [Fact]
        public async Task SeveralBadPurposes_TriggerOncePerPurpose()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "analytics,support,profiling,Analytics")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Purposes,
                Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("analytics")),
                Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("profiling")));
        }

        [Fact]
        public async Task EmptyItemAndBadPurpose_TriggerBoth()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "support,,suport")|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Purposes,
                Diagnostic(0, "[PersonalData]", "Visitor.Email", EmptyItem),
                Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("suport")));
        }

        [Fact]
        public async Task MissingPurpose_WithOption_TriggersMissingOnly()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData|}]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalData]", "Visitor.Email", MissingPurpose));
        }

        [Fact]
        public async Task OptionIsReadPerFile()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("/src/Strict/Visitor.cs", /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:PersonalData(Purpose = "analytics")|}]
                    public string Email { get; set; } = "";
                }
                """));
            test.TestState.Sources.Add(("/src/Lenient/Customer.cs", /* lang=c#-test */ """

                using PiiAttributes;

                public class Customer
                {
                    [PersonalData(Purpose = "analytics")]
                    public string Email { get; set; } = "";
                }
                """));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[/src/Strict/**.cs]\npii_analyzers.purposes = support, billing, marketing\n"));
            test.ExpectedDiagnostics.Add(Diagnostic(0, "[PersonalData]", "Visitor.Email", NotAllowed("analytics")));
            await test.RunAsync(CancellationToken.None);
        }

        // ---- purposes of [ConsentCheck], [RequiresConsent], [ProcessingPurpose] ----

        [Fact]
        public async Task ConsentCheckPurposeNotAllowed_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Consents
                {
                    [{|#0:ConsentCheck(Purpose = "newsletter")|}]
                    public bool HasConsented(string visitorId) => true;

                    [{|#1:ConsentCheck(Purpose = "tracking")|}]
                    public bool TrackingAllowed { get; set; }
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Purposes,
                Diagnostic(0, "[ConsentCheck]", "Consents.HasConsented", NotAllowed("newsletter")),
                Diagnostic(1, "[ConsentCheck]", "Consents.TrackingAllowed", NotAllowed("tracking")));
        }

        [Fact]
        public async Task RequiresConsentPurposeNotAllowed_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer
                {
                    [{|#0:RequiresConsent(Purpose = "Newsletter")|}]
                    public void Send(string address) { }

                    [{|#1:RequiresConsent(Purpose = "newsletter")|}]
                    public Mailer() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Purposes,
                Diagnostic(0, "[RequiresConsent]", "Mailer.Send", NotAllowed("Newsletter")),
                Diagnostic(1, "[RequiresConsent]", "Mailer.Mailer", NotAllowed("newsletter")));
        }

        [Fact]
        public async Task ProcessingPurposeNotAllowed_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [{|#0:ProcessingPurpose("analytics")|}]
                public class Reports
                {
                    [{|#1:ProcessingPurpose("profiling")|}]
                    public void Build() { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Purposes,
                Diagnostic(0, "[ProcessingPurpose]", "Reports", NotAllowed("analytics")),
                Diagnostic(1, "[ProcessingPurpose]", "Reports.Build", NotAllowed("profiling")));
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
        public async Task ConsentCheckPurposeWithEmptyItem_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Consents
                {
                    [{|#0:ConsentCheck(Purpose = "support,")|}]
                    public bool HasConsented(string visitorId) => true;
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[ConsentCheck]", "Consents.HasConsented", EmptyItem));
        }

        // ---- [PersonalDataSink(Purpose)] ----

        [Fact]
        public async Task SinkPurposeOutsideTheAllowedList_Triggers()
        {
            var source = """
                using PiiAttributes;

                public static class Audit
                {
                    [{|#0:PersonalDataSink(SinkKind.Logging, Purpose = "secrity")|}]
                    public static void Write(string entry) { }

                    [PersonalDataSink(SinkKind.Logging, Purpose = "support")]
                    public static void Support(string entry) { }

                    [PersonalDataSink(SinkKind.Logging)]
                    public static void Plain(string entry) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalDataSink]", "Audit.Write", NotAllowed("secrity")));
        }

        // ---- [PersonalDataMember] ----

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

        // ---- [RetentionPolicy] ----

        [Fact]
        public async Task RetentionPolicyWithoutDays_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [{|#0:RetentionPolicy|}]
                public class Visitor
                {
                    [{|#1:RetentionPolicy()|}]
                    public string Email { get; set; } = "";

                    [{|#2:RetentionPolicy(Reason = "support follow-up")|}]
                    public string Phone = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[RetentionPolicy]", "Visitor", MissingDays),
                Diagnostic(1, "[RetentionPolicy]", "Visitor.Email", MissingDays),
                Diagnostic(2, "[RetentionPolicy]", "Visitor.Phone", MissingDays));
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
        public async Task RetentionPolicyStatedMoreThanOnce_Triggers()
        {
            var source = """
                using PiiAttributes;

                [{|#0:RetentionPolicy(30, UntilErasure = true)|}]
                public class Visit
                {
                    [{|#1:RetentionPolicy(Days = 30, Setting = "EmailRetentionDays")|}]
                    public string Email { get; set; } = "";

                    [{|#2:RetentionPolicy(Setting = "PhoneRetentionDays", UntilErasure = true, Days = -1)|}]
                    public string Phone = "";

                    [{|#3:RetentionPolicy(Setting = " ")|}]
                    public string Name = "";

                    [{|#4:RetentionPolicy(UntilErasure = false, EnforcedBy = typeof(Visit))|}]
                    public string City = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[RetentionPolicy]", "Visit", "the retention period is stated 2 ways (Days, UntilErasure); state one of Days, Setting or UntilErasure"),
                Diagnostic(1, "[RetentionPolicy]", "Visit.Email", "the retention period is stated 2 ways (Days, Setting); state one of Days, Setting or UntilErasure"),
                Diagnostic(2, "[RetentionPolicy]", "Visit.Phone", "the retention period is stated 3 ways (Days, Setting, UntilErasure); state one of Days, Setting or UntilErasure"),
                Diagnostic(3, "[RetentionPolicy]", "Visit.Name", "the retention setting is empty; name the configuration value that holds the period"),
                Diagnostic(4, "[RetentionPolicy]", "Visit.City", MissingDays));
        }

        [Fact]
        public async Task RetentionPolicyZeroOrNegativeDays_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [{|#0:RetentionPolicy(0)|}]
                public class Visitor
                {
                    [{|#1:RetentionPolicy(-5)|}]
                    public string Email { get; set; } = "";

                    [{|#2:RetentionPolicy(Days = -5, Reason = "x")|}]
                    public string Phone = "";

                    [{|#3:RetentionPolicy(days: 0)|}]
                    public string Name = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[RetentionPolicy]", "Visitor", NotPositive(0)),
                Diagnostic(1, "[RetentionPolicy]", "Visitor.Email", NotPositive(-5)),
                Diagnostic(2, "[RetentionPolicy]", "Visitor.Phone", NotPositive(-5)),
                Diagnostic(3, "[RetentionPolicy]", "Visitor.Name", NotPositive(0)));
        }

        [Fact]
        public async Task RetentionPolicyNamedDaysOverridesConstructor_UsesNamedDays()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Visitor
                {
                    [{|#0:RetentionPolicy(30, Days = 0)|}]
                    public string Email { get; set; } = "";

                    [RetentionPolicy(0, Days = 30)]
                    public string Phone { get; set; } = "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[RetentionPolicy]", "Visitor.Email", NotPositive(0)));
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
        public async Task AssemblyRetentionPolicyWithoutDays_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [assembly: {|#0:RetentionPolicy(Reason = "default")|}]

                public class Visitor
                {
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[assembly: RetentionPolicy]", "TestProject", MissingDays));
        }

        [Fact]
        public async Task AssemblyRetentionPolicyNegativeDays_Triggers()
        {
            const string source = /* lang=c#-test */ """

                [assembly: {|#0:PiiAttributes.RetentionPolicy(-1)|}]

                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[assembly: RetentionPolicy]", "TestProject", NotPositive(-1)));
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
        public async Task AssemblyRetentionPolicyInSecondFile_TriggersOnce()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("/0/Visitor.cs", "public class Visitor { }\n"));
            test.TestState.Sources.Add(("/0/AssemblyInfo.cs", "[assembly: {|#0:PiiAttributes.RetentionPolicy|}]\n"));
            test.ExpectedDiagnostics.Add(Diagnostic(0, "[assembly: RetentionPolicy]", "TestProject", MissingDays));
            await test.RunAsync(CancellationToken.None);
        }

        // ---- parameters and return values ----

        [Fact]
        public async Task ParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer
                {
                    public void Send([{|#0:PersonalData|}] string email, [PersonalData(Purpose = "support")] string name) { }

                    public Mailer([{|#1:PersonalData(Purpose = "")|}] string sender) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", MissingPurpose),
                Diagnostic(1, "[PersonalData]", "Mailer.Mailer(sender)", MissingPurpose));
        }

        [Fact]
        public async Task ParameterWithBadPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer
                {
                    public void Send([{|#0:PersonalData(Purpose = "spam")|}] string email) { }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Purposes, Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", NotAllowed("spam")));
        }

        [Fact]
        public async Task ReturnValueWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Directory
                {
                    [return: {|#0:PersonalData|}]
                    public string FindEmail(int id) => "";

                    [return: PersonalData(Purpose = "support")]
                    public string FindPhone(int id) => "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[return: PersonalData]", "Directory.FindEmail", MissingPurpose));
        }

        [Fact]
        public async Task RecordPrimaryConstructorParameter_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public record Visitor([{|#0:PersonalData|}] string Email, [property: {|#1:PersonalData(Purpose = "support,")|}] string Name);

                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Visitor.Visitor(Email)", MissingPurpose),
                Diagnostic(1, "[PersonalData]", "Visitor.Name", EmptyItem));
        }

        [Fact]
        public async Task ClassPrimaryConstructorParameter_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Mailer([{|#0:PersonalData|}] string sender)
                {
                    public string Sender => sender;
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Mailer.Mailer(sender)", MissingPurpose));
        }

        [Fact]
        public async Task PartialMethodParameter_TriggersOnce()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public partial class Mailer
                {
                    public partial string Send([{|#0:PersonalData|}] string email);

                    [return: {|#1:PersonalData(Purpose = ",")|}]
                    public partial string Send(string email) => email;
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Mailer.Send(email)", MissingPurpose),
                Diagnostic(1, "[return: PersonalData]", "Mailer.Send", MissingPurpose));
        }

        [Fact]
        public async Task IndexerParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Book
                {
                    public string this[[{|#0:PersonalData|}] string email] => "";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Book[email]", MissingPurpose));
        }

        [Fact]
        public async Task SetterValueParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Book
                {
                    public string this[[PersonalData(Purpose = "support")] string email]
                    {
                        get => "";
                        [param: {|#0:PersonalData|}]
                        set { }
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Book.this.set(value)", MissingPurpose));
        }

        [Fact]
        public async Task DelegateParameterWithoutPurpose_Triggers()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                [return: {|#1:PersonalData(Purpose = "support,")|}]
                public delegate string Notify([{|#0:PersonalData|}] string email);

                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic(0, "[PersonalData]", "Notify(email)", MissingPurpose),
                Diagnostic(1, "[return: PersonalData]", "Notify", EmptyItem));
        }

        [Fact]
        public async Task NestedAndGenericTypes_AreNamedWithContainingTypes()
        {
            const string source = /* lang=c#-test */ """

                using PiiAttributes;

                public class Outer
                {
                    public class Box<T>
                    {
                        [{|#0:PersonalData|}]
                        public string Email = "";
                    }
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, Diagnostic(0, "[PersonalData]", "Outer.Box<T>.Email", MissingPurpose));
        }

        // ---- projects without the attributes, and broken code ----

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
