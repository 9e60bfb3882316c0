using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.PersonalData;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The early exit is decided from what a compilation applies, not from what types it references (every web project
    /// references Identity's [PersonalData]). It must not drop a finding: personal data the framework hands out unmarked,
    /// markers applied only in a referenced assembly, Identity's own marked IdentityUser.
    /// </summary>
    public class AppliedMarkersTests
    {
        /// <summary>The least of ASP.NET Core that makes a compilation a web project, naming no framework source.</summary>
        private const string BareAspNetCore = /* lang=c#-test */ """

            namespace Microsoft.AspNetCore.Http { public abstract class HttpContext { } }
            """;

        private const string Unmarked = /* lang=c#-test */ """

            using Microsoft.Extensions.Logging;
            public sealed class Customer { public string Email { get; set; } = ""; public decimal Total { get; set; } }
            public sealed class Checkout
            {
                private readonly ILogger _log;
                public Checkout(ILogger log) { _log = log; }
                public void Pay(Customer customer) => _log.LogInformation("{Email} paid {Total}", customer.Email, customer.Total);
            }
            """;

        private static readonly ImmutableArray<MetadataReference> WebReferences = TestReferences.All;

        [Fact]
        public async Task FrameworkSourceInAWebProjectThatMarksNothing_IsStillReported()
        {
            const string app = /* lang=c#-test */ """

                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.Logging;
                public sealed class Greeter
                {
                    private readonly ILogger _log;
                    public Greeter(ILogger log) { _log = log; }
                    public void Greet(HttpContext context) => _log.LogInformation("Hello {Name}", context.User.Identity!.Name);
                }
                """;
            var findings = await AnalyzeAsync(WebReferences, ("AspNetCore.cs", FrameworkSourcesTests.AspNetCore), ("App.cs", app));
            Assert.Equal(new[] { "PII001 App.cs (8,83)" }, findings);
        }

        [Fact]
        public async Task PiiAttributesMarkerAppliedOnlyInAReferencedAssembly_IsStillFound()
        {
            var library = Library(/* lang=c#-test */ """

                using PiiAttributes;
                namespace Shared { public sealed class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; } }
                """);
            var findings = await AnalyzeAsync(WebReferences.Add(library), ("Bare.cs", BareAspNetCore), ("App.cs", LogsVisitor("visitor.Email")));
            Assert.Equal(new[] { "PII001 App.cs (7,72)" }, findings);
        }

        [Fact]
        public async Task IdentityMarkerAppliedOnlyInAReferencedAssembly_IsStillFound()
        {
            var library = Library(/* lang=c#-test */ """

                using Microsoft.AspNetCore.Identity;
                namespace Shared { public sealed class Visitor { [ProtectedPersonalData] public string Email { get; set; } = ""; } }
                """);
            var findings = await AnalyzeAsync(WebReferences.Add(library), ("Bare.cs", BareAspNetCore), ("App.cs", LogsVisitor("visitor.Email")));
            Assert.Equal(new[] { "PII001 App.cs (7,72)" }, findings);
        }

        [Fact]
        public async Task IdentityUserSubclassInAReferencedAssembly_IsStillFound()
        {
            // Identity marks IdentityUser.Email in its own assembly; the referenced project only derives from it.
            var library = Library(/* lang=c#-test */ """

                namespace Shared { public sealed class Visitor : Microsoft.AspNetCore.Identity.IdentityUser { } }
                """);
            var findings = await AnalyzeAsync(WebReferences.Add(library), ("Bare.cs", BareAspNetCore), ("App.cs", LogsVisitor("visitor.Email")));
            Assert.Equal(new[] { "PII001 App.cs (7,72)" }, findings);
        }

        [Fact]
        public async Task IdentityUserNamedInSource_IsAnalyzed()
        {
            const string app = /* lang=c#-test */ """

                using Microsoft.Extensions.Logging;
                public sealed class Accounts
                {
                    private readonly ILogger _log;
                    public Accounts(ILogger log) { _log = log; }
                    public void Created(Microsoft.AspNetCore.Identity.IdentityUser user) => _log.LogInformation("{Email}", user.Email);
                }
                """;
            var findings = await AnalyzeAsync(WebReferences, ("Bare.cs", BareAspNetCore), ("App.cs", app));
            Assert.Equal(new[] { "PII001 App.cs (7,108)" }, findings);
        }

        [Fact]
        public async Task MarkerAppliedThroughAGlobalAliasInAnotherFile_IsStillDeclared()
        {
            var test = new CSharpCodeFixVerifier<DeclarationAnalyzer, EmptyCodeFixProvider>.Test();
            test.TestState.Sources.Add(("Usings.cs", "global using Marked = PiiAttributes.PersonalDataAttribute;"));
            test.TestState.Sources.Add(("Visitor.cs", /* lang=c#-test */ """

                public class Visitor
                {
                    [{|#0:Marked|}]
                    public string Email { get; set; } = "";
                }
                """));
            test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<DeclarationAnalyzer>.Diagnostic(Descriptors.InvalidDeclaration).WithLocation(0)
                .WithArguments("[PersonalData]", "Visitor.Email", "no purpose is declared; set Purpose to what the data was collected for"));
            await test.RunAsync();
        }

        /// <summary>
        /// Pins a performance behaviour (docs/performance.md, "Budget"): a web project that references every marker type
        /// and ASP.NET Core but applies no marker and names no framework source registers no body analysis, no purpose
        /// check and no declaration check. The same compilation with one marker applied registers them.
        /// </summary>
        [Fact]
        public async Task ForPerformance_WebProjectThatAppliesNoMarker_RegistersNoAnalysis()
        {
            var nothing = await RegisteredAsync(Unmarked);
            Assert.Equal((0, 0, 0), nothing);

            var marked = await RegisteredAsync(Unmarked.Replace("public string Email", "[PiiAttributes.PersonalData(Purpose = \"billing\")] public string Email"));
            Assert.True(marked.SinkBlocks > 0 && marked.DeclarationSymbols > 0, $"{marked}");
        }

        private static async Task<(int SinkBlocks, int PurposeBlocks, int DeclarationSymbols)> RegisteredAsync(string source)
        {
            var compilation = Compile(WebReferences, ("Bare.cs", BareAspNetCore), ("App.cs", source));
            var sink = new PersonalDataSinkAnalyzer();
            var purpose = new PurposeLimitationAnalyzer();
            var declaration = new DeclarationAnalyzer();
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(sink, purpose, declaration),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var sinkInfo = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(sink, CancellationToken.None);
            var purposeInfo = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(purpose, CancellationToken.None);
            var declarationInfo = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(declaration, CancellationToken.None);
            return (sinkInfo.OperationBlockActionsCount, purposeInfo.OperationBlockStartActionsCount, declarationInfo.SymbolActionsCount + declarationInfo.SemanticModelActionsCount);
        }

        private static string LogsVisitor(string value) => /* lang=c#-test */ """

            using Microsoft.Extensions.Logging;
            using Shared;
            public sealed class Service
            {
                private readonly ILogger _log; public Service(ILogger log) { _log = log; }
                public void Run(Visitor visitor) => _log.LogInformation("{Email}", 
            """ + value + """
            );
            }
            """;

        private static MetadataReference Library(string source)
        {
            var library = CSharpCompilation.Create("Shared", new[] { CSharpSyntaxTree.ParseText(source, path: "Shared.cs") }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            var emitted = library.Emit(stream);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, params (string Path, string Source)[] files)
        {
            var compilation = CSharpCompilation.Create("App", files.Select(f => CSharpSyntaxTree.ParseText(f.Source, path: f.Path)), references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return compilation;
        }

        /// <summary>The findings of PersonalDataSinkAnalyzer as "ID file (line,column)", sorted.</summary>
        private static async Task<string[]> AnalyzeAsync(ImmutableArray<MetadataReference> references, params (string Path, string Source)[] files)
        {
            var compilation = Compile(references, files);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataSinkAnalyzer())).GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .Select(d => $"{d.Id} {d.Location.SourceTree?.FilePath} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})")
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .ToArray();
        }
    }
}
