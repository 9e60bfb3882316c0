using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PiiAnalyzers.Flow;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>
    /// docs/flow-engine.md lists the library-call models from their tables, between markers, so the page cannot drift from
    /// what the engine matches. Run with <c>PII_UPDATE_SINK_PAGES=1</c> to rewrite the list after changing a table.
    /// </summary>
    public class LibraryModelsPageTests
    {
        private const string Begin = "<!-- library-models:begin (generated from src/PiiAnalyzers/Flow/LibraryModels.cs) -->";
        private const string End = "<!-- library-models:end -->";

        [Fact]
        public void FlowEnginePage_ListsTheLibraryModels()
        {
            var path = Path.Combine(ProjectFacts.RepositoryRoot, "docs", "flow-engine.md");
            var page = File.ReadAllText(path).Replace("\r\n", "\n");
            var begin = page.IndexOf(Begin, StringComparison.Ordinal);
            var end = page.IndexOf(End, StringComparison.Ordinal);
            Assert.True(begin >= 0 && end > begin, $"flow-engine.md has no generated list between '{Begin}' and '{End}'");

            var listed = page.Substring(begin + Begin.Length, end - begin - Begin.Length);
            var expected = "\n" + ModelList() + "\n";
            if (listed != expected && Environment.GetEnvironmentVariable("PII_UPDATE_SINK_PAGES") == "1")
            {
                File.WriteAllText(path, page.Substring(0, begin + Begin.Length) + expected + page.Substring(end));
                return;
            }

            Assert.Equal(expected, listed);
        }

        /// <summary>The markdown table of the library models: one line per row, then the shapes.</summary>
        internal static string ModelList()
        {
            var lines = new List<string> { "| Type | Methods | How data passes |", "|---|---|---|" };
            foreach (var row in LibraryModels.All)
            {
                var type = row.Type is null ? Shape(row.Shape) : "`" + row.Type + "`";
                var methods = row.Methods.IsEmpty ? "every method" : string.Join(", ", row.Methods.Select(m => "`" + m + "`"));
                if (!row.Overload.IsDefault)
                {
                    methods += " (only ``(" + string.Join(", ", row.Overload) + ")``)";
                }

                lines.Add("| " + type + " | " + methods + " | " + Flow(row) + " |");
            }

            lines.Add(string.Empty);
            lines.Add("A library call no row names:");
            lines.Add(string.Empty);
            lines.AddRange(LibraryModels.Shapes.Select(shape => "- " + shape));
            return string.Join("\n", lines);
        }

        private static string Shape(ReceiverShape shape) => shape switch
        {
            ReceiverShape.SequenceOrText => "any sequence or text (instance calls)",
            _ => "any type",
        };

        private static string Flow(LibraryModel row)
        {
            var notes = new List<string>();
            if (row.ReturnsText)
            {
                notes.Add("result: the text of the receiver and the arguments");
            }

            switch (row.Receiver)
            {
                case ReceiverFlow.HoldsArguments:
                    notes.Add("the receiver holds the arguments");
                    break;
                case ReceiverFlow.HoldsArgumentsAsText:
                    notes.Add("the receiver holds the arguments' text");
                    break;
            }

            switch (row.Lambdas)
            {
                case LambdaFlow.Joins:
                    notes.Add("result: also what the lambdas return");
                    break;
                case LambdaFlow.Projects:
                    notes.Add("result: what the lambdas return, not the elements, when they return data");
                    break;
                case LambdaFlow.Chooses:
                    notes.Add("the lambda only chooses: nothing it returns is in the result");
                    break;
            }

            return string.Join("; ", notes);
        }
    }
}
