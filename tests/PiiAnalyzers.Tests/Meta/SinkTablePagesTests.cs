using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PiiAnalyzers.Sinks;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>
    /// Each rule page lists its sinks from the sink tables, between markers; the list cannot drift from what the catalog
    /// matches. Run with <c>PII_UPDATE_SINK_PAGES=1</c> to rewrite the lists after changing a table.
    /// </summary>
    public class SinkTablePagesTests
    {
        private const string Begin = "<!-- sink-table:begin (generated from src/PiiAnalyzers/Sinks/SinkTables.cs) -->";
        private const string End = "<!-- sink-table:end -->";

        public static TheoryData<string, int> Pages => new TheoryData<string, int>
        {
            { "PII001", (int)SinkKind.Logging },
            { "PII002", (int)SinkKind.Serialization },
            { "PII003", (int)SinkKind.Persistence },
            { "PII005", (int)SinkKind.Transfer },
        };

        [Theory]
        [MemberData(nameof(Pages))]
        public void RulePage_ListsTheSinksOfItsTable(string rule, int kind)
        {
            var path = Path.Combine(ProjectFacts.RepositoryRoot, "docs", "rules", rule + ".md");
            var page = File.ReadAllText(path).Replace("\r\n", "\n");
            var begin = page.IndexOf(Begin, StringComparison.Ordinal);
            var end = page.IndexOf(End, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, $"{rule}.md has no generated sink list between '{Begin}' and '{End}'");

            var listed = page.Substring(begin + Begin.Length, end - begin - Begin.Length);
            var expected = "\n" + SinkList((SinkKind)kind) + "\n";
            if (listed != expected && Environment.GetEnvironmentVariable("PII_UPDATE_SINK_PAGES") == "1")
            {
                // Update mode rewrites the list and still fails: a run that rewrote a page never passes.
                File.WriteAllText(path, page.Substring(0, begin + Begin.Length) + expected + page.Substring(end));
                Assert.Fail(rule + ".md rewritten from the sink table, review its diff and run again");
            }

            Assert.Equal(expected, listed);
        }

        [Fact]
        public void SinkList_NamesEveryRowOfTheTable()
        {
            foreach (var row in SinkTables.All)
            {
                Assert.Contains("`" + row.Type + "`", SinkList(row.Kind), StringComparison.Ordinal);
            }
        }

        /// <summary>The markdown list of the sinks of <paramref name="kind"/>: one line per table row, then the shapes.</summary>
        internal static string SinkList(SinkKind kind)
        {
            var lines = new List<string>();
            foreach (var row in SinkTables.All.Where(r => r.Kind == kind))
            {
                lines.Add("- `" + row.Type + "`: " + Methods(row) + Notes(row));
            }

            lines.AddRange(SinkTables.Shapes(kind).Select(shape => "- " + shape));
            return string.Join("\n", lines);
        }

        private static string Methods(SinkRow row)
            => row.Methods.IsEmpty ? "every method" : string.Join(", ", row.Methods.Select(m => "`" + m + "`"));

        private static string Notes(SinkRow row)
        {
            var notes = new List<string>();
            if (!row.Overload.IsDefault)
            {
                notes.Add("only the overload `(" + string.Join(", ", row.Overload) + ")`");
            }

            if (!row.Data.IsEmpty)
            {
                notes.Add("data: " + string.Join(", ", row.Data.Select(p => "`" + p + "`")));
            }

            if (row.DestructureFlag is { } flag)
            {
                notes.Add("`" + flag + ": true` writes members out");
            }

            if (row.WritesMembers)
            {
                notes.Add("writes members out");
            }

            if (row.Derived)
            {
                notes.Add("and derived types");
            }

            if (row.IgnoreAttribute is { } ignore)
            {
                notes.Add("skips members marked `" + ignore.Substring(ignore.LastIndexOf('.') + 1).Replace("Attribute", string.Empty) + "`");
            }

            if (row.EntityStore)
            {
                notes.Add("stores an entity's own columns");
            }

            return notes.Count == 0 ? string.Empty : " (" + string.Join("; ", notes) + ")";
        }
    }
}
