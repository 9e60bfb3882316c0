using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.AddConsentCheckFix>;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>"Add consent check" and "Add consent guard clause" for PII002, PII003, PII005 and PII009.</summary>
    public class AddConsentCheckCodeFixTests
    {
        private const string CanSupport = "Market.Consent.CanSupport(Market.Visitor)";
        private const string HasConsent = "Market.Consent.HasConsent(Market.Visitor, string)";
        private const string Ensure = "Market.Consent.Ensure(Market.Visitor, string)";
        private const string MarketingOptIn = "Market.Consent.MarketingOptIn";
        private const string ConsentField = "    private readonly Consent _consent = new Consent();\n";

        // Its own shape: the fix chooses among the consent checks declared here, so the set of checks is part of every
        // expected fix.
        private const string Model = /* lang=c#-test */ """

            namespace Market
            {
                using PiiAttributes;

                [RetentionPolicy(Days = 90)]
                public class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                }

                [RetentionPolicy(Days = 30)]
                public class Note
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support")]
                    public string Text { get; set; } = "";
                }

                public class MarketDb : Microsoft.EntityFrameworkCore.DbContext
                {
                    public Microsoft.EntityFrameworkCore.DbSet<Note> Notes => Set<Note>();
                }

                public class Consent
                {
                    [ConsentCheck]
                    public bool HasConsent(Visitor visitor, string purpose) => true;
                    [ConsentCheck(Purpose = "support")]
                    public bool CanSupport(Visitor visitor) => true;
                    [ConsentCheck]
                    public void Ensure(Visitor visitor, string purpose) { }
                    [ConsentCheck(Purpose = "marketing")]
                    public bool MarketingOptIn { get; set; }
                }

                public class Mailer
                {
                    [RequiresConsent(Purpose = "marketing")]
                    public void SendNewsletter(Visitor visitor) { }
                    [RequiresConsent]
                    public Mailer(string sender) { }
                }
            }

            """;

        private static string Code(string body, string members = ConsentField) => /* lang=c#-test */ """

            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PiiAttributes;
            using Market;

            class Service
            {

            """ + members + body + """

            }

            """ + Model;

        private static string Check(string id) => AddConsentCheckCodeFixProvider.AddConsentCheckKey + ":" + id;

        private static string Guard(string id) => AddConsentCheckCodeFixProvider.AddConsentGuardClauseKey + ":" + id;

        private static async Task VerifyAsync(string source, string fixedSource, string? key, params DiagnosticResult[] remaining)
        {
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = key };
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
            await test.RunAsync();
        }

        private static Task NoFixAsync(string source) => VerifyAsync(source, source, key: null);

        // ---- each rule ----

        [Fact]
        public async Task PII002_WrapsTheStatement_InTheDeclaredPurposeCheck()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task PII002_DeclaredPurposeCheck_IsTheFirstAction()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), key: null);
        }

        [Fact]
        public async Task PII002_PurposeArgument_IsFilledFromTheDiagnostic()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.HasConsent(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), Check(HasConsent));
        }

        [Fact]
        public async Task PII002_SeveralPurposes_AreEachChecked()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.HasConsent(v, "support") && _consent.HasConsent(v, "marketing"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v);
                        }
                    }
                """), Check(HasConsent));
        }

        [Fact]
        public async Task PII002_GuardClause()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Console.WriteLine("start");
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Console.WriteLine("start");
                        if (!_consent.CanSupport(v)) return;
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """), Guard(CanSupport));
        }

        [Fact]
        public async Task PII002_SeveralPurposes_GuardClause()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (!(_consent.HasConsent(v, "support") && _consent.HasConsent(v, "marketing"))) return;
                        System.Text.Json.JsonSerializer.Serialize(v);
                    }
                """), Guard(HasConsent));
        }

        [Fact]
        public async Task PII003_DataSubjectArgument_IsFilledByType()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Note note, Visitor v)
                    {
                        {|PII003:db.Notes.Add(note)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(MarketDb db, Note note, Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            db.Notes.Add(note);
                        }
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task PII003_AdoNetParameter_BoolPropertyCheck()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Data.Common.DbCommand command)
                    {
                        var parameter = command.CreateParameter();
                        {|PII003:parameter.Value = v.Phone|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Data.Common.DbCommand command)
                    {
                        var parameter = command.CreateParameter();
                        if (_consent.MarketingOptIn)
                        {
                            parameter.Value = v.Phone;
                        }
                    }
                """), Check(MarketingOptIn));
        }

        [Fact]
        public async Task PII005_AsyncMethod_Wrap()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        await {|PII005:http.GetAsync($"https://crm.example.com/contacts?email={v.Email}")|};
                    }
                """), Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            await http.GetAsync($"https://crm.example.com/contacts?email={v.Email}");
                        }
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task PII005_AsyncMethod_GuardClauseReturns()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        await {|PII005:http.GetAsync($"https://crm.example.com/contacts?email={v.Email}")|};
                    }
                """), Code(/* lang=c#-test */ """

                    async Task M(System.Net.Http.HttpClient http, Visitor v)
                    {
                        if (!_consent.HasConsent(v, "support")) return;
                        await http.GetAsync($"https://crm.example.com/contacts?email={v.Email}");
                    }
                """), Guard(HasConsent));
        }

        [Fact]
        public async Task PII009_Method_DeclaredPurposePropertyCheck()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Mailer mailer, Visitor v)
                    {
                        {|PII009:mailer.SendNewsletter(v)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Mailer mailer, Visitor v)
                    {
                        if (_consent.MarketingOptIn)
                        {
                            mailer.SendNewsletter(v);
                        }
                    }
                """), key: null);
        }

        [Fact]
        public async Task PII009_Constructor_LocalUsedLater_OffersTheGuardClauseOnly()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var mailer = {|PII009:new Mailer("news@example.com")|};
                        Console.WriteLine(mailer);
                    }
                """);
            await VerifyAsync(source, Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return;
                        var mailer = new Mailer("news@example.com");
                        Console.WriteLine(mailer);
                    }
                """), Guard(CanSupport));
            await VerifyAsync(source, source, Check(CanSupport));
        }

        // ---- where the check comes from ----

        [Fact]
        public async Task VoidCheck_IsCalledBeforeTheStatement()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        return {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        _consent.Ensure(v, "support");
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """), Check(Ensure));
        }

        [Fact]
        public async Task CheckOnAParameter()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Consent consent, Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: ""), Code(/* lang=c#-test */ """

                    void M(Consent consent, Visitor v)
                    {
                        if (consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, members: ""), Check(CanSupport));
        }

        [Fact]
        public async Task CheckOnAProperty()
        {
            const string Property = "    private Consent Consents { get; } = new Consent();\n";
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, Property), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (Consents.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, Property), Check(CanSupport));
        }

        [Fact]
        public async Task CheckOnALocalDeclaredBefore()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var consent = new Consent();
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: ""), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var consent = new Consent();
                        if (consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, members: ""), Check(CanSupport));
        }

        [Fact]
        public async Task LocalDeclaredAfter_IsNotReachable()
        {
            await NoFixAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        var consent = new Consent();
                    }
                """, members: ""));
        }

        [Fact]
        public async Task StaticCheckClass()
        {
            const string Rules = /* lang=c#-test */ """

                static class ConsentRules
                {
                    [ConsentCheck]
                    public static bool Allows(Visitor visitor, string purpose) => true;
                }

                """;
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: "") + Rules, Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (ConsentRules.Allows(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, members: "") + Rules, Check("ConsentRules.Allows(Market.Visitor, string)"));
        }

        // Static checks of types named with qualification: the receiver is written as the compiler's minimal name shows it.
        private const string Gates = /* lang=c#-test */ """

            namespace Other
            {
                using Market;
                using PiiAttributes;

                public class Gate
                {
                    [ConsentCheck]
                    public static bool Allows(Visitor visitor, string purpose) => true;
                }
            }

            namespace Market
            {
                using PiiAttributes;

                public class Gates
                {
                    public static class Rules
                    {
                        [ConsentCheck]
                        public static bool Permits(Visitor visitor, string purpose) => true;
                    }
                }
            }

            """;

        [Fact]
        public async Task StaticCheckOfAHeldTypeInAnotherNamespace_IsCalledThroughTheNamespace()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Other.Gate gate)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: "") + Gates, Code(/* lang=c#-test */ """

                    void M(Visitor v, Other.Gate gate)
                    {
                        if (Other.Gate.Allows(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, members: "") + Gates, Check("Other.Gate.Allows(Market.Visitor, string)"));
        }

        [Fact]
        public async Task StaticCheckOfANestedType_IsCalledThroughTheContainingType()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: "") + Gates, Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (Gates.Rules.Permits(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, members: "") + Gates, Check("Market.Gates.Rules.Permits(Market.Visitor, string)"));
        }

        [Fact]
        public async Task StaticCheckOfAnAliasedType_IsCalledThroughTheAlias()
        {
            const string Source = /* lang=c#-test */ """

                using Market;
                using G = Other.Gate;

                class Service
                {
                    void M(Visitor v, G gate)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                }

                """;
            const string Fixed = /* lang=c#-test */ """

                using Market;
                using G = Other.Gate;

                class Service
                {
                    void M(Visitor v, G gate)
                    {
                        if (G.Allows(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                }

                """;
            await VerifyAsync(Source + Model + Gates, Fixed + Model + Gates, Check("Other.Gate.Allows(Market.Visitor, string)"));
        }

        [Fact]
        public async Task KeywordNamedReceiverAndArgument_AreEscaped()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(MarketDb db, Note note, Visitor @event)
                    {
                        {|PII003:db.Notes.Add(note)|};
                    }
                """, members: "    private readonly Consent @class = new Consent();\n"), Code(/* lang=c#-test */ """

                    void M(MarketDb db, Note note, Visitor @event)
                    {
                        if (@class.CanSupport(@event))
                        {
                            db.Notes.Add(note);
                        }
                    }
                """, members: "    private readonly Consent @class = new Consent();\n"), Check(CanSupport));
        }

        [Fact]
        public async Task CheckOfThis()
        {
            const string Own = "    [ConsentCheck(Purpose = \"support\")]\n    private bool SupportAllowed => true;\n";
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, Own), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (SupportAllowed)
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """, Own), Check("Service.SupportAllowed"));
        }

        [Fact]
        public async Task WrongPurposeCheck_IsNotUsed()
        {
            const string Desk = "    private readonly SupportDesk _desk = new SupportDesk();\n";
            const string SupportDesk = /* lang=c#-test */ """

                class SupportDesk
                {
                    [ConsentCheck(Purpose = "support")]
                    public bool CanSupport(Visitor visitor) => true;
                }

                """;
            await NoFixAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Phone)|};
                    }
                """, Desk) + SupportDesk);
        }

        [Fact]
        public async Task NoCheckReachable_OffersNothing()
        {
            await NoFixAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: ""));
        }

        [Fact]
        public async Task PurposeNeededButNoneKnown_CheckNeedingAPurposeIsNotOffered()
        {
            // [RequiresConsent] without a purpose: HasConsent(visitor, purpose) has no purpose to pass; CanSupport does.
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII009:new Mailer("news@example.com")|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            new Mailer("news@example.com");
                        }
                    }
                """), key: null);
        }

        // ---- shapes of code ----

        [Fact]
        public async Task StatementWithoutBraces_GetsBraces_AndKeepsItsElse()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (v.Id > 0)
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        else
                            Console.WriteLine("none");
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (v.Id > 0)
                        {
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                        }
                        else
                            Console.WriteLine("none");
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task StatementInLoopWithoutBraces()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor[] visitors)
                    {
                        foreach (var v in visitors)
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor[] visitors)
                    {
                        foreach (var v in visitors)
                        {
                            _consent.Ensure(v, "support");
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), Check(Ensure));
        }

        [Fact]
        public async Task ExpressionBodiedVoidMethod_BecomesABlock()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task ExpressionBodiedVoidMethod_GuardClause()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v) => {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return;
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """), Guard(CanSupport));
        }

        [Fact]
        public async Task ExpressionBodiedValueMethod_VoidCheckOnly()
        {
            var source = Code(/* lang=c#-test */ """

                    string M(Visitor v) => {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                """);
            await VerifyAsync(source, Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        _consent.Ensure(v, "support");
                        return System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                """), Check(Ensure));
            await VerifyAsync(source, source, Check(CanSupport));
            await VerifyAsync(source, source, Guard(CanSupport));
        }

        [Fact]
        public async Task ReturnStatement_IsNotWrapped()
        {
            var source = Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        return {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """);
            await VerifyAsync(source, source, Check(CanSupport));
        }

        [Fact]
        public async Task ExpressionBodiedLambda_BecomesABlock()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        visitors.ForEach(v => {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|});
                    }
                """), Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        visitors.ForEach(v =>
                        {
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                        });
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task LambdaWithBlockBody_GuardClauseReturnsFromTheLambda()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        visitors.ForEach(v =>
                        {
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        });
                    }
                """), Code(/* lang=c#-test */ """

                    void M(List<Visitor> visitors)
                    {
                        visitors.ForEach(v =>
                        {
                            if (!_consent.CanSupport(v)) return;
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        });
                    }
                """), Guard(CanSupport));
        }

        [Fact]
        public async Task GuardClause_NotOfferedWhenTheDataWasUsedBefore()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Console.WriteLine(v.Id);
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """);
            await VerifyAsync(source, source, Guard(CanSupport));
        }

        [Fact]
        public async Task GuardClause_NotOfferedInAnIterator()
        {
            var source = Code(/* lang=c#-test */ """

                    IEnumerable<string> M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        yield return "";
                    }
                """);
            await VerifyAsync(source, source, Guard(CanSupport));
        }

        [Fact]
        public async Task TopLevelStatements()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """

                    using Market;

                    var consent = new Consent();
                    var v = new Visitor();
                    {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};

                    """ + Model,
                FixedCode = /* lang=c#-test */ """

                    using Market;

                    var consent = new Consent();
                    var v = new Visitor();
                    if (consent.CanSupport(v))
                    {
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }

                    """ + Model,
                CodeActionEquivalenceKey = Check(CanSupport),
            };
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public async Task UsingDeclaration_IsNotWrapped_GuardClauseIs()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        using var document = {|PII002:System.Text.Json.JsonSerializer.SerializeToDocument(v.Email)|};
                        Console.WriteLine(document.RootElement);
                    }
                """);
            await VerifyAsync(source, source, Check(CanSupport));
            await VerifyAsync(source, Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (!_consent.CanSupport(v)) return;
                        using var document = System.Text.Json.JsonSerializer.SerializeToDocument(v.Email);
                        Console.WriteLine(document.RootElement);
                    }
                """), Guard(CanSupport));
        }

        [Fact]
        public async Task DeclarationNotUsedLater_IsWrapped()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        var json = {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.CanSupport(v))
                        {
                            var json = System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task CommentsArePreserved()
        {
            await VerifyAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        // export the address
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|}; // one line
                        Console.WriteLine("done");
                    }
                """), Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        // export the address
                        if (_consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email); // one line
                        }
                        Console.WriteLine("done");
                    }
                """), Check(CanSupport));
        }

        [Fact]
        public async Task GuardClause_NotOfferedBeforeAnOutParameterIsAssigned()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v, out int written)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        written = 1;
                    }
                """);
            await VerifyAsync(source, Code(/* lang=c#-test */ """

                    void M(Visitor v, out int written)
                    {
                        if (_consent.CanSupport(v))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        written = 1;
                    }
                """), Check(CanSupport));
            await VerifyAsync(source, source, Guard(CanSupport));
        }

        [Fact]
        public async Task Check_NotOfferedAroundAnAssignmentReadLater()
        {
            var source = Code(/* lang=c#-test */ """

                    string M(Visitor v)
                    {
                        string json;
                        json = {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        return json;
                    }
                """);
            await VerifyAsync(source, source, Check(CanSupport));
        }

        [Fact]
        public async Task Check_NotOfferedAroundCodeThatLearnsAValueIsNotNull()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v, string? note)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email + (note ?? throw new ArgumentNullException(nameof(note))))|};
                        Console.WriteLine(note.Length);
                    }
                """);
            await VerifyAsync(source, source, Check(CanSupport));
        }

        [Fact]
        public async Task CheckOnALocal_NotOfferedWhereTheLocalMayBeNull()
        {
            var source = Code(/* lang=c#-test */ """

                    void M(Visitor v, bool known)
                    {
                        var consent = known ? new Consent() : null;
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                    }
                """, members: "");
            await VerifyAsync(source, source, Check(CanSupport));
        }

        [Fact]
        public async Task CheckOnAField_NotOfferedInAStaticLocalFunction()
        {
            await NoFixAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        Send(v);

                        static void Send(Visitor visitor)
                        {
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(visitor.Email)|};
                        }
                    }
                """));
        }

        // ---- Fix All ----

        [Fact]
        public async Task FixAll_InSeveralDocuments()
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = Check(HasConsent),
            };
            test.TestState.Sources.Add(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Phone)|};
                    }
                """));
            test.TestState.Sources.Add(/* lang=c#-test */ """

                using Market;

                class Other
                {
                    private readonly Consent _consent = new Consent();

                    void N(Visitor visitor)
                    {
                        {|PII002:System.Text.Json.JsonSerializer.Serialize(visitor.Phone)|};
                    }
                }

                """);
            test.FixedState.Sources.Add(Code(/* lang=c#-test */ """

                    void M(Visitor v)
                    {
                        if (_consent.HasConsent(v, "support"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Email);
                        }
                        if (_consent.HasConsent(v, "marketing"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(v.Phone);
                        }
                    }
                """));
            test.FixedState.Sources.Add(/* lang=c#-test */ """

                using Market;

                class Other
                {
                    private readonly Consent _consent = new Consent();

                    void N(Visitor visitor)
                    {
                        if (_consent.HasConsent(visitor, "marketing"))
                        {
                            System.Text.Json.JsonSerializer.Serialize(visitor.Phone);
                        }
                    }
                }

                """);
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAll_TwoSinksInOneStatement_AndNestedStatements_AdjacentStatementsShareOneGuard()
        {
            var test = new Verify.Test
            {
                TestCode = Code(/* lang=c#-test */ """

                        async Task M(System.Net.Http.HttpClient http, Visitor v)
                        {
                            await {|PII005:http.PostAsync("https://crm.example.com", new System.Net.Http.StringContent({|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|}))|};
                            foreach (var c in {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|})
                            {
                                {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            }
                        }
                    """),
                // One fix at a time guards each statement; Fix All gives adjacent statements one guard.
                FixedCode = Code(/* lang=c#-test */ """

                        async Task M(System.Net.Http.HttpClient http, Visitor v)
                        {
                            if (_consent.CanSupport(v))
                            {
                                await http.PostAsync("https://crm.example.com", new System.Net.Http.StringContent(System.Text.Json.JsonSerializer.Serialize(v.Email)));
                            }
                            if (_consent.CanSupport(v))
                            {
                                foreach (var c in System.Text.Json.JsonSerializer.Serialize(v.Email))
                                {
                                    System.Text.Json.JsonSerializer.Serialize(v.Email);
                                }
                            }
                        }
                    """),
                BatchFixedCode = Code(/* lang=c#-test */ """

                        async Task M(System.Net.Http.HttpClient http, Visitor v)
                        {
                            if (_consent.CanSupport(v))
                            {
                                await http.PostAsync("https://crm.example.com", new System.Net.Http.StringContent(System.Text.Json.JsonSerializer.Serialize(v.Email)));
                                foreach (var c in System.Text.Json.JsonSerializer.Serialize(v.Email))
                                {
                                    System.Text.Json.JsonSerializer.Serialize(v.Email);
                                }
                            }
                        }
                    """),
                CodeActionEquivalenceKey = Check(CanSupport),
            };
            await test.RunAsync();
        }
    
        [Fact]
        public async Task FixAll_DoesNotMergeIntoAnExistingIf_NorBlocksDeclaringTheSameLocal()
        {
            var test = new Verify.Test
            {
                TestCode = Code(/* lang=c#-test */ """

                        void M(Visitor v)
                        {
                            if (_consent.CanSupport(v))
                            {
                                Console.WriteLine("checked");
                            }
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                            Console.WriteLine("between");
                            {|PII002:System.Text.Json.JsonSerializer.Serialize(v.Email)|};
                        }
                    """),
                FixedCode = Code(/* lang=c#-test */ """

                        void M(Visitor v)
                        {
                            if (_consent.CanSupport(v))
                            {
                                Console.WriteLine("checked");
                            }
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                            Console.WriteLine("between");
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                        }
                    """),
                BatchFixedCode = Code(/* lang=c#-test */ """

                        void M(Visitor v)
                        {
                            if (_consent.CanSupport(v))
                            {
                                Console.WriteLine("checked");
                            }
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                            Console.WriteLine("between");
                            if (_consent.CanSupport(v))
                            {
                                System.Text.Json.JsonSerializer.Serialize(v.Email);
                            }
                        }
                    """),
                CodeActionEquivalenceKey = Check(CanSupport),
            };
            await test.RunAsync();
        }
    }
}
