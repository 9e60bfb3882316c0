using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Fix All of Add consent check: the batch fixer's edits, then adjacent statements that got the same new guard share one
    /// <c>if</c> (<c>if (c) { A } if (c) { B }</c> becomes <c>if (c) { A B }</c>). Only <c>if</c>s the fix added are merged,
    /// and not when the two blocks declare a local of the same name.
    /// </summary>
    internal sealed class ConsentGuardFixAllProvider : FixAllProvider
    {
        public static readonly ConsentGuardFixAllProvider Instance = new ConsentGuardFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false) is not { } batch)
            {
                return null;
            }

            var original = fixAllContext.Solution;
            return CodeAction.Create(batch.Title, token => MergeAsync(original, batch, token), fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task<Solution> MergeAsync(Solution original, CodeAction batch, CancellationToken cancellationToken)
        {
            var operations = await batch.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            if (operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution is not { } changed)
            {
                return original;
            }

            var result = changed;
            foreach (var id in changed.GetChanges(original).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
            {
                var before = original.GetDocument(id);
                var after = changed.GetDocument(id);
                var beforeRoot = before is null ? null : await before.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var afterRoot = after is null ? null : await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (beforeRoot is null || afterRoot is null)
                {
                    continue;
                }

                var existing = new HashSet<string>(beforeRoot.DescendantNodes().OfType<IfStatementSyntax>().Select(Key));
                var merged = afterRoot.ReplaceNodes(
                    afterRoot.DescendantNodes().OfType<BlockSyntax>().Where(b => HasMergeable(b.Statements, existing)),
                    (_, block) => block.WithStatements(Merge(block.Statements, existing)));
                if (merged != afterRoot)
                {
                    result = result.WithDocumentSyntaxRoot(id, merged);
                }
            }

            return result;
        }

        /// <summary>An <c>if</c> written without whitespace: the same text in the fixed document means it was there before.</summary>
        private static string Key(IfStatementSyntax statement)
            => string.Concat(statement.DescendantTokens().Select(t => t.Text));

        private static bool HasMergeable(SyntaxList<StatementSyntax> statements, HashSet<string> existing)
        {
            for (var i = 0; i + 1 < statements.Count; i++)
            {
                if (CanMerge(statements[i], statements[i + 1], existing))
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxList<StatementSyntax> Merge(SyntaxList<StatementSyntax> statements, HashSet<string> existing)
        {
            var result = new List<StatementSyntax>();
            foreach (var statement in statements)
            {
                if (result.Count > 0 && CanMerge(result[result.Count - 1], statement, existing))
                {
                    var first = (IfStatementSyntax)result[result.Count - 1];
                    var firstBlock = (BlockSyntax)first.Statement;
                    var secondBlock = (BlockSyntax)((IfStatementSyntax)statement).Statement;
                    result[result.Count - 1] = first.WithStatement(firstBlock.AddStatements(secondBlock.Statements.ToArray()));
                    continue;
                }

                result.Add(statement);
            }

            return SyntaxFactory.List(result);
        }

        /// <summary>Two new <c>if</c>s without <c>else</c>, with blocks, the same condition, and no local declared in both blocks.</summary>
        private static bool CanMerge(StatementSyntax first, StatementSyntax second, HashSet<string> existing)
        {
            if (first is not IfStatementSyntax { Else: null, Statement: BlockSyntax firstBlock } firstIf
                || second is not IfStatementSyntax { Else: null, Statement: BlockSyntax secondBlock } secondIf
                || !firstIf.Condition.IsEquivalentTo(secondIf.Condition, topLevel: false)
                || existing.Contains(Key(secondIf))
                || existing.Contains(Key(firstIf)))
            {
                return false;
            }

            var declared = new HashSet<string>(Locals(firstBlock));
            return !Locals(secondBlock).Any(declared.Contains);
        }

        private static IEnumerable<string> Locals(BlockSyntax block)
            => block.Statements.OfType<LocalDeclarationStatementSyntax>().SelectMany(d => d.Declaration.Variables).Select(v => v.Identifier.ValueText)
                .Concat(block.Statements.OfType<LocalFunctionStatementSyntax>().Select(f => f.Identifier.ValueText));
    }
}
