using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using PiiAnalyzers.Tests.EndToEnd;
using Xunit;

namespace PiiAnalyzers.Tests.Report
{
    /// <summary>
    /// The CI recipe of docs/ci.md, run as written on a small fixture repository: a report of the target branch as the
    /// baseline, then a report of each pull-request branch with <c>--baseline</c> and <c>--fail-on new</c>. The
    /// fixture is a library that logs through Microsoft.Extensions.Logging and uses the built PiiAttributes and
    /// PiiAnalyzers as a package user does; it starts unrestored, so the first run also shows the tool building it. Slow (a build and five design-time builds), hence EndToEnd.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class PullRequestDiffEndToEndTests
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        private const string Customer = /* lang=c#-test */ """
            using PiiAttributes;

            namespace Shop;

            public sealed class Customer
            {
                [PersonalData(Purpose = "support", Category = PersonalDataCategory.Contact, Basis = LawfulBasis.Contract)]
                public string Email { get; set; } = "";

                [PersonalData(Purpose = "support", Category = PersonalDataCategory.Identifier, Basis = LawfulBasis.Contract)]
                public string Name { get; set; } = "";
            }
            """;

        private const string Support = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public sealed class Support(ILogger<Support> logger)
            {
                public void Open(Customer customer, int ticket)
                {
                    logger.LogInformation("Ticket {Ticket} for {Email}", ticket, customer.Email);
                }

                public void Close(int ticket)
                {
                    logger.LogInformation("Closed {Ticket}", ticket);
                }
            }
            """;

        /// <summary>The pull request that adds a flow: Close now logs the customer's name.</summary>
        private const string SupportLogsName = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public sealed class Support(ILogger<Support> logger)
            {
                public void Open(Customer customer, int ticket)
                {
                    logger.LogInformation("Ticket {Ticket} for {Email}", ticket, customer.Email);
                }

                public void Close(Customer customer, int ticket)
                {
                    logger.LogInformation("Closed {Ticket} for {Name}", ticket, customer.Name);
                }
            }
            """;

        /// <summary>The pull request that fixes the finding: Open logs the ticket only.</summary>
        private const string SupportFixed = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;

            namespace Shop;

            public sealed class Support(ILogger<Support> logger)
            {
                public void Open(Customer customer, int ticket)
                {
                    logger.LogInformation("Ticket {Ticket}", ticket);
                }

                public void Close(int ticket)
                {
                    logger.LogInformation("Closed {Ticket}", ticket);
                }
            }
            """;

        /// <summary>The pull request that only moves code: a renamed file, members reordered, lines shifted.</summary>
        private const string SupportMoved = /* lang=c#-test */ """
            using Microsoft.Extensions.Logging;

            namespace Shop;

            /// <summary>
            /// Opening and closing tickets.
            /// </summary>
            public sealed class Support(ILogger<Support> logger)
            {
                public void Close(int ticket)
                {
                    logger.LogInformation("Closed {Ticket}", ticket);
                }

