using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The fixed-point driver: runs the transfer functions (<see cref="Transfer"/>, which evaluates a block's operations)
    /// over a graph's blocks until their input states stop growing, joins states where paths meet, feeds each branch the
    /// consent its condition establishes, and makes the final, reporting pass. Bodies without a graph are driven
    /// flow-insensitively (<see cref="AnalyzeWithoutGraph"/>). The transfer functions are given where they are as a
    /// <see cref="Frame"/>; lambdas and local functions re-enter the driver (<see cref="AnalyzeNested"/>) with a frame of
    /// their own, and the caller's is left as it was.
    /// </summary>
    internal sealed partial class TaintWalker
    {
        /// <summary>
        /// Where the transfer functions are: the state they update (the block's, changed in place), the graph they are in
        /// (null without one), the response return values go to, and whether sinks are reported. The driver makes one for
        /// each block it runs and passes it down by reference; nothing of it is kept in the walker.
        /// </summary>
        private readonly struct Frame
        {
            public Frame(FlowState state, ControlFlowGraph? graph, SinkCall? response, bool reporting)
            {
                State = state;
                Graph = graph;
                Response = response;
                Reporting = reporting;
            }

            public FlowState State { get; }

            public ControlFlowGraph? Graph { get; }

            public SinkCall? Response { get; }

            public bool Reporting { get; }
        }

        /// <summary>
        /// Analyzes a body with too many branches for a control-flow graph (<see cref="BodyScan.MaxBranchesForGraph"/>)
        /// without one, and reports its sinks. Flow-insensitive: one state stands for every point of the body; the
        /// operations are evaluated in the order they are written, pass after pass, an assignment adding to what the
        /// variable held, until nothing grows; then a last pass reports. Data is therefore found wherever a path could
        /// bring it (and sometimes where none does). What consent was checked where cannot be told without the graph: a
        /// body that checks no consent is analyzed as having none (as the graph would say); in one that checks consent
        /// anywhere, the consent rules report nothing (PII001 and PII004 still do).
        /// </summary>
        public void AnalyzeWithoutGraph(IOperation root, IMethodSymbol? owner)
        {
            _ownerSink = OwnerSink(owner);
            var state = new FlowState(ChecksConsent(root) ? ConsentFacts.All : EntryConsent(owner)) { Weak = true };
            for (var round = 0; round < MaxRounds && _work < MaxWork; round++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var pass = new Frame(state.Clone(), graph: null, response: null, reporting: false);
                Evaluate(root, pass);
                if (!state.MergeFrom(pass.State))
                {
                    break;
                }
            }

            Evaluate(root, new Frame(state.Clone(), graph: null, response: null, reporting: true));
        }

        /// <param name="graph">The method's, lambda's or local function's graph.</param>
        /// <param name="entry">The state it starts from.</param>
        /// <param name="response">The response its return values are serialized into, if any.</param>
        /// <param name="reporting">Whether its final pass reports sinks (not while the caller is still iterating).</param>
        /// <param name="exit">The input state of its exit block (what the body left in its parameters' objects).</param>
        private Taint AnalyzeGraph(ControlFlowGraph graph, FlowState entry, SinkCall? response, bool reporting, out FlowState? exit)
        {
            _active.Add(graph);
            try
            {
                var blocks = graph.Blocks;
                var inputs = new FlowState?[blocks.Length];
                var outputs = new FlowState?[blocks.Length];
                var dirty = new bool[blocks.Length];
                inputs[0] = entry;
                dirty[0] = true;

                var returns = Taint.Clean;
                if (_context.SinglePassForForwardGraphs && IsForwardOnly(blocks))
                {
                    // No loop and no handler: every block's predecessors come before it, so one pass in order sees each
                    // block with its final input. That pass is the fixed point and the reporting pass at once.
                    Iterate(graph, blocks, inputs, outputs, dirty, response, reporting, ref returns);
                }
                else
                {
                    var ignored = Taint.Clean;
                    for (var round = 0; round < MaxRounds && _work < MaxWork; round++)
                    {
                        if (!Iterate(graph, blocks, inputs, outputs, dirty, response, reporting: false, ref ignored))
                        {
                            break;
                        }
                    }

                    // The final pass, from the fixed point: the only one that reports.
                    for (var i = 0; i < blocks.Length; i++)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        if (inputs[i] is { } input)
                        {
                            var state = input.Clone();
                            returns = returns.Union(Transfer(blocks[i], new Frame(state, graph, response, reporting)));
                            outputs[i] = state;
                        }
                    }
                }

                if (reporting)
                {
                    AnalyzeUncalledLocalFunctions(graph, outputs);
                }

                exit = inputs[blocks.Length - 1];
                return returns;
            }
            finally
            {
                _active.Remove(graph);
            }
        }

        /// <summary>
        /// True when every reachable block but the entry is entered only from blocks before it: no loop, no catch or
        /// finally handler (entered from anywhere in its try block). Roslyn numbers blocks in the order they are written,
        /// so most bodies without loops qualify.
        /// </summary>
        public static bool IsForwardOnly(ImmutableArray<BasicBlock> blocks)
        {
            for (var i = 1; i < blocks.Length; i++)
            {
                var block = blocks[i];
                if (!block.IsReachable)
                {
                    continue;
                }

                if (block.Predecessors.IsEmpty)
                {
                    return false;
                }

                foreach (var predecessor in block.Predecessors)
                {
                    if (predecessor.Source.Ordinal >= i)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// One pass over the blocks in order; true when any block's input grew. Only blocks whose input changed since
        /// they were last run (<paramref name="dirty"/>) are run again: the same input gives the same output, so this
        /// reaches the same fixed point as running every block every pass, with less work. What the blocks run return
        /// is added to <paramref name="returns"/>.
        /// </summary>
        private bool Iterate(
            ControlFlowGraph graph, ImmutableArray<BasicBlock> blocks, FlowState?[] inputs, FlowState?[] outputs, bool[] dirty, SinkCall? response, bool reporting, ref Taint returns)
        {
            var changed = false;
            for (var i = 0; i < blocks.Length; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var block = blocks[i];
                if (i != 0 && block.Predecessors.IsEmpty && block.IsReachable)
                {
                    // A catch or finally handler is entered from anywhere in its try block: start it from everything
                    // the try block held (what is known before the try, and on every path through it).
                    var handler = inputs[i] ?? new FlowState(ConsentFacts.All);
                    var grew = inputs[i] is null;
                    var (first, last) = TryBlocksOf(block, blocks.Length);
                    for (var j = first; j <= last; j++)
                    {
                        foreach (var known in new[] { inputs[j], outputs[j] })
                        {
                            if (known is not null && j != i && handler.MergeFrom(known))
                            {
                                grew = true;
                            }
                        }
                    }

                    inputs[i] = handler;
                    changed |= grew;
                    dirty[i] |= grew;
                }

                if (!dirty[i] || inputs[i] is not { } input)
                {
                    continue;
                }

                dirty[i] = false;

                var state = input.Clone();
                returns = returns.Union(Transfer(block, new Frame(state, graph, response, reporting)));
                outputs[i] = state;
                if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is { } condition
                    && ConditionOf(condition, state) is { IsUnknown: false } consent)
                {
                    // if (consent.Has(v)) ...: each way out of the test knows what the test said.
                    var jump = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? consent.WhenTrue : consent.WhenFalse;
                    var fall = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? consent.WhenFalse : consent.WhenTrue;
                    changed |= Flow(block.ConditionalSuccessor, WithConsent(state, jump), inputs, dirty);
                    changed |= Flow(block.FallThroughSuccessor, WithConsent(state, fall), inputs, dirty);
                }
                else
                {
                    changed |= Flow(block.FallThroughSuccessor, state, inputs, dirty);
                    changed |= Flow(block.ConditionalSuccessor, state, inputs, dirty);
                }
            }

            return changed;
        }

        /// <summary>
        /// The blocks of the try region a handler block (catch, filter or finally) belongs to; the whole graph when the
        /// block heads no handler.
        /// </summary>
        private static (int First, int Last) TryBlocksOf(BasicBlock block, int count)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.FirstBlockOrdinal == block.Ordinal
                    && region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally
                    && region.EnclosingRegion is { } parent)
                {
                    foreach (var sibling in parent.NestedRegions)
                    {
                        if (sibling.Kind == ControlFlowRegionKind.Try)
                        {
                            return (sibling.FirstBlockOrdinal, sibling.LastBlockOrdinal);
                        }
                    }
                }
            }

            return (0, count - 1);
        }

        private static bool Flow(ControlFlowBranch? branch, FlowState state, FlowState?[] inputs, bool[] dirty)
        {
            if (branch?.Destination is not { } destination)
            {
                return false;
            }

            if (inputs[destination.Ordinal] is { } existing)
            {
                var grew = existing.MergeFrom(state);
                dirty[destination.Ordinal] |= grew;
                return grew;
            }

            inputs[destination.Ordinal] = state.Clone();
            dirty[destination.Ordinal] = true;
            return true;
        }

        /// <summary>Runs a block's operations on the frame's state; returns what the block returns, if it returns.</summary>
        private Taint Transfer(BasicBlock block, in Frame frame)
        {
            foreach (var operation in block.Operations)
            {
                Evaluate(operation, frame);
            }

            if (block.BranchValue is { } branchValue)
            {
                var value = block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return && _summarizing is not null && frame.Reporting
                    && frame.Graph == _ownGraph && TypeShapes.ReturnedTuple(_summarizing) is { } tuple
                    ? ReturnTuple(branchValue, tuple, frame)
                    : Evaluate(branchValue, frame);
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    if (frame.Response is { } response)
                    {
                        ReportResponse(response, branchValue, value, frame);
                    }

                    return value;
                }
            }

            return Taint.Clean;
        }

        private void AnalyzeUncalledLocalFunctions(ControlFlowGraph graph, FlowState?[] outputs)
        {
            if (graph.LocalFunctions.IsEmpty)
            {
                return;
            }

            var everything = new FlowState();
            foreach (var output in outputs)
            {
                if (output is not null)
                {
                    everything.MergeFrom(output);
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                if (!_analyzedLocalFunctions.Contains(localFunction))
                {
                    AnalyzeNested(graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken), everything, reporting: true, localFunction.Parameters, ImmutableArray<Taint>.Empty);
                }
            }
        }

        /// <summary>
        /// Analyzes a lambda or local function body from <paramref name="captured"/>, with its parameters holding
        /// <paramref name="arguments"/>; its return values go to <paramref name="response"/> when it is a route handler.
        /// It reports its sinks only when its caller does (<paramref name="reporting"/>): in the caller's final pass.
        /// </summary>
        private Taint AnalyzeNested(
            ControlFlowGraph graph, FlowState captured, bool reporting, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<Taint> arguments, SinkCall? response = null)
        {
            if (_active.Contains(graph) || _active.Count > MaxNesting)
            {
                return Taint.Clean;
            }

            var entry = captured.Clone();
            for (var i = 0; i < parameters.Length; i++)
            {
                entry.Set(parameters[i], i < arguments.Length ? arguments[i] : Taint.Clean);
            }

            return AnalyzeGraph(graph, entry, response, reporting, out _);
        }
    }
}
