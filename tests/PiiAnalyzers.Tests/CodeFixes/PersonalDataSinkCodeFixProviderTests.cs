using System.Linq;
using System.Threading.Tasks;
using PiiAnalyzers.CodeFixes;
using Xunit;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer, PiiAnalyzers.CodeFixes.PersonalDataSinkCodeFixProvider>;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>The exported fixer offers every fix of PersonalDataSinkAnalyzer's rules, as dotnet format and the IDE see it.</summary>
    public class PersonalDataSinkCodeFixProviderTests
    {
        [Fact]
        public void FixesEveryRuleOfTheAnalyzer_AndIsTheOnlyExportedFixerForThem()
        {
            var analyzerIds = new PiiAnalyzers.Rules.PersonalDataSinkAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
            var fixer = new PersonalDataSinkCodeFixProvider();
            Assert.Equal(new[] { "PII001", "PII002", "PII003", "PII004", "PII005", "PII009" }, fixer.FixableDiagnosticIds.OrderBy(id => id));

            // dotnet format pairs an analyzer with the first concrete fixer of any of its rules: there must be exactly one.
            var concrete = Meta.ProjectFacts.CodeFixProviderTypes
                .Select(type => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)System.Activator.CreateInstance(type)!)
                .Where(provider => provider.FixableDiagnosticIds.Any(analyzerIds.Contains))
                .ToList();
            Assert.Single(concrete);
        }

        [Fact]
        public async Task FirstOfferedFixForALoggedValue_IsRedact()
        {
            var test = new Verify.Test
            {
                TestCode = @"
using Microsoft.Extensions.Logging;
using PiiAttributes;
public class Visitor { [PersonalData(Purpose = ""support"")] public string Email { get; set; } = """"; }
class C { void M(ILogger log, Visitor v) => log.LogInformation(""{E}"", {|PII001:v.Email|}); }
",
                FixedCode = @"
using Microsoft.Extensions.Logging;
using PiiAttributes;
public class Visitor { [PersonalData(Purpose = ""support"")] public string Email { get; set; } = """"; }
class C { void M(ILogger log, Visitor v) => log.LogInformation(""{E}"", Redaction.Mask(v.Email)); }
",
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAll_ByKey_ReachesTheOwningFix()
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = AddRetentionPolicyCodeFixProvider.EquivalenceKey,
                TestCode = @"using PiiAttributes;

public class Lead { [PersonalData(Purpose = ""support"", Basis = LawfulBasis.Contract)] public string Email { get; set; } = """"; }
class C { void M(Lead a, Lead b) { {|PII004:System.IO.File.WriteAllText(""a"", a.Email)|}; {|PII004:System.IO.File.WriteAllText(""b"", b.Email)|}; } }
",
                FixedCode = @"using PiiAttributes;

[RetentionPolicy(Days = 30)]
public class Lead { [PersonalData(Purpose = ""support"", Basis = LawfulBasis.Contract)] public string Email { get; set; } = """"; }
class C { void M(Lead a, Lead b) { System.IO.File.WriteAllText(""a"", a.Email); System.IO.File.WriteAllText(""b"", b.Email); } }
",
            };
            await test.RunAsync();
        }
    }
}
