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

        private static readonly SyntaxAnnotation SinkAnnotation = new SyntaxAnnotation(nameof(ExcludeFromSerializationCodeFixProvider));

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SerializedWithoutConsent.Id);

        public override FixAllProvider GetFixAllProvider() => new KeyedBatchFixAllProvider(EquivalenceKey);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // The fix is offered only when PII002's analyzer, run again over the edited solution, no longer reports the call.
            // This stays eager, unlike the other fixes: which members the value serialized really holds (through locals,
            // helpers' summaries, nested and derived types) and whether the serializer then writes none of them is the
            // flow engine's finding, and no test short of running it on the edited code is exact.
            foreach (var diagnostic in context.Diagnostics)
            {
                Solution? fixedSolution;
                try
                {
                    fixedSolution = await ExcludeAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    fixedSolution = null; // a fix that cannot be computed is not offered
                }

                if (fixedSolution is not null)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedSolution), EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>The solution with the ignore attribute on every member, or null when the fix does not apply or would not help.</summary>
        private static async Task<Solution?> ExcludeAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
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

            // The members to annotate, by the document that declares them.
            var solution = document.Project.Solution;
            var targets = new Dictionary<DocumentId, List<SyntaxNode>>();
            foreach (var id in memberIds!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var member = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
                if (member is not (IPropertySymbol or IFieldSymbol) || HasAttribute(member, attributeType))
                {
                    continue;
                }

                if (DeserializedTypes.IsRead(compilation, member.ContainingType, cancellationToken))
                {
                    return null; // the attribute would also stop the program from reading the member (a request body, a file)
                }

                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    if (solution.GetDocument(reference.SyntaxTree) is not { } declaringDocument
                        || Declaration(await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false)) is not { } declaration)
                    {
                        continue;
                    }

                    if (!EditableCode.CanEdit(declaringDocument, reference.SyntaxTree, cancellationToken))
                    {
                        return null; // a member declared in a .razor file
                    }

                    if (!targets.TryGetValue(declaringDocument.Id, out var nodes))
                    {
                        targets[declaringDocument.Id] = nodes = new List<SyntaxNode>();
                    }

                    if (!nodes.Contains(declaration))
                    {
                        nodes.Add(declaration);
                    }

                    break; // a property is annotated once, on its first declaration
                }
            }

            if (targets.Count == 0)
            {
                return null;
            }

            // The sink call, marked so it can be found again after the edits moved it.
            var sinkRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var sink = sinkRoot?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (sinkRoot is null || sink is null)
            {
                return null;
            }

            var changed = solution.WithDocumentSyntaxRoot(document.Id, sinkRoot.ReplaceNode(sink, sink.WithAdditionalAnnotations(SinkAnnotation)));
            foreach (var target in targets)
            {
                var targetDocument = changed.GetDocument(target.Key)!;
                var targetCompilation = await targetDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (targetCompilation?.GetTypeByMetadataName(attributeName!) is not { } targetAttributeType)
                {
                    continue; // declared in a project that does not reference the serializer
                }

                var root = await targetDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    continue;
                }

                var generator = SyntaxGenerator.GetGenerator(targetDocument);
                var endOfLine = AttributeInsertion.EndOfLine(root);
                var nodes = target.Value.Select(n => root.FindNode(n.Span).AncestorsAndSelf().First(a => a.RawKind == n.RawKind && a.Span == n.Span));
                var newRoot = root.ReplaceNodes(nodes, (_, node) => Annotate(node, generator, targetAttributeType, endOfLine));
                targetDocument = await AttributeInsertion.SimplifyAsync(targetDocument.WithSyntaxRoot(newRoot), targetAttributeType, cancellationToken).ConfigureAwait(false);
                changed = targetDocument.Project.Solution;
            }

            return await FixesAsync(document, changed, cancellationToken).ConfigureAwait(false) ? RemoveSinkAnnotation(changed, document.Id) : null;
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

        /// <summary>
        /// True when, in <paramref name="changed"/>, the sink call no longer reports PII002 and the edited documents have no
        /// new compile error: the value serialized really held the members.
        /// </summary>
        private static async Task<bool> FixesAsync(Document original, Solution changed, CancellationToken cancellationToken)
        {
            var document = changed.GetDocument(original.Id);
            var compilation = document is null ? null : await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var sink = root?.GetAnnotatedNodes(SinkAnnotation).FirstOrDefault();
            if (document is null || compilation is null || root is null || sink is null)
            {
                return false;
            }

            foreach (var changedId in changed.GetChanges(original.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
            {
                var before = await original.Project.Solution.GetDocument(changedId)!.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var after = await EditBinding.BindAsync(changed.GetDocument(changedId)!, cancellationToken).ConfigureAwait(false);
                if (before is null || after is null || ErrorCount(after, cancellationToken) > ErrorCount(before, cancellationToken))
                {
                    return false;
                }
            }

            var model = compilation.GetSemanticModel(root.SyntaxTree);
            var analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataSinkAnalyzer()), document.Project.AnalyzerOptions);
            var remaining = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, sink.Span, cancellationToken).ConfigureAwait(false);
            return !remaining.Any(d => d.Id == Descriptors.SerializedWithoutConsent.Id && d.Location.SourceSpan == sink.Span);
        }

        private static int ErrorCount(SemanticModel model, CancellationToken cancellationToken)
            => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);

        private static Solution RemoveSinkAnnotation(Solution solution, DocumentId documentId)
        {
            var document = solution.GetDocument(documentId);
            if (document is null || !document.TryGetSyntaxRoot(out var root))
            {
                return solution;
            }

            var sink = root.GetAnnotatedNodes(SinkAnnotation).FirstOrDefault();
            return sink is null ? solution : solution.WithDocumentSyntaxRoot(documentId, root.ReplaceNode(sink, sink.WithoutAnnotations(SinkAnnotation)));
        }
    }
}
