using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>The model and helpers the PII001 tests by topic share.</summary>
    internal static class LoggingTopicSources
    {
        /// <summary>The chat model of <see cref="PII001PersonalDataLoggingTests"/>, plus the types these tests need.</summary>
        internal const string Model = /* lang=c#-test */ """

            namespace Chat
            {
                using System.Collections.Generic;
                using PiiAttributes;

                public class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                    [PersonalData(Purpose = "support,billing")]
                    public string Name { get; set; } = "";
                    [PersonalData(Purpose = "analytics", Category = PersonalDataCategory.OnlineIdentifier)]
                    public string IpAddress { get; set; } = "";
                    public string Locale { get; set; } = "en";
                    public List<Message> Messages { get; } = new List<Message>();
                    public string Greeting => "Hello " + Name;
                }

                public class Message
                {
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Content)]
                    public string Text { get; set; } = "";
                    public int Length { get; set; }
                }

                public record VisitorRecord([property: PersonalData(Purpose = "support")] string Email, int Id);

                public class Contact
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Phone { get; set; } = "";
                }

                public interface IContact
                {
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    string Phone { get; }
                }

                public class ContactCard : IContact
                {
                    public string Phone { get; set; } = "";
                }

                public class Person
                {
                    [PersonalData(Purpose = "billing")]
                    public virtual string Phone { get; set; } = "";
                }

                public class Customer : Person
                {
                    public override string Phone { get; set; } = "";
                }
            }

            """;

        internal const string Email = "'Visitor.Email' (personal data, purpose 'support')";

        internal const string Name = "'Visitor.Name' (personal data, purposes 'support', 'billing')";

        internal const string Ip = "'Visitor.IpAddress' (personal data, purpose 'analytics')";

        internal const string Text = "'Message.Text' (personal data, purpose 'support')";

        internal static DiagnosticResult Logged(int location, string data, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        /// <summary>A <c>Service</c> class holding <paramref name="body"/>, then <paramref name="types"/>, then the model.</summary>
        internal static string Code(string body, string types = "") => /* lang=c#-test */ """

            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;
            using Chat;

            class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

            """ + body + """

            }

            """ + types + Model;
    }
}
