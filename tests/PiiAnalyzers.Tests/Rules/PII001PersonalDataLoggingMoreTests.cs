using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules
{
    /// <summary>
    /// PII001 beyond the basics: containers, more sinks, control flow (try, switch, loops), string and builder methods,
    /// helpers of every shape, every kind of executable body, attributes inherited through interfaces and overrides, and
    /// the false positives a careful user must not see.
    /// </summary>
    public class PII001PersonalDataLoggingMoreTests
    {
        /// <summary>The chat model of <see cref="PII001PersonalDataLoggingTests"/>, plus the types these tests need.</summary>
        private const string Model = /* lang=c#-test */ """

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

        private const string Email = "'Visitor.Email' (personal data, purpose 'support')";
        private const string Name = "'Visitor.Name' (personal data, purposes 'support', 'billing')";
        private const string Ip = "'Visitor.IpAddress' (personal data, purpose 'analytics')";
        private const string Text = "'Message.Text' (personal data, purpose 'support')";

        private static DiagnosticResult Logged(int location, string data, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        /// <summary>A <c>Service</c> class holding <paramref name="body"/>, then <paramref name="types"/>, then the model.</summary>
        private static string Code(string body, string types = "") => /* lang=c#-test */ """

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

        // ---- Containers -------------------------------------------------------------------------------------------

        [Fact]
        public async Task DictionaryValuesJoined_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var fields = new Dictionary<string, string>();
                        fields.Add("email", v.Email);
                        fields["name"] = v.Name;
                        fields["locale"] = v.Locale;
                        _logger.LogInformation("Fields {Fields}", {|#0:string.Join(", ", fields.Values)|});
                    }
                """),
                Logged(0, Email + " and " + Name, "'LogInformation'"));
        }

        [Fact]
        public async Task DictionaryOfCleanValuesJoined_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var fields = new Dictionary<string, string>();
                        fields.Add("id", v.Id.ToString());
                        fields["locale"] = v.Locale;
                        _logger.LogInformation("Fields {Fields}", string.Join(", ", fields.Values));
                    }
                """));
        }

        [Fact]
        public async Task AnonymousTypeWithPersonalMember_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var data = new { v.Id, v.Email };
                        _logger.LogInformation("Visitor {Data}", {|#0:data|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task AnonymousTypeOfCleanMembers_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var data = new { v.Id, v.Locale, Count = v.Messages.Count, HasEmail = v.Email.Length > 0 };
                        _logger.LogInformation("Visitor {Data}", data);
                    }
                """));
        }

        [Fact]
        public async Task PlainClassDestructuredBySerilog_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Contact c, Serilog.ILogger log)
                    {
                        log.Information("Contact {@Contact}", {|#0:c|});
                    }
                """),
                Logged(0, "'Contact.Phone' (personal data, purpose 'support')", "'Information'"));
        }

        [Fact]
        public async Task PlainClassNotDestructured_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Contact c, Serilog.ILogger log)
                    {
                        log.Information("Contact {Contact}", c);
                        log.Information("Contact {$Contact}", c);
                        log.Information("Contact {@Id}", c.Id);
                    }
                """));
        }

        [Fact]
        public async Task ListOfRecords_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(List<VisitorRecord> records)
                    {
                        _logger.LogInformation("Records {Records}", {|#0:records|});
                    }
                """),
                Logged(0, "'VisitorRecord.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ListOfPlainClasses_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        _logger.LogInformation("Visitors {Visitors}", visitors);
                        _logger.LogInformation("{Count} visitors", visitors.Count);
                        _logger.LogInformation("Ids {Ids}", visitors.Select(x => x.Id).ToList());
                    }
                """));
        }

        // ---- More sinks -------------------------------------------------------------------------------------------

        [Fact]
        public async Task TraceSource_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Diagnostics.TraceSource source)
                    {
                        source.TraceEvent(System.Diagnostics.TraceEventType.Information, 1, "Visitor {0}", {|#0:v.Email|});
                        source.TraceEvent(System.Diagnostics.TraceEventType.Warning, 2, {|#1:"Visitor " + v.Name|});
                        source.TraceInformation({|#2:v.IpAddress|});
                        source.TraceInformation("Visitor {0} {1}", v.Id, {|#3:v.Name|});
                        source.TraceInformation("Visitor {0}", v.Id);
                    }
                """),
                Logged(0, Email, "'TraceEvent'"),
                Logged(1, Name, "'TraceEvent'"),
                Logged(2, Ip, "'TraceInformation'"),
                Logged(3, Name, "'TraceInformation'"));
        }

        [Fact]
        public async Task ConsoleOut_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Console.Out.WriteLine({|#0:v.Email|});
                        Console.Out.Write("{0}", {|#1:v.Name|});
                        Console.Out.WriteLine(v.Id);
                    }
                """),
                Logged(0, Email, "'Console.Out.WriteLine'"),
                Logged(1, Name, "'Console.Out.Write'"));
        }

        [Fact]
        public async Task ConsoleOutThroughLocal_Triggers()
        {
            // A local set to the console's stream where it is declared and never assigned again is the console: a log.
            // Setting a property of the writer is not assigning the local.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var output = Console.Out;
                        output.NewLine = "\n";
                        output.WriteLine({|#0:v.Email|});
                        System.IO.TextWriter errors = System.Console.Error;
                        errors.Write("{0}", {|#1:v.Name|});
                        errors.WriteLine(v.Id);
                    }
                """),
                Logged(0, Email, "'Console.Out.WriteLine'"),
                Logged(1, Name, "'Console.Error.Write'"));
        }

        [Fact]
        public async Task DebugPrint_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        System.Diagnostics.Debug.Print({|#0:v.Email|});
                        System.Diagnostics.Debug.Print("Visitor {0}", {|#1:v.Name|});
                        System.Diagnostics.Debug.Print("Visitor {0}", v.Id);
                    }
                """),
                Logged(0, Email, "'Debug.Print'"),
                Logged(1, Name, "'Debug.Print'"));
        }

        // ---- Control flow -----------------------------------------------------------------------------------------

        [Fact]
        public async Task LocalTaintedInTry_LoggedInCatch_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var email = "";
                        try
                        {
                            email = v.Email;
                            Send(email);
                        }
                        catch (Exception)
                        {
                            _logger.LogError("Could not send to {Email}", {|#0:email|});
                        }
                    }
                    static void Send(string to) { }
                """),
                Logged(0, Email, "'LogError'"));
        }

        [Fact]
        public async Task CleanLocalLoggedInCatchWithException_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var id = v.Id.ToString();
                        try
                        {
                            Send(v.Email);
                        }
                        catch (InvalidOperationException ex)
                        {
                            _logger.LogError(ex, "Could not send to visitor {Id}", id);
                        }
                    }
                    static void Send(string to) { }
                """));
        }

        [Fact]
        public async Task LocalTaintedInTry_LoggedInFinally_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var who = "nobody";
                        try
                        {
                            who = v.Name;
                        }
                        finally
                        {
                            _logger.LogInformation("Done for {Who}", {|#0:who|});
                        }
                    }
                """),
                Logged(0, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task SwitchStatementWithWhenClause_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, int kind)
                    {
                        string label;
                        switch (kind)
                        {
                            case 1 when v.Email.Length > 0:
                                label = v.Email;
                                break;
                            case 2:
                                label = "two";
                                break;
                            default:
                                label = "other";
                                break;
                        }

                        _logger.LogInformation("{Label}", {|#0:label|});

                        switch (v.Name)
                        {
                            case string n when n.StartsWith("Dr", StringComparison.Ordinal):
                                _logger.LogInformation("Doctor {Name}", {|#1:n|});
                                break;
                            case { Length: > 40 }:
                                _logger.LogInformation("Long name");
                                break;
                        }
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task SwitchWhenClauseReadsPersonalData_LabelClean_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, int kind)
                    {
                        string label;
                        switch (kind)
                        {
                            case 1 when v.Email.EndsWith(".org", StringComparison.Ordinal):
                                label = "nonprofit";
                                break;
                            default:
                                label = "other";
                                break;
                        }

                        _logger.LogInformation("{Label}", label);
                    }
                """));
        }

        [Fact]
        public async Task LoopReassignsCleanValueBeforeLogging_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, int n)
                    {
                        var current = v.Email;
                        while (n-- > 0)
                        {
                            current = "retry " + n;
                            _logger.LogInformation("{Current}", current);
                        }
                    }
                """));
        }

        [Fact]
        public async Task LoopLogsBeforeReassigningCleanValue_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, int n)
                    {
                        var current = v.Email;
                        while (n-- > 0)
                        {
                            _logger.LogInformation("{Current}", {|#0:current|});
                            current = "retry " + n;
                        }
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task LoopTaintsLocalOnLaterIteration_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, int n)
                    {
                        var previous = "start";
                        for (var i = 0; i < n; i++)
                        {
                            _logger.LogInformation("{Previous}", {|#0:previous|});
                            previous = v.Name;
                        }
                    }
                """),
                Logged(0, Name, "'LogInformation'"));
        }

        // ---- String and builder methods ---------------------------------------------------------------------------

        [Fact]
        public async Task StringMethods_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var a = v.Email.Substring(0, 3);
                        var b = v.Email.Replace("@", " at ");
                        var c = v.Email.Split('@')[0];
                        var d = v.Name.PadLeft(20);
                        var e = v.Name.Normalize();
                        var f = v.IpAddress.Split('.').Last();
                        _logger.LogInformation("{A} {B} {C} {D} {E} {F}", {|#0:a|}, {|#1:b|}, {|#2:c|}, {|#3:d|}, {|#4:e|}, {|#5:f|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Email, "'LogInformation'"),
                Logged(2, Email, "'LogInformation'"),
                Logged(3, Name, "'LogInformation'"),
                Logged(4, Name, "'LogInformation'"),
                Logged(5, Ip, "'LogInformation'"));
        }

        [Fact]
        public async Task StringBuilderAppendFormatAndAppendLine_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var a = new StringBuilder();
                        a.AppendFormat("Visitor {0}", v.Email);
                        var b = new StringBuilder();
                        b.AppendLine("Visitor:");
                        b.AppendLine(v.Name);
                        var c = new StringBuilder();
                        c.AppendLine("Visitor:").AppendFormat("{0}", v.Id);
                        _logger.LogInformation({|#0:a.ToString()|});
                        _logger.LogInformation("{Text}", {|#1:b|});
                        _logger.LogInformation(c.ToString());
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task StringConcat_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation({|#0:string.Concat("Visitor ", v.Name, " <", v.Email, ">")|});
                        _logger.LogInformation({|#1:string.Concat(new[] { v.IpAddress, "!" })|});
                        _logger.LogInformation(string.Concat("Visitor ", v.Id.ToString(), " ", v.Locale));
                    }
                """),
                Logged(0, Email + " and " + Name, "'LogInformation'"),
                Logged(1, Ip, "'LogInformation'"));
        }

        // ---- Helpers ----------------------------------------------------------------------------------------------

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

        // ---- Every kind of executable body ------------------------------------------------------------------------

        [Fact]
        public async Task TopLevelStatements_Trigger()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = /* lang=c#-test */ """

                    using System;
                    using Chat;

                    var v = new Visitor { Id = 7 };
                    Console.WriteLine({|#0:v.Email|});
                    Console.WriteLine($"Visitor {v.Id} ({v.Locale})");
                    Console.WriteLine({|#1:$"Hello {v.Name}"|});

                    """ + Model,
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Logged(0, Email, "'Console.WriteLine'"));
            test.ExpectedDiagnostics.Add(Logged(1, Name, "'Console.WriteLine'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task FieldAndPropertyInitializers_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    private static readonly Action<Visitor> OnJoin = v => Console.WriteLine({|#0:v.Email|});
                    public Action<Visitor> OnLeave { get; } = v => Console.WriteLine({|#1:v.Name|});
                    private static readonly bool Announced = Announce({|#2:new Visitor().IpAddress|});
                    public bool Greeted { get; } = Announce({|#3:new Visitor().Email|});
                    private static readonly bool Counted = Announce(new Visitor().Locale);
                    static bool Announce(string what) { Console.WriteLine(what); return true; }
                """),
                Logged(0, Email, "'Console.WriteLine'"),
                Logged(1, Name, "'Console.WriteLine'"),
                Logged(2, Ip, "'Announce' (through 'Console.WriteLine')"),
                Logged(3, Email, "'Announce' (through 'Console.WriteLine')"));
        }

        [Fact]
        public async Task ConstructorBody_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(string.Empty, /* lang=c#-test */ """

                class Session
                {
                    private readonly int _owner;

                    public Session(ILogger<Session> logger, Visitor v)
                    {
                        _owner = v.Id;
                        var owner = "Session for " + v.Email;
                        logger.LogInformation({|#0:owner|});
                        logger.LogInformation("Session for {Id}", _owner);
                    }

                    public Session(ILogger<Session> logger, Visitor v, bool quiet) : this(logger, v)
                    {
                        if (!quiet) { logger.LogInformation("Loud {Name}", {|#1:v.Name|}); }
                    }
                }

                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task ExpressionBodiedPropertyGetter_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    private Visitor _current = new Visitor();
                    public IDisposable? Scope => _logger.BeginScope("Visitor {Email}", {|#0:_current.Email|});
                    public IDisposable? IdScope => _logger.BeginScope("Visitor {Id}", _current.Id);
                    public string Current { get { Console.WriteLine({|#1:_current.Name|}); return ""; } }
                """),
                Logged(0, Email, "'BeginScope'"),
                Logged(1, Name, "'Console.WriteLine'"));
        }

        // ---- Attributes through interfaces and overrides ----------------------------------------------------------

        [Fact]
        public async Task InterfacePropertyReadThroughInterface_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(IContact c) => _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                """),
                Logged(0, "'IContact.Phone' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task InterfacePropertyReadThroughImplementation_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(ContactCard c) => _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                """),
                Logged(0, "'IContact.Phone' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task OverriddenPropertyReadThroughDerivedType_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Customer c, Person p)
                    {
                        _logger.LogInformation("{Phone}", {|#0:c.Phone|});
                        _logger.LogInformation("{Phone}", {|#1:p.Phone|});
                    }
                """),
                Logged(0, "'Person.Phone' (personal data, purpose 'billing')", "'LogInformation'"),
                Logged(1, "'Person.Phone' (personal data, purpose 'billing')", "'LogInformation'"));
        }

        // ---- What a careful user writes: no false positives -------------------------------------------------------

        [Fact]
        public async Task ValuesDerivedWithoutTheData_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, string other)
                    {
                        _logger.LogInformation("{Hash}", v.Email.GetHashCode());
                        _logger.LogInformation("{Id}", v.Id.ToString());
                        _logger.LogInformation("{Id}", $"visitor-{v.Id}");
                        _logger.LogInformation("{Field}", nameof(v.Email));
                        _logger.LogInformation("Missing {Field}", nameof(Visitor.Email));
                        _logger.LogInformation("{Type}", typeof(Visitor));
                        _logger.LogInformation("{Type}", v.GetType().Name);
                        _logger.LogInformation("{IsNull}", v.Email is null);
                        _logger.LogInformation("{Blank}", string.IsNullOrWhiteSpace(v.Name));
                        _logger.LogInformation("{Same}", string.Equals(v.Email, other, StringComparison.OrdinalIgnoreCase));
                        _logger.LogInformation("{At}", v.Email.IndexOf('@'));
                        _logger.LogInformation("{Digits}", v.Name.Count(char.IsDigit));
                        _logger.LogInformation("{Count}", v.Messages.Count);
                        _logger.LogInformation("{Lengths}", string.Join(",", v.Messages.Select(m => m.Length)));
                        _logger.LogInformation("{Kind}", v.Email.Length > 0 ? "has email" : "no email");
                        _logger.LogInformation("{Length}", v.Email?.Length);
                        _logger.LogInformation("{Compare}", string.Compare(v.Name, other, StringComparison.Ordinal));
                    }
                """));
        }

        [Fact]
        public async Task PlainObjectToStringAndCleanMembers_DoNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Contact c)
                    {
                        _logger.LogInformation("{Visitor}", v.ToString());
                        _logger.LogInformation($"Contact {c.Id} in {v.Locale}");
                        Console.WriteLine(c);
                        Console.WriteLine("Visitor " + v.Id + " has " + v.Messages.Count + " messages");
                    }
                """));
        }

        [Fact]
        public async Task ExceptionWithOnlyIds_DoesNotTrigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (string.IsNullOrEmpty(v.Email))
                        {
                            throw new ArgumentException($"Visitor {v.Id} has no address", nameof(v));
                        }
                    }
                """));
        }
    }
}
