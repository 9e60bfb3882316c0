using System;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The same findings with and without concurrent execution; cancellation stops the engine within a block (with a
    /// graph) or a few operations (without one), counted in units of work. How soon a cancelled run through the driver
    /// stops, in milliseconds, is the benchmark's to measure (docs/performance.md, "Cancellation").
    /// </summary>
    public class ConcurrencyAndCancellationTests
    {
        [Fact]
        [Trait("Category", "Robustness")]
        public async Task ConcurrentAndSequentialAnalysis_ReportTheSame()
        {
            var compilation = RobustnessInputs.SampleCompilation();
            var expected = Describe((await RobustnessInputs.AnalyzeAsync(compilation, concurrent: false)).Diagnostics);
            Assert.NotEmpty(expected);

            for (var run = 0; run < 8; run++)
            {
                var (diagnostics, exceptions) = await RobustnessInputs.AnalyzeAsync(RobustnessInputs.SampleCompilation(), concurrent: run % 2 == 0);
                Assert.Empty(exceptions);
                Assert.Equal(expected, Describe(diagnostics));
            }
        }

        [Fact]
        [Trait("Category", "Robustness")]
        public void EngineStopsAtTheNextBlock_OnceCancelled()
        {
            // Deterministic, in units of work rather than time: the flow engine runs on a prebuilt graph (no binding,
            // which the driver does outside the analyzer), and the token is cancelled by the first sink it reports.
            // Every later block of the 6,000-statement method would report another sink; none may arrive.
            var (flow, tree, body, symbol) = PrepareHugeMethod(6000);
            var graph = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)body);

            Assert.Equal(1, SinksUntilCancelled(flow, tree, walker => walker.Analyze(graph, symbol)));
        }

        [Fact]
        [Trait("Category", "Robustness")]
        public void EngineWithoutAGraphStopsWithinAFewOperations_OnceCancelled()
        {
            // The same method has 6,000 branches: the driver analyzes it without a graph, where the token is checked
            // every 256 evaluated operations (each statement holds a sink and about ten operations).
            var (flow, tree, body, symbol) = PrepareHugeMethod(6000);
            Assert.Equal(Flow.BodyPlan.WithoutGraph, flow.Scan.Plan(body, flow.GetConfiguration(tree), CancellationToken.None));

            Assert.InRange(SinksUntilCancelled(flow, tree, walker => walker.AnalyzeWithoutGraph(body, symbol)), 1, 256);
        }

        /// <summary>
        /// Runs <paramref name="analyze"/> uncancelled (it must report thousands of sinks: something to interrupt), then
        /// with a token cancelled by the first sink; asserts it throws, and returns how many sinks it reported first.
        /// </summary>
        private static int SinksUntilCancelled(Flow.FlowContext flow, Microsoft.CodeAnalysis.SyntaxTree tree, Action<Flow.TaintWalker> analyze)
        {
            var all = new CancellingObserver(null);
            analyze(new Flow.TaintWalker(flow, all, Flow.MethodSummaries.MaxDepth, null, flow.GetConfiguration(tree), CancellationToken.None));
            Assert.True(all.Sinks > 1000, $"{all.Sinks} sinks");

            using var cancellation = new CancellationTokenSource();
            var observer = new CancellingObserver(cancellation);
            Assert.ThrowsAny<OperationCanceledException>(() =>
                analyze(new Flow.TaintWalker(flow, observer, Flow.MethodSummaries.MaxDepth, null, flow.GetConfiguration(tree), cancellation.Token)));
            return observer.Sinks;
        }

        /// <summary>The engine's context for <see cref="HugeMethodSource"/>, with the method's body and symbol.</summary>
        private static (Flow.FlowContext Flow, Microsoft.CodeAnalysis.SyntaxTree Tree, Microsoft.CodeAnalysis.IOperation Body, Microsoft.CodeAnalysis.IMethodSymbol Symbol) PrepareHugeMethod(int statements)
        {
            var compilation = RobustnessInputs.Compile(HugeMethodSource(statements));
            var flow = Flow.FlowContext.TryCreate(compilation, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty))!;
            var tree = compilation.SyntaxTrees.Single();
            var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Run");
            var model = compilation.GetSemanticModel(tree);
            return (flow, tree, model.GetOperation(method)!, Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetDeclaredSymbol(model, method)!);
        }

        private static string HugeMethodSource(int statements)
        {
            var body = new StringBuilder();
            for (var i = 0; i < statements; i++)
            {
                body.AppendLine(i % 3 == 0 ? $"        if (n > {i}) text = text + \"{i}\";" : $"        var s{i} = text + \"{i}\"; if (n == {i}) _logger.LogInformation(\"{{S}}\", s{i});");
            }

            return /* lang=c#-test */ $$"""
                using Microsoft.Extensions.Logging;
                using PiiAttributes;
                public sealed class Customer { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; }
                public sealed class Huge
                {
                    private readonly ILogger _logger;
                    public Huge(ILogger logger) => _logger = logger;
                    public void Run(Customer c, int n)
                    {
                        var text = c.Email;
                {{body}}    }
                }
                """;
        }

        /// <summary>Counts the sinks reported; cancels <c>cancellation</c> at the first.</summary>
        private sealed class CancellingObserver : Flow.IFlowObserver
        {
            private readonly CancellationTokenSource? _cancellation;

            public CancellingObserver(CancellationTokenSource? cancellation)
            {
                _cancellation = cancellation;
            }

            public int Sinks { get; private set; }

            public void OnSink(in Flow.SinkEvent sink)
            {
                Sinks++;
                _cancellation?.Cancel();
            }

            public void OnConsentRequired(Microsoft.CodeAnalysis.IOperation call, Microsoft.CodeAnalysis.IMethodSymbol method, Flow.ConsentMarker requirement, Flow.ConsentFacts consent)
            {
            }
        }

        private static string[] Describe(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
            => diagnostics.Select(d => d.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }
}
