using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 at the logs outside Microsoft.Extensions.Logging: trace sources, the console, debug output.</summary>
    public class OtherLogSinkTests
    {
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
    }
}
