using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Tells, without editing the document, that a consent guard adds no compiler error or nullable warning: the
    /// check's calls are bound speculatively where the guard goes, and the code the guard moves or returns before is
    /// shown to keep its meaning. Each test is sufficient, not necessary: where one fails, only binding the edited
    /// member can tell (see <see cref="AddConsentCheckCodeFixProvider"/>).
    /// </summary>
    internal static class ConsentGuardCheck
    {
        /// <summary>True when the guard is known to add no error or nullable warning; null when binding the edit must decide.</summary>
        public static bool? AddsNoProblems(SemanticModel model, ConsentGuardSite site, ConsentCheck check, GuardForm form, CancellationToken cancellationToken)
        {
            // In a lambda or local function the guard's receiver may not be capturable there (a static function, a
            // struct's 'this', a ref parameter, a ref struct local): the compiler's capture rules decide.
            if (site.Anchor.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                || site.ExpressionBody is ThrowExpressionSyntax
                || model.GetEnclosingSymbol(site.Position, cancellationToken) is not IMethodSymbol function
                || HasFlowAttribute(function)
                || !CallsBind(model, site, check, cancellationToken))
            {
                return null;
            }

            switch (form)
            {
                case GuardForm.GuardClause:
                    // 'return;' early: a constructor must still initialize its members, an out parameter must be assigned.
                    return function.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor
                        || function.Parameters.Any(p => p.RefKind != RefKind.None)
                        ? null
                        : true;
                case GuardForm.Wrap when check.IsVoid:
                    return true; // a call before the code changes no variable's state
                default:
                    return KeepsMeaningInBlock(model, (SyntaxNode?)site.Statement ?? site.ExpressionBody!, cancellationToken) ? true : null;
            }
        }

        /// <summary>
        /// True when each call of the check, bound where the guard goes, binds to the check itself, reads only variables
        /// definitely assigned there, and dereferences or passes nothing that may be null.
        /// </summary>
        private static bool CallsBind(SemanticModel model, ConsentGuardSite site, ConsentCheck check, CancellationToken cancellationToken)
        {
            var marker = new SyntaxAnnotation();
            var calls = check.Calls.Select(c => c.WithAdditionalAnnotations(marker)).ToList();
            StatementSyntax probe = check.IsVoid
                ? SyntaxFactory.Block(calls.Select(c => SyntaxFactory.ExpressionStatement(c)))
                : SyntaxFactory.IfStatement(calls.Skip(1).Aggregate(calls[0], (left, right) => SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, left, right)), SyntaxFactory.Block());
            if (!model.TryGetSpeculativeSemanticModel(site.Position, probe, out var speculative))
            {
                return false;
            }

            var nullableWarnings = model.GetNullableContext(site.Position).WarningsEnabled();
            DataFlowAnalysis? flow = null;
            foreach (var call in probe.GetAnnotatedNodes(marker).OfType<ExpressionSyntax>())
            {
                if (speculative.GetSymbolInfo(call, cancellationToken).Symbol is not { } symbol
                    || !SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, check.Symbol.OriginalDefinition))
                {
                    return false; // another overload, an inaccessible or unusable member
                }

                var (target, arguments) = call is InvocationExpressionSyntax invocation
                    ? (invocation.Expression, invocation.ArgumentList.Arguments.Select(a => a.Expression))
                    : (call, Enumerable.Empty<ExpressionSyntax>());
                var receiver = (target as MemberAccessExpressionSyntax)?.Expression;
                foreach (var value in new[] { receiver }.Concat(arguments))
                {
                    if (value is null || speculative.GetSymbolInfo(value, cancellationToken).Symbol is INamespaceOrTypeSymbol)
                    {
                        continue;
                    }

                    var info = speculative.GetTypeInfo(value, cancellationToken);
                    if (info.Nullability.FlowState == NullableFlowState.MaybeNull
                        || (nullableWarnings && info.Nullability.FlowState == NullableFlowState.None && info.Type is { IsValueType: false }))
                    {
                        return false;
                    }
                }

                foreach (var identifier in call.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    switch (speculative.GetSymbolInfo(identifier, cancellationToken).Symbol)
                    {
                        case IParameterSymbol { RefKind: RefKind.Out }:
                            return false;
                        case ILocalSymbol local:
                            flow ??= site.Statement is { } statement ? model.AnalyzeDataFlow(statement) : model.AnalyzeDataFlow(site.ExpressionBody!);
                            if (flow is not { Succeeded: true } || !flow.DefinitelyAssignedOnEntry.Contains(local, SymbolEqualityComparer.Default))
                            {
                                return false;
                            }

                            break;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// True when <paramref name="code"/> (a statement or an expression body) means the same inside <c>if (check) { }</c>:
        /// it assigns no variable read elsewhere, always completes, and, where nullable warnings are on, neither changes
        /// nor learns the null-state of anything (no assignment, null test, dereference of a maybe-null value, or call
        /// of a method that declares what it leaves non-null).
        /// </summary>
        private static bool KeepsMeaningInBlock(SemanticModel model, SyntaxNode code, CancellationToken cancellationToken)
        {
            var flow = code switch
            {
                ExpressionStatementSyntax or LocalDeclarationStatementSyntax => model.AnalyzeDataFlow((StatementSyntax)code),
                ExpressionSyntax expression => model.AnalyzeDataFlow(expression),
                _ => null,
            };
            if (flow is not { Succeeded: true }
                || flow.WrittenInside.Except(flow.VariablesDeclared, SymbolEqualityComparer.Default).Any()
                || code.DescendantNodes().Any(n => n is ThrowExpressionSyntax or AnonymousFunctionExpressionSyntax or QueryExpressionSyntax))
            {
                return false;
            }

            if (!model.GetNullableContext(code.SpanStart).WarningsEnabled())
            {
                return true;
            }

            foreach (var node in code.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or IsPatternExpressionSyntax or SwitchExpressionSyntax
                        or ConditionalAccessExpressionSyntax or DeclarationExpressionSyntax:
                    case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression or (int)SyntaxKind.CoalesceExpression or (int)SyntaxKind.IsExpression }:
                    case ArgumentSyntax argument when argument.RefKindKeyword != default:
                        return false;
                    case IdentifierNameSyntax identifier when identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier:
                        break; // judged with its member access
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax:
                        switch (model.GetSymbolInfo(node, cancellationToken).Symbol)
                        {
                            case IMethodSymbol method when HasFlowAttribute(method):
                            case IPropertySymbol property when HasFlowAttribute(property) || (property.GetMethod is { } getter && HasFlowAttribute(getter)):
                                return false;
                            case ILocalSymbol or IParameterSymbol or IFieldSymbol or IPropertySymbol
                                when model.GetTypeInfo(node, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull:
                                return false; // dereferenced or passed on, a maybe-null value is learned non-null
                        }

                        break;
                }
            }

            return true;
        }

        /// <summary>True when the member or its parameters carry a nullable-flow attribute (<c>[MemberNotNull]</c>, <c>[DoesNotReturn]</c>, <c>[NotNull]</c> ...).</summary>
        private static bool HasFlowAttribute(ISymbol symbol)
            => symbol.GetAttributes().Concat((symbol as IMethodSymbol)?.GetReturnTypeAttributes() ?? Enumerable.Empty<AttributeData>())
                    .Concat(symbol is IMethodSymbol method ? method.Parameters.SelectMany(p => p.GetAttributes()) : Enumerable.Empty<AttributeData>())
                    .Any(a => a.AttributeClass is { } type
                        && type.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis"
                        && (type.Name.Contains("Null") || type.Name.StartsWith("DoesNotReturn", System.StringComparison.Ordinal)));
    }
}
