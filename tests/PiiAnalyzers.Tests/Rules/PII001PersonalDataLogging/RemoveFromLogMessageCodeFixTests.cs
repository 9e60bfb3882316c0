using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.CodeFixes;
using PiiAnalyzers.Tests.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.RemoveFromLogMessageFix>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>PII001's "Remove from log message" fix: the value and its hole go; where that is not safe nothing is offered.</summary>
    public class RemoveFromLogMessageCodeFixTests
    {
        private static string Code(string body) => /* lang=c#-test */ """
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;
            using Chat;

            class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

            """ + body + """

            }

            """;

        private static Task VerifyAsync(string source, string fixedSource)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = RemoveFromLogMessageCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            return test.RunAsync();
        }

        /// <summary>No fix: the fixed state is the test state, diagnostics and all.</summary>
        private static Task VerifyNotOfferedAsync(string source)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = RemoveFromLogMessageCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            return test.RunAsync();
        }

        [Fact]
        public async Task FirstParamsValue_IsRemoved()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("Visitor {Email} from {Locale} ({Id})", {|PII001:v.Email|}, v.Locale, v.Id);
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("Visitor from {Locale} ({Id})", v.Locale, v.Id);
                """));
        }

        [Fact]
        public async Task MiddleParamsValue_IsRemoved()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("Visitor {Id} {Email} {Locale}", v.Id, {|PII001:v.Email|}, v.Locale);
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v) => _logger.LogInformation("Visitor {Id} {Locale}", v.Id, v.Locale);
                """));
        }

        [Fact]
        public async Task LastValue_IsRemoved_AndTheCallKeepsItsLayout()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        // announce
                        _logger.LogInformation(
                            "Visitor {Id} as {Email} joined",
                            v.Id,
                            {|PII001:v.Email|}); // done
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        // announce
                        _logger.LogInformation(
                            "Visitor {Id} as joined",
                            v.Id); // done
                    }
                """));
        }

        [Fact]
        public async Task OnlyValue_LeavesTheTemplateAlone()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Email} joined", {|PII001:v.Email|});
                        _logger.LogWarning("{Name} left", {|PII001:v.Name|});
                        _logger.LogDebug("Email: {Email}", {|PII001:v.Email|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor joined");
                        _logger.LogWarning("left");
                        _logger.LogDebug("Email:");
                    }
                """));
        }

        [Fact]
        public async Task SerilogGenericOverload_BindsTheSmallerOne()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        log.Information("Visitor {Id} {Email}", v.Id, {|PII001:v.Email|});
                        Serilog.Log.Warning("Blocked {Ip}", {|PII001:v.IpAddress|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        log.Information("Visitor {Id}", v.Id);
                        Serilog.Log.Warning("Blocked");
                    }
                """));
        }

        [Fact]
        public async Task DestructuredValue_IsRemoved()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(VisitorRecord r, Serilog.ILogger log) => log.Information("Visitor {@Visitor} joined at {Time:l}", {|PII001:r|}, DateTime.UtcNow);
                """), Code(/* lang=c#-test */ """

                    void M(VisitorRecord r, Serilog.ILogger log) => log.Information("Visitor joined at {Time:l}", DateTime.UtcNow);
                """));
        }

        [Fact]
        public async Task NLog_NamedAndAlignedHoles()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, NLog.Logger nlog) => nlog.Info("{Id} {Email,20} {$Locale}", v.Id, {|PII001:v.Email|}, v.Locale);
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v, NLog.Logger nlog) => nlog.Info("{Id} {$Locale}", v.Id, v.Locale);
                """));
        }

        [Fact]
        public async Task Log4NetFormat_RenumbersTheLaterHoles()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, log4net.ILog log4) => log4.InfoFormat("{0}: {1} in {2}", v.Id, {|PII001:v.Name|}, v.Locale);
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v, log4net.ILog log4) => log4.InfoFormat("{0}: in {1}", v.Id, v.Locale);
                """));
        }

        [Fact]
        public async Task ConsoleWriteLineFormat_IsRemoved()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => Console.WriteLine("Visitor {0} joined", {|PII001:v.Email|});
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v) => Console.WriteLine("Visitor joined");
                """));
        }

        [Fact]
        public async Task RepeatedIndex_RemovesEveryUse()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => Trace.TraceInformation("Mail {0}, again {0}, id {1:D4}", {|PII001:v.Email|}, v.Id);
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v) => Trace.TraceInformation("Mail, again, id {0:D4}", v.Id);
                """));
        }

        [Fact]
        public async Task EscapedBraces_AreKept()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """""

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{{visitor}} {Id} {Email}", v.Id, {|PII001:v.Email|});
                        Console.WriteLine(@"{{""{0}"": {1}}}", v.Id, {|PII001:v.Name|});
                        _logger.LogInformation(""""{Id} "{Email}" {{x}}"""", v.Id, {|PII001:v.Email|});
                    }
                """""), Code(/* lang=c#-test */ """""

                    void M(Visitor v)
                    {
                        _logger.LogInformation("{{visitor}} {Id}", v.Id);
                        Console.WriteLine(@"{{""{0}"":}}", v.Id);
                        _logger.LogInformation(""""{Id} "" {{x}}"""", v.Id);
                    }
                """""));
        }

        [Fact]
        public async Task NonLiteralOrInterpolatedTemplate_IsNotOffered()
        {
            await VerifyNotOfferedAsync(Code(/* lang=c#-test */ """

                    private const string Template = "Visitor {Email}";
                    void M(Visitor v, string template)
                    {
                        _logger.LogInformation(Template, {|PII001:v.Email|});
                        _logger.LogInformation(template, {|PII001:v.Email|});
                        _logger.LogInformation("Visitor " + "{Email}", {|PII001:v.Email|});
                        _logger.LogInformation({|PII001:$"Visitor {v.Email}"|});
                        _logger.LogInformation({|PII001:v.Email|});
                    }
                """));
        }

        [Fact]
        public async Task MismatchedOrAmbiguousHoles_AreNotOffered()
        {
            await VerifyNotOfferedAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        _logger.LogInformation("Visitor {Email}", v.Id, {|PII001:v.Email|});
                        _logger.LogInformation("Visitor {Email} {Email}", {|PII001:v.Email|}, {|PII001:v.Name|});
                        _logger.LogInformation("Visitor {1} {0}", v.Id, {|PII001:v.Email|});
                        _logger.LogInformation("Visitor {{{Email}}}", {|PII001:v.Email|});
                        log.Information("Visitor {0} {Email}", v.Id, {|PII001:v.Email|});
                        Console.WriteLine("Visitor {Email}", {|PII001:v.Email|});
                        Console.WriteLine("Visitor {0} {2}", v.Id, {|PII001:v.Email|});
                    }
                """));
        }

        [Fact]
        public async Task WhereTheSmallerCallWouldNotBind_IsNotOffered()
        {
            await VerifyNotOfferedAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Serilog.ILogger log)
                    {
                        log.Information<string>("Visitor {Email}", {|PII001:v.Email|});
                        _logger.LogInformation("Visitors {A} {B}", {|PII001:new object[] { v.Id, v.Email }|});
                    }
                """));
        }

        [Fact]
        public async Task HelperCallAndExceptionMessage_AreNotOffered()
        {
            await VerifyNotOfferedAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Audit("Visitor {0}", {|PII001:v.Email|});
                        if (v.Id < 0) throw new InvalidOperationException({|PII001:"Unknown visitor " + v.Email|});
                    }
                    void Audit(string format, params object[] args) => _logger.LogInformation(format, args);
                """));
        }

        [Fact]
        public async Task FixAll_RemovesFromEveryDocument()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = RemoveFromLogMessageCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add(("/0/Test0.cs", Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Id} {Email}", v.Id, {|PII001:v.Email|});
                        _logger.LogWarning("Blocked {Ip} for {Name}", {|PII001:v.IpAddress|}, {|PII001:v.Name|});
                    }
                """)));
            test.TestState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.TestState.Sources.Add(("/0/Test2.cs", /* lang=c#-test */ """
                using Chat;

                static class Printer
                {
                    public static void Print(Visitor v) => System.Console.WriteLine("{0} <{1}>", v.Id, {|PII001:v.Email|});
                }

                """));
            test.FixedState.Sources.Add(("/0/Test0.cs", Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        _logger.LogInformation("Visitor {Id}", v.Id);
                        _logger.LogWarning("Blocked for");
                    }
                """)));
            test.FixedState.Sources.Add((CodeFixModel.Path, CodeFixModel.Source));
            test.FixedState.Sources.Add(("/0/Test2.cs", /* lang=c#-test */ """
                using Chat;

                static class Printer
                {
                    public static void Print(Visitor v) => System.Console.WriteLine("{0} <>", v.Id);
                }

                """));
            // The two values of one call edit the same template: Fix All takes one of them per pass (two passes; in
            // document scope, two for Test0 and one for Test2).
            test.NumberOfFixAllIterations = 2;
            test.NumberOfFixAllInDocumentIterations = 3;
            await test.RunAsync();
        }
    }
}
