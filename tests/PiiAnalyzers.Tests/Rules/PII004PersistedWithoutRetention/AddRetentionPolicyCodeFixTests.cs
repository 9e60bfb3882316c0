using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Tests.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.AddRetentionPolicyFix>;

namespace PiiAnalyzers.Tests.Rules.PII004PersistedWithoutRetention
{
    /// <summary>PII004's "Add retention policy": <c>[RetentionPolicy(Days = N)]</c> on the stored type.</summary>
    public class AddRetentionPolicyCodeFixTests
    {
        private const string LeadEmail = "'Lead.Email' (personal data, purpose 'marketing')";

        /// <summary>Stores a Lead behind a consent check, so PII004 is the only rule that reports.</summary>
        private const string Service = /* lang=c#-test */ """
            using PiiAttributes;

            class Service
            {
                private readonly Consent _consent = new Consent();

                void M(MarketDb db, Lead lead)
                {
                    if (_consent.MarketingOptIn) {|#0:db.Leads.Add(lead)|};
                }
            }

            class MarketDb : Microsoft.EntityFrameworkCore.DbContext
            {
                public Microsoft.EntityFrameworkCore.DbSet<Lead> Leads => Set<Lead>();
            }

            public class Consent
            {
                [ConsentCheck(Purpose = "marketing")]
                public bool MarketingOptIn { get; set; }
            }

            """;

        private const string Lead = /* lang=c#-test */ """

            public class Lead
            {
                public int Id { get; set; }
                [PersonalData(Purpose = "marketing")]
                public string Email { get; set; } = "";
            }

            """;

        [Fact]
        public async Task NoOption_Adds30Days()
        {
            await Verify.VerifyCodeFixAsync(Service + Lead, Fixed(Service) + """

                [RetentionPolicy(Days = 30)]
                public class Lead
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                """, Rule(0, "'Add'"));
        }

