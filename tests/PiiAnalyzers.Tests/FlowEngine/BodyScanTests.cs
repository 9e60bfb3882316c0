using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Flow;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>Which bodies the flow engine analyzes at all (the rest get no control-flow graph).</summary>
    public class BodyScanTests
    {
        // A one-file source with a one-member Visitor: the counts of summaries below depend on exactly these helpers.
        private const string Source = /* lang=c#-test */ """

            using System.Collections.Generic;
            using System.Linq;
            using Microsoft.Extensions.Logging;
            using PiiAttributes;

            public sealed class Visitor { [PersonalData(Purpose = "support")] public string Email { get; set; } = ""; public int Id { get; set; } }
            public sealed class Registry { [RequiresConsent(Purpose = "support")] public void Enrol(int id) { } }

            public sealed class Service
            {
                private readonly ILogger _logger;
                private readonly Registry _registry = new Registry();
                private Visitor _current = new Visitor();
                public Service(ILogger logger) => _logger = logger;

                public void LogsData(Visitor v) => _logger.LogInformation("{E}", v.Email);
                public List<string> MovesDataNowhere(List<Visitor> all) => all.Where(v => v.Email.Length > 0).Select(v => v.Email.Trim()).ToList();
                public static void LogsNoData(ILogger logger, int count) => logger.LogInformation("{C}", count);
                public void CallsHelperThatLogs(Visitor v) => Relay(v.Email);
                private void Relay(string text) => Deeper(text);
                private void Deeper(string text) => _logger.LogDebug("{T}", text);
                public int CallsHelperThatOnlyCounts(Visitor v) => Count(v.Email);
                private static int Count(string text) => text.Split(' ').Length;
                public void DataFromAHelper(int id) => _logger.LogInformation("{E}", CurrentEmail());
                private string CurrentEmail() => _current.Email;
                public void NeedsConsent(int id) => _registry.Enrol(id);
                public void LogsInALambda(List<Visitor> all) => all.ForEach(v => _logger.LogInformation("{E}", v.Email));
            }
            """;

        [Theory]
        [InlineData("LogsData", true)]
        [InlineData("MovesDataNowhere", false)]
        [InlineData("LogsNoData", false)]
        [InlineData("CallsHelperThatLogs", true)]
        [InlineData("CallsHelperThatOnlyCounts", false)]
        [InlineData("DataFromAHelper", true)]
        [InlineData("NeedsConsent", true)]
        [InlineData("LogsInALambda", true)]
        public void ForPerformance_AnalyzesOnlyBodiesWithDataAndAWayOut(string method, bool analyzed)
        {
            var (flow, body, _) = Prepare(method);

            Assert.Equal(analyzed, flow.Scan.IsWorthAnalyzing(body, flow.GetConfiguration(body.Syntax.SyntaxTree), CancellationToken.None));
        }

        [Theory]
        [InlineData("CallsHelperThatOnlyCounts", 0)] // Count(v.Email): returns a number, reaches no sink
        [InlineData("LogsData", 0)] // no source method called
        [InlineData("CallsHelperThatLogs", 2)] // Relay, then Deeper: both reach a sink
        [InlineData("DataFromAHelper", 1)] // CurrentEmail(): clean arguments, but a source of its own
        public void ForPerformance_SummarizesOnlyHelpersThatCanMatter(string method, int summaries)
        {
            var (flow, body, symbol) = Prepare(method);
            var graph = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)body);

            new TaintWalker(flow, new NoObserver(), MethodSummaries.MaxDepth, null, flow.GetConfiguration(body.Syntax.SyntaxTree), CancellationToken.None).Analyze(graph, symbol);

            Assert.Equal(summaries, flow.Summaries.Computed);
        }

        [Theory]
        [InlineData("LogsNoData", false)] // a logging call, but no personal data in reach: never matched against sinks
        [InlineData("MovesDataNowhere", true)] // personal data, and calls that must be told from sinks
        [InlineData("LogsData", true)]
        public void ForPerformance_ResolvesTheSinkTypesOnlyWhenACallMustBeMatched(string method, bool resolved)
        {
            // In the IDE a compilation starts on every edit: the fifty-odd library lookups wait until a body needs them.
            var (flow, body, _) = Prepare(method);
            Assert.False(flow.Sinks.IsResolved);

            flow.Scan.Plan(body, flow.GetConfiguration(body.Syntax.SyntaxTree), CancellationToken.None);

            Assert.Equal(resolved, flow.Sinks.IsResolved);
        }

        private static (FlowContext Flow, IOperation Body, IMethodSymbol Symbol) Prepare(string method)
        {
            var compilation = Robustness.RobustnessInputs.Compile(Source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var flow = FlowContext.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
            var tree = compilation.SyntaxTrees.Single();
            var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == method);
            var model = compilation.GetSemanticModel(tree);
            return (flow, model.GetOperation(declaration)!, model.GetDeclaredSymbol(declaration)!);
        }

        private sealed class NoObserver : IFlowObserver
        {
            public void OnSink(in SinkEvent sink)
            {
            }

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
            }
        }
    }
}
