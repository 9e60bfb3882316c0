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
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.CodeFixes;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Fixes that edit a declaration (PII004's retention policy, PII002's exclusion from serialization) may find it in a
    /// referenced project of the same solution: in the IDE a project reference is a compilation reference, and its types
    /// are source symbols. Such a fix edits the other project, and must leave both projects compiling.
    /// </summary>
    public class ProjectReferenceCodeFixTests
    {
        /// <summary>Stores an account behind a consent check: PII004 (no retention policy) is the finding.</summary>
        private const string App = /* lang=c#-test */ """
            using PiiAttributes;
            using Shared;

            public class Service
            {
                [ConsentCheck(Purpose = "support")]
                public bool OptedIn { get; set; }

                public void Save(AppDb db, Account account)
                {
                    if (OptedIn) db.Accounts.Add(account);
                }
            }

            public class AppDb : Microsoft.EntityFrameworkCore.DbContext
            {
                public Microsoft.EntityFrameworkCore.DbSet<Account> Accounts => Set<Account>();
            }

            """;

        /// <summary>The library marks its data with PiiAttributes, which it references.</summary>
        private const string MarkedLibrary = /* lang=c#-test */ """
            using PiiAttributes;

            namespace Shared
            {
                public class Account
                {
                    public int Id { get; set; }
                    [PersonalData(Purpose = "support")]
                    public string Email { get; set; } = "";
                }
            }

            """;

        /// <summary>The library marks its data with ASP.NET Core Identity's attribute and does not reference PiiAttributes.</summary>
        private const string IdentityLibrary = /* lang=c#-test */ """
            namespace Shared
            {
                public class Account
                {
                    public int Id { get; set; }
                    [Microsoft.AspNetCore.Identity.PersonalData]
                    public string Email { get; set; } = "";
                }
            }

            """;

        [Fact]
        public async Task RetentionFix_AddsThePolicyInTheReferencedProject_WhenItReferencesTheAttributes()
        {
            var solution = CreateSolution(MarkedLibrary, TestReferences.All);
            var fixes = await FixesAsync(solution, "PII004", new AddRetentionPolicyFix());

            var fix = Assert.Single(fixes);
            var changed = await ApplyAsync(fix);
            Assert.Equal(/* lang=c#-test */ """
                using PiiAttributes;

                namespace Shared
                {
                    [RetentionPolicy(Days = 30)]
                    public class Account
                    {
                        public int Id { get; set; }
                        [PersonalData(Purpose = "support")]
                        public string Email { get; set; } = "";
                    }
                }

                """, await TextAsync(changed, "Shared", "Account.cs"));
            Assert.Equal(App, await TextAsync(changed, "App", "Service.cs"));
            await AssertCompilesAsync(changed);
            Assert.Empty(await FindingsAsync(changed, "PII004"));
        }

        [Fact]
        public async Task RetentionFix_IsNotOffered_WhenTheReferencedProjectCannotNameTheAttribute()
        {
            // Without PiiAttributes in the library, [RetentionPolicy] there would not compile (CS0246).
            var solution = CreateSolution(IdentityLibrary, TestReferences.Framework.AddRange(TestReferences.Libraries.Where(r => !IsPiiAttributes(r))));
            Assert.Single(await FindingsAsync(solution, "PII004"));

            Assert.Empty(await FixesAsync(solution, "PII004", new AddRetentionPolicyFix()));
        }

        [Fact]
        public async Task ExclusionFix_IgnoresTheMemberInTheReferencedProject()
        {
            var solution = CreateSolution(MarkedLibrary, TestReferences.All, Serializing("System.Text.Json.JsonSerializer.Serialize(account)"));
            var fix = Assert.Single(await FixesAsync(solution, "PII002", new ExcludeFromSerializationFix()));

            var changed = await ApplyAsync(fix);
            Assert.Equal(/* lang=c#-test */ """
                using System.Text.Json.Serialization;
                using PiiAttributes;

                namespace Shared
                {
                    public class Account
                    {
                        public int Id { get; set; }
                        [PersonalData(Purpose = "support")]
                        [JsonIgnore]
                        public string Email { get; set; } = "";
                    }
                }

                """, await TextAsync(changed, "Shared", "Account.cs"));
            await AssertCompilesAsync(changed);
            Assert.Empty(await FindingsAsync(changed, "PII002"));
        }

        [Fact]
        public async Task ExclusionFix_IsNotOffered_WhenTheReferencedProjectCannotNameTheSerializersAttribute()
        {
            // The app serializes with Newtonsoft.Json; the library does not reference it, so its [JsonIgnore] cannot go there.
            var solution = CreateSolution(MarkedLibrary, TestReferences.Framework.Add(TestReferences.Libraries[0]), Serializing("Newtonsoft.Json.JsonConvert.SerializeObject(account)"));
            Assert.Single(await FindingsAsync(solution, "PII002"));

            Assert.Empty(await FixesAsync(solution, "PII002", new ExcludeFromSerializationFix()));
        }

        private static string Serializing(string call) => /* lang=c#-test */ """
            using Shared;

            public class Exporter
            {
                public string Export(Account account) => 
            """ + call + """
            ;
            }

            """;

        private static bool IsPiiAttributes(MetadataReference reference)
            => reference is PortableExecutableReference { FilePath: { } path } && path.EndsWith("PiiAttributes.dll", System.StringComparison.OrdinalIgnoreCase);

        private static Solution CreateSolution(string library, IEnumerable<MetadataReference> libraryReferences, string appSource = App)
        {
            var workspace = new AdhocWorkspace();
            var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var shared = workspace.CurrentSolution
                .AddProject("Shared", "Shared", LanguageNames.CSharp)
                .WithCompilationOptions(compilationOptions)
                .WithParseOptions(parseOptions)
                .AddMetadataReferences(libraryReferences)
                .AddDocument("Account.cs", SourceText.From(library)).Project;
            var app = shared.Solution
                .AddProject("App", "App", LanguageNames.CSharp)
                .WithCompilationOptions(compilationOptions)
                .WithParseOptions(parseOptions)
                .AddMetadataReferences(TestReferences.All)
                .AddProjectReference(new ProjectReference(shared.Id))
                .AddDocument("Service.cs", SourceText.From(appSource)).Project;
            return app.Solution;
        }

        private static Project Project(Solution solution, string name) => solution.Projects.Single(p => p.Name == name);

        private static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Solution solution, string id)
        {
            var compilation = (await Project(solution, "App").GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataSinkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id == id).ToImmutableArray();
        }

        private static async Task<List<CodeAction>> FixesAsync(Solution solution, string id, CodeFixProvider fixer)
        {
            var document = Project(solution, "App").Documents.Single();
            var actions = new List<CodeAction>();
            foreach (var diagnostic in await FindingsAsync(solution, id))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }

            return actions;
        }

        private static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        }

        private static async Task<string> TextAsync(Solution solution, string project, string document)
            => (await Project(solution, project).Documents.Single(d => d.Name == document).GetTextAsync()).ToString();

        private static async Task AssertCompilesAsync(Solution solution)
        {
            foreach (var project in solution.Projects)
            {
                var compilation = (await project.GetCompilationAsync())!;
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => project.Name + ": " + d));
            }
        }
    }
}
