using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PiiReport.Model;
using PiiReport.Writers;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// The HTML report in a real browser (Debian's Chromium, headless; .ci/run installs it): it renders with no script
    /// error, requests nothing but its own file, and hostile declarations and file names are text a reader sees, not
    /// markup. Hence Browser; about ten seconds.
    /// </summary>
    [Trait("Category", "Browser")]
    public sealed class HtmlInBrowserTests
    {
        /// <summary>Markup that would load an image and run script if it were parsed, and the characters tables and code spans use.</summary>
        private const string Hostile = "<img src=x onerror=\"alert(1)\"><script>alert(2)</script> & 'q' | `tick` #1";

        private const string HostileFile = "Chat/<img src=y>\"Chat\" 'Service' | `x`.cs";

        /// <summary>Every element the writer emits; anything else came from a value.</summary>
        private static readonly string[] WriterTags = { "a", "body", "br", "code", "h1", "h2", "h3", "head", "html", "li", "meta", "p", "span", "strong", "style", "table", "tbody", "td", "th", "title", "tr", "ul" };

        public static TheoryData<string> Reports => new TheoryData<string> { "plain", "hostile", "hostile with changes" };

        [Theory]
        [MemberData(nameof(Reports))]
        public async Task Report_RendersWithNoErrorAndNoRequest_AndShowsValuesAsText(string name)
        {
            var report = name switch
            {
                "plain" => ReportFixtures.Small(),
                "hostile" => ReportFixtures.Small(Hostile, Hostile, HostileFile),
                _ => ReportFixtures.Changed(Hostile, Hostile, HostileFile),
            };
            var chromium = HeadlessChromium.Find();
            Assert.True(chromium is not null, "Chromium is not installed: apt-get install chromium (.ci/run installs it)");
            var page = Path.Combine(Path.GetTempPath(), "pii-report-" + Guid.NewGuid().ToString("N") + ".html");
            File.WriteAllText(page, ReportWriters.ToString(report, ReportFormat.Html));
            try
            {
                using var browser = await HeadlessChromium.StartAsync(chromium!);
                var visit = await browser.VisitAsync(page);

                Assert.Empty(visit.Errors);
                Assert.Equal(new[] { new Uri(page).AbsoluteUri }, visit.Requests);
                Assert.Empty(visit.Tags.Distinct().Except(WriterTags));
                Assert.Contains("Privacy report: Shop.csproj", visit.Text);
                Assert.Contains("Visitor.IpAddress", visit.Text);
                if (name != "plain")
                {
                    // Each value reads as it was declared: the purpose, the data name, the file name.
                    Assert.Contains(Hostile + ", marketing", visit.Text);
                    Assert.Contains(HostileFile + (report.Changes is null ? ":51" : ":58"), visit.Text);
                    Assert.DoesNotContain("img", visit.Tags);
                    Assert.DoesNotContain("script", visit.Tags);
                }

                if (report.Changes is { } changes)
                {
                    Assert.Contains(changes.Summary(), visit.Text);
                    Assert.Contains(HostileFile + ":40", visit.Text);
                }
            }
            finally
            {
                File.Delete(page);
            }
        }
    }
}
