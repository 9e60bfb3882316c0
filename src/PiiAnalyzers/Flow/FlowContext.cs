using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Everything the flow engine needs about one compilation, resolved once when the compilation starts: the privacy
    /// attributes, what is personal data, what is a sink, the framework types data moves through, and the cache of
    /// method summaries and semantic models. Thread-safe; one instance per compilation.
    /// </summary>
    internal sealed class FlowContext
    {
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModelsByTree = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<ISymbol, bool> _isRedactorByMethod = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        private readonly ConditionalWeakTable<IOperation, ControlFlowGraph?> _graphsByBody = new ConditionalWeakTable<IOperation, ControlFlowGraph?>();

        private readonly ConcurrentDictionary<string, PiiConfiguration> _configurationsByOptionsKey = new ConcurrentDictionary<string, PiiConfiguration>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<SyntaxTree, PiiConfiguration> _configurationsByTree = new ConcurrentDictionary<SyntaxTree, PiiConfiguration>();

        private FlowContext(Compilation compilation, PrivacySymbols symbols, AnalyzerOptions options, bool infersFromNames, bool singlePassForForwardGraphs)
        {
            SinglePassForForwardGraphs = singlePassForForwardGraphs;
            Consent = new ConsentCatalog(symbols);
            Compilation = compilation;
            Symbols = symbols;
            Options = options;
            // Inference from names is opted into per file; where no file opts in, the catalog is not given the options
            // and answers from the marks alone (one cache, no per-member lookup of the declaring file's options).
            Catalog = new PersonalDataCatalog(symbols, infersFromNames ? options : null, compilation.Assembly, compilation.SyntaxTrees);
            _types = new Lazy<KnownTypes>(() => new KnownTypes(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            Sinks = new SinkCatalog(compilation, symbols, tree => compilation.ContainsSyntaxTree(tree) ? GetSemanticModel(tree, CancellationToken.None) : null, _types);
            Responses = new ResponseSinks(_types);
            Summaries = new MethodSummaries(this);
            Scan = new BodyScan(this);
        }

        public Compilation Compilation { get; }

        /// <summary>The library types recognized by shape, resolved on first use.</summary>
        public KnownTypes Types => _types.Value;

        private readonly Lazy<KnownTypes> _types;

        public AnalyzerOptions Options { get; }

        public PrivacySymbols Symbols { get; }

        public PersonalDataCatalog Catalog { get; }

        /// <summary>The consent every call of a private helper is made under.</summary>
        public CallerConsent Callers => _callers ??= new CallerConsent(this);

        private CallerConsent? _callers;

        /// <summary>What serializers and stores write of a type (ignored members and entity navigations left out).</summary>
        public WrittenData Written => _written ??= new WrittenData(Catalog, Compilation, tree => GetSemanticModel(tree, CancellationToken.None));

        private WrittenData? _written;

        public SinkCatalog Sinks { get; }

        /// <summary>What ASP.NET Core serializes as a response: actions' and route handlers' return values, result objects.</summary>
        public ResponseSinks Responses { get; }

        public MethodSummaries Summaries { get; }

        /// <summary>Which bodies are worth a flow analysis at all.</summary>
        public BodyScan Scan { get; }

        /// <summary>How data passes through the library calls known by name (<see cref="LibraryModels"/>), resolved on first use.</summary>
        public LibraryModels Library => _library ??= new LibraryModels(Compilation);

        private LibraryModels? _library;

        /// <summary>Which methods and properties check consent, and which require it.</summary>
        public ConsentCatalog Consent { get; }

        /// <summary>
        /// Graphs without a loop or handler are analyzed in one pass (<see cref="TaintWalker"/>); false makes every graph
        /// iterate to its fixed point and then report (see <see cref="TryCreate"/>).
        /// </summary>
        public bool SinglePassForForwardGraphs { get; }

        /// <summary>
        /// The context for <paramref name="compilation"/>, or null when nothing in it can be personal data: it references
        /// no personal-data marker (PiiAttributes, ASP.NET Core Identity, Microsoft.Extensions.Compliance), does not reference
        /// ASP.NET Core (whose requests bring claims and addresses, see <see cref="FrameworkSources"/>) and no file turns on <c>pii_analyzers.infer_from_names</c>.
        /// </summary>
        /// <param name="compilation">The compilation analyzed.</param>
        /// <param name="options">The analyzer options (configured sinks, checks and redactors; name inference).</param>
        /// <param name="singlePassForForwardGraphs">
        /// True (always, but in tests comparing the two): a graph without a loop or handler is analyzed in one pass.
        /// </param>
        public static FlowContext? TryCreate(Compilation compilation, AnalyzerOptions options, bool singlePassForForwardGraphs = true)
        {
            var symbols = PrivacySymbols.Create(compilation);
            var infersFromNames = InfersFromNamesAnywhere(compilation, options);
            if (symbols.PersonalData is null && !symbols.HasEcosystemMarkers && !symbols.Framework.AspNetCorePresent && !infersFromNames)
            {
                return null;
            }

            return new FlowContext(compilation, symbols, options, infersFromNames, singlePassForForwardGraphs);
        }

        private static bool InfersFromNamesAnywhere(Compilation compilation, AnalyzerOptions options)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (PiiOptions.InfersFromNames(options, tree))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The extra sinks, consent checks and redactors configured for <paramref name="tree"/>.</summary>
        public PiiConfiguration GetConfiguration(SyntaxTree tree)
        {
            if (_configurationsByTree.TryGetValue(tree, out var known))
            {
                return known; // asked for every body and summary: no key built after the first time per file
            }

            var key = PiiConfiguration.Key(Options, tree);
            var configuration = _configurationsByOptionsKey.TryGetValue(key, out var shared)
                ? shared
                : _configurationsByOptionsKey.GetOrAdd(key, PiiConfiguration.Resolve(Compilation, Options, tree));
            return _configurationsByTree.GetOrAdd(tree, configuration);
        }

        /// <summary>
        /// The shared graph (<see cref="GetGraph"/>) of a method, constructor or accessor body: a method body, a constructor
        /// body, or a block with no parent. Null for any other operation, or when the graph cannot be built.
        /// </summary>
        public ControlFlowGraph? GetBodyGraph(IOperation root, CancellationToken cancellationToken)
            => root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null }
                ? GetGraph(root, () => root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                    _ => ControlFlowGraph.Create((IBlockOperation)root, cancellationToken),
                })
                : null;

        /// <summary>
        /// The control-flow graph of the body <paramref name="root"/>, built once by <paramref name="create"/> and shared
        /// while the operation tree lives: a helper is summarized at up to <see cref="MethodSummaries.MaxDepth"/> depths
        /// and analyzed as a body of its own, all from one graph. Null when the graph cannot be built (code with errors).
        /// </summary>
        public ControlFlowGraph? GetGraph(IOperation root, Func<ControlFlowGraph> create)
        {
            if (_graphsByBody.TryGetValue(root, out var known))
            {
                return known;
            }

            ControlFlowGraph? graph;
            try
            {
                graph = create();
            }
            catch (ArgumentException)
            {
                graph = null;
            }

            return _graphsByBody.GetValue(root, _ => graph);
        }

        /// <summary>
        /// The semantic model of <paramref name="tree"/>, created once per compilation and shared: summaries of
        /// helper methods need the operations of bodies other than the one being analyzed.
        /// </summary>
        public SemanticModel GetSemanticModel(SyntaxTree tree, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_semanticModelsByTree.TryGetValue(tree, out var model))
            {
                return model;
            }

#pragma warning disable RS1030 // Cached per compilation: one model per tree, reused by every summary that needs it.
            return _semanticModelsByTree.GetOrAdd(tree, Compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
        }

        /// <summary>
        /// True for redactors (their result no longer carries personal data): methods marked <c>[Redactor]</c>,
        /// Microsoft.Extensions.Compliance's <c>Redactor.Redact</c>, and those <paramref name="configuration"/> names.
        /// </summary>
        public bool IsRedactor(IMethodSymbol method, PiiConfiguration configuration)
        {
            var definition = method.OriginalDefinition;
            if (!_isRedactorByMethod.TryGetValue(definition, out var known))
            {
                known = _isRedactorByMethod.GetOrAdd(
                    definition,
                    PrivacySymbols.Find(definition, Symbols.Redactor) is not null
                        || (definition.Name == "Redact" && TypeShapes.DerivesFrom(definition.ContainingType, Symbols.ComplianceRedactor)));
            }

            return known || configuration.IsRedactor(definition);
        }
    }
}
