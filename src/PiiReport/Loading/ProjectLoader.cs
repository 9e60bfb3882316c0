using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace PiiReport.Loading
{
    /// <summary>
    /// Loads a solution or project with MSBuildWorkspace. MSBuild is registered (Microsoft.Build.Locator) before any
    /// MSBuild type is touched: the workspace code sits in <see cref="OpenCoreAsync"/>, which the JIT compiles only
    /// after registration.
    /// </summary>
    internal static class ProjectLoader
    {
        private static readonly object Gate = new object();

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
        /// workspace diagnostics go to <paramref name="warn"/>.
        /// </summary>
        public static Task<IReadOnlyList<Project>> OpenAsync(string path, Action<string> progress, Action<string> warn, CancellationToken cancellationToken)
        {
            EnsureMSBuildRegistered();
            return OpenCoreAsync(path, progress, warn, cancellationToken);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<IReadOnlyList<Project>> OpenCoreAsync(string path, Action<string> progress, Action<string> warn, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create();
            var failures = new List<string>();
            workspace.WorkspaceFailed += (_, e) =>
            {
                warn(e.Diagnostic.Kind + ": " + e.Diagnostic.Message);
                if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
                {
                    lock (failures)
                    {
                        failures.Add(e.Diagnostic.Message);
                    }
                }
            };
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

            var loaded = projects.Where(p => p.Language == LanguageNames.CSharp).OrderBy(p => p.FilePath, StringComparer.Ordinal).ToList();

            // A failure to load the input itself (or a project it reports) is fatal; one in another project is a warning.
            var fatal = failures.FirstOrDefault(f => f.Contains(path, StringComparison.OrdinalIgnoreCase)
                || loaded.Any(p => p.FilePath is { } file && f.Contains(file, StringComparison.OrdinalIgnoreCase)));
            if (fatal is not null)
            {
                throw new ReportException("could not load " + Path.GetFileName(path) + ": " + fatal);
            }

            return loaded;
        }
    }
}
