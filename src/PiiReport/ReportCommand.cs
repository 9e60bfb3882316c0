using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiReport.Analysis;
using PiiReport.Loading;
using PiiReport.Model;
using PiiReport.Writers;

namespace PiiReport
{
    /// <summary>When <c>--fail-on</c> makes the command exit non-zero.</summary>
    internal enum FailOn
    {
        None,
        Warning,
        Error,

        /// <summary>A finding at warning or error that the baseline does not have.</summary>
        New,
    }

    /// <summary>The parsed command line.</summary>
    internal sealed class ReportOptions
    {
        public string Input { get; set; } = string.Empty;

        public ReportFormat Format { get; set; } = ReportFormat.Markdown;

        public string? Output { get; set; }

        public FailOn FailOn { get; set; } = FailOn.None;

        public string? Baseline { get; set; }

        public bool Help { get; set; }

        public bool Version { get; set; }
    }

    /// <summary>
    /// <c>pii-report &lt;path&gt; [--format md|html|json|sarif] [--output FILE] [--baseline FILE] [--fail-on warning|error|new|none]</c>.
    /// Exit codes: 0 done, 1 findings at or above <c>--fail-on</c>, 2 bad arguments, 3 the input could not be loaded, built or analyzed.
    /// </summary>
    internal static class ReportCommand
    {
        public const int Success = 0;
        public const int FindingsFailed = 1;
        public const int UsageError = 2;
        public const int LoadError = 3;

        public const string Usage =
            "Usage: pii-report <path to .sln, .slnx or .csproj> [--format md|html|json|sarif] [--output FILE] [--baseline FILE] [--fail-on warning|error|new|none]\n"
            + "\n"
            + "Writes a privacy report (record of processing activities, processing map, PiiAnalyzers findings, gaps).\n"
            + "  --format, -f   md (default), html, json or sarif\n"
            + "  --output, -o   write the report to FILE instead of standard output\n"
            + "  --baseline     an earlier JSON report (--format json): add what changed since it\n"
            + "  --fail-on      exit with code 1 when a finding is at least a warning or an error, or (with --baseline)\n"
            + "                 when a warning or error is new (default: none)\n"
            + "  --version      print the version\n"
            + "A project that is not built is built first (dotnet build); one that does not compile is an error.\n";

        /// <summary>Files a report must never overwrite.</summary>
        private static readonly string[] SourceExtensions = { ".cs", ".csproj", ".sln", ".slnx", ".vbproj", ".fsproj", ".props", ".targets" };

        public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
        {
            if (!TryParse(args, out var options, out var error))
            {
                stderr.WriteLine("pii-report: " + error);
                stderr.WriteLine("Run 'pii-report --help' for usage.");
                return UsageError;
            }

            if (options.Help)
            {
                stdout.Write(Usage);
                return Success;
            }

            if (options.Version)
            {
                stdout.Write("pii-report " + ToolVersion + "\n");
                return Success;
            }

            var input = Path.GetFullPath(options.Input);
            if (!File.Exists(input))
            {
                stderr.WriteLine("pii-report: file not found: " + options.Input);
                return LoadError;
            }

            PrivacyReport report;
            try
            {
                // Everything that can fail in a second fails before the analysis, which can take minutes.
                var baseline = options.Baseline is { } baselinePath ? BaselineReader.Read(baselinePath) : null;
                if (options.Output is { } outputPath)
                {
                    CheckWritable(outputPath);
                }

                report = await BuildAsync(input, stderr, cancellationToken).ConfigureAwait(false);
                if (baseline is not null)
                {
                    report = report.WithChanges(ReportDiff.Compare(baseline, report, options.Baseline!));
                }
            }
            catch (ReportException e)
            {
                stderr.WriteLine("pii-report: " + e.Message);
                return LoadError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                stderr.WriteLine("pii-report: could not load or analyze " + options.Input + ": " + e.GetType().Name + ": " + ProjectLoader.OneLine(e.Message));
                return LoadError;
            }

            var text = ReportWriters.ToString(report, options.Format);
            if (options.Output is { } output)
            {
                try
                {
                    File.WriteAllText(output, text, new UTF8Encoding(false));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    stderr.WriteLine("pii-report: cannot write " + output + ": " + e.Message);
                    return LoadError;
                }

                stderr.WriteLine("Wrote " + output);
            }
            else
            {
                stdout.Write(text);
            }

            stderr.WriteLine(report.Inventory.Count + " personal data, " + report.Flows.Count + " flows, " + report.Findings.Count + " findings ("
                + report.Count(FindingSeverity.Error) + " errors, " + report.Count(FindingSeverity.Warning) + " warnings, " + report.Count(FindingSeverity.Info) + " info)");
            if (report.Changes is { } changes)
            {
                stderr.WriteLine("Since " + changes.Baseline + ": " + changes.Summary());
            }

            return ExitCode(report, options.FailOn);
        }

