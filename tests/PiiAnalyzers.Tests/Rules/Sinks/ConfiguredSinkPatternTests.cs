using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Configuration;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>Configured sinks named by namespace or pattern, and through the interfaces and base methods they implement.</summary>
    public class ConfiguredSinkPatternTests
    {
        private const string Email = "'Visitor.Email' (personal data, purpose 'support', basis consent)";
        private const string LoggedEmail = "'Visitor.Email' (personal data, purpose 'support')";
        private const string Check = "check consent for 'support' first";

        // Its own shape: the configured patterns name these types by namespace (Contoso.*).
        private const string Model = /* lang=c#-test */ """

            namespace Contoso
            {
                using PiiAttributes;
                [RetentionPolicy(Days = 30)]
                public class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; public int Id { get; set; } }
            }

            namespace Contoso.Notifications
            {
                public class SmsApi { public void Send(string to, string text) { } }
                public class PushApi { public void Notify(object payload) { } }
                public class ApiKeys { public void Rotate(string key) { } }
                namespace Internal { public class Outbox { public void Enqueue(object message) { } } }
            }

            namespace Contoso.Mail
            {
                public interface INotifier { void Notify(string to); void Ping(string host); }
                public class SmtpNotifier : INotifier { public void Notify(string to) { } public void Ping(string host) { } }
                public class LoudNotifier : SmtpNotifier { }
                public abstract class Channel { public abstract void Post(string text); }
                public class SlackChannel : Channel { public override void Post(string text) { } }
                public class Unrelated { public void Notify(string to) { } }
            }

            namespace Contoso.Storage
            {
                public class BlobWriter { public void Upload(string name, string content) { } }
            }

            """;

        private static DiagnosticResult Rule(string id, int location, params object[] arguments)
            => Verify.Diagnostic(id).WithLocation(location).WithDataArguments(arguments);

        [Fact]
        public async Task TypePattern_MatchesEveryMethodOfMatchingTypes()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Contoso;
                using Contoso.Notifications;
                class Service
                {
                    void M(Visitor v, SmsApi sms, PushApi push, ApiKeys keys)
                    {
                        {|#0:sms.Send(v.Email, "hello")|};
                        {|#1:push.Notify(v.Email)|};
                        keys.Rotate(v.Email);
                    }
                }

                """ + Model,
                "root = true\n[*.cs]\npii_analyzers.transfer_sinks = Contoso.Notifications.*Api\n",
                Rule("PII005", 0, Email, "'Send'", Check),
                Rule("PII005", 1, Email, "'Notify'", Check));
        }

        [Fact]
        public async Task NamespaceAndMethodPattern_Match()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Contoso;
                using Contoso.Notifications;
                class Service
                {
                    void M(Visitor v, SmsApi sms, Contoso.Notifications.Internal.Outbox outbox, Contoso.Storage.BlobWriter blobs)
                    {
                        {|#0:sms.Send(v.Email, "hello")|};
                        {|#1:outbox.Enqueue(v.Email)|};
                        {|#2:blobs.Upload("visitor", v.Email)|};
                    }
                }

                """ + Model,
                "root = true\n[*.cs]\npii_analyzers.transfer_sinks = Contoso.Notifications\npii_analyzers.persistence_sinks = Contoso.Storage.*Writer.Up*\n",
                Rule("PII005", 0, Email, "'Send'", Check),
                Rule("PII005", 1, Email, "'Enqueue'", Check),
                Rule("PII003", 2, Email, "'Upload'", Check));
        }

        [Fact]
        public async Task InterfaceMethod_MatchesCallsThroughTheInterfaceAndItsImplementations()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Contoso;
                using Contoso.Mail;
                class Service
                {
                    void M(Visitor v, INotifier notifier, SmtpNotifier smtp, LoudNotifier loud, Unrelated other)
                    {
                        {|#0:notifier.Notify(v.Email)|};
                        {|#1:smtp.Notify(v.Email)|};
                        {|#2:loud.Notify(v.Email)|};
                        smtp.Ping(v.Email);
                        other.Notify(v.Email);
                    }
                }

                """ + Model,
                "root = true\n[*.cs]\npii_analyzers.transfer_sinks = Contoso.Mail.INotifier.Notify\n",
                Rule("PII005", 0, Email, "'Notify'", Check),
                Rule("PII005", 1, Email, "'Notify'", Check),
                Rule("PII005", 2, Email, "'Notify'", Check));
        }

        [Fact]
        public async Task AbstractMethodAndWholeInterface_MatchOverridesAndImplementations()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Contoso;
                using Contoso.Mail;
                class Service
                {
                    void M(Visitor v, SlackChannel slack, SmtpNotifier smtp)
                    {
                        slack.Post({|#0:v.Email|});
                        {|#1:smtp.Ping(v.Email)|};
                    }
                }

                """ + Model,
                "root = true\n[*.cs]\npii_analyzers.logging_sinks = Contoso.Mail.Channel.Post\npii_analyzers.transfer_sinks = Contoso.Mail.INotifier\n",
                Rule("PII001", 0, LoggedEmail, "'Post'"),
                Rule("PII005", 1, Email, "'Ping'", Check));
        }

        [Theory]
        [InlineData("Contoso.Notifications.*Api", "Contoso.Notifications.SmsApi", true)]
        [InlineData("Contoso.Notifications.*Api", "Contoso.Notifications.ApiKeys", false)]
        [InlineData("Contoso.*Api", "Contoso.Notifications.SmsApi", true)]
        [InlineData("Contoso.*Api", "Contoso.Notifications.SmsApi.Send", false)]
        [InlineData("Contoso.*.Send*", "Contoso.Notifications.SmsApi.SendBatch", true)]
        [InlineData("*", "", true)]
        [InlineData("Contoso.Sms", "Contoso.SmsApi", false)]
        public void Wildcard_StarStandsForAnyText(string pattern, string name, bool matches)
            => Assert.Equal(matches, Wildcard.Matches(pattern, name));
    }
}
