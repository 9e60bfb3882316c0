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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Editing;
using PiiAnalyzers.Rules;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII002: puts the serializer's own ignore attribute (<c>[JsonIgnore]</c>) on the personal-data members an object
    /// writes out, wherever they are declared. Offered only when that makes the diagnostic go away: the value serialized
    /// holds the members (<c>Serialize(visitor)</c>), not when it is one of them (<c>Serialize(visitor.Email)</c>), and
    /// every member named is declared in source. Not offered when the compilation also reads data into a type that declares
    /// one of the members (see <see cref="DeserializedTypes"/>): the attribute stops reading as well as writing, and the
    /// program would silently stop receiving the member.
    /// </summary>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class ExcludeFromSerializationCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII002.ExcludeFromSerialization";

        private const string Title = "Exclude from serialization";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SerializedWithoutConsent.Id);

        public override FixAllProvider GetFixAllProvider() => new KeyedBatchFixAllProvider(EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // The analyzer lists the members only when the attribute on them silences the call (see
            // DiagnosticProperties.IgnoreAttribute), so filling the light bulb needs no edit and no analysis of one:
            // only whether every member can take the attribute. The edit is made when the fix is picked.
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } plan)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, token => ExcludeAsync(context.Document.Project.Solution, plan, token), EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>The members to mark, by the document that declares them, and the attribute to mark them with.</summary>
        private sealed class Plan
        {
            public Plan(string attributeName, Dictionary<DocumentId, List<SyntaxNode>> targets)
            {
                AttributeName = attributeName;
                Targets = targets;
            }

            public string AttributeName { get; }

            public Dictionary<DocumentId, List<SyntaxNode>> Targets { get; }
        }

        /// <summary>
        /// Where the attribute goes, or null when the fix does not apply: a member cannot take the attribute (declared in a
        /// .razor file, in a project that cannot name the attribute, as one of several fields of a declaration, or where
        /// the attribute is not allowed), or its type is also read into (<see cref="DeserializedTypes"/>).
        /// </summary>
        private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.IgnoreAttribute, out var attributeName) || string.IsNullOrEmpty(attributeName)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Members, out var memberIds) || string.IsNullOrEmpty(memberIds)
                || !diagnostic.Location.IsInSource)
            {
                return null;
            }

            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation?.GetTypeByMetadataName(attributeName!) is not { } attributeType)
            {
                return null;
            }

            var solution = document.Project.Solution;
            var targets = new Dictionary<DocumentId, List<SyntaxNode>>();
            foreach (var id in memberIds!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var member = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
                if (member is not (IPropertySymbol or IFieldSymbol))
                {
                    return null;
                }

                if (HasAttribute(member, attributeType))
                {
                    continue;
                }

                if (DeserializedTypes.IsRead(compilation, member.ContainingType, cancellationToken))
                {
                    return null; // the attribute would also stop the program from reading the member (a request body, a file)
                }

                // A property is marked once, on its first declaration.
                var reference = member.DeclaringSyntaxReferences.FirstOrDefault();
                if (reference is null
                    || solution.GetDocument(reference.SyntaxTree) is not { } declaringDocument
                    || Declaration(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false)) is not { } declaration
                    || !EditableCode.CanEdit(declaringDocument, reference.SyntaxTree, cancellationToken)
                    || !await CanTakeAsync(declaringDocument, declaration, attributeName!, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                if (!targets.TryGetValue(declaringDocument.Id, out var nodes))
                {
                    targets[declaringDocument.Id] = nodes = new List<SyntaxNode>();
                }

                if (!nodes.Contains(declaration))
                {
                    nodes.Add(declaration);
                }
            }

            return targets.Count == 0 ? null : new Plan(attributeName!, targets);
        }

        /// <summary>
        /// True when the declaring project can name the attribute and it may stand, once, without arguments, on
        /// <paramref name="declaration"/>: then adding it compiles (the import it needs is added only where it makes no
        /// name ambiguous, see <see cref="AttributeInsertion.CanImportAsync"/>).
        /// </summary>
        private static async Task<bool> CanTakeAsync(Document declaringDocument, SyntaxNode declaration, string attributeName, CancellationToken cancellationToken)
        {
            var compilation = await declaringDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation?.GetTypeByMetadataName(attributeName) is not { } attributeType
                || !attributeType.InstanceConstructors.Any(c => c.Parameters.All(p => p.IsOptional || p.IsParams) && compilation.IsSymbolAccessibleWithin(c, compilation.Assembly)))
            {
                return false;
            }

            var needed = declaration is FieldDeclarationSyntax ? AttributeTargets.Field : AttributeTargets.Property;
            for (var type = attributeType; type is not null; type = type.BaseType)
            {
                // [AttributeUsage] is inherited: the nearest one says where the attribute may stand.
                if (type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute") is { } usage)
                {
                    return usage.ConstructorArguments.Length == 1 && usage.ConstructorArguments[0].Value is int validOn && ((AttributeTargets)validOn & needed) != 0;
                }
            }

            return true;
        }

        /// <summary>The solution with the ignore attribute on every member of <paramref name="plan"/>.</summary>
        private static async Task<Solution> ExcludeAsync(Solution solution, Plan plan, CancellationToken cancellationToken)
        {
            foreach (var target in plan.Targets)
            {
                var targetDocument = solution.GetDocument(target.Key)!;
                var targetCompilation = await targetDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                var root = await targetDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (targetCompilation?.GetTypeByMetadataName(plan.AttributeName) is not { } attributeType || root is null)
                {
                    continue; // checked when the fix was offered
                }

                var generator = SyntaxGenerator.GetGenerator(targetDocument);
                var endOfLine = AttributeInsertion.EndOfLine(root);
                var nodes = target.Value.Select(n => root.FindNode(n.Span).AncestorsAndSelf().First(a => a.RawKind == n.RawKind && a.Span == n.Span));
                var newRoot = root.ReplaceNodes(nodes, (_, node) => Annotate(node, generator, attributeType, endOfLine));
                targetDocument = await AttributeInsertion.SimplifyAsync(targetDocument.WithSyntaxRoot(newRoot), attributeType, cancellationToken).ConfigureAwait(false);
                solution = targetDocument.Project.Solution;
            }

            return solution;
        }

        private static bool HasAttribute(ISymbol member, INamedTypeSymbol attributeType)
            => member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));

        /// <summary>The node the attribute goes on: the property, the field declaration, or a record's positional parameter.</summary>
        private static SyntaxNode? Declaration(SyntaxNode node)
        {
            switch (node)
            {
                case PropertyDeclarationSyntax property:
                    return property;
                case ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } } parameter:
                    return parameter;
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } }:
                    return field; // "string a, b;": ignoring one would ignore both; not fixed
                default:
                    return null;
            }
        }

        private static SyntaxNode Annotate(SyntaxNode declaration, SyntaxGenerator generator, INamedTypeSymbol attributeType, SyntaxTrivia endOfLine)
        {
            switch (declaration)
            {
                case ParameterSyntax parameter:
                    return AttributeInsertion.AddTo(parameter, AttributeInsertion.List(generator, attributeType, target: SyntaxKind.PropertyKeyword));
                case MemberDeclarationSyntax member:
                    return AttributeInsertion.AddTo(member, AttributeInsertion.List(generator, attributeType), endOfLine);
                default:
                    return declaration;
            }
        }
    }
}
