using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>How a consent check guards the statement that reaches a sink.</summary>
    internal enum GuardForm
    {
        /// <summary><c>if (check) { statement }</c>, or a void check's call before the statement (it throws without consent).</summary>
        Wrap,

        /// <summary><c>if (!check) return;</c> before the statement.</summary>
        GuardClause,
    }

    /// <summary>
    /// Where a sink sits: a statement (the check goes around or before it), or the expression body of a member,
    /// local function or lambda (which becomes a block body).
    /// </summary>
    internal sealed class ConsentGuardSite
    {
        private ConsentGuardSite(SyntaxNode anchor, StatementSyntax? statement, SyntaxNode? bodyOwner, ExpressionSyntax? expressionBody, bool returnsValue, bool allowsWrap, bool allowsGuardClause)
        {
            Anchor = anchor;
            Statement = statement;
            BodyOwner = bodyOwner;
            ExpressionBody = expressionBody;
            ReturnsValue = returnsValue;
            AllowsWrap = allowsWrap;
            AllowsGuardClause = allowsGuardClause;
        }

        /// <summary>The statement, or the expression body.</summary>
        public SyntaxNode Anchor { get; }

        public StatementSyntax? Statement { get; }

        public SyntaxNode? BodyOwner { get; }

        public ExpressionSyntax? ExpressionBody { get; }

        public bool ReturnsValue { get; }

        public bool AllowsWrap { get; }

        public bool AllowsGuardClause { get; }

        /// <summary>Where the check is evaluated: what is in scope there is what the check may use.</summary>
        public int Position => Anchor.SpanStart;

        public static ConsentGuardSite? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode? previous = null;
            for (var current = node; current is not null; previous = current, current = current.Parent)
            {
                switch (current)
                {
                    case StatementSyntax statement:
                        return ForStatement(statement, node, model, cancellationToken);
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax:
                        return ForExpressionBody(arrow.Parent, arrow.Expression, model, cancellationToken);
                    case AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody is { } body && body == previous:
                        return ForExpressionBody(lambda, body, model, cancellationToken);
                    case ArrowExpressionClauseSyntax:
                    case MemberDeclarationSyntax:
                    case ConstructorInitializerSyntax:
                    case AttributeSyntax:
                    case ParameterSyntax:
                        return null; // initializers, property bodies: no statement to guard
                }
            }

            return null;
        }

        private static ConsentGuardSite? ForExpressionBody(SyntaxNode owner, ExpressionSyntax body, SemanticModel model, CancellationToken cancellationToken)
        {
            var function = owner is AnonymousFunctionExpressionSyntax
                ? model.GetSymbolInfo(owner, cancellationToken).Symbol as IMethodSymbol
                : model.GetDeclaredSymbol(owner, cancellationToken) as IMethodSymbol;
            if (function is null || function.ReturnsByRef || function.ReturnsByRefReadonly)
            {
                return null;
            }

            var voidLike = IsVoidLike(function);
            return new ConsentGuardSite(body, null, owner, body, returnsValue: !voidLike, allowsWrap: voidLike, allowsGuardClause: voidLike);
        }

        private static ConsentGuardSite? ForStatement(StatementSyntax statement, SyntaxNode sink, SemanticModel model, CancellationToken cancellationToken)
        {
            if (statement is BlockSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }

            var allowsWrap = statement is not ReturnStatementSyntax
                && !(statement is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword != default)
                && !DeclaresLocalUsedLater(statement, model, cancellationToken);
            return new ConsentGuardSite(statement, statement, null, null, returnsValue: false, allowsWrap, AllowsGuard(statement, sink, model, cancellationToken));
        }

        /// <summary>True when wrapping <paramref name="statement"/> in a block would hide a local that code after it uses.</summary>
        private static bool DeclaresLocalUsedLater(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
        {
            var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var node in statement.DescendantNodesAndSelf(n => n == statement || n is not (AnonymousFunctionExpressionSyntax or BlockSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is VariableDeclaratorSyntax or SingleVariableDesignationSyntax && model.GetDeclaredSymbol(node, cancellationToken) is ILocalSymbol local)
                {
                    declared.Add(local);
                }
            }

            if (declared.Count == 0)
            {
                return false;
            }

            var names = new HashSet<string>(declared.Select(d => d.Name));
            return statement.SyntaxTree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
                identifier.SpanStart >= statement.Span.End
                && names.Contains(identifier.Identifier.ValueText)
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol
                && declared.Contains(symbol));
        }

        /// <summary>
        /// The guard clause fits a statement directly in the body of a function that returns nothing (void, or an
        /// async Task), not an iterator, when no earlier statement of the body reads the variables the sink's
        /// arguments read: the first use of the data.
        /// </summary>
        private static bool AllowsGuard(StatementSyntax statement, SyntaxNode sink, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode body;
            IEnumerable<SyntaxNode> earlier;
            if (statement.Parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit)
            {
                body = unit;
                earlier = unit.Members.OfType<GlobalStatementSyntax>().TakeWhile(g => g != global);
            }
            else if (statement.Parent is BlockSyntax block && block.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax)
            {
                body = block;
                earlier = block.Statements.TakeWhile(s => s != statement);
            }
            else
            {
                return false;
            }

            if (model.GetEnclosingSymbol(statement.SpanStart, cancellationToken) is not IMethodSymbol function || !IsVoidLike(function)
                || body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<YieldStatementSyntax>().Any())
            {
                return false;
            }

            var variables = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var data in DataExpressions(sink))
            {
                foreach (var identifier in data.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol)
                    {
                        variables.Add(model.GetSymbolInfo(identifier, cancellationToken).Symbol!);
                    }
                }
            }

            return !earlier.SelectMany(s => s.DescendantNodes().OfType<IdentifierNameSyntax>())
                .Any(identifier => model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol && variables.Contains(symbol));
        }

        /// <summary>Applies the edit: <paramref name="inserted"/> before the anchor, and the anchor wrapped by <paramref name="wrap"/>.</summary>
        private SyntaxNode? Apply(SyntaxNode root, ImmutableArray<StatementSyntax> inserted, Func<StatementSyntax, StatementSyntax>? wrap)
        {
            var newLine = NewLine(root);
            if (Statement is { } statement)
            {
                var leading = statement.GetLeadingTrivia();
                var replacement = new List<StatementSyntax>();
                foreach (var added in inserted)
                {
                    replacement.Add(added.WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation));
                }

                replacement.Add(wrap is null
                    ? statement.WithLeadingTrivia(Indentation(leading))
                    : wrap(statement.WithoutLeadingTrivia()).WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation));
                replacement[0] = replacement[0].WithLeadingTrivia(leading);

                switch (statement.Parent)
                {
                    case BlockSyntax or SwitchSectionSyntax:
                        return root.ReplaceNode(statement, replacement);
                    case GlobalStatementSyntax global:
                        return root.ReplaceNode(global, replacement.Select((s, i) => i == replacement.Count - 1 ? global.WithStatement(s) : SyntaxFactory.GlobalStatement(s)));
                    default:
                        // An embedded statement (if, else, loop, using, label): braces keep an else bound where it was.
                        var block = SyntaxFactory.Block(replacement.Select((s, i) => i == 0 ? s.WithoutLeadingTrivia() : s))
                            .WithLeadingTrivia(leading)
                            .WithTrailingTrivia(statement.GetTrailingTrivia())
                            .WithAdditionalAnnotations(Formatter.Annotation);
                        return root.ReplaceNode(statement, block);
                }
            }

            if (BodyOwner is null || ExpressionBody is null)
            {
                return null;
            }

            var expression = ExpressionBody.WithoutTrivia();
            StatementSyntax body = ReturnsValue ? SyntaxFactory.ReturnStatement(expression) : SyntaxFactory.ExpressionStatement(expression);
            var statements = inserted.ToList();
            statements.Add(wrap is null ? body : wrap(body));
            var newBody = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine),
                    SyntaxFactory.List(statements.Select(s => s.WithTrailingTrivia(newLine))),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithAdditionalAnnotations(Formatter.Annotation);
            switch (BodyOwner)
            {
                case BaseMethodDeclarationSyntax method:
                    return root.ReplaceNode(method, method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(WithTrailing(newBody, method.SemicolonToken)).WithAdditionalAnnotations(Formatter.Annotation));
                case LocalFunctionStatementSyntax function:
                    return root.ReplaceNode(function, function.WithExpressionBody(null).WithSemicolonToken(default).WithBody(WithTrailing(newBody, function.SemicolonToken)).WithAdditionalAnnotations(Formatter.Annotation));
                case AccessorDeclarationSyntax accessor:
                    return root.ReplaceNode(accessor, accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(WithTrailing(newBody, accessor.SemicolonToken)).WithAdditionalAnnotations(Formatter.Annotation));
                case AnonymousFunctionExpressionSyntax lambda:
                    return root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(newBody.WithTrailingTrivia(ExpressionBody.GetTrailingTrivia())));
                default:
                    return null;
            }
        }

        private static SyntaxTrivia NewLine(SyntaxNode root)
            => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: (int)SyntaxKind.EndOfLineTrivia } found
                ? found
                : SyntaxFactory.ElasticCarriageReturnLineFeed;

        private static BlockSyntax WithTrailing(BlockSyntax block, SyntaxToken semicolon)
            => block.WithTrailingTrivia(semicolon.TrailingTrivia);

        /// <summary>The whitespace after the last line break of <paramref name="leading"/>: the statement's indentation.</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        {
            var last = leading.LastOrDefault();
            return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
        }

        /// <summary>The new root with <paramref name="check"/> guarding the site in <paramref name="form"/>, or null when the form does not apply here.</summary>
        public SyntaxNode? Guard(SyntaxNode root, ConsentCheck check, GuardForm form)
        {
            if (!Fits(check, form))
            {
                return null;
            }

            if (form == GuardForm.GuardClause)
            {
                // if (!check) return; on one line, the return embedded without braces: SyntaxGenerator.IfStatement
                // always writes a block. The spaces are plain, not elastic, so the formatter keeps the one line.
                StatementSyntax clause = SyntaxFactory.IfStatement(
                    attributeLists: default,
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.IfKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.OpenParenToken, SyntaxTriviaList.Empty),
                    check.Negated(),
                    SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CloseParenToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                    SyntaxFactory.ReturnStatement(
                        attributeLists: default,
                        SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.ReturnKeyword, SyntaxTriviaList.Empty),
                        expression: null,
                        SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.SemicolonToken, SyntaxTriviaList.Empty)),
                    @else: null);
                return Apply(root, ImmutableArray.Create(clause), wrap: null);
            }

            if (check.IsVoid)
            {
                // check(...); before the statement: it throws without consent.
                return Apply(root, check.Statements(), wrap: null);
            }

            var newLine = NewLine(root);
            return Apply(root, ImmutableArray<StatementSyntax>.Empty, statement => SyntaxFactory.IfStatement(
                check.Condition(),
                SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine),
                    SyntaxFactory.SingletonList(EndingLine(statement, newLine)),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken))));
        }

        /// <summary>True when <paramref name="check"/> can guard the site in <paramref name="form"/>: a guard clause needs a check that returns bool, an <c>if</c> a statement that can move into a block.</summary>
        public bool Fits(ConsentCheck check, GuardForm form)
            => form == GuardForm.GuardClause
                ? AllowsGuardClause && !check.IsVoid
                : check.IsVoid || AllowsWrap;

        private static StatementSyntax EndingLine(StatementSyntax statement, SyntaxTrivia newLine)
            => statement.GetTrailingTrivia().LastOrDefault().IsKind(SyntaxKind.EndOfLineTrivia) ? statement : statement.WithTrailingTrivia(statement.GetTrailingTrivia().Add(newLine));

        /// <summary>The expressions carrying the data into the sink: the call's arguments, or an assignment's value.</summary>
        public static IEnumerable<ExpressionSyntax> DataExpressions(SyntaxNode sink)
        {
            switch (sink)
            {
                case InvocationExpressionSyntax invocation:
                    return invocation.ArgumentList.Arguments.Select(a => a.Expression);
                case BaseObjectCreationExpressionSyntax creation:
                    return creation.ArgumentList?.Arguments.Select(a => a.Expression) ?? Enumerable.Empty<ExpressionSyntax>();
                case AssignmentExpressionSyntax assignment:
                    return new[] { assignment.Right };
                case ArgumentSyntax argument:
                    return new[] { argument.Expression };
                default:
                    return Enumerable.Empty<ExpressionSyntax>();
            }
        }

        private static bool IsVoidLike(IMethodSymbol function)
            => function.ReturnsVoid
                || (function.IsAsync && function.ReturnType is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } type
                    && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks");
    }
}
