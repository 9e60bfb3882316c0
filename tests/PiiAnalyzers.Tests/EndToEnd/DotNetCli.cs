using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace PiiAnalyzers.Tests.EndToEnd
{
    /// <summary>The outcome of one <c>dotnet</c> command: exit code and everything it printed.</summary>
    public sealed class CommandResult
    {
        public CommandResult(string commandLine, int exitCode, bool timedOut, string standardOutput, string standardError)
        {
            CommandLine = commandLine;
            ExitCode = exitCode;
            TimedOut = timedOut;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        public string CommandLine { get; }

        public int ExitCode { get; }

        public bool TimedOut { get; }

        public string StandardOutput { get; }

        public string StandardError { get; }

        /// <summary>Everything the command printed, stdout then stderr.</summary>
        public string Output => StandardOutput + Environment.NewLine + StandardError;

        /// <summary>A description to put in assertion messages, so a failure shows what the command said.</summary>
        public override string ToString()
            => $"> {CommandLine}{Environment.NewLine}exit code: {(TimedOut ? "timed out" : ExitCode.ToString())}{Environment.NewLine}"
                + $"--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}--- stderr ---{Environment.NewLine}{StandardError}";
    }

    /// <summary>Runs the .NET CLI as a child process, isolated from the test host's MSBuild environment.</summary>
    public static class DotNetCli
    {
        /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; kills the whole process tree after <paramref name="timeout"/>.</summary>
        public static CommandResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(DotNetExecutable())
            {
                WorkingDirectory = workingDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            PrepareEnvironment(startInfo.Environment);

            var stdout = new StringBuilder();
            var stderr = new StringBuilder();
            using var process = new Process { StartInfo = startInfo };
            process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
            process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var exited = process.WaitForExit((int)timeout.TotalMilliseconds);
            if (!exited)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the timeout and the kill.
                }

                process.WaitForExit(10_000);
            }
            else
            {
                process.WaitForExit(); // drains the asynchronous output readers
            }

            var commandLine = "dotnet " + string.Join(" ", arguments.Select(Quote));
            lock (stdout)
            {
                lock (stderr)
                {
                    return new CommandResult(commandLine, exited ? process.ExitCode : -1, !exited, stdout.ToString(), stderr.ToString());
                }
            }
        }

        private static void Append(StringBuilder builder, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (builder)
            {
                builder.AppendLine(line);
            }
        }

        /// <summary>
        /// The test host may run inside <c>dotnet test</c>, whose MSBuild variables would leak into the child build
        /// (and point it at the wrong SDK pieces). Drop them; keep the CLI quiet, English and free of lingering nodes.
        /// </summary>
        private static void PrepareEnvironment(IDictionary<string, string?> environment)
        {
            foreach (var key in environment.Keys.ToList())
            {
                if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                {
                    environment.Remove(key);
                }
            }

            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            environment["MSBUILDDISABLENODEREUSE"] = "1";
        }

        private static string DotNetExecutable()
        {
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(hostPath) && File.Exists(hostPath) ? hostPath : "dotnet";
        }

        private static string Quote(string argument)
            => argument.IndexOfAny(new[] { ' ', '"' }) >= 0 ? "\"" + argument.Replace("\"", "\\\"") + "\"" : argument;
    }
}
