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
        [InlineData(new[] { "app.csproj", "--fail-on", "sometimes" }, "unknown --fail-on value 'sometimes': use warning, error, new or none")]
        [InlineData(new[] { "app.csproj", "--fail-on" }, "--fail-on needs a value: warning, error, new or none")]
        [InlineData(new[] { "app.csproj", "--format", "pdf" }, "unknown format 'pdf': use md, html, json or sarif")]
        [InlineData(new[] { "app.csproj", "--output" }, "--output needs a file name")]
        [InlineData(new string[0], "no project or solution given")]
        [InlineData(new[] { "app.csproj", "--output", "app.csproj" }, "--output 'app.csproj' is the input; name a report file, such as privacy-report.md")]
        [InlineData(new[] { "app.csproj", "-o", "Program.cs" }, "--output 'Program.cs' would overwrite a source, project or solution file; name a report file, such as privacy-report.md")]
        [InlineData(new[] { "app.sln", "-o", "other/Lib.CSPROJ" }, "--output 'other/Lib.CSPROJ' would overwrite a source, project or solution file; name a report file, such as privacy-report.md")]
        [InlineData(new[] { "app.csproj", "-o", "All.slnx" }, "--output 'All.slnx' would overwrite a source, project or solution file; name a report file, such as privacy-report.md")]
        [InlineData(new[] { "app.csproj", "--fail-on", "new" }, "--fail-on new needs --baseline FILE (an earlier report written with --format json)")]
        [InlineData(new[] { "app.csproj", "--baseline" }, "--baseline needs a file: an earlier report written with --format json")]
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

        [Fact]
        public async Task Version_PrintsTheVersion()
        {
            var (code, stdout, _) = await Run("--version");
            Assert.Equal(0, code);
            Assert.Equal("pii-report 0.1.0\n", stdout);
        }

        /// <summary>A directory with a project file that is not even XML: any check that loads it would fail differently.</summary>
        private static string TempProject(out string directory)
        {
            directory = Path.Combine(Path.GetTempPath(), "pii-report-cmd-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var project = Path.Combine(directory, "App.csproj");
            File.WriteAllText(project, "not a project");
            return project;
        }

        [Fact]
        public async Task OutputInAMissingDirectory_IsRefusedBeforeTheAnalysis()
        {
            var project = TempProject(out var directory);
            try
            {
                var output = Path.Combine(directory, "no-such-dir", "report.md");
                var (code, stdout, stderr) = await Run(project, "--output", output);
                Assert.Equal(ReportCommand.LoadError, code);
                Assert.Equal(string.Empty, stdout);
                Assert.Equal("pii-report: cannot write " + output + ": the directory " + Path.Combine(directory, "no-such-dir") + " does not exist" + System.Environment.NewLine, stderr);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task OutputThatIsADirectory_IsRefusedBeforeTheAnalysis()
        {
            var project = TempProject(out var directory);
            try
            {
                var (code, _, stderr) = await Run(project, "--output", directory);
                Assert.Equal(ReportCommand.LoadError, code);
                Assert.Equal("pii-report: cannot write " + directory + ": it is a directory" + System.Environment.NewLine, stderr);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task MissingBaseline_IsRefusedBeforeTheAnalysis()
        {
            var project = TempProject(out var directory);
            try
            {
                var baseline = Path.Combine(directory, "main.json");
                var (code, _, stderr) = await Run(project, "--baseline", baseline);
                Assert.Equal(ReportCommand.LoadError, code);
                Assert.StartsWith("pii-report: cannot read the baseline " + baseline + ": ", stderr);
                Assert.DoesNotContain("Loading", stderr);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public async Task MalformedSlnx_IsOneLine()
        {
            var directory = Path.Combine(Path.GetTempPath(), "pii-report-cmd-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                var solution = Path.Combine(directory, "Bad.slnx");
                File.WriteAllText(solution, "<Solution><Project Path=\"a.csproj\"");
                var (code, stdout, stderr) = await Run(solution);
                Assert.Equal(ReportCommand.LoadError, code);
                Assert.Equal(string.Empty, stdout);
                Assert.StartsWith("pii-report: could not load Bad.slnx: not a valid .slnx file: ", stderr);
                Assert.Single(stderr.TrimEnd().Split('\n'));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
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