        /// <summary>The tool's version: <c>0.1.0</c>.</summary>
        public static string ToolVersion
        {
            get
            {
                var version = typeof(ReportCommand).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                    .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0";
                var plus = version.IndexOf('+');
                return plus < 0 ? version : version.Substring(0, plus);
            }
        }

        /// <summary>Throws when <paramref name="output"/> cannot be written; leaves an existing file as it is.</summary>
        private static void CheckWritable(string output)
        {
            var full = Path.GetFullPath(output);
            if (Directory.Exists(full))
            {
                throw new ReportException("cannot write " + output + ": it is a directory");
            }

            var directory = Path.GetDirectoryName(full);
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new ReportException("cannot write " + output + ": the directory " + directory + " does not exist");
            }

            var existed = File.Exists(full);
            try
            {
                using (new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
                {
                }

                if (!existed)
                {
                    File.Delete(full);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new ReportException("cannot write " + output + ": " + e.Message);
            }
        }

        /// <summary>The exit code for <paramref name="failOn"/>: 1 when a finding is at least that severe.</summary>
        public static int ExitCode(PrivacyReport report, FailOn failOn) => failOn switch
        {
            FailOn.Warning => report.Findings.Any(f => f.Severity >= FindingSeverity.Warning) ? FindingsFailed : Success,
            FailOn.Error => report.Findings.Any(f => f.Severity >= FindingSeverity.Error) ? FindingsFailed : Success,
            FailOn.New => report.Changes?.FindingsNew.Any(f => f.Severity >= FindingSeverity.Warning) == true ? FindingsFailed : Success,
            _ => Success,
        };

        public static bool TryParse(string[] args, out ReportOptions options, out string error)
        {
            options = new ReportOptions();
            error = string.Empty;
            string? input = null;
            for (var i = 0; i < args.Length; i++)
            {
                var arg = args[i];
                string? Value()
                {
                    if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        return args[++i];
                    }

                    return null;
                }

                switch (arg)
                {
                    case "--help":
                    case "-h":
                    case "-?":
                        options.Help = true;
                        return true;
                    case "--version":
                        options.Version = true;
                        return true;
                    case "--baseline":
                        options.Baseline = Value();
                        if (string.IsNullOrWhiteSpace(options.Baseline))
                        {
                            error = "--baseline needs a file: an earlier report written with --format json";
                            return false;
                        }

                        break;
                    case "--format":
                    case "-f":
                        var format = Value();
                        switch (format?.ToLowerInvariant())
                        {
                            case "md":
                            case "markdown":
                                options.Format = ReportFormat.Markdown;
                                break;
                            case "html":
                                options.Format = ReportFormat.Html;
                                break;
                            case "json":
                                options.Format = ReportFormat.Json;
                                break;
                            case "sarif":
                                options.Format = ReportFormat.Sarif;
                                break;
                            default:
                                error = format is null ? "--format needs a value: md, html, json or sarif" : "unknown format '" + format + "': use md, html, json or sarif";
                                return false;
                        }

                        break;
                    case "--output":
                    case "-o":
                        options.Output = Value();
                        if (string.IsNullOrWhiteSpace(options.Output))
                        {
                            error = "--output needs a file name";
                            return false;
                        }

                        break;
                    case "--fail-on":
                        var failOn = Value();
                        switch (failOn?.ToLowerInvariant())
                        {
                            case "warning":
                                options.FailOn = FailOn.Warning;
                                break;
                            case "error":
                                options.FailOn = FailOn.Error;
                                break;
                            case "new":
                                options.FailOn = FailOn.New;
                                break;
                            case "none":
                                options.FailOn = FailOn.None;
                                break;
                            default:
                                error = failOn is null ? "--fail-on needs a value: warning, error, new or none" : "unknown --fail-on value '" + failOn + "': use warning, error, new or none";
                                return false;
                        }

                        break;
                    default:
                        if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
                        {
                            error = "unknown option '" + arg + "'";
                            return false;
                        }

                        if (input is not null)
                        {
                            error = "only one project or solution can be given (got '" + input + "' and '" + arg + "')";
                            return false;
                        }

                        input = arg;
                        break;
                }
            }

            if (input is null)
            {
                error = "no project or solution given";
                return false;
            }

            var extension = Path.GetExtension(input).ToLowerInvariant();
            if (extension is not (".sln" or ".slnx" or ".csproj"))
            {
                error = "'" + input + "' is not a .sln, .slnx or .csproj file";
                return false;
            }

            if (options.Output is { } output)
            {
                if (string.Equals(Path.GetFullPath(output), Path.GetFullPath(input), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    error = "--output '" + output + "' is the input; name a report file, such as privacy-report.md";
                    return false;
                }

                if (SourceExtensions.Contains(Path.GetExtension(output).ToLowerInvariant()))
                {
                    error = "--output '" + output + "' would overwrite a source, project or solution file; name a report file, such as privacy-report.md";
                    return false;
                }
            }

            if (options.FailOn == FailOn.New && options.Baseline is null)
            {
                error = "--fail-on new needs --baseline FILE (an earlier report written with --format json)";
                return false;
            }

            options.Input = input;
            return true;
        }

        private static async Task<PrivacyReport> BuildAsync(string input, TextWriter stderr, CancellationToken cancellationToken)
        {
            var baseDirectory = Path.GetDirectoryName(input)!;
            var loaded = await LoadAsync(input, stderr, cancellationToken).ConfigureAwait(false);
            try
            {
                // Without a build, the check below found no compile error: the projects need not be checked again.
                var built = false;
                if (await NotBuiltAsync(loaded.Projects, cancellationToken).ConfigureAwait(false) is { } reason)
                {
                    built = true;
                    // Restore and build, as CI would have; then load again what the build produced.
                    stderr.WriteLine(reason + ": building it first (dotnet build " + Path.GetFileName(input) + ")");
                    loaded.Dispose();
                    if (await ProjectBuilder.BuildAsync(input, cancellationToken).ConfigureAwait(false) is { } failure)
                    {
                        throw new ReportException(Path.GetFileName(input) + " does not build: " + failure);
                    }

                    loaded = await LoadAsync(input, stderr, cancellationToken).ConfigureAwait(false);
                }

                var results = new List<ProjectResult>();
                foreach (var project in loaded.Projects)
                {
                    stderr.WriteLine("Analyzing " + project.Name);
                    var analyzers = LoadAnalyzers(project, stderr);
                    if (analyzers.IsEmpty)
                    {
                        stderr.WriteLine("warning: " + project.Name + " has no PiiAnalyzers analyzer (reference the PiiAnalyzers package): only declarations are reported");
                    }

                    var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                        ?? throw new ReportException("no compilation for " + project.Name);
                    if (built && compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList() is { Count: > 0 } errors)
                    {
                        // A report of code the compiler rejects would understate what the code does.
                        throw new ReportException(project.Name + " does not compile (" + errors.Count + (errors.Count == 1 ? " error" : " errors") + "; the first: "
                            + Describe(errors[0], baseDirectory) + "); no report written");
                    }

                    if (RazorWithoutOutput(project, compilation, cancellationToken))
                    {
                        stderr.WriteLine("warning: " + project.Name + " has .razor or .cshtml files but the Razor source generator produced no C# for them "
                            + "(a generator built on a newer Roslyn than pii-report's " + typeof(Compilation).Assembly.GetName().Version!.ToString(2) + " does not load): Razor files are not analyzed");
                    }

                    results.Add(await ReportBuilder.AnalyzeAsync(project.Name, compilation, analyzers, project.AnalyzerOptions, baseDirectory, m => stderr.WriteLine("warning: " + m), cancellationToken).ConfigureAwait(false));
                }

                stderr.WriteLine("Writing the report");
                return ReportBuilder.Combine(RelativeSubject(input, baseDirectory), results);
            }
            finally
            {
                loaded.Dispose();
            }
        }

        /// <summary>True when <paramref name="project"/> gives Razor files to the compiler and none of its trees is Razor's output.</summary>
        private static bool RazorWithoutOutput(Project project, Compilation compilation, CancellationToken cancellationToken)
            => project.AdditionalDocuments.Any(d => d.FilePath is { } path
                    && (path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase)))
                && project.AnalyzerReferences.Any(r => r.Display?.Contains("Razor", StringComparison.OrdinalIgnoreCase) == true)
                && !PiiAnalyzers.Razor.RazorFiles.Get(compilation).Any(compilation, cancellationToken);

