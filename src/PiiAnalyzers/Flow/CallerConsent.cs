using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The callers of a helper that only this compilation can call: a private method (callable only from its own type),
    /// or an internal one of an assembly that shows its internals to no other. When every call of such a helper can be
    /// seen, the helper is <em>closed</em>: the consent its callers checked is known, and what it does with the data its
    /// callers pass is judged at each call (<c>through 'Helper'</c>) instead of inside. Computed once per helper and
    /// compilation, from the calls' consent facts alone (the callers are walked without summaries, and their own callers
    /// are not consulted).
    /// </summary>
    internal sealed class CallerConsent
    {
        private readonly FlowContext _context;
        private readonly ConcurrentDictionary<IMethodSymbol, ConsentFacts> _known = new ConcurrentDictionary<IMethodSymbol, ConsentFacts>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, CallSite[]?> _calls = new ConcurrentDictionary<IMethodSymbol, CallSite[]?>(SymbolEqualityComparer.Default);
        private bool? _internalsShown;

        public CallerConsent(FlowContext context)
        {
            _context = context;
        }

        /// <summary>
        /// True when <paramref name="method"/> is called only from this compilation, at least once, and every use of it
        /// is a direct call in a method, accessor or constructor body: its callers are all known.
        /// </summary>
        public bool IsClosed(ISymbol? method, CancellationToken cancellationToken)
            => Helper(method) is { } helper && CallsOf(helper, cancellationToken) is { Length: > 0 };

        /// <summary>
        /// The consent known on every call of <paramref name="method"/>; none for a method whose calls cannot all be
        /// seen (public, virtual, an interface's, used as a delegate) or that is never called.
        /// </summary>
        public ConsentFacts Of(ISymbol? method, CancellationToken cancellationToken)
        {
            if (Helper(method) is not { } helper)
            {
                return ConsentFacts.None;
            }

            return _known.TryGetValue(helper, out var known) ? known : _known.GetOrAdd(helper, Compute(helper, cancellationToken));
        }

        private IMethodSymbol? Helper(ISymbol? method)
        {
            if (method is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsVirtual: false, IsOverride: false, IsAbstract: false } helper
                || !helper.ExplicitInterfaceImplementations.IsEmpty || helper.ContainingType is null
                || !SymbolEqualityComparer.Default.Equals(helper.ContainingAssembly, _context.Compilation.Assembly))
            {
                return null;
            }

            if (helper.DeclaredAccessibility == Accessibility.Private)
            {
                return helper.OriginalDefinition;
            }

            // A public method of an internal class is no more callable from outside than an internal one.
            for (ISymbol? current = helper; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
            {
                switch (current.DeclaredAccessibility)
                {
                    case Accessibility.Private:
                        return helper.OriginalDefinition;
                    case Accessibility.Internal or Accessibility.ProtectedAndInternal when !InternalsShown:
                        return helper.OriginalDefinition;
                }
            }

            return null;
        }

        /// <summary>The assembly names another in <c>[InternalsVisibleTo]</c>: its internal members have callers elsewhere.</summary>
        private bool InternalsShown
            => _internalsShown ??= _context.Compilation.Assembly.GetAttributes().Any(a => a.AttributeClass is { Name: "InternalsVisibleToAttribute" } type
                && type.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices");

        private ConsentFacts Compute(IMethodSymbol helper, CancellationToken cancellationToken)
        {
            if (CallsOf(helper, cancellationToken) is not { Length: > 0 } calls)
            {
                return ConsentFacts.None;
            }

            ConsentFacts? all = null;
            foreach (var call in calls)
            {
                if (ConsentAt(call.Model, call.Caller, call.Call, call.CallerSymbol, helper, cancellationToken) is not { } facts)
                {
                    return ConsentFacts.None;
                }

                all = all is { } so ? so.Intersect(facts) : facts;
                if (all.Value.IsNone)
                {
                    return ConsentFacts.None;
                }
            }

            return all ?? ConsentFacts.None;
        }

        /// <summary>Every call of <paramref name="helper"/>, or null when one of its uses is not a call that can be walked.</summary>
        private CallSite[]? CallsOf(IMethodSymbol helper, CancellationToken cancellationToken)
            => _calls.TryGetValue(helper, out var known) ? known : _calls.GetOrAdd(helper, FindCalls(helper, cancellationToken));

        private CallSite[]? FindCalls(IMethodSymbol helper, CancellationToken cancellationToken)
        {
            var calls = new List<CallSite>();
            // A private method is called from its own type; any other closed helper from anywhere in the compilation.
            IEnumerable<SyntaxNode> scopes = helper.DeclaredAccessibility == Accessibility.Private
                ? helper.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken))
                : _context.Compilation.SyntaxTrees.Select(t => t.GetRoot(cancellationToken));
            foreach (var scope in scopes)
            {
                SemanticModel? model = null;
                foreach (var token in scope.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != helper.Name || token.Parent is not SimpleNameSyntax name)
                    {
                        continue; // the declaration's own name, or another name
                    }

                    model ??= _context.GetSemanticModel(scope.SyntaxTree, cancellationToken);
                    var info = model.GetSymbolInfo(name, cancellationToken);
                    if (!IsHelper(info.Symbol, helper))
                    {
                        if (Contains(info.CandidateSymbols, helper))
                        {
                            return null; // a call the compiler could not settle: unknown
                        }

                        continue;
                    }

                    if (IsInNameof(name))
                    {
                        continue;
                    }

                    if (CallOf(name) is not { } call || Caller(call) is not { } caller)
                    {
                        return null; // a method group (called from where it is passed), or a call outside a body
                    }

                    var callerSymbol = model.GetDeclaredSymbol(caller, cancellationToken) as IMethodSymbol;
                    if (SymbolEqualityComparer.Default.Equals(callerSymbol?.OriginalDefinition, helper))
                    {
                        continue; // recursion adds nothing the outer calls did not
                    }

                    calls.Add(new CallSite(model, caller, call, callerSymbol));
                }
            }

            return calls.ToArray();
        }

        private readonly struct CallSite
        {
            public CallSite(SemanticModel model, SyntaxNode caller, InvocationExpressionSyntax call, IMethodSymbol? callerSymbol)
            {
                Model = model;
                Caller = caller;
                Call = call;
                CallerSymbol = callerSymbol;
            }

            public SemanticModel Model { get; }

            public SyntaxNode Caller { get; }

            public InvocationExpressionSyntax Call { get; }

            public IMethodSymbol? CallerSymbol { get; }
        }

        private static bool IsHelper(ISymbol? symbol, IMethodSymbol helper)
            => symbol is IMethodSymbol method && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, helper);

        private static bool Contains(System.Collections.Immutable.ImmutableArray<ISymbol> candidates, IMethodSymbol helper)
        {
            foreach (var candidate in candidates)
            {
                if (IsHelper(candidate, helper))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInNameof(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null && current is not StatementSyntax; current = current.Parent)
            {
                if (current is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The invocation <paramref name="name"/> is the callee of (<c>Helper(x)</c>, <c>this.Helper(x)</c>), or null.</summary>
        private static InvocationExpressionSyntax? CallOf(SimpleNameSyntax name)
        {
            SyntaxNode callee = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                callee = access;
            }

            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>The method, accessor or constructor whose body holds <paramref name="call"/>.</summary>
        private static SyntaxNode? Caller(SyntaxNode call)
        {
            for (var current = call.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                        return current;
                    case TypeDeclarationSyntax or PropertyDeclarationSyntax or FieldDeclarationSyntax or EventFieldDeclarationSyntax:
                        return null; // an initializer or expression-bodied property: not walked here
                }
            }

            return null;
        }

        /// <summary>The consent at every call of <paramref name="helper"/> in the caller's body, or null when it cannot be told.</summary>
        private ConsentFacts? ConsentAt(SemanticModel model, SyntaxNode caller, InvocationExpressionSyntax call, IMethodSymbol? callerSymbol, IMethodSymbol helper, CancellationToken cancellationToken)
        {
            if (model.GetOperation(caller, cancellationToken) is not { } root)
            {
                return null;
            }

            if (_context.GetBodyGraph(root, cancellationToken) is not { } graph)
            {
                return null;
            }

            var walker = new TaintWalker(_context, NoObserver.Instance, depth: 0, summarizing: null, _context.GetConfiguration(call.SyntaxTree), cancellationToken)
            {
                Watched = helper,
            };
            walker.Analyze(graph, callerSymbol);
            return walker.WatchedConsent;
        }

        private sealed class NoObserver : IFlowObserver
        {
            public static readonly NoObserver Instance = new NoObserver();

            public void OnSink(in SinkEvent sink)
            {
            }

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
            }
        }
    }
}
