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
    /// PII007 on [RetentionPolicy] of a type, a member or the assembly: a period missing, not positive, or stated more than
    /// one way.
    /// </summary>
    public class RetentionPolicyTests
    {
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
        public async Task AssemblyRetentionPolicyInSecondFile_TriggersOnce()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("/0/Visitor.cs", "public class Visitor { }\n"));
            test.TestState.Sources.Add(("/0/AssemblyInfo.cs", "[assembly: {|#0:PiiAttributes.RetentionPolicy|}]\n"));
            test.ExpectedDiagnostics.Add(Diagnostic(0, "[assembly: RetentionPolicy]", "TestProject", MissingDays));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
