using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PiiAnalyzers.Tests.Robustness
{
    /// <summary>Timing-sensitive tests run alone, not beside the rest of the suite on a 2-core machine.</summary>
    [CollectionDefinition(nameof(SerialTests), DisableParallelization = true)]
    public sealed class SerialTests
    {
    }

    [Collection(nameof(SerialTests))]
    public class ConcurrencyAndCancellationTests
    {
        [Fact]
        [Trait("Category", "Robustness")]
        public async Task ConcurrentAndSequentialAnalysis_ReportTheSame()
        {
            var compilation = RobustnessInputs.SampleCompilation();
            var expected = Describe((await RobustnessInputs.AnalyzeAsync(compilation, concurrent: false)).Diagnostics);
            Assert.NotEmpty(expected);

            for (var run = 0; run < 8; run++)
            {
                var (diagnostics, exceptions) = await RobustnessInputs.AnalyzeAsync(RobustnessInputs.SampleCompilation(), concurrent: run % 2 == 0);
                Assert.Empty(exceptions);
                Assert.Equal(expected, Describe(diagnostics));
            }
        }

        [Fact(Skip = "Flaky timing (issue 8): cancellation of this 20,000-statement method took 3-10 s on an idle 2-core machine and ~40 s under load; the time is spent outside the analyzer's token checks (the driver binding the body), see docs/performance.md")]
        [Trait("Category", "Robustness")]
        public async Task LongAnalysis_IsCancelledPromptly()
        {
            var body = new StringBuilder();
            for (var i = 0; i < 20000; i++)
            {
                body.AppendLine(i % 3 == 0 ? $"        if (n > {i}) text = text + \"{i}\";" : $"        var s{i} = text + \"{i}\"; if (n == {i}) _logger.LogInformation(\"{{S}}\", s{i});");
            }

            var source = $@"using Microsoft.Extensions.Logging;
using PiiAttributes;
public sealed class Customer {{ [PersonalData(Purpose = ""support"")] public string Email {{ get; set; }} = """"; }}
public sealed class Huge
{{
    private readonly ILogger _logger;
    public Huge(ILogger logger) => _logger = logger;
    public void Run(Customer c, int n)
    {{
        var text = c.Email;
{body}    }}
}}";
            var compilation = RobustnessInputs.Compile(source);
            compilation.GetDiagnostics(); // bind first: what is timed is the analysis

            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            var watch = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RobustnessInputs.AnalyzeAsync(compilation, cancellationToken: cancellation.Token));
            watch.Stop();

            // Generous for a loaded CI machine; an analysis that ignored the token would run on for tens of seconds.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {watch.Elapsed.TotalMilliseconds:N0} ms to be honoured");
        }

        private static string[] Describe(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
            => diagnostics.Select(d => d.ToString()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
    }
}
