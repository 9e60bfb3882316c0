using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.Tests.Meta;
using PiiAnalyzers.Tests.Verifiers;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The C# the robustness tests run on: the sample's files, the valid corpus, and every long string literal in the
    /// test sources that looks like code (markup removed), read from the repository at test time.
    /// </summary>
    internal static class RobustnessInputs
    {
        private static readonly Lazy<ImmutableArray<(string Name, string Source)>> LazyAll = new Lazy<ImmutableArray<(string Name, string Source)>>(Collect);

        public static ImmutableArray<(string Name, string Source)> All => LazyAll.Value;

        public static ImmutableArray<CodeFixProvider> Fixers { get; } = ProjectFacts.CodeFixProviderTypes
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToImmutableArray();

        public static CSharpCompilation Compile(string source)
            => CSharpCompilation.Create(
                "Robustness",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Input.cs") },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>The whole sample, one tree per file, so its cross-file flows are analyzed.</summary>
        public static CSharpCompilation SampleCompilation()
            => CSharpCompilation.Create(
                "Sample",
                All.Where(i => i.Name.StartsWith("sample ", StringComparison.Ordinal))
                    .Select(i => CSharpSyntaxTree.ParseText(i.Source, new CSharpParseOptions(LanguageVersion.CSharp12), path: i.Name.Substring("sample ".Length))),
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>Runs every exported analyzer; analyzer exceptions (AD0001) are returned, not thrown.</summary>
        public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Exceptions)> AnalyzeAsync(
            Compilation compilation, bool concurrent = true)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ProjectFacts.ExportedAnalyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var thrown in diagnostics.Where(d => d.Id == "AD0001"))
            {
                exceptions.Enqueue(thrown.ToString());
            }

            return (diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToImmutableArray());
        }

        /// <summary>
        /// Every code action the fixers offer for <paramref name="diagnostic"/>, applied: the fixed document's source,
        /// with the fixer's name. A fixer that throws while registering or computing its change throws here.
        /// </summary>
        public static async Task<List<(string Fix, string Source)>> ApplyFixesAsync(string source, Diagnostic diagnostic)
        {
            var results = new List<(string Fix, string Source)>();
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                using var workspace = new AdhocWorkspace();
                var project = workspace.AddProject(ProjectInfo.Create(
                    ProjectId.CreateNewId(), VersionStamp.Default, "Robustness", "Robustness", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                    metadataReferences: TestReferences.All));
                var document = workspace.AddDocument(project.Id, "Input.cs", SourceText.From(source));
                var actions = new List<CodeAction>();
                var context = new CodeFixContext(document, await InDocumentAsync(document, diagnostic), (action, _) => actions.Add(action), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                foreach (var action in Flatten(actions))
                {
                    foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                    {
                        if (operation is ApplyChangesOperation apply)
                        {
                            var changed = apply.ChangedSolution.GetDocument(document.Id);
                            if (changed is not null)
                            {
                                results.Add((fixer.GetType().Name + ": " + action.Title, (await changed.GetTextAsync()).ToString()));
                            }
                        }
                    }
                }
            }

            return results;
        }

        /// <summary>
        /// <paramref name="diagnostic"/> located in the document's own syntax tree (same text, same spans), as a host
        /// gives it: a fix that checks the diagnostic's tree (Redact does) would otherwise decline every input.
        /// </summary>
        private static async Task<Diagnostic> InDocumentAsync(Document document, Diagnostic diagnostic)
        {
            var tree = await document.GetSyntaxTreeAsync();
            if (tree is null || !diagnostic.Location.IsInSource)
            {
                return diagnostic;
            }

            var sameTree = diagnostic.Location.SourceTree;
            var descriptor = new DiagnosticDescriptor(diagnostic.Id, diagnostic.Descriptor.Title, "{0}", diagnostic.Descriptor.Category, diagnostic.Severity, isEnabledByDefault: true);
            return Diagnostic.Create(
                descriptor,
                Location.Create(tree, diagnostic.Location.SourceSpan),
                diagnostic.AdditionalLocations.Where(l => l.SourceTree == sameTree).Select(l => Location.Create(tree, l.SourceSpan)),
                diagnostic.Properties,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
            => actions.SelectMany(a => a.NestedActions.IsDefaultOrEmpty ? new[] { a } : Flatten(a.NestedActions));

        private static ImmutableArray<(string Name, string Source)> Collect()
        {
            var inputs = new List<(string Name, string Source)>();
            foreach (var file in Directory.GetFiles(ProjectFacts.PathInRepository("samples", "ChatMarketplace"), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (!file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    inputs.Add(("sample " + Path.GetFileName(file), File.ReadAllText(file)));
                }
            }

            inputs.Add(("valid corpus", File.ReadAllText(ProjectFacts.PathInRepository("tests", "PiiAnalyzers.Tests", "Corpus", "ValidCorpus.cs.txt"))));

            var testsFolder = ProjectFacts.PathInRepository("tests", "PiiAnalyzers.Tests");
            foreach (var folder in new[] { "Rules", "CodeFixes" })
            {
                foreach (var file in Directory.GetFiles(Path.Combine(testsFolder, folder), "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var index = 0;
                    foreach (var token in CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens())
                    {
                        if (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                        {
                            var text = token.ValueText;
                            if (text.Length >= 80 && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("record ", StringComparison.Ordinal)))
                            {
                                inputs.Add(($"{Path.GetRelativePath(testsFolder, file).Replace('\\', '/')} #{index++}", WithoutMarkup(text)));
                            }
                        }
                    }
                }
            }

            return inputs.ToImmutableArray();
        }

        /// <summary>The test framework's markup removed: <c>[|x|]</c>, <c>{|PII001:x|}</c>, <c>{|#0:x|}</c> become <c>x</c>.</summary>
        public static string WithoutMarkup(string source)
            => Regex.Replace(source, @"\{\|[^:|{}]*:|\|\}|\[\||\|\]", string.Empty);
    }
}
