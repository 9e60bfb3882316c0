using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Rules;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>
    /// A corpus of correct chat-marketplace code (<c>Corpus/ValidCorpus.cs.txt</c>) run through every exported analyzer
    /// (IDisposableAnalyzers' <c>AllAnalyzersValid</c>): it compiles, no analyzer reports on it, and none throws.
    /// </summary>
    public class ValidCorpusTests
    {
        private const string CorpusResource = "ValidCorpus.cs.txt";

        [Fact]
        public void EveryExportedAnalyzer_IsRun()
        {
            Assert.NotEmpty(ProjectFacts.ExportedAnalyzers);
            Assert.Contains(ProjectFacts.ExportedAnalyzers, analyzer => analyzer is PersonalDataSinkAnalyzer);
            Assert.Contains(ProjectFacts.ExportedAnalyzers, analyzer => analyzer is DeclarationAnalyzer);
        }

        [Fact]
        public void Corpus_Compiles()
        {
            var errors = Compile(ReadCorpus()).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

            Assert.True(errors.Count == 0, "The corpus does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        [Fact]
        public async Task Corpus_HasNoDiagnosticFromAnyAnalyzer()
        {
            var result = await AnalyzeAsync(ReadCorpus());

            Assert.True(result.Exceptions.IsEmpty, "Analyzers threw:" + Environment.NewLine + string.Join(Environment.NewLine, result.Exceptions));
            Assert.True(result.Diagnostics.IsEmpty, "Diagnostics on valid code:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        /// <summary>The corpus is really analyzed: one bad change to it is reported, and only that change.</summary>
        [Theory]
        [InlineData(
            "_logger.LogDebug(\"Message {MessageId} has {Length} characters\", message.Id, message.Body.Length);",
            "_logger.LogDebug(\"Message {MessageId}: {Body}\", message.Id, message.Body);",
            "PII001",
            "message.Body")]
        [InlineData(
            "[PersonalData(Purpose = \"support\", Category = PersonalDataCategory.Content)]",
            "[PersonalData(Category = PersonalDataCategory.Content)]",
            "PII007",
            null)]
        public async Task CorpusWithOneViolation_ReportsExactlyIt(string valid, string invalid, string id, string? reportedText)
        {
            var corpus = ReadCorpus();
            Assert.Contains(valid, corpus, StringComparison.Ordinal);

            var result = await AnalyzeAsync(corpus.Replace(valid, invalid, StringComparison.Ordinal));

            Assert.Empty(result.Exceptions);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(id, diagnostic.Id);
            if (reportedText is not null)
            {
                Assert.Equal(reportedText, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
            }
        }

        private static string ReadCorpus()
        {
            using var stream = typeof(ValidCorpusTests).Assembly.GetManifestResourceStream(CorpusResource)
                ?? throw new InvalidOperationException("The corpus is not embedded as '" + CorpusResource + "'; resources: " + string.Join(", ", typeof(ValidCorpusTests).Assembly.GetManifestResourceNames()));
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private static CSharpCompilation Compile(string source)
            => CSharpCompilation.Create(
                "ValidCorpus",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "ValidCorpus.cs") },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions)> AnalyzeAsync(string source)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var analyzers = Compile(source).WithAnalyzers(ProjectFacts.ExportedAnalyzers, options);

            var diagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            // AD0001 (an analyzer threw) and any other diagnostic an analyzer reports count as a failure.
            return (diagnostics, exceptions.ToImmutableArray());
        }
    }
}
