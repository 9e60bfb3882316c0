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

        private void Watch(IMethodSymbol method, in Frame frame)
        {
            if (Watched is not null && frame.Reporting && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, Watched))
            {
                WatchedConsent = WatchedConsent is { } known ? known.Intersect(frame.State.Consent) : frame.State.Consent;
            }
        }

        // The kind of sink the analyzed method is itself, if any (see OwnerSink).
        private SinkKind? _ownerSink;

        // The response the analyzed method's return values are serialized into (a controller action's), if any.
        private SinkCall? _ownerResponse;

        // Flow captures that hold a local or parameter itself (null: not on every path); see RecordAlias.
        private Dictionary<CaptureId, ISymbol?>? _aliases;

        // Flow captures that stand for an assignment's target member (null: not the same one on every path).
        private Dictionary<CaptureId, IOperation?>? _lvalues;

        // Flow captures that hold an object under construction (its initializer fills the members through the capture).
        private HashSet<CaptureId>? _creations;

        /// <summary>What each element of the tuple a summarized call returned holds, by call (see ElementsReturnedBy).</summary>
        private Dictionary<IOperation, Taint[]>? _returnedElements;

        /// <summary>
        /// True once the body consulted, or at depth 0 would have consulted, a helper's summary: only then can its
        /// result depend on the depth it is analyzed at (<see cref="MethodSummaries"/> shares the others across depths).
        /// </summary>
        public bool DependsOnDepth { get; private set; }

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

            _ownGraph = graph;
            var returns = AnalyzeGraph(graph, entry, _ownerResponse, reporting: true, out var exit);
            if (_summarizing is not null)
            {
                ParameterWrites = WritesToParameters(entry, exit);
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
    }
}
