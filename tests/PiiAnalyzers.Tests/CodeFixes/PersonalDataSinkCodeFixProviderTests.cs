using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
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
                TestCode = /* lang=c#-test */ """

                    using Microsoft.Extensions.Logging;
                    using PiiAttributes;
                    public class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; }
                    class C { void M(ILogger log, Visitor v) => log.LogInformation("{E}", {|PII001:v.Email|}); }

                    """,
                FixedCode = /* lang=c#-test */ """

                    using Microsoft.Extensions.Logging;
                    using PiiAttributes;
                    public class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; }
                    class C { void M(ILogger log, Visitor v) => log.LogInformation("{E}", Redaction.Mask(v.Email)); }

                    """,
            };
            await test.RunAsync();
        }

        [Fact]
        public async Task FixAll_ByKey_ReachesTheOwningFix()
        {
            var test = new Verify.Test
            {
                CodeActionEquivalenceKey = AddRetentionPolicyCodeFixProvider.EquivalenceKey,
                TestCode = /* lang=c#-test */ """
                    using PiiAttributes;

                    public class Lead { [PersonalData(Purpose = "support", Basis = LawfulBasis.Contract)] public string Email { get; set; } = ""; }
                    class C { void M(Lead a, Lead b) { {|PII004:System.IO.File.WriteAllText("a", a.Email)|}; {|PII004:System.IO.File.WriteAllText("b", b.Email)|}; } }

                    """,
                FixedCode = /* lang=c#-test */ """
                    using PiiAttributes;

                    [RetentionPolicy(Days = 30)]
                    public class Lead { [PersonalData(Purpose = "support", Basis = LawfulBasis.Contract)] public string Email { get; set; } = ""; }
                    class C { void M(Lead a, Lead b) { System.IO.File.WriteAllText("a", a.Email); System.IO.File.WriteAllText("b", b.Email); } }

                    """,
            };
            await test.RunAsync();
        }
    
        /// <summary>
        /// As <c>dotnet format analyzers --diagnostics PII001 PII002 PII004</c> asks: one ID at a time, with the equivalence
        /// key of the first fix offered on the first diagnostic of any of them (here Redact's, or Require consent from
        /// callers' where no consent check is in scope) or none.
        /// </summary>
        [Theory]
        [InlineData("PII002", RedactPersonalDataCodeFixProvider.EquivalenceKey, "[JsonIgnore]")]
        [InlineData("PII002", null, "[JsonIgnore]")]
        [InlineData("PII002", RequireConsentFromCallersCodeFixProvider.EquivalenceKey, "[JsonIgnore]")]
        [InlineData("PII004", RedactPersonalDataCodeFixProvider.EquivalenceKey, "[RetentionPolicy(Days = 30)]")]
        [InlineData("PII004", null, "[RetentionPolicy(Days = 30)]")]
        [InlineData("PII001", ExcludeFromSerializationCodeFixProvider.EquivalenceKey, "Redaction.Mask(v.Email)")]
        public async Task FixAll_WithAnotherRulesKeyOrNone_RunsTheIdsOwnFix(string id, string? key, string expected)
        {
            const string Source = """
                using System.Text.Json;
                using Microsoft.Extensions.Logging;
                using PiiAttributes;

                public class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }

                public class Lead
                {
                    [PersonalData(Purpose = "sales", Basis = LawfulBasis.Contract)]
                    public string Phone { get; set; } = "";
                }

                class C
                {
                    void Log(ILogger log, Visitor v) => log.LogInformation("{E}", v.Email);
                    string Write(Visitor v) => JsonSerializer.Serialize(v);
                    void Store(Lead lead) => System.IO.File.WriteAllText("lead.txt", lead.Phone);
                }
                """;
            using var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution
                .AddProject("Test", "Test", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .AddMetadataReferences(Verifiers.TestReferences.All);
            var document = project.AddDocument("Test0.cs", SourceText.From(Source));
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PiiAnalyzers.Rules.PersonalDataSinkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            Assert.Contains(diagnostics, d => d.Id == id);

            var provider = new PersonalDataSinkCodeFixProvider();
            var context = new FixAllContext(document, provider, FixAllScope.Solution, key!, new[] { id }, new AllDiagnostics(diagnostics), CancellationToken.None);
            var action = await provider.GetFixAllProvider().GetFixAsync(context);

            Assert.NotNull(action);
            var apply = Assert.Single((await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            var text = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains(expected, text, System.StringComparison.Ordinal);
        }

        /// <summary>Every diagnostic of the run, as dotnet format hands them to a Fix All (the context filters them by ID).</summary>
        internal sealed class AllDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public AllDiagnostics(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult(_diagnostics.Where(d => document.TryGetSyntaxTree(out var tree) && d.Location.SourceTree == tree));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
