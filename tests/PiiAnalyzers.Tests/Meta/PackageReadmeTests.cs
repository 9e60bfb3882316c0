using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>
    /// The READMEs the packages carry are read on the package page, away from the repository: every link is absolute, and
    /// there is nothing for contributors.
    /// </summary>
    public class PackageReadmeTests
    {
        [Theory]
        [InlineData("src", "PiiAnalyzers.Package", "README.md")]
        [InlineData("src", "PiiReport", "README.md")]
        public void PackageReadme_HasOnlyAbsoluteLinks_AndNoContributorSection(params string[] path)
        {
            var text = File.ReadAllText(ProjectFacts.PathInRepository(path));

            foreach (Match link in Regex.Matches(text, @"\]\((?<target>[^)]*)\)"))
            {
                var target = link.Groups["target"].Value;
                Assert.True(target.StartsWith("https://", System.StringComparison.Ordinal), "relative link: " + target);
            }

            Assert.DoesNotMatch(@"(?im)^#+\s*(contributing|developing|building from source)", text);
            Assert.Contains("https://github.com/piianalyzers/piianalyzers", text, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("src", "PiiAnalyzers.Package", "PiiAnalyzers.Package.csproj")]
        [InlineData("src", "PiiReport", "PiiReport.csproj")]
        public void PackageProject_CarriesItsReadmeTheIconAndTheLicence(params string[] path)
        {
            var project = File.ReadAllText(ProjectFacts.PathInRepository(path));

            Assert.Contains("<PackageReadmeFile>README.md</PackageReadmeFile>", project, System.StringComparison.Ordinal);
            Assert.Contains("<PackageIcon>icon.png</PackageIcon>", project, System.StringComparison.Ordinal);
            Assert.Contains(@"..\..\LICENSE", project, System.StringComparison.Ordinal);
            Assert.True(File.Exists(ProjectFacts.PathInRepository("LICENSE")));
            Assert.True(File.Exists(ProjectFacts.PathInRepository("src", "PiiAnalyzers.Package", "icon.png")));
        }
    }
}
