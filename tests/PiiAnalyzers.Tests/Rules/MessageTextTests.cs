using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.Rules
{
    /// <summary>Messages stay on one line and about 300 characters, whatever the user's code holds.</summary>
    public class MessageTextTests
    {
        [Fact]
        public async Task ControlCharactersInAPurpose_AreEscaped()
        {
            var messages = await MessagesAsync("""
                using Microsoft.Extensions.Logging;
                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "sup\nport\t\u0007")]
                    public string Email { get; set; } = "";
                }

                class C
                {
                    void M(ILogger log, Visitor v) => log.LogInformation("{E}", v.Email);
                }
                """);

            var message = Assert.Single(messages, m => m.Id == "PII001").Message;
            Assert.Equal(@"'Visitor.Email' (personal data, purpose 'sup\nport\t\u0007') is written to a log by 'LogInformation'; redact it or leave it out", message);
        }

        [Fact]
        public async Task ManyItems_AreCounted_AndTheMessageStaysShort()
        {
            var messages = await MessagesAsync("""
                using PiiAttributes;

                public record Visitor(
                    [property: PersonalData(Purpose = "support")] string Email,
                    [property: PersonalData(Purpose = "marketing")] string Phone,
                    [property: PersonalData(Purpose = "billing")] string InvoiceAddress,
                    [property: PersonalData(Purpose = "analytics")] string IpAddress,
                    [property: PersonalData(Purpose = "support")] string DisplayName);

                class C
                {
                    string M(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v);
                }
                """);

            var message = Assert.Single(messages, m => m.Id == "PII002").Message;
            Assert.Matches(@" and \d more are serialized by ", message);
            Assert.True(message.Length <= 300, message.Length + ": " + message);
        }

        [Fact]
        public async Task SeveralItems_TakeAPluralVerb_InEveryRule()
        {
            var messages = await MessagesAsync("""
                using Microsoft.Extensions.Logging;
                using PiiAttributes;

                public class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                public class Invoice
                {
                    [PersonalData(Purpose = "billing")]
                    public string Address { get; set; } = "";
                }

                class C
                {
                    void M(ILogger log, Lead lead, Invoice invoice, System.Net.Http.HttpClient http)
                    {
                        var both = lead.Email + invoice.Address;
                        log.LogInformation("{Both}", both);
                        System.IO.File.WriteAllText("leads.txt", both);
                        _ = System.Text.Json.JsonSerializer.Serialize(both);
                        _ = http.GetAsync("https://crm.example.com/?q=" + both);
                        log.LogInformation("{Email}", lead.Email);
                    }
                }
                """);

            const string Both = "'Invoice.Address' (personal data, purpose 'billing') and 'Lead.Email' (personal data, purpose 'marketing')";
            const string BothWithBasis = "'Invoice.Address' (personal data, purpose 'billing', basis consent) and 'Lead.Email' (personal data, purpose 'marketing', basis consent)";
            const string Remedy = "check consent for 'billing' and 'marketing' first";
            Assert.Equal(
                new[]
                {
                    "PII001: " + Both + " are written to a log by 'LogInformation'; redact it or leave it out",
                    "PII003: " + BothWithBasis + " are persisted by 'File.WriteAllText' without a consent check; " + Remedy,
                    "PII004: " + Both + " are persisted by 'File.WriteAllText' but no retention policy applies; add [RetentionPolicy(Days = ...)] to 'Invoice' and 'Lead'",
                    "PII002: " + BothWithBasis + " are serialized by 'JsonSerializer.Serialize' without a consent check; " + Remedy,
                    "PII005: " + BothWithBasis + " are sent to an external service by 'GetAsync' without a consent check; " + Remedy,
                    "PII001: 'Lead.Email' (personal data, purpose 'marketing') is written to a log by 'LogInformation'; redact it or leave it out",
                },
                messages.Select(m => m.Id + ": " + m.Message));
        }

        private static async Task<ImmutableArray<(string Id, string Message)>> MessagesAsync(string source)
        {
            var compilation = CSharpCompilation.Create(
                "Messages",
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PiiAnalyzers.Rules.PersonalDataSinkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.Select(d => (d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToImmutableArray();
        }
    }
}
