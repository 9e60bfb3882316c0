using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// In the IDE a project reference is a compilation reference: the referenced project's methods are source symbols
    /// whose syntax trees belong to another compilation. The analyzers must treat them as they treat a built reference
    /// (in `dotnet build`), not ask this compilation for a semantic model of a tree it does not hold.
    /// </summary>
    public class ProjectReferenceTests
    {
        private const string Library = /* lang=c#-test */ """

            using Microsoft.Extensions.Logging;
            using PiiAttributes;
            namespace Shared
            {
                public sealed class Visitor
                {
                    [PersonalData(Purpose = "support")] public string Email { get; set; } = "";
                    public string Shown => "<" + Email + ">";
                }
                public static class Audit
                {
                    public static void Write(ILogger log, string text) => log.LogInformation("{Text}", text);
                    public static string Label(Visitor visitor) => "<" + visitor.Email + ">";
                    public static string Describe(this Visitor visitor) => visitor.Email.Trim();
                }
            }
            """;

        private const string App = /* lang=c#-test */ """

            using Microsoft.Extensions.Logging;
            using Shared;
            public sealed class Service
            {
                private readonly ILogger _log;
                public Service(ILogger log) { _log = log; }
                public void Run(Visitor visitor)
                {
                    Audit.Write(_log, visitor.Email);
                    var label = Audit.Label(visitor);
                    _log.LogInformation("{Label} {Described} {Shown}", label, visitor.Describe(), visitor.Shown);
                    _log.LogInformation("{Email}", visitor.Email);
                }
            }
            """;

        [Fact]
        public async Task HelpersOfAReferencedProject_AreAnalyzedLikeABuiltReference_WithoutAD0001()
        {
            var library = CSharpCompilation.Create("Shared", new[] { CSharpSyntaxTree.ParseText(Library, path: "Shared.cs") }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var asProject = await AnalyzeAppAsync(library.ToMetadataReference());
            var asBuilt = await AnalyzeAppAsync(Built(library));

            Assert.Empty(asProject.Exceptions);
            Assert.Empty(asBuilt.Exceptions);
            Assert.Equal(asBuilt.Findings, asProject.Findings);
            Assert.Equal(new[] { "PII001 (13,40)" }, asProject.Findings); // _log.LogInformation("{Email}", visitor.Email)
        }

        [Fact]
        public async Task InferenceFromNames_CoversThisProjectsMembers_NotAnUnrelatedReferencedProjects()
        {
            // "Leads" does not share the first segment of "App" and is not named in pii_analyzers.infer_from_assemblies.
            var library = CSharpCompilation.Create("Leads", new[] { CSharpSyntaxTree.ParseText("namespace Leads { public sealed class Lead { public string Email { get; set; } = \"\"; } }", path: "Lead.cs") },
                TestReferences.FrameworkOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            const string app = /* lang=c#-test */ """

                public sealed class Contact { public string Email { get; set; } = ""; }
                public static class Printer
                {
                    public static void Print(Leads.Lead lead, Contact contact)
                    {
                        System.Console.WriteLine(lead.Email);
                        System.Console.WriteLine(contact.Email);
                    }
                }
                """;
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EveryFile("pii_analyzers.infer_from_names", "true"));

            var asProject = await AnalyzeAsync(app, library.ToMetadataReference(), options);
            var asBuilt = await AnalyzeAsync(app, Built(library), options);

            Assert.Equal(new[] { "PII001 (8,34)" }, asBuilt); // contact.Email: this project's member, inferred
            Assert.Equal(asBuilt, asProject);
        }

        [Theory]
        [InlineData("Leads", "App", "Leads")]
        [InlineData("Leads", "App", "Other, leads")]
        [InlineData("Leads", "App", "*")]
        [InlineData("Contoso.Shared", "Contoso.Server", null)]
        public async Task InferenceFromNames_CoversTheReferencedAssembliesTheOptionNames_InTheBuildAndTheIde(string libraryName, string appName, string? inferFrom)
        {
            var library = CSharpCompilation.Create(libraryName, new[] { CSharpSyntaxTree.ParseText("namespace Leads { public sealed class Lead { public string Email { get; set; } = \"\"; public string Source { get; set; } = \"\"; } }", path: "Lead.cs") },
                TestReferences.FrameworkOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            const string app = /* lang=c#-test */ """

                public sealed class Contact { public string Email { get; set; } = ""; }
                public static class Printer
                {
                    public static void Print(Leads.Lead lead, Contact contact)
                    {
                        System.Console.WriteLine(lead.Email);
                        System.Console.WriteLine(contact.Email);
                        System.Console.WriteLine(lead.Source);
                    }
                }
                """;
            var settings = new System.Collections.Generic.Dictionary<string, string> { ["pii_analyzers.infer_from_names"] = "true" };
            if (inferFrom is not null)
            {
                settings["pii_analyzers.infer_from_assemblies"] = inferFrom;
            }

            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new EveryFile(settings));

            var asProject = await AnalyzeAsync(app, library.ToMetadataReference(), options, appName);
            var asBuilt = await AnalyzeAsync(app, Built(library), options, appName);

            Assert.Equal(new[] { "PII001 (7,34)", "PII001 (8,34)" }, asBuilt); // lead.Email, contact.Email
            Assert.Equal(asBuilt, asProject);
        }

        [Fact]
        public async Task PersonalDataMemberDeclaredInAReferencedProject_HoldsInTheProjectsThatUseIt()
        {
            // The model project marks a member of a type it cannot annotate (a base class of another library), by type and
            // by the assembly-level form; the app that logs those members must see them as declared, with their purposes.
            const string model = /* lang=c#-test */ """

                using PiiAttributes;
                [assembly: PersonalDataMember(typeof(Model.AccountBase), "UserName", Purpose = "account", Basis = LawfulBasis.Contract)]
                namespace Model
                {
                    public class AccountBase { public string UserName { get; set; } = ""; public string Email { get; set; } = ""; public string Theme { get; set; } = ""; }
                    [PersonalDataMember("Email", Purpose = "account")]
                    public sealed class Account : AccountBase { }
                }
                """;
            var library = CSharpCompilation.Create("Model", new[] { CSharpSyntaxTree.ParseText(model, path: "Model.cs") }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(library.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            const string app = /* lang=c#-test */ """

                public static class Store
                {
                    public static void Save(Model.Account account)
                    {
                        System.IO.File.WriteAllText("a.txt", account.Email);
                        System.Console.WriteLine(account.UserName);
                        System.Console.WriteLine(account.Theme);
                    }
                }
                """;
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

            var asProject = await AnalyzeAsync(app, library.ToMetadataReference(), options, references: TestReferences.All);
            var asBuilt = await AnalyzeAsync(app, Built(library), options, references: TestReferences.All);

            // account.Email: consent (PII003) and no retention (PII004); account.UserName: logged (PII001).
            Assert.Equal(new[] { "PII001 (7,34)", "PII003 (6,9)", "PII004 (6,9)" }, asBuilt);
            Assert.Equal(asBuilt, asProject);
        }

        private static async Task<string[]> AnalyzeAsync(string source, MetadataReference library, AnalyzerOptions options, string name = "App", ImmutableArray<MetadataReference>? references = null)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source, path: "App.cs") }, (references ?? TestReferences.FrameworkOnly).Add(library),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return Describe(await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PiiAnalyzers.Rules.PersonalDataSinkAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync());
        }

        /// <summary>Each diagnostic as "ID (line,column)", sorted.</summary>
        private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
            => diagnostics
                .Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})")
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .ToArray();

        /// <summary>One option set for every file, as a <c>[*.cs]</c> section would give.</summary>
        private sealed class EveryFile : AnalyzerConfigOptionsProvider
        {
            private readonly Options _options;

            public EveryFile(string key, string value)
                : this(new System.Collections.Generic.Dictionary<string, string> { [key] = value })
            {
            }

            public EveryFile(System.Collections.Generic.Dictionary<string, string> values)
            {
                _options = new Options(values);
            }

            public override AnalyzerConfigOptions GlobalOptions => _options;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

            private sealed class Options : AnalyzerConfigOptions
            {
                private readonly System.Collections.Generic.Dictionary<string, string> _values;

                public Options(System.Collections.Generic.Dictionary<string, string> values)
                {
                    _values = values;
                }

                public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                    => _values.TryGetValue(key, out value);
            }
        }

        private static MetadataReference Built(Compilation library)
        {
            using var stream = new System.IO.MemoryStream();
            Assert.True(library.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        private static async Task<(string[] Findings, string[] Exceptions)> AnalyzeAppAsync(MetadataReference library)
        {
            var app = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(App, path: "App.cs") }, TestReferences.All.Add(library),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(app.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var (diagnostics, exceptions) = await RobustnessInputs.AnalyzeAsync(app);
            return (Describe(diagnostics), exceptions.ToArray());
        }
    }
}