        private static async Task<LoadedInput> LoadAsync(string input, TextWriter stderr, CancellationToken cancellationToken)
        {
            var loaded = await ProjectLoader.OpenAsync(input, m => stderr.WriteLine(m), m => stderr.WriteLine("warning: " + m), cancellationToken).ConfigureAwait(false);
            var projects = loaded.Projects;
            if (input.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                // The referenced projects are loaded too; the report is about the one asked for.
                projects = projects.Where(p => string.Equals(p.FilePath, input, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (projects.Count == 0)
            {
                loaded.Dispose();
                throw new ReportException("no C# project could be loaded from " + Path.GetFileName(input));
            }

            return projects.Count == loaded.Projects.Count ? loaded : new LoadedInput(loaded, projects);
        }

        /// <summary>Why the projects must be built first (not restored, compile errors, analyzers not built), or null.</summary>
        private static async Task<string?> NotBuiltAsync(IReadOnlyList<Project> projects, CancellationToken cancellationToken)
        {
            foreach (var project in projects)
            {
                var missing = project.AnalyzerReferences.OfType<AnalyzerFileReference>().FirstOrDefault(r => !File.Exists(r.FullPath));
                if (missing is not null)
                {
                    return project.Name + " is not built (its analyzer " + Path.GetFileName(missing.FullPath) + " is missing)";
                }

                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                var errors = compilation?.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error) ?? 0;
                if (errors > 0)
                {
                    var restored = project.FilePath is { } file && File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "obj", "project.assets.json"));
                    return project.Name + (restored ? " has " + errors + " compile errors as loaded" : " is not restored");
                }
            }

            return null;
        }

