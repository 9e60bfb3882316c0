using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>Every descriptor has a well-formed unique ID, the shared category, a help link and a doc page behind it.</summary>
    public class DescriptorTests
    {
        public static TheoryData<string> Ids
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var id in ProjectFacts.AllDescriptors.Select(d => d.Id).Distinct().OrderBy(id => id))
                {
                    data.Add(id);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Descriptor_IsTaggedForCodeScanning(string id)
        {
            var tags = ProjectFacts.AllDescriptors.First(d => d.Id == id).CustomTags.ToList();
            Assert.Equal(new[] { "privacy", "gdpr" }, tags.Take(2));
            Assert.True(tags.Count > 2, id + " has no tag of its own");
        }

        [Theory]
        [InlineData("PII001", "logging")]
        [InlineData("PII002", "serialization")]
        [InlineData("PII003", "persistence")]
        [InlineData("PII004", "persistence")]
        [InlineData("PII005", "transfer")]
        public void SinkRule_IsTaggedWithItsSinkKind(string id, string kind)
        {
            Assert.Contains(kind, ProjectFacts.AllDescriptors.First(d => d.Id == id).CustomTags);
        }

        [Fact]
        public void DescriptorIds_AreUnique()
        {
            var duplicates = ProjectFacts.AllDescriptors
                .GroupBy(d => d.Id)
                .Where(group => group.Count() > 1)
                .Select(group => group.Key)
                .ToList();
            Assert.Empty(duplicates);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void DescriptorId_HasTheProjectForm(string id)
        {
            Assert.Matches(new Regex(@"^PII\d{3}$"), id);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Descriptor_IsInThePrivacyCategory(string id)
        {
            Assert.Equal("Privacy", Single(id).Category);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void HelpLink_PointsAtTheRulePage(string id)
        {
            Assert.Equal(ProjectFacts.HelpLinkBase + id + ".md", Single(id).HelpLinkUri);
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void RulePage_ExistsAndStartsWithIdAndTitle(string id)
        {
            var path = ProjectFacts.PathInRepository("docs", "rules", id + ".md");
            Assert.True(File.Exists(path), "missing rule page " + path);

            var firstLine = File.ReadLines(path).FirstOrDefault();
            Assert.Equal("# " + id + ": " + Single(id).Title, firstLine);
        }

        [Fact]
        public void ConsentRulePages_SayWhatToAddWhereNoFixCanApply()
        {
            // Add consent check needs a check in scope; where there is none, no fix is offered and the page must say what
            // to add, and what the fix changes where it is offered.
            var consentRules = ProjectFacts.AllDescriptors.Where(d => d.CustomTags.Contains("consent")).Select(d => d.Id).Distinct().ToList();
            Assert.Equal(new[] { "PII002", "PII003", "PII005", "PII009" }, consentRules.OrderBy(id => id));
            foreach (var id in consentRules)
            {
                var page = File.ReadAllText(ProjectFacts.PathInRepository("docs", "rules", id + ".md")).Replace("\r\n", "\n", System.StringComparison.Ordinal);
                Assert.Contains("Offered only when a consent check is reachable from the code; otherwise add one (a [ConsentCheck] method) and\nthe fix becomes available.", page);
                Assert.Matches(@"\*\*What (the|each) fix changes:\*\*", page);
            }
        }

        [Fact]
        public void EveryRulePage_BelongsToADescriptor()
        {
            var ids = ProjectFacts.AllDescriptors.Select(d => d.Id).ToHashSet();
            var orphans = Directory.GetFiles(ProjectFacts.PathInRepository("docs", "rules"), "*.md")
                .Select(Path.GetFileNameWithoutExtension)
                .Where(name => !ids.Contains(name!))
                .ToList();
            Assert.Empty(orphans);
        }

        [Fact]
        public void EveryAnalyzerType_IsExported()
        {
            var unexported = ProjectFacts.AnalyzerTypes
                .Where(type => type.GetCustomAttributes(typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute), inherit: false).Length == 0)
                .Select(type => type.FullName)
                .ToList();
            Assert.Empty(unexported);
        }

        [Fact]
        public void EveryAnalyzer_SupportsOnlyDescriptorsFromDescriptors()
        {
            Assert.NotEmpty(ProjectFacts.ExportedAnalyzers);
            foreach (var analyzer in ProjectFacts.ExportedAnalyzers)
            {
                Assert.NotEmpty(analyzer.SupportedDiagnostics);
                foreach (var descriptor in analyzer.SupportedDiagnostics)
                {
                    Assert.True(
                        ProjectFacts.DeclaredDescriptors.Any(declared => ReferenceEquals(declared, descriptor)),
                        analyzer.GetType().Name + " supports " + descriptor.Id + ", which is not a field of Descriptors");
                }
            }
        }

        private static DiagnosticDescriptor Single(string id)
            => Assert.Single(ProjectFacts.AllDescriptors, d => d.Id == id);
    }
}
