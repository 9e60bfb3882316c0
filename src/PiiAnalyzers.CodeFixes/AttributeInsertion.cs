using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// What the attribute-adding fixes share: an attribute list placed on its own line (or inline, for a parameter)
    /// with the declaration's trivia kept, its name written fully qualified and reduced by the simplifier, which also
    /// adds the <c>using</c> directive it needs.
    /// </summary>
    internal static class AttributeInsertion
    {
        /// <summary><c>[global::N.TypeAttribute(arguments)]</c>, annotated so <see cref="SimplifyAsync(Document, INamedTypeSymbol, CancellationToken)"/> reduces it and imports N.</summary>
        public static AttributeListSyntax List(SyntaxGenerator generator, INamedTypeSymbol attributeType, AttributeArgumentListSyntax? arguments = null, SyntaxKind? target = null)
        {
            var name = (NameSyntax)generator.TypeExpression(attributeType);
            var attribute = SyntaxFactory.Attribute(name.WithAdditionalAnnotations(Simplifier.Annotation), arguments);
            var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
            if (target is { } keyword)
            {
                list = list.WithTarget(SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(keyword)).WithTrailingTrivia(SyntaxFactory.Space));
            }

            // No elastic trivia: the code action's clean-up would reformat around it ("[A] [B]" becomes "[A][B]").
            return list.ReplaceTokens(list.DescendantTokens(), (_, token) => token
                .WithLeadingTrivia(token.LeadingTrivia.Where(t => !t.HasAnnotation(SyntaxAnnotation.ElasticAnnotation)))
                .WithTrailingTrivia(token.TrailingTrivia.Where(t => !t.HasAnnotation(SyntaxAnnotation.ElasticAnnotation))));
        }

        /// <summary>One named argument, <c>(Name = value)</c>, spaced as it is written by hand.</summary>
        public static AttributeArgumentListSyntax NamedArgument(string name, ExpressionSyntax value)
            => NamedArguments((name, value));

        /// <summary>Named arguments, <c>(A = a, B = b)</c>, spaced as they are written by hand.</summary>
        public static AttributeArgumentListSyntax NamedArguments(params (string Name, ExpressionSyntax Value)[] arguments)
            => SyntaxFactory.AttributeArgumentList(SymbolSyntax.Separated(
                arguments.Select(argument => SyntaxFactory.AttributeArgument(
                    SyntaxFactory.NameEquals(
                        SyntaxFactory.IdentifierName(argument.Name).WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space)),
                    nameColon: null,
                    argument.Value))));

        /// <summary>Adds <paramref name="list"/> after the existing attribute lists of a member or type, on a line of its own.</summary>
        public static MemberDeclarationSyntax AddTo(MemberDeclarationSyntax declaration, AttributeListSyntax list, SyntaxTrivia endOfLine)
        {
            var lists = declaration.AttributeLists;
            if (lists.Count > 0)
            {
                var last = lists[lists.Count - 1];
                var onOwnLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var leading = onOwnLine ? Indentation(last.GetLeadingTrivia()) : SyntaxFactory.TriviaList();
                return declaration.WithAttributeLists(lists.Add(list.WithLeadingTrivia(leading).WithTrailingTrivia(last.GetTrailingTrivia())));
            }

            var trivia = declaration.GetLeadingTrivia();
            var withList = declaration.WithoutLeadingTrivia()
                .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(trivia).WithTrailingTrivia(endOfLine)));
            var first = withList.AttributeLists[0].GetLastToken().GetNextToken();
            return withList.ReplaceToken(first, first.WithLeadingTrivia(Indentation(trivia)));
        }

        /// <summary>Adds <paramref name="list"/> after the existing attribute lists of a parameter, on the same line.</summary>
        public static ParameterSyntax AddTo(ParameterSyntax parameter, AttributeListSyntax list)
        {
            var lists = parameter.AttributeLists;
            if (lists.Count > 0)
            {
                var last = lists[lists.Count - 1];
                return parameter.WithAttributeLists(lists.Add(list.WithTrailingTrivia(last.GetTrailingTrivia())));
            }

            var trivia = parameter.GetLeadingTrivia();
            return parameter.WithoutLeadingTrivia()
                .WithAttributeLists(SyntaxFactory.SingletonList(list.WithTrailingTrivia(SyntaxFactory.Space)))
                .WithLeadingTrivia(trivia);
        }

        /// <summary>
        /// Adds the <c>using</c> directive the annotated names need (the namespace of <paramref name="imported"/>) and
        /// reduces the names; when that directive would make a name of the file ambiguous, the names stay qualified instead.
        /// </summary>
        public static Task<Document> SimplifyAsync(Document document, INamedTypeSymbol imported, CancellationToken cancellationToken)
            => SimplifyAsync(document, new[] { imported }, Simplifier.Annotation, cancellationToken);

        /// <summary>
        /// As <see cref="SimplifyAsync(Document, INamedTypeSymbol, CancellationToken)"/> for the namespaces of several types,
        /// adding imports only for the nodes marked with <paramref name="importAnnotation"/>.
        /// </summary>
        public static async Task<Document> SimplifyAsync(Document document, IEnumerable<INamedTypeSymbol> imported, SyntaxAnnotation importAnnotation, CancellationToken cancellationToken)
        {
            var canImport = true;
            foreach (var @namespace in imported.Select(t => t.ContainingNamespace).Distinct<INamespaceSymbol>(SymbolEqualityComparer.Default))
            {
                canImport &= await CanImportAsync(document, @namespace, cancellationToken).ConfigureAwait(false);
            }

            if (canImport)
            {
                document = await ImportAdder.AddImportsAsync(document, importAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// False when importing <paramref name="namespace"/> into <paramref name="document"/> could make a name ambiguous
        /// (CS0104): one of its public types has the name of a type the file already sees through another import, as
        /// ASP.NET Core Identity's <c>PersonalDataAttribute</c> has PiiAttributes', or Newtonsoft.Json's
        /// <c>JsonIgnoreAttribute</c> System.Text.Json's. The fix then writes qualified names.
        /// </summary>
        public static async Task<bool> CanImportAsync(Document document, INamespaceSymbol? @namespace, CancellationToken cancellationToken)
        {
            if (@namespace is null || @namespace.IsGlobalNamespace)
            {
                return true;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return false;
            }

            // The namespace as this document's compilation sees it (the symbol may come from another project's).
            var name = @namespace.ToDisplayString();
            var types = model.Compilation.GetCompilationNamespace(@namespace) is { } own
                ? own.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public).ToList()
                : new List<INamedTypeSymbol>();

            // Every scope a using directive can open: the file, and each namespace declaration with its own usings.
            var positions = new List<int> { unit.Members.FirstOrDefault()?.SpanStart ?? unit.EndOfFileToken.SpanStart };
            positions.AddRange(unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<BaseNamespaceDeclarationSyntax>()
                .Select(n => n.Members.FirstOrDefault()?.SpanStart ?? n.Name.Span.End));
            foreach (var position in positions)
            {
                foreach (var type in types)
                {
                    foreach (var visible in model.LookupNamespacesAndTypes(position, name: type.Name))
                    {
                        if (visible is INamedTypeSymbol other && other.ContainingNamespace?.ToDisplayString() != name)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>The whitespace that ends <paramref name="trivia"/>: the indentation of the line the declaration starts on.</summary>
        private static SyntaxTriviaList Indentation(SyntaxTriviaList trivia)
        {
            var start = trivia.Count;
            while (start > 0 && trivia[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                start--;
            }

            return SyntaxFactory.TriviaList(trivia.Skip(start));
        }

        /// <summary>The line break the file already uses (the first one in <paramref name="root"/>).</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
        {
            var existing = root.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.CarriageReturnLineFeed;
        }
    }
}
