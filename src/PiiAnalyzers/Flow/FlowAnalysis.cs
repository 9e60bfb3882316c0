using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>The entry point rules use: run the flow engine over every executable body of an operation block.</summary>
    internal static class FlowAnalysis
    {
        /// <summary>
        /// Analyzes each method body, accessor, constructor, initializer and top-level program in the block, telling
        /// <paramref name="observer"/> about every sink that personal data reaches.
        /// </summary>
        public static void Run(OperationBlockAnalysisContext context, FlowContext flow, IFlowObserver observer)
        {
            var seen = new HashSet<IOperation>();
            foreach (var block in context.OperationBlocks)
            {
                // A method's body comes as its block; the graph is built from the root (the method body) above it.
                var root = block;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                if (!IsExecutableRoot(root) || !seen.Add(root))
                {
                    continue;
                }

                var configuration = flow.GetConfiguration(root.Syntax.SyntaxTree);
                var owner = context.OwningSymbol as IMethodSymbol;
                var plan = flow.Scan.Plan(root, configuration, context.CancellationToken, respondsWithReturns: flow.Responses.OfAction(owner) is not null);
                if (plan == BodyPlan.Skip)
                {
                    continue;
                }

                var walker = new TaintWalker(flow, observer, MethodSummaries.MaxDepth, summarizing: null, configuration, context.CancellationToken);
                if (plan == BodyPlan.WithoutGraph)
                {
                    walker.AnalyzeWithoutGraph(root, owner);
                    continue;
                }

                // The graph a helper's summary may already have built for this body, else the driver's (and shared).
                var operationBlock = block;
                if (flow.GetGraph(root, () => context.GetControlFlowGraph(operationBlock)) is not { } graph)
                {
                    continue; // code with errors the graph builder does not accept
                }

                walker.Analyze(graph, owner);
            }
        }

        private static bool IsExecutableRoot(IOperation operation)
            => operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
                or IFieldInitializerOperation or IPropertyInitializerOperation;
    }
}
