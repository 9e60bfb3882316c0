using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>AnalyzerReleases.Shipped.md and Unshipped.md list every rule with the category and severity it has.</summary>
    public class ReleaseTrackingTests
    {
        [Fact]
        public void EveryDescriptor_IsTrackedWithItsCategoryAndSeverity()
        {
            var releases = ReadReleases();
            foreach (var descriptor in ProjectFacts.AllDescriptors)
            {
                Assert.True(releases.TryGetValue(descriptor.Id, out var entry), descriptor.Id + " is in no AnalyzerReleases file");
                Assert.Equal((descriptor.Category, ProjectFacts.SeverityText(descriptor)), entry);
            }
        }

        [Fact]
        public void EveryTrackedRule_IsADescriptor()
        {
            var ids = ProjectFacts.AllDescriptors.Select(d => d.Id).ToHashSet();
            Assert.DoesNotContain(ReadReleases().Keys, id => !ids.Contains(id));
        }

        /// <summary>
        /// The current state of every rule: Shipped.md release by release, then Unshipped.md; "New Rules" and "Changed Rules"
        /// set a rule's category and severity, "Removed Rules" drop it.
        /// </summary>
        private static Dictionary<string, (string Category, string Severity)> ReadReleases()
        {
            var rules = new Dictionary<string, (string Category, string Severity)>();
            foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
            {
                string? section = null;
                foreach (var line in File.ReadLines(ProjectFacts.PathInRepository("src", "PiiAnalyzers", file)))
                {
                    var text = line.Trim();
                    if (text.StartsWith("###"))
                    {
                        section = text.TrimStart('#').Trim();
                        continue;
                    }

                    if (text.StartsWith("## "))
                    {
                        section = null;
                        continue;
                    }

                    if (section is null || !text.Contains('|') || MarkdownTable.IsSeparator(text))
                    {
                        continue;
                    }

                    var cells = MarkdownTable.Cells(text);
                    if (cells[0] == "Rule ID")
                    {
                        continue;
                    }

                    switch (section)
                    {
                        case "New Rules":
                            Assert.False(rules.ContainsKey(cells[0]), cells[0] + " is added twice (" + file + ")");
                            rules[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Changed Rules":
                            Assert.True(rules.ContainsKey(cells[0]), cells[0] + " is changed before it was added (" + file + ")");
                            rules[cells[0]] = (cells[1], cells[2]);
                            break;
                        case "Removed Rules":
                            Assert.True(rules.Remove(cells[0]), cells[0] + " is removed before it was added (" + file + ")");
                            break;
                        default:
                            Assert.Fail("unknown section '" + section + "' in " + file);
                            break;
                    }
                }
            }

            return rules;
        }
    }
}
