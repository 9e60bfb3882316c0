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
    }

    /// <summary>The parsed command line.</summary>
    internal sealed class ReportOptions
    {
        public string Input { get; set; } = string.Empty;

        public ReportFormat Format { get; set; } = ReportFormat.Markdown;

        public string? Output { get; set; }

        public FailOn FailOn { get; set; } = FailOn.None;

        public bool Help { get; set; }
    }

    /// <summary>
    /// <c>pii-report &lt;path&gt; [--format md|html|json|sarif] [--output FILE] [--fail-on warning|error|none]</c>.
    /// Exit codes: 0 done, 1 findings at or above <c>--fail-on</c>, 2 bad arguments, 3 the input could not be loaded or analyzed.
    /// </summary>
    internal static class ReportCommand
    {
        public const int Success = 0;
        public const int FindingsFailed = 1;
        public const int UsageError = 2;
        public const int LoadError = 3;

        public const string Usage =
            "Usage: pii-report <path to .sln, .slnx or .csproj> [--format md|html|json|sarif] [--output FILE] [--fail-on warning|error|none]\n"
            + "\n"
            + "Writes a privacy report (record of processing activities, processing map, PiiAnalyzers findings, gaps).\n"
            + "  --format, -f   md (default), html, json or sarif\n"
            + "  --output, -o   write the report to FILE instead of standard output\n"
            + "  --fail-on      exit with code 1 when a finding is at least a warning or an error (default: none)\n"
            + "Build the project (dotnet build) before running the report: its analyzers are loaded from their build output.\n";

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

            var input = Path.GetFullPath(options.Input);
            if (!File.Exists(input))
            {
                stderr.WriteLine("pii-report: file not found: " + options.Input);
                return LoadError;
            }

            PrivacyReport report;
            try
            {
                report = await BuildAsync(input, stderr, cancellationToken).ConfigureAwait(false);
            }
            catch (ReportException e)
            {
                stderr.WriteLine("pii-report: " + e.Message);
                return LoadError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                stderr.WriteLine("pii-report: could not load or analyze " + options.Input + ": " + e.GetType().Name + ": " + e.Message);
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
            return ExitCode(report, options.FailOn);
        }

        /// <summary>The exit code for <paramref name="failOn"/>: 1 when a finding is at least that severe.</summary>
        public static int ExitCode(PrivacyReport report, FailOn failOn) => failOn switch
        {
            FailOn.Warning => report.Findings.Any(f => f.Severity >= FindingSeverity.Warning) ? FindingsFailed : Success,
            FailOn.Error => report.Findings.Any(f => f.Severity >= FindingSeverity.Error) ? FindingsFailed : Success,
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
                            case "none":
                                options.FailOn = FailOn.None;
                                break;
                            default:
                                error = failOn is null ? "--fail-on needs a value: warning, error or none" : "unknown --fail-on value '" + failOn + "': use warning, error or none";
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

            options.Input = input;
            return true;
        }

        private static async Task<PrivacyReport> BuildAsync(string input, TextWriter stderr, CancellationToken cancellationToken)
        {
            var baseDirectory = Path.GetDirectoryName(input)!;
            var projects = await ProjectLoader.OpenAsync(input, m => stderr.WriteLine(m), m => stderr.WriteLine("warning: " + m), cancellationToken).ConfigureAwait(false);
            if (input.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                // The referenced projects are loaded too; the report is about the one asked for.
                projects = projects.Where(p => string.Equals(p.FilePath, input, StringComparison.OrdinalIgnoreCase)).ToList();
            }

            if (projects.Count == 0)
            {
                throw new ReportException("no C# project could be loaded from " + Path.GetFileName(input));
            }

            var results = new List<ProjectResult>();
            foreach (var project in projects)
            {
                stderr.WriteLine("Analyzing " + project.Name);
                var analyzers = LoadAnalyzers(project, stderr);
                if (analyzers.IsEmpty)
                {
                    stderr.WriteLine("warning: " + project.Name + " has no PiiAnalyzers analyzer (reference the PiiAnalyzers package, and build the project first): only declarations are reported");
                }

                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new ReportException("no compilation for " + project.Name);
                var errors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
                if (errors > 0)
                {
                    stderr.WriteLine("warning: " + project.Name + " has " + errors + " compile errors (was it restored and built?); the report may be incomplete");
                }

                results.Add(await ReportBuilder.AnalyzeAsync(project.Name, compilation, analyzers, project.AnalyzerOptions, baseDirectory, m => stderr.WriteLine("warning: " + m), cancellationToken).ConfigureAwait(false));
            }

            stderr.WriteLine("Writing the report");
            return ReportBuilder.Combine(RelativeSubject(input, baseDirectory), results);
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
