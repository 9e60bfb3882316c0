using Microsoft.CodeAnalysis.Testing;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules
{
    /// <summary>The model and helpers the consent, retention and transfer rule tests share.</summary>
    internal static class ConsentRulesTestModel
    {
        // Not the chat model: the consent rules need lawful bases, retention policies, consent checks and a mailer that
        // requires consent, and their messages name the basis ('basis consent') of each member of this Visitor.
        public const string Model = /* lang=c#-test */ """

            namespace Market
            {
                using System;
                using System.Collections.Generic;
                using PiiAttributes;

                [RetentionPolicy(Days = 90)]
                public class Visitor
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                    [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                    public string BillingAddress { get; set; } = "";
                    [PersonalData(Purpose = "support", Basis = LawfulBasis.LegitimateInterests, Category = PersonalDataCategory.Special)]
                    public string HealthNote { get; set; } = "";
                    [PersonalData(Purpose = "marketing")]
                    public string Phone { get; set; } = "";
                    [System.Text.Json.Serialization.JsonIgnore]
                    [PersonalData(Purpose = "security", Category = PersonalDataCategory.OnlineIdentifier)]
                    public string IpAddress { get; set; } = "";
                }

                public class Lead
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
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
                    public Mailer() { }
                }
            }

            """;

        /// <summary>An EF Core context over Visitor, Lead and a retained Note, for the persistence tests to append.</summary>
        public const string MarketDb = /* lang=c#-test */ """

            class MarketDb : Microsoft.EntityFrameworkCore.DbContext
            {
                public Microsoft.EntityFrameworkCore.DbSet<Visitor> Visitors => Set<Visitor>();
                public Microsoft.EntityFrameworkCore.DbSet<Lead> Leads => Set<Lead>();
                public Microsoft.EntityFrameworkCore.DbSet<Note> Notes => Set<Note>();
            }

            [RetentionPolicy(Days = 30)]
            public class Note
            {
                public int Id { get; set; }
                [PersonalData(Purpose = "support")]
                public string Text { get; set; } = "";
                [System.ComponentModel.DataAnnotations.Schema.NotMapped]
                [PersonalData(Purpose = "support")]
                public string Draft { get; set; } = "";
            }

            """;

        public const string Email = "'Visitor.Email' (personal data, purpose 'support', basis consent)";
        public const string Phone = "'Visitor.Phone' (personal data, purpose 'marketing', basis consent)";
        public const string Health = "'Visitor.HealthNote' (personal data, purpose 'support', basis legitimate interests, special category)";
        public const string LeadEmail = "'Lead.Email' (personal data, purpose 'marketing', basis consent)";

        public static string Code(string body) => /* lang=c#-test */ """

            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using PiiAttributes;
            using Market;

            class Service
            {
                private readonly Consent _consent = new Consent();

            """ + body + """

            }

            """ + Model;

        public static DiagnosticResult Rule(string id, int location, params object[] arguments)
            => Verify.Diagnostic(id).WithLocation(location).WithDataArguments(arguments);
    }
}
