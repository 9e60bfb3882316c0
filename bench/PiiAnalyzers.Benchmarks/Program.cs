using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiAnalyzers.Benchmarks
{
    /// <summary>
    /// Compiles generated corpora in-process and runs the analyzers through <see cref="CompilationWithAnalyzers"/>.
    /// Binding time is <c>Compilation.GetDiagnostics()</c> on a fresh compilation; analyzer time is the driver's own
    /// per-analyzer execution time (<c>logAnalyzerExecutionTime</c>), which leaves out the driver re-binding the
    /// compilation. Each figure is the median of <c>--runs</c> repetitions after warm-up runs to the JIT's steady state. See docs/performance.md.
    /// </summary>
    public static class Program
    {
        internal const int WarmUps = 4;

        public static async Task<int> Main(string[] args)
        {
            var sizes = Option(args, "--sizes", "10000,40000,160000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var runs = int.Parse(Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
            var peer = !args.Contains("--no-peer");
            var stressOnly = args.Contains("--stress-only");
            var addedOnly = args.Contains("--added-only");
            var addedRuns = int.Parse(Option(args, "--added-runs", "7"), CultureInfo.InvariantCulture);
            Measure.Detail = args.Contains("--detail");

            Console.WriteLine($"PiiAnalyzers benchmark: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, Roslyn {typeof(Compilation).Assembly.GetName().Version}");
            Console.WriteLine($"median of {runs} runs after {WarmUps} warm-up runs; concurrentAnalysis: false; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; times in ms");
            Console.WriteLine();

            var pii = Analyzers.Pii();
            if (args.Contains("--graph-cost"))
            {
                // What Roslyn's control-flow graph builder costs by size (docs/flow-engine.md, "Bodies too large for a
                // graph"): one method of N switch cases, or of N if statements among 1.5 N other statements.
                Console.WriteLine("| Branches | Blocks, switch | Graph, switch | Blocks, ifs | Graph, ifs |");
                Console.WriteLine("|---:|---:|---:|---:|---:|");
                foreach (var branches in new[] { 1000, 2000, 3000, 4000, 8000, 10000 })
                {
                    var (switchBlocks, switchMs) = GraphCost(StressSources.Switch(branches), runs);
                    var (ifBlocks, ifMs) = GraphCost(StressSources.Statements(branches * 5 / 2), runs);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {branches:N0} | {switchBlocks:N0} | {switchMs:N1} | {ifBlocks:N0} | {ifMs:N1} |"));
                }

                return 0;
            }

            if (OptionOrNull(args, "--keystroke") is { } keystrokeSize)
            {
                var files = int.Parse(Option(args, "--files", "8"), CultureInfo.InvariantCulture);
                await Keystroke.RunAsync(Corpus.Create(int.Parse(keystrokeSize, CultureInfo.InvariantCulture), personalData: true), pii, peer ? Analyzers.NetAnalyzers() : ImmutableArray<DiagnosticAnalyzer>.Empty, files, runs);
                return 0;
            }

            if (args.Contains("--cancel-only"))
            {
                await CancellationTableAsync(pii, runs);
                return 0;
            }

            if (OptionOrNull(args, "--engine") is { } engineSize)
            {
                var engineCorpus = Corpus.Create(int.Parse(engineSize, CultureInfo.InvariantCulture), personalData: true);
                using var sampler = args.Contains("--alloc-types") ? AllocationSampler.Start() : null;
                var engineRuns = EngineRun.Run(() => engineCorpus.Compilation(), runs, print: true);
                Console.WriteLine(FormattableString.Invariant(
                    $"median of {runs}: bind {Median(engineRuns.Select(r => r.Bind).ToList()):N0} ms; scan {Median(engineRuns.Select(r => r.Scan).ToList()):N1} ms, graphs {Median(engineRuns.Select(r => r.Graphs).ToList()):N1} ms, walk {Median(engineRuns.Select(r => r.Walk).ToList()):N1} ms, engine {Median(engineRuns.Select(r => r.Engine).ToList()):N1} ms; allocated {Median(engineRuns.Select(r => r.Allocated / 1048576.0).ToList()):N1} MB"));
                sampler?.Print(40);
                return 0;
            }

            if (OptionOrNull(args, "--profile") is { } profileSize)
            {
                // For a profiler (docs/performance.md): the personal-data corpus, PiiAnalyzers only, --runs times.
                var stress = StressSources.All.FirstOrDefault(s => s.Name.StartsWith(profileSize, StringComparison.Ordinal));
                var corpus = stress.Source is not null
                    ? Corpus.FromSources(new[] { ("Stress.cs", stress.Source) }, personalData: true)
                    : Option(args, "--corpus", "personal") == "web"
                        ? Corpus.Create(int.Parse(profileSize, CultureInfo.InvariantCulture), personalData: true, CorpusKind.Web)
                        : Corpus.Create(int.Parse(profileSize, CultureInfo.InvariantCulture), personalData: true);
                if (args.Contains("--graphs-only"))
                {
                    // The floor of any graph-based analysis: an analyzer that only asks for every body's graph.
                    pii = ImmutableArray.Create<DiagnosticAnalyzer>(new Measure.GraphOnlyAnalyzer());
                }
                else if (args.Contains("--empty"))
                {
                    // The driver's own cost: an analyzer that only subscribes to every operation block.
                    pii = ImmutableArray.Create<DiagnosticAnalyzer>(new Measure.EmptyAnalyzer());
                }

                for (var run = 0; run < runs; run++)
                {
                    var pause = GC.GetTotalPauseDuration();
                    var collections = GC.CollectionCount(0);
                    var gen2 = GC.CollectionCount(2);
                    var allocatedBefore = GC.GetTotalAllocatedBytes(true);
                    var threads = ThreadCpu.Snapshot();
                    var wall = Stopwatch.StartNew();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var result = args.Contains("--per-file") ? await Measure.RunPerFileAsync(corpus.Compilation(), pii) : await Measure.RunAsync(corpus.Compilation(), pii);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Lines:N0} lines: {result.AnalyzerMs:N1} ms, {result.Diagnostics} findings; driver run {wall.Elapsed.TotalMilliseconds:N0} ms, process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:N0} ms in {GC.CollectionCount(0) - collections} collections ({GC.CollectionCount(2) - gen2} of gen 2), {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0:N0} MB allocated; CPU by thread: {ThreadCpu.Format(ThreadCpu.Difference(threads, ThreadCpu.Snapshot()))}"));
                }

                return 0;
            }

            var netAnalyzers = peer ? Analyzers.NetAnalyzers() : ImmutableArray<DiagnosticAnalyzer>.Empty;

            if (!stressOnly)
            {
                // Warm-up to the steady state (the IDE's and the compiler server's): tiered JIT promotes hot code only
                // after it ran for a while, and the first runs are several times slower (docs/performance.md).
                var warm = Corpus.Create(10000, personalData: true);
                for (var i = 0; i < WarmUps; i++)
                {
                    Measure.Binding(warm.Compilation());
                    await Measure.RunAsync(warm.Compilation(), pii);
                    if (peer)
                    {
                        await Measure.RunAsync(Analyzers.WithPeerOptions(warm.Compilation()), netAnalyzers);
                        await Measure.RunAsync(warm.Compilation(), Analyzers.SdkNetAnalyzers());
                    }
                }

                if (!addedOnly)
                {
                    // PiiAnalyzers beside the peer dataflow rules (CA2000+CA3001) and beside the SDK's default NetAnalyzers
                    // set (what every project already runs), by the driver's telemetry, on one corpus after another.
                    var sdk = peer ? Analyzers.SdkNetAnalyzers() : ImmutableArray<DiagnosticAnalyzer>.Empty;
                    var corpora = Option(args, "--corpus", "personal,none,web,web-none,dense").Split(',');
                    Console.WriteLine("| Lines | Corpus | Binding | PII analyzers | PII / binding | PII alloc | CA2000+CA3001 | SDK NetAnalyzers | PII / SDK NetAnalyzers | PII findings |");
                    Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                    foreach (var size in sizes)
                    {
                        foreach (var name in corpora)
                        {
                            var (personalData, kind, label) = name switch
                            {
                                "personal" => (true, CorpusKind.Service, "personal data"),
                                "none" => (false, CorpusKind.Service, "no attribute"),
                                "web" => (true, CorpusKind.Web, "web, marked"),
                                "web-none" => (false, CorpusKind.Web, "web, nothing marked"),
                                "dense" => (true, CorpusKind.Dense, "dense"),
                                _ => throw new ArgumentException("--corpus: personal, none, web, web-none or dense, not " + name),
                            };
                            var corpus = Corpus.Create(size, personalData, kind);
                            if (corpus.Errors().FirstOrDefault() is { } error)
                            {
                                throw new InvalidOperationException($"The {label} corpus does not compile: {error}");
                            }

                            var binding = new List<double>();
                            var piiTimes = new List<double>();
                            var netTimes = new List<double>();
                            var sdkTimes = new List<double>();
                            var findings = 0;
                            for (var run = 0; run < runs; run++)
                            {
                                binding.Add(Measure.Binding(corpus.Compilation()));
                                var result = await Measure.RunAsync(corpus.Compilation(), pii);
                                piiTimes.Add(result.AnalyzerMs);
                                findings = result.Diagnostics;
                                if (peer)
                                {
                                    netTimes.Add((await Measure.RunAsync(Analyzers.WithPeerOptions(corpus.Compilation()), netAnalyzers)).AnalyzerMs);
                                    sdkTimes.Add((await Measure.RunAsync(corpus.Compilation(), sdk)).AnalyzerMs);
                                }
                            }

                            var allocated = await Measure.AnalyzerAllocationsAsync(corpus.Compilation(), pii);
                            var b = Median(binding);
                            var p = Median(piiTimes);
                            var n = peer ? Median(netTimes) : double.NaN;
                            var d = peer ? Median(sdkTimes) : double.NaN;
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"| {corpus.Lines:N0} | {label} | {b:N0} | {p:N1} | {p / b:P2} | {allocated / 1048576.0:N1} MB | {(peer ? n.ToString("N1", CultureInfo.InvariantCulture) : "-")} | {(peer ? d.ToString("N1", CultureInfo.InvariantCulture) : "-")} | {(peer ? (p / d).ToString("P0", CultureInfo.InvariantCulture) : "-")} | {findings} |"));
                        }
                    }
                }

                Console.WriteLine();
                if (args.Contains("--table-only"))
                {
                    return 0;
                }

                // What each set of analyzers adds to a driver run, free of the telemetry's attribution: process CPU of
                // a driver run with them, less that of a driver run with an analyzer that only subscribes to every
                // operation block (so the driver binds every body and builds its operations either way). Work the
                // compiler does anyway (binding a helper's body, reading attributes) is counted once, in the baseline,
                // whoever triggers it first. Runs alternate (baseline, PII, NetAnalyzers) and the added CPU is the
                // median of the differences within each round, so that the machine's drift cancels. A run's process CPU
                // varies by a few hundred milliseconds at 160k, hence more rounds than the other tables (--added-runs).
                Console.WriteLine("| Lines | Binding | Driver CPU, baseline | PII added CPU | PII added / binding | of which collector, JIT, other threads | NetAnalyzers added CPU | Net added / binding | of which collector, JIT, other threads |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---|---:|---:|---|");
                var baselineAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new Measure.EmptyAnalyzer());
                foreach (var size in sizes)
                {
                    var corpus = Corpus.Create(size, personalData: true);
                    var binding = new List<double>();
                    var baseline = new List<double>();
                    var piiAdded = new List<DriverCpu>();
                    var netAdded = new List<DriverCpu>();
                    for (var run = 0; run < addedRuns; run++)
                    {
                        binding.Add(Measure.Binding(corpus.Compilation()));
                        var empty = await Measure.DriverCpuAsync(corpus.Compilation(), baselineAnalyzer);
                        baseline.Add(empty.Total);
                        piiAdded.Add(await Measure.DriverCpuAsync(corpus.Compilation(), pii) - empty);
                        if (peer)
                        {
                            netAdded.Add(await Measure.DriverCpuAsync(Analyzers.WithPeerOptions(corpus.Compilation()), netAnalyzers) - empty);
                        }
                    }

                    var b = Median(binding);
                    var p = Median(piiAdded.Select(d => d.Total).ToList());
                    var n = peer ? Median(netAdded.Select(d => d.Total).ToList()) : double.NaN;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {corpus.Lines:N0} | {b:N0} | {Median(baseline):N0} | {p:N0} | {p / b:P1} | {DriverCpu.Medians(piiAdded)} | {(peer ? n.ToString("N0", CultureInfo.InvariantCulture) : "-")} | {(peer ? (n / b).ToString("P1", CultureInfo.InvariantCulture) : "-")} | {(peer ? DriverCpu.Medians(netAdded) : "-")} |"));
                }

                Console.WriteLine();

                if (addedOnly)
                {
                    return 0;
                }

                // The flow engine alone (EngineRun): no driver, one thread, the operations bound beforehand.
                // Warm-up: the engine's code paths differ from the driver's, and tiered JIT needs about six runs of the 10k
                // corpus to settle (the first runs take two to four times as long).
                var engineWarmUp = Corpus.Create(10000, personalData: true);
                EngineRun.Run(() => engineWarmUp.Compilation(), 6, print: false);
                Console.WriteLine("| Lines | Bodies | Analyzed | Binding the operations | Scan | Graphs | Walk and summaries | Engine | Engine / binding | Engine alloc |");
                Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var size in sizes)
                {
                    var corpus = Corpus.Create(size, personalData: true);
                    var results = EngineRun.Run(() => corpus.Compilation(), runs, print: false);
                    var median = results.OrderBy(r => r.Engine).ElementAt(results.Count / 2);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {corpus.Lines:N0} | {median.Bodies:N0} | {median.Analyzed:N0} | {median.Bind:N0} | {median.Scan:N1} | {median.Graphs:N1} | {median.Walk:N1} | {median.Engine:N1} | {median.Engine / median.Bind:P2} | {median.Allocated / 1048576.0:N1} MB |"));
                }

                Console.WriteLine();
            }

            if (args.Contains("--no-stress"))
            {
                return 0;
            }

            Console.WriteLine("| Method | Binding | PII analyzers | Control-flow graph alone | NetAnalyzers CA2000+CA3001 | Findings |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var graphs = ImmutableArray.Create<DiagnosticAnalyzer>(new Measure.GraphOnlyAnalyzer());
            foreach (var (name, source) in StressSources.All)
            {
                var corpus = Corpus.FromSources(new[] { ("Stress.cs", source) }, personalData: true);
                var binding = new List<double>();
                var times = new List<double>();
                var graphTimes = new List<double>();
                var netTimes = new List<double>();
                var findings = 0;
                await Measure.RunAsync(corpus.Compilation(), pii);
                for (var run = 0; run < runs; run++)
                {
                    binding.Add(Measure.Binding(corpus.Compilation()));
                    var result = await Measure.RunAsync(corpus.Compilation(), pii);
                    times.Add(result.AnalyzerMs);
                    findings = result.Diagnostics;
                    graphTimes.Add((await Measure.RunAsync(corpus.Compilation(), graphs)).AnalyzerMs);
                    if (peer)
                    {
                        netTimes.Add((await Measure.RunAsync(Analyzers.WithPeerOptions(corpus.Compilation()), netAnalyzers)).AnalyzerMs);
                    }
                }

                var net = peer ? Median(netTimes).ToString("N1", CultureInfo.InvariantCulture) : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(binding):N0} | {Median(times):N1} | {Median(graphTimes):N1} | {net} | {findings} |"));
            }

            Console.WriteLine();
            await CancellationTableAsync(pii, runs);
            Console.WriteLine();
            await Keystroke.RunAsync(Corpus.Create(sizes.Max(), personalData: true), pii, netAnalyzers, 8, runs);
            return 0;
        }

        /// <summary>
        /// How soon a cancelled analysis stops, through the driver: long single methods, the token cancelled a quarter of the
        /// way through the analysis of the method (timed uncancelled first, from the moment the driver starts its operation
        /// block, when it has bound it). A run that ends before the request (the analysis was quicker that time) is counted
        /// as not cancelled.
        /// </summary>
        private static async Task CancellationTableAsync(ImmutableArray<DiagnosticAnalyzer> pii, int runs)
        {
            Console.WriteLine("| Method | Uncancelled, from the block's start to the end | Cancelled after (a quarter) | Honoured within (median, max) | Runs cancelled |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, source) in new[] { ("5,000 statements (graph)", StressSources.Statements(5000)), ("20,000 statements (no graph)", StressSources.Statements(20000)) })
            {
                var corpus = Corpus.FromSources(new[] { ("Stress.cs", source) }, personalData: true);
                for (var warmUp = 0; warmUp < WarmUps; warmUp++)
                {
                    await Measure.BlockRunAsync(corpus.Compilation(), pii, "Run", null);
                }

                var full = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    full.Add((await Measure.BlockRunAsync(corpus.Compilation(), pii, "Run", null)).Finished!.Value);
                }

                var delay = TimeSpan.FromMilliseconds(Median(full) / 4);
                var latencies = new List<double>();
                var cancelled = 0;
                var attempts = Math.Max(runs, 5);
                for (var run = 0; run < attempts; run++)
                {
                    if ((await Measure.BlockRunAsync(corpus.Compilation(), pii, "Run", delay)).Honoured is { } latency)
                    {
                        cancelled++;
                        latencies.Add(latency);
                    }
                }

                var honoured = latencies.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{Median(latencies):N1}, {latencies.Max():N1}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(full):N1} | {delay.TotalMilliseconds:N1} | {honoured} | {cancelled} of {attempts} |"));
            }
        }

        private static string Option(string[] args, string name, string fallback) => OptionOrNull(args, name) ?? fallback;

        private static string? OptionOrNull(string[] args, string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        /// <summary>Blocks and median milliseconds of building the graph of the method <c>Run</c> in <paramref name="source"/>.</summary>
        private static (int Blocks, double Ms) GraphCost(string source, int runs)
        {
            var times = new List<double>();
            var blocks = 0;
            for (var run = 0; run < runs + 1; run++)
            {
                var compilation = Corpus.FromSources(new[] { ("Stress.cs", source) }, personalData: true).Compilation();
                var tree = compilation.SyntaxTrees.First();
                var method = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First(m => m.Identifier.Text == "Run");
                var body = (Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)compilation.GetSemanticModel(tree).GetOperation(method)!;
                var watch = Stopwatch.StartNew();
                blocks = Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create(body).Blocks.Length;
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms the JIT up
                }
            }

            return (blocks, Median(times));
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    internal sealed class Corpus
    {
        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly ImmutableArray<MetadataReference> _references;

        private Corpus(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, int lines)
        {
            _trees = trees;
            _references = references;
            Lines = lines;
        }

        public int Lines { get; }

        public static Corpus Create(int lines, bool personalData) => FromSources(CorpusGenerator.Generate(lines, personalData), personalData);

        /// <summary>A corpus of <paramref name="kind"/>; the web corpus is compiled against the ASP.NET Core shared framework.</summary>
        public static Corpus Create(int lines, bool personalData, CorpusKind kind)
            => FromSources(CorpusGenerator.Generate(lines, personalData, kind), personalData, kind == CorpusKind.Web);

        public static Corpus FromSources(IEnumerable<(string Path, string Text)> sources, bool personalData, bool web = false)
        {
            var list = sources.ToList();
            var trees = list.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToImmutableArray();
            var references = web
                ? (personalData ? References.WebWithAttributes : References.Web)
                : personalData ? References.WithAttributes : References.WithoutAttributes;
            return new Corpus(trees, references, list.Sum(s => CorpusGenerator.CountLines(s.Text)));
        }

        /// <summary>The compiler's errors in the corpus (none expected): the first few, for a check before measuring.</summary>
        public IEnumerable<Diagnostic> Errors() => Compilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5);

        /// <summary>A fresh compilation: nothing bound yet (syntax trees are shared, semantic state is not).</summary>
        public CSharpCompilation Compilation()
            => CSharpCompilation.Create("Corpus", _trees, _references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
    }

    internal static class References
    {
        private static readonly ImmutableArray<MetadataReference> Libraries = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Microsoft.EntityFrameworkCore.Infrastructure.IResettableService).Assembly.Location));

        private static readonly ImmutableArray<MetadataReference> Framework =
            Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();

        public static readonly ImmutableArray<MetadataReference> WithoutAttributes = Framework.AddRange(Libraries);

        public static readonly ImmutableArray<MetadataReference> WithAttributes =
            WithoutAttributes.Add(MetadataReference.CreateFromFile(typeof(PiiAttributes.PersonalDataAttribute).Assembly.Location));

        /// <summary>
        /// The installed SDK's reference packs, as a web project compiles against them: Microsoft.NETCore.App.Ref and
        /// Microsoft.AspNetCore.App.Ref (Identity's [PersonalData] included), newest version, plus Entity Framework Core.
        /// </summary>
        public static ImmutableArray<MetadataReference> Web => web ??= Pack("Microsoft.NETCore.App.Ref").AddRange(Pack("Microsoft.AspNetCore.App.Ref")).AddRange(Libraries.Skip(1));

        public static ImmutableArray<MetadataReference> WebWithAttributes
            => Web.Add(MetadataReference.CreateFromFile(typeof(PiiAttributes.PersonalDataAttribute).Assembly.Location));

        private static ImmutableArray<MetadataReference>? web;

        /// <summary>The dotnet root this process runs from (…/shared/Microsoft.NETCore.App/&lt;version&gt;/ is the runtime).</summary>
        public static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

        private static ImmutableArray<MetadataReference> Pack(string name)
        {
            var versions = Directory.GetDirectories(Path.Combine(DotnetRoot, "packs", name)).OrderBy(v => Version.TryParse(Path.GetFileName(v), out var parsed) ? parsed : new Version()).ToList();
            var refFolder = Directory.GetDirectories(Path.Combine(versions.Last(), "ref")).OrderBy(f => f, StringComparer.Ordinal).Last();
            return Directory.GetFiles(refFolder, "*.dll").Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }
    }

    internal static class Analyzers
    {
        private static readonly string[] PeerRules = { "CA2000", "CA3001" };

        /// <summary>Every analyzer PiiAnalyzers exports.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Pii()
            => typeof(PiiAnalyzers.Rules.PersonalDataSinkAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>The NetAnalyzers analyzers that report CA2000 or CA3001, loaded from the package folder.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> NetAnalyzers()
        {
            var root = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NetAnalyzersPath").Value!;
            var folder = Path.Combine(root, "analyzers", "dotnet", "cs");
            var loader = new Loader();
            var analyzers = Directory.GetFiles(folder, "*.dll")
                .SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp))
                .Where(a => a.SupportedDiagnostics.Any(d => PeerRules.Contains(d.Id)))
                .ToImmutableArray();
            if (analyzers.IsEmpty)
            {
                throw new InvalidOperationException("No NetAnalyzers analyzer for CA2000 or CA3001 found in " + folder);
            }

            return analyzers;
        }

        /// <summary>
        /// What every project already runs: the NetAnalyzers shipped in the installed SDK
        /// (sdk/&lt;version&gt;/Sdks/Microsoft.NET.Sdk/analyzers), every analyzer, each rule at its default severity (the
        /// driver skips an analyzer whose rules are all off by default).
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> SdkNetAnalyzers()
        {
            if (sdkAnalyzers is { } known)
            {
                return known;
            }

            var sdks = Directory.GetDirectories(Path.Combine(References.DotnetRoot, "sdk")).Where(d => Directory.Exists(Path.Combine(d, "Sdks"))).OrderBy(d => d, StringComparer.Ordinal).ToList();
            var folder = Path.Combine(sdks.Last(), "Sdks", "Microsoft.NET.Sdk", "analyzers");
            var loader = new IsolatedLoader(folder); // beside the peer set's older NetAnalyzers of the same assembly names
            var analyzers = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
                .SelectMany(file =>
                {
                    var reference = new AnalyzerFileReference(Path.Combine(folder, file), loader);
                    reference.AnalyzerLoadFailed += (_, e) => Console.Error.WriteLine($"{file}: {e.ErrorCode} {e.Message} {e.Exception?.Message}");
                    return reference.GetAnalyzers(LanguageNames.CSharp);
                })
                .ToImmutableArray();
            if (analyzers.IsEmpty)
            {
                throw new InvalidOperationException("No NetAnalyzers analyzer found in " + folder);
            }

            sdkAnalyzers = analyzers;
            return analyzers;
        }

        private static ImmutableArray<DiagnosticAnalyzer>? sdkAnalyzers;

        /// <summary>CA2000 and CA3001 on (CA3001 is off by default), the other rules of the same analyzers off.</summary>
        public static CSharpCompilation WithPeerOptions(CSharpCompilation compilation)
        {
            var options = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>();
            foreach (var id in NetAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
            {
                options[id] = PeerRules.Contains(id) ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }

            return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(options.ToImmutable()));
        }

        /// <summary>Loads analyzers of one folder into a load context of their own; the compiler comes from the default one.</summary>
        private sealed class IsolatedLoader : System.Runtime.Loader.AssemblyLoadContext, IAnalyzerAssemblyLoader
        {
            private readonly string _folder;

            public IsolatedLoader(string folder)
                : base("sdk-analyzers")
            {
                _folder = folder;
            }

            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

            protected override Assembly? Load(AssemblyName assemblyName)
            {
                var path = Path.Combine(_folder, assemblyName.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }

    internal static class Measure
    {
        /// <summary>Print each analyzer's time to standard error (<c>--detail</c>).</summary>
        public static bool Detail { get; set; }

        /// <summary>One thread, the analyzers' own time logged, any analyzer exception fatal.</summary>
        private static readonly CompilationWithAnalyzersOptions TimedOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);

        /// <summary>
        /// <paramref name="compilation"/> with its references bound: the compiler binds them before its first diagnostic
        /// (a build's declaration stage, running beside the analyzers' start) and the IDE reuses them across edits, yet in a
        /// fresh compilation the first analyzer to ask for a type would be charged with all of it. Binding time includes it.
        /// </summary>
        private static CSharpCompilation WithReferencesBound(CSharpCompilation compilation)
        {
            _ = compilation.Assembly;
            return compilation;
        }

        public static double Binding(CSharpCompilation compilation)
        {
            var watch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            return watch.Elapsed.TotalMilliseconds;
        }

        /// <summary>One thread, no telemetry, any analyzer exception fatal: for <see cref="DriverCpuAsync"/>.</summary>
        private static readonly CompilationWithAnalyzersOptions UntimedOptions = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        /// <summary>
        /// Process CPU, in milliseconds, of one driver run of <paramref name="analyzers"/> over <paramref name="compilation"/>:
        /// every thread (the compile beside the analyzers, the collector, the JIT), after a full collection of what came
        /// before; split by thread where <c>/proc</c> tells (<see cref="ThreadCpu"/>).
        /// </summary>
        public static async Task<DriverCpu> DriverCpuAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, UntimedOptions);
            using var process = Process.GetCurrentProcess();
            var threads = ThreadCpu.Snapshot();
            var before = process.TotalProcessorTime;
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            process.Refresh();
            var total = (process.TotalProcessorTime - before).TotalMilliseconds;
            var split = ThreadCpu.Difference(threads, ThreadCpu.Snapshot());
            return new DriverCpu(total, split.GetValueOrDefault(ThreadCpu.Collector), split.GetValueOrDefault(ThreadCpu.Jit));
        }

        /// <summary>
        /// One driver run of <paramref name="analyzers"/> over <paramref name="compilation"/>, its token cancelled
        /// <paramref name="delay"/> after the driver starts the operation block of the method named <paramref name="method"/>
        /// (bound by then: the driver binds a body before any action on it); never cancelled when <paramref name="delay"/> is
        /// null. Returns the milliseconds from that start to the end of the run when it finished, or from the request to the
        /// driver throwing when it was cancelled.
        /// </summary>
        public static async Task<(double? Finished, double? Honoured)> BlockRunAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, string method, TimeSpan? delay)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            using var cancellation = new CancellationTokenSource();
            long started = 0, requested = 0;

            // The time is taken before Cancel: the driver's own registrations on the token run first (they were made
            // later) and can end the run before a registration of ours would run.
            void Cancel()
            {
                try
                {
                    Volatile.Write(ref requested, Stopwatch.GetTimestamp());
                    cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The run ended before the delay did.
                }
            }

            // First in the list: the driver runs one analyzer's actions on a block after another, in this order.
            var trigger = new CancelAtBlockStart(method, () =>
            {
                Volatile.Write(ref started, Stopwatch.GetTimestamp());
                if (delay is { } after)
                {
                    Task.Delay(after).ContinueWith(_ => Cancel(), TaskScheduler.Default);
                }
            });
            var withAnalyzers = compilation.WithAnalyzers(analyzers.Insert(0, trigger), UntimedOptions);
            try
            {
                await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation.Token);
                return (Milliseconds(Volatile.Read(ref started), Stopwatch.GetTimestamp()), null);
            }
            catch (OperationCanceledException)
            {
                return (null, Milliseconds(Volatile.Read(ref requested), Stopwatch.GetTimestamp()));
            }
        }

        private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

        public static async Task<(double AnalyzerMs, int Diagnostics)> RunAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var withAnalyzers = WithReferencesBound(compilation).WithAnalyzers(analyzers, TimedOptions);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (await TelemetryMsAsync(withAnalyzers, analyzers, string.Empty), diagnostics.Length);
        }

        /// <summary>The analyzers' own execution time, summed; each printed with <see cref="Detail"/>.</summary>
        private static async Task<double> TelemetryMsAsync(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers, string note)
        {
            var total = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                var time = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
                total += time;
                if (Detail)
                {
                    Console.Error.WriteLine($"  {analyzer.GetType().Name}: {time.TotalMilliseconds:N1} ms{note}");
                }
            }

            return total.TotalMilliseconds;
        }

        /// <summary>
        /// The IDE's way: file by file (<c>GetAnalyzerSemanticDiagnosticsAsync</c>), one thread, no compilation of the whole
        /// project running beside the analyzers. Returns the analyzers' own time, summed over the files.
        /// </summary>
        public static async Task<(double AnalyzerMs, int Diagnostics)> RunPerFileAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var withAnalyzers = WithReferencesBound(compilation).WithAnalyzers(analyzers, TimedOptions);
            var diagnostics = 0;
            foreach (var tree in withAnalyzers.Compilation.SyntaxTrees)
            {
                var model = withAnalyzers.Compilation.GetSemanticModel(tree);
                diagnostics += (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None)).Length;
            }

            return (await TelemetryMsAsync(withAnalyzers, analyzers, " (per file)"), diagnostics);
        }

        /// <summary>
        /// The analyzers on file <paramref name="index"/> of <paramref name="compilation"/> alone, as the IDE analyzes an
        /// open document: their own time (telemetry) and their findings there.
        /// </summary>
        public static async Task<(double AnalyzerMs, int Diagnostics)> RunOnFileAsync(CSharpCompilation compilation, int index, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var withAnalyzers = WithReferencesBound(compilation).WithAnalyzers(analyzers, TimedOptions);
            var model = withAnalyzers.Compilation.GetSemanticModel(withAnalyzers.Compilation.SyntaxTrees.ElementAt(index));
            var diagnostics = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None)).Length;
            return (await TelemetryMsAsync(withAnalyzers, analyzers, " (one file)"), diagnostics);
        }

        /// <summary>
        /// Bytes allocated by a driver run with <paramref name="analyzers"/>, less those of a driver run with an analyzer
        /// that only subscribes to every operation block (so the driver binds and builds operations as much, and no more).
        /// </summary>
        public static async Task<long> AnalyzerAllocationsAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var baseline = await AllocatedAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer()));
            var withAnalyzers = await AllocatedAsync(compilation, analyzers);
            return Math.Max(0, withAnalyzers - baseline);
        }

        private static async Task<long> AllocatedAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var fresh = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await fresh.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        internal sealed class GraphOnlyAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BENCH1", "Graphs", "Graphs", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationBlockAction(block =>
                {
                    var seen = new HashSet<IOperation>();
                    foreach (var operation in block.OperationBlocks)
                    {
                        var root = operation;
                        while (root.Parent is not null)
                        {
                            root = root.Parent;
                        }

                        if (seen.Add(root) && root.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block)
                        {
                            block.GetControlFlowGraph(operation);
                        }
                    }
                });
            }
        }

        /// <summary>Calls <c>start</c> when the driver starts the operation block of the method named <c>method</c>.</summary>
        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        internal sealed class CancelAtBlockStart : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BENCH2", "Cancel", "Cancel", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
            private readonly string _method;
            private readonly Action _start;

            public CancelAtBlockStart(string method, Action start)
            {
                _method = method;
                _start = start;
            }

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
#pragma warning disable RS1012 // only the moment a block starts is wanted: it is when the driver has bound it
                context.RegisterOperationBlockStartAction(block =>
#pragma warning restore RS1012
                {
                    if (block.OwningSymbol.Name == _method)
                    {
                        _start();
                    }
                });
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        internal sealed class EmptyAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BENCH0", "Baseline", "Baseline", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationBlockAction(_ => { });
            }
        }
    }
}
