using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII001: wraps the logged value in <c>Redaction.Mask(...)</c>, or in the project's own <c>[Redactor]</c> method when
    /// exactly one suitable one is accessible. An interpolated message or a concatenation has its holes redacted one by
    /// one (those that read personal data, else every one that is not a constant), not the whole message. Values that are not strings are passed as <c>x.ToString()</c> (value types) or <c>x?.ToString()</c>.
    /// The fix is offered only when the changed code has no more errors and warnings than before.
    /// </summary>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class RedactPersonalDataCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII001.Redact";

        /// <summary>Marks the redactor's calls in a replacement, so the speculative check finds them.</summary>
        private static readonly SyntaxAnnotation RedactorCall = new SyntaxAnnotation(nameof(RedactorCall));

        /// <summary>The suitable <c>[Redactor]</c> methods declared in a compilation's source, found once per compilation.</summary>
        private static readonly ConditionalWeakTable<Compilation, RedactorList> SourceRedactors = new ConditionalWeakTable<Compilation, RedactorList>();

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.PersonalDataLogged.Id);

        public override FixAllProvider GetFixAllProvider() => RedactAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || PrivacySymbols.TryCreate(model.Compilation) is not { } symbols
                || !EditableCode.CanFix(document, root.SyntaxTree, cancellationToken))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (await FixAsync(document, root, model, symbols, diagnostic, cancellationToken).ConfigureAwait(false) is not { } fix)
                {
                    continue;
                }

                var title = "Redact with " + fix.Redactor.ContainingType.Name + "." + fix.Redactor.Name;
                context.RegisterCodeFix(
                    CodeAction.Create(title, token => ApplyAsync(document, root.ReplaceNode(fix.Reported, fix.Replacement), new[] { fix.Redactor.ContainingType }, token), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The reported expression and its redacted replacement, or null when no redactor gives code that compiles as well as before.</summary>
        private static async Task<Fix?> FixAsync(Document document, SyntaxNode root, SemanticModel model, PrivacySymbols symbols, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var span = diagnostic.Location.SourceSpan;
            if (diagnostic.Id != Descriptors.PersonalDataLogged.Id || !diagnostic.Location.IsInSource
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax reported || reported.Span != span)
            {
                return null;
            }

            foreach (var redactor in Redactors(model, symbols, reported.SpanStart))
            {
                var marker = new SyntaxAnnotation();
                if (Redact(model, symbols, reported, redactor, marker, cancellationToken) is not { } replacement)
                {
                    continue;
                }

                // Whether the redacted code compiles decides which redactor the title names: the project's own redactor
                // is passed over for Redaction.Mask when the call adds any compiler warning (a value that may be null for
                // a non-nullable parameter, an obsolete redactor, a ref struct boxed to object). The edited statement is
                // bound speculatively at its place; only where that cannot tell is the edited document bound. The names
                // are simplified, and the using directive added, only when the fix is picked.
                if (AddsNoProblems(model, reported, replacement, marker, redactor, cancellationToken)
                    || await IntroducesNoProblemsAsync(document, reported, root.ReplaceNode(reported, replacement), marker, cancellationToken).ConfigureAwait(false))
                {
                    return new Fix(reported, replacement, redactor);
                }
            }

            return null;
        }

        /// <summary>The project's own redactor when exactly one suitable one is accessible here, then <c>Redaction.Mask</c>.</summary>
        private static IEnumerable<IMethodSymbol> Redactors(SemanticModel model, PrivacySymbols symbols, int position)
        {
            if (symbols.Redactor is { } attribute)
            {
                var own = SourceRedactors.GetValue(model.Compilation, c => new RedactorList(Find(c, attribute, symbols.Redaction)))
                    .Methods.Where(m => model.IsAccessible(position, m))
                    .Take(2)
                    .ToList();
                if (own.Count == 1)
                {
                    yield return own[0];
                }
            }

            if (symbols.Redaction?.GetMembers("Mask").OfType<IMethodSymbol>().FirstOrDefault(IsSuitable) is { } mask)
            {
                yield return mask;
            }
        }

        /// <summary>Static, non-generic, one by-value <c>string</c> or <c>object</c> parameter, returns <c>string</c>.</summary>
        private static bool IsSuitable(IMethodSymbol method)
            => method is { IsStatic: true, IsGenericMethod: false, MethodKind: MethodKind.Ordinary, ReturnType.SpecialType: SpecialType.System_String, Parameters.Length: 1 }
                && method.Parameters[0].RefKind == RefKind.None
                && method.Parameters[0].Type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                && method.ContainingType is { IsGenericType: false };

        private static ImmutableArray<IMethodSymbol> Find(Compilation compilation, INamedTypeSymbol attribute, INamedTypeSymbol? redaction)
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.SourceModule.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        pending.Push(container);
                    }
                    else if (member is IMethodSymbol method
                        && IsSuitable(method)
                        && !SymbolEqualityComparer.Default.Equals(method.ContainingType, redaction)
                        && PrivacySymbols.Find(method, attribute) is not null)
                    {
                        found.Add(method);
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>The replacement for <paramref name="reported"/>, marked with <paramref name="marker"/>; null when there is none.</summary>
        private static ExpressionSyntax? Redact(SemanticModel model, PrivacySymbols symbols, ExpressionSyntax reported, IMethodSymbol redactor, SyntaxAnnotation marker, CancellationToken cancellationToken)
        {
            if (reported is InterpolatedStringExpressionSyntax interpolated && Holes(model, symbols, interpolated, cancellationToken) is { Count: > 0 } holes)
            {
                var replaced = new Dictionary<InterpolationSyntax, InterpolationSyntax>();
                foreach (var hole in holes)
                {
                    var isString = model.GetTypeInfo(hole.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String;
                    if (Call(model, hole.Expression, redactor, cancellationToken) is not { } call)
                    {
                        return null;
                    }

                    // A format clause means nothing to the masked text; it is kept only where the value already was a string.
                    replaced[hole] = hole.WithExpression(call).WithFormatClause(isString ? hole.FormatClause : null);
                }

                return interpolated.ReplaceNodes(replaced.Keys, (original, _) => replaced[original]).WithAdditionalAnnotations(marker);
            }

            if (reported is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation
                && model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String
                && Holes(model, symbols, Operands(model, concatenation, cancellationToken), cancellationToken) is { Count: > 0 } operands)
            {
                var replaced = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
                foreach (var operand in operands)
                {
                    if (Call(model, operand, redactor, cancellationToken) is not { } call)
                    {
                        return null;
                    }

                    replaced[operand] = call;
                }

                return concatenation.ReplaceNodes(replaced.Keys, (original, _) => replaced[original]).WithAdditionalAnnotations(marker);
            }

            return Call(model, reported, redactor, cancellationToken)?.WithAdditionalAnnotations(marker);
        }

        /// <summary>The operands of a string concatenation <c>a + b + c</c>, left to right.</summary>
        private static List<ExpressionSyntax> Operands(SemanticModel model, BinaryExpressionSyntax concatenation, CancellationToken cancellationToken)
        {
            var operands = new List<ExpressionSyntax>();
            ExpressionSyntax current = concatenation;
            while (current is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary
                && model.GetTypeInfo(binary, cancellationToken).Type?.SpecialType == SpecialType.System_String)
            {
                operands.Add(binary.Right);
                current = binary.Left;
            }

            operands.Add(current);
            operands.Reverse();
            return operands;
        }

        /// <summary>
        /// The holes of an interpolated string to redact one by one: those that read personal data directly, or, when none
        /// does (the data came through a local), every hole that is not a constant. The text around them stays readable.
        /// </summary>
        private static List<InterpolationSyntax> Holes(SemanticModel model, PrivacySymbols symbols, InterpolatedStringExpressionSyntax interpolated, CancellationToken cancellationToken)
        {
            var all = interpolated.Contents.OfType<InterpolationSyntax>().ToList();
            var chosen = Holes(model, symbols, all.Select(h => h.Expression).ToList(), cancellationToken);
            return all.Where(h => chosen.Contains(h.Expression)).ToList();
        }

        /// <summary>The same choice among the operands of a concatenation or the expressions of holes.</summary>
        private static List<ExpressionSyntax> Holes(SemanticModel model, PrivacySymbols symbols, List<ExpressionSyntax> parts, CancellationToken cancellationToken)
        {
            var catalog = new PersonalDataCatalog(symbols);
            var variable = parts.Where(p => !model.GetConstantValue(p, cancellationToken).HasValue).ToList();
            var personal = variable.Where(p => IsPersonal(model.GetOperation(p, cancellationToken), catalog, 0)).ToList();
            return personal.Count > 0 ? personal : variable;
        }

        /// <summary>
        /// <c>global::N.Redactor.Mask</c>, written from the symbol, annotated so the simplifier reduces it and
        /// <see cref="AttributeInsertion.SimplifyAsync(Document, IEnumerable{INamedTypeSymbol}, SyntaxAnnotation, CancellationToken)"/>
        /// imports its namespace where that makes no name ambiguous. Not <c>SyntaxGenerator.TypeExpression</c>: the symbol
        /// annotation it adds lets the code action's clean-up import the namespace even where that was declined.
        /// </summary>
        private static ExpressionSyntax Callee(IMethodSymbol redactor)
            => SymbolSyntax.QualifiedName(redactor, global: true).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary><c>Redactor(value)</c>, converting the value to a string first when the redactor takes one; keeps the trivia.</summary>
        private static ExpressionSyntax? Call(SemanticModel model, ExpressionSyntax value, IMethodSymbol redactor, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(value, cancellationToken).Type;
            if (type is null or IPointerTypeSymbol or IFunctionPointerTypeSymbol || type.TypeKind == TypeKind.Error)
            {
                return null;
            }

            var bare = value.WithoutTrivia();
            ExpressionSyntax argument;
            if (type.SpecialType == SpecialType.System_String || redactor.Parameters[0].Type.SpecialType == SpecialType.System_Object)
            {
                argument = bare is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : bare; // an argument needs no parentheses
            }
            else
            {
                var receiver = IsPrimary(bare) ? bare : SyntaxFactory.ParenthesizedExpression(bare);
                var toString = SyntaxFactory.IdentifierName(nameof(ToString));
                var nullableValue = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
                argument = type.IsValueType && !nullableValue
                    ? SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, toString))
                    : SyntaxFactory.ConditionalAccessExpression(receiver, SyntaxFactory.InvocationExpression(SyntaxFactory.MemberBindingExpression(toString)));
            }

            return SyntaxFactory.InvocationExpression(Callee(redactor), SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument))))
                .WithTriviaFrom(value)
                .WithAdditionalAnnotations(RedactorCall);
        }

        /// <summary>Expressions that can take <c>.ToString()</c> without parentheses.</summary>
        private static bool IsPrimary(ExpressionSyntax expression)
            => expression is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax
                or BaseExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                || expression.IsKind(SyntaxKind.SuppressNullableWarningExpression);

        private static bool IsPersonal(IOperation? operation, PersonalDataCatalog catalog, int depth)
        {
            if (depth > 16)
            {
                return false;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return IsPersonal(conversion.Operand, catalog, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsPersonal(parenthesized.Operand, catalog, depth + 1);
                case IPropertyReferenceOperation property:
                    return catalog.GetDeclared(property.Property) is not null;
                case IFieldReferenceOperation field:
                    return catalog.GetDeclared(field.Field) is not null;
                case IParameterReferenceOperation parameter:
                    return catalog.GetDeclared(parameter.Parameter) is not null;
                case IInvocationOperation invocation:
                    return catalog.GetDeclared(invocation.TargetMethod) is not null
                        || (invocation.Instance is { } instance
                            && (invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String || invocation.TargetMethod.Name == nameof(ToString))
                            && IsPersonal(instance, catalog, depth + 1));
                case IConditionalAccessOperation conditional:
                    return IsPersonal(conditional.Operation, catalog, depth + 1) || IsPersonal(conditional.WhenNotNull, catalog, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsPersonal(coalesce.Value, catalog, depth + 1) || IsPersonal(coalesce.WhenNull, catalog, depth + 1);
                default:
                    return false;
            }
        }

        /// <summary>Imports the redactors' namespaces (or keeps their names qualified where an import would make a name ambiguous) and reduces the names.</summary>
        private static Task<Document> ApplyAsync(Document document, SyntaxNode newRoot, IEnumerable<INamedTypeSymbol> redactorTypes, CancellationToken cancellationToken)
            => AttributeInsertion.SimplifyAsync(document.WithSyntaxRoot(newRoot), redactorTypes, Simplifier.AddImportsAnnotation, cancellationToken);

        /// <summary>
        /// True when the statement (or member) around the change has no more compiler errors and warnings after it than
        /// before: the fix never breaks the build, nor adds a nullable warning.
        /// </summary>
        private static async Task<bool> IntroducesNoProblemsAsync(Document document, SyntaxNode original, SyntaxNode newRoot, SyntaxAnnotation marker, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var changed = document.WithSyntaxRoot(newRoot);
            var changedRoot = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var changedModel = await EditBinding.BindAsync(changed, cancellationToken).ConfigureAwait(false);
            if (model is null || changedRoot is null || changedModel is null || changedRoot.GetAnnotatedNodes(marker).FirstOrDefault() is not { } replacement)
            {
                return false;
            }

            return Problems(model, Scope(original), cancellationToken) >= Problems(changedModel, Scope(replacement), cancellationToken);
        }

        /// <summary>
        /// True when the statement with <paramref name="replacement"/>, bound speculatively where it stands, is known to
        /// have no new compiler error or warning: each redactor call binds to the redactor with a value that is not null
        /// where the parameter forbids null, nothing called is obsolete or experimental, and the call or text around the
        /// replacement binds as before. False when that cannot be told so; then the edited document must be bound.
        /// </summary>
        private static bool AddsNoProblems(SemanticModel model, ExpressionSyntax reported, ExpressionSyntax replacement, SyntaxAnnotation marker, IMethodSymbol redactor, CancellationToken cancellationToken)
        {
            if (Scope(reported) is not StatementSyntax statement
                || IsFlagged(redactor) || IsFlagged(redactor.ContainingType)
                || redactor.ReturnType.NullableAnnotation == NullableAnnotation.Annotated
                || redactor.GetReturnTypeAttributes().Concat(redactor.Parameters[0].GetAttributes()).Any(IsNullableFlow))
            {
                return false;
            }

            // Around the replacement: the argument of the same method (with the same inferred nullability), or a hole of
            // a string (not of an interpolated string handler, whose AppendFormatted overloads may not take a string).
            if (!IsText(model.GetTypeInfo(reported, cancellationToken))
                || (reported.Parent is InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax outer } && !IsText(model.GetTypeInfo(outer, cancellationToken)))
                || reported.Parent is not (ArgumentSyntax or InterpolationSyntax))
            {
                return false;
            }

            var callBefore = reported.Parent is ArgumentSyntax { Parent.Parent: { } call } ? model.GetSymbolInfo(call, cancellationToken).Symbol : null;
            if (reported.Parent is ArgumentSyntax && callBefore is null)
            {
                return false;
            }

            var speculated = statement.ReplaceNode(reported, replacement);
            if (!model.TryGetSpeculativeSemanticModel(statement.SpanStart, speculated, out var speculative)
                || speculated.GetAnnotatedNodes(marker).FirstOrDefault() is not ExpressionSyntax replaced)
            {
                return false;
            }

            if (callBefore is not null
                && (replaced.Parent is not ArgumentSyntax { Parent.Parent: { } callAfter }
                    || !SymbolEqualityComparer.IncludeNullability.Equals(callBefore, speculative.GetSymbolInfo(callAfter, cancellationToken).Symbol)))
            {
                return false;
            }

            var nullableWarnings = model.GetNullableContext(statement.SpanStart).WarningsEnabled();
            var parameter = redactor.Parameters[0];
            foreach (var redaction in replaced.DescendantNodesAndSelf().Where(n => n.HasAnnotation(RedactorCall)).OfType<InvocationExpressionSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(speculative.GetSymbolInfo(redaction, cancellationToken).Symbol, redactor)
                    || redaction.ArgumentList.Arguments[0].Expression is not { } argument)
                {
                    return false;
                }

                // x.ToString() or x?.ToString(): ToString must bind, to a member nothing flags.
                var toString = argument switch
                {
                    ConditionalAccessExpressionSyntax { WhenNotNull: InvocationExpressionSyntax conditional } => conditional,
                    InvocationExpressionSyntax direct => direct,
                    _ => null,
                };
                if (toString is not null && (speculative.GetSymbolInfo(toString, cancellationToken).Symbol is not IMethodSymbol method || IsFlagged(method)))
                {
                    return false;
                }

                var value = speculative.GetTypeInfo(argument, cancellationToken);
                if (value.Type is null || value.Type.TypeKind == TypeKind.Error || value.Type.IsRefLikeType
                    || (nullableWarnings && parameter.NullableAnnotation != NullableAnnotation.Annotated && value.Type.IsReferenceType
                        && value.Nullability.FlowState != NullableFlowState.NotNull))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A value used as a string or an object: not as a handler, a FormattableString or another type a string does not convert to.</summary>
        private static bool IsText(TypeInfo info)
            => info.Type is not null && info.ConvertedType?.SpecialType is SpecialType.System_String or SpecialType.System_Object;

        /// <summary>An attribute that changes what the compiler knows of null (<c>[NotNullIfNotNull]</c>, <c>[DisallowNull]</c> ...).</summary>
        private static bool IsNullableFlow(AttributeData attribute)
            => attribute.AttributeClass?.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis";

        /// <summary>True when using <paramref name="symbol"/> may warn: it is obsolete or experimental.</summary>
        private static bool IsFlagged(ISymbol symbol)
            => symbol.GetAttributes().Any(a => a.AttributeClass?.Name is "ObsoleteAttribute" or "ExperimentalAttribute");

        private static SyntaxNode Scope(SyntaxNode node)
            => node.AncestorsAndSelf().FirstOrDefault(n => n is StatementSyntax or MemberDeclarationSyntax) ?? node;

        private static int Problems(SemanticModel model, SyntaxNode scope, CancellationToken cancellationToken)
            => model.GetDiagnostics(scope.Span, cancellationToken).Count(d => d.Severity >= DiagnosticSeverity.Warning);

        private sealed class Fix
        {
            public Fix(ExpressionSyntax reported, ExpressionSyntax replacement, IMethodSymbol redactor)
            {
                Reported = reported;
                Replacement = replacement;
                Redactor = redactor;
            }

            public ExpressionSyntax Reported { get; }

            public ExpressionSyntax Replacement { get; }

            public IMethodSymbol Redactor { get; }
        }

        /// <summary>
        /// Fix All: every PII001 of a document redacted in one edit, so the arguments of one log call and the
        /// <c>using</c> directive they share are all fixed in one pass (the batch fixer drops edits that overlap).
        /// </summary>
        private sealed class RedactAll : DocumentBasedFixAllProvider
        {
            public static readonly RedactAll Instance = new RedactAll();

            protected override string GetFixAllTitle(FixAllContext fixAllContext) => "Redact personal data";

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
            {
                var cancellationToken = fixAllContext.CancellationToken;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (root is null || model is null || PrivacySymbols.TryCreate(model.Compilation) is not { } symbols)
                {
                    return document;
                }

                var fixes = new List<Fix>();
                foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
                {
                    if (await FixAsync(document, root, model, symbols, diagnostic, cancellationToken).ConfigureAwait(false) is { } fix
                        && !fixes.Any(f => f.Reported.Span.IntersectsWith(fix.Reported.Span)))
                    {
                        fixes.Add(fix); // an expression inside one already redacted is redacted with it
                    }
                }

                if (fixes.Count == 0)
                {
                    return document;
                }

                var replacements = fixes.ToDictionary(f => (SyntaxNode)f.Reported, f => (SyntaxNode)f.Replacement);
                var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
                var types = fixes.Select(f => f.Redactor.ContainingType).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                return await ApplyAsync(document, newRoot, types, cancellationToken).ConfigureAwait(false);
            }
        }

        private sealed class RedactorList
        {
            public RedactorList(ImmutableArray<IMethodSymbol> methods)
            {
                Methods = methods;
            }

            public ImmutableArray<IMethodSymbol> Methods { get; }
        }
    }
}
