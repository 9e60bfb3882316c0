using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.ConsentRulesTestModel;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.PII002SerializedWithoutConsent
{
    /// <summary>PII002, and through it the consent-guard analysis every consent rule shares.</summary>
    public class PII002SerializedWithoutConsentTests
    {
        private const string Serialize = "'JsonSerializer.Serialize'";
        private const string CheckSupport = "check consent for 'support' first";
        private const string Ip = "'Visitor.IpAddress' (personal data, purpose 'security', basis consent)";

        [Fact]
        public async Task SerializedWithoutCheck_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task ContainerCountsItsMembers_ButNotIgnoredOnes_NorOtherBases()
        {
            // Visitor: Email (consent) and HealthNote (special category) need consent; BillingAddress (contract) does not;
            // IpAddress is [JsonIgnore]d; Phone (marketing) needs consent too. The long remedy leaves room for one name in a
            // message of about 300 characters: the other two are counted.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v)|};
                """),
                Rule("PII002", 0, Email + " and 2 more", Serialize,
                    "check consent for 'support' and 'marketing' first (special category data needs explicit consent, GDPR Art. 9)"));
        }

        [Fact]
        public async Task IgnoredMemberCopiedIntoAnotherObject_IsSerialized()
        {
            // Visitor.IpAddress is [JsonIgnore]d: Visitor leaves it out, but an anonymous object or a DTO holding a copy
            // writes it; a value whose type says nothing of its members (object) is taken to be what it holds.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(new { v.Id, v.IpAddress })|};
                    string N(Visitor v) => {|#1:System.Text.Json.JsonSerializer.Serialize(new Row { Ip = v.IpAddress })|};
                    string P(Visitor v) { object o = v; return {|#2:System.Text.Json.JsonSerializer.Serialize(o)|}; }
                    class Row { public string Ip { get; set; } = ""; }
                """),
                Rule("PII002", 0, Ip, Serialize, "check consent for 'security' first"),
                Rule("PII002", 1, Ip, Serialize, "check consent for 'security' first"),
                Rule("PII002", 2, Email + " and 2 more", Serialize,
                    "check consent for 'support' and 'marketing' first (special category data needs explicit consent, GDPR Art. 9)"));
        }

        [Fact]
        public async Task SpecialCategory_NeedsConsentWhateverTheBasis()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v) => {|#0:Newtonsoft.Json.JsonConvert.SerializeObject(v.HealthNote)|};
                """),
                Rule("PII002", 0, Health, "'JsonConvert.SerializeObject'", CheckSupport + " (special category data needs explicit consent, GDPR Art. 9)"));
        }

        [Fact]
        public async Task ElseOfNegatedCheck_DoesNotTrigger_ThenBranchDoes()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        if (!_consent.CanSupport(v))
                        {
                            return {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                        else
                        {
                            return System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task AndGuards_OrDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, bool active)
                    {
                        if (active && _consent.CanSupport(v)) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        if (active || _consent.CanSupport(v)) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task CheckThroughBoolLocal_DoesNotTrigger_UntilReassigned()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, bool other)
                    {
                        var allowed = _consent.HasConsent(v, "support");
                        if (allowed) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        var both = other && _consent.CanSupport(v);
                        if (both) System.Text.Json.JsonSerializer.Serialize(v.Email);
                        allowed = other;
                        if (allowed) {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task VoidCheckThatThrows_GuardsWhatFollows()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        _consent.Ensure(v, "support");
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task CaseWhenCheck_Guards()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v, int kind)
                    {
                        switch (kind)
                        {
                            case 1 when _consent.CanSupport(v):
                                return System.Text.Json.JsonSerializer.Serialize(v.Email);
                            case 2:
                                return {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            default:
                                return "";
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task LoopWithContinue_Guards()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor[] visitors)
                    {
                        foreach (var v in visitors)
                        {
                            if (!_consent.CanSupport(v)) continue;
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        foreach (var v in visitors)
                        {
                            if (_consent.CanSupport(v)) break;
                            {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task TryFinally_GuardHoldsInTry_NotInFinally()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        try
                        {
                            if (!_consent.CanSupport(v)) return;
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        finally
                        {
                            {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task DataWithSeveralPurposes_RemedyNamesEach()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Lead2 lead) => {|#0:System.Text.Json.JsonSerializer.Serialize(lead.Email)|};
                    public class Lead2 { [PersonalData(Purpose = "support, marketing")] public string Email { get; set; } = ""; }
                """),
                Rule("PII002", 0, "'Lead2.Email' (personal data, purposes 'support', 'marketing', basis consent)", Serialize, "check consent for 'support' or 'marketing' first"));
        }

        [Fact]
        public async Task WrongPurposeConsent_Triggers()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.HasConsent(v, "marketing"))
                        {
                            {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            System.Text.Json.JsonSerializer.Serialize(v.Phone);
                        }
                        if (_consent.MarketingOptIn) System.Text.Json.JsonSerializer.Serialize(v.Phone);
                    }
                """),
                Rule("PII002", 0, Email, Serialize, "the consent checked here covers 'marketing', not the purpose the data was collected for; " + CheckSupport));
        }

        [Fact]
        public async Task LambdaCreatedUnderCheck_IsGuarded()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            Func<string> f = () => System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        Func<string> g = () => {|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """),
                Rule("PII002", 0, Email, Serialize, CheckSupport));
        }

        [Fact]
        public async Task HelperThatSerializes_TriggersAtCallSite_UnlessGuardedThereOrInside()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|#0:Export(v.Email)|};
                        if (_consent.CanSupport(v)) Export(v.Email);
                        ExportChecked(v, v.Email);
                    }
                    static string Export(string text) => System.Text.Json.JsonSerializer.Serialize(text);
                    string ExportChecked(Visitor v, string text) => _consent.CanSupport(v) ? System.Text.Json.JsonSerializer.Serialize(text) : "";
                """),
                Rule("PII002", 0, Email, "'Export' (through 'JsonSerializer.Serialize')", CheckSupport));
        }

        [Fact]
        public async Task AspNetCoreResults_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    class VisitorsController : Microsoft.AspNetCore.Mvc.ControllerBase
                    {
                        public object Get(Visitor v) => {|#0:Ok(v.Email)|};
                    }
                    object Minimal(Visitor v) => {|#1:Microsoft.AspNetCore.Http.Results.Ok(v.Email)|};
                """) + AspNetCoreStubs,
                Rule("PII002", 0, Email, "'Ok'", CheckSupport),
                Rule("PII002", 1, Email, "'Results.Ok'", CheckSupport));
        }

        [Fact]
        public async Task OkOfSerializerOutput_IsOneFinding_AtTheSerializer()
        {
            // The serializer turns the object into text and is where the fix goes; the result that sends the text on
            // does not report the same data again, directly or through a local; text that is raw on some path still counts.
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    class VisitorsController : Microsoft.AspNetCore.Mvc.ControllerBase
                    {
                        public object Get(Visitor v) => Ok({|#0:System.Text.Json.JsonSerializer.Serialize(v.Email)|});
                        public object Export(Visitor v)
                        {
                            var json = {|#1:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            return Ok(json);
                        }
                        public object Raw(Visitor v, bool serialized)
                        {
                            var text = serialized ? {|#3:System.Text.Json.JsonSerializer.Serialize(v.Email)|} : v.Email;
                            return {|#2:Ok(text)|};
                        }
                    }
                """) + AspNetCoreStubs,
                Rule("PII002", 0, Email, Serialize, CheckSupport),
                Rule("PII002", 1, Email, Serialize, CheckSupport),
                Rule("PII002", 2, Email, "'Ok'", CheckSupport),
                Rule("PII002", 3, Email, Serialize, CheckSupport));
        }

        private const string AspNetCoreStubs = /* lang=c#-test */ """

            namespace Microsoft.AspNetCore.Mvc { public abstract class ControllerBase { public object Ok(object? value) => value!; } }
            namespace Microsoft.AspNetCore.Http { public static class Results { public static object Ok(object? value = null) => value!; } }
            """;
    }
}
