using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Follows personal data through one method body, flow-sensitively, on its control-flow graph: a forward data-flow
    /// analysis whose state (<see cref="FlowState"/>) says what each local, parameter and flow capture holds. States
    /// join where paths meet; the analysis iterates to a fixed point, then makes one last pass in which sinks are
    /// reported to the <see cref="IFlowObserver"/>. Lambdas and local functions are analyzed where they are created or
    /// called, with the caller's state (captures) and the data passed to their parameters.
    /// <para>
    /// Bounds, so that no method can make the analysis slow: at most <see cref="MaxRounds"/> passes to a fixed point,
    /// <see cref="MaxWork"/> evaluated operations per method (past that the analysis stops iterating and reports from
    /// what it has), lambdas and local functions nested <see cref="MaxNesting"/> deep, expressions
    /// <see cref="MaxExpressionDepth"/> deep, and helpers <see cref="MethodSummaries.MaxDepth"/> calls deep.
    /// </para>
    /// </summary>
    internal sealed partial class TaintWalker
    {
        public const int MaxRounds = 12;
        public const int MaxWork = 200_000;
        public const int MaxNesting = 4;
        public const int MaxExpressionDepth = 256;

        private readonly FlowContext _context;
        private readonly IFlowObserver _observer;
        private readonly int _depth;
        private readonly IMethodSymbol? _summarizing;
        private readonly PiiConfiguration _configuration;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ControlFlowGraph> _active = new HashSet<ControlFlowGraph>();
        private readonly HashSet<IMethodSymbol> _analyzedLocalFunctions = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        private readonly List<IOperation> _operands = new List<IOperation>();

        /// <summary>The sink each call or creation of the graph is, matched once: blocks are evaluated several times.</summary>
        private readonly Dictionary<IOperation, SinkCall?> _sinks = new Dictionary<IOperation, SinkCall?>();

        /// <summary>A method whose calls' consent is recorded in <see cref="WatchedConsent"/> (see <see cref="CallerConsent"/>).</summary>
        public IMethodSymbol? Watched { get; set; }

        /// <summary>The consent known at every call of <see cref="Watched"/> the final pass went through; null: none seen.</summary>
        public ConsentFacts? WatchedConsent { get; private set; }

        private void Watch(IMethodSymbol method)
        {
            if (Watched is not null && _reporting && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, Watched))
            {
                WatchedConsent = WatchedConsent is { } known ? known.Intersect(_state.Consent) : _state.Consent;
            }
        }

        // The input state of the exit block of the graph analyzed last (see AnalyzeGraph).
        private FlowState? _lastExit;

        // The kind of sink the analyzed method is itself, if any (see OwnerSink).
        private SinkKind? _ownerSink;

        // The response the analyzed method's return values are serialized into (a controller action's), if any.
        private SinkCall? _ownerResponse;

        // The response the graph being analyzed returns into (the method's, or a route handler lambda's), if any.
        private SinkCall? _response;

        // Flow captures that hold a local or parameter itself (null: not on every path); see RecordAlias.
        private Dictionary<CaptureId, ISymbol?>? _aliases;

        // Flow captures that stand for an assignment's target member (null: not the same one on every path).
        private Dictionary<CaptureId, IOperation?>? _lvalues;

        // Flow captures that hold an object under construction (its initializer fills the members through the capture).
        private HashSet<CaptureId>? _creations;

        /// <summary>What each element of the tuple a summarized call returned holds, by call (see ElementsReturnedBy).</summary>
        private Dictionary<IOperation, Taint[]>? _returnedElements;

        private FlowState _state = new FlowState();

        /// <summary>
        /// True once the body consulted, or at depth 0 would have consulted, a helper's summary: only then can its
        /// result depend on the depth it is analyzed at (<see cref="MethodSummaries"/> shares the others across depths).
        /// </summary>
        public bool DependsOnDepth { get; private set; }

        private ControlFlowGraph? _graph;
        private bool _reporting;
        private int _work;
        private int _expressionDepth;

        /// <param name="context">The compilation's context.</param>
        /// <param name="observer">Told about every sink that data reaches, in the final pass.</param>
        /// <param name="depth">Helpers are followed through their summaries at <c>depth - 1</c>; 0 follows none.</param>
        /// <param name="summarizing">The method being summarized (its parameters become placeholders), or null.</param>
        /// <param name="configuration">The extra sinks, consent checks and redactors configured for the body's file.</param>
        /// <param name="cancellationToken">Honoured between blocks and operations.</param>
        public TaintWalker(FlowContext context, IFlowObserver observer, int depth, IMethodSymbol? summarizing, PiiConfiguration configuration, CancellationToken cancellationToken)
        {
            _configuration = configuration;
            _context = context;
            _observer = observer;
            _depth = depth;
            _summarizing = summarizing;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// Analyzes a method body's graph, reports its sinks, and returns what its return value carries.
        /// <paramref name="owner"/> is the method the body belongs to: inside a <c>[RequiresConsent]</c> method, its
        /// callers have checked consent.
        /// </summary>
        public Taint Analyze(ControlFlowGraph graph, IMethodSymbol? owner)
        {
            _ownerSink = OwnerSink(owner);
            _ownerResponse = _summarizing is null ? _context.Responses.OfAction(owner) : null;
            var entry = new FlowState(EntryConsent(owner));
            if (_summarizing is not null)
            {
                foreach (var parameter in _summarizing.Parameters)
                {
                    entry.Set(parameter, Taint.Direct(Origin.OfParameter(parameter.Ordinal, allMembers: false)).Union(Declared(parameter)));
                }
            }

            _reporting = true;
            _ownGraph = graph;
            var returns = AnalyzeGraph(graph, entry, _ownerResponse);
            if (_summarizing is not null)
            {
                ParameterWrites = WritesToParameters(entry, _lastExit);
            }

            return returns;
        }

        /// <summary>
        /// While summarizing: what the method put into each parameter's object (<c>template["name"] = user.Name</c>,
        /// <c>builder.Append(email)</c>), by ordinal; default when it wrote nothing.
        /// </summary>
        public ImmutableArray<Taint> ParameterWrites { get; private set; }

        /// <summary>
        /// While summarizing a method that returns a tuple: what each element of the returned value holds, joined over
        /// every return; default when a return gives only the whole (see <see cref="MethodSummary.ReturnElements"/>).
        /// </summary>
        public ImmutableArray<Taint> ReturnElements => _returnElementsKnown && _returnElements is not null ? _returnElements.ToImmutableArray() : default;

        private Taint[]? _returnElements;
        private bool _returnElementsKnown = true;
        private ControlFlowGraph? _ownGraph;

        private ImmutableArray<Taint> WritesToParameters(FlowState entry, FlowState? exit)
        {
            if (exit is null || _summarizing is null)
            {
                return default;
            }

            Taint[]? writes = null;
            foreach (var parameter in _summarizing.Parameters)
            {
                // A copy (a struct) or an immutable string can be rebound inside, never changed for the caller.
                if (TypeShapes.IsScalar(parameter.Type) || parameter.RefKind != RefKind.None
                    || (parameter.Type.IsValueType && !parameter.Type.IsTupleType) || parameter.Type.SpecialType == SpecialType.System_String
                    || parameter.Type.IsTupleType || !exit.TryGet(parameter, out var held))
                {
                    continue;
                }

                entry.TryGet(parameter, out var given);
                var added = Added(held, given);
                if (!added.IsClean)
                {
                    (writes ??= new Taint[_summarizing.Parameters.Length])[parameter.Ordinal] = added;
                }
            }

            return writes is null ? default : writes.ToImmutableArray();
        }

        /// <summary>The origins <paramref name="held"/> has that <paramref name="given"/> had not.</summary>
        private static Taint Added(Taint held, Taint given)
        {
            if (given.IsClean)
            {
                return held;
            }

            var printed = held.Printed.RemoveAll(origin => given.Printed.Contains(origin) || given.Contained.Contains(origin));
            var contained = held.Contained.RemoveAll(origin => given.Contained.Contains(origin));
            return printed.IsEmpty && contained.IsEmpty ? Taint.Clean : Taint.Create(printed, contained);
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
            var reporting = _reporting;
            _graph = null;
            _reporting = false;
            for (var round = 0; round < MaxRounds && _work < MaxWork; round++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                _state = state.Clone();
                Evaluate(root);
                if (!state.MergeFrom(_state))
                {
                    break;
                }
            }

            _reporting = true;
            _state = state.Clone();
            Evaluate(root);
            _reporting = reporting;
        }

        /// <summary>
        /// The kind of sink the analyzed method itself is (a repository method named in <c>pii_analyzers.persistence_sinks</c>,
        /// an audit method marked <c>[PersonalDataSink]</c>): its callers report what they pass it, and the same write is
        /// not reported a second time inside it.
        /// </summary>
        private SinkKind? OwnerSink(IMethodSymbol? owner)
            => owner is null || _summarizing is not null ? null : _context.Sinks.KindOfSinkMethod(owner, _configuration);

        /// <summary>The consent a body starts with: inside a <c>[RequiresConsent]</c> method, its callers have checked it.</summary>
        private ConsentFacts EntryConsent(IMethodSymbol? owner)
            => owner is not null && _context.Consent.Requirement(owner) is { } required ? ConsentFacts.For(required.Purposes) : ConsentFacts.None;

        /// <summary>True when <paramref name="root"/> calls or reads a consent check anywhere.</summary>
        private bool ChecksConsent(IOperation root)
        {
            foreach (var operation in new OperationWalk(root))
            {
                if (ConsentCheckOf(operation) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <param name="graph">The method's, lambda's or local function's graph.</param>
        /// <param name="entry">The state it starts from.</param>
        /// <param name="response">The response its return values are serialized into, if any.</param>
        private Taint AnalyzeGraph(ControlFlowGraph graph, FlowState entry, SinkCall? response = null)
        {
            var outerState = _state;
            var outerGraph = _graph;
            var outerResponse = _response;
            var reporting = _reporting;
            _response = response;
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
                    _reporting = reporting;
                    Iterate(graph, blocks, inputs, outputs, dirty, ref returns);
                }
                else
                {
                    _reporting = false;
                    var ignored = Taint.Clean;
                    for (var round = 0; round < MaxRounds && _work < MaxWork; round++)
                    {
                        if (!Iterate(graph, blocks, inputs, outputs, dirty, ref ignored))
                        {
                            break;
                        }
                    }

                    // The final pass, from the fixed point: the only one that reports.
                    _reporting = reporting;
                    for (var i = 0; i < blocks.Length; i++)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        if (inputs[i] is { } input)
                        {
                            var state = input.Clone();
                            returns = returns.Union(Transfer(graph, blocks[i], state));
                            outputs[i] = state;
                        }
                    }
                }

                if (reporting)
                {
                    AnalyzeUncalledLocalFunctions(graph, outputs);
                }

                // The state at the exit block: read by the summary for what the method wrote into its parameters. A nested
                // graph (a lambda's) sets it first; the method's own graph, finishing last, sets it last.
                _lastExit = inputs[blocks.Length - 1];
                return returns;
            }
            finally
            {
                _active.Remove(graph);
                _state = outerState;
                _graph = outerGraph;
                _response = outerResponse;
                _reporting = reporting;
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
        private bool Iterate(ControlFlowGraph graph, ImmutableArray<BasicBlock> blocks, FlowState?[] inputs, FlowState?[] outputs, bool[] dirty, ref Taint returns)
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
                returns = returns.Union(Transfer(graph, block, state));
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

        /// <summary>Runs a block's operations on <paramref name="state"/>; returns what the block returns, if it returns.</summary>
        private Taint Transfer(ControlFlowGraph graph, BasicBlock block, FlowState state)
        {
            _state = state;
            _graph = graph;
            foreach (var operation in block.Operations)
            {
                Evaluate(operation);
            }

            if (block.BranchValue is { } branchValue)
            {
                var value = block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return && _summarizing is not null && _reporting
                    && graph == _ownGraph && TypeShapes.ReturnedTuple(_summarizing) is { } tuple
                    ? ReturnTuple(branchValue, tuple)
                    : Evaluate(branchValue);
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    if (_response is not null)
                    {
                        ReportResponse(_response, branchValue, value);
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
                    AnalyzeNested(graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken), everything, localFunction.Parameters, ImmutableArray<Taint>.Empty);
                }
            }
        }

        /// <summary>
        /// Analyzes a lambda or local function body from <paramref name="captured"/>, with its parameters holding
        /// <paramref name="arguments"/>; its return values go to <paramref name="response"/> when it is a route handler.
        /// </summary>
        private Taint AnalyzeNested(ControlFlowGraph graph, FlowState captured, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<Taint> arguments, SinkCall? response = null)
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

            return AnalyzeGraph(graph, entry, response);
        }
    }
}
