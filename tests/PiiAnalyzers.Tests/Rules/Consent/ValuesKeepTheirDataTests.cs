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
        public async Task TuplesReturnedFromHelpers_KeepTheirElements()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    static (string Address, Guid Token) Load(Visitor v) => (v.Email, Guid.NewGuid());
                    static async Task<(string Address, Guid Token)> LoadAsync(Visitor v)
                    {
                        await Task.Yield();
                        return (v.Email, Guid.NewGuid());
                    }
                    async Task M(Visitor v, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var pair = Load(v);
                        log.LogInformation("Token {Token}", pair.Token);
                        log.LogInformation("Token {Token}", pair.Item2);
                        log.LogInformation("Address {Address}", {|#0:pair.Address|});
                        var (address, token) = Load(v);
                        log.LogInformation("Token {Token}", token);
                        log.LogInformation("Address {Address}", {|#1:address|});
                        var later = await LoadAsync(v);
                        log.LogInformation("Token {Token}", later.Token);
                        log.LogInformation("Address {Address}", {|#2:later.Address|});
                        var (mail, id) = await LoadAsync(v).ConfigureAwait(false);
                        log.LogInformation("Token {Token}", id);
                        log.LogInformation("Pair {Pair}", {|#3:later|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 2, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 3, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task TupleReturnedWholeOnOnePath_IsWholeEverywhere()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    static (string, string) Load(Visitor v, bool swap, (string, string) other) => swap ? other : (v.Email, "x");
                    static (string, string) Either(Visitor v, bool swap)
                    {
                        if (swap) return ("x", v.Email);
                        return (v.Email, "x");
                    }
                    void M(Visitor v, bool swap, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var pair = Load(v, swap, (v.Email, v.Email));
                        log.LogInformation("Second {Second}", {|#0:pair.Item2|});
                        var either = Either(v, swap);
                        log.LogInformation("Second {Second}", {|#1:either.Item2|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task WithExpressions_MemberByMember()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    public sealed record Card(string To, int Id);
                    public sealed record Note { public string To { get; init; } = ""; public string Subject { get; init; } = ""; }
                    void M(Visitor v, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var note = new Note { To = v.Email, Subject = "Welcome" };
                        var blanked = note with { To = "" };
                        log.LogInformation("To {To}", blanked.To);
                        log.LogInformation("Subject {Subject}", blanked.Subject);
                        var copy = note with { Subject = "Hi" };
                        log.LogInformation("Subject {Subject}", copy.Subject);
                        log.LogInformation("To {To}", {|#0:copy.To|});
                        var plain = new Note { Subject = "Welcome" };
                        var filled = plain with { To = v.Email };
                        log.LogInformation("Subject {Subject}", filled.Subject);
                        log.LogInformation("To {To}", {|#1:filled.To|});
                        log.LogInformation("Note {Note}", {|#2:filled|});
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 2, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"));
        }

        [Fact]
        public async Task CollectionInitializers_HoldWhatTheyAreGiven()
        {
            await Verify.VerifyAnalyzerAsync(Code("""

                    string M(Visitor v, Microsoft.Extensions.Logging.ILogger log)
                    {
                        var byIndex = new System.Collections.Generic.Dictionary<string, string> { ["name"] = v.Email, ["ticket"] = "T-1" };
                        var byAdd = new System.Collections.Generic.Dictionary<string, string> { { "name", v.Email } };
                        var list = new System.Collections.Generic.List<string> { v.Email };
                        var clean = new System.Collections.Generic.Dictionary<string, string> { ["ticket"] = "T-1" };
                        log.LogInformation("Fields {Fields}", string.Join(",", clean.Values));
                        log.LogInformation("Fields {Fields}", {|#0:string.Join(",", byIndex.Values)|});
                        log.LogInformation("Fields {Fields}", {|#1:string.Join(",", list)|});
                        return {|#2:System.Text.Json.JsonSerializer.Serialize(byAdd)|};
                    }
                """),
                Rule("PII001", 0, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII001", 1, "'Visitor.Email' (personal data, purpose 'support')", "'LogInformation'"),
                Rule("PII002", 2, Email, Serialize, CheckSupport));
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
