using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Decides, in one walk over a body's operations and before any control-flow graph is built, whether the flow
    /// engine could find anything in it. Most code handles no personal data, or sends none anywhere; only bodies with
    /// both a source of personal data and a way out (a sink, or a call to a helper that reaches one) are analyzed.
    /// <para>
    /// A source is everything the engine itself starts taint from (<see cref="TaintWalker"/>): a member, parameter or
    /// return value declared as personal data or that the framework hands out (<see cref="PersonalData.FrameworkSources"/>),
    /// a value whose type holds personal data
    /// (<see cref="PersonalData.PersonalDataCatalog.GetContainerTaint"/>), or a call to a source method or computed
    /// property whose body, transitively, has a source. The scan is therefore sound: a body it rejects would report
    /// nothing. A call to a <c>[RequiresConsent]</c> method (PII009, no personal data needed) always counts.
    /// </para>
    /// Thread-safe; one instance per compilation. Whether a helper carries personal data is cached per method.
    /// </summary>
    internal sealed class BodyScan
    {
        private readonly FlowContext _context;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _carries = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _reaches = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _mutates = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>
        /// True when <paramref name="method"/>'s body writes into an object a parameter refers to: a member, an indexer or
        /// an element set through it (<c>placeholders["name"] = ...</c>), or a mutator called on it (<c>list.Add</c>,
        /// <c>builder.Append</c>). Such a helper is summarized even when it returns nothing and reaches no sink: its caller's
        /// object holds what it put in. Cached per method; helpers it calls are not looked into.
        /// </summary>
        public bool MutatesParameter(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = MethodSummaries.Normalize(method);
            if (_mutates.TryGetValue(method, out var known))
            {
                return known;
            }

            var result = false;
            if (!method.Parameters.IsEmpty && _context.Summaries.GetBody(method, cancellationToken) is { } root)
            {
                foreach (var operation in new OperationWalk(root))
                {
                    var written = operation switch
                    {
                        ISimpleAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } assignment => assignment.Target,
                        ICompoundAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } compound => compound.Target,
                        IInvocationOperation { Instance: { } instance } invocation when LibraryModels.IsMutator(invocation.TargetMethod.Name) => instance,
                        _ => null,
                    };

                    if (written is not null && IsRootedInParameter(written))
                    {
                        result = true;
                        break;
                    }
                }
            }

            return _mutates.GetOrAdd(method, result);
        }

        private static bool IsRootedInParameter(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IParameterReferenceOperation:
                        return true;
                    case IMemberReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    case IArrayElementReferenceOperation element:
                        operation = element.ArrayReference;
                        continue;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    default:
                        return false;
                }
            }
        }

        public BodyScan(FlowContext context)
        {
            _context = context;
        }

        /// <summary>
        /// Bodies with more branches than this (each an <c>if</c>, loop, <c>case</c> label, switch arm, <c>?.</c>,
        /// <c>??</c>, <c>&amp;&amp;</c>, <c>||</c> or <c>catch</c>) are analyzed without a control-flow graph: Roslyn's
        /// graph builder takes time quadratic in the number of blocks (about 2 per branch): 4,000 blocks take 30 to
        /// 45 ms, 20,000 blocks 0.7 to 2.7 s (docs/performance.md).
        /// </summary>
        public const int MaxBranchesForGraph = 2000;

        /// <summary>
        /// True when the flow engine could report something in the body <paramref name="root"/>, whose file has
        /// <paramref name="configuration"/>.
        /// </summary>
        public bool IsWorthAnalyzing(IOperation root, Configuration.PiiConfiguration configuration, CancellationToken cancellationToken)
            => Plan(root, configuration, cancellationToken) != BodyPlan.Skip;

        /// <summary>
        /// Whether and how to analyze the body <paramref name="root"/>: not at all when the engine could report nothing
        /// in it, without a graph when it has more than <see cref="MaxBranchesForGraph"/> branches.
        /// </summary>
        /// <param name="respondsWithReturns">
        /// The body's return values are written to a response (a controller action's): a source is enough.
        /// </param>
        public BodyPlan Plan(IOperation root, Configuration.PiiConfiguration configuration, CancellationToken cancellationToken, bool respondsWithReturns = false)
        {
            var source = false;
            var requiresConsent = false;
            var branches = 0;
            List<IOperation>? exits = null;
            List<IMethodSymbol>? helpers = null;
            foreach (var operation in new OperationWalk(root))
            {
                if (IsBranch(operation))
                {
                    branches++;
                }

                if (requiresConsent)
                {
                    continue; // analyzed anyway: only the branches still count
                }

                if (MayExit(operation))
                {
                    if (RequiresConsent(operation))
                    {
                        requiresConsent = true;
                        continue;
                    }

                    (exits ??= new List<IOperation>()).Add(operation);
                }

                source = source || IsSource(operation, ref helpers);
            }

            var plan = branches > MaxBranchesForGraph ? BodyPlan.WithoutGraph : BodyPlan.Graph;
            if (requiresConsent)
            {
                return plan;
            }

            if (respondsWithReturns && (source || AnyCarries(helpers, new Search(), cancellationToken)))
            {
                return plan; // what it returns is serialized into the response
            }

            // No source of its own: data can still come back from a helper (var label = Label(customerId)).
            if (exits is null || !(source || AnyCarries(helpers, new Search(), cancellationToken)))
            {
                return BodyPlan.Skip;
            }

            // Data in, and calls out: is one of them a sink, or a helper that reaches one?
            var search = new Search();
            foreach (var exit in exits)
            {
                if (IsExit(exit, configuration, search, cancellationToken))
                {
                    return plan;
                }
            }

            return BodyPlan.Skip;
        }

        /// <summary>An operation the control-flow graph splits blocks at (see <see cref="MaxBranchesForGraph"/>).</summary>
        /// <remarks>Tested by kind, not by interface: the scan asks this of every operation (an interface test each is dearer).</remarks>
        private static bool IsBranch(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.Conditional:
                case OperationKind.CaseClause:
                case OperationKind.SwitchExpressionArm:
                case OperationKind.Loop:
                case OperationKind.ConditionalAccess:
                case OperationKind.Coalesce:
                case OperationKind.CoalesceAssignment:
                case OperationKind.CatchClause:
                    return true;
                case OperationKind.Binary:
                    return ((IBinaryOperation)operation).OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr;
                default:
                    return false;
            }
        }

        /// <summary>The operations data can leave through: calls, object creations, dynamic operations, property writes.</summary>
        private static bool MayExit(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                case OperationKind.ObjectCreation:
                case OperationKind.DynamicInvocation:
                case OperationKind.DynamicObjectCreation:
                    return true;
                case OperationKind.SimpleAssignment:
                    return ((ISimpleAssignmentOperation)operation).Target.Kind == OperationKind.PropertyReference;
                default:
                    return false;
            }
        }

        /// <summary>A call or <c>new</c> of a <c>[RequiresConsent]</c> method or constructor (PII009 needs no personal data).</summary>
        private bool RequiresConsent(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => _context.Consent.Requirement(invocation.TargetMethod) is not null,
            IObjectCreationOperation { Constructor: { } constructor } => _context.Consent.Requirement(constructor) is not null,
            _ => false,
        };

        private bool AnyCarries(List<IMethodSymbol>? helpers, Search search, CancellationToken cancellationToken)
        {
            if (helpers is not null)
            {
                foreach (var helper in helpers)
                {
                    if (Carries(helper, search, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="operation"/> (a call, creation, dynamic operation or property write) is a sink, or
        /// calls a source method whose body, transitively, reaches one (its summary reports at this call site).
        /// Library calls that only move data (<c>Where</c>, <c>Trim</c>, <c>ToList</c>) are not.
        /// </summary>
        private bool IsExit(IOperation operation, Configuration.PiiConfiguration configuration, Search search, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (_context.Sinks.IsSink(invocation, configuration) || _context.Responses.IsRouteMap(invocation))
                    {
                        return true;
                    }

                    var target = invocation.TargetMethod;
                    if (_context.Summaries.DispatchTargets(invocation) is { IsDefault: false } targets)
                    {
                        foreach (var implementation in targets)
                        {
                            if (ReachesSink(implementation, search, cancellationToken))
                            {
                                return true;
                            }
                        }

                        return false;
                    }

                    return target.MethodKind != MethodKind.LocalFunction
                        && _context.Summaries.CanSummarize(target.OriginalDefinition)
                        && ReachesSink(target, search, cancellationToken);
                case IObjectCreationOperation creation:
                    return _context.Sinks.IsSink(creation) || _context.Responses.Match(creation) is not null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    return _context.Sinks.MatchWrite(property, assignment.Value) is not null;
                default:
                    return true; // dynamic: anything may happen
            }
        }

        /// <summary>True when <paramref name="method"/>'s body, or a helper it calls, has a sink. Cached per method.</summary>
        public bool ReachesSink(IMethodSymbol method, CancellationToken cancellationToken)
            => _reaches.TryGetValue(MethodSummaries.Normalize(method), out var known) ? known : ReachesSink(method, new Search(), cancellationToken);

        /// <summary>
        /// True when <paramref name="method"/>'s body, or a helper it calls, has a source of personal data: its summary
        /// may return data its caller did not pass in. False for methods without a body here.
        /// </summary>
        public bool Carries(IMethodSymbol method, CancellationToken cancellationToken)
            => _carries.TryGetValue(MethodSummaries.Normalize(method), out var known) ? known : Carries(method, new Search(), cancellationToken);

        /// <summary>
        /// <see cref="ReachesSink(IMethodSymbol, CancellationToken)"/> for a call that may run any of
        /// <paramref name="targets"/> (a virtual call's implementations; default: only <paramref name="method"/>).
        /// </summary>
        public bool ReachesSink(IMethodSymbol method, ImmutableArray<IMethodSymbol> targets, CancellationToken cancellationToken)
        {
            if (targets.IsDefault)
            {
                return ReachesSink(method, cancellationToken);
            }

            foreach (var target in targets)
            {
                if (ReachesSink(target, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><see cref="Carries(IMethodSymbol, CancellationToken)"/> for a call that may run any of <paramref name="targets"/>.</summary>
        public bool Carries(IMethodSymbol method, ImmutableArray<IMethodSymbol> targets, CancellationToken cancellationToken)
        {
            if (targets.IsDefault)
            {
                return Carries(method, cancellationToken);
            }

            foreach (var target in targets)
            {
                if (Carries(target, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        // A known answer is read before the lambda below is created: its closure would be allocated on every call.
        private bool ReachesSink(IMethodSymbol method, Search search, CancellationToken cancellationToken)
            => _reaches.TryGetValue(MethodSummaries.Normalize(method), out var known) ? known : ComputeReachesSink(method, search, cancellationToken);

        private bool Carries(IMethodSymbol method, Search search, CancellationToken cancellationToken)
            => _carries.TryGetValue(MethodSummaries.Normalize(method), out var known) ? known : ComputeCarries(method, search, cancellationToken);

        private bool ComputeReachesSink(IMethodSymbol method, Search search, CancellationToken cancellationToken)
            => Memoized(method, _reaches, search, cancellationToken, root =>
            {
                var configuration = _context.GetConfiguration(root.Syntax.SyntaxTree);
                foreach (var operation in new OperationWalk(root))
                {
                    if (MayExit(operation) && IsExit(operation, configuration, search, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            });

        private bool ComputeCarries(IMethodSymbol method, Search search, CancellationToken cancellationToken)
            => Memoized(method, _carries, search, cancellationToken, root =>
            {
                List<IMethodSymbol>? helpers = null;
                foreach (var operation in new OperationWalk(root))
                {
                    if (IsSource(operation, ref helpers))
                    {
                        return true;
                    }
                }

                return AnyCarries(helpers, search, cancellationToken);
            });

        /// <summary>
        /// A property of a method's body that also holds when a helper it calls has it (<paramref name="bodyHas"/> asks
        /// the helpers itself, through the same <paramref name="search"/>), cached in <paramref name="cache"/>. Recursion
        /// is cut: a method already on the path counts as "no", and a "no" reached through such a cut is not cached, since
        /// the method that was cut may still say "yes" once it is decided.
        /// </summary>
        private bool Memoized(IMethodSymbol method, ConcurrentDictionary<IMethodSymbol, bool> cache, Search search, CancellationToken cancellationToken, Func<IOperation, bool> bodyHas)
        {
            method = MethodSummaries.Normalize(method);
            if (cache.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!search.Enter(method))
            {
                search.Cut = true;
                return false;
            }

            var outerCut = search.Cut;
            search.Cut = false;
            var result = _context.Summaries.GetBody(method, cancellationToken) is { } root && bodyHas(root);
            search.Leave(method);
            if (result || !search.Cut)
            {
                cache.TryAdd(method, result);
            }

            search.Cut |= outerCut;
            return result;
        }

        /// <summary>
        /// True when <paramref name="operation"/> brings personal data in; a source method or computed property it calls
        /// is added to <paramref name="helpers"/>, to be looked into only when the body has no source of its own.
        /// </summary>
        private bool IsSource(IOperation operation, ref List<IMethodSymbol>? helpers)
        {
            if (!_context.Catalog.GetContainerTaint(operation.Type).IsClean)
            {
                return true;
            }

            switch (operation.Kind)
            {
                case OperationKind.ParameterReference:
                    return _context.Catalog.GetDeclared(((IParameterReferenceOperation)operation).Parameter) is not null;

                case OperationKind.LocalReference:
                    return _context.Catalog.InfersFromNames && _context.Catalog.GetDeclared(((ILocalReferenceOperation)operation).Local) is not null;

                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                case OperationKind.EventReference:
                case OperationKind.MethodReference:
                    var member = (IMemberReferenceOperation)operation;
                    if (_context.Catalog.GetDeclared(member.Member) is not null
                        || (member is IPropertyReferenceOperation { Arguments.IsEmpty: false } && _context.Symbols.Framework.OfCall(member) is not null))
                    {
                        return true;
                    }

                    if (member.Member is IPropertySymbol { GetMethod: { } getter } && _context.Summaries.HasSummarizableBody(getter))
                    {
                        (helpers ??= new List<IMethodSymbol>()).Add(getter);
                    }

                    return false;

                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    if (_context.Catalog.GetDeclared(invocation.TargetMethod) is not null || _context.Symbols.Framework.OfCall(invocation) is not null)
                    {
                        return true;
                    }

                    if (_context.Summaries.DispatchTargets(invocation) is { IsDefault: false } targets)
                    {
                        foreach (var implementation in targets)
                        {
                            (helpers ??= new List<IMethodSymbol>()).Add(implementation);
                        }
                    }
                    else if (_context.Summaries.CanSummarize(invocation.TargetMethod.OriginalDefinition))
                    {
                        (helpers ??= new List<IMethodSymbol>()).Add(invocation.TargetMethod);
                    }

                    return false;

                default:
                    return false;
            }
        }

        /// <summary>One search through helpers: the methods on the current path, and whether a cycle was cut below.</summary>
        private sealed class Search
        {
            private HashSet<IMethodSymbol>? _visiting;

            /// <summary>Puts <paramref name="method"/> on the path; false when it already is (a cycle).</summary>
            public bool Enter(IMethodSymbol method) => (_visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default)).Add(method);

            public void Leave(IMethodSymbol method) => _visiting?.Remove(method);

            public bool Cut { get; set; }
        }
    }
}
