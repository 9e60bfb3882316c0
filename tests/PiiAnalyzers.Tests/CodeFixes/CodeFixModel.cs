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
using PiiAnalyzers.Tests.Verifiers;

namespace PiiAnalyzers.Tests.CodeFixes
{
    /// <summary>The model the PII001 code fix tests share (a second document), and a way to list the fixes offered.</summary>
    internal static class CodeFixModel
    {
        public const string Path = "/0/Test1.cs";

        /// <summary>
        /// <see cref="PiiAnalyzers.Tests.Rules.ChatModel"/>, and in a part of its own the number and date members the
        /// Redact fix has shapes for (kept out of the shared model: they would add to the "and N more" of whole-visitor
        /// findings in the logging tests).
        /// </summary>
        public const string Source = PiiAnalyzers.Tests.Rules.ChatModel.Source + /* lang=c#-test */ """
            namespace Chat
            {
                using System;
                using PiiAttributes;

                public partial class Visitor
                {
                    [PersonalData(Purpose = "support")]
                    public int Age { get; set; }
                    [PersonalData(Purpose = "support")]
                    public DateTime BirthDate { get; set; }
                    [PersonalData(Purpose = "support")]
                    public DateTime? LastSeen { get; set; }
                }
            }

            """;

        /// <summary>The titles of the fixes <typeparamref name="TFix"/> offers for each PII001 in <paramref name="source"/>, in source order.</summary>
        public static async Task<List<string[]>> OfferedAsync<TFix>(string source)
            where TFix : CodeFixProvider, new()
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.CurrentSolution
                .AddProject("Test", "Test", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.CSharp12))
                .AddMetadataReferences(TestReferences.All);
            var document = project.AddDocument("Test0.cs", SourceText.From(source));
            document = document.Project.AddDocument("Test1.cs", SourceText.From(Source)).Project.GetDocument(document.Id)!;

            var compilation = (await document.Project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new System.InvalidOperationException("test source does not compile: " + errors[0]);
            }

            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataSinkAnalyzer()))
                .GetAnalyzerDiagnosticsAsync();
            var tree = await document.GetSyntaxTreeAsync();
            var fixer = new TFix();
            var offered = new List<string[]>();
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "PII001" && d.Location.SourceTree == tree).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var titles = new List<string>();
                var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                offered.Add(titles.ToArray());
            }

            return offered;
        }
    }
}
