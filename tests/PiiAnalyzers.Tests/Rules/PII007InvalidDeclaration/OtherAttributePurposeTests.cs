using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration.InvalidDeclarationHelpers;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.DeclarationAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII007InvalidDeclaration
{
    /// <summary>PII007 on the purposes of [ConsentCheck], [RequiresConsent], [ProcessingPurpose] and [PersonalDataSink].</summary>
    public class OtherAttributePurposeTests
    {
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
    }
}
