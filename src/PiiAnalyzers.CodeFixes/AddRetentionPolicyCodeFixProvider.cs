using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII004: puts <c>[RetentionPolicy(Days = N)]</c> on every type the diagnostic names (the stored type, or each type
    /// that declares a piece of the data; its first declaration, wherever it is), N being
    /// <c>pii_analyzers.default_retention_days</c> for that type's file, or 30.
    /// </summary>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class AddRetentionPolicyCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII004.AddRetentionPolicy";

        /// <summary>The retention period written when <see cref="PiiOptions.DefaultRetentionDays"/> gives none.</summary>
        public const int DefaultDays = 30;

        private const string Title = "Add retention policy";

        private const string AttributeName = PrivacySymbols.Namespace + ".RetentionPolicyAttribute";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.PersistedWithoutRetention.Id);

        public override FixAllProvider GetFixAllProvider() => AddAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var targets = await FindTargetsAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (targets.Count > 0)
                {
                    context.RegisterCodeFix(CodeAction.Create(Title, token => AddPoliciesAsync(targets[0].Document.Project.Solution, targets, token), EquivalenceKey), diagnostic);
                }
            }
        }

        /// <summary>The documentation-comment ids of the types the diagnostic names (see <see cref="DiagnosticProperties.RetentionType"/>).</summary>
        private static string[] TypeIds(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(DiagnosticProperties.RetentionType, out var ids) && !string.IsNullOrEmpty(ids)
                ? ids!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                : Array.Empty<string>();

        /// <summary>The declarations to annotate: of the types the diagnostic names, those that can take the policy.</summary>
        private static async Task<List<Target>> FindTargetsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var targets = new List<Target>();
            foreach (var typeId in TypeIds(diagnostic))
            {
                if (await FindTargetAsync(document, typeId, cancellationToken).ConfigureAwait(false) is { } target
                    && !targets.Any(t => t.Declaration == target.Declaration))
                {
                    targets.Add(target);
                }
            }

            return targets;
        }

        /// <summary>The declaration to annotate, or null when the type is not the user's, is not a class or struct, or has a policy.</summary>
        private static async Task<Target?> FindTargetAsync(Document document, string typeId, CancellationToken cancellationToken)
        {
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation?.GetTypeByMetadataName(AttributeName) is not { } attributeType
                || DocumentationCommentId.GetFirstSymbolForDeclarationId(typeId, compilation) is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type
                || PrivacySymbols.Find(type, attributeType) is not null)
            {
                return null;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (document.Project.Solution.GetDocument(reference.SyntaxTree) is { } razorDocument
                    && !EditableCode.CanEdit(razorDocument, reference.SyntaxTree, cancellationToken))
                {
                    continue; // a component's part generated from its .razor file: the attribute goes on its code-behind, if any
                }

                if (document.Project.Solution.GetDocument(reference.SyntaxTree) is { } declaringDocument
                    && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax declaration)
                {
                    // In the IDE the type may be declared in a referenced project of the solution: the attribute goes
                    // there, so that project must be able to name it (it may mark its data with another library's
                    // attribute and not reference PiiAttributes).
                    if (declaringDocument.Project.Id != document.Project.Id)
                    {
                        var declaringCompilation = await declaringDocument.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                        if (declaringCompilation?.GetTypeByMetadataName(AttributeName) is not { } declaringAttributeType)
                        {
                            return null;
                        }

                        attributeType = declaringAttributeType;
                    }

                    return new Target(declaringDocument, declaration, attributeType);
                }

                break; // the first declaration, or none
            }

            return null;
        }

        /// <summary>Adds the policy to every target, one edit per declaring document.</summary>
        private static async Task<Solution> AddPoliciesAsync(Solution solution, IEnumerable<Target> targets, CancellationToken cancellationToken)
        {
            foreach (var group in targets.GroupBy(t => t.Document.Id))
            {
                var document = solution.GetDocument(group.Key);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null)
                {
                    continue;
                }

                var generator = SyntaxGenerator.GetGenerator(document);
                var endOfLine = AttributeInsertion.EndOfLine(root);
                var byDeclaration = new Dictionary<TypeDeclarationSyntax, Target>();
                foreach (var target in group)
                {
                    byDeclaration[target.Declaration] = target; // the same type named by several diagnostics gets one policy
                }

                var newRoot = root.ReplaceNodes(byDeclaration.Keys, (original, rewritten) =>
                {
                    var target = byDeclaration[original];
                    var days = PiiOptions.GetDefaultRetentionDays(document.Project.AnalyzerOptions, original.SyntaxTree) ?? DefaultDays;
                    var arguments = AttributeInsertion.NamedArgument("Days",
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(days.ToString(CultureInfo.InvariantCulture), days)));
                    var list = AttributeInsertion.List(generator, target.AttributeType, arguments);
                    return AttributeInsertion.AddTo(rewritten, list, endOfLine);
                });
                document = await AttributeInsertion.SimplifyAsync(document.WithSyntaxRoot(newRoot), group.First().AttributeType, cancellationToken).ConfigureAwait(false);
                solution = document.Project.Solution;
            }

            return solution;
        }

        /// <summary>
        /// Fix All: a policy on every type the diagnostics in scope name, each type once, in one pass (the batch fixer
        /// drops edits of one file that overlap, such as two types' shared <c>using</c> directive).
        /// </summary>
        private sealed class AddAll : FixAllProvider
        {
            public static readonly AddAll Instance = new AddAll();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => Task.FromResult<CodeAction?>(CodeAction.Create(Title, token => FixAllAsync(fixAllContext, token), EquivalenceKey));

            private static async Task<Solution> FixAllAsync(FixAllContext fixAllContext, CancellationToken cancellationToken)
            {
                var solution = fixAllContext.Solution;
                var projects = fixAllContext.Scope == FixAllScope.Solution ? solution.Projects : new[] { fixAllContext.Project };
                var targets = new List<Target>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var project in projects)
                {
                    var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } only
                        ? await fixAllContext.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                        : await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var diagnostic in diagnostics)
                    {
                        if (!diagnostic.Location.IsInSource || solution.GetDocument(diagnostic.Location.SourceTree) is not { } document)
                        {
                            continue;
                        }

                        foreach (var typeId in TypeIds(diagnostic))
                        {
                            if (seen.Add(project.Id.Id + typeId)
                                && await FindTargetAsync(document, typeId, cancellationToken).ConfigureAwait(false) is { } target
                                && !targets.Any(t => t.Declaration == target.Declaration))
                            {
                                targets.Add(target);
                            }
                        }
                    }
                }

                return await AddPoliciesAsync(solution, targets, cancellationToken).ConfigureAwait(false);
            }
        }

        private sealed class Target
        {
            public Target(Document document, TypeDeclarationSyntax declaration, INamedTypeSymbol attributeType)
            {
                Document = document;
                Declaration = declaration;
                AttributeType = attributeType;
            }

            public Document Document { get; }

            public TypeDeclarationSyntax Declaration { get; }

            public INamedTypeSymbol AttributeType { get; }
        }
    }
}
