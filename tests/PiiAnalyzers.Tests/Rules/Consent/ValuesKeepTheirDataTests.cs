using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using ConsentRulesTestModel = PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>Values the graph lowers through flow captures keep the data written into them.</summary>
    public class ValuesKeepTheirDataTests
    {
        /// <summary>The shared model with logging extensions in scope.</summary>
        private static string Code(string body) => "using Microsoft.Extensions.Logging;" + ConsentRulesTestModel.Code(body);

        private const string CheckSupport = "check consent for 'support' first";
        private const string Serialize = "'JsonSerializer.Serialize'";

        private const string Message = /* lang=c#-test */ """

                public sealed class Message { public string To { get; set; } = ""; public string Subject { get; set; } = ""; }
            """;

        [Fact]
        public async Task ConditionalAssignedToMember_KeepsItsData()
        {
            await Verify.VerifyAnalyzerAsync(Code(Message + """

                    string M(Visitor a, Visitor b, bool first)
                    {
                        var msg = new Message();
                        msg.To = first ? a.Email : b.Email;
                        return {|#0:System.Text.Json.JsonSerializer.Serialize(msg)|};
                    }
                    string N(Visitor a, bool first, Message msg)
                    {
                        msg.To = a.Email ?? "";
                        return {|#1:System.Text.Json.JsonSerializer.Serialize(msg.To)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport),
                Rule("PII002", 1, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task ConditionalOfCleanValuesAssignedToMember_StaysClean()
        {
            await Verify.VerifyAnalyzerAsync(Code(Message + """

                    string M(bool first)
                    {
                        var msg = new Message();
                        msg.Subject = first ? "Hello" : "Hi";
                        return System.Text.Json.JsonSerializer.Serialize(msg);
                    }
                """));
        }

        [Fact]
        public async Task TupleElements_AreTrackedOneByOne()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    void M(Visitor v, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var pair = (v.Email, Guid.NewGuid());
                        log.LogInformation("Token {Token}", pair.Item2);
                        (string Address, string Ticket) named = (v.Email, "T-1");
                        log.LogInformation("Ticket {Ticket}", named.Ticket);
                        log.LogInformation("Ticket {Ticket}", named.Item2);
                        log.LogInformation("Address {Address}", {|#0:named.Address|});
                        log.LogInformation("Address {Address}", {|#1:named.Item1|});
                        log.LogInformation("Pair {Pair}", {|#2:pair|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 2, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task TupleWrittenOnAnotherPath_FallsBackToTheWholeTuple()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    (string, string) Swap((string A, string B) t) => (t.B, t.A);
                    void M(Visitor v, bool swap, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var pair = (v.Email, "x");
                        if (swap) pair = Swap(pair);
                        log.LogInformation("Second {Second}", {|#0:pair.Item2|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ObjectInitializerAndAnonymousType_MemberByMember()
        {
            await Verify.VerifyAnalyzerAsync(Code(Message + """

                    void M(Visitor v, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var msg = new Message { To = v.Email, Subject = "Welcome" };
                        log.LogInformation("Subject {Subject}", msg.Subject);
                        log.LogInformation("To {To}", {|#0:msg.To|});
                        var anonymous = new { v.Email, v.Id, Kind = "lead" };
                        log.LogInformation("Kind {Kind} {Id}", anonymous.Kind, anonymous.Id);
                        log.LogInformation("Email {Email}", {|#1:anonymous.Email|});
                    }
                    string N(Visitor v) => {|#2:System.Text.Json.JsonSerializer.Serialize(new Message { To = v.Email })|};
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII002", 2, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task ValueUsedOnlyToChoose_DoesNotFlowIntoTheResult()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public sealed class PushToken { public int VisitorId { get; set; } public string Token { get; set; } = ""; }
                    void M(Visitor v, System.Collections.Generic.List<PushToken> tokens, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var mine = tokens.Where(t => t.VisitorId == v.Id && t.Token != v.Email).Select(t => t.Token).ToList();
                        log.LogInformation("Tokens {Tokens}", string.Join(",", mine));
                        var first = tokens.FirstOrDefault(t => t.Token == v.Email);
                        log.LogInformation("Token {Token}", first?.Token);
                        var any = tokens.Any(t => t.Token == v.Email);
                        log.LogInformation("Known {Known}", any);
                        var chosen = tokens.Where(t => t.VisitorId == v.Id).Select(t => t.Token + v.Email);
                        log.LogInformation("Chosen {Chosen}", {|#0:chosen|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task ObjectFilledByAHelper_HoldsWhatTheHelperPutIn()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    static void Fill(System.Collections.Generic.Dictionary<string, string> placeholders, Visitor v)
                    {
                        placeholders["name"] = v.Email;
                        placeholders["ticket"] = "T-1";
                    }
                    static void Rename(string text, Visitor v) { text = v.Email; }
                    string M(Visitor v, System.Net.Http.HttpClient http)
                    {
                        var placeholders = new System.Collections.Generic.Dictionary<string, string>();
                        Fill(placeholders, v);
                        var text = "Hello {name}".Replace("{name}", placeholders["name"]);
                        var plain = "Hello";
                        Rename(plain, v);
                        System.Text.Json.JsonSerializer.Serialize(plain);
                        return {|#0:System.Text.Json.JsonSerializer.Serialize(text)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }
    }
}
