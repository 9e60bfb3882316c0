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
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>
    /// Pins a performance behaviour, not a result: filling the light bulb must be cheap. A fix binds its edited code
    /// (<see cref="EditBinding"/>) while it is offered only where no test of the unedited code (speculative binding
    /// included) tells whether the edit compiles, and computes and formats its edit when it is picked.
    /// </summary>
    public class LightBulbPerformanceTests
    {
        private const string Model = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;
            using PiiAttributes;

            public class Visitor
            {
                [PersonalData(Purpose = "support")]
                public string Email { get; set; } = "";
            }

            public class Consent
            {
                [ConsentCheck]
                public bool HasConsent(Visitor visitor, string purpose) => true;
            }

            """;

        /// <summary>A service that logs a visitor's email as a message argument.</summary>
        private const string LogsEmail = /* lang=c#-test */ """
            public class Service
            {
                private readonly ILogger<Service> _logger;
                public Service(ILogger<Service> logger) { _logger = logger; }

                public void Join(Visitor v)
                {
                    _logger.LogInformation("Visitor {Email} joined", v.Email);
                }
            }
            """;

        [Fact]
        public async Task ForPerformance_RemoveFromLogMessage_BindsNoEditWhileTheLightBulbFills()
        {
            var source = Model + LogsEmail;

            var (actions, bound) = await RegisterAsync(source, "PII001", new RemoveFromLogMessageFix());

            var action = Assert.Single(actions);
            Assert.Equal(0, bound);
            Assert.Contains("        _logger.LogInformation(\"Visitor joined\");\n", await FixedTextAsync(action));
        }

        [Fact]
        public async Task ForPerformance_Redact_BindsNoEditWhileTheLightBulbFills()
        {
            var source = Model + LogsEmail;

            var (actions, bound) = await RegisterAsync(source, "PII001", new RedactFix());

            var action = Assert.Single(actions);
            Assert.Equal(0, bound);
            Assert.Contains("        _logger.LogInformation(\"Visitor {Email} joined\", Redaction.Mask(v.Email));\n", await FixedTextAsync(action));
        }

        [Fact]
        public async Task ForPerformance_RedactWithOwnRedactor_BindsNoEditWhileTheLightBulbFills()
        {
            var source = Model + /* lang=c#-test */ """
                public static class Masks
                {
                    [Redactor]
                    public static string Hide(string? value) => "***";
                }

                public class Service
                {
                    private readonly ILogger<Service> _logger;
                    public Service(ILogger<Service> logger) { _logger = logger; }

                    public void Join(Visitor v)
                    {
                        _logger.LogInformation($"Visitor {v.Email} joined");
                    }
                }
                """;

            var (actions, bound) = await RegisterAsync(source, "PII001", new RedactFix());

            var action = Assert.Single(actions);
            Assert.Equal("Redact with Masks.Hide", action.Title);
            Assert.Equal(0, bound);
            Assert.Contains("        _logger.LogInformation($\"Visitor {Masks.Hide(v.Email)} joined\");\n", await FixedTextAsync(action));
        }

        [Fact]
        public async Task ForPerformance_Redact_BindsTheEditOnlyWhereTheOwnRedactorMayWarn()
        {
            var source = Model + /* lang=c#-test */ """
                public class Member
                {
                    [PersonalData(Purpose = "support")]
                    public string? Nickname { get; set; }
                }

                public static class Masks
                {
                    [Redactor]
                    public static string Hide(string value) => "***";
                }

                public class Service
                {
                    private readonly ILogger<Service> _logger;
                    public Service(ILogger<Service> logger) { _logger = logger; }

                    public void Join(Member m)
                    {
                        _logger.LogInformation("Member {Nickname} joined", m.Nickname);
                    }
                }
                """;

            var (actions, bound) = await RegisterAsync(source, "PII001", new RedactFix());

            var action = Assert.Single(actions);
            Assert.Equal("Redact with Redaction.Mask", action.Title); // Hide(m.Nickname) would warn: it may be null
            Assert.Equal(1, bound);
        }

        [Fact]
        public async Task ForPerformance_AddConsentCheck_BindsNoEditWhileTheLightBulbFills_AndFormatsItWhenPicked()
        {
            var source = Model + /* lang=c#-test */ """
                public class Service
                {
                    private readonly Consent _consent = new Consent();

                    public void Send(Visitor v)
                    {
                        System.Text.Json.JsonSerializer.Serialize(v.Email);
                    }
                }
                """;

            var (actions, bound) = await RegisterAsync(source, "PII002", new AddConsentCheckFix());

            Assert.Equal(new[] { "Add consent check: _consent.HasConsent(v, \"support\")", "Add consent guard clause: _consent.HasConsent(v, \"support\")" }, actions.Select(a => a.Title));
            Assert.Equal(0, bound);
            Assert.Contains(
                "        if (_consent.HasConsent(v, \"support\"))\n        {\n            System.Text.Json.JsonSerializer.Serialize(v.Email);\n        }\n",
                await FixedTextAsync(actions[0]));
            Assert.Contains(
                "        if (!_consent.HasConsent(v, \"support\")) return;\n        System.Text.Json.JsonSerializer.Serialize(v.Email);\n",
                await FixedTextAsync(actions[1]));
        }

        [Fact]
        public async Task ForPerformance_AddConsentCheck_BindsTheEditOnlyWhereTheMovedCodeAssignsAVariable()
        {
            var source = Model + /* lang=c#-test */ """
                public class Service
                {
                    private readonly Consent _consent = new Consent();

                    public string Send(Visitor v)
                    {
                        var json = "";
                        json = System.Text.Json.JsonSerializer.Serialize(v.Email);
                        return json;
                    }
                }
                """;

            var (actions, bound) = await RegisterAsync(source, "PII002", new AddConsentCheckFix());

            Assert.Equal(new[] { "Add consent check: _consent.HasConsent(v, \"support\")" }, actions.Select(a => a.Title));
            Assert.Equal(1, bound);
        }

        [Fact]
        public async Task ForPerformance_ExcludeFromSerialization_BindsNoEditWhileTheLightBulbFills()
        {
            var source = Model + /* lang=c#-test */ """
                public class Exporter
                {
                    public string Export(Visitor v) => System.Text.Json.JsonSerializer.Serialize(v);
                }
                """;

            var (actions, bound) = await RegisterAsync(source, "PII002", new ExcludeFromSerializationFix());

            var action = Assert.Single(actions);
            Assert.Equal(0, bound);
            Assert.Contains("    [PersonalData(Purpose = \"support\")]\n    [JsonIgnore]\n    public string Email", await FixedTextAsync(action));
        }

        /// <summary>The actions <paramref name="fix"/> offers on the one <paramref name="id"/> in <paramref name="source"/>, and how many edits it bound to offer them.</summary>
        private static async Task<(List<CodeAction> Actions, int Bound)> RegisterAsync(string source, string id, CodeFixProvider fix)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Default, "LightBulb", "LightBulb", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: TestReferences.All));
            var document = workspace.AddDocument(project.Id, "Service.cs", SourceText.From(source.Replace("\r\n", "\n")));
            var compilation = (await document.Project.GetCompilationAsync())!;
            Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataSinkAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var diagnostic = Assert.Single(diagnostics, d => d.Id == id);

            var actions = new List<CodeAction>();
            var bound = EditBinding.StartCounting();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            return (actions, bound.Value);
        }

        private static async Task<string> FixedTextAsync(CodeAction action)
        {
            var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            var changed = apply.ChangedSolution.Projects.Single().Documents.Single();
            return (await changed.GetTextAsync()).ToString();
        }
    }
}
