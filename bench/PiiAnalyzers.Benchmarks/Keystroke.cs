using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// What one edit costs in the IDE. After a keystroke the IDE has a new compilation, the previous one with the edited
    /// file replaced: it keeps the resolved references, and nothing of the source is bound. The IDE computes the edited
    /// file's compiler diagnostics, and runs the analyzers on that file alone (<c>GetAnalyzerSemanticDiagnosticsAsync</c>
    /// through a <see cref="CompilationWithAnalyzers"/>, whose compilation binds again what it needs). Each figure is for
    /// one file of the corpus, the median of <c>runs</c> edits.
    /// </summary>
    internal static class Keystroke
    {
        public static async Task RunAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> pii, ImmutableArray<DiagnosticAnalyzer> net, int files, int runs)
        {
            // The compilation before the edit, in use for a while: references resolved, everything bound once.
            var before = corpus.Compilation();
            before.GetDiagnostics();
            var trees = before.SyntaxTrees.ToList();
            var step = Math.Max(1, trees.Count / files);
            // Spread over the corpus and over the kinds of file of a module (models, services, helpers...).
            var picked = Enumerable.Range(0, files).Select(i => (i * step + i) % trees.Count).Distinct().ToList();

            // Warm the JIT on files not measured: the first analyses in a process take several times as long.
            foreach (var index in picked.Take(Program.WarmUps))
            {
                var other = index + 1 < trees.Count ? index + 1 : index;
                await MeasureAsync(before, other, 0, pii, peerOptions: false);
                if (!net.IsEmpty)
                {
                    await MeasureAsync(before, other, 0, net, peerOptions: true);
                }
            }

            Console.WriteLine($"Keystroke: one file of the {corpus.Lines:N0}-line corpus edited, bound and analyzed alone, median of {runs} edits, ms");
            Console.WriteLine();
            Console.WriteLine("| File | Lines | Binding the file | PII analyzers | PII / binding | PII findings | NetAnalyzers CA2000+CA3001 | Net / binding |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            var piiRatios = new List<double>();
            var netRatios = new List<double>();
            foreach (var index in picked)
            {
                var binding = new List<double>();
                var piiTimes = new List<double>();
                var netTimes = new List<double>();
                var findings = 0;
                for (var run = 0; run < runs; run++)
                {
                    var (bind, piiMs, count) = await MeasureAsync(before, index, run + 1, pii, peerOptions: false);
                    binding.Add(bind);
                    piiTimes.Add(piiMs);
                    findings = count;
                    if (!net.IsEmpty)
                    {
                        // Its binding time is not used, but the file is bound first all the same: both sets of analyzers
                        // run after the same work, as the IDE computes a file's compiler diagnostics beside them.
                        netTimes.Add((await MeasureAsync(before, index, run + 1, net, peerOptions: true)).AnalyzerMs);
                    }
                }

                var b = Program.Median(binding);
                var p = Program.Median(piiTimes);
                piiRatios.Add(p / b);
                var n = net.IsEmpty ? double.NaN : Program.Median(netTimes);
                if (!net.IsEmpty)
                {
                    netRatios.Add(n / b);
                }

                var tree = trees[index];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {tree.FilePath} | {tree.GetText().Lines.Count:N0} | {b:N1} | {p:N1} | {p / b:P1} | {findings} | {(net.IsEmpty ? "-" : n.ToString("N1", CultureInfo.InvariantCulture))} | {(net.IsEmpty ? "-" : (n / b).ToString("P1", CultureInfo.InvariantCulture))} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| median of the files | | | | {Program.Median(piiRatios):P1} | | | {(net.IsEmpty ? "-" : Program.Median(netRatios).ToString("P1", CultureInfo.InvariantCulture))} |"));
        }

        /// <summary>
        /// Edits file <paramref name="index"/> of <paramref name="before"/> (a comment added at its end, numbered
        /// <paramref name="edit"/>), binds it in the new compilation (its compiler diagnostics), then runs
        /// <paramref name="analyzers"/> on it; returns the binding time, the analyzers' own time (telemetry) and their
        /// findings in the file. <paramref name="peerOptions"/>: NetAnalyzers' rules configured as for the peer (CA2000 and
        /// CA3001 only).
        /// </summary>
        private static async Task<(double BindingMs, double AnalyzerMs, int Diagnostics)> MeasureAsync(CSharpCompilation before, int index, int edit, ImmutableArray<DiagnosticAnalyzer> analyzers, bool peerOptions)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var tree = before.SyntaxTrees[index];
            var text = tree.GetText();
            var edited = tree.WithChangedText(text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(text.Length, 0), "\n// edit " + edit.ToString(CultureInfo.InvariantCulture) + "\n")));
            var after = before.ReplaceSyntaxTree(tree, edited);
            if (peerOptions)
            {
                after = Analyzers.WithPeerOptions(after);
            }

            var watch = Stopwatch.StartNew();
            after.GetSemanticModel(edited).GetDiagnostics();
            var binding = watch.Elapsed.TotalMilliseconds;

            var (ms, diagnostics) = await Measure.RunOnFileAsync(after, index, analyzers);
            return (binding, ms, diagnostics);
        }
    }
}
