using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules
{
    /// <summary>The .editorconfig options and the ecosystem's own markers, as the flow rules see them.</summary>
    public class ConfigurationTests
    {
        private const string Email = "'Visitor.Email' (personal data, purpose 'support')";
        private const string EmailWithBasis = "'Visitor.Email' (personal data, purpose 'support', basis consent)";

        // Its own shape: the .editorconfig options name these types by namespace (MyCompany.*).
        private const string Code = /* lang=c#-test */ """

            namespace MyCompany
            {
                using PiiAttributes;
                public class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; public int Id { get; set; } }
                public static class AuditTrail { public static void Write(string entry) { } public static void Flush() { } }
                public class Crm { public void Push(object payload) { } public void Ping(string host) { } }
                public class Store { public void Put(string key, string value) { } }
                public class Exporter { public string Dump(object value) => ""; }
                public class Consents { public bool Allowed(Visitor visitor, string purpose) => true; public void Demand(Visitor visitor) { } }
                public static class Hasher { public static string Hash(string value) => value; }
            }

            """;

        private static DiagnosticResult Rule(string id, int location, params object[] arguments)
            => Verify.Diagnostic(id).WithLocation(location).WithDataArguments(arguments);

        [Fact]
        public async Task ConfiguredSinks_AreSinks()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using MyCompany;
                class Service
                {
                    void M(Visitor v, Crm crm, Store store, Exporter exporter)
                    {
                        AuditTrail.Write({|#0:v.Email|});
                        {|#1:crm.Push(v.Email)|};
                        {|#2:store.Put("k", v.Email)|};
                        {|#3:exporter.Dump(v)|};
                        crm.Ping(v.Email);
                    }
                }

                """ + Code,
                "root = true\n[*.cs]\npii_analyzers.logging_sinks = MyCompany.AuditTrail.Write\npii_analyzers.transfer_sinks = MyCompany.Crm.Push\npii_analyzers.persistence_sinks = MyCompany.Store\npii_analyzers.serialization_sinks = MyCompany.Exporter.Dump, No.Such.Type, MyCompany.Exporter.NoSuchMethod,,\n",
                Rule("PII001", 0, Email, "'Write'"),
                Rule("PII005", 1, EmailWithBasis, "'Push'", "check consent for 'support' first"),
                Rule("PII003", 2, EmailWithBasis, "'Put'", "check consent for 'support' first"),
                Rule("PII004", 2, Email, "'Put'", "'Visitor'"),
                Rule("PII002", 3, EmailWithBasis, "'Dump'", "check consent for 'support' first"));
        }

        [Fact]
        public async Task ConfiguredConsentChecksAndRedactors_Count()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                using MyCompany;
                class Service
                {
                    void M(Visitor v, Crm crm, Consents consents, ILogger log)
                    {
                        if (consents.Allowed(v, "support")) crm.Push(v.Email);
                        consents.Demand(v);
                        crm.Push(v.Email);
                        log.LogInformation("{E}", Hasher.Hash(v.Email));
                    }
                }

                """ + Code,
                "root = true\n[*.cs]\npii_analyzers.transfer_sinks = MyCompany.Crm.Push\npii_analyzers.consent_checks = MyCompany.Consents\npii_analyzers.redactors = MyCompany.Hasher.Hash\n");
        }

        [Fact]
        public async Task OptionsAreReadPerFile()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("/src/Legacy/A.cs", "using MyCompany; class A { void M(Visitor v) => AuditTrail.Write({|#0:v.Email|}); }"));
            test.TestState.Sources.Add(("/src/New/B.cs", "using MyCompany; class B { void M(Visitor v) => AuditTrail.Write(v.Email); }"));
            test.TestState.Sources.Add(("/src/Model.cs", Code));
            test.TestState.AnalyzerConfigFiles.Add(("/src/.editorconfig", "root = true\n[Legacy/*.cs]\npii_analyzers.logging_sinks = MyCompany.AuditTrail\n"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, Email, "'Write'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task GlobalConfig_Works()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = "using MyCompany; class A { void M(Visitor v) => AuditTrail.Write({|#0:v.Email|}); }" + Code,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npii_analyzers.logging_sinks = MyCompany.AuditTrail\n"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, Email, "'Write'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task InferFromNames_MakesUnmarkedMembersPersonalData_EvenWithoutAnyLibrary()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test
            {
                TestCode = /* lang=c#-test */ """

                    public class Customer { public string Email { get; set; } = ""; public string Nickname { get; set; } = ""; public int EmailCount { get; set; } }
                    class Service
                    {
                        void M(Customer c)
                        {
                            System.Console.WriteLine({|#0:c.Email|});
                            System.Console.WriteLine(c.Nickname);
                            System.Console.WriteLine(c.EmailCount);
                        }
                    }
                    """,
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.FrameworkOnly);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\npii_analyzers.infer_from_names = true\n"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, "'Customer.Email' (personal data, no declared purpose)", "'Console.WriteLine'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task InferFromNames_AppliesToMembersDeclaredInTheFilesThatOptIn()
        {
            // Test0.cs opts in, Test1.cs does not: Lead.Email is used in Test0.cs but declared in Test1.cs.
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(/* lang=c#-test */ """

                public class Customer { public string Email { get; set; } = ""; }
                class Service
                {
                    void M(Customer c, Lead l)
                    {
                        System.Console.WriteLine({|#0:c.Email|});
                        System.Console.WriteLine(l.Email);
                    }
                }
                """);
            test.TestState.Sources.Add(/* lang=c#-test */ """public class Lead { public string Email { get; set; } = ""; }""");
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.FrameworkOnly);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[Test0.cs]\npii_analyzers.infer_from_names = true\n"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, "'Customer.Email' (personal data, no declared purpose)", "'Console.WriteLine'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task InferFromNames_OffOrInvalid_InfersNothing()
        {
            foreach (var value in new[] { "false", "yes", "1", "" })
            {
                await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                    public class Customer { public string Email { get; set; } = ""; }
                    class Service { void M(Customer c) => System.Console.WriteLine(c.Email); }

                    """ + Code,
                    "root = true\n[*.cs]\npii_analyzers.infer_from_names = " + value + "\n");
            }
        }

        [Fact]
        public async Task InferFromNames_MakesParametersAndLocalsNamedLikePersonalData_PersonalData()
        {
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add("""
                using System.Collections.Generic;
                public class Customer { public string Email { get; set; } = ""; }
                class Service
                {
                    void Register(string email, string userName, int emailCount, string note, Dictionary<string, string> form, Customer customer)
                    {
                        System.Console.WriteLine({|#0:email|});
                        System.Console.WriteLine({|#1:userName|});
                        System.Console.WriteLine(emailCount);
                        System.Console.WriteLine(note);
                        var phoneNumber = form["phone"];
                        System.Console.WriteLine({|#2:phoneNumber|});
                        var userAgent = customer.Email;
                        System.Console.WriteLine({|#3:userAgent|});
                        var comment = form["comment"];
                        System.Console.WriteLine(comment);
                        var maskedEmail = form["masked"];
                        System.Console.WriteLine(maskedEmail);
                    }
                }
                """);
            test.TestState.Sources.Add("""
                class Elsewhere
                {
                    void Register(string email) => System.Console.WriteLine(email);
                }
                """);
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Verifiers.TestReferences.FrameworkOnly);
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[Test0.cs]\npii_analyzers.infer_from_names = true\n"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, "parameter 'email' (personal data, no declared purpose)", "'Console.WriteLine'"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 1, "parameter 'userName' (personal data, no declared purpose)", "'Console.WriteLine'"));
            test.ExpectedDiagnostics.Add(Rule("PII001", 2, "local 'phoneNumber' (personal data, no declared purpose)", "'Console.WriteLine'"));
            // A local that already holds known data is reported as that data, not twice.
            test.ExpectedDiagnostics.Add(Rule("PII001", 3, "'Customer.Email' (personal data, no declared purpose)", "'Console.WriteLine'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task IdentityAndComplianceMarkers_ArePersonalData()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                public class AppUser : Microsoft.AspNetCore.Identity.IdentityUser
                {
                    [Microsoft.AspNetCore.Identity.PersonalData] public string HomeAddress { get; set; } = "";
                }
                public class Pii : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
                {
                    public Pii() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("tax", "pii")) { }
                }
                public class Customer
                {
                    [Pii] public string Iban { get; set; } = "";
                    [Microsoft.Extensions.Compliance.Classification.NoDataClassification] public string Note { get; set; } = "";
                }
                class Service
                {
                    void M(ILogger log, AppUser user, Customer customer, Microsoft.Extensions.Compliance.Redaction.Redactor redactor)
                    {
                        log.LogInformation("{A} {E} {P}", {|#0:user.HomeAddress|}, {|#1:user.Email|}, {|#2:user.PhoneNumber|});
                        log.LogInformation("{I} {N}", {|#3:customer.Iban|}, customer.Note);
                        log.LogInformation("{I}", redactor.Redact(customer.Iban));
                        log.LogInformation("{Id}", user.Id.Length);
                    }
                }
                """,
                Rule("PII001", 0, "'AppUser.HomeAddress' (personal data, no declared purpose)", "'LogInformation'"),
                Rule("PII001", 1, "'IdentityUser.Email' (personal data, no declared purpose)", "'LogInformation'"),
                Rule("PII001", 2, "'IdentityUser.PhoneNumber' (personal data, no declared purpose)", "'LogInformation'"),
                Rule("PII001", 3, "'Customer.Iban' (personal data, no declared purpose)", "'LogInformation'"));
        }

        [Fact]
        public async Task DataTheFrameworkMarks_HasNoDeclaredBasis_SoOnlyLoggingAndRetentionApply()
        {
            // IdentityUser.Email is marked by Identity alone: no consent rule (PII002, PII003), but PII001 and PII004;
            // the booleans and the key Identity marks are not personal data on their own.
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                using MyCompany;
                class Service
                {
                    void M(ILogger log, Microsoft.AspNetCore.Identity.IdentityUser user, Store store, Exporter exporter)
                    {
                        {|#0:store.Put("k", user.Email)|};
                        exporter.Dump(user.PhoneNumber);
                        log.LogInformation("{C} {P} {T} {Id}", user.EmailConfirmed, user.PhoneNumberConfirmed, user.TwoFactorEnabled, user.Id);
                        log.LogInformation("{E}", {|#1:user.Email|});
                    }
                }

                """ + Code,
                "root = true\n[*.cs]\npii_analyzers.persistence_sinks = MyCompany.Store\npii_analyzers.serialization_sinks = MyCompany.Exporter.Dump\n",
                Rule("PII004", 0, "'IdentityUser.Email' (personal data, no declared purpose)", "'Put'", "'IdentityUser'"),
                Rule("PII001", 1, "'IdentityUser.Email' (personal data, no declared purpose)", "'LogInformation'"));
        }

        [Fact]
        public async Task InferredData_HasNoDeclaredBasis_SoOnlyLoggingAndRetentionApply()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using MyCompany;
                public class Customer { public string Email { get; set; } = ""; }
                class Service
                {
                    void M(Customer c, Store store, Exporter exporter, Crm crm)
                    {
                        {|#0:store.Put("k", c.Email)|};
                        exporter.Dump(c);
                        crm.Push(c.Email);
                        System.Console.WriteLine({|#1:c.Email|});
                    }
                }

                """ + Code,
                "root = true\n[*.cs]\npii_analyzers.infer_from_names = true\npii_analyzers.persistence_sinks = MyCompany.Store\npii_analyzers.serialization_sinks = MyCompany.Exporter.Dump\npii_analyzers.transfer_sinks = MyCompany.Crm.Push\n",
                Rule("PII004", 0, "'Customer.Email' (personal data, no declared purpose)", "'Put'", "'Customer'"),
                Rule("PII001", 1, "'Customer.Email' (personal data, no declared purpose)", "'Console.WriteLine'"));
        }

        [Fact]
        public async Task PersonalDataMember_ThroughAGlobalAliasOfAnotherFile_Holds()
        {
            // The file that applies the declaration never names PersonalDataMember: the alias of another file does.
            var test = new Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("Aliases.cs", "global using DeclaredAs = PiiAttributes.PersonalDataMemberAttribute;\n"));
            test.TestState.Sources.Add(("App.cs", /* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                [assembly: DeclaredAs(typeof(Vendor.Member), nameof(Vendor.Member.Email), Purpose = "account")]
                namespace Vendor { public class Member { public string Email { get; set; } = ""; } }
                class Service
                {
                    void M(ILogger log, Vendor.Member member) => log.LogInformation("{E}", {|#0:member.Email|});
                }

                """ + Code));
            test.ExpectedDiagnostics.Add(Rule("PII001", 0, "'Member.Email' (personal data, purpose 'account')", "'LogInformation'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task PersonalDataMember_DeclaresInheritedAndThirdPartyMembers_AsPersonalDataOnTheMember()
        {
            // AppUser declares IdentityUser.Email (contract: no consent rule) and PhoneNumber (consent: PII003 applies);
            // the assembly declares Vendor.CustomerDto.Iban. Each reads exactly as [PersonalData] on the member would.
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                using MyCompany;
                using PiiAttributes;
                [assembly: PersonalDataMember(typeof(Vendor.CustomerDto), nameof(Vendor.CustomerDto.Iban), Purpose = "billing", Category = PersonalDataCategory.Financial)]
                namespace Vendor { public class CustomerDto { public string Iban { get; set; } = ""; public string Reference { get; set; } = ""; } }
                [PersonalDataMember(nameof(Email), Purpose = "account", Basis = LawfulBasis.Contract, Category = PersonalDataCategory.Contact)]
                [PersonalDataMember(nameof(PhoneNumber), Purpose = "support")]
                public class AppUser : Microsoft.AspNetCore.Identity.IdentityUser { }
                class Service
                {
                    void M(ILogger log, AppUser user, Microsoft.AspNetCore.Identity.IdentityUser plain, Vendor.CustomerDto dto, Store store)
                    {
                        {|#3:store.Put("k", user.Email)|};
                        {|#0:store.Put("k", user.PhoneNumber)|};
                        log.LogInformation("{E}", {|#1:plain.Email|});
                        log.LogInformation("{I} {R}", {|#2:dto.Iban|}, dto.Reference);
                    }
                }

                """ + Code,
                "root = true\n[*.cs]\npii_analyzers.persistence_sinks = MyCompany.Store\n",
                Rule("PII004", 3, "'IdentityUser.Email' (personal data, purpose 'account')", "'Put'", "'IdentityUser'"),
                Rule("PII003", 0, "'IdentityUser.PhoneNumber' (personal data, purpose 'support', basis consent)", "'Put'", "check consent for 'support' first"),
                Rule("PII004", 0, "'IdentityUser.PhoneNumber' (personal data, purpose 'support')", "'Put'", "'IdentityUser'"),
                Rule("PII001", 1, "'IdentityUser.Email' (personal data, purpose 'account')", "'LogInformation'"),
                Rule("PII001", 2, "'CustomerDto.Iban' (personal data, purpose 'billing')", "'LogInformation'"));
        }

        [Fact]
        public async Task SeverityNone_Suppresses()
        {
            await Verify.VerifyAnalyzerAsync(/* lang=c#-test */ """

                using MyCompany;
                class A { void M(Visitor v) => System.Console.WriteLine(v.Email); }

                """ + Code,
                "root = true\n[*.cs]\ndotnet_diagnostic.PII001.severity = none\n");
        }
    }
}
