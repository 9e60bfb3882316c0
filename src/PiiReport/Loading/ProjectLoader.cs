using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace PiiReport.Loading
{
    /// <summary>The projects of a loaded input, and the workspace that holds them (disposed with it).</summary>
    internal sealed class LoadedInput : IDisposable
    {
        private readonly IDisposable _workspace;

        public LoadedInput(IDisposable workspace, IReadOnlyList<Project> projects)
        {
            _workspace = workspace;
            Projects = projects;
        }

        public IReadOnlyList<Project> Projects { get; }

        private bool _disposed;

        /// <summary>Disposes the workspace once, however often it is called.</summary>
        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                _workspace.Dispose();
            }
        }
    }

    /// <summary>
    /// Loads a solution or project with MSBuildWorkspace. MSBuild is registered (Microsoft.Build.Locator) before any
    /// MSBuild type is touched: the workspace code sits in <see cref="OpenCoreAsync"/>, which the JIT compiles only
    /// after registration.
    /// </summary>
    internal static class ProjectLoader
    {
        private static readonly object Gate = new object();

        /// <summary>
        /// Workspace warnings a user of the report cannot act on: additional files listed twice by an SDK's own items,
        /// and a project reference whose output is not built yet (the report builds it, or says it cannot).
        /// </summary>
        private static readonly string[] Noise =
        {
            "Duplicate source file ",
            "Found project reference without a matching metadata reference",
        };

        /// <summary>Registers the .NET SDK's MSBuild once per process.</summary>
        public static void EnsureMSBuildRegistered()
        {
            lock (Gate)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    // The workspace's out-of-process build host may target an older runtime than the only one installed.
                    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROLL_FORWARD")))
                    {
                        Environment.SetEnvironmentVariable("DOTNET_ROLL_FORWARD", "Major");
                    }

                    MSBuildLocator.RegisterDefaults();
                }
            }
        }

        /// <summary>
        /// The C# projects of <paramref name="path"/> (a .sln, .slnx or .csproj), each with its compilation inputs;
        /// workspace diagnostics a user can act on go to <paramref name="warn"/>, each once.
        /// </summary>
        public static Task<LoadedInput> OpenAsync(string path, Action<string> progress, Action<string> warn, CancellationToken cancellationToken)
        {
            if (Path.GetExtension(path).Equals(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                CheckSlnx(path);
            }

            EnsureMSBuildRegistered();
            return OpenCoreAsync(path, progress, warn, cancellationToken);
        }

        /// <summary>A .slnx is XML: say where it is broken in one line rather than let the solution parser throw.</summary>
        private static void CheckSlnx(string path)
        {
            try
            {
                using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                while (reader.Read())
                {
                }
            }
            catch (XmlException e)
            {
                throw new ReportException("could not load " + Path.GetFileName(path) + ": not a valid .slnx file: " + OneLine(e.Message));
            }
        }

        /// <summary>The first line of a message (MSBuild's messages may carry an inner stack trace), trimmed.</summary>
        public static string OneLine(string message)
        {
            var line = message.Split('\n')[0].Trim();
            return line.Length == 0 ? message.Trim() : line;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<LoadedInput> OpenCoreAsync(string path, Action<string> progress, Action<string> warn, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create();
            try
            {
                var failures = new List<string>();
                var shown = new HashSet<string>(StringComparer.Ordinal);
                // Raised on the thread that loads, before OpenProjectAsync returns; the registration ends with the workspace.
                workspace.RegisterWorkspaceFailedHandler(e =>
                {
                    var message = OneLine(e.Diagnostic.Message);
                    lock (failures)
                    {
                        if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                        {
                            failures.Add(message);
                        }

                        if (!Noise.Any(n => message.StartsWith(n, StringComparison.Ordinal)) && shown.Add(message))
                        {
                            warn(message);
                        }
                    }
                });
                var extension = Path.GetExtension(path);
                IEnumerable<Project> projects;
                if (extension.Equals(".sln", StringComparison.OrdinalIgnoreCase) || extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase))
                {
                    progress("Loading solution " + Path.GetFileName(path));
                    var solution = await workspace.OpenSolutionAsync(path, progress: null, cancellationToken).ConfigureAwait(false);
                    projects = solution.Projects;
                }
                else
                {
                    progress("Loading project " + Path.GetFileName(path));
                    var project = await workspace.OpenProjectAsync(path, progress: null, cancellationToken).ConfigureAwait(false);
                    projects = new[] { project };
                }

                var loaded = projects.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();

                // A failure to load the input itself (or a project it reports) is fatal; one in another project is a warning.
                string? fatal;
                lock (failures)
                {
                    fatal = failures.FirstOrDefault(f => f.Contains(path, StringComparison.OrdinalIgnoreCase)
                        || loaded.Any(p => p.FilePath is { } file && f.Contains(file, StringComparison.OrdinalIgnoreCase)));
                }

                if (fatal is not null)
                {
                    throw new ReportException("could not load " + Path.GetFileName(path) + ": " + fatal);
                }

                return new LoadedInput(workspace, loaded);
            }
            catch (Exception e) when (e is not ReportException and not OperationCanceledException)
            {
                workspace.Dispose();
                // MSBuild's own exceptions (a malformed .sln, an unreadable project) carry their details in the message.
                throw new ReportException("could not load " + Path.GetFileName(path) + ": " + OneLine(e.Message));
            }
            catch
            {
                workspace.Dispose();
                throw;
            }
        }
    }
}
