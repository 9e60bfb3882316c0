using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
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
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();

        private FlowContext(Compilation compilation, PrivacySymbols symbols)
        {
            Compilation = compilation;
            Symbols = symbols;
            Catalog = new PersonalDataCatalog(symbols);
            Sinks = new SinkCatalog(compilation, symbols);
            Summaries = new MethodSummaries(this);
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            SystemTextJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
            NewtonsoftJsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        }

        public Compilation Compilation { get; }

        public PrivacySymbols Symbols { get; }

        public PersonalDataCatalog Catalog { get; }

        public SinkCatalog Sinks { get; }

        public MethodSummaries Summaries { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? Queryable { get; }

        public INamedTypeSymbol? SystemTextJsonSerializer { get; }

        public INamedTypeSymbol? NewtonsoftJsonConvert { get; }

        /// <summary>The context for <paramref name="compilation"/>, or null when it declares no personal data at all.</summary>
        public static FlowContext? TryCreate(Compilation compilation)
            => PrivacySymbols.TryCreate(compilation) is { } symbols ? new FlowContext(compilation, symbols) : null;

        /// <summary>
        /// The semantic model of <paramref name="tree"/>, created once per compilation and shared: summaries of
        /// helper methods need the operations of bodies other than the one being analyzed.
        /// </summary>
        public SemanticModel GetSemanticModel(SyntaxTree tree, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_models.TryGetValue(tree, out var model))
            {
                return model;
            }

#pragma warning disable RS1030 // Cached per compilation: one model per tree, reused by every summary that needs it.
            return _models.GetOrAdd(tree, Compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
        }

        /// <summary>True for methods marked <c>[Redactor]</c> (their result no longer carries personal data).</summary>
        public bool IsRedactor(IMethodSymbol method)
            => PrivacySymbols.Find(method.OriginalDefinition, Symbols.Redactor) is not null;
    }
}
