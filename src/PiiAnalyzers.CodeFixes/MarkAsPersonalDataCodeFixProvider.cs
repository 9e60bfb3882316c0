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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII008 "Mark as personal data": adds <c>[PersonalData(Purpose = ..., Category = ...)]</c> to a member whose name
    /// says personal data. The category comes from the name; the purpose from the type's other personal-data members
    /// when they all declare the same one, else from <c>pii_analyzers.purposes</c> when it allows exactly one; otherwise
    /// the purpose is left for the developer to write (PII007 then asks for it).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MarkAsPersonalDataCodeFixProvider)), Shared]
    public sealed class MarkAsPersonalDataCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII008.MarkAsPersonalData";

        /// <summary>The title when the purpose is filled in.</summary>
        public const string Title = "Mark as personal data";

        /// <summary>The title when no purpose can be inferred: the attribute is added without one.</summary>
        public const string TitleWithoutPurpose = "Mark as personal data (purpose still to be chosen)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UnmarkedPersonalData.Id);

        public override FixAllProvider GetFixAllProvider() => RazorFileEdits.FixAll(WellKnownFixAllProviders.BatchFixer);

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => RazorFileEdits.RegisterAsync(context, RegisterInDocumentAsync);

        private static async Task RegisterInDocumentAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model?.Compilation.GetTypeByMetadataName(PrivacySymbols.Namespace + ".PersonalDataAttribute") is null)
            {
                return; // the project does not reference PiiAttributes: the attribute would not compile
            }

            if (!EditableCode.CanFix(context.Document, root.SyntaxTree, context.CancellationToken))
            {
                return; // another source generator's output
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Declaration(root, diagnostic) is not { } declaration)
                {
                    continue;
                }

                // The title says when the developer still has to write the purpose (PII007 then asks for it).
                var purpose = PurposeOf(Member(model, declaration, context.CancellationToken), context.Document, model.Compilation, declaration.SyntaxTree);
                context.RegisterCodeFix(
                    CodeAction.Create(purpose is null ? TitleWithoutPurpose : Title, ct => MarkAsync(context.Document, diagnostic, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The declaration the attribute goes on: a property, a single-variable field, or a positional record parameter.</summary>
        private static SyntaxNode? Declaration(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return node.AncestorsAndSelf().FirstOrDefault(n => n is PropertyDeclarationSyntax or ParameterSyntax or FieldDeclarationSyntax) switch
            {
                FieldDeclarationSyntax { Declaration.Variables.Count: 1 } field => field,
                FieldDeclarationSyntax => null, // one attribute would mark every variable of the declaration
                var other => other,
            };
        }

        private static async Task<Document> MarkAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || Declaration(root, diagnostic) is not { } declaration)
            {
                return document;
            }

            var member = Member(model, declaration, cancellationToken);

            if (model.Compilation.GetTypeByMetadataName(PrivacySymbols.Namespace + ".PersonalDataAttribute") is not { } attributeType)
            {
                return document;
            }

            var arguments = new List<(string, ExpressionSyntax)>();
            var purpose = PurposeOf(member, document, model.Compilation, declaration.SyntaxTree);
            if (purpose is not null)
            {
                arguments.Add(("Purpose", SymbolSyntax.StringLiteral(purpose)));
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Category, out var category)
                && category is not null && category != DiagnosticProperties.CategoryNames[0] && DiagnosticProperties.CategoryNames.Contains(category)
                && model.Compilation.GetTypeByMetadataName(PrivacySymbols.Namespace + ".PersonalDataCategory") is { } categoryType
                && categoryType.GetMembers(category).OfType<IFieldSymbol>().FirstOrDefault() is { } value)
            {
                // PiiAttributes.PersonalDataCategory.Contact, reduced by the simplifier where the namespace is imported.
                arguments.Add(("Category", SymbolSyntax.QualifiedName(value, global: false).WithAdditionalAnnotations(Simplifier.Annotation)));
            }

            var argumentList = arguments.Count == 0 ? null : AttributeInsertion.NamedArguments(arguments.ToArray());
            var list = AttributeInsertion.List(SyntaxGenerator.GetGenerator(document), attributeType, argumentList);
            SyntaxNode marked = declaration switch
            {
                ParameterSyntax parameter => AttributeInsertion.AddTo(parameter, list),
                MemberDeclarationSyntax memberDeclaration => AttributeInsertion.AddTo(memberDeclaration, list, AttributeInsertion.EndOfLine(root)),
                _ => declaration,
            };

            return await AttributeInsertion.SimplifyAsync(document.WithSyntaxRoot(root.ReplaceNode(declaration, marked)), attributeType, cancellationToken).ConfigureAwait(false);
        }

        private static ISymbol? Member(SemanticModel model, SyntaxNode declaration, CancellationToken cancellationToken)
            => declaration is FieldDeclarationSyntax field
                ? model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken)
                : model.GetDeclaredSymbol(declaration, cancellationToken);

        /// <summary>The purpose the type's other personal-data members agree on, or the one purpose the project allows.</summary>
        private static string? PurposeOf(ISymbol? member, Document document, Compilation compilation, SyntaxTree tree)
        {
            if (member?.ContainingType is { } type)
            {
                var catalog = new PersonalDataCatalog(PrivacySymbols.Create(compilation));
                var purposes = type.GetMembers()
                    .Where(m => m is IPropertySymbol or IFieldSymbol && !SymbolEqualityComparer.Default.Equals(m, member))
                    .Select(m => catalog.GetMarked(m))
                    .Where(item => item is { Purposes.IsDefaultOrEmpty: false })
                    .Select(item => string.Join(",", item!.Purposes))
                    .Distinct(PurposeList.Comparer)
                    .ToList();
                if (purposes.Count == 1)
                {
                    return purposes[0];
                }
            }

            var allowed = PiiOptions.GetAllowedPurposes(document.Project.AnalyzerOptions, tree);
            return allowed is { Length: 1 } only ? only[0] : null;
        }
    }
}
