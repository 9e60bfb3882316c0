using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>The README's rule table has one row per descriptor, in ID order, with its title, severity and page.</summary>
    public class ReadmeRuleTableTests
    {
        private const string NoFix = "—";

        private static readonly Regex IdCell = new Regex(@"^\[(?<id>PII\d{3})\]\(docs/rules/(?<page>[^)]+)\.md\)$");

        /// <summary>The package page's links are absolute (see <see cref="PackageReadmeTests"/>).</summary>
        private static readonly Regex PackageIdCell = new Regex(@"^\[(?<id>PII\d{3})\]\(https://github\.com/piianalyzers/piianalyzers/blob/main/docs/rules/(?<page>[^)]+)\.md\)$");

        [Fact]
        public void RuleTable_MatchesTheDescriptors()
        {
            var expected = ProjectFacts.AllDescriptors
                .OrderBy(d => d.Id)
                .Select(d => d.Id + " | " + d.Title + " | " + ProjectFacts.SeverityText(d))
                .ToList();

            var actual = ReadRows().Select(row => row.Id + " | " + row.Title + " | " + row.Severity).ToList();

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void InfoRules_ReadmeSaysWhereTheCommandLineShowsThem()
        {
            // dotnet build prints no Info diagnostic: the README must say how a CLI user sees each one.
            var readme = File.ReadAllText(ProjectFacts.PathInRepository("README.md"));
            var info = ProjectFacts.AllDescriptors.Where(d => d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Info).ToList();
            Assert.NotEmpty(info);
            foreach (var descriptor in info)
            {
                var paragraph = readme.Substring(readme.IndexOf("**" + descriptor.Id + " is `Info`, which `dotnet build` does not print.**", System.StringComparison.Ordinal) is var start and >= 0
                    ? start
                    : throw new Xunit.Sdk.XunitException("the README does not say that dotnet build does not print " + descriptor.Id));
                paragraph = paragraph.Substring(0, paragraph.IndexOf("\n\n", System.StringComparison.Ordinal));
                Assert.Contains("`dotnet_diagnostic." + descriptor.Id + ".severity = warning`", paragraph);
                Assert.Contains("SARIF", paragraph);
                Assert.Contains("`pii-report`", paragraph);
            }
        }

        [Fact]
        public void RuleTable_LinksEachIdToItsPage()
        {
            foreach (var row in ReadRows())
            {
                Assert.Equal(row.Id, row.Page);
            }
        }

        [Fact]
        public void RuleTable_CodeFixColumn_MatchesTheFixers()
        {
            var fixable = ProjectFacts.CodeFixProviderTypes
                .Select(type => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)System.Activator.CreateInstance(type)!)
                .SelectMany(fixer => fixer.FixableDiagnosticIds)
                .ToHashSet();

            foreach (var row in ReadRows())
            {
                if (fixable.Contains(row.Id))
                {
                    Assert.True(row.CodeFix != NoFix, row.Id + " has a code fix; the README says it has none");
                }
                else
                {
                    Assert.True(row.CodeFix == NoFix, row.Id + " has no code fix; the README's Code fix column must say " + NoFix);
                }
            }
        }

        [Fact]
        public void PackageReadmeRuleTable_IsTheReadmes()
        {
            var readme = ReadRows().Select(row => string.Join(" | ", row.Id, row.Page, row.Title, row.Severity, row.CodeFix));

            var package = ReadRows(PackageIdCell, "src", "PiiAnalyzers.Package", "README.md").Select(row => string.Join(" | ", row.Id, row.Page, row.Title, row.Severity, row.CodeFix));

            Assert.Equal(readme, package);
        }

        private static List<(string Id, string Page, string Title, string Severity, string CodeFix)> ReadRows()
            => ReadRows(IdCell, "README.md");

        private static List<(string Id, string Page, string Title, string Severity, string CodeFix)> ReadRows(Regex idCell, params string[] path)
        {
            var lines = File.ReadAllLines(ProjectFacts.PathInRepository(path));
            var header = System.Array.FindIndex(lines, line => line.TrimStart().StartsWith('|')
                && MarkdownTable.Cells(line).SequenceEqual(new[] { "Id", "Title", "Severity", "Code fix" }));
            Assert.True(header >= 0, "README.md has no table '| Id | Title | Severity | Code fix |'");
            Assert.True(MarkdownTable.IsSeparator(lines[header + 1]), "the rule table's header is not followed by a separator");

            var rows = new List<(string, string, string, string, string)>();
            for (var i = header + 2; i < lines.Length && lines[i].TrimStart().StartsWith('|'); i++)
            {
                var cells = MarkdownTable.Cells(lines[i]);
                Assert.True(cells.Count == 4, "rule table row has " + cells.Count + " cells: " + lines[i]);
                var id = idCell.Match(cells[0]);
                Assert.True(id.Success, "rule table row does not start with [PIIxxx](docs/rules/PIIxxx.md): " + lines[i]);
                rows.Add((id.Groups["id"].Value, id.Groups["page"].Value, cells[1], cells[2], cells[3]));
            }

            return rows;
        }
    }
}
