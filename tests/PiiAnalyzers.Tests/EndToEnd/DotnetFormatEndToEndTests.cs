using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>
    /// The code fixes as a command line applies them: the sample is copied (with the analyzer sources it builds from) to a
    /// temporary folder, built, fixed with <c>dotnet format analyzers</c> for every diagnostic ID a fixer in
    /// PiiAnalyzers.CodeFixes handles, and built again. The sample changes over time, so the test asserts only about the
    /// fixable IDs the first build reports: their count goes down, and the fixed sample still compiles.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class DotnetFormatEndToEndTests : IDisposable
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

        /// <summary><c>path(line,col): warning PII002: message [project]</c>.</summary>
        private static readonly Regex DiagnosticLine = new Regex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Z]+\d+): ", RegexOptions.Multiline);

        private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "piianalyzers-format-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        [Fact]
        public void DotnetFormat_AppliesTheFixes_AndTheSampleStillBuilds()
        {
            var project = CopySample();
            var fixable = FixableIds();
            Assert.NotEmpty(fixable);

            var before = Build(project, "--no-incremental");
            Assert.True(before.ExitCode == 0 && !before.TimedOut, "The sample must build before formatting.\n" + before);
            var countsBefore = Count(before);
            var present = fixable.Where(id => countsBefore.ContainsKey(id)).ToList();

            // Every rule in one call, as a user runs it: each ID gets its own fix even though they share one fixer, and
            // Fix All finishes each rule in one pass.
            var arguments = new[] { "format", "analyzers", project, "--diagnostics" }
                .Concat(present)
                .Concat(new[] { "--severity", "warn", "--no-restore", "--verbosity", "minimal" })
                .ToArray();
            var format = DotNetCli.Run(Path.GetDirectoryName(project)!, Timeout, arguments);
            Assert.True(format.ExitCode == 0 && !format.TimedOut, "dotnet format failed.\n" + format);
            foreach (var id in FixableInTheSample)
            {
                Assert.False(
                    format.Output.Contains("Unable to fix " + id, StringComparison.Ordinal),
                    id + " has fixes in the sample, but dotnet format could not apply them.\n" + format);
            }

            // Only the sample changed: rebuild it alone against the analyzers the first build produced.
            var after = Build(project, "--no-incremental", "--no-dependencies", "--no-restore");
            Assert.True(after.ExitCode == 0 && !after.TimedOut, "The sample must still build after formatting.\n" + after);
            Assert.True(Errors(after).Count == 0, "The fixed sample has compile errors.\n" + after);

            var countsAfter = Count(after);
            foreach (var id in present)
            {
                // A fix is not offered everywhere (no consent check reachable from the code, data that comes through a
                // helper): no rule may gain diagnostics, and the ones the sample can fix must lose some.
                var remaining = countsAfter.TryGetValue(id, out var count) ? count : 0;
                Assert.True(
                    remaining <= countsBefore[id],
                    $"{id}: {countsBefore[id]} before dotnet format, {remaining} after; a fix must never add diagnostics.\n{before}\n{after}");
                if (FixableInTheSample.Contains(id))
                {
                    Assert.True(
                        remaining < countsBefore[id],
                        $"{id}: {countsBefore[id]} before dotnet format, {remaining} after; the sample's instances have fixes.\n{before}\n{after}");
                }
            }
        }

        /// <summary>Rules with an instance in the sample that its fix applies to (PII001: Redact; PII004: Add retention policy).</summary>
        private static readonly string[] FixableInTheSample = { "PII001", "PII004" };

        public void Dispose()
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        /// <summary>The IDs the exported fixers of PiiAnalyzers.CodeFixes fix, found by reflection.</summary>
        private static List<string> FixableIds()
            => Meta.ProjectFacts.CodeFixProviderTypes
                .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
                .SelectMany(fixer => fixer.FixableDiagnosticIds)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(id => id, StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// Lays the copy out as the repository is (work/samples/ChatMarketplace beside work/src), so the sample's relative
        /// project references resolve, and copies the analyzer sources rather than linking them: the builds here write
        /// their own bin and obj folders, never the repository's.
        /// </summary>
        private string CopySample()
        {
            var root = Meta.ProjectFacts.RepositoryRoot;
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "NuGet.config", "nuget.config" })
            {
                var source = Path.Combine(root, file);
                if (File.Exists(source))
                {
                    Directory.CreateDirectory(_workDirectory);
                    File.Copy(source, Path.Combine(_workDirectory, file));
                }
            }

            foreach (var project in new[] { "PiiAttributes", "PiiAnalyzers", "PiiAnalyzers.CodeFixes" })
            {
                CopyDirectory(Path.Combine(root, "src", project), Path.Combine(_workDirectory, "src", project));
            }

            CopyDirectory(Path.Combine(root, "samples"), Path.Combine(_workDirectory, "samples"));
            return Directory.GetFiles(Path.Combine(_workDirectory, "samples", "ChatMarketplace"), "*.csproj").Single();
        }

        private static void CopyDirectory(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(source))
            {
                var name = Path.GetFileName(directory);
                if (name is "bin" or "obj")
                {
                    continue;
                }

                CopyDirectory(directory, Path.Combine(destination, name));
            }
        }

        /// <summary>Builds with the compiler server (a cold compiler per project would double the test's time).</summary>
        private static CommandResult Build(string project, params string[] options)
            => DotNetCli.Run(
                Path.GetDirectoryName(project)!,
                Timeout,
                new[] { "build", project, "-nodeReuse:false", "-clp:NoSummary" }.Concat(options).ToArray());

        /// <summary>How many distinct places report each ID (MSBuild may print a diagnostic more than once).</summary>
        private static Dictionary<string, int> Count(CommandResult build)
            => Diagnostics(build)
                .GroupBy(d => d.Id)
                .ToDictionary(g => g.Key, g => g.Select(d => d.Place).Distinct().Count());

        private static List<string> Errors(CommandResult build)
            => Diagnostics(build).Where(d => d.Severity == "error").Select(d => d.Place).Distinct().ToList();

        private static IEnumerable<(string Id, string Severity, string Place)> Diagnostics(CommandResult build)
            => DiagnosticLine.Matches(build.Output)
                .Select(m => (m.Groups["id"].Value, m.Groups["severity"].Value, m.Groups["file"].Value.Trim() + "(" + m.Groups["line"].Value + "," + m.Groups["column"].Value + ")"));
    }
}
