using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Summaries of the source methods of one compilation, computed on demand and cached.
    /// <para>
    /// Bounds: a summary at depth <c>d</c> uses its callees' summaries at depth <c>d - 1</c>, and depth 0 uses none, so
    /// data is followed at most <see cref="MaxDepth"/> calls deep, there is no recursion between summaries, and the result
    /// never depends on the order methods are analyzed in. Each method is summarized at most once per depth, and a
    /// body larger than <see cref="MaxOperations"/> operations is not summarized (treated as a library method).
    /// </para>
    /// </summary>
    internal sealed class MethodSummaries
    {
        /// <summary>How many calls deep data is followed from the method being analyzed.</summary>
        public const int MaxDepth = 3;

        /// <summary>Bodies with more operations than this are not summarized.</summary>
        public const int MaxOperations = 5000;

        private readonly FlowContext _context;
        private readonly ConcurrentDictionary<SymbolAtDepth<IMethodSymbol>, Lazy<MethodSummary>> _cache = new ConcurrentDictionary<SymbolAtDepth<IMethodSymbol>, Lazy<MethodSummary>>();

        // HasSummarizableBody is asked for every read of a property with a getter (most are auto-properties): its answer,
        // which reads the declarations' syntax (a new array per call for a source symbol), is kept per getter.
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _summarizableBodies = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        public MethodSummaries(FlowContext context)
        {
            _context = context;
            _implementations = new Implementations(context.Compilation);
        }

        private readonly Implementations _implementations;

        /// <summary>
        /// The bodies a virtual call may run that can be summarized: the called member's own, and those of every
        /// implementation and override in this compilation (at most <see cref="Implementations.MaxImplementations"/>);
        /// empty when none can be. Default for a call that is not dispatched: a direct call (<c>base.M()</c> included), or
        /// a member that <see cref="Implementations.IsDispatched"/> does not follow.
        /// </summary>
        public ImmutableArray<IMethodSymbol> DispatchTargets(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!invocation.IsVirtual || !Implementations.IsDispatched(method))
            {
                return default;
            }

            var definition = method.OriginalDefinition;
            return _targets.TryGetValue(definition, out var known) ? known : _targets.GetOrAdd(definition, ComputeTargets(definition));
        }

        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _targets = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);

        private ImmutableArray<IMethodSymbol> ComputeTargets(IMethodSymbol method)
        {
            var own = CanSummarize(method);
            var others = _implementations.Of(method);
            if (others.IsEmpty)
            {
                return own ? ImmutableArray.Create(method) : ImmutableArray<IMethodSymbol>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>(others.Length + 1);
            if (own)
            {
                builder.Add(method);
            }

            foreach (var other in others)
            {
                if (CanSummarize(other))
                {
                    builder.Add(other);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The summaries of <paramref name="targets"/> at <paramref name="depth"/>, joined; null when none has one.</summary>
        public MethodSummary? Get(ImmutableArray<IMethodSymbol> targets, int depth, CancellationToken cancellationToken)
        {
            if (targets.Length == 1)
            {
                return Get(targets[0], depth, cancellationToken);
            }

            MethodSummary? joined = null;
            foreach (var target in targets)
            {
                if (Get(target, depth, cancellationToken) is { } summary)
                {
                    joined = joined is null ? summary : joined.Join(summary);
                }
            }

            return joined;
        }

        /// <summary>
        /// True when <paramref name="method"/> has a body in this compilation that can be summarized. A method of another
        /// assembly is a library method, even when its source is at hand: in the IDE a project reference gives source
        /// symbols whose syntax trees belong to the referenced project's compilation, and they are treated as the built
        /// reference that `dotnet build` passes would be.
        /// </summary>
        public bool CanSummarize(IMethodSymbol method)
            => !method.IsAbstract && !method.IsExtern && method.MethodKind != MethodKind.LocalFunction
                && method.MethodKind != MethodKind.AnonymousFunction
                && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _context.Compilation.Assembly)
                && method.DeclaringSyntaxReferences.Length > 0;

        /// <summary>
        /// True when <paramref name="method"/> is summarized from a body of its own (not an auto-property accessor, whose
        /// summary is empty at every depth).
        /// </summary>
        public bool HasSummarizableBody(IMethodSymbol method)
        {
            method = Normalize(method);
            return _summarizableBodies.TryGetValue(method, out var known)
                ? known
                : _summarizableBodies.GetOrAdd(method, ComputeHasSummarizableBody(method));
        }

        private bool ComputeHasSummarizableBody(IMethodSymbol method)
        {
            if (!CanSummarize(method))
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (BodySyntax(reference.GetSyntax()) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The declaration a summary is kept for: the original definition, the implementing part of a partial method.</summary>
        public static IMethodSymbol Normalize(IMethodSymbol method)
        {
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        /// <summary>The summary of <paramref name="method"/> computed <paramref name="depth"/> calls deep, or null.</summary>
        public MethodSummary? Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            method = Normalize(method);
            if (depth < 0)
            {
                return null;
            }

            // Only methods that can be summarized are cached: a hit needs no second look at the declarations.
            var key = new SymbolAtDepth<IMethodSymbol>(method, depth);
            if (!_cache.TryGetValue(key, out var lazy))
            {
                if (!CanSummarize(method))
                {
                    return null;
                }

                lazy = _cache.GetOrAdd(key, NewSummary(key, cancellationToken));
            }

            try
            {
                return lazy.Value;
            }
            catch (OperationCanceledException)
            {
                // Do not keep a cancelled computation: the next analysis computes it again.
                ((ICollection<KeyValuePair<SymbolAtDepth<IMethodSymbol>, Lazy<MethodSummary>>>)_cache).Remove(new KeyValuePair<SymbolAtDepth<IMethodSymbol>, Lazy<MethodSummary>>(key, lazy));
                throw;
            }
        }

        /// <summary>How many summaries were computed (not taken from the cache): for tests of what is skipped.</summary>
        public int Computed => _computed;

        private int _computed;

        private MethodSummary Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _computed);
            var root = GetBody(method, cancellationToken);
            if (root is null || CountOperations(root) > MaxOperations
                || (method.Parameters.IsEmpty && !_context.Scan.Carries(method, cancellationToken)))
            {
                // Nothing passed in and no personal data of its own: nothing to summarize, and no graph to build.
                return MethodSummary.Empty;
            }

            // One graph per body, shared by every depth and by the analysis of the body itself (FlowContext.GetGraph).
            var graph = _context.GetBodyGraph(root, cancellationToken);
            if (graph is null)
            {
                // Code with errors can yield operations a graph cannot be built from: summarize nothing.
                return MethodSummary.Empty;
            }

            var recorder = new SummaryRecorder(method.Parameters.Length);
            var walker = new TaintWalker(_context, recorder, depth, summarizing: method, _context.GetConfiguration(root.Syntax.SyntaxTree), cancellationToken);
            var returns = walker.Analyze(graph, method);
            var summary = recorder.ToSummary(returns, walker.ParameterWrites, walker.ReturnElements);
            if (!walker.DependsOnDepth)
            {
                // The body consulted no helper: its summary is the same at every depth, so compute it once.
                for (var other = 0; other < MaxDepth; other++)
                {
                    if (other != depth)
                    {
                        _cache.TryAdd(new SymbolAtDepth<IMethodSymbol>(method, other), new Lazy<MethodSummary>(() => summary));
                    }
                }
            }

            return summary;
        }

        /// <summary>A summary computed once, on first use, by whichever thread asks first.</summary>
        private Lazy<MethodSummary> NewSummary(SymbolAtDepth<IMethodSymbol> key, CancellationToken cancellationToken)
            => new Lazy<MethodSummary>(() => Compute(key.Symbol, key.Depth, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>The operation of <paramref name="method"/>'s body (a method body, constructor body or block), or null.</summary>
        public IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var body = BodySyntax(reference.GetSyntax(cancellationToken));
                if (body is null || !_context.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue; // no body, or one of another project's compilation (see CanSummarize; a computed property's
                              // getter comes here through BodyScan.Carries without CanSummarize)
                }

                var model = _context.GetSemanticModel(reference.SyntaxTree, cancellationToken);
                var operation = model.GetOperation(body, cancellationToken);
                if (operation is { Parent: null } and (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation))
                {
                    return operation;
                }
            }

            return null;
        }

        private static SyntaxNode? BodySyntax(SyntaxNode syntax) => syntax switch
        {
            BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null } => syntax,
            AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } => syntax,
            ArrowExpressionClauseSyntax => syntax,
            _ => null,
        };

        private static int CountOperations(IOperation root)
        {
            var count = 0;
            foreach (var _ in new OperationWalk(root))
            {
                if (++count > MaxOperations)
                {
                    break;
                }
            }

            return count;
        }

        /// <summary>Collects, while a method is summarized, the sinks its parameters reach.</summary>
        private sealed class SummaryRecorder : IFlowObserver
        {
            /// <summary>Bounds what a summary carries of the data its method writes itself.</summary>
            private const int MaxDataSinks = 16;

            private readonly List<ParameterSink>[] _sinks;
            private readonly List<DataSink> _dataSinks = new List<DataSink>();

            public SummaryRecorder(int parameterCount)
            {
                _sinks = new List<ParameterSink>[parameterCount];
            }

            public void OnSink(in SinkEvent sink)
            {
                if (Sinks.SinkKinds.NeedsConsent(sink.Kind))
                {
                    var data = sink.Visible.RemoveAll(origin => origin.IsParameter);
                    if (!data.IsEmpty && _dataSinks.Count < MaxDataSinks)
                    {
                        _dataSinks.Add(new DataSink(new ParameterSink(sink.Kind, sink.Sink, sink.MembersVisible, sink.Consent, sink.RootType, sink.Purposes, sink.IgnoreAttribute, sink.EntityStore), data));
                    }
                }

                foreach (var origin in sink.Visible)
                {
                    if (!origin.IsParameter || origin.Parameter >= _sinks.Length)
                    {
                        continue;
                    }

                    var reached = new ParameterSink(sink.Kind, sink.Sink, sink.MembersVisible || origin.AllMembers, sink.Consent, sink.RootType, sink.Purposes, sink.IgnoreAttribute, sink.EntityStore);
                    var list = _sinks[origin.Parameter] ??= new List<ParameterSink>();
                    if (!list.Exists(s => s.Kind == reached.Kind && s.MembersVisible == reached.MembersVisible && s.Sink == reached.Sink
                        && s.Consent.SetEquals(reached.Consent) && SymbolEqualityComparer.Default.Equals(s.RootType, reached.RootType)
                        && Sinks.SinkPurposes.SameAs(s.Purposes, reached.Purposes)))
                    {
                        list.Add(reached);
                    }
                }
            }

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
                // Reported where the helper itself is analyzed; nothing to carry to its callers.
            }

            public MethodSummary ToSummary(Taint returns, ImmutableArray<Taint> parameterWrites, ImmutableArray<Taint> returnElements)
            {
                var builder = ImmutableArray.CreateBuilder<ImmutableArray<ParameterSink>>(_sinks.Length);
                foreach (var list in _sinks)
                {
                    builder.Add(list is null ? ImmutableArray<ParameterSink>.Empty : list.ToImmutableArray());
                }

                return new MethodSummary(builder.MoveToImmutable(), returns, parameterWrites, _dataSinks.ToImmutableArray(), returnElements);
            }
        }
    }
}
