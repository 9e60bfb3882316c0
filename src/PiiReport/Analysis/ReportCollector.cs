using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Razor;
using PiiAnalyzers.Rules;
using PiiAnalyzers.Sinks;
using PiiReport.Model;

namespace PiiReport.Analysis
{
    /// <summary>
    /// The report's own analyzer, run beside the project's: it runs the flow engine over every operation block and
    /// records every flow of personal data into a sink, guarded or not, and every use of a consent check. It reports
    /// nothing. One instance per analyzed compilation.
    /// </summary>
#pragma warning disable RS1001 // Not exported: the report creates it itself.
    internal sealed class ReportCollector : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        /// <summary>Never reported; an analyzer must support at least one diagnostic to be run.</summary>
        private static readonly DiagnosticDescriptor Collector = new DiagnosticDescriptor(
            "PIIREPORT", "Privacy report collector", "Privacy report collector", "Privacy", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        private readonly ConcurrentDictionary<(string Name, FlowKind Kind, string Sink, Location Location), CollectedFlow> _flows =
            new ConcurrentDictionary<(string Name, FlowKind Kind, string Sink, Location Location), CollectedFlow>();

        private readonly ConcurrentDictionary<ISymbol, byte> _usedConsentChecks = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);

        private FlowContext? _flow;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Collector);

        /// <summary>The engine's context of the analyzed compilation; null when nothing in it can be personal data.</summary>
        public FlowContext? Flow => _flow;

        public IEnumerable<CollectedFlow> Flows => _flows.Values;

        /// <summary>The consent checks (methods and properties, as declared) that code calls or reads.</summary>
        public ICollection<ISymbol> UsedConsentChecks => _usedConsentChecks.Keys;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated code is skipped, except the Razor generator's: its code is written in .razor and .cshtml files.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.RegisterCompilationStartAction(start =>
            {
                if (FlowContext.TryCreate(start.Compilation, start.Options) is not { } flow)
                {
                    return;
                }

                _flow = flow;
                var razor = RazorFiles.Get(start.Compilation);
                var generated = GeneratedCodeTypes.Get(start.Compilation);
                start.RegisterOperationBlockAction(block =>
                {
                    var tree = block.OperationBlocks.IsEmpty ? null : block.OperationBlocks[0].Syntax.SyntaxTree;
                    if ((tree is not null && !razor.IsUserCode(tree, block.CancellationToken)) || generated.Contains(block.OwningSymbol))
                    {
                        return;
                    }

                    FlowAnalysis.Run(block, flow, new Observer(this, razor.Contains(tree, block.CancellationToken)));
                });
                start.RegisterOperationAction(
                    operation =>
                    {
                        ISymbol? target = operation.Operation switch
                        {
                            IInvocationOperation invocation => invocation.TargetMethod,
                            IPropertyReferenceOperation property => property.Property,
                            _ => null,
                        };
                        if (target is null)
                        {
                            return;
                        }

                        var tree = operation.Operation.Syntax.SyntaxTree;
                        if (!razor.IsUserCode(tree, operation.CancellationToken))
                        {
                            return;
                        }

                        var configuration = flow.GetConfiguration(tree);
                        if (flow.Consent.Check(target, configuration) is not null)
                        {
                            _usedConsentChecks.TryAdd(target.OriginalDefinition, 0);
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.PropertyReference);
            });
        }

        private sealed class Observer : IFlowObserver
        {
            private readonly ReportCollector _collector;
            private readonly bool _inRazor;

            public Observer(ReportCollector collector, bool inRazor)
            {
                _collector = collector;
                _inRazor = inRazor;
            }

            public void OnSink(in SinkEvent sink)
            {
                // Where the rules report: the argument for a log, the call for every other sink.
                var location = (sink.Kind == SinkKind.Logging ? sink.Argument : sink.Call).Syntax.GetLocation();
                if (_inRazor && !RazorFiles.IsUserWritten(location, default))
                {
                    return; // the Razor generator's own code
                }

                var kind = (FlowKind)(int)sink.Kind;
                var described = sink.Describe().Replace("'", string.Empty);
                foreach (var origin in sink.Visible)
                {
                    if (origin.Item is not { } item)
                    {
                        continue;
                    }

                    // Data an audit log serves a purpose with is that purpose's processing: filed under it, not a leak.
                    var served = sink.Kind == SinkKind.Logging && SinkPurposes.Serves(sink.Purposes, item);
                    var consent = !item.NeedsConsent || served ? ConsentState.NotRequired
                        : sink.Consent.Covers(item) ? ConsentState.Guarded
                        : ConsentState.Unguarded;
                    var flow = new CollectedFlow(item, kind, described, location, consent, served ? sink.Purposes : ImmutableArray<string>.Empty);
                    _collector._flows.AddOrUpdate(
                        (item.Name + "\u0000" + item.Symbol.ToDisplayString(), kind, described, location),
                        flow,
                        // A lambda analyzed from several places: guarded only when guarded everywhere.
                        (_, known) => known.Consent == ConsentState.Unguarded ? known : flow.Consent == ConsentState.Unguarded ? flow : known);
                }
            }

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
            }
        }
    }

    /// <summary>One flow as the engine saw it, before paths are made relative.</summary>
    internal sealed class CollectedFlow
    {
        public CollectedFlow(DataItem item, FlowKind kind, string sink, Location location, ConsentState consent, ImmutableArray<string> servedPurposes)
        {
            ServedPurposes = servedPurposes;
            Item = item;
            Kind = kind;
            Sink = sink;
            Location = location;
            Consent = consent;
        }

        public DataItem Item { get; }

        public FlowKind Kind { get; }

        public string Sink { get; }

        public Location Location { get; }

        public ConsentState Consent { get; }

        /// <summary>The purposes of the audit log the data was written to, when the log may hold it; else empty.</summary>
        public ImmutableArray<string> ServedPurposes { get; }
    }
}
