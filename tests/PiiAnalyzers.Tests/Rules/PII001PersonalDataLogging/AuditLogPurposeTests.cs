using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII001PersonalDataLogging
{
    /// <summary>
    /// PII001 and audit logs: a logging sink that serves a purpose (<c>[PersonalDataSink(SinkKind.Logging, Purpose = ...)]</c>,
    /// a <c>pii_analyzers.logging_sinks</c> entry with <c>=&gt; purpose</c>, or an audit-channel selector argument) may hold
    /// the data collected for that purpose, and a security log also identifiers and online identifiers with no purpose.
    /// </summary>
    public class AuditLogPurposeTests
    {
        private const string Model = """
            namespace Contoso
            {
                using PiiAttributes;

                public class Account
                {
                    [PersonalData(Category = PersonalDataCategory.Identifier)] public string UserName { get; set; } = "";
                    [PersonalData(Category = PersonalDataCategory.OnlineIdentifier)] public string LastIpAddress { get; set; } = "";
                    [PersonalData(Category = PersonalDataCategory.Contact)] public string Email { get; set; } = "";
                    [PersonalData(Purpose = "security", Category = PersonalDataCategory.Contact)] public string RecoveryEmail { get; set; } = "";
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Identifier)] public string SupportAlias { get; set; } = "";
                    [PersonalData(Category = PersonalDataCategory.Special)] public string Disability { get; set; } = "";
                }

                public enum LogFunction { General, Security }

                public static class AuditEvents
                {
                    public static readonly Microsoft.Extensions.Logging.EventId LoginFailed = new Microsoft.Extensions.Logging.EventId(1001);
                    public static readonly Microsoft.Extensions.Logging.EventId Started = new Microsoft.Extensions.Logging.EventId(1);
                }

                public static class Log
                {
                    public static void Write(LogFunction function, string message) { }
                }

                public static class Audit
                {
                    [PersonalDataSink(SinkKind.Logging, Purpose = "security")]
                    public static void Write(string entry) { }

                    public static void Plain(string entry) { }
                }
            }

            """;

        private static DiagnosticResult Logged(int location, string data, string sink)
            => Verify.Diagnostic("PII001").WithLocation(location).WithDataArguments(data, sink);

        [Fact]
        public async Task SecurityAuditSink_KeepsIdentifiersAndItsOwnData_ButReportsTheRest()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class LoginHandler
                {
                    void Failed(Contoso.Account account)
                    {
                        Contoso.Audit.Write(account.UserName);
                        Contoso.Audit.Write(account.LastIpAddress);
                        Contoso.Audit.Write(account.RecoveryEmail);
                        Contoso.Audit.Write({|#0:account.Email|});
                        Contoso.Audit.Write({|#1:account.SupportAlias|});
                        Contoso.Audit.Write({|#2:account.Disability|});
                    }
                }
                """,
                Logged(0, "'Account.Email' (personal data, no declared purpose)", "'Write'"),
                Logged(1, "'Account.SupportAlias' (personal data, purpose 'support')", "'Write'"),
                Logged(2, "'Account.Disability' (personal data, no declared purpose)", "'Write'"));
        }

        [Fact]
        public async Task ThroughAHelper_TheAuditSinkKeepsItsPurpose()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class LoginHandler
                {
                    void Failed(Contoso.Account account)
                    {
                        Record(account.UserName);
                        Record({|#0:account.Email|});
                    }

                    void Record(string who) => Contoso.Audit.Write(who);
                }
                """,
                Logged(0, "'Account.Email' (personal data, no declared purpose)", "'Record' (through 'Write')"));
        }

        [Fact]
        public async Task ConfiguredLoggingSinkWithAPurpose_IsAnAuditLog()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class LoginHandler
                {
                    void Failed(Contoso.Account account)
                    {
                        Contoso.Audit.Plain(account.UserName);
                        Contoso.Audit.Plain({|#0:account.Email|});
                    }
                }
                """,
                "root = true\n[*.cs]\npii_analyzers.logging_sinks = Contoso.Audit.Plain => security\n",
                Logged(0, "'Account.Email' (personal data, no declared purpose)", "'Plain'"));
        }

        [Fact]
        public async Task AuditChannelSelectors_MakeTheCallAnAuditLog()
        {
            await Verify.VerifyAnalyzerAsync("using Microsoft.Extensions.Logging;\n" + Model + """
                class LoginHandler
                {
                    void Failed(Contoso.Account account, ILogger logger)
                    {
                        Contoso.Log.Write(Contoso.LogFunction.Security, account.UserName);
                        Contoso.Log.Write(Contoso.LogFunction.General, {|#0:account.UserName|});
                        Contoso.Log.Write(Contoso.LogFunction.Security, {|#1:account.Email|});
                        logger.LogWarning(Contoso.AuditEvents.LoginFailed, "Login failed for {User} from {Ip}", account.UserName, account.LastIpAddress);
                        logger.LogWarning(Contoso.AuditEvents.Started, "Started by {User}", {|#2:account.UserName|});
                    }
                }
                """,
                "root = true\n[*.cs]\npii_analyzers.logging_sinks = Contoso.Log.Write\npii_analyzers.audit_log_selectors = Contoso.LogFunction.Security => security, Contoso.AuditEvents.LoginFailed\n",
                Logged(0, "'Account.UserName' (personal data, no declared purpose)", "'Write'"),
                Logged(1, "'Account.Email' (personal data, no declared purpose)", "'Write'"),
                Logged(2, "'Account.UserName' (personal data, no declared purpose)", "'LogWarning'"));
        }

        [Fact]
        public async Task WithoutAPurpose_TheSameSinkIsAPlainLog()
        {
            await Verify.VerifyAnalyzerAsync(Model + """
                class LoginHandler
                {
                    void Failed(Contoso.Account account) => Contoso.Audit.Plain({|#0:account.UserName|});
                }
                """,
                "root = true\n[*.cs]\npii_analyzers.logging_sinks = Contoso.Audit.Plain\n",
                Logged(0, "'Account.UserName' (personal data, no declared purpose)", "'Plain'"));
        }
    }
}
