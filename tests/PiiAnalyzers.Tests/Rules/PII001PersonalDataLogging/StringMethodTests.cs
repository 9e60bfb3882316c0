using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 through string and string builder methods.</summary>
    public class StringMethodTests
    {
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
    }
}
