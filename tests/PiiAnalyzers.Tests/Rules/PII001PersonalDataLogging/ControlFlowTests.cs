using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;
using static PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging.LoggingTopicSources;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001 through control flow: try, catch and finally, switch with when clauses, loops.</summary>
    public class ControlFlowTests
    {
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
    }
}