        [Theory]
        [InlineData("90", 90)]
        [InlineData(" 365 ", 365)]
        [InlineData("abc", 30)]
        [InlineData("-5", 30)]
        [InlineData("0", 30)]
        public async Task Option_SetsTheDays_WhenAPositiveInteger(string value, int days)
        {
            var test = new Verify.Test
            {
                TestCode = Service + Lead,
                FixedCode = Fixed(Service) + Lead.Replace("public class Lead", "[RetentionPolicy(Days = " + days + ")]\npublic class Lead"),
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\npii_analyzers.default_retention_days = " + value + "\n"));
            test.ExpectedDiagnostics.Add(Rule(0, "'Add'"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task TypeInAnotherDocument_IsAnnotatedThere_AndItsUsingAddedOnce()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Service.cs", "using Market;\n" + Service));
            test.TestState.Sources.Add(("/0/Lead.cs", /* lang=c#-test */ """
                namespace Market
                {
                    using System;

                    /// <summary>A prospect.</summary>
                    [Serializable]
                    public class Lead
                    {
                        public int Id { get; set; }
                        [PiiAttributes.PersonalData(Purpose = "marketing")]
                        public string Email { get; set; } = "";
                    }
                }

                """));
            test.FixedState.Sources.Add(("/0/Service.cs", "using Market;\n" + Fixed(Service)));
            test.FixedState.Sources.Add(("/0/Lead.cs", /* lang=c#-test */ """
                namespace Market
                {
                    using System;
                    using PiiAttributes;

                    /// <summary>A prospect.</summary>
                    [Serializable]
                    [RetentionPolicy(Days = 30)]
                    public class Lead
                    {
                        public int Id { get; set; }
                        [PiiAttributes.PersonalData(Purpose = "marketing")]
                        public string Email { get; set; } = "";
                    }
                }

                """));
            test.ExpectedDiagnostics.Add(Rule(0, "'Add'"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Record_IsAnnotated()
        {
            const string Record = /* lang=c#-test */ """

                public record Lead(int Id, [property: PersonalData(Purpose = "marketing")] string Email);

                """;
            await Verify.VerifyCodeFixAsync(Service + Record, Fixed(Service) + """

                [RetentionPolicy(Days = 30)]
                public record Lead(int Id, [property: PersonalData(Purpose = "marketing")] string Email);

                """, Rule(0, "'Add'"));
        }

        [Fact]
        public async Task Struct_WrittenToAFile_IsAnnotated()
        {
            await Verify.VerifyCodeFixAsync(/* lang=c#-test */ """

                using PiiAttributes;

                class Service
                {
                    void M(Lead lead, bool optedIn)
                    {
                        if (optedIn) return;
                        {|#0:System.IO.File.WriteAllText("leads.txt", lead.Address)|};
                    }
                }

                public struct Lead
                {
                    [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                    public string Address { get; set; }
                }

                """, /* lang=c#-test */ """

                using PiiAttributes;

                class Service
                {
                    void M(Lead lead, bool optedIn)
                    {
                        if (optedIn) return;
                        System.IO.File.WriteAllText("leads.txt", lead.Address);
                    }
                }

                [RetentionPolicy(Days = 30)]
                public struct Lead
                {
                    [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                    public string Address { get; set; }
                }

                """, Verify.Diagnostic("PII004").WithLocation(0).WithDataArguments("'Lead.Address' (personal data, purpose 'billing')", "'File.WriteAllText'", "'Lead'"));
        }

        [Fact]
        public async Task TextMadeOfSeveralTypesData_EveryTypeItNamesIsAnnotated_InOnePass()
        {
            var test = new Verify.Test
            {
                TestCode = /* lang=c#-test */ """

                    using PiiAttributes;

                    class Service
                    {
                        void M(Lead lead, Invoice invoice) => {|#0:System.IO.File.WriteAllText("billing.txt", lead.Address + invoice.Address)|};
                    }

                    public class Lead
                    {
                        [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                        public string Address { get; set; } = "";
                    }

                    public class Invoice
                    {
                        [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                        public string Address { get; set; } = "";
                    }

                    """,
                FixedCode = /* lang=c#-test */ """

                    using PiiAttributes;

                    class Service
                    {
                        void M(Lead lead, Invoice invoice) => System.IO.File.WriteAllText("billing.txt", lead.Address + invoice.Address);
                    }

                    [RetentionPolicy(Days = 30)]
                    public class Lead
                    {
                        [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                        public string Address { get; set; } = "";
                    }

                    [RetentionPolicy(Days = 30)]
                    public class Invoice
                    {
                        [PersonalData(Purpose = "billing", Basis = LawfulBasis.Contract)]
                        public string Address { get; set; } = "";
                    }

                    """,
                NumberOfIncrementalIterations = 1, // one application of the fix leaves no PII004
            };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII004").WithLocation(0).WithDataArguments(
                "'Invoice.Address' (personal data, purpose 'billing') and 'Lead.Address' (personal data, purpose 'billing')",
                "'File.WriteAllText'",
                "'Invoice' and 'Lead'"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task PartialClass_FirstDeclarationIsAnnotated()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Service.cs", Service));
            test.TestState.Sources.Add(("/0/Lead.cs", /* lang=c#-test */ """
                public partial class Lead
                {
                    public int Id { get; set; }
                }

                """));
            test.TestState.Sources.Add(("/0/Lead.Data.cs", /* lang=c#-test */ """
                using PiiAttributes;

                public partial class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                """));
            test.FixedState.Sources.Add(("/0/Service.cs", Fixed(Service)));
            test.FixedState.Sources.Add(("/0/Lead.cs", /* lang=c#-test */ """
                using PiiAttributes;

                [RetentionPolicy(Days = 30)]
                public partial class Lead
                {
                    public int Id { get; set; }
                }

                """));
            test.FixedState.Sources.Add(("/0/Lead.Data.cs", /* lang=c#-test */ """
                using PiiAttributes;

                public partial class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                """));
            test.ExpectedDiagnostics.Add(Rule(0, "'Add'"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ExistingAttributes_AreKept()
        {
            await Verify.VerifyCodeFixAsync(Service + """

                /// <summary>A prospect.</summary>
                [System.Serializable]
                [System.Obsolete("use Contact")] public class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                """, Fixed(Service) + """

                /// <summary>A prospect.</summary>
                [System.Serializable]
                [System.Obsolete("use Contact")] [RetentionPolicy(Days = 30)] public class Lead
                {
                    [PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                """, Rule(0, "'Add'"));
        }

        [Fact]
        public async Task WithoutConsentCheck_FixesPII004_AndPII003Remains()
        {
            var test = new Verify.Test
            {
                TestCode = Service.Replace("if (_consent.MarketingOptIn) ", string.Empty).Replace("{|#0:db.Leads.Add(lead)|}", "{|#0:{|#1:db.Leads.Add(lead)|}|}") + Lead,
                FixedCode = Fixed(Service).Replace("if (_consent.MarketingOptIn) ", string.Empty).Replace("db.Leads.Add(lead)", "{|#1:db.Leads.Add(lead)|}")
                    + Lead.Replace("public class Lead", "[RetentionPolicy(Days = 30)]\npublic class Lead"),
            };
            var pii003 = Verify.Diagnostic("PII003").WithLocation(1).WithDataArguments("'Lead.Email' (personal data, purpose 'marketing', basis consent)", "'Add'", "check consent for 'marketing' first");
            test.ExpectedDiagnostics.Add(Rule(0, "'Add'"));
            test.ExpectedDiagnostics.Add(pii003);
            test.FixedState.ExpectedDiagnostics.Add(pii003);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task FixAll_AcrossDocuments_AnnotatesEachTypeOnce()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/0/Service.cs", /* lang=c#-test */ """
                using Market;

                class Service
                {
                    private readonly Consent _consent = new Consent();

                    void M(MarketDb db, Lead lead)
                    {
                        if (!_consent.MarketingOptIn) return;
                        {|#0:db.Leads.Add(lead)|};
                        db.Update(lead);
                    }
                }

                """));
            test.TestState.Sources.Add(("/0/Billing.cs", /* lang=c#-test */ """
                using Market;

                class Billing
                {
                    void M(Invoice invoice, Lead lead) => {|#2:System.IO.File.WriteAllText("billing.txt", invoice.Address)|};
                }

                """));
            test.TestState.Sources.Add(("/0/Model.cs", Model));
            test.FixedState.Sources.Add(("/0/Service.cs", /* lang=c#-test */ """
                using Market;

                class Service
                {
                    private readonly Consent _consent = new Consent();

                    void M(MarketDb db, Lead lead)
                    {
                        if (!_consent.MarketingOptIn) return;
                        db.Leads.Add(lead);
                        db.Update(lead);
                    }
                }

                """));
            test.FixedState.Sources.Add(("/0/Billing.cs", /* lang=c#-test */ """
                using Market;

                class Billing
                {
                    void M(Invoice invoice, Lead lead) => System.IO.File.WriteAllText("billing.txt", invoice.Address);
                }

                """));
            test.FixedState.Sources.Add(("/0/Model.cs", Model.Replace("namespace Market\n{\n", "using PiiAttributes;\n\nnamespace Market\n{\n")
                .Replace("    public class Lead", "    [RetentionPolicy(Days = 30)]\n    public class Lead")
                .Replace("    public class Invoice", "    [RetentionPolicy(Days = 30)]\n    public class Invoice")));
            test.ExpectedDiagnostics.Add(Rule(0, "'Add'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("PII004").WithLocation(2).WithDataArguments("'Invoice.Address' (personal data, purpose 'billing')", "'File.WriteAllText'", "'Invoice'"));
            test.CodeActionEquivalenceKey = PiiAnalyzers.CodeFixes.AddRetentionPolicyCodeFixProvider.EquivalenceKey;
            test.NumberOfFixAllIterations = 1; // every type in one pass
            test.NumberOfFixAllInProjectIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 2; // the diagnostics are in two documents
            await test.RunAsync(CancellationToken.None);
        }

        private const string Model = /* lang=c#-test */ """
            namespace Market
            {
                public class MarketDb : Microsoft.EntityFrameworkCore.DbContext
                {
                    public Microsoft.EntityFrameworkCore.DbSet<Lead> Leads => Set<Lead>();
                }

                public class Consent
                {
                    [PiiAttributes.ConsentCheck(Purpose = "marketing")]
                    public bool MarketingOptIn { get; set; }
                }

                public class Lead
                {
                    public int Id { get; set; }
                    [PiiAttributes.PersonalData(Purpose = "marketing")]
                    public string Email { get; set; } = "";
                }

                public class Invoice
                {
                    [PiiAttributes.PersonalData(Purpose = "billing", Basis = PiiAttributes.LawfulBasis.Contract)]
                    public string Address { get; set; } = "";
                }
            }

            """;

        private static string Fixed(string code) => code.Replace("{|#0:", string.Empty).Replace(")|}", ")");

        private static DiagnosticResult Rule(int location, string sink)
            => Verify.Diagnostic("PII004").WithLocation(location).WithDataArguments(LeadEmail, sink, "'Lead'");
    }
}
