namespace PiiAnalyzers.Flow
{
    /// <summary>How the flow engine treats one body (<see cref="BodyScan.Plan"/>).</summary>
    internal enum BodyPlan
    {
        /// <summary>Nothing to find: no graph, no analysis.</summary>
        Skip,

        /// <summary>Analyzed on its control-flow graph.</summary>
        Graph,

        /// <summary>Too many branches for a graph: analyzed without one (<see cref="TaintWalker.AnalyzeWithoutGraph"/>).</summary>
        WithoutGraph,
    }
}
