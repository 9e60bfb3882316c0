using System;
using System.Globalization;
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
            if (Environment.GetEnvironmentVariable("PII_REPORT_UPDATE_GOLDEN") == "1" && (!File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != actual))
            {
                // Update mode writes the new output and still fails: a run that rewrote a golden file never passes.
                File.WriteAllText(path, actual);
                Assert.Fail("Golden file rewritten, review its diff and run again: " + path);
            }

            Assert.True(File.Exists(path), "Golden file missing: " + path);
            Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
        }

        [Theory]
        [InlineData("md", "de-DE")]
        [InlineData("html", "tr-TR")]
        [InlineData("json", "fr-FR")]
        [InlineData("sarif", "ar-SA")]
        [InlineData("md", "fa-IR")]
        public void Output_IsTheSameInEveryCulture(string name, string culture)
        {
            // Reports are compared across machines and committed as baselines: numbers, dates, casing and ordering must
            // not follow the culture of the machine that writes them.
            var invariant = WithCulture(CultureInfo.InvariantCulture, () => ReportWriters.ToString(ReportFixtures.Changed(), Format(name)));
            var local = WithCulture(new CultureInfo(culture), () => ReportWriters.ToString(ReportFixtures.Changed(), Format(name)));

            Assert.Equal(invariant, local);
        }

        private static string WithCulture(CultureInfo culture, Func<string> write)
        {
            var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return write();
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
                CultureInfo.CurrentUICulture = savedUi;
            }
        }

        private static ReportFormat Format(string name) => name switch
        {
            "md" => ReportFormat.Markdown,
            "html" => ReportFormat.Html,
            "json" => ReportFormat.Json,
            _ => ReportFormat.Sarif,
        };
    }
}
