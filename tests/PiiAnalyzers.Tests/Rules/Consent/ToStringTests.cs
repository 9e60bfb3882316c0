using System.Threading.Tasks;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>A value logged as text prints what its ToString prints: the team's own, or a record's generated one.</summary>
    public class ToStringTests
    {
        private const string Model = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;
            using PiiAttributes;

            public record Lead(int Id, [property: PersonalData(Purpose = "marketing")] string Email)
            {
                public override string ToString() => "Lead " + Id;
            }

            public record Contact(int Id, [property: PersonalData(Purpose = "marketing")] string Email);

            public class Ticket
            {
                public int Id { get; set; }
                [PersonalData(Purpose = "support")]
                public string Requester { get; set; } = "";
                public override string ToString() => $"Ticket {Id} from {Requester}";
            }

            """;

        [Fact]
        public async Task UserToString_DecidesWhatIsPrinted()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class Service
                {
                    void M(ILogger log, Lead lead, Contact contact, Ticket ticket)
                    {
                        log.LogInformation("Lead {Lead}", lead);
                        log.LogInformation("Contact {Contact}", {|#0:contact|});
                        log.LogInformation("Ticket {Ticket}", {|#1:ticket|});
                    }
                }
                """,
                Verify.Diagnostic("PII001").WithLocation(0).WithDataArguments("'Contact.Email' (personal data, purpose 'marketing')", "'LogInformation'"),
                Verify.Diagnostic("PII001").WithLocation(1).WithDataArguments("'Ticket.Requester' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task DestructuredValue_StillShowsEveryMember()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class Service
                {
                    void M(ILogger log, Lead lead) => log.LogInformation("Lead {@Lead}", {|#0:lead|});
                }
                """,
                Verify.Diagnostic("PII001").WithLocation(0).WithDataArguments("'Lead.Email' (personal data, purpose 'marketing')", "'LogInformation'"));
        }
    }
}
