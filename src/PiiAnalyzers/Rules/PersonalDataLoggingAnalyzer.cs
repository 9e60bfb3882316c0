using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// PII001: personal data is written to a log, a trace, the console or an exception message — whatever its lawful
    /// basis or consent, since logs are copied, shipped and kept far beyond any purpose.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataLoggingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PersonalDataLogged);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (FlowContext.TryCreate(start.Compilation) is not { } flow)
                {
                    return; // nothing is declared as personal data: nothing to do
                }

                start.RegisterOperationBlockAction(block =>
                {
                    var reporter = new Reporter(block);
                    FlowAnalysis.Run(block, flow, reporter);
                });
            });
        }

        private sealed class Reporter : IFlowObserver
        {
            private readonly OperationBlockAnalysisContext _context;
            private readonly HashSet<Location> _reported = new HashSet<Location>();

            public Reporter(OperationBlockAnalysisContext context)
            {
                _context = context;
            }

            public void OnSink(SinkKind kind, string sink, string? helper, IOperation value, ImmutableArray<Origin> visible, bool membersVisible)
            {
                if (kind != SinkKind.Logging)
                {
                    return;
                }

                var items = visible.Where(o => o.Item is not null).Select(o => o.Item!).Distinct().OrderBy(i => i.Name, System.StringComparer.Ordinal).ToList();
                if (items.Count == 0)
                {
                    return;
                }

                var location = value.Syntax.GetLocation();
                if (!_reported.Add(location))
                {
                    return;
                }

                var by = helper is null ? sink : helper + " (through " + sink + ")";
                _context.ReportDiagnostic(Diagnostic.Create(Descriptors.PersonalDataLogged, location, DescribeAll(items), by));
            }

            private static string DescribeAll(List<DataItem> items)
            {
                const int Shown = 3;
                var described = string.Join(" and ", items.Take(Shown).Select(i => i.Describe()));
                return items.Count > Shown ? described + " and " + (items.Count - Shown) + " more" : described;
            }
        }
    }
}
