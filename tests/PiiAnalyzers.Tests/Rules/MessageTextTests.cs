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
            Assert.Matches(@" and \d more is serialized by ", message);
            Assert.True(message.Length <= 300, message.Length + ": " + message);
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
