using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Tests.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.ExcludeFromSerializationFix>;

namespace PiiAnalyzers.Tests.Rules.PII002SerializedWithoutConsent
{
    /// <summary>
    /// PII002's "Exclude from serialization": the serializer's ignore attribute on the members an object writes out.
    /// Each test declares its own Visitor: the members and attributes it has are what the fix edits.
    /// </summary>
    public class ExcludeFromSerializationCodeFixTests
    {
        private const string Email = "'Visitor.Email' (personal data, purpose 'support', basis consent)";
        private const string Phone = "'Visitor.Phone' (personal data, purpose 'marketing', basis consent)";
        private const string Stj = "'JsonSerializer.Serialize'";

        [Fact]
        public async Task SystemTextJson_IgnoresEveryMemberAndAddsTheUsing()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                }

                public class Visitor
                {
                    public int Id { get; set; }

                    /// <summary>Where we answer.</summary>
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";

                    [PersonalData(Purpose = "marketing")] public string Phone { get; set; } = "";
                }

                """, /* lang=c#-test */ """

                using System.Text.Json;
                using System.Text.Json.Serialization;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => JsonSerializer.Serialize(v);
                }

                public class Visitor
                {
                    public int Id { get; set; }

                    /// <summary>Where we answer.</summary>
                    [PersonalData(Purpose = "support")]
                    [JsonIgnore]
                    public string Email { get; set; } = "";

                    [PersonalData(Purpose = "marketing")] [JsonIgnore] public string Phone { get; set; } = "";
                }

                """,
                Rule(0, Email + " and " + Phone, Stj, "check consent for 'support' and 'marketing' first"));
        }

        [Fact]
        public async Task Newtonsoft_UsesItsOwnIgnoreAttribute_OnFieldsToo()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:Newtonsoft.Json.JsonConvert.SerializeObject(v)|};
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email = "";
                }

                """, /* lang=c#-test */ """

                using Newtonsoft.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => Newtonsoft.Json.JsonConvert.SerializeObject(v);
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    [JsonIgnore]
                    public string Email = "";
                }

                """,
                Rule(0, Email, "'JsonConvert.SerializeObject'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task MembersInAnotherDocument_AreAnnotatedThere()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Service.cs", Service));
            test.TestState.Sources.Add(("/0/Visitor.cs", /* lang=c#-test */ """
                using PiiAttributes;

                namespace Market
                {
                    public class Visitor
                    {
                        [PersonalData(Purpose = "support")]
                        public string Email { get; set; } = "";
                    }
                }

                """));
            test.FixedState.Sources.Add(("/0/Service.cs", Service.Replace("{|#0:", string.Empty).Replace(")|}", ")")));
            test.FixedState.Sources.Add(("/0/Visitor.cs", /* lang=c#-test */ """
                using System.Text.Json.Serialization;
                using PiiAttributes;

                namespace Market
                {
                    public class Visitor
                    {
                        [PersonalData(Purpose = "support")]
                        [JsonIgnore]
                        public string Email { get; set; } = "";
                    }
                }

                """));
            test.ExpectedDiagnostics.Add(Rule(0, Email, Stj, "check consent for 'support' first"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task PositionalRecordProperty_GetsAPropertyTargetedAttribute()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                }

                public record Visitor(int Id, [property: PersonalData(Purpose = "support")] string Email);

                """, /* lang=c#-test */ """

                using System.Text.Json;
                using System.Text.Json.Serialization;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => JsonSerializer.Serialize(v);
                }

                public record Visitor(int Id, [property: PersonalData(Purpose = "support")] [property: JsonIgnore] string Email);

                """,
                Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task ExistingUsing_IsNotDuplicated()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using System.Text.Json;
                using System.Text.Json.Serialization;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                }

                public class Visitor
                {
                    [JsonPropertyName("mail")]
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                """, /* lang=c#-test */ """

                using System.Text.Json;
                using System.Text.Json.Serialization;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => JsonSerializer.Serialize(v);
                }

                public class Visitor
                {
                    [JsonPropertyName("mail")]
                    [PersonalData(Purpose = "support")]
                    [JsonIgnore]
                    public string Email { get; set; } = "";
                }

                """,
                Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task OtherSerializersIgnore_DoesNotCount_AndOnlyUnignoredMembersAreAnnotated()
        {
            // Email carries System.Text.Json's [JsonIgnore], which Newtonsoft does not read; Phone carries Newtonsoft's already.
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:Newtonsoft.Json.JsonConvert.SerializeObject(v)|};
                }

                public class Visitor
                {
                    [System.Text.Json.Serialization.JsonIgnore]
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";

                    [Newtonsoft.Json.JsonIgnore]
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                }

                """, /* lang=c#-test */ """

                using Newtonsoft.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => Newtonsoft.Json.JsonConvert.SerializeObject(v);
                }

                public class Visitor
                {
                    [System.Text.Json.Serialization.JsonIgnore]
                    [PersonalData(Purpose = "support")]
                    [JsonIgnore]
                    public string Email { get; set; } = "";

                    [Newtonsoft.Json.JsonIgnore]
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                }

                """,
                Rule(0, Email, "'JsonConvert.SerializeObject'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task OtherJsonIgnoreInScope_KeepsTheNameQualified()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using System.Text.Json;
                using Newtonsoft.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:System.Text.Json.JsonSerializer.Serialize(v)|};
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                """, /* lang=c#-test */ """

                using System.Text.Json;
                using Newtonsoft.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v);
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    [System.Text.Json.Serialization.JsonIgnore]
                    public string Email { get; set; } = "";
                }

                """,
                Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task SerializedMemberItself_IsNotOffered()
        {
            const string Code = /* lang=c#-test */ """

                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v.Email)|};
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task CopyInAnotherObject_IsNotOffered()
        {
            // [JsonIgnore] on Visitor.Email would not stop the anonymous object or the DTO writing their copies.
            const string Code = /* lang=c#-test */ """

                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(new { v.Id, v.Email })|};
                    string N(Visitor v) => {|#1:JsonSerializer.Serialize(new Card { Contact = v.Email })|};
                }

                public class Card
                {
                    public string Contact { get; set; } = "";
                }

                public class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, Stj, "check consent for 'support' first"), Rule(1, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task HelperThatSerializes_IsNotOffered()
        {
            const string Code = /* lang=c#-test */ """

                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:Export(v)|};
                    static string Export(object value) => JsonSerializer.Serialize(value);
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, "'Export' (through 'JsonSerializer.Serialize')", "check consent for 'support' first"));
        }

        [Fact]
        public async Task TypeAlsoDeserialized_IsNotOffered()
        {
            // [JsonIgnore] would also stop Deserialize from reading Email: the program would silently lose it.
            const string Code = """
                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                    Visitor? Load(string json) => JsonSerializer.Deserialize<Visitor>(json);
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task TypeInsideATypeReadWithTypeof_IsNotOffered()
        {
            const string Code = """
                using System.Collections.Generic;
                using System.Text.Json;
                using PiiAttributes;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                    object? Load(string json) => JsonSerializer.Deserialize(json, typeof(Guestbook));
                }

                public class Guestbook
                {
                    public List<Visitor> Visitors { get; set; } = new();
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task TypeBoundByARouteHandler_IsNotOffered()
        {
            // A minimal API: MapPost binds Visitor from the request body (a stand-in for ASP.NET Core's extension).
            const string Code = """
                using System;
                using System.Text.Json;
                using PiiAttributes;

                static class Endpoints
                {
                    public static void MapPost(this App app, string pattern, Delegate handler) { }
                }

                public class App
                {
                    void Configure() => this.MapPost("/visitors", (Visitor v) => Save(v));
                    public static string Save(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }
                """;
            await Verify.VerifyCodeFixAsync(Code, Code, Rule(0, Email, Stj, "check consent for 'support' first"));
        }

        [Fact]
        public async Task TypeBoundFromBodyOrByAController_IsNotOffered()
        {
            const string Code = """
                using System;
                using System.Text.Json;
                using PiiAttributes;

                [AttributeUsage(AttributeTargets.Parameter)]
                sealed class FromBodyAttribute : Attribute { }

                class Api
                {
                    public string Post([FromBody] Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                }

                class LeadsController
                {
                    public string Create(Lead lead) => {|#1:JsonSerializer.Serialize(lead)|};
                }

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                public class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                }
                """;
            await Verify.VerifyCodeFixAsync(
                Code,
                Code,
                Rule(0, Email, Stj, "check consent for 'support' first"),
                Rule(1, "'Lead.Phone' (personal data, purpose 'marketing', basis consent)", Stj, "check consent for 'marketing' first"));
        }

        [Fact]
        public async Task FixAll_AcrossDocuments_AddsOneAttributePerMember()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Service.cs", /* lang=c#-test */ """
                using System.Text.Json;
                using Market;

                class Service
                {
                    string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
                    string N(Visitor v) => {|#1:JsonSerializer.Serialize(new[] { v })|};
                }

                """));
            test.TestState.Sources.Add(("/0/Other.cs", /* lang=c#-test */ """
                using Market;

                class Other
                {
                    string M(Visitor v, Lead l) => {|#2:System.Text.Json.JsonSerializer.Serialize(l)|} + {|#3:System.Text.Json.JsonSerializer.Serialize(v)|};
                }

                """));
            test.TestState.Sources.Add(("/0/Model.cs", Model));
            test.FixedState.Sources.Add(("/0/Service.cs", /* lang=c#-test */ """
                using System.Text.Json;
                using Market;

                class Service
                {
                    string M(Visitor v) => JsonSerializer.Serialize(v);
                    string N(Visitor v) => JsonSerializer.Serialize(new[] { v });
                }

                """));
            test.FixedState.Sources.Add(("/0/Other.cs", /* lang=c#-test */ """
                using Market;

                class Other
                {
                    string M(Visitor v, Lead l) => System.Text.Json.JsonSerializer.Serialize(l) + System.Text.Json.JsonSerializer.Serialize(v);
                }

                """));
            test.FixedState.Sources.Add(("/0/Model.cs", /* lang=c#-test */ """
                using System.Text.Json.Serialization;
                using PiiAttributes;

                namespace Market
                {
                    public class Visitor
                    {
                        [PersonalData(Purpose = "support")]
                        [JsonIgnore]
                        public string Email { get; set; } = "";
                    }

                    public class Lead
                    {
                        [PersonalData(Purpose = "marketing")]
                        [JsonIgnore]
                        public string Phone { get; set; } = "";
                    }
                }

                """));
            const string LeadPhone = "'Lead.Phone' (personal data, purpose 'marketing', basis consent)";
            test.ExpectedDiagnostics.Add(Rule(0, Email, Stj, "check consent for 'support' first"));
            test.ExpectedDiagnostics.Add(Rule(1, Email, Stj, "check consent for 'support' first"));
            test.ExpectedDiagnostics.Add(Rule(2, LeadPhone, Stj, "check consent for 'marketing' first"));
            test.ExpectedDiagnostics.Add(Rule(3, Email, Stj, "check consent for 'support' first"));
            test.CodeActionEquivalenceKey = PiiAnalyzers.CodeFixes.ExcludeFromSerializationCodeFixProvider.EquivalenceKey;
            await test.RunAsync(CancellationToken.None);
        }

        private const string Service = /* lang=c#-test */ """
            using System.Text.Json;
            using Market;

            class Service
            {
                string M(Visitor v) => {|#0:JsonSerializer.Serialize(v)|};
            }

            """;

        private const string Model = /* lang=c#-test */ """
            using PiiAttributes;

            namespace Market
            {
                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                public class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                }
            }

            """;

        private static DiagnosticResult Rule(int location, params object[] arguments)
            => Verify.Diagnostic("PII002").WithLocation(location).WithDataArguments(arguments);
    }
}
