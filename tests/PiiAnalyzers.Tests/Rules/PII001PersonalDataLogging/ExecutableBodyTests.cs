using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 in every kind of executable body: top-level statements, initializers, constructors, expression-bodied getters.</summary>
    public class ExecutableBodyTests
    {
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

                    """ + ChatModel.Source,
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
    }
}
