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

                if (!IsExecutableRoot(root) || !seen.Add(root) || !CanReachASink(root))
                {
                    continue;
                }

                // The graph a helper's summary may already have built for this body, else the driver's (and shared).
                var owner = block;
                if (flow.GetGraph(root, () => context.GetControlFlowGraph(owner)) is not { } graph)
                {
                    continue; // code with errors the graph builder does not accept
                }

                var configuration = flow.GetConfiguration(root.Syntax.SyntaxTree);
                new TaintWalker(flow, observer, MethodSummaries.MaxDepth, summarizing: null, configuration, context.CancellationToken).Analyze(graph, context.OwningSymbol as IMethodSymbol);
            }
        }

        /// <summary>
        /// Data can only leave through a call, an object creation (an exception message, a constructor sink) or a
        /// property write (an ADO.NET parameter's Value): a body with none of them — a getter, a plain assignment — has
        /// nothing to report, and its graph is never built.
        /// </summary>
        private static bool CanReachASink(IOperation root)
        {
            foreach (var operation in root.Descendants())
            {
                switch (operation.Kind)
                {
                    case OperationKind.Invocation:
                    case OperationKind.ObjectCreation:
                    case OperationKind.DynamicInvocation:
                    case OperationKind.DynamicObjectCreation:
                        return true;
                    case OperationKind.SimpleAssignment when ((ISimpleAssignmentOperation)operation).Target is IPropertyReferenceOperation:
                        return true;
                }
            }

            return false;
        }

        private static bool IsExecutableRoot(IOperation operation)
            => operation is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation
                or IFieldInitializerOperation or IPropertyInitializerOperation;
    }
}
