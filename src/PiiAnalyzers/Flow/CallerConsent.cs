using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Consent checked by the callers of a private helper: the consent every call of it is made under. A private method
    /// can be called only from its own type, so all its calls can be seen; when every one is guarded for a purpose, the
    /// helper's own sinks are guarded for it too. Computed only for a helper with an unguarded finding, once per
    /// compilation, from the calls' consent facts alone (the callers are walked without summaries, and their own callers
    /// are not consulted).
    /// </summary>
    internal sealed class CallerConsent
    {
        private readonly FlowContext _context;
        private readonly ConcurrentDictionary<IMethodSymbol, ConsentFacts> _known = new ConcurrentDictionary<IMethodSymbol, ConsentFacts>(SymbolEqualityComparer.Default);

        public CallerConsent(FlowContext context)
        {
            _context = context;
        }

        /// <summary>
        /// The consent known on every call of <paramref name="method"/>; none for a method whose calls cannot all be
        /// seen (not private, virtual, an interface's, used as a delegate) or that is never called.
        /// </summary>
        public ConsentFacts Of(ISymbol? method, CancellationToken cancellationToken)
        {
            if (method is not IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary, IsVirtual: false, IsOverride: false, IsAbstract: false } helper
                || !helper.ExplicitInterfaceImplementations.IsEmpty || helper.ContainingType is null)
            {
                return ConsentFacts.None;
            }

            helper = helper.OriginalDefinition;
            return _known.TryGetValue(helper, out var known) ? known : _known.GetOrAdd(helper, Compute(helper, cancellationToken));
        }

        private ConsentFacts Compute(IMethodSymbol helper, CancellationToken cancellationToken)
        {
            ConsentFacts? all = null;
            foreach (var declaration in helper.ContainingType.DeclaringSyntaxReferences)
            {
                var typeSyntax = declaration.GetSyntax(cancellationToken);
                var model = _context.GetSemanticModel(declaration.SyntaxTree, cancellationToken);
                foreach (var token in typeSyntax.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != helper.Name || token.Parent is not SimpleNameSyntax name)
                    {
                        continue; // the declaration's own name, or another name
                    }

                    var info = model.GetSymbolInfo(name, cancellationToken);
                    if (!IsHelper(info.Symbol, helper))
                    {
                        if (Contains(info.CandidateSymbols, helper))
                        {
                            return ConsentFacts.None; // a call the compiler could not settle: unknown
                        }

                        continue;
                    }

                    if (IsInNameof(name))
                    {
                        continue;
                    }

                    if (CallOf(name) is not { } call)
                    {
                        return ConsentFacts.None; // a method group: called from where it is passed
                    }

                    if (Caller(call) is not { } caller)
                    {
                        return ConsentFacts.None;
                    }

                    var callerSymbol = model.GetDeclaredSymbol(caller, cancellationToken);
                    if (SymbolEqualityComparer.Default.Equals(callerSymbol?.OriginalDefinition, helper))
                    {
                        continue; // recursion adds nothing the outer calls did not
                    }

                    if (ConsentAt(model, caller, call, callerSymbol as IMethodSymbol, helper, cancellationToken) is not { } facts)
                    {
                        return ConsentFacts.None;
                    }

                    all = all is { } so ? so.Intersect(facts) : facts;
                    if (all.Value.IsNone)
                    {
                        return ConsentFacts.None;
                    }
                }
            }

            return all ?? ConsentFacts.None;
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

            if (root is not (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null })
                || _context.GetGraph(root, () => root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                    _ => ControlFlowGraph.Create((IBlockOperation)root, cancellationToken),
                }) is not { } graph)
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
