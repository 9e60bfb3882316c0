using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// CPU time of this process's threads by role, read from Linux's <c>/proc/self/task/*/comm</c> (the thread's name) and
    /// <c>schedstat</c> (nanoseconds on the CPU): the collector's threads (server GC, background GC), the tiered JIT's, and
    /// the rest (the thread-pool threads that compile and run the analyzers). Empty where <c>/proc</c> is missing.
    /// </summary>
    internal static class ThreadCpu
    {
        public const string Collector = "collector";
        public const string Jit = "JIT";
        public const string Other = "other";

        /// <summary>Milliseconds on the CPU so far, and the role, of every live thread, by thread id.</summary>
        public static Dictionary<string, (string Role, double Ms)> Snapshot()
        {
            var result = new Dictionary<string, (string Role, double Ms)>();
            if (!Directory.Exists("/proc/self/task"))
            {
                return result;
            }

            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                    var ns = double.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture);
                    result[Path.GetFileName(task)] = (Role(name), ns / 1e6);
                }
                catch (IOException)
                {
                    // the thread ended meanwhile
                }
            }

            return result;
        }

        /// <summary>
        /// CPU milliseconds by role between two snapshots. Threads that started meanwhile count whole; threads that ended
        /// meanwhile are missed (the tiered JIT's thread comes and goes: its figure is a lower bound).
        /// </summary>
        public static Dictionary<string, double> Difference(Dictionary<string, (string Role, double Ms)> before, Dictionary<string, (string Role, double Ms)> after)
            => after
                .GroupBy(t => t.Value.Role)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Value.Ms - (before.TryGetValue(t.Key, out var b) ? b.Ms : 0)));

        public static string Format(Dictionary<string, double> split)
            => string.Join(", ", new[] { Collector, Jit, Other }.Select(role => string.Create(CultureInfo.InvariantCulture, $"{role} {split.GetValueOrDefault(role):N0} ms")));

        private static string Role(string name)
            => name.StartsWith(".NET Server GC", StringComparison.Ordinal) || name.StartsWith(".NET BGC", StringComparison.Ordinal) ? Collector
                : name.StartsWith(".NET Tiered", StringComparison.Ordinal) ? Jit
                : Other;
    }

    /// <summary>A driver run's process CPU, and the part of it on the collector's and the JIT's threads, in milliseconds.</summary>
    internal readonly record struct DriverCpu(double Total, double Collector, double Jit)
    {
        public double Other => Total - Collector - Jit;

        public static DriverCpu operator -(DriverCpu left, DriverCpu right)
            => new DriverCpu(left.Total - right.Total, left.Collector - right.Collector, left.Jit - right.Jit);

        /// <summary>The median of each part over <paramref name="runs"/> (each median on its own, so they need not add up).</summary>
        public static string Medians(IReadOnlyList<DriverCpu> runs)
            => string.Create(CultureInfo.InvariantCulture,
                $"{Program.Median(runs.Select(r => r.Collector).ToList()):N0}, {Program.Median(runs.Select(r => r.Jit).ToList()):N0}, {Program.Median(runs.Select(r => r.Other).ToList()):N0}");
    }
}
