using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Decides, in one walk over a body's operations and before any control-flow graph is built, whether the flow
    /// engine could find anything in it. Most code handles no personal data; only bodies with both a way out (a call, an
    /// object creation, a property write) and a source of personal data are analyzed.
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

        public BodyScan(FlowContext context)
        {
            _context = context;
        }

        /// <summary>True when the flow engine could report something in the body <paramref name="root"/>.</summary>
        public bool IsWorthAnalyzing(IOperation root, CancellationToken cancellationToken)
        {
            var exit = false;
            var source = false;
            List<IMethodSymbol>? helpers = null;
            foreach (var operation in root.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        exit = true;
                        if (_context.GetConsentRequirement(invocation.TargetMethod) is not null)
                        {
                            return true;
                        }

                        break;
                    case IObjectCreationOperation creation:
                        exit = true;
                        if (creation.Constructor is { } constructor && _context.GetConsentRequirement(constructor) is not null)
                        {
                            return true;
                        }

                        break;
                    case IDynamicInvocationOperation:
                    case IDynamicObjectCreationOperation:
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }:
                        exit = true;
                        break;
                }

                source = source || IsSource(operation, ref helpers);
                if (exit && source)
                {
                    return true;
                }
            }

            if (!exit || helpers is null)
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
