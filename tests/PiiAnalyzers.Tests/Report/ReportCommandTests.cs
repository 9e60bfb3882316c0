using System.IO;
using System.Threading.Tasks;
using PiiReport;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>The command line, run in-process with captured output: bad input gives a message and a non-zero exit, never a stack trace.</summary>
    public sealed class ReportCommandTests
    {
        private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await ReportCommand.RunAsync(args, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        [Theory]
        [InlineData(new[] { "app.csproj", "--colour" }, "unknown option '--colour'")]
        [InlineData(new[] { "app.csproj", "--fail-on", "sometimes" }, "unknown --fail-on value 'sometimes': use warning, error or none")]
        [InlineData(new[] { "app.csproj", "--fail-on" }, "--fail-on needs a value: warning, error or none")]
        [InlineData(new[] { "app.csproj", "--format", "pdf" }, "unknown format 'pdf': use md, html, json or sarif")]
        [InlineData(new[] { "app.csproj", "--output" }, "--output needs a file name")]
        [InlineData(new string[0], "no project or solution given")]
        [InlineData(new[] { "notes.txt" }, "'notes.txt' is not a .sln, .slnx or .csproj file")]
        [InlineData(new[] { "a.csproj", "b.csproj" }, "only one project or solution can be given (got 'a.csproj' and 'b.csproj')")]
        public async Task BadArguments_GiveAMessageAndExitCode2(string[] args, string message)
        {
            var (code, stdout, stderr) = await Run(args);
            Assert.Equal(ReportCommand.UsageError, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("pii-report: " + message, stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public async Task MissingFile_GivesAMessageAndExitCode3()
        {
            var (code, stdout, stderr) = await Run(Path.Combine(Path.GetTempPath(), "no-such-dir-pii", "Missing.csproj"));
            Assert.Equal(ReportCommand.LoadError, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("pii-report: file not found: ", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }

        [Fact]
        public async Task Help_PrintsUsage()
        {
            var (code, stdout, _) = await Run("--help");
            Assert.Equal(0, code);
            Assert.StartsWith("Usage: pii-report <path to .sln, .slnx or .csproj>", stdout);
        }

        [Theory]
        [InlineData("none", 0)]
        [InlineData("warning", 1)]
        [InlineData("error", 1)]
        public void FailOn_SetsTheExitCode(string failOn, int expected)
        {
            Assert.True(ReportCommand.TryParse(new[] { "app.csproj", "--fail-on", failOn }, out var options, out _));
            Assert.Equal(expected, ReportCommand.ExitCode(ReportFixtures.Small(), options.FailOn));
        }

        [Fact]
        public void FailOnError_IgnoresWarnings()
        {
            var report = ReportFixtures.Small();
            var warningsOnly = new PiiReport.Model.PrivacyReport(report.Subject, report.Projects, report.Inventory, report.Flows, System.Linq.Enumerable.Where(report.Findings, f => f.Severity != PiiReport.Model.FindingSeverity.Error), report.Gaps);
            Assert.Equal(0, ReportCommand.ExitCode(warningsOnly, FailOn.Error));
            Assert.Equal(1, ReportCommand.ExitCode(warningsOnly, FailOn.Warning));
        }
    }
}
