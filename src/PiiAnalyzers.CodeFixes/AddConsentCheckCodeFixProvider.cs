using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII002, PII003, PII005, PII009: guards the statement that reaches the sink with a <c>[ConsentCheck]</c> reachable
    /// from it — <c>if (check) { statement }</c>, a void check's call before the statement, or the guard clause
    /// <c>if (!check) return;</c>. Offers nothing when no check is reachable.
    /// </summary>
    /// <remarks>
    /// The equivalence key is the form's key, a colon and the check's documentation-comment id, so Fix All applies the
    /// check the user picked everywhere it is usable, each time with that place's receiver, subject and purposes.
    /// Every edit is compiled before it is offered: an edit that adds a compiler error is dropped.
    /// </remarks>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class AddConsentCheckCodeFixProvider : CodeFixProvider
    {
        /// <summary>Prefix of the equivalence key of "Add consent check" (an <c>if</c> around the statement, or a void check before it).</summary>
        public const string AddConsentCheckKey = "PiiAddConsentCheck";

        /// <summary>Prefix of the equivalence key of "Add consent guard clause" (<c>if (!check) return;</c> before the statement).</summary>
        public const string AddConsentGuardClauseKey = "PiiAddConsentGuardClause";

        private const int MaxChecks = 3;

        /// <summary>How a check is named in an equivalence key: <c>Market.Consent.HasConsent(Market.Visitor, string)</c>.</summary>
        private static readonly SymbolDisplayFormat IdFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);
        private const string ConsentCheckAttribute = PrivacySymbols.Namespace + ".ConsentCheckAttribute";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.SerializedWithoutConsent.Id,
            Descriptors.PersistedWithoutConsent.Id,
            Descriptors.TransferredWithoutConsent.Id,
            Descriptors.RequiresConsentCalledWithoutCheck.Id);

        public override FixAllProvider GetFixAllProvider() => ConsentGuardFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || model.Compilation.GetTypeByMetadataName(ConsentCheckAttribute) is not { } attribute
                || !EditableCode.CanFix(document, root.SyntaxTree, cancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                try
                {
                    await RegisterAsync(context, diagnostic, root, model, attribute, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A fix that cannot be computed is not offered; the analyzer's diagnostic stands.
                }
            }
        }

        private static async Task RegisterAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (Site.Find(node, model, cancellationToken) is not { } site)
            {
                return;
            }

            diagnostic.Properties.TryGetValue(DiagnosticProperties.Purposes, out var purposeList);
            var purposes = PurposeList.Parse(purposeList).Distinct(PurposeList.Comparer).ToImmutableArray();
            var checks = CheckFinder.Find(model, site, node, purposes, attribute, cancellationToken);
            if (checks.Count == 0)
            {
                return;
            }

            var member = site.Anchor.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax and not GlobalStatementSyntax and not BaseNamespaceDeclarationSyntax and not TypeDeclarationSyntax) ?? root;
            var errorsBefore = Errors(model, member.FullSpan, cancellationToken);

            var wraps = 0;
            var guards = 0;
            foreach (var check in checks)
            {
                if (wraps < MaxChecks && Rewrite(root, site, check, guard: false) is { } wrapped
                    && await CompilesAsync(context.Document, wrapped, member, root, errorsBefore, cancellationToken).ConfigureAwait(false) is { } wrappedDocument)
                {
                    wraps++;
                    context.RegisterCodeFix(
                        CodeAction.Create("Add consent check: " + check.Display, _ => Task.FromResult(wrappedDocument), AddConsentCheckKey + ":" + check.Id),
                        diagnostic);
                }
            }

            foreach (var check in checks)
            {
                if (guards < MaxChecks && site.AllowsGuardClause && !check.IsVoid && Rewrite(root, site, check, guard: true) is { } guarded
                    && await CompilesAsync(context.Document, guarded, member, root, errorsBefore, cancellationToken).ConfigureAwait(false) is { } guardedDocument)
                {
                    guards++;
                    context.RegisterCodeFix(
                        CodeAction.Create("Add consent guard clause: " + check.Display, _ => Task.FromResult(guardedDocument), AddConsentGuardClauseKey + ":" + check.Id),
                        diagnostic);
                }
            }
        }

        /// <summary>Compiler errors, and nullable warnings (a receiver that may be null), in <paramref name="span"/>.</summary>
        private static int Errors(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
            => model.GetDiagnostics(span, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("CS86", StringComparison.Ordinal)));

        /// <summary>The fixed document, or null when the edit adds a compiler error or nullable warning to the member it touches.</summary>
        private static async Task<Document?> CompilesAsync(Document document, SyntaxNode newRoot, SyntaxNode member, SyntaxNode oldRoot, int errorsBefore, CancellationToken cancellationToken)
        {
            var fixedDocument = document.WithSyntaxRoot(newRoot);
            var formatted = await Formatter.FormatAsync(fixedDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            var model = await formatted.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var formattedRoot = await formatted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null || formattedRoot is null)
            {
                return null;
            }

            // Edits happen inside the member: it starts where it did and grows by what the document grew.
            var growth = formattedRoot.FullSpan.Length - oldRoot.FullSpan.Length;
            var end = Math.Min(formattedRoot.FullSpan.End, member.FullSpan.End + growth);
            if (end < member.FullSpan.Start)
            {
                return null;
            }

            var span = TextSpan.FromBounds(member.FullSpan.Start, end);
            return Errors(model, span, cancellationToken) > errorsBefore ? null : formatted;
        }

        /// <summary>The new root for one check and form, or null when the form does not apply at the site.</summary>
        private static SyntaxNode? Rewrite(SyntaxNode root, Site site, ConsentCheck check, bool guard)
        {
            if (guard)
            {
                // if (!check) return;
                var clause = SyntaxFactory.ParseStatement("if (" + check.Negated().ToFullString() + ") return;");
                return site.Apply(root, ImmutableArray.Create(clause), wrap: null);
            }

            if (check.IsVoid)
            {
                // check(...); before the statement: it throws without consent.
                return site.Apply(root, check.Statements(), wrap: null);
            }

            return site.AllowsWrap
                ? site.Apply(root, ImmutableArray<StatementSyntax>.Empty, statement => SyntaxFactory.IfStatement(
                    check.Condition(),
                    SyntaxFactory.Block(
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Site.NewLine(root)),
                        SyntaxFactory.SingletonList(EndingLine(statement, Site.NewLine(root))),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken))))
                : null;
        }

        private static StatementSyntax EndingLine(StatementSyntax statement, SyntaxTrivia newLine)
            => statement.GetTrailingTrivia().LastOrDefault().IsKind(SyntaxKind.EndOfLineTrivia) ? statement : statement.WithTrailingTrivia(statement.GetTrailingTrivia().Add(newLine));

        /// <summary>
        /// Where a sink sits: a statement (the check goes around or before it), or the expression body of a member,
        /// local function or lambda (which becomes a block body).
        /// </summary>
        private sealed class Site
        {
            private Site(SyntaxNode anchor, StatementSyntax? statement, SyntaxNode? bodyOwner, ExpressionSyntax? expressionBody, bool returnsValue, bool allowsWrap, bool allowsGuardClause)
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

            public static Site? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
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

            private static Site? ForExpressionBody(SyntaxNode owner, ExpressionSyntax body, SemanticModel model, CancellationToken cancellationToken)
            {
                var function = owner is AnonymousFunctionExpressionSyntax
                    ? model.GetSymbolInfo(owner, cancellationToken).Symbol as IMethodSymbol
                    : model.GetDeclaredSymbol(owner, cancellationToken) as IMethodSymbol;
                if (function is null || function.ReturnsByRef || function.ReturnsByRefReadonly)
                {
                    return null;
                }

                var voidLike = IsVoidLike(function);
                return new Site(body, null, owner, body, returnsValue: !voidLike, allowsWrap: voidLike, allowsGuardClause: voidLike);
            }

            private static Site? ForStatement(StatementSyntax statement, SyntaxNode sink, SemanticModel model, CancellationToken cancellationToken)
            {
                if (statement is BlockSyntax or LocalFunctionStatementSyntax)
                {
                    return null;
                }

                var allowsWrap = statement is not ReturnStatementSyntax
                    && !(statement is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword != default)
                    && !DeclaresLocalUsedLater(statement, model, cancellationToken);
                return new Site(statement, statement, null, null, returnsValue: false, allowsWrap, AllowsGuard(statement, sink, model, cancellationToken));
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
            public SyntaxNode? Apply(SyntaxNode root, ImmutableArray<StatementSyntax> inserted, Func<StatementSyntax, StatementSyntax>? wrap)
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

            public static SyntaxTrivia NewLine(SyntaxNode root)
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
        }

        /// <summary>The expressions carrying the data into the sink: the call's arguments, or an assignment's value.</summary>
        private static IEnumerable<ExpressionSyntax> DataExpressions(SyntaxNode sink)
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

        /// <summary>One usable consent check with its receiver and arguments filled in.</summary>
        private sealed class ConsentCheck
        {
            private readonly ImmutableArray<ExpressionSyntax> _calls;

            public ConsentCheck(string id, bool isVoid, ImmutableArray<ExpressionSyntax> calls)
            {
                Id = id;
                IsVoid = isVoid;
                _calls = calls;
            }

            /// <summary>The check's qualified name with parameter types: the stable half of the equivalence key.</summary>
            public string Id { get; }

            public bool IsVoid { get; }

            public string Display => string.Join(" && ", _calls.Select(c => c.NormalizeWhitespace().ToString()));

            public ExpressionSyntax Condition()
                => _calls.Skip(1).Aggregate(_calls[0], (left, right) => SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, left, right));

            public ExpressionSyntax Negated()
                => _calls.Length == 1
                    ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, _calls[0])
                    : SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(Condition()));

            public ImmutableArray<StatementSyntax> Statements()
                => _calls.Select(c => (StatementSyntax)SyntaxFactory.ExpressionStatement(c)).ToImmutableArray();
        }

        /// <summary>Finds the consent checks reachable at a site and fills in their receivers and arguments.</summary>
        private static class CheckFinder
        {
            public static List<ConsentCheck> Find(SemanticModel model, Site site, SyntaxNode sink, ImmutableArray<string> purposes, INamedTypeSymbol attribute, CancellationToken cancellationToken)
            {
                var position = site.Position;
                var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
                var member = enclosing;
                while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is { } outer)
                {
                    member = outer;
                }

                var instanceContext = member is not null && !member.IsStatic && member.ContainingType is not null;
                var inScope = model.LookupSymbols(position);

                // (receiver text or null, member), in the order they are offered.
                var found = new List<(int Rank, int Order, string? Receiver, ISymbol Check)>();
                var order = 0;
                foreach (var symbol in inScope.OrderBy(s => Location(s)).ThenBy(s => s.Name, StringComparer.Ordinal))
                {
                    if (IsCheck(symbol, attribute))
                    {
                        if (symbol.IsStatic || symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
                        {
                            found.Add((4, order++, null, symbol));
                        }
                        else if (instanceContext)
                        {
                            found.Add((0, order++, null, symbol));
                        }

                        continue;
                    }

                    var (rank, type) = symbol switch
                    {
                        IFieldSymbol { IsConst: false } field when field.IsStatic || instanceContext => (1, field.Type),
                        IPropertySymbol { IsIndexer: false, GetMethod: not null } property when property.IsStatic || instanceContext => (1, property.Type),
                        IParameterSymbol { RefKind: not RefKind.Out } parameter => (2, parameter.Type),
                        ILocalSymbol { IsConst: false } local when DeclaredBefore(local, position) => (3, local.Type),
                        _ => (-1, (ITypeSymbol?)null),
                    };

                    // A 'var' local is annotated nullable whatever it holds: the compile check turns away one that may be null.
                    if (rank < 0 || type is null || type.TypeKind is TypeKind.TypeParameter or TypeKind.Error || type.SpecialType != SpecialType.None
                        || (type.NullableAnnotation == NullableAnnotation.Annotated && symbol is not ILocalSymbol) || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                    {
                        continue;
                    }

                    foreach (var candidate in model.LookupSymbols(position, type).OrderBy(s => Location(s)).ThenBy(s => s.Name, StringComparer.Ordinal))
                    {
                        if (!candidate.IsStatic && IsCheck(candidate, attribute))
                        {
                            found.Add((rank, order++, Escape(symbol.Name), candidate));
                        }
                    }
                }

                // Static checks declared anywhere in the compilation's source and accessible here.
                foreach (var candidate in model.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member, cancellationToken)
                    .Where(s => s.IsStatic && s.ContainingType is not null && IsCheck(s, attribute) && model.IsAccessible(position, s))
                    .OrderBy(s => s.ContainingType.ToDisplayString(), StringComparer.Ordinal).ThenBy(s => Location(s)))
                {
                    found.Add((5, order++, candidate.ContainingType.ToMinimalDisplayString(model, position), candidate));
                }

                var data = DataExpressions(sink).ToList();
                var checks = new List<(int Preference, int Rank, int Order, ConsentCheck Check)>();
                var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var (rank, index, receiver, symbol) in found.OrderBy(f => f.Rank).ThenBy(f => f.Order))
                {
                    if (!seen.Add(symbol.OriginalDefinition))
                    {
                        continue;
                    }

                    if (Build(model, position, receiver, symbol, attribute, purposes, data, cancellationToken) is { } check)
                    {
                        var declared = ConsentMarker.Read(PrivacySymbols.Find(symbol.OriginalDefinition, attribute))?.Purpose;
                        checks.Add((declared is null ? 1 : 0, rank, index, check));
                    }
                }

                return checks.OrderBy(c => c.Preference).ThenBy(c => c.Rank).ThenBy(c => c.Order).Select(c => c.Check).ToList();
            }

            private static (string, int) Location(ISymbol symbol)
                => symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                    ? (location.SourceTree!.FilePath, location.SourceSpan.Start)
                    : ("\uffff", 0);

            private static bool DeclaredBefore(ILocalSymbol local, int position)
                => local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.Span.End <= position;

            private static bool IsCheck(ISymbol symbol, INamedTypeSymbol attribute)
                => symbol switch
                {
                    IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                        && PrivacySymbols.Find(method.OriginalDefinition, attribute) is not null,
                    IPropertySymbol property => !property.IsIndexer && property.GetMethod is not null && property.Type.SpecialType == SpecialType.System_Boolean
                        && PrivacySymbols.Find(property.OriginalDefinition, attribute) is not null,
                    _ => false,
                };

            /// <summary>The check with its arguments, or null when it cannot cover <paramref name="purposes"/> or a parameter cannot be filled.</summary>
            private static ConsentCheck? Build(SemanticModel model, int position, string? receiver, ISymbol symbol, INamedTypeSymbol attribute, ImmutableArray<string> purposes, List<ExpressionSyntax> data, CancellationToken cancellationToken)
            {
                var declared = ConsentMarker.Read(PrivacySymbols.Find(symbol.OriginalDefinition, attribute))?.Purpose;
                if (declared is not null && purposes.Any(p => !PurposeList.Comparer.Equals(p, declared)))
                {
                    return null; // a check for another purpose would not silence the diagnostic
                }

                var id = symbol.OriginalDefinition.ToDisplayString(IdFormat);
                var target = receiver is null ? Escape(symbol.Name) : receiver + "." + Escape(symbol.Name);
                if (symbol is IPropertySymbol)
                {
                    return new ConsentCheck(id, isVoid: false, ImmutableArray.Create(SyntaxFactory.ParseExpression(target)));
                }

                var method = (IMethodSymbol)symbol;
                var isVoid = method.ReturnsVoid;
                if (method.IsGenericMethod || (!isVoid && method.ReturnType.SpecialType != SpecialType.System_Boolean))
                {
                    return null; // async checks (Task) and generic ones are left to the user
                }

                var purposeParameter = method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String && string.Equals(p.Name, "purpose", StringComparison.OrdinalIgnoreCase))
                    ?? (declared is null ? method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String) : null);
                // One call per needed purpose, joined by && (or one statement each): together they cover them all.
                string?[] values;
                if (purposeParameter is null)
                {
                    values = new string?[] { null };
                }
                else if (!purposes.IsEmpty)
                {
                    values = purposes.Select(p => (string?)p).ToArray();
                }
                else if (declared is not null)
                {
                    values = new string?[] { declared };
                }
                else
                {
                    return null; // the check needs a purpose and the diagnostic names none
                }

                var arguments = new List<string>();
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.RefKind != RefKind.None || parameter.IsParams)
                    {
                        if (parameter.IsParams)
                        {
                            break;
                        }

                        return null;
                    }

                    if (SymbolEqualityComparer.Default.Equals(parameter, purposeParameter))
                    {
                        arguments.Add("{0}");
                        continue;
                    }

                    if (Value(model, position, parameter.Type, data, cancellationToken) is { } value)
                    {
                        arguments.Add(value);
                        continue;
                    }

                    var rest = method.Parameters.Skip(parameter.Ordinal).ToList();
                    if (rest.All(p => p.IsOptional && !SymbolEqualityComparer.Default.Equals(p, purposeParameter)))
                    {
                        break; // the defaults fill the rest
                    }

                    return null;
                }

                var calls = ImmutableArray.CreateBuilder<ExpressionSyntax>();
                foreach (var purpose in values)
                {
                    var literal = purpose is null ? string.Empty : SymbolDisplay.FormatLiteral(purpose, quote: true);
                    var text = target + "(" + string.Join(", ", arguments.Select(a => a == "{0}" ? literal : a)) + ")";
                    if (SyntaxFactory.ParseExpression(text) is not { } call || call.ContainsDiagnostics)
                    {
                        return null;
                    }

                    calls.Add(call);
                }

                return new ConsentCheck(id, isVoid, calls.ToImmutable());
            }

            /// <summary>
            /// A value of <paramref name="type"/> in scope: the sink's data (<c>v</c> in <c>Serialize(v.Email)</c>) first,
            /// then parameters and locals by declaration order.
            /// </summary>
            private static string? Value(SemanticModel model, int position, ITypeSymbol type, List<ExpressionSyntax> data, CancellationToken cancellationToken)
            {
                foreach (var expression in data)
                {
                    for (var candidate = expression; candidate is not null; candidate = (candidate as MemberAccessExpressionSyntax)?.Expression)
                    {
                        if (candidate is IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }
                            && IsPure(candidate)
                            && model.GetTypeInfo(candidate, cancellationToken) is { Type: { } candidateType } info
                            && info.Nullability.FlowState != NullableFlowState.MaybeNull
                            && Fits(model.Compilation, candidateType, type))
                        {
                            return candidate.WithoutTrivia().ToString();
                        }
                    }
                }

                foreach (var symbol in model.LookupSymbols(position).OrderBy(s => Location(s)))
                {
                    var candidateType = symbol switch
                    {
                        IParameterSymbol { RefKind: not RefKind.Out } parameter => parameter.Type,
                        ILocalSymbol { IsConst: false } local when DeclaredBefore(local, position) => local.Type,
                        _ => null,
                    };

                    if (candidateType is not null && (candidateType.NullableAnnotation != NullableAnnotation.Annotated || symbol is ILocalSymbol) && Fits(model.Compilation, candidateType, type))
                    {
                        return Escape(symbol.Name);
                    }
                }

                return null;
            }

            private static bool IsPure(ExpressionSyntax expression)
                => expression switch
                {
                    IdentifierNameSyntax or ThisExpressionSyntax => true,
                    MemberAccessExpressionSyntax access => access.Name is IdentifierNameSyntax && IsPure(access.Expression),
                    _ => false,
                };

            private static bool Fits(Compilation compilation, ITypeSymbol source, ITypeSymbol destination)
            {
                if (source.SpecialType == SpecialType.System_String && destination.SpecialType == SpecialType.System_String)
                {
                    return true;
                }

                var conversion = compilation.ClassifyConversion(source, destination);
                return conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference);
            }
        }

        private static string Escape(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