                // Every ticket starts here.
                public void Open(Customer customer, int ticket)
                {
                    logger.LogInformation(
                        "Ticket {Ticket} for {Email}", ticket, customer.Email);
                }
            }
            """;

        [Fact]
        public void TheCiRecipe_ShowsWhatEachPullRequestChanges()
        {
            var root = ReportFixtures.RepositoryRoot();
            var tool = SampleReportEndToEndTests.ToolPath(root);
            Assert.True(File.Exists(tool), "Build src/PiiReport first: " + tool);
            var repository = Path.Combine(Path.GetTempPath(), "pii-report-pr-" + Guid.NewGuid().ToString("N"));
            var reports = repository + "-reports";
            Directory.CreateDirectory(repository);
            Directory.CreateDirectory(reports);
            try
            {
                File.WriteAllText(Path.Combine(repository, "Shop.csproj"), Project(root));
                File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\n");
                File.WriteAllText(Path.Combine(repository, "Customer.cs"), Customer);
                File.WriteAllText(Path.Combine(repository, "Support.cs"), Support);
                Git(repository, "init", "-q", "-b", "main");
                Commit(repository, "Shop with one logged email");

                Git(repository, "checkout", "-q", "-b", "adds-a-flow");
                File.WriteAllText(Path.Combine(repository, "Support.cs"), SupportLogsName);
                Commit(repository, "Close logs the name");

                Git(repository, "checkout", "-q", "-b", "fixes-a-finding", "main");
                File.WriteAllText(Path.Combine(repository, "Support.cs"), SupportFixed);
                Commit(repository, "Open logs no email");

                Git(repository, "checkout", "-q", "-b", "moves-code", "main");
                Git(repository, "mv", "Support.cs", "Tickets.cs");
                File.WriteAllText(Path.Combine(repository, "Tickets.cs"), SupportMoved);
                Commit(repository, "Move Support to Tickets.cs");

                // The target branch's report, from an unbuilt checkout: the tool builds it and says so.
                Git(repository, "checkout", "-q", "main");
                var baseline = Path.Combine(reports, "main.json");
                var run = DotNetCli.Run(repository, Timeout, tool, "Shop.csproj", "--format", "json", "--output", baseline);
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains("Shop is not restored: building it first (dotnet build Shop.csproj)", run.StandardError);
                Assert.Equal(
                    new[] { "Customer.Email | logging | LogInformation | Support.Open | Support.cs:9" },
                    Flows(JsonDocument.Parse(File.ReadAllText(baseline)).RootElement));

                // A pull request that adds a flow: a new flow and a new finding, and --fail-on new fails.
                Git(repository, "checkout", "-q", "adds-a-flow");
                var diff = Path.Combine(reports, "adds-a-flow.md");
                run = DotNetCli.Run(repository, Timeout, tool, "Shop.csproj", "--baseline", baseline, "--format", "md", "--output", diff, "--fail-on", "new");
                Assert.True(run.ExitCode == 1, "a new finding fails --fail-on new: " + run);
                Assert.DoesNotContain("running dotnet build", run.StandardError);
                Assert.Contains("Since " + baseline + ": +1 flow, +1 finding", run.StandardError);
                var markdown = File.ReadAllLines(diff);
                Assert.Equal("**+1 flow, +1 finding**", markdown[4]);
                Assert.Equal(
                    new[]
                    {
                        "| added | Customer.Name | logging | LogInformation | Support.Close | Support.cs:14 | not required |",
                        "| new | [PII001](https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII001.md) | warning | 'Customer.Name' (personal data, purpose 'support') is written to a log by 'LogInformation'; redact it or leave it out | Support.Close | Support.cs:14 |",
                    },
                    markdown.Where(l => l.StartsWith("| added ", StringComparison.Ordinal) || l.StartsWith("| new ", StringComparison.Ordinal) || l.StartsWith("| removed ", StringComparison.Ordinal) || l.StartsWith("| fixed ", StringComparison.Ordinal)));

                // A pull request that fixes the finding: the flow and the finding are gone, nothing is new.
                Git(repository, "checkout", "-q", "fixes-a-finding");
                var json = Path.Combine(reports, "fixes-a-finding.json");
                run = DotNetCli.Run(repository, Timeout, tool, "Shop.csproj", "--baseline", baseline, "--format", "json", "--output", json, "--fail-on", "new");
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains("Since " + baseline + ": \u22121 flow, \u22121 fixed", run.StandardError);
                var changes = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("changes");
                Assert.Equal("\u22121 flow, \u22121 fixed", changes.GetProperty("summary").GetString());
                Assert.Equal(
                    new[] { "PII001 | Support.Open | Support.cs:9 | 'Customer.Email' (personal data, purpose 'support') is written to a log by 'LogInformation'; redact it or leave it out" },
                    changes.GetProperty("findings").GetProperty("fixed").EnumerateArray().Select(f => string.Join(" | ", f.GetProperty("ruleId").GetString(), f.GetProperty("member").GetString(), Where(f), f.GetProperty("message").GetString())));
                Assert.Empty(changes.GetProperty("findings").GetProperty("new").EnumerateArray());

                // A pull request that only moves code: no change, every SARIF result unchanged and its fingerprint kept.
                Git(repository, "checkout", "-q", "moves-code");
                var sarif = Path.Combine(reports, "moves-code.sarif");
                run = DotNetCli.Run(repository, Timeout, tool, "Shop.csproj", "--baseline", baseline, "--format", "sarif", "--output", sarif, "--fail-on", "new");
                Assert.True(run.ExitCode == 0, run.ToString());
                Assert.Contains("Since " + baseline + ": No change to personal-data processing", run.StandardError);
                var result = JsonDocument.Parse(File.ReadAllText(sarif)).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
                Assert.Equal("unchanged", result.GetProperty("baselineState").GetString());
                Assert.Equal("Tickets.cs", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
                Assert.Equal(19, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
            }
            finally
            {
                Directory.Delete(repository, recursive: true);
                Directory.Delete(reports, recursive: true);
            }
        }

        [Fact]
        public void ProjectThatDoesNotCompile_IsAnErrorAndNoReport()
        {
            var root = ReportFixtures.RepositoryRoot();
            var directory = Path.Combine(Path.GetTempPath(), "pii-report-broken-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                File.WriteAllText(Path.Combine(directory, "Shop.csproj"), Project(root));
                File.WriteAllText(Path.Combine(directory, "Customer.cs"), Customer.Replace("public string Name", "public strin Name", StringComparison.Ordinal));
                var output = Path.Combine(directory, "report.md");
                var run = DotNetCli.Run(directory, Timeout, SampleReportEndToEndTests.ToolPath(root), "Shop.csproj", "--output", output);
                Assert.True(run.ExitCode == 3, run.ToString());
                Assert.False(File.Exists(output), "no report is written for code that does not compile");
                var error = run.StandardError.Split('\n').Single(l => l.StartsWith("pii-report: ", StringComparison.Ordinal));
                Assert.StartsWith("pii-report: Shop.csproj does not build: ", error);
                Assert.Contains("Customer.cs(11,12): error CS0246: The type or namespace name 'strin' could not be found", error);
                Assert.DoesNotContain("   at ", run.StandardError);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        /// <summary>A library that uses the built attributes and analyzers as a package user does (a reference and an analyzer).</summary>
        private static string Project(string root)
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var attributes = Path.Combine(root, "src", "PiiAttributes", "bin", configuration, "netstandard2.0", "PiiAttributes.dll");
            var analyzers = Path.Combine(root, "src", "PiiAnalyzers", "bin", configuration, "netstandard2.0", "PiiAnalyzers.dll");
            Assert.True(File.Exists(attributes) && File.Exists(analyzers), "Build src/PiiAttributes and src/PiiAnalyzers first");
            return $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.2" />
                    <Reference Include="PiiAttributes" HintPath="{attributes}" />
                    <Analyzer Include="{analyzers}" />
                  </ItemGroup>
                </Project>
                """;
        }

        private static string[] Flows(JsonElement report)
            => report.GetProperty("processingMap").EnumerateArray().SelectMany(p => p.GetProperty("flows").EnumerateArray())
                .Select(f => string.Join(" | ", f.GetProperty("data").GetString(), f.GetProperty("sinkKind").GetString(), f.GetProperty("sink").GetString(), f.GetProperty("member").GetString(), Where(f)))
                .ToArray();

        private static string Where(JsonElement e) => e.GetProperty("location").GetProperty("path").GetString() + ":" + e.GetProperty("location").GetProperty("line").GetInt32();

        private static void Commit(string repository, string message)
        {
            Git(repository, "add", "-A");
            Git(repository, "-c", "user.name=Fixture", "-c", "user.email=fixture@example.com", "commit", "-q", "-m", message);
        }

        private static void Git(string repository, params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = repository, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "git " + string.Join(" ", arguments) + ": " + stderr.Result);
        }
    }
}
