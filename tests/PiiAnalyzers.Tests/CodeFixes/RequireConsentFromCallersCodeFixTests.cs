using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.RequireConsentFromCallersFix>;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>"Require consent from callers" for PII002, PII003 and PII005: <c>[RequiresConsent]</c> on the method.</summary>
    public class RequireConsentFromCallersCodeFixTests
    {
        private const string Email = "'Visitor.Email' (personal data, purpose 'support', basis consent)";
        private const string Phone = "'Visitor.Phone' (personal data, purpose 'marketing', basis consent)";

        // Its own shape: an interface whose implementations the fix must not break, beside two purposes.
        private const string Model = """

            public class Visitor
            {
                [PersonalData(Purpose = "support")]
                public string Email { get; set; } = "";
                [PersonalData(Purpose = "marketing")]
                public string Phone { get; set; } = "";
            }

            public interface IExporter
            {
                string Export(Visitor v);
            }
            """;

        private static string Code(string body) => """
            using System.Text.Json;
            using PiiAttributes;

            public class Exporter
            {
            """ + "\n" + body + """

            }
            """ + Model;

        [Fact]
        public async Task PublicMethod_RequiresTheFindingsPurpose()
        {
            var source = Code("""
                    public string Export(Visitor v)
                    {
                        return {|#0:JsonSerializer.Serialize(v.Email)|};
                    }
                """);
            var fixedSource = Code("""
                    [RequiresConsent(Purpose = "support")]
                    public string Export(Visitor v)
                    {
                        return JsonSerializer.Serialize(v.Email);
                    }
                """);
            await Verify.VerifyCodeFixAsync(source, fixedSource, Rule("PII002", Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task Callers_ThenGetPII009()
        {
            // The fix moves the obligation: the unguarded caller in the fixed code is reported.
            var source = Code("""
                    public string Export(Visitor v) => {|#0:JsonSerializer.Serialize(v.Email)|};
                    public string Run(Visitor v) => Export(v);
                """);
            var fixedSource = Code("""
                    [RequiresConsent(Purpose = "support")]
                    public string Export(Visitor v) => JsonSerializer.Serialize(v.Email);
                    public string Run(Visitor v) => {|#1:Export(v)|};
                """);
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.Add(Rule("PII002", Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII009").WithLocation(1).WithDataArguments("Exporter.Export", " for 'support'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Constructor_GetsTheAttribute()
        {
            var source = Code("""
                    public Exporter(Visitor v)
                    {
                        System.IO.File.WriteAllText("v.json", {|#0:JsonSerializer.Serialize(v.Phone)|});
                    }
                """);
            var fixedSource = Code("""
                    [RequiresConsent(Purpose = "marketing")]
                    public Exporter(Visitor v)
                    {
                        System.IO.File.WriteAllText("v.json", JsonSerializer.Serialize(v.Phone));
                    }
                """);
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.TestState.ExpectedDiagnostics.Add(Rule("PII002", Phone, "'JsonSerializer.Serialize'", "check consent for 'marketing' first"));
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII003").WithSpan(8, 9, 8, 81).WithDataArguments(Phone, "'File.WriteAllText'", "check consent for 'marketing' first"));
            test.TestState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII004").WithSpan(8, 9, 8, 81).WithDataArguments("'Visitor.Phone' (personal data, purpose 'marketing')", "'File.WriteAllText'", "'Visitor'"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII004").WithSpan(9, 9, 9, 81).WithDataArguments("'Visitor.Phone' (personal data, purpose 'marketing')", "'File.WriteAllText'", "'Visitor'"));
            test.CodeActionEquivalenceKey = RequireConsentFromCallersCodeFixProvider.EquivalenceKey;
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync();
        }

        [Fact]
        public async Task TwoPurposes_NotOffered()
        {
            var source = Code("""
                    public string Export(Visitor v) => {|#0:JsonSerializer.Serialize(v.Email + v.Phone)|};
                """);
            await Verify.VerifyCodeFixAsync(source, source,
                Rule("PII002", Email + " and " + Phone, "'JsonSerializer.Serialize'", "check consent for 'support' and 'marketing' first"));
        }

        [Fact]
        public async Task InterfaceImplementation_NotOffered()
        {
            var source = """
                using System.Text.Json;
                using PiiAttributes;

                public class Exporter : IExporter
                {
                    public string Export(Visitor v) => {|#0:JsonSerializer.Serialize(v.Email)|};
                }
                """ + Model;
            await Verify.VerifyCodeFixAsync(source, source, Rule("PII002", Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task FixAll_PutsOneAttributeOnEachMethod()
        {
            var source = Code("""
                    public void Export(Visitor v)
                    {
                        var email = {|#0:JsonSerializer.Serialize(v.Email)|};
                        var all = {|#1:JsonSerializer.Serialize(v)|};
                    }
                    public string Other(Visitor v) => {|#2:JsonSerializer.Serialize(v.Email)|};
                """);
            var fixedSource = Code("""
                    [RequiresConsent(Purpose = "support")]
                    public void Export(Visitor v)
                    {
                        var email = JsonSerializer.Serialize(v.Email);
                        var all = JsonSerializer.Serialize(v);
                    }
                    [RequiresConsent(Purpose = "support")]
                    public string Other(Visitor v) => JsonSerializer.Serialize(v.Email);
                """);
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = RequireConsentFromCallersCodeFixProvider.EquivalenceKey };
            test.ExpectedDiagnostics.Add(Rule("PII002", Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII002").WithLocation(1).WithDataArguments(Email + " and " + Phone, "'JsonSerializer.Serialize'", "check consent for 'support' and 'marketing' first"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII002").WithLocation(2).WithDataArguments(Email, "'JsonSerializer.Serialize'", "check consent for 'support' first"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII002").WithSpan(10, 19, 10, 46).WithDataArguments(Phone, "'JsonSerializer.Serialize'", "the consent checked here covers 'support', not the purpose the data was collected for; check consent for 'marketing' first"));
            test.BatchFixedState.ExpectedDiagnostics.Add(Verify.Diagnostic("PII002").WithSpan(10, 19, 10, 46).WithDataArguments(Phone, "'JsonSerializer.Serialize'", "the consent checked here covers 'support', not the purpose the data was collected for; check consent for 'marketing' first"));
            test.BatchFixedCode = fixedSource;
            await test.RunAsync();
        }

        private static DiagnosticResult Rule(string id, params object[] arguments) => Verify.Diagnostic(id).WithLocation(0).WithDataArguments(arguments);
    }
}
