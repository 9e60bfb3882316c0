using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>
    /// The package as a user gets it: packed from src/PiiAnalyzers.Package, restored from a local feed by a fresh
    /// project, and run by the real compiler through <c>dotnet build</c>. Slow (a pack and three builds): filter them
    /// out with <c>--filter Category!=EndToEnd</c> while iterating on rules.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class PackageEndToEndTests : IClassFixture<PackedPackageFixture>
    {
        private const string HelpUriPii007 = "https://github.com/piianalyzers/piianalyzers/blob/main/docs/rules/PII007.md";

        private readonly PackedPackageFixture _fixture;

        public PackageEndToEndTests(PackedPackageFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public void Pack_ProducesOnePackageWithAttributesAnalyzersAndCodeFixes()
        {
            AssertPacked();

            using var package = ZipFile.OpenRead(_fixture.PackagePath);
            var files = package.Entries.Select(e => e.FullName).ToList();
            var assemblies = files.Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f, StringComparer.Ordinal);
            Assert.Equal(
                new[]
                {
                    "analyzers/dotnet/cs/PiiAnalyzers.CodeFixes.dll",
                    "analyzers/dotnet/cs/PiiAnalyzers.dll",
                    "lib/netstandard2.0/PiiAttributes.dll",
                },
                assemblies);
            Assert.Contains("lib/netstandard2.0/PiiAttributes.xml", files);
            Assert.Contains("README.md", files);
            Assert.Contains("icon.png", files);
            Assert.Contains("LICENSE", files);

            var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var nuspecStream = nuspecEntry.Open();
            var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
            Assert.Equal("PiiAnalyzers", Field("id"));
            Assert.Equal(_fixture.Version, Field("version"));
            Assert.NotEqual("true", Field("developmentDependency"));
            Assert.Equal("README.md", Field("readme"));
            Assert.Equal("icon.png", Field("icon"));
            Assert.Equal("MIT", Field("license"));
            var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
            Assert.True(dependencies.Count == 0, "The package must not depend on other packages, found: " + string.Join(", ", dependencies));
        }

        [Fact]
        public void Build_RestoresFromTheFeedAndHandsTheAnalyzersToTheCompiler()
        {
            AssertPacked();
            var build = _fixture.PlainBuild;
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The consumer must build (warnings only).\n" + build);

            var analyzerLines = build.StandardOutput
                .Split('\n')
                .Select(l => l.Trim().Replace('\\', '/'))
                .Where(l => l.StartsWith("E2E analyzer: ", StringComparison.Ordinal))
                .ToList();
            var fromPackage = "/piianalyzers/" + _fixture.Version.ToLowerInvariant() + "/analyzers/dotnet/cs/";
            Assert.True(analyzerLines.Any(l => l.EndsWith(fromPackage + "PiiAnalyzers.dll", StringComparison.Ordinal)), "PiiAnalyzers.dll from the package is not an analyzer.\n" + build);
            Assert.True(analyzerLines.Any(l => l.EndsWith(fromPackage + "PiiAnalyzers.CodeFixes.dll", StringComparison.Ordinal)), "PiiAnalyzers.CodeFixes.dll from the package is not an analyzer.\n" + build);

            // CS8032/CS8033: an analyzer assembly failed to load; AD0001: an analyzer threw.
            foreach (var loadFailure in new[] { "CS8032", "CS8033", "AD0001" })
            {
                Assert.False(build.Output.Contains(loadFailure, StringComparison.Ordinal), loadFailure + " reported.\n" + build);
            }

            // The attributes are a run-time dependency: the consumer's deps.json must list them as a runtime asset
            // (a class library does not copy package assemblies to its bin folder; the app that uses it does).
            var depsPath = Path.Combine(_fixture.ConsumerDirectory, "bin", "Debug", "net10.0", "Consumer.deps.json");
            Assert.True(File.Exists(depsPath), "No " + depsPath + "\n" + build);
            var depsText = File.ReadAllText(depsPath);
            using var deps = JsonDocument.Parse(depsText);
            var runtimeAssets = deps.RootElement.GetProperty("targets").EnumerateObject()
                .SelectMany(target => target.Value.EnumerateObject())
                .Where(library => library.Name == "PiiAnalyzers/" + _fixture.Version)
                .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(r => r.Name) : Enumerable.Empty<string>())
                .ToList();
            Assert.True(runtimeAssets.Contains("lib/netstandard2.0/PiiAttributes.dll"), "PiiAttributes.dll is not a runtime asset of the consumer:\n" + depsText);
        }

        [Fact]
        public void Build_ReportsPii007AndPii001AsWarningsAtTheirSourceLocations()
        {
            AssertPacked();
            var build = _fixture.PlainBuild;
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The consumer must build (warnings only).\n" + build);

            var pii007 = ConsumerSource.Pii007Location;
            var pii001 = ConsumerSource.Pii001Location;
            AssertContains(build, $"{ConsumerSource.FileName}({pii007.Line},{pii007.Column}): warning PII007");
            AssertContains(build, $"{ConsumerSource.FileName}({pii001.Line},{pii001.Column}): warning PII001");
        }

        [Fact]
        public void BuildWithWarningsAsErrors_FailsOnPii007()
        {
            AssertPacked();
            var build = _fixture.Build("-warnaserror");

            Assert.False(build.TimedOut, "The build timed out.\n" + build);
            Assert.True(build.ExitCode != 0, "The build must fail with -warnaserror.\n" + build);
            AssertContains(build, "error PII007");
        }

        [Fact]
        public void SeveritiesFromAnalyzerConfig_Apply()
        {
            // dotnet_diagnostic.PII001.severity = error, dotnet_diagnostic.PII007.severity = none
            var build = _fixture.Build("-p:E2EGlobalConfig=severity.globalconfig");
            Assert.True(build.ExitCode != 0, "PII001 raised to an error must fail the build.\n" + build);
            Assert.Contains("error PII001", build.Output);
            Assert.DoesNotContain("PII007", build.Output);
        }

        [Fact]
        public void BuildWithErrorLog_WritesSarif21WithRulesHelpLinksAndLocations()
        {
            AssertPacked();
            var sarifPath = Path.Combine(_fixture.WorkDirectory, "consumer.sarif");

            // "%2C" and "%3D" are MSBuild escapes: a bare comma would split the -p switch into two properties.
            var build = _fixture.Build("-p:ErrorLog=" + sarifPath + "%2Cversion%3D2.1");
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The consumer must build (warnings only).\n" + build);
            Assert.True(File.Exists(sarifPath), "No SARIF log at " + sarifPath + "\n" + build);

            var sarifText = File.ReadAllText(sarifPath);
            using var sarif = JsonDocument.Parse(sarifText);
            var root = sarif.RootElement;
            Assert.Equal("2.1.0", root.GetProperty("version").GetString());

            var run = root.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var ruleArray)
                ? ruleArray.EnumerateArray().ToList()
                : new List<JsonElement>();
            var pii007Rule = rules.FirstOrDefault(r => r.GetProperty("id").GetString() == "PII007");
            Assert.True(pii007Rule.ValueKind == JsonValueKind.Object, "No PII007 rule in the SARIF log:\n" + sarifText);
            Assert.Equal(HelpUriPii007, pii007Rule.GetProperty("helpUri").GetString());
            var tags = pii007Rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Equal(new[] { "privacy", "gdpr", "declaration" }, tags);

            var results = run.TryGetProperty("results", out var resultArray)
                ? resultArray.EnumerateArray().ToList()
                : new List<JsonElement>();
            AssertSarifResult(results, "PII007", ConsumerSource.Pii007Location, sarifText);
            AssertSarifResult(results, "PII001", ConsumerSource.Pii001Location, sarifText);
        }

        [Fact]
        public void RazorBuild_ReportsAtTheRazorFilesLines_AndNothingInMarkup()
        {
            AssertPacked();
            var build = _fixture.RazorBuild;
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The Razor consumer must build (warnings only).\n" + build);
            foreach (var failure in new[] { "CS8032", "CS8033", "AD0001" })
            {
                Assert.False(build.Output.Contains(failure, StringComparison.Ordinal), failure + " reported.\n" + build);
            }

            // MSBuild prints each warning twice (as it happens and in the summary): compare the distinct ones.
            var directory = _fixture.RazorConsumerDirectory.Replace('\\', '/') + "/";
            var warnings = build.StandardOutput
                .Split('\n')
                .Select(l => l.Trim().Replace('\\', '/'))
                .Where(l => l.Contains(": warning PII", StringComparison.Ordinal))
                .Select(l => l.StartsWith(directory, StringComparison.Ordinal) ? l.Substring(directory.Length) : l)
                .Select(l => l.Substring(0, l.IndexOf(": warning PII", StringComparison.Ordinal) + ": warning PII000".Length))
                .Distinct()
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(RazorConsumer.ExpectedWarnings.OrderBy(l => l, StringComparer.Ordinal), warnings);
        }

        [Fact]
        public void DotnetFormat_OnTheRazorProject_FixesNothingInRazorFilesAndSucceeds()
        {
            AssertPacked();
            var build = _fixture.RazorBuild;
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The Razor consumer must build (warnings only).\n" + build);
            var directory = _fixture.RazorConsumerDirectory;
            var sources = Directory.GetFiles(directory, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToDictionary(f => f, File.ReadAllText);

            // The rules reported in the .razor files. Without --include-generated dotnet format skips every diagnostic in
            // generated code, the Razor generator's included (ChatWidgetSampleTests fixes one with it).
            foreach (var id in new[] { "PII001", "PII007", "PII008" })
            {
                var format = DotNetCli.Run(
                    directory,
                    PackedPackageFixture.BuildTimeout,
                    "format", "analyzers", Path.Combine(directory, "RazorConsumer.csproj"), "--diagnostics", id, "--severity", "info", "--no-restore", "--verbosity", "minimal");
                Assert.True(format.ExitCode == 0 && !format.TimedOut, "dotnet format failed.\n" + format);
            }

            foreach (var source in sources)
            {
                Assert.True(source.Value == File.ReadAllText(source.Key), source.Key + " was changed by dotnet format.");
            }
        }

        private static void AssertSarifResult(List<JsonElement> results, string ruleId, (int Line, int Column) expected, string sarifText)
        {
            var matches = results.Where(r => r.TryGetProperty("ruleId", out var id) && id.GetString() == ruleId).ToList();
            Assert.True(matches.Count > 0, $"No {ruleId} result in the SARIF log:\n{sarifText}");

            var located = matches.Any(result =>
            {
                if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0)
                {
                    return false;
                }

                var physical = locations[0].GetProperty("physicalLocation");
                var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty;
                var region = physical.GetProperty("region");
                return uri.EndsWith("/" + ConsumerSource.FileName, StringComparison.Ordinal)
                    && region.GetProperty("startLine").GetInt32() == expected.Line
                    && region.GetProperty("startColumn").GetInt32() == expected.Column;
            });
            Assert.True(located, $"No {ruleId} result at {ConsumerSource.FileName}({expected.Line},{expected.Column}) in the SARIF log:\n{sarifText}");
        }

        private static void AssertContains(CommandResult result, string expected)
            => Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"Expected '{expected}' in the build output.\n{result}");

        private void AssertPacked()
        {
            Assert.True(_fixture.Pack.ExitCode == 0 && !_fixture.Pack.TimedOut, "dotnet pack failed.\n" + _fixture.Pack);
            Assert.True(File.Exists(_fixture.PackagePath), "No package at " + _fixture.PackagePath + "\n" + _fixture.Pack);
        }
    }
}
