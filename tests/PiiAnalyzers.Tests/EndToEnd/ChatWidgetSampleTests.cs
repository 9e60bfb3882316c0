using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PiiAnalyzers.Tests.Meta;
using Xunit;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>
    /// The Blazor sample builds and prints exactly the warnings README's "Try it" shows for it, at the <c>.razor</c>
    /// lines. The sample and the analyzer sources are copied to a temporary folder first, so the build never writes the
    /// repository's bin and obj folders.
    /// </summary>
    [Trait("Category", "EndToEnd")]
    public sealed class ChatWidgetSampleTests : IDisposable
    {
        private const string ProjectPath = "samples/ChatWidget/ChatWidget.csproj";

        private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "piianalyzers-widget-" + Guid.NewGuid().ToString("N").Substring(0, 12));

        [Fact]
        public void Build_PrintsTheWarningsTheReadmeShows()
        {
            var expected = ReadmeWarnings();
            Assert.NotEmpty(expected);

            var root = ProjectFacts.RepositoryRoot;
            foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "NuGet.config", "nuget.config" })
            {
                if (File.Exists(Path.Combine(root, file)))
                {
                    Directory.CreateDirectory(_workDirectory);
                    File.Copy(Path.Combine(root, file), Path.Combine(_workDirectory, file));
                }
            }

            foreach (var folder in new[] { "src/PiiAttributes", "src/PiiAnalyzers", "src/PiiAnalyzers.CodeFixes", "samples/ChatWidget" })
            {
                Copy(Path.Combine(root, folder), Path.Combine(_workDirectory, folder));
            }

            File.Copy(Path.Combine(root, "samples", "Directory.Build.props"), Path.Combine(_workDirectory, "samples", "Directory.Build.props"));

            var build = DotNetCli.Run(
                _workDirectory,
                PackedPackageFixture.BuildTimeout,
                "build", Path.Combine(_workDirectory, ProjectPath), "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            Assert.True(build.ExitCode == 0 && !build.TimedOut, "The sample must build.\n" + build);

            // As README shows them: the path relative to the project, no help link, the project relative to the root;
            // each once (MSBuild prints a warning again in its summary).
            var projectDirectory = Path.Combine(_workDirectory, "samples", "ChatWidget").Replace('\\', '/') + "/";
            var printed = build.StandardOutput
                .Split('\n')
                .Select(l => l.Trim().Replace('\\', '/'))
                .Where(l => l.Contains(": warning PII", StringComparison.Ordinal))
                .Select(l => Regex.Replace(l, @" \(https://[^)]*\)", string.Empty))
                .Select(l => l.Replace("[" + _workDirectory.Replace('\\', '/') + "/", "[", StringComparison.Ordinal).Replace(projectDirectory, string.Empty, StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.True(expected.SequenceEqual(printed), "README shows:\n" + string.Join("\n", expected) + "\nThe build printed:\n" + string.Join("\n", printed));
        }

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

        /// <summary>The warning lines of README's block after <c>&lt;!-- razor-sample-output --&gt;</c>.</summary>
        private static string[] ReadmeWarnings()
        {
            var readme = File.ReadAllText(ProjectFacts.PathInRepository("README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = readme.IndexOf("<!-- razor-sample-output -->\n```text\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "README has no razor-sample-output block.");
            var block = readme.Substring(start, readme.IndexOf("\n```\n", start + 40, StringComparison.Ordinal) - start);
            return block.Split('\n').Where(l => l.Contains(": warning PII", StringComparison.Ordinal)).ToArray();
        }

        private static void Copy(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(source))
            {
                var name = Path.GetFileName(directory);
                if (name is not ("bin" or "obj"))
                {
                    Copy(directory, Path.Combine(destination, name));
                }
            }
        }
    }
}
