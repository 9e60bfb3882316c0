using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// The flow engine alone, on one thread, with no driver and no compilation running beside it (<c>--engine SIZE</c>):
    /// the operations of every body are bound first (timed apart), then the scan, the graphs and the walk are timed
    /// phase by phase, after a full collection. What the analyzer's own code costs, free of the telemetry's artifacts
    /// (collections caused by a compilation running beside it, compiler work it happens to trigger first).
    /// </summary>
    internal static class EngineRun
    {
        /// <summary>One engine run per compilation <paramref name="create"/> makes; each printed when <paramref name="print"/>.</summary>
        public static List<Result> Run(CSharpCompilationFactory create, int runs, bool print)
        {
            var results = new List<Result>();
            for (var run = 0; run < runs; run++)
            {
                var compilation = create();
                var flow = FlowContext.TryCreate(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
                var watch = Stopwatch.StartNew();
                var bodies = new List<(IOperation Root, IMethodSymbol? Owner)>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    var model = flow.GetSemanticModel(tree, CancellationToken.None);
                    foreach (var node in tree.GetRoot().DescendantNodes())
                    {
                        if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax }
                            && model.GetOperation(node) is { Parent: null } root and (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation))
                        {
                            bodies.Add((root, model.GetDeclaredSymbol(node is ArrowExpressionClauseSyntax arrow ? arrow.Parent! : node) switch
                            {
                                IMethodSymbol method => method,
                                IPropertySymbol property => property.GetMethod,
                                _ => null,
                            }));
                        }
                    }
                }

                var bind = watch.Elapsed.TotalMilliseconds;

                // Collect what binding left behind, so that its garbage is not collected during (and counted in) the engine.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var pauses = GC.GetTotalPauseDuration();
                var engineStart = DateTime.UtcNow;
                var collections = GC.CollectionCount(0);
                double scan = 0, graphs = 0, walk = 0;
                long scanBytes = 0, graphBytes = 0, walkBytes = 0;
                var analyzed = 0;
                var observer = new Counter();
                foreach (var (root, owner) in bodies)
                {
                    var configuration = flow.GetConfiguration(root.Syntax.SyntaxTree);
                    var bytes = GC.GetAllocatedBytesForCurrentThread();
                    var phase = Stopwatch.StartNew();
                    var plan = flow.Scan.Plan(root, configuration, CancellationToken.None);
                    scan += phase.Elapsed.TotalMilliseconds;
                    scanBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    if (plan == BodyPlan.Skip)
                    {
                        continue;
                    }

                    analyzed++;
                    if (plan == BodyPlan.WithoutGraph)
                    {
                        bytes = GC.GetAllocatedBytesForCurrentThread();
                        phase.Restart();
                        new TaintWalker(flow, observer, MethodSummaries.MaxDepth, null, configuration, CancellationToken.None).AnalyzeWithoutGraph(root, owner);
                        walk += phase.Elapsed.TotalMilliseconds;
                        walkBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                        continue;
                    }

                    bytes = GC.GetAllocatedBytesForCurrentThread();
                    phase.Restart();
                    var graph = flow.GetGraph(root, () => root switch
                    {
                        IMethodBodyOperation body => ControlFlowGraph.Create(body),
                        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor),
                        _ => ControlFlowGraph.Create((IBlockOperation)root),
                    });
                    graphs += phase.Elapsed.TotalMilliseconds;
                    graphBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                    bytes = GC.GetAllocatedBytesForCurrentThread();
                    if (graph is null)
                    {
                        continue;
                    }

                    phase.Restart();
                    new TaintWalker(flow, observer, MethodSummaries.MaxDepth, null, configuration, CancellationToken.None).Analyze(graph, owner);
                    walk += phase.Elapsed.TotalMilliseconds;
                    walkBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                }

                AllocationSampler.Instance?.AddWindow(engineStart, DateTime.UtcNow);
                var gcMs = (GC.GetTotalPauseDuration() - pauses).TotalMilliseconds;
                collections = GC.CollectionCount(0) - collections;

                // The scan again, its caches warm: what is per-operation work, and what was per-symbol work done once.
                var again = Stopwatch.StartNew();
                foreach (var (root, _) in bodies)
                {
                    flow.Scan.IsWorthAnalyzing(root, flow.GetConfiguration(root.Syntax.SyntaxTree), CancellationToken.None);
                }

                if (print)
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"bodies {bodies.Count}, analyzed {analyzed}, sinks {observer.Sinks}, summaries {flow.Summaries.Computed}; bind {bind:N0} ms; scan {scan:N1} ms (warm: {again.Elapsed.TotalMilliseconds:N1} ms), graphs {graphs:N1} ms, walk (incl. summaries) {walk:N1} ms; allocated: scan {scanBytes / 1048576.0:N1} MB, graphs {graphBytes / 1048576.0:N1} MB, walk {walkBytes / 1048576.0:N1} MB; GC pauses {gcMs:N1} ms in {collections} collections"));
                }

                results.Add(new Result(bodies.Count, analyzed, bind, scan, graphs, walk, scanBytes + graphBytes + walkBytes));
            }

            return results;
        }

        /// <summary>One run: bodies seen and analyzed, the time of each phase in ms, and the bytes the engine allocated.</summary>
        public sealed record Result(int Bodies, int Analyzed, double Bind, double Scan, double Graphs, double Walk, long Allocated)
        {
            public double Engine => Scan + Graphs + Walk;
        }

        public delegate Compilation CSharpCompilationFactory();

        private sealed class Counter : IFlowObserver
        {
            public int Sinks { get; private set; }

            public void OnSink(in SinkEvent sink) => Sinks++;

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
            }
        }
    }
}
