using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>How the sink tables match: full type names, pinned overloads, named data and flag parameters.</summary>
    public class SinkTableMatchingTests
    {
        // Its own shape, not the chat model: a one-member Visitor, so a visitor logged whole names Email alone.
        internal const string Model = /* lang=c#-test */ """

            namespace Chat
            {
                using PiiAttributes;

                public class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
            }

            """;

        internal const string Email = "'Visitor.Email' (personal data, purpose 'support')";

        internal static string Code(string body, string types = "") => /* lang=c#-test */ """

            using System;
            using System.Collections.Generic;
            using PiiAttributes;
            using Chat;

            class Service
            {

            """ + body + """

            }

            """ + Model + types;

        internal static DiagnosticResult Logged(int location, string sink, string data = Email)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        [Fact]
        public async Task TeamTypeNamedLikeAConfigurationType_CarriesData()
        {
            // System.Text.Encoding configures a call; a team's own type called Encoding is data like any other.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [PersonalDataSink(SinkKind.Logging)]
                    static void Audit(Contoso.Encoding value, System.Text.Encoding encoding) { }

                    void M(Visitor v) => Audit({|#0:new Contoso.Encoding(v.Email)|}, System.Text.Encoding.UTF8);
                """, /* lang=c#-test */ """

                namespace Contoso
                {
                    public record Encoding(string Text);
                }

                """),
                Logged(0, "'Audit'"));
        }

        [Fact]
        public async Task SerilogForContext_OnlyThePropertyOverload_AndItsOwnFlagDestructures()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    record EmailEnricher(string Email) : Serilog.Core.ILogEventEnricher
                    {
                        public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory factory) { }
                    }

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        log.ForContext("Email", {|#0:v.Email|}).Information("joined");
                        log.ForContext("Visitor", v).Information("joined");
                        log.ForContext("Visitor", {|#1:v|}, destructureObjects: true).Information("joined");
                        log.ForContext(new EmailEnricher(v.Email)).Information("joined");
                        log.ForContext<Service>().Information("joined");
                    }
                """),
                Logged(0, "'ForContext'"),
                Logged(1, "'ForContext'"));
        }

        [Fact]
        public async Task SameMethodOnATeamTypeOfTheSameSimpleName_IsNoSink()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Contoso.Log.Warning(v.Email);
                        Contoso.JsonSerializer.Serialize(v);
                        Serilog.Log.Warning("{Email}", {|#0:v.Email|});
                    }
                """, /* lang=c#-test */ """

                namespace Contoso
                {
                    public static class Log { public static void Warning(string text) { } }
                    public static class JsonSerializer { public static string Serialize(object value) => ""; }
                }

                """),
                Logged(0, "'Log.Warning'"));
        }
    }
}
