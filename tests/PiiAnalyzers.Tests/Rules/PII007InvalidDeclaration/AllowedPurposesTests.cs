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
    /// <summary>PII007 for purposes outside the list allowed in .editorconfig (<c>pii_analyzers.purposes</c>), read per file.</summary>
    public class AllowedPurposesTests
    {
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
    }
}
