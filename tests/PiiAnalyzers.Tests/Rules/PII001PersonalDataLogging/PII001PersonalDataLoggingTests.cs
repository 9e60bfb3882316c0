using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    public class PII001PersonalDataLoggingTests
    {
        private static DiagnosticResult Logged(int location, string data, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        private const string Email = "'Visitor.Email' (personal data, purpose 'support')";
        private const string Name = "'Visitor.Name' (personal data, purposes 'support', 'billing')";
        private const string Ip = "'Visitor.IpAddress' (personal data, purpose 'analytics')";
        private const string Text = "'Message.Text' (personal data, purpose 'support')";

        private static string Code(string body, string usings = "") => /* lang=c#-test */ """

            using System;
            using System.Linq;
            using System.Text;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;
            using Chat;

            """ + usings + """

            class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

            """ + body + """

            }

            """ + ChatModel.Source;

        [Fact]
        public async Task LogInformationArgument_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("Visitor {Email} joined", {|#0:v.Email|});
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task InterpolatedMessage_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { _logger.LogWarning({|#0:$"Blocked {v.IpAddress}"|}); }
                """),
                Logged(0, Ip, "'LogWarning'"));
        }

        [Fact]
        public async Task ThroughLocal_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var email = v.Email;
                        var upper = email.Trim().ToLowerInvariant();
                        _logger.LogInformation("{E}", {|#0:upper|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task ReassignedOnOneBranch_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, bool hide)
                    {
                        var text = v.Email;
                        if (hide) text = "anonymous";
                        _logger.LogInformation("{E}", {|#0:text|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task CoalesceConditionalAndSwitch_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, string? alias, int kind)
                    {
                        var a = alias ?? v.Name;
                        var b = kind > 0 ? v.Email : "none";
                        var c = kind switch { 1 => v.IpAddress, _ => "?" };
                        _logger.LogInformation("{A} {B} {C}", {|#0:a|}, {|#1:b|}, {|#2:c|});
                    }
                """),
                Logged(0, Name, "'LogInformation'"),
                Logged(1, Email, "'LogInformation'"),
                Logged(2, Ip, "'LogInformation'"));
        }

        [Fact]
        public async Task ConcatFormatJoinAndStringBuilder_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var a = "mail: " + v.Email;
                        var b = string.Format("{0}", v.Name);
                        var c = string.Join(",", new[] { v.IpAddress });
                        var sb = new StringBuilder();
                        sb.Append("x").Append(v.Email);
                        _logger.LogInformation("{A} {B} {C} {D}", {|#0:a|}, {|#1:b|}, {|#2:c|}, {|#3:sb.ToString()|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"),
                Logged(2, Ip, "'LogInformation'"),
                Logged(3, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task TupleAndDeconstruction_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var (id, mail) = (v.Id, v.Email);
                        _logger.LogInformation("{Id} {Mail}", id, {|#0:mail|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task ForeachAndLinqProjection_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var texts = v.Messages.Select(m => m.Text).ToList();
                        foreach (var t in texts)
                        {
                            _logger.LogDebug("{T}", {|#0:t|});
                        }
                        foreach (var m in v.Messages)
                        {
                            _logger.LogDebug("{T} {L}", {|#1:m.Text|}, m.Length);
                        }
                        _logger.LogDebug("{Count}", texts.Count);
                    }
                """),
                Logged(0, Text, "'LogDebug'"),
                Logged(1, Text, "'LogDebug'"));
        }

        [Fact]
        public async Task SerializerOutput_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var json = {|#1:System.Text.Json.JsonSerializer.Serialize(v)|};
                        _logger.LogInformation("{Json}", {|#0:json|});
                    }
                """),
                Verify.Diagnostic("PII001").WithLocation(0).WithDataArguments(
                    "'Message.Text' (personal data, purpose 'support') and 'Visitor.Email' (personal data, purpose 'support') and 'Visitor.IpAddress' (personal data, purpose 'analytics') and 1 more",
                    "'LogInformation'"),
                Verify.Diagnostic("PII002").WithLocation(1).WithDataArguments(
                    "'Message.Text' (personal data, purpose 'support', basis consent) and 'Visitor.Email' (personal data, purpose 'support', basis consent) and 2 more",
                    "'JsonSerializer.Serialize'",
                    "check consent for 'support' and 'analytics' first"));
        }

        [Fact]
        public async Task SerializerOutput_HoldsOnlyTheMembersTheSerializerWrites()
        {
            // Card.Email is System.Text.Json's [JsonIgnore]: that serializer's text does not hold it; Newtonsoft's does.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Card card)
                    {
                        var json = System.Text.Json.JsonSerializer.Serialize(card);
                        _logger.LogInformation("{Json}", {|#0:json|});
                        var all = Newtonsoft.Json.JsonConvert.SerializeObject(card);
                        _logger.LogInformation("{Json}", {|#1:all|});
                    }
                """) + """

                public class Card
                {
                    [PersonalData(Purpose = "support", Basis = LawfulBasis.Contract)]
                    public string Name { get; set; } = "";
                    [System.Text.Json.Serialization.JsonIgnore]
                    [PersonalData(Purpose = "support", Basis = LawfulBasis.Contract)]
                    public string Email { get; set; } = "";
                }
                """,
                Logged(0, CardName, "'LogInformation'"),
                Logged(1, "'Card.Email' (personal data, purpose 'support') and " + CardName, "'LogInformation'"));
        }

        private const string CardName = "'Card.Name' (personal data, purpose 'support')";

        [Fact]
        public async Task AwaitedValue_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    async System.Threading.Tasks.Task M(System.Threading.Tasks.Task<Visitor> load)
                    {
                        var v = await load;
                        var email = await System.Threading.Tasks.Task.FromResult(v.Email);
                        _logger.LogInformation("{E}", {|#0:email|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task PlainContainer_DoesNotTrigger_RecordDoes()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, VisitorRecord r, PositionalRecord p)
                    {
                        _logger.LogInformation("{Visitor}", v);
                        _logger.LogInformation("{Record}", {|#0:r|});
                        _logger.LogInformation("{Record}", {|#1:p|});
                    }
                """),
                Logged(0, "'VisitorRecord.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Logged(1, "'PositionalRecord.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ComputedMember_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("{G}", {|#0:v.Greeting|});
                """),
                Logged(0, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task HelperThatLogsItsParameter_TriggersAtCallSite()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { Audit({|#0:v.Email|}); Audit(v.Locale); }
                    void Audit(string what) { _logger.LogInformation("Audit {What}", what); }
                """),
                Logged(0, Email, "'Audit' (through 'LogInformation')"));
        }

        [Fact]
        public async Task HelperWithFormatAndParams_TriggersOnTheArgument()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { Audit("Visitor {0} {1}", v.Id, {|#0:v.Email|}); }
                    void Audit(string format, params object[] args) { _logger.LogInformation(format, args); }
                """),
                Logged(0, Email, "'Audit' (through 'LogInformation')"));
        }

        [Fact]
        public async Task HelperThatReturnsPersonalData_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { _logger.LogInformation("{D}", {|#0:Describe(v)|}); _logger.LogInformation("{D}", Shout("hi")); }
                    static string Describe(Visitor v) => v.Name + " <" + v.Email + ">";
                    static string Shout(string s) => s.ToUpperInvariant();
                """),
                Verify.Diagnostic("PII001").WithLocation(0).WithDataArguments(Email + " and " + Name, "'LogInformation'"));
        }

        [Fact]
        public async Task HelpersThreeDeep_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { A({|#0:v.Email|}); }
                    void A(string x) => B(x);
                    void B(string y) => C(y);
                    void C(string z) => _logger.LogInformation("{Z}", z);
                """),
                Logged(0, Email, "'A' (through 'LogInformation')"));
        }

        [Fact]
        public async Task HelpersFourDeep_AreBeyondTheBound()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) { A(v.Email); }
                    void A(string x) => B(x);
                    void B(string y) => C(y);
                    void C(string z) => D(z);
                    void D(string w) => _logger.LogInformation("{W}", w);
                """));
        }

        [Fact]
        public async Task LambdaAndLocalFunction_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var email = v.Email;
                        Action later = () => _logger.LogInformation("{E}", {|#0:email|});
                        Log(v.Name);
                        void Log(string what) => _logger.LogInformation("{W}", {|#1:what|});
                    }
                """),
                Logged(0, Email, "'LogInformation'"),
                Logged(1, Name, "'LogInformation'"));
        }

        [Fact]
        public async Task PersonalDataParameter_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M([PersonalData(Purpose = "support")] string phone) => _logger.LogInformation("{P}", {|#0:phone|});
                """),
                Logged(0, "parameter 'phone' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ReturnValueMarked_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [return: PersonalData(Purpose = "billing")]
                    string Lookup(int id) => "x";
                    void M() => _logger.LogInformation("{P}", {|#0:Lookup(1)|});
                """),
                Logged(0, "'Service.Lookup()' (personal data, purpose 'billing')", "'LogInformation'"));
        }

        [Fact]
        public async Task BeginScopeAndLog_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        using (_logger.BeginScope("Visitor {Email}", {|#0:v.Email|})) { }
                        _logger.Log(LogLevel.Information, "{N}", {|#1:v.Name|});
                    }
                """),
                Logged(0, Email, "'BeginScope'"),
                Logged(1, Name, "'Log'"));
        }

        [Fact]
        public async Task ConsoleTraceAndDebug_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Console.WriteLine({|#0:v.Email|});
                        Console.Error.WriteLine({|#1:v.Name|});
                        System.Diagnostics.Trace.TraceInformation("{0}", {|#2:v.IpAddress|});
                        System.Diagnostics.Debug.WriteLine({|#3:v.Email|});
                        Console.WriteLine(v.Id);
                    }
                """),
                Logged(0, Email, "'Console.WriteLine'"),
                Logged(1, Name, "'Console.Error.WriteLine'"),
                Logged(2, Ip, "'Trace.TraceInformation'"),
                Logged(3, Email, "'Debug.WriteLine'"));
        }

        [Fact]
        public async Task ExceptionMessage_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (v.Id < 0) throw new InvalidOperationException({|#0:$"Unknown visitor {v.Email}"|});
                        throw new ArgumentException("bad id", nameof(v));
                    }
                """),
                Logged(0, Email, "'InvalidOperationException' (an exception message)"));
        }

        [Fact]
        public async Task DeclaredLoggingSink_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [PersonalDataSink(SinkKind.Logging)]
                    static void Write(string line) { }
                    static void Track(string name, [PersonalDataSink(SinkKind.Logging)] string detail) { }
                    void M(Visitor v) { Write({|#0:v.Email|}); Track(v.Name, {|#1:v.IpAddress|}); }
                """),
                Logged(0, Email, "'Write'"),
                Logged(1, Ip, "'Track'"));
        }

        [Fact]
        public async Task SerilogDestructuringAndForContext_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        log.Information("Visitor {Visitor}", v);
                        log.Information("Visitor {@Visitor}", {|#0:v|});
                        Serilog.Log.Warning("{Ip}", {|#1:v.IpAddress|});
                        log.ForContext("Email", {|#2:v.Email|}).Information("joined");
                    }
                """),
                Verify.Diagnostic("PII001").WithLocation(0).WithDataArguments(
                    "'Message.Text' (personal data, purpose 'support') and 'Visitor.Email' (personal data, purpose 'support') and 'Visitor.IpAddress' (personal data, purpose 'analytics') and 1 more",
                    "'Information'"),
                Logged(1, Ip, "'Log.Warning'"),
                Logged(2, Email, "'ForContext'"));
        }

        [Fact]
        public async Task NLogAndLog4Net_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, NLog.Logger nlog, log4net.ILog log4)
                    {
                        nlog.Info("Visitor {Email}", {|#0:v.Email|});
                        log4.InfoFormat("Visitor {0}", {|#1:v.Name|});
                        log4.Warn({|#2:v.IpAddress|});
                    }
                """),
                Logged(0, Email, "'Info'"),
                Logged(1, Name, "'InfoFormat'"),
                Logged(2, Ip, "'Warn'"));
        }

        [Fact]
        public async Task LoggerMessageDefineDelegate_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    private static readonly Action<ILogger, string, Exception?> Joined =
                        LoggerMessage.Define<string>(LogLevel.Information, new EventId(1), "Visitor {Email} joined");
                    void M(Visitor v) => Joined(_logger, {|#0:v.Email|}, null);
                """),
                Logged(0, Email, "'LoggerMessage.Define delegate'"));
        }

        [Fact]
        public async Task LoggerMessageAttributeMethod_TriggersAtCallSite()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Visitor {Email} left")]
                    static void VisitorLeft(ILogger logger, string email) { }
                    void M(Visitor v) => VisitorLeft(_logger, {|#0:v.Email|});
                """),
                Logged(0, Email, "'VisitorLeft'"));
        }

        [Fact]
        public async Task GeneratedCodeAttribute_IsNotAnalyzed_EvenInAPartOfAHandWrittenFile()
        {
            // The analyzer reports only from code it analyzes (it does not ask the driver to filter each diagnostic):
            // a [GeneratedCode] type is skipped whole, in whichever file a part of it sits.
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
                partial class Generated { void M(ILogger l, Chat.Visitor v) => l.LogInformation("{E}", v.Email); }
                partial class Generated { void N(ILogger l, Chat.Visitor v) => l.LogInformation("{E}", v.Email); }
                class HandWritten { void M(ILogger l, Chat.Visitor v) => l.LogInformation("{E}", {|#0:v.Email|}); }

                """ + ChatModel.Source, Logged(0, Email, "'LogInformation'"));
        }

        [Fact]
        public async Task CodeThatDoesNotCompile_DoesNotThrow()
        {
            // Half-typed code: the analyzer still reports what it can bind and never throws (AD0001 would fail the test).
            var test = new Verifiers.CSharpCodeFixVerifier<PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = Code(/* lang=c#-test */ """

                        void M(Visitor v)
                        {
                            var x = v.
                            _logger.LogInformation("{E} {U}", v.Email, undefined);
                            Unknown(v.Email);
                            _logger.LogInformation("{E}", v.Missing, v.Name);
                            foreach (var m in v.Nothing) { _logger.LogDebug(m); }
                            Action a = () => _logger.LogInformation({|#0:v.Email|}
                        }
                    """),
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            test.ExpectedDiagnostics.Add(Logged(0, Email, "'LogInformation'"));
            await test.RunAsync();
        }
    }
}
