using System;
using System.IO;
using System.Linq;
using System.Text;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>
    /// Packs src/PiiAnalyzers.Package once per test class into a temporary feed, under a version no earlier run used
    /// (so no package cache can serve a stale copy), and writes a consumer project that installs it from that feed.
    /// </summary>
    public sealed class PackedPackageFixture : IDisposable
    {
        public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);
        public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(4);

        private readonly Lazy<CommandResult> _plainBuild;
        private readonly Lazy<CommandResult> _razorBuild;

        public PackedPackageFixture()
        {
            RepositoryRoot = FindRepositoryRoot();
            WorkDirectory = Path.Combine(Path.GetTempPath(), "piianalyzers-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            FeedDirectory = Path.Combine(WorkDirectory, "feed");
            ConsumerDirectory = Path.Combine(WorkDirectory, "consumer");
            Directory.CreateDirectory(FeedDirectory);
            Directory.CreateDirectory(ConsumerDirectory);

            // An alphanumeric pre-release label, always a valid SemVer identifier and never used before.
            Version = "0.1.0-e2e.r" + Guid.NewGuid().ToString("N").Substring(0, 16);

            Pack = DotNetCli.Run(
                RepositoryRoot,
                PackTimeout,
                "pack",
                Path.Combine(RepositoryRoot, "src", "PiiAnalyzers.Package", "PiiAnalyzers.Package.csproj"),
                "-c",
                "Release",
                "-o",
                FeedDirectory,
                "-p:Version=" + Version,
                "-nodeReuse:false");
            PackagePath = Path.Combine(FeedDirectory, "PiiAnalyzers." + Version + ".nupkg");

            ConsumerProject = Path.Combine(ConsumerDirectory, "Consumer.csproj");
            WriteConsumer();
            _plainBuild = new Lazy<CommandResult>(() => Build());
            _razorBuild = new Lazy<CommandResult>(BuildRazorConsumer);
        }

        public string RepositoryRoot { get; }

        public string WorkDirectory { get; }

        public string FeedDirectory { get; }

        public string ConsumerDirectory { get; }

        public string ConsumerProject { get; }

        public string Version { get; }

        public CommandResult Pack { get; }

        public string PackagePath { get; }

        /// <summary>The consumer's source file with the two violations.</summary>
        public string SourcePath => Path.Combine(ConsumerDirectory, ConsumerSource.FileName);

        /// <summary>One plain <c>dotnet build --no-incremental</c> of the consumer, shared by the tests that only read it.</summary>
        public CommandResult PlainBuild => _plainBuild.Value;

        /// <summary>The Razor consumer (see <see cref="EndToEnd.RazorConsumer"/>), written and built once with <c>dotnet build</c>.</summary>
        public CommandResult RazorBuild => _razorBuild.Value;

        /// <summary>The folder of the Razor consumer.</summary>
        public string RazorConsumerDirectory => Path.Combine(WorkDirectory, "razor-consumer");

        /// <summary>Builds the consumer from scratch (restoring from the feed) with extra MSBuild arguments.</summary>
        public CommandResult Build(params string[] extraArguments)
        {
            var arguments = new[] { "build", ConsumerProject, "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false" }
                .Concat(extraArguments)
                .ToArray();
            return DotNetCli.Run(ConsumerDirectory, BuildTimeout, arguments);
        }

        private CommandResult BuildRazorConsumer()
        {
            Directory.CreateDirectory(RazorConsumerDirectory);
            File.Copy(Path.Combine(ConsumerDirectory, "nuget.config"), Path.Combine(RazorConsumerDirectory, "nuget.config"));
            RazorConsumer.WriteTo(RazorConsumerDirectory, Version);
            return DotNetCli.Run(
                RazorConsumerDirectory,
                BuildTimeout,
                "build",
                Path.Combine(RazorConsumerDirectory, "RazorConsumer.csproj"),
                "--no-incremental",
                "-nodeReuse:false",
                "-p:UseSharedCompilation=false");
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is not worth failing the run for.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PiiAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("PiiAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }

        private void WriteConsumer()
        {
            // Empty imports stop MSBuild from picking up a Directory.*.props/targets above the temp folder.
            Write("Directory.Build.props", "<Project />\n");
            Write("Directory.Build.targets", "<Project />\n");
            Write("Directory.Packages.props", "<Project />\n");

            // The feed is added beside the machine's default source (no <clear/>); packages are extracted into the
            // work folder so nothing of this run is left in the global packages folder.
            Write(
                "nuget.config",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<configuration>\n"
                + "  <config>\n"
                + $"    <add key=\"globalPackagesFolder\" value=\"{Path.Combine(WorkDirectory, "packages")}\" />\n"
                + "  </config>\n"
                + "  <packageSources>\n"
                + $"    <add key=\"piianalyzers-e2e\" value=\"{FeedDirectory}\" />\n"
                + "  </packageSources>\n"
                + "</configuration>\n");

            Write(
                "Consumer.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
                + "  <PropertyGroup>\n"
                + "    <TargetFramework>net10.0</TargetFramework>\n"
                + "    <Nullable>enable</Nullable>\n"
                + "    <ImplicitUsings>disable</ImplicitUsings>\n"
                + "    <NuGetAudit>false</NuGetAudit>\n"
                + "  </PropertyGroup>\n"
                + "  <ItemGroup>\n"
                + $"    <PackageReference Include=\"PiiAnalyzers\" Version=\"{Version}\" />\n"
                + "  </ItemGroup>\n"
                + "  <!-- A test may pass a global analyzer config (severities) with -p:E2EGlobalConfig=FILE. -->\n"
                + "  <ItemGroup Condition=\"'$(E2EGlobalConfig)' != ''\">\n"
                + "    <GlobalAnalyzerConfigFiles Include=\"$(E2EGlobalConfig)\" />\n"
                + "  </ItemGroup>\n"
                + "  <!-- Lists the analyzer assemblies handed to the compiler, so the test can see the package's. -->\n"
                + "  <Target Name=\"E2EListAnalyzers\" BeforeTargets=\"CoreCompile\">\n"
                + "    <Message Importance=\"high\" Text=\"E2E analyzer: %(Analyzer.Identity)\" />\n"
                + "  </Target>\n"
                + "</Project>\n");

            Write(ConsumerSource.FileName, ConsumerSource.Text);
            Write("severity.globalconfig", "is_global = true\ndotnet_diagnostic.PII001.severity = error\ndotnet_diagnostic.PII007.severity = none\n");
        }

        private void Write(string relativePath, string content)
            => File.WriteAllText(Path.Combine(ConsumerDirectory, relativePath), content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The consumer's code: one incomplete declaration (PII007) and one logged value (PII001).</summary>
    public static class ConsumerSource
    {
        public const string FileName = "Visitors.cs";

        public const string Pii007Marker = "[PersonalData] public string Email";

        public const string Pii001Marker = "Console.WriteLine(visitor.Email);";

        public const string Text =
            "using System;\n"
            + "using PiiAttributes;\n"
            + "\n"
            + "namespace Consumer\n"
            + "{\n"
            + "    public sealed class Lead\n"
            + "    {\n"
            + "        [PersonalData] public string Email { get; set; } = string.Empty;\n"
            + "    }\n"
            + "\n"
            + "    public sealed class Visitor\n"
            + "    {\n"
            + "        [PersonalData(Purpose = \"support\")]\n"
            + "        public string Email { get; set; } = string.Empty;\n"
            + "    }\n"
            + "\n"
            + "    public static class Greeter\n"
            + "    {\n"
            + "        public static void Greet(Visitor visitor)\n"
            + "        {\n"
            + "            Console.WriteLine(visitor.Email);\n"
            + "        }\n"
            + "    }\n"
            + "}\n";

        /// <summary>PII007 is reported on the attribute: the name after '['.</summary>
        public static (int Line, int Column) Pii007Location => PositionOf(Pii007Marker, offset: 1);

        /// <summary>PII001 is reported on the personal data written to the log: the argument.</summary>
        public static (int Line, int Column) Pii001Location => PositionOf(Pii001Marker, offset: "Console.WriteLine(".Length);

        /// <summary>The 1-based line and column of <paramref name="marker"/> (plus <paramref name="offset"/>) in <see cref="Text"/>.</summary>
        public static (int Line, int Column) PositionOf(string marker, int offset)
        {
            var index = Text.IndexOf(marker, StringComparison.Ordinal);
            if (index < 0 || Text.IndexOf(marker, index + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException($"'{marker}' must occur exactly once in the consumer source.");
            }

            index += offset;
            var line = 1 + Text.Take(index).Count(c => c == '\n');
            var lineStart = Text.LastIndexOf('\n', index - 1) + 1;
            return (line, index - lineStart + 1);
        }
    }
}
