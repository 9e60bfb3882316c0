using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.Tests.Meta;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The IDE does not analyze a whole compilation: it asks for one document's diagnostics, or one span's (the member
    /// under the caret, for the light bulb), and the driver runs only the callbacks for what is declared there. The
    /// analyzers must not throw there either, and must show what the build shows: no finding the build does not report,
    /// none missing.
    /// </summary>
    public class IdeAnalysisTests
    {
        [Fact]
        [Trait("Category", "Robustness")]
        public async Task DocumentByDocument_TheSampleReportsWhatTheBuildReports()
        {
            var compilation = RobustnessInputs.SampleCompilation();
            var build = Describe((await RobustnessInputs.AnalyzeAsync(compilation)).Diagnostics);
            Assert.NotEmpty(build);

            // Each document on its own driver (the first document opened: nothing else bound yet), and all on one (the
            // IDE's project snapshot, analyzed document after document).
            var shared = With(compilation, out var sharedExceptions);
            var alone = new List<string>();
            var together = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                alone.AddRange(Describe(await DocumentAsync(With(compilation, out var exceptions), compilation, tree)));
                Assert.Empty(exceptions);
                together.AddRange(Describe(await DocumentAsync(shared, compilation, tree)));
            }

            Assert.Empty(sharedExceptions);
            Assert.Equal(build, Sorted(alone));
            Assert.Equal(build, Sorted(together));
        }

        [Fact]
        [Trait("Category", "Robustness")]
        public async Task MemberByMember_EveryInputReportsWhatTheBuildReportsInThatMember()
        {
            var spans = 0;
            foreach (var (name, source) in RobustnessInputs.All.Where(i => !i.Name.StartsWith("sample ", StringComparison.Ordinal)))
            {
                var compilation = RobustnessInputs.Compile(source);
                var tree = compilation.SyntaxTrees.Single();
                var build = (await RobustnessInputs.AnalyzeAsync(compilation)).Diagnostics;
                var withAnalyzers = With(compilation, out var exceptions);
                var model = compilation.GetSemanticModel(tree);
                foreach (var member in Members(tree))
                {
                    var span = member.Span;
                    var reported = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, span, default);
                    spans++;

                    // A finding inside the member is the build's, and the build's findings inside it are all there.
                    var expected = Describe(build.Where(d => span.Contains(d.Location.SourceSpan)));
                    var actual = Describe(reported.Where(d => d.Id != "AD0001" && span.Contains(d.Location.SourceSpan)));
                    Assert.True(expected.SequenceEqual(actual), $"{name}, {member.Kind()} at {tree.GetLineSpan(span).StartLinePosition}:\n  build: {string.Join("\n         ", expected)}\n  span:  {string.Join("\n         ", actual)}");
                    Assert.Empty(Describe(reported).Except(Describe(build)));
                }

                Assert.Empty(exceptions.Select(e => name + ": " + e));
            }

            Assert.True(spans > 400, $"only {spans} members analyzed");
        }

        /// <summary>The members the light bulb asks about: methods, constructors, properties, fields, local functions' hosts.</summary>
        private static IEnumerable<MemberDeclarationSyntax> Members(SyntaxTree tree)
            => tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax);

        private static async Task<ImmutableArray<Diagnostic>> DocumentAsync(CompilationWithAnalyzers withAnalyzers, Compilation compilation, SyntaxTree tree)
        {
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, default);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, default);
            return syntax.AddRange(semantic);
        }

        private static CompilationWithAnalyzers With(Compilation compilation, out ConcurrentQueue<string> exceptions)
        {
            var thrown = new ConcurrentQueue<string>();
            exceptions = thrown;
            return compilation.WithAnalyzers(ProjectFacts.ExportedAnalyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => thrown.Enqueue(analyzer.GetType().Name + ": " + exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        }

        private static string[] Describe(IEnumerable<Diagnostic> diagnostics)
            => Sorted(diagnostics.Where(d => d.Id != "AD0001").Select(d => d.ToString()));

        private static string[] Sorted(IEnumerable<string> values) => values.OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }
}
