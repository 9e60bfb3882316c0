using System;
using System.IO;
using PiiReport.Writers;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// Each writer's output for <see cref="ReportFixtures.Small"/> (and with a baseline, <see cref="ReportFixtures.Changed"/>), byte for byte, against Report/Golden/. After an
    /// intended change, regenerate them with <c>PII_REPORT_UPDATE_GOLDEN=1 dotnet test --filter ReportGoldenFileTests</c>
    /// and review the diff.
    /// </summary>
    public sealed class ReportGoldenFileTests
    {
        [Theory]
        [InlineData("md", "report.md")]
        [InlineData("html", "report.html")]
        [InlineData("json", "report.json")]
        [InlineData("sarif", "report.sarif")]
        [InlineData("md", "report-changes.md")]
        [InlineData("html", "report-changes.html")]
        [InlineData("json", "report-changes.json")]
        [InlineData("sarif", "report-changes.sarif")]
        public void Output_MatchesGoldenFile(string name, string file)
        {
            var format = Format(name);
            var actual = ReportWriters.ToString(file.Contains("changes", StringComparison.Ordinal) ? ReportFixtures.Changed() : ReportFixtures.Small(), format);
            var path = Path.Combine(ReportFixtures.RepositoryRoot(), "tests", "PiiAnalyzers.Tests", "Report", "Golden", file);
            if (Environment.GetEnvironmentVariable("PII_REPORT_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(path, actual);
            }

            Assert.True(File.Exists(path), "Golden file missing: " + path);
            Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
        }

        [Theory]
        [InlineData("md")]
        [InlineData("html")]
        [InlineData("json")]
        [InlineData("sarif")]
        public void Output_IsTheSameEveryTime(string name)
            => Assert.Equal(ReportWriters.ToString(ReportFixtures.Small(), Format(name)), ReportWriters.ToString(ReportFixtures.Small(), Format(name)));

        private static ReportFormat Format(string name) => name switch
        {
            "md" => ReportFormat.Markdown,
            "html" => ReportFormat.Html,
            "json" => ReportFormat.Json,
            _ => ReportFormat.Sarif,
        };
    }
}
