using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.CodeFixes;
using Xunit;
using VerifyMark = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.UnmarkedPersonalDataAnalyzer, PiiAnalyzers.CodeFixes.MarkAsPersonalDataCodeFixProvider>;
using VerifyRedact = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.RedactFix>;
using VerifyRetention = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.Tests.CodeFixes.AddRetentionPolicyFix>;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>
    /// Files that import ASP.NET Core Identity, whose <c>PersonalDataAttribute</c> has the name of PiiAttributes': a fix
    /// never adds <c>using PiiAttributes;</c> there (CS0104 on every <c>[PersonalData]</c>), it writes qualified names.
    /// </summary>
    public class IdentityImportCodeFixTests
    {
        [Fact]
        public async Task Redact_InAFileUsingIdentitysPersonalData_QualifiesTheRedactor()
        {
            await VerifyRedact.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Identity;
                using Microsoft.Extensions.Logging;

                public class AppUser : IdentityUser
                {
                    [PersonalData]
                    public string? Nickname { get; set; }

                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Address { get; set; } = "";
                }

                class Service
                {
                    private readonly ILogger<Service> _logger;
                    public Service(ILogger<Service> logger) { _logger = logger; }
                    void M(AppUser u) => _logger.LogInformation("Moved to {Address}", {|PII001:u.Address|});
                }
                """, """
                using Microsoft.AspNetCore.Identity;
                using Microsoft.Extensions.Logging;

                public class AppUser : IdentityUser
                {
                    [PersonalData]
                    public string? Nickname { get; set; }

                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Address { get; set; } = "";
                }

                class Service
                {
                    private readonly ILogger<Service> _logger;
                    public Service(ILogger<Service> logger) { _logger = logger; }
                    void M(AppUser u) => _logger.LogInformation("Moved to {Address}", PiiAttributes.Redaction.Mask(u.Address));
                }
                """);
        }

        [Fact]
        public async Task Redact_InANamespaceImportingIdentity_QualifiesTheRedactor()
        {
            await VerifyRedact.VerifyCodeFixAsync("""
                namespace Shop
                {
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.Extensions.Logging;

                    public class Customer
                    {
                        [PiiAttributes.PersonalData(Purpose = "support")]
                        public string Address { get; set; } = "";
                    }

                    class Service
                    {
                        void M(ILogger logger, Customer c) => logger.LogInformation("{A}", {|PII001:c.Address|});
                    }
                }
                """, """
                namespace Shop
                {
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.Extensions.Logging;

                    public class Customer
                    {
                        [PiiAttributes.PersonalData(Purpose = "support")]
                        public string Address { get; set; } = "";
                    }

                    class Service
                    {
                        void M(ILogger logger, Customer c) => logger.LogInformation("{A}", PiiAttributes.Redaction.Mask(c.Address));
                    }
                }
                """);
        }

        [Fact]
        public async Task MarkAsPersonalData_InAFileImportingIdentity_WritesTheQualifiedAttribute()
        {
            await VerifyMark.VerifyCodeFixAsync("""
                using Microsoft.AspNetCore.Identity;

                public class Profile
                {
                    [PersonalData]
                    public string? Nickname { get; set; }

                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";

                    public string {|#0:Email|} { get; set; } = "";
                }
                """, """
                using Microsoft.AspNetCore.Identity;

                public class Profile
                {
                    [PersonalData]
                    public string? Nickname { get; set; }

                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Name { get; set; } = "";

                    [PiiAttributes.PersonalData(Purpose = "support", Category = PiiAttributes.PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
                """, VerifyMark.Diagnostic("PII008").WithLocation(0).WithArguments("Profile.Email", "an email address"));
        }

        [Fact]
        public async Task AddRetentionPolicy_InAFileImportingIdentity_WritesTheQualifiedAttribute()
        {
            var test = new VerifyRetention.Test
            {
                TestCode = """
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.EntityFrameworkCore;

                    public class Profile
                    {
                        public int Id { get; set; }

                        [PiiAttributes.PersonalData(Purpose = "support", Basis = PiiAttributes.LawfulBasis.Contract)]
                        public string Name { get; set; } = "";
                    }

                    class Store : DbContext
                    {
                        public DbSet<Profile> Profiles => Set<Profile>();
                        void Save(Profile p) => {|PII004:Profiles.Add(p)|};
                    }
                    """,
                FixedCode = """
                    using Microsoft.AspNetCore.Identity;
                    using Microsoft.EntityFrameworkCore;

                    [PiiAttributes.RetentionPolicy(Days = 30)]
                    public class Profile
                    {
                        public int Id { get; set; }

                        [PiiAttributes.PersonalData(Purpose = "support", Basis = PiiAttributes.LawfulBasis.Contract)]
                        public string Name { get; set; } = "";
                    }

                    class Store : DbContext
                    {
                        public DbSet<Profile> Profiles => Set<Profile>();
                        void Save(Profile p) => Profiles.Add(p);
                    }
                    """,
                CodeActionEquivalenceKey = AddRetentionPolicyCodeFixProvider.EquivalenceKey,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task Redact_WithoutIdentity_StillAddsTheUsing()
        {
            await VerifyRedact.VerifyCodeFixAsync("""
                using Microsoft.Extensions.Logging;

                public class Customer
                {
                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Address { get; set; } = "";
                }

                class Service
                {
                    void M(ILogger logger, Customer c) => logger.LogInformation("{A}", {|PII001:c.Address|});
                }
                """, """
                using Microsoft.Extensions.Logging;
                using PiiAttributes;

                public class Customer
                {
                    [PiiAttributes.PersonalData(Purpose = "support")]
                    public string Address { get; set; } = "";
                }

                class Service
                {
                    void M(ILogger logger, Customer c) => logger.LogInformation("{A}", Redaction.Mask(c.Address));
                }
                """);
        }
    }
}
