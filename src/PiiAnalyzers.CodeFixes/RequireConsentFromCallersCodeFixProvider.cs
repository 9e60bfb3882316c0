using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII002, PII003, PII005: moves the consent check to the callers by putting
    /// <c>[RequiresConsent(Purpose = "...")]</c> on the method or constructor that holds the sink. Its own sinks are then
    /// guarded, and every caller that does not check consent for the purpose gets PII009. Offered when one purpose (or
    /// none: any check) covers the finding, on a method that neither overrides nor implements another (the attribute is
    /// inherited, so callers through the base would escape it) and is written in a C# file.
    /// </summary>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class RequireConsentFromCallersCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII00x.RequireConsentFromCallers";

        private const string AttributeName = PrivacySymbols.Namespace + ".RequiresConsentAttribute";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.SerializedWithoutConsent.Id,
            Descriptors.PersistedWithoutConsent.Id,
            Descriptors.TransferredWithoutConsent.Id);

        public override FixAllProvider GetFixAllProvider() => AddAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await FindTargetAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } found)
                {
                    var title = found.Purpose is null ? "Require consent from callers" : "Require consent for '" + found.Purpose + "' from callers";
                    context.RegisterCodeFix(CodeAction.Create(title, token => AddAsync(context.Document, new[] { found }, token), EquivalenceKey), diagnostic);
                }
            }
        }

        private static async Task<Target?> FindTargetAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Purposes, out var purposes) || purposes is null
                || purposes.IndexOf(',') >= 0
                || !EditableCode.CanEdit(document, diagnostic.Location.SourceTree!, cancellationToken)
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                return null; // two purposes cannot be required by one attribute
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var declaration = node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
                or PropertyDeclarationSyntax or IndexerDeclarationSyntax or TypeDeclarationSyntax or FieldDeclarationSyntax);
            if (declaration is not (MethodDeclarationSyntax or ConstructorDeclarationSyntax))
            {
                return null; // a property, a local function, an initializer: the attribute cannot go there
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.Compilation.GetTypeByMetadataName(AttributeName) is not { } attributeType
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
                || method.IsOverride || method.IsAbstract || !method.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterface(method)
                || method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)))
            {
                return null;
            }

            return new Target((BaseMethodDeclarationSyntax)declaration, attributeType, purposes.Length == 0 ? null : purposes);
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Puts the attribute on every target's declaration, once each.</summary>
        private static async Task<Document> AddAsync(Document document, IReadOnlyCollection<Target> targets, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || targets.Count == 0)
            {
                return document;
            }

            var generator = SyntaxGenerator.GetGenerator(document);
            var endOfLine = AttributeInsertion.EndOfLine(root);
            var byDeclaration = targets.GroupBy(t => t.Declaration).ToDictionary(g => g.Key, g => g.First());
            var updated = root.ReplaceNodes(byDeclaration.Keys, (original, rewritten) =>
            {
                var target = byDeclaration[original];
                var arguments = target.Purpose is { } purpose
                    ? AttributeInsertion.NamedArgument("Purpose", SymbolSyntax.StringLiteral(purpose))
                    : null;

                return AttributeInsertion.AddTo(rewritten, AttributeInsertion.List(generator, target.AttributeType, arguments), endOfLine);
            });
            return await AttributeInsertion.SimplifyAsync(document.WithSyntaxRoot(updated), targets.First().AttributeType, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Fix All: the attribute on every method the diagnostics in scope are in, once each; a method whose findings need
        /// different purposes is left alone (one attribute cannot require both).
        /// </summary>
        private sealed class AddAll : FixAllProvider
        {
            public static readonly AddAll Instance = new AddAll();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
                => Task.FromResult<CodeAction?>(CodeAction.Create("Require consent from callers", token => FixAllAsync(fixAllContext, token), EquivalenceKey));

            private static async Task<Solution> FixAllAsync(FixAllContext fixAllContext, CancellationToken cancellationToken)
            {
                var solution = fixAllContext.Solution;
                var projects = fixAllContext.Scope == FixAllScope.Solution ? solution.Projects.ToArray() : new[] { fixAllContext.Project };
                foreach (var project in projects)
                {
                    var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } only
                        ? await fixAllContext.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                        : await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var byDocument in diagnostics.Where(d => d.Location.IsInSource).GroupBy(d => d.Location.SourceTree))
                    {
                        if (solution.GetDocument(byDocument.Key) is not { } document)
                        {
                            continue;
                        }

                        var targets = new List<Target>();
                        foreach (var diagnostic in byDocument)
                        {
                            if (await FindTargetAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } target)
                            {
                                targets.Add(target);
                            }
                        }

                        var agreed = targets.GroupBy(t => t.Declaration)
                            .Where(g => g.Select(t => t.Purpose).Distinct(StringComparer.Ordinal).Count() == 1)
                            .Select(g => g.First())
                            .ToList();
                        solution = (await AddAsync(document, agreed, cancellationToken).ConfigureAwait(false)).Project.Solution;
                    }
                }

                return solution;
            }
        }

        private sealed class Target
        {
            public Target(BaseMethodDeclarationSyntax declaration, INamedTypeSymbol attributeType, string? purpose)
            {
                Declaration = declaration;
                AttributeType = attributeType;
                Purpose = purpose;
            }

            public BaseMethodDeclarationSyntax Declaration { get; }

            public INamedTypeSymbol AttributeType { get; }

            /// <summary>The purpose to require, or null: any consent check.</summary>
            public string? Purpose { get; }
        }
    }
}
