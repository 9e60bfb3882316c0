using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Consent
{
    /// <summary>Consent checks as services write them: awaited, behind interfaces, through nullable results.</summary>
    public class AsyncConsentCheckTests
    {
        private const string Serialize = "'JsonSerializer.Serialize'";
        private const string CheckSupport = "check consent for 'support' first";

        /// <summary>An async consent service behind an interface, as dependency injection hands it out.</summary>
        private const string Service = /* lang=c#-test */ """

                public interface IConsentService
                {
                    [ConsentCheck(Purpose = "support")]
                    Task<bool> AllowsAsync(Visitor v);
                    [ConsentCheck(Purpose = "support")]
                    ValueTask<bool> AllowsNowAsync(Visitor v);
                    [ConsentCheck]
                    Task<bool> HasConsentAsync(Visitor v, string purpose);
                    [ConsentCheck(Purpose = "support")]
                    bool? Known(Visitor v);
                }
                private readonly IConsentService _consents = null!;
            """;

        private static string Body(string methods) => Code(Service + methods);

        [Fact]
        public async Task AwaitedCheckInIf_Guards()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v)
                    {
                        if (await _consents.AllowsAsync(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task AwaitedCheckWithEarlyReturn_GuardsWhatFollows()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task<string?> M(Visitor v)
                    {
                        if (!await _consents.AllowsAsync(v).ConfigureAwait(false)) return null;
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                    async Task<string?> N(Visitor v)
                    {
                        if (!await _consents.HasConsentAsync(v, "support")) throw new InvalidOperationException();
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                    async Task<string?> O(Visitor v)
                    {
                        if (!await _consents.AllowsNowAsync(v)) return null;
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """));
        }

        [Fact]
        public async Task AwaitedCheckForAnotherPurpose_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v)
                    {
                        if (await _consents.HasConsentAsync(v, "marketing"))
                        {
                            {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, "the consent checked here covers 'marketing', not the purpose the data was collected for; " + CheckSupport));
        }

        [Fact]
        public async Task AwaitedIntoBoolLocal_GuardsUntilWrittenAgain()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v, bool preview)
                    {
                        var allowed = await _consents.AllowsAsync(v);
                        if (allowed) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        bool later;
                        later = await _consents.AllowsAsync(v).ConfigureAwait(false);
                        if (later) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        allowed |= preview;
                        if (allowed) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task PatternsAndComparisonsOnAwaitedCheck_Guard()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v, bool active)
                    {
                        if (await _consents.AllowsAsync(v) is true) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (await _consents.AllowsAsync(v) == true) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (active && await _consents.AllowsAsync(v)) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (await _consents.AllowsAsync(v) is not true) return;
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """));
        }

        [Fact]
        public async Task NegatedPatternOnCheck_GuardsTheOtherBranchOnly()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v)
                    {
                        if (await _consents.AllowsAsync(v) is not true)
                        {
                            {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                        else
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task NullableCheckCoalescedToFalse_Guards()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    void M(Visitor v, IConsentService? maybe)
                    {
                        if (_consents.Known(v) ?? false) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (maybe?.Known(v) == true) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (_consents.Known(v) ?? true) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task TaskNotAwaited_DoesNotGuard()
        {
            // A Task is never false: testing that it exists guards nothing.
            await Verify.VerifyAnalyzerAsync(Body("""

                    void M(Visitor v)
                    {
                        var pending = _consents.AllowsAsync(v);
                        if (pending != null) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        if (pending.Result) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (_consents.AllowsAsync(v).GetAwaiter().GetResult()) System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task AwaitedCheck_GuardsEveryConsentRule()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    async Task M(Visitor v, System.Net.Http.HttpClient http, Mailer mailer)
                    {
                        await {|#0:http.PostAsync("https://crm.example", new System.Net.Http.StringContent(v.Email))|};
                        if (await _consents.HasConsentAsync(v, "marketing")) mailer.SendNewsletter(v);
                        if (!await _consents.AllowsAsync(v)) return;
                        await http.PostAsync("https://crm.example", new System.Net.Http.StringContent(v.Email));
                    }
                """),
                Rule("PII005", 0, Email, "'PostAsync'", CheckSupport));
        }

        [Fact]
        public async Task GuardLocal_StopsGuardingAtRefOutOrDeconstruction()
        {
            await Verify.VerifyAnalyzerAsync(Body("""

                    static void Reset(ref bool flag) => flag = true;
                    static void Read(out bool flag) => flag = true;
                    async Task M(Visitor v)
                    {
                        var a = await _consents.AllowsAsync(v);
                        Reset(ref a);
                        if (a) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        var b = await _consents.AllowsAsync(v);
                        Read(out b);
                        if (b) {|#1:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        var c = await _consents.AllowsAsync(v);
                        (c, _) = (true, 0);
                        if (c) {|#2:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        var d = await _consents.AllowsAsync(v);
                        d &= v.Id > 0;
                        if (d) System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport),
                Rule("PII002", 1, Email, Serialize, CheckSupport),
                Rule("PII002", 2, Email, Serialize, CheckSupport));
        }
    }
}