        /// <summary><c>Chat/ChatService.cs(12,5): error CS1002: ; expected</c>.</summary>
        private static string Describe(Diagnostic diagnostic, string baseDirectory)
        {
            var where = diagnostic.Location.IsInSource
                ? ReportBuilder.RelativePath(diagnostic.Location.GetLineSpan().Path, baseDirectory) + "(" + (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1) + "," + (diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1) + "): "
                : string.Empty;
            return where + "error " + diagnostic.Id + ": " + ProjectLoader.OneLine(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static string RelativeSubject(string input, string baseDirectory) => ReportBuilder.RelativePath(input, baseDirectory);

        /// <summary>The project's own analyzers that report PII rules.</summary>
        private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(Project project, TextWriter stderr)
        {
            var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
            foreach (var reference in project.AnalyzerReferences)
            {
                try
                {
                    foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
                    {
                        if (ReportBuilder.IsPiiAnalyzer(analyzer))
                        {
                            analyzers.Add(analyzer);
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    stderr.WriteLine("warning: cannot load analyzers from " + reference.Display + ": " + e.Message);
                }
            }

            return analyzers.ToImmutable();
        }
    }

    /// <summary>A failure the command explains in one line, without a stack trace.</summary>
    internal sealed class ReportException : Exception
    {
        public ReportException(string message)
            : base(message)
        {
        }
    }
}
