using System.Collections.Concurrent;
using System.Collections.Generic;
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
    /// return value declared as personal data, a value whose type holds personal data
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

        public BodyScan(FlowContext context)
        {
            _context = context;
        }

        /// <summary>True when the flow engine could report something in the body <paramref name="root"/>.</summary>
        public bool IsWorthAnalyzing(IOperation root, CancellationToken cancellationToken)
        {
            var source = false;
            List<IOperation>? exits = null;
            List<IMethodSymbol>? helpers = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (_context.GetConsentRequirement(invocation.TargetMethod) is not null)
                        {
                            return true;
                        }

                        (exits ??= new List<IOperation>()).Add(operation);
                        break;
                    case IObjectCreationOperation creation:
                        if (creation.Constructor is { } constructor && _context.GetConsentRequirement(constructor) is not null)
                        {
                            return true;
                        }

                        (exits ??= new List<IOperation>()).Add(operation);
                        break;
                    case IDynamicInvocationOperation:
                    case IDynamicObjectCreationOperation:
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }:
                        (exits ??= new List<IOperation>()).Add(operation);
                        break;
                }

                source = source || IsSource(operation, ref helpers);
            }

            if (exits is null || !(source || AnyCarries(helpers, cancellationToken)))
            {
                return false;
            }

            // Data in, and calls out: is one of them a sink, or a helper that reaches one?
            var configuration = _context.GetConfiguration(root.Syntax.SyntaxTree);
            var visiting = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var exit in exits)
            {
                var cut = false;
                if (IsExit(exit, configuration, visiting, ref cut, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        private bool AnyCarries(List<IMethodSymbol>? helpers, CancellationToken cancellationToken)
        {
            if (helpers is null)
            {
                return false;
            }

            // No source of its own: data can still come back from a helper (var label = Label(customerId)).
            var visiting = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            foreach (var helper in helpers)
            {
                var cut = false;
                if (Carries(helper, visiting, ref cut, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="operation"/> (a call, creation, dynamic operation or property write) is a sink, or
        /// calls a source method whose body, transitively, reaches one (its summary reports at this call site).
        /// Library calls that only move data (<c>Where</c>, <c>Trim</c>, <c>ToList</c>) are not.
        /// </summary>
        private bool IsExit(IOperation operation, Configuration.PiiConfiguration configuration, HashSet<IMethodSymbol> visiting, ref bool cut, CancellationToken cancellationToken)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (_context.Sinks.Match(invocation, configuration) is not null)
                    {
                        return true;
                    }

                    var target = invocation.TargetMethod;
                    return target.MethodKind != MethodKind.LocalFunction
                        && MethodSummaries.CanSummarize(target.OriginalDefinition)
                        && ReachesSink(target, visiting, ref cut, cancellationToken);
                case IObjectCreationOperation creation:
                    return _context.Sinks.Match(creation) is not null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    return _context.Sinks.MatchWrite(property, assignment.Value) is not null;
                default:
                    return true; // dynamic: anything may happen
            }
        }

        /// <summary>True when <paramref name="method"/>'s body, or a helper it calls, has a sink. Cached per method.</summary>
        public bool ReachesSink(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (_reaches.TryGetValue(MethodSummaries.Normalize(method), out var known))
            {
                return known;
            }

            var cut = false;
            return ReachesSink(method, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ref cut, cancellationToken);
        }

        private bool ReachesSink(IMethodSymbol method, HashSet<IMethodSymbol> visiting, ref bool cut, CancellationToken cancellationToken)
        {
            method = MethodSummaries.Normalize(method);
            if (_reaches.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!visiting.Add(method))
            {
                cut = true;
                return false;
            }

            var result = false;
            var innerCut = false;
            if (_context.Summaries.GetBody(method, cancellationToken) is { } root)
            {
                var configuration = _context.GetConfiguration(root.Syntax.SyntaxTree);
                foreach (var operation in root.Descendants())
                {
                    if (operation is IInvocationOperation or IObjectCreationOperation or IDynamicInvocationOperation or IDynamicObjectCreationOperation
                            or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }
                        && IsExit(operation, configuration, visiting, ref innerCut, cancellationToken))
                    {
                        result = true;
                        break;
                    }
                }
            }

            visiting.Remove(method);
            if (result || !innerCut)
            {
                _reaches.TryAdd(method, result);
            }

            cut |= innerCut;
            return result;
        }

        /// <summary>
        /// True when <paramref name="method"/>'s body, or a helper it calls, has a source of personal data: its summary
        /// may return data its caller did not pass in. False for methods without a body here.
        /// </summary>
        public bool Carries(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (_carries.TryGetValue(MethodSummaries.Normalize(method), out var known))
            {
                return known;
            }

            var cut = false;
            return Carries(method, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), ref cut, cancellationToken);
        }

        private bool Carries(IMethodSymbol method, HashSet<IMethodSymbol> visiting, ref bool cut, CancellationToken cancellationToken)
        {
            method = MethodSummaries.Normalize(method);
            if (_carries.TryGetValue(method, out var known))
            {
                return known;
            }

            if (!visiting.Add(method))
            {
                // Recursion: what the cycle carries is decided where it was entered.
                cut = true;
                return false;
            }

            var result = false;
            var innerCut = false;
            if (_context.Summaries.GetBody(method, cancellationToken) is { } root)
            {
                List<IMethodSymbol>? helpers = null;
                foreach (var operation in root.Descendants())
                {
                    if (IsSource(operation, ref helpers))
                    {
                        result = true;
                        break;
                    }
                }

                if (!result && helpers is not null)
                {
                    foreach (var helper in helpers)
                    {
                        if (Carries(helper, visiting, ref innerCut, cancellationToken))
                        {
                            result = true;
                            break;
                        }
                    }
                }
            }

            visiting.Remove(method);
            if (result || !innerCut)
            {
                // A "no" reached while a caller up the cycle was still undecided is not kept.
                _carries.TryAdd(method, result);
            }

            cut |= innerCut;
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

            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    return _context.Catalog.GetDeclared(parameter.Parameter) is not null;

                case IMemberReferenceOperation member:
                    if (_context.Catalog.GetDeclared(member.Member) is not null)
                    {
                        return true;
                    }

                    if (member.Member is IPropertySymbol { GetMethod: { } getter } && MethodSummaries.HasSummarizableBody(getter))
                    {
                        (helpers ??= new List<IMethodSymbol>()).Add(getter);
                    }

                    return false;

                case IInvocationOperation invocation:
                    if (_context.Catalog.GetDeclared(invocation.TargetMethod) is not null)
                    {
                        return true;
                    }

                    if (MethodSummaries.CanSummarize(invocation.TargetMethod.OriginalDefinition))
                    {
                        (helpers ??= new List<IMethodSymbol>()).Add(invocation.TargetMethod);
                    }

                    return false;

                default:
                    return false;
            }
        }
    }
}
