using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 through helpers of every shape: extensions, generics, redacting helpers, recursion, fields and members assigned.</summary>
    public class HelperTests
    {
        [Fact]
        public async Task ExtensionMethodReturningArgumentUppercased_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{Shouted}", {|#0:v.Email.Shout()|});
                        _logger.LogInformation("{Shouted}", "hello".Shout());
                        _logger.LogInformation("{Shouted}", v.Locale.Shout());
                    }
                """, /* lang=c#-test */ """

                static class TextExtensions
                {
                    public static string Shout(this string text) => text.ToUpperInvariant();
                }

                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task GenericIdentityHelper_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    static T Id<T>(T x) => x;
                    void M(Visitor v)
                    {
                        _logger.LogInformation("{E}", {|#0:Id(v.Email)|});
                        _logger.LogInformation("{N}", {|#1:Id<object>(v.Name)|});
                        _logger.LogInformation("{I}", Id(v.Id));
                        _logger.LogInformation("{L}", Id(v.Locale));
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task HelperThatRedactsBeforeLogging_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Audit(v.Email);
                        _logger.LogInformation("{E}", Safe(v.Email));
                        _logger.LogInformation("{E}", Fingerprint(v.Email));
                        var email = v.Email;
                        email = Redaction.Mask(email);
                        _logger.LogInformation("{E}", email);
                    }
                    void Audit(string what) => _logger.LogInformation("Audit {What}", Redaction.Mask(what));
                    static string Safe(string what) => Redaction.Mask(what);
                    [Redactor]
                    static string Fingerprint(string what) => what.GetHashCode().ToString("x8");
                """));
        }

        [Fact]
        public async Task InterfaceOrAbstractMethodWithoutBody_IsNotFollowed()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, IAudit audit, AuditBase auditBase)
                    {
                        audit.Write(v.Email);
                        auditBase.Write(v.Name);
                    }
                """, /* lang=c#-test */ """

                interface IAudit { void Write(string line); }
                abstract class AuditBase { public abstract void Write(string line); }

                """));
        }

        [Fact(Timeout = 30000)]
        public async Task RecursiveHelper_TerminatesAndTriggersAtCallerOnly()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void R(string s)
                    {
                        if (s.Length > 100) { R(s.Substring(1)); }
                        _logger.LogInformation("{S}", s);
                    }
                    void Ping(string s) { Pong(s); }
                    void Pong(string s) { Ping(s); _logger.LogInformation("{S}", s); }
                    void M(Visitor v)
                    {
                        R({|#0:v.Email|});
                        R("clean");
                        R(v.Locale);
                        Ping({|#1:v.Name|});
                    }
                """),
                Logged(0, Email, "'R' (through 'LogInformation')"),
                Logged(1, Name, "'Ping' (through 'LogInformation')"));
        }

        [Fact(Timeout = 30000)]
        public async Task UnconditionalRecursion_Terminates()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void R(string s) { R(s); _logger.LogInformation(s); }
                    void M(Visitor v) { R({|#0:v.Email|}); R(v.Locale); }
                """),
                Logged(0, Email, "'R' (through 'LogInformation')"));
        }

        [Fact]
        public async Task FieldAssignedThenRead_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    private string _last = "";
                    void M(Visitor v)
                    {
                        _last = v.Email;
                        _logger.LogInformation("{Last}", {|#0:_last|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task ObjectMemberAssigned_DestructuredObject_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        var ticket = new Ticket();
                        ticket.Note = v.Email;
                        log.Information("{@Ticket}", {|#0:ticket|});
                    }
                """, /* lang=c#-test */ """

                class Ticket { public string Note { get; set; } = ""; }

                """),
                Logged(0, Email, "'Information'"));
        }

        [Fact]
        public async Task ObjectMemberAssignedThenRead_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var ticket = new Ticket();
                        ticket.Note = v.Email;
                        _logger.LogInformation("{Note}", {|#0:ticket.Note|});
                    }
                """, /* lang=c#-test */ """

                class Ticket { public string Note { get; set; } = ""; }

                """),
                Logged(0, Email, "'LogInformation'"));
        }
    }
}
