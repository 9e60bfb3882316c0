using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PiiReport.Loading
{
    /// <summary>Runs <c>dotnet build</c> on the input when it is not built, so the report sees what the compiler sees.</summary>
    internal static class ProjectBuilder
    {
        /// <summary>
        /// Builds <paramref name="path"/> (restoring it first, as <c>dotnet build</c> does) with no build server left
        /// running; returns null on success, else the first error the build printed, in one line.
        /// </summary>
        public static async Task<string?> BuildAsync(string path, CancellationToken cancellationToken)
        {
            var start = new ProcessStartInfo(DotNet())
            {
                WorkingDirectory = Path.GetDirectoryName(path)!,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "build", path, "--nologo", "-v:q", "-clp:NoSummary", "--disable-build-servers" })
            {
                start.ArgumentList.Add(argument);
            }

            // Set by Microsoft.Build.Locator for this process; the child finds its own SDK.
            foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            start.Environment["DOTNET_NOLOGO"] = "1";

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("no process");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return "cannot run dotnet build: " + e.Message;
            }

            using (process)
            {
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
                try
                {
                    await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }

                var output = await stdout.ConfigureAwait(false) + "\n" + await stderr.ConfigureAwait(false);
                if (process.ExitCode == 0)
                {
                    return null;
                }

                var error = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal))
                    ?? output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0)
                    ?? "exit code " + process.ExitCode;
                var directory = Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar;
                error = WithoutProject(error);
                return error.StartsWith(directory, StringComparison.Ordinal) ? error.Substring(directory.Length) : error;
            }
        }

        /// <summary>MSBuild ends an error line with the project in brackets; the report names the project itself.</summary>
        private static string WithoutProject(string line)
        {
            var bracket = line.LastIndexOf(" [", StringComparison.Ordinal);
            return bracket > 0 && line.EndsWith("]", StringComparison.Ordinal) ? line.Substring(0, bracket) : line;
        }

        /// <summary>The <c>dotnet</c> that runs this tool (or the one on the PATH).</summary>
        private static string DotNet()
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return host;
            }

            if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return process;
            }

            if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
            {
                var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "dotnet";
        }
    }
}
