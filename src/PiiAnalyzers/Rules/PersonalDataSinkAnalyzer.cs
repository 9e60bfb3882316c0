using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Razor;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// The rules on personal data reaching a sink, all fed by one run of the flow engine per method body:
    /// <list type="bullet">
    /// <item><description>PII001: written to a log, whatever the basis or consent, unless the log serves a purpose the data may be processed for (an audit log, see <see cref="SinkPurposes"/>).</description></item>
    /// <item><description>PII002, PII003, PII005: serialized, persisted or sent without a consent check of a matching purpose, when its basis is consent or it is a special category.</description></item>
    /// <item><description>PII004: persisted with no retention policy on the member, its type, the stored type or the assembly.</description></item>
    /// <item><description>PII009: a <c>[RequiresConsent]</c> method called without a consent check of its purpose.</description></item>
    /// </list>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataSinkAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The rules this analyzer reports, in the order of <see cref="SupportedDiagnostics"/>.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Rules = ImmutableArray.Create(
            Descriptors.PersonalDataLogged,
            Descriptors.SerializedWithoutConsent,
            Descriptors.PersistedWithoutConsent,
            Descriptors.PersistedWithoutRetention,
            Descriptors.TransferredWithoutConsent,
            Descriptors.RequiresConsentCalledWithoutCheck);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are not analyzed (Razor's output is, by RazorCodeAnalyzer); [GeneratedCode] types are
            // skipped here (see GeneratedCodeTypes).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start => Register(start, razor: null));
        }

        /// <summary>
        /// Registers the rules for one compilation: in every file the driver analyzes when <paramref name="razor"/> is
        /// null, else only in Razor's output, reporting only in the code the user wrote there.
        /// </summary>
        internal static void Register(CompilationStartAnalysisContext start, RazorFiles? razor)
        {
            // Decided from what is applied, not from what types exist: every web project references Identity's
            // [PersonalData], and most of them mark nothing (docs/performance.md).
            if (!AppliedMarkers.MayHoldPersonalData(start.Compilation, start.Options, start.CancellationToken)
                || FlowContext.TryCreate(start.Compilation, start.Options) is not { } flow)
            {
                return; // nothing is declared as personal data: nothing to do
            }

            var generated = GeneratedCodeTypes.Get(start.Compilation);
            start.RegisterOperationBlockAction(block =>
            {
                if ((razor is not null && (block.OperationBlocks.IsEmpty || !razor.Contains(block.OperationBlocks[0].Syntax.SyntaxTree, block.CancellationToken)))
                    || generated.Contains(block.OwningSymbol))
                {
                    return;
                }

                var reporter = new Reporter(flow, block.OwningSymbol, block.CancellationToken);
                FlowAnalysis.Run(block, flow, reporter);
                if (razor is null)
                {
                    reporter.Report(block.ReportDiagnostic);
                }
                else
                {
                    reporter.Report(diagnostic =>
                    {
                        if (RazorFiles.IsUserWritten(diagnostic.Location, block.CancellationToken))
                        {
                            block.ReportDiagnostic(diagnostic);
                        }
                    });
                }
            });
        }

        /// <summary>Collects what the engine finds in one operation block and turns it into one diagnostic per rule and place.</summary>
        private sealed class Reporter : IFlowObserver
        {
            private readonly FlowContext _flow;
            private readonly Dictionary<(string Rule, Location Location), Finding> _findings = new Dictionary<(string Rule, Location Location), Finding>();
            private readonly List<(string Rule, Location Location)> _order = new List<(string Rule, Location Location)>();

            private readonly ISymbol _owner;
            private readonly System.Threading.CancellationToken _cancellationToken;
            private ConsentFacts? _callerConsent;
            private Dictionary<(ISymbol? Store, ISymbol Entity), (Location First, HashSet<DataItem> Items)>? _storedEntities;

            public Reporter(FlowContext flow, ISymbol owner, System.Threading.CancellationToken cancellationToken)
            {
                _flow = flow;
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            /// <summary>
            /// The consent every caller of this private helper checked before calling it: a helper whose calls are all
            /// guarded is guarded inside. Looked up only when a finding would otherwise be reported.
            /// </summary>
            private ConsentFacts CallerConsent => _callerConsent ??= _flow.Callers.Of(_owner, _cancellationToken);

            public void OnSink(in SinkEvent sink)
            {
                var items = new List<DataItem>();
                foreach (var origin in sink.Visible)
                {
                    if (origin.Item is { } item && !items.Contains(item))
                    {
                        items.Add(item);
                    }
                }

                if (items.Count == 0)
                {
                    return;
                }

                if (sink.ConsentOnly)
                {
                    AddConsent(ConsentRule(sink.Kind), sink, items);
                    return;
                }

                switch (sink.Kind)
                {
                    case SinkKind.Logging:
                        // One per argument: each argument is its own leak. An audit log serving a purpose may hold the data
                        // collected for it (and, for security, identifiers that declare no purpose).
                        var purposes = sink.Purposes;
                        var leaked = purposes.IsEmpty ? items : items.Where(i => !SinkPurposes.Serves(purposes, i)).ToList();
                        if (leaked.Count > 0)
                        {
                            Add(new LoggedFinding(sink.Argument.Syntax.GetLocation(), leaked, sink.Describe()));
                        }

                        break;
                    case SinkKind.Serialization:
                        AddConsent(Descriptors.SerializedWithoutConsent, sink, items);
                        break;
                    case SinkKind.Persistence:
                        items = NotStoredYet(sink, items);
                        if (items.Count == 0)
                        {
                            return;
                        }

                        AddConsent(Descriptors.PersistedWithoutConsent, sink, items);
                        var root = sink.RootType;
                        var unretained = items.Where(i => !_flow.Catalog.HasRetentionPolicy(i, root)).ToList();
                        if (unretained.Count > 0)
                        {
                            Add(new RetentionFinding(sink.Call.Syntax.GetLocation(), unretained, sink.Describe(), RetentionTargets(sink.RootType, unretained)));
                        }

                        break;
                    case SinkKind.Transfer:
                        AddConsent(Descriptors.TransferredWithoutConsent, sink, items);
                        break;
                }
            }

            public void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent)
            {
                if (Covers(consent, requirement) || Covers(consent.Union(CallerConsent), requirement))
                {
                    return;
                }

                var location = call.Syntax.GetLocation();
                var key = (Descriptors.RequiresConsentCalledWithoutCheck.Id, location);
                if (_findings.ContainsKey(key))
                {
                    return;
                }

                var name = (method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name);
                var purpose = requirement.Purposes.IsEmpty ? string.Empty : " for '" + string.Join("' and '", requirement.Purposes) + "'";
                _findings[key] = new ConsentRequiredFinding(location, name, purpose, string.Join(",", requirement.Purposes));
                _order.Add(key);
            }

            public void Report(System.Action<Diagnostic> report)
            {
                foreach (var key in _order)
                {
                    report(_findings[key].ToDiagnostic());
                }
            }

            private static bool Covers(ConsentFacts consent, ConsentMarker requirement)
                => requirement.Purposes.IsEmpty ? consent.Covers((string?)null) : requirement.Purposes.All(consent.Covers);

            private static DiagnosticDescriptor ConsentRule(SinkKind kind) => kind switch
            {
                SinkKind.Serialization => Descriptors.SerializedWithoutConsent,
                SinkKind.Persistence => Descriptors.PersistedWithoutConsent,
                _ => Descriptors.TransferredWithoutConsent,
            };

            /// <summary>
            /// The data this helper's parameters' types hold, when every call of the helper is known: consent for it is
            /// judged at each call (see <see cref="Flow.CallerConsent"/>), not here. Empty for any other method.
            /// </summary>
            private HashSet<Origin> JudgedAtCalls => _judgedAtCalls ??= ComputeJudgedAtCalls();

            private HashSet<Origin>? _judgedAtCalls;

            private HashSet<Origin> ComputeJudgedAtCalls()
            {
                var held = new HashSet<Origin>();
                if (_owner is IMethodSymbol { Parameters.IsEmpty: false } method && _flow.Callers.IsClosed(method, _cancellationToken))
                {
                    foreach (var parameter in method.Parameters)
                    {
                        held.UnionWith(_flow.Catalog.GetContainerTaint(parameter.Type).Contained);
                    }
                }

                return held;
            }

            /// <summary>
            /// <c>db.Attach(order); db.Update(order);</c>: EF Core tracks one entity per context and stores it once, so a
            /// later write of the same variable through the same context reports only data the earlier one did not list.
            /// </summary>
            private List<DataItem> NotStoredYet(in SinkEvent sink, List<DataItem> items)
            {
                if (!sink.EntityStore || VariableOf(sink.Argument) is not { } entity || sink.Call is not IInvocationOperation invocation)
                {
                    return items;
                }

                var key = (StoreOf(invocation), entity);
                var location = sink.Call.Syntax.GetLocation();
                _storedEntities ??= new Dictionary<(ISymbol? Store, ISymbol Entity), (Location First, HashSet<DataItem> Items)>(StoreAndEntity.Instance);
                if (!_storedEntities.TryGetValue(key, out var stored))
                {
                    _storedEntities[key] = (location, new HashSet<DataItem>(items));
                    return items;
                }

                if (stored.First.Equals(location))
                {
                    stored.Items.UnionWith(items); // the same write again (a loop, a lambda analyzed twice): it merges
                    return items;
                }

                var added = items.Where(i => !stored.Items.Contains(i)).ToList();
                stored.Items.UnionWith(added);
                return added;
            }

            private static ISymbol? VariableOf(IOperation operation)
            {
                if (operation is IArgumentOperation argument)
                {
                    operation = argument.Value;
                }

                while (operation is IConversionOperation { IsImplicit: true } conversion)
                {
                    operation = conversion.Operand;
                }

                return operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
            }

            /// <summary>The variable, field or property the context is reached through (<c>_db</c> in <c>_db.Orders.Update(x)</c>).</summary>
            private ISymbol? StoreOf(IInvocationOperation invocation)
            {
                var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && !invocation.Arguments.IsEmpty ? invocation.Arguments[0].Value : null);
                while (true)
                {
                    switch (receiver)
                    {
                        case IConversionOperation conversion:
                            receiver = conversion.Operand;
                            continue;
                        case IPropertyReferenceOperation { Instance: { } instance } property
                            when SymbolEqualityComparer.Default.Equals(property.Property.Type.OriginalDefinition, _flow.Types.DbSet):
                            receiver = instance;
                            continue;
                        case IPropertyReferenceOperation property:
                            return property.Property;
                        case IFieldReferenceOperation field:
                            return field.Field;
                        case ILocalReferenceOperation local:
                            return local.Local;
                        case IParameterReferenceOperation parameter:
                            return parameter.Parameter;
                        default:
                            return null;
                    }
                }
            }

            private sealed class StoreAndEntity : IEqualityComparer<(ISymbol? Store, ISymbol Entity)>
            {
                public static readonly StoreAndEntity Instance = new StoreAndEntity();

                public bool Equals((ISymbol? Store, ISymbol Entity) x, (ISymbol? Store, ISymbol Entity) y)
                    => SymbolEqualityComparer.Default.Equals(x.Store, y.Store) && SymbolEqualityComparer.Default.Equals(x.Entity, y.Entity);

                public int GetHashCode((ISymbol? Store, ISymbol Entity) obj)
                    => (SymbolEqualityComparer.Default.GetHashCode(obj.Store) * 397) ^ SymbolEqualityComparer.Default.GetHashCode(obj.Entity);
            }

            private void AddConsent(DiagnosticDescriptor rule, in SinkEvent sink, List<DataItem> items)
            {
                var consent = sink.Consent;
                var unguarded = items.Where(i => i.NeedsConsent && !consent.Covers(i)).ToList();
                if (unguarded.Count > 0 && JudgedAtCalls.Count > 0)
                {
                    unguarded = unguarded.Where(i => !JudgedAtCalls.Contains(Origin.Of(i))).ToList();
                }
                if (unguarded.Count > 0 && !CallerConsent.IsNone)
                {
                    consent = consent.Union(CallerConsent);
                    unguarded = unguarded.Where(i => !consent.Covers(i)).ToList();
                }

                if (unguarded.Count > 0)
                {
                    Add(new ConsentFinding(rule, sink.Call.Syntax.GetLocation(), unguarded, sink.Describe(), consent, ConsentFinding.Excluding(sink, unguarded)));
                }
            }

            private void Add(DataFinding finding)
            {
                // One diagnostic per rule and place: arguments and repeated analyses of a lambda merge into it.
                var key = (finding.Rule.Id, finding.Location);
                if (_findings.TryGetValue(key, out var known))
                {
                    ((DataFinding)known).Merge(finding);
                    return;
                }

                _findings[key] = finding;
                _order.Add(key);
            }

            /// <summary>
            /// Where a retention policy covers the data: the stored type when it is the user's own, else every type that
            /// declares a piece of it (text made of a lead's and an invoice's data needs a policy on both).
            /// </summary>
            private static List<ITypeSymbol> RetentionTargets(ITypeSymbol? root, List<DataItem> items)
            {
                if (root is INamedTypeSymbol { IsAnonymousType: false } named && !TypeShapes.IsLeaf(named) && named.Locations.Any(l => l.IsInSource))
                {
                    return new List<ITypeSymbol> { named };
                }

                var declaring = new List<ITypeSymbol>();
                foreach (var item in items.OrderBy(i => i.Name, System.StringComparer.Ordinal))
                {
                    if (item.Symbol.ContainingType is { } type && !declaring.Contains(type, SymbolEqualityComparer.Default))
                    {
                        declaring.Add(type);
                    }
                }

                if (declaring.Count == 0 && root is not null)
                {
                    declaring.Add(root);
                }

                return declaring;
            }
        }

        /// <summary>One diagnostic to be reported: a rule at a place.</summary>
        private abstract class Finding
        {
            protected Finding(DiagnosticDescriptor rule, Location location)
            {
                Rule = rule;
                Location = location;
            }

            public DiagnosticDescriptor Rule { get; }

            public Location Location { get; }

            public abstract Diagnostic ToDiagnostic();
        }

        /// <summary>PII009: a <c>[RequiresConsent]</c> method called where consent for its purposes is not known.</summary>
        private sealed class ConsentRequiredFinding : Finding
        {
            private readonly string _method;
            private readonly string _purposePhrase;
            private readonly string _purposes;

            /// <param name="location">The call.</param>
            /// <param name="method">The method named in the message (<c>Type.Method</c>, or the type for a constructor).</param>
            /// <param name="purposePhrase">The purposes in the message (<c> for 'marketing'</c>), empty when it requires none.</param>
            /// <param name="purposes">The required purposes, comma-separated, for the code fix.</param>
            public ConsentRequiredFinding(Location location, string method, string purposePhrase, string purposes)
                : base(Descriptors.RequiresConsentCalledWithoutCheck, location)
            {
                _method = method;
                _purposePhrase = purposePhrase;
                _purposes = purposes;
            }

            public override Diagnostic ToDiagnostic()
            {
                var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Purposes, _purposes);
                return Diagnostic.Create(Rule, Location, properties, MessageText.Arguments(_method, _purposePhrase));
            }
        }

        /// <summary>Personal data reaching a sink: the items found there, merged across arguments and repeated analyses.</summary>
        private abstract class DataFinding : Finding
        {
            private readonly List<DataItem> _items;

            protected DataFinding(DiagnosticDescriptor rule, Location location, List<DataItem> items, string sink)
                : base(rule, location)
            {
                _items = items;
                Sink = sink;
            }

            /// <summary>The sink as messages name it.</summary>
            protected string Sink { get; }

            /// <summary>Adds what another finding of the same rule at the same place found.</summary>
            public virtual void Merge(DataFinding other)
            {
                foreach (var item in other._items)
                {
                    if (!_items.Contains(item))
                    {
                        _items.Add(item);
                    }
                }
            }

            public sealed override Diagnostic ToDiagnostic()
            {
                var items = _items.OrderBy(i => i.Name, System.StringComparer.Ordinal).ToList();

                // The verb agrees with the list: "'A' (...) is written", "'A' (...) and 'B' (...) are written".
                return ToDiagnostic(items, items.Count == 1 ? "is" : "are");
            }

            /// <param name="items">The items, in the order messages list them.</param>
            /// <param name="verb">The verb that agrees with the list.</param>
            protected abstract Diagnostic ToDiagnostic(List<DataItem> items, string verb);

            /// <summary>How many characters the list of items may take for the whole message to fit <see cref="MessageText.MaxMessageLength"/>.</summary>
            protected int Budget(params string?[] otherArguments)
                => MessageText.MaxMessageLength - Rule.MessageFormat.ToString().Length - otherArguments.Sum(a => a?.Length ?? 0);

            /// <summary>
            /// The items, at most three and at most <paramref name="budget"/> characters of them (always one), the rest
            /// counted: <c>'A' (...) and 'B' (...) and 4 more</c>.
            /// </summary>
            protected static string Describe(List<DataItem> items, bool withBasis, int budget)
            {
                const int Shown = 3;
                var described = new System.Text.StringBuilder();
                var shown = 0;
                foreach (var item in items.Take(Shown))
                {
                    var text = withBasis ? item.DescribeWithBasis() : item.Describe();
                    if (shown > 0 && described.Length + text.Length + " and ".Length + " and 9 more".Length > budget)
                    {
                        break;
                    }

                    described.Append(shown > 0 ? " and " : string.Empty).Append(text);
                    shown++;
                }

                return items.Count > shown ? described + " and " + (items.Count - shown) + " more" : described.ToString();
            }
        }

        /// <summary>PII001: personal data written to a log.</summary>
        private sealed class LoggedFinding : DataFinding
        {
            public LoggedFinding(Location location, List<DataItem> items, string sink)
                : base(Descriptors.PersonalDataLogged, location, items, sink)
            {
            }

            protected override Diagnostic ToDiagnostic(List<DataItem> items, string verb)
            {
                // The log fixes need no properties.
                return Diagnostic.Create(Rule, Location, ImmutableDictionary<string, string?>.Empty, MessageText.Arguments(Describe(items, withBasis: false, Budget(Sink, verb)), Sink, verb));
            }
        }

        /// <summary>PII004: personal data stored where no retention policy covers it.</summary>
        private sealed class RetentionFinding : DataFinding
        {
            private readonly List<ITypeSymbol> _retentionTypes;

            /// <param name="retentionTypes">Where a retention policy would cover the data (see <c>RetentionTargets</c>).</param>
            public RetentionFinding(Location location, List<DataItem> items, string sink, List<ITypeSymbol> retentionTypes)
                : base(Descriptors.PersistedWithoutRetention, location, items, sink)
            {
                _retentionTypes = retentionTypes;
            }

            public override void Merge(DataFinding other)
            {
                base.Merge(other);
                foreach (var type in ((RetentionFinding)other)._retentionTypes)
                {
                    if (!_retentionTypes.Contains(type, SymbolEqualityComparer.Default))
                    {
                        _retentionTypes.Add(type);
                    }
                }
            }

            protected override Diagnostic ToDiagnostic(List<DataItem> items, string verb)
            {
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                var ids = _retentionTypes
                    .Where(type => type.Locations.Any(l => l.IsInSource))
                    .Select(type => DocumentationCommentId.CreateDeclarationId(type))
                    .Where(id => id is not null)
                    .ToList();
                if (ids.Count > 0)
                {
                    properties[DiagnosticProperties.RetentionType] = string.Join(";", ids);
                }

                var types = _retentionTypes.Count > 0 ? string.Join(" and ", _retentionTypes.Select(t => "'" + t.Name + "'")) : "the type that declares it";
                return Diagnostic.Create(Rule, Location, properties.ToImmutable(), MessageText.Arguments(Describe(items, withBasis: false, Budget(Sink, types, verb)), Sink, types, verb));
            }
        }

        /// <summary>PII002, PII003, PII005: personal data serialized, stored or transferred without consent for its purpose.</summary>
        private sealed class ConsentFinding : DataFinding
        {
            private readonly ConsentFacts _consent;
            private INamedTypeSymbol? _ignoreAttribute;

            /// <param name="consent">The consent known at the sink (named in the message when it covers other purposes).</param>
            /// <param name="ignoreAttribute">The attribute that, on every member the finding lists, silences it (see <see cref="Excluding"/>); null when none does.</param>
            public ConsentFinding(DiagnosticDescriptor rule, Location location, List<DataItem> items, string sink, ConsentFacts consent, INamedTypeSymbol? ignoreAttribute)
                : base(rule, location, items, sink)
            {
                _consent = consent;
                _ignoreAttribute = ignoreAttribute;
            }

            /// <summary>
            /// The sink's ignore attribute when marking the <paramref name="unguarded"/> members with it leaves the sink
            /// nothing to report: each is a field or property declared in source that the sink would then leave out
            /// (<see cref="SinkEvent.Ignorable"/>, known for serializers only). Null where the attribute would not help:
            /// <c>Serialize(v.Email)</c> writes the text whole, <c>Serialize(new { v.Email })</c> a copy; a helper's sink is
            /// not the call's; a parameter cannot be marked.
            /// </summary>
            public static INamedTypeSymbol? Excluding(in SinkEvent sink, List<DataItem> unguarded)
            {
                var ignorable = sink.Ignorable;
                return unguarded.All(i => i.Symbol is IPropertySymbol or IFieldSymbol && i.Symbol.Locations.Any(l => l.IsInSource) && ignorable.Contains(Origin.Of(i)))
                    ? sink.IgnoreAttribute
                    : null;
            }

            /// <summary>Another sink event at the call: the fix still silences the merged finding only if it silenced each.</summary>
            public override void Merge(DataFinding other)
            {
                base.Merge(other);
                if (!SymbolEqualityComparer.Default.Equals(_ignoreAttribute, ((ConsentFinding)other)._ignoreAttribute))
                {
                    _ignoreAttribute = null;
                }
            }

            protected override Diagnostic ToDiagnostic(List<DataItem> items, string verb)
            {
                var remedy = Remedy(items, _consent);
                return Diagnostic.Create(Rule, Location, Properties(items), MessageText.Arguments(Describe(items, withBasis: true, Budget(Sink, remedy, verb)), Sink, remedy, verb));
            }

            /// <summary>What the code fixes need (see <see cref="DiagnosticProperties"/>).</summary>
            private ImmutableDictionary<string, string?> Properties(List<DataItem> items)
            {
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[DiagnosticProperties.Purposes] = string.Join(",", items.Where(i => !i.Purposes.IsDefaultOrEmpty).Select(i => i.Purposes[0]).Distinct(PurposeList.Comparer));
                if (_ignoreAttribute is not null)
                {
                    properties[DiagnosticProperties.IgnoreAttribute] = _ignoreAttribute.ToDisplayString();
                    properties[DiagnosticProperties.Members] = string.Join(";", items.Select(i => DocumentationCommentId.CreateDeclarationId(i.Symbol)));
                }

                return properties.ToImmutable();
            }

            /// <summary>What would make the processing lawful.</summary>
            private static string Remedy(List<DataItem> items, ConsentFacts consent)
            {
                // Data collected for several purposes is covered by consent for any of them ('support' or 'marketing'),
                // so it needs no words of its own when consent for one of them is asked for anyway.
                var singles = items.Where(i => i.Purposes.Length == 1).Select(i => i.Purposes[0]).Distinct(PurposeList.Comparer).ToList();
                var needed = singles.Select(p => "'" + p + "'")
                    .Concat(items
                        .Where(i => i.Purposes.Length > 1 && !i.Purposes.Any(p => singles.Contains(p, PurposeList.Comparer)))
                        .Select(i => "'" + string.Join("' or '", i.Purposes) + "'"))
                    .Distinct(System.StringComparer.OrdinalIgnoreCase)
                    .ToList();
                var check = needed.Count == 0 ? "check consent first" : "check consent for " + string.Join(" and ", needed) + " first";
                if (!consent.IsNone && !consent.IsAll)
                {
                    check = "the consent checked here covers '" + string.Join("', '", consent.Purposes) + "', not the purpose the data was collected for; " + check;
                }

                if (items.Any(i => i.Category == DataItem.SpecialCategory))
                {
                    check += " (special category data needs explicit consent, GDPR Art. 9)";
                }

                return check;
            }
        }
    }
}
