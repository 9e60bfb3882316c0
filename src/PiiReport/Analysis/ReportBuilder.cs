using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.PersonalData;
using PiiReport.Model;

namespace PiiReport.Analysis
{
    /// <summary>What one project contributes to a report.</summary>
    internal sealed class ProjectResult
    {
        public string Project { get; set; } = string.Empty;

        public List<DataEntry> Inventory { get; } = new List<DataEntry>();

        public List<FlowEntry> Flows { get; } = new List<FlowEntry>();

        public List<FindingEntry> Findings { get; } = new List<FindingEntry>();

        public List<PurposeUse> PurposeUses { get; } = new List<PurposeUse>();

        public List<ConsentCheckEntry> UnusedConsentChecks { get; } = new List<ConsentCheckEntry>();
    }

    /// <summary>
    /// Builds the report's model from compilations: runs the project's PII analyzers and the report's collector
    /// together, reads the declarations, and combines the projects into one <see cref="PrivacyReport"/>.
    /// </summary>
    internal static class ReportBuilder
    {
        private static readonly string[] Categories = { "General", "Identifier", "Contact", "OnlineIdentifier", "Location", "Financial", "Content", "Special" };

        private static readonly string[] Bases = { "Consent", "Contract", "LegalObligation", "VitalInterests", "PublicTask", "LegitimateInterests" };

        /// <summary>The lawful basis of data marked only by the framework or inferred from its name.</summary>
        public const string NotDeclared = "not declared";

        /// <summary>True when <paramref name="analyzer"/> reports a PII rule.</summary>
        public static bool IsPiiAnalyzer(DiagnosticAnalyzer analyzer)
        {
            try
            {
                return analyzer.SupportedDiagnostics.Any(d => d.Id.StartsWith("PII", StringComparison.Ordinal));
            }
            catch (Exception)
            {
                return false;
            }
        }

        /// <summary>
        /// Analyzes one compilation with <paramref name="analyzers"/> (the project's PII analyzers) and
        /// <paramref name="options"/> (the project's, so its .editorconfig applies). Paths become relative to
        /// <paramref name="baseDirectory"/>.
        /// </summary>
        public static async Task<ProjectResult> AnalyzeAsync(string project, Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, string baseDirectory, Action<string> warn, CancellationToken cancellationToken)
        {
            var collector = new ReportCollector();
            var withAnalyzers = compilation.WithAnalyzers(
                analyzers.Add(collector),
                new CompilationWithAnalyzersOptions(
                    options,
                    onAnalyzerException: (exception, analyzer, _) => warn("analyzer " + analyzer.GetType().Name + " failed: " + exception.Message),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

            var result = new ProjectResult { Project = project };
            var members = new MemberNames(compilation);
            foreach (var diagnostic in diagnostics)
            {
                if (!diagnostic.Id.StartsWith("PII", StringComparison.Ordinal) || diagnostic.Id == "PIIREPORT" || diagnostic.IsSuppressed
                    || diagnostic.Severity == DiagnosticSeverity.Hidden)
                {
                    continue;
                }

                result.Findings.Add(new FindingEntry(
                    diagnostic.Id,
                    diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture),
                    string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri,
                    diagnostic.Severity switch
                    {
                        DiagnosticSeverity.Error => FindingSeverity.Error,
                        DiagnosticSeverity.Warning => FindingSeverity.Warning,
                        _ => FindingSeverity.Info,
                    },
                    diagnostic.GetMessage(CultureInfo.InvariantCulture),
                    Locate(diagnostic.Location, baseDirectory),
                    members.At(diagnostic.Location)));
            }

            if (collector.Flow is not { } flow)
            {
                return result; // nothing in the project can be personal data
            }

            var catalog = flow.Catalog;
            var symbols = flow.Symbols;
            // The analyzers ran on a copy of the compilation: walk its symbols, so they compare equal to what the collector saw.
            foreach (var type in SourceTypes(flow.Compilation.Assembly.GlobalNamespace))
            {
                foreach (var member in type.GetMembers())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (member.IsImplicitlyDeclared)
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case IPropertySymbol or IFieldSymbol:
                            AddData(result, project, member, catalog, symbols, baseDirectory);
                            break;
                        case IMethodSymbol method when method.AssociatedSymbol is null:
                            AddData(result, project, method, catalog, symbols, baseDirectory);
                            foreach (var parameter in method.Parameters)
                            {
                                if (!IsPositionalRecordParameter(parameter))
                                {
                                    AddData(result, project, parameter, catalog, symbols, baseDirectory);
                                }
                            }

                            break;
                    }
                }

                foreach (var symbol in new ISymbol[] { type }.Concat(type.GetMembers().Where(m => !m.IsImplicitlyDeclared)))
                {
                    AddPurposeUses(result, symbol, symbols, baseDirectory);
                    if (symbol is IMethodSymbol or IPropertySymbol && PrivacySymbols.Find(symbol, symbols.ConsentCheck) is { } check
                        && !collector.UsedConsentChecks.Contains(symbol.OriginalDefinition, SymbolEqualityComparer.Default))
                    {
                        result.UnusedConsentChecks.Add(new ConsentCheckEntry(type.Name + "." + symbol.Name, Purpose(check), Locate(symbol, baseDirectory)));
                    }
                }
            }

            // Members of other assemblies declared with [PersonalDataMember]: listed where the declaration is.
            foreach (var declared in symbols.DeclaredMembers)
            {
                if (!SymbolEqualityComparer.Default.Equals(declared.Key.ContainingAssembly, flow.Compilation.Assembly)
                    && declared.Value.ApplicationSyntaxReference is { } application)
                {
                    AddData(result, project, declared.Key, catalog, symbols, baseDirectory, Location.Create(application.SyntaxTree, application.Span));
                }
            }

            foreach (var collected in collector.Flows)
            {
                var item = collected.Item;
                // A parameter is named with its method; other data as messages name it ('ClaimTypes.Email claim').
                var name = item.Symbol is IParameterSymbol ? ReportName(item.Symbol) : item.Name;
                result.Flows.Add(new FlowEntry(name, item.Purposes, collected.Kind, collected.Sink, Locate(collected.Location, baseDirectory), collected.Consent, members.At(collected.Location), collected.ServedPurposes));
            }

            return result;
        }

        /// <summary>
        /// One report from the projects' results: the gaps are computed across all of them. What several projects see
        /// in the same source (a project built for several target frameworks, a file linked into two projects) is
        /// reported once.
        /// </summary>
        public static PrivacyReport Combine(string subject, IReadOnlyList<ProjectResult> results)
        {
            var inventory = Once(results.SelectMany(r => r.Inventory), d => d.Name + "\u0000" + d.MemberKind + "\u0000" + d.Location.Path + ":" + d.Location.Line + ":" + d.Location.Column);
            var flows = Once(results.SelectMany(r => r.Flows), f => string.Join("\u0000", f.Data, f.Kind, f.Sink, f.Consent, f.Location.Path, f.Location.Line, f.Location.Column));
            var findings = Once(results.SelectMany(r => r.Findings), f => string.Join("\u0000", f.RuleId, f.Message, f.Location.Path, f.Location.Line, f.Location.Column));
            var declared = new HashSet<string>(inventory.SelectMany(d => d.Purposes), PurposeList.Comparer);
            var uses = Once(results.SelectMany(r => r.PurposeUses), u => u.Purpose + "\u0000" + u.UsedBy + "\u0000" + u.Location.Path + ":" + u.Location.Line);
            var gaps = new ReportGaps(
                inventory.Where(d => d.RetentionSource is null).Select(d => d.Name),
                uses.Where(u => !declared.Contains(u.Purpose)),
                Once(results.SelectMany(r => r.UnusedConsentChecks), c => c.Name + "\u0000" + c.Location.Path + ":" + c.Location.Line),
                inventory.Where(d => d.LawfulBasis == NotDeclared).Select(d => d.Name));
            return new PrivacyReport(subject, results.Select(r => r.Project), inventory, flows, findings, gaps);
        }

        private static List<T> Once<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return items.Where(i => seen.Add(key(i))).ToList();
        }

        /// <summary><c>Visitor.Email</c>; a parameter with its method, <c>SurveyArchive.Store(email)</c>; a return value <c>Visitor.Describe()</c>.</summary>
        public static string ReportName(ISymbol symbol)
            => symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
                ? (method.ContainingType is { } type ? type.Name + "." : string.Empty) + (method.MethodKind == MethodKind.Constructor ? method.ContainingType?.Name : method.Name) + "(" + parameter.Name + ")"
                : PersonalDataCatalog.DisplayName(symbol);

        private static void AddData(ProjectResult result, string project, ISymbol symbol, PersonalDataCatalog catalog, PrivacySymbols symbols, string baseDirectory, Location? declaredAt = null)
        {
            if (catalog.GetDeclared(symbol) is not { } item)
            {
                return;
            }

            DiscoveredBy discoveredBy;
            if (catalog.GetMarked(symbol) is null)
            {
                discoveredBy = DiscoveredBy.NameInference;
            }
            else
            {
                discoveredBy = PrivacySymbols.Find(symbol, symbols.PersonalData) is null && symbols.FindMemberDeclaration(symbol) is null
                    && symbols.FindEcosystemMarker(symbol) is not null
                    ? DiscoveredBy.Marker
                    : DiscoveredBy.Attribute;
            }

            var (kind, type) = symbol switch
            {
                IPropertySymbol property => ("property", property.Type),
                IFieldSymbol field => ("field", field.Type),
                IParameterSymbol parameter => ("parameter", parameter.Type),
                IMethodSymbol method => ("return value", method.ReturnType),
                _ => ("member", (ITypeSymbol?)null),
            };
            var (policy, source) = Retention(symbol, symbols);
            var days = policy is null ? null : Days(policy);
            result.Inventory.Add(new DataEntry(
                project,
                ReportName(symbol),
                kind,
                type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? string.Empty,
                item.Category >= 0 && item.Category < Categories.Length ? Categories[item.Category] : item.Category.ToString(CultureInfo.InvariantCulture),
                item.Purposes.IsDefault ? Array.Empty<string>() : item.Purposes.ToArray(),
                !item.BasisDeclared ? NotDeclared : item.Basis >= 0 && item.Basis < Bases.Length ? Bases[item.Basis] : item.Basis.ToString(CultureInfo.InvariantCulture),
                item.NeedsConsent,
                days,
                source,
                discoveredBy,
                declaredAt is null ? Locate(symbol, baseDirectory) : Locate(declaredAt, baseDirectory),
                policy is null ? null : Period(policy)));
        }

        /// <summary>The retention policy that applies to the member: its own, its type's (or a base's), or the assembly's.</summary>
        private static (AttributeData? Policy, string? Source) Retention(ISymbol symbol, PrivacySymbols symbols)
        {
            if (symbols.RetentionPolicy is null)
            {
                return (null, null);
            }

            if (symbol is IPropertySymbol or IFieldSymbol && PrivacySymbols.Find(symbol, symbols.RetentionPolicy) is { } own)
            {
                return (own, "member");
            }

            if (symbol is not IParameterSymbol)
            {
                for (var type = symbol.ContainingType; type is not null; type = type.BaseType)
                {
                    if (PrivacySymbols.Find(type, symbols.RetentionPolicy) is { } onType)
                    {
                        return (onType, "type " + type.Name);
                    }
                }
            }

            if (symbol.ContainingAssembly is { } assembly && PrivacySymbols.Find(assembly, symbols.RetentionPolicy) is { } onAssembly)
            {
                return (onAssembly, "assembly");
            }

            return (null, null);
        }

        /// <summary>What a policy states besides days: the setting that holds the period, what enforces it, until erasure.</summary>
        private static RetentionPeriod Period(AttributeData attribute)
        {
            string? setting = null;
            string? enforcedBy = null;
            var untilErasure = false;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Setting" when argument.Value.Value is string value && value.Trim().Length != 0:
                        setting = value.Trim();
                        break;
                    case "EnforcedBy" when argument.Value.Value is ITypeSymbol type:
                        enforcedBy = type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                        break;
                    case "UntilErasure" when argument.Value.Value is bool value:
                        untilErasure = value;
                        break;
                }
            }

            return setting is null && enforcedBy is null && !untilErasure ? RetentionPeriod.None : new RetentionPeriod(setting, enforcedBy, untilErasure);
        }

        private static int? Days(AttributeData attribute)
        {
            int? days = null;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int positional)
            {
                days = positional;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Days" && argument.Value.Value is int named)
                {
                    days = named;
                }
            }

            return days > 0 ? days : null;
        }

        private static void AddPurposeUses(ProjectResult result, ISymbol symbol, PrivacySymbols symbols, string baseDirectory)
        {
            foreach (var (attribute, label) in new[] { (symbols.ProcessingPurpose, "ProcessingPurpose"), (symbols.ConsentCheck, "ConsentCheck"), (symbols.RequiresConsent, "RequiresConsent") })
            {
                if (PrivacySymbols.Find(symbol, attribute) is not { } found || Purpose(found) is not { } purposes)
                {
                    continue;
                }

                var name = symbol is INamedTypeSymbol ? symbol.Name : symbol.ContainingType?.Name + "." + (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? symbol.ContainingType?.Name : symbol.Name);
                foreach (var purpose in PurposeList.Parse(purposes))
                {
                    result.PurposeUses.Add(new PurposeUse(purpose, "[" + label + "] on " + name, Locate(symbol, baseDirectory)));
                }
            }
        }

        private static string? Purpose(AttributeData attribute)
        {
            string? purpose = null;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string positional)
            {
                purpose = positional;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Purpose" && argument.Value.Value is string named)
                {
                    purpose = named;
                }
            }

            return string.IsNullOrWhiteSpace(purpose) ? null : purpose!.Trim();
        }

        private static bool IsPositionalRecordParameter(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor } constructor || !constructor.ContainingType.IsRecord
                || parameter.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var reference = parameter.DeclaringSyntaxReferences[0];
            return constructor.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>()
                .Any(p => p.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == reference.SyntaxTree && r.Span == reference.Span));
        }

        private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    foreach (var type in SourceTypes(ns))
                    {
                        yield return type;
                    }
                }
                else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource) && !type.IsImplicitlyDeclared)
                {
                    yield return type;
                    foreach (var nested in SourceTypes(type))
                    {
                        yield return nested;
                    }
                }
            }
        }

        /// <summary>The member a location is in, for matching against a baseline: <c>ChatService.StartAsync</c>.</summary>
        private sealed class MemberNames
        {
            private readonly Compilation _compilation;
            private readonly Dictionary<SyntaxTree, SemanticModel> _models = new Dictionary<SyntaxTree, SemanticModel>();

            public MemberNames(Compilation compilation)
            {
                _compilation = compilation;
            }

            public string At(Location location)
            {
                if (!location.IsInSource || location.SourceTree is not { } tree || !_compilation.ContainsSyntaxTree(tree))
                {
                    return string.Empty;
                }

                if (!_models.TryGetValue(tree, out var model))
                {
                    model = _compilation.GetSemanticModel(tree);
                    _models.Add(tree, model);
                }

                return Name(model.GetEnclosingSymbol(location.SourceSpan.Start));
            }

            /// <summary>Lambdas and local functions count as the member that declares them; accessors as their property or event.</summary>
            public static string Name(ISymbol? symbol)
            {
                while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
                {
                    symbol = symbol.ContainingSymbol;
                }

                if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
                {
                    symbol = associated;
                }

                return symbol switch
                {
                    null or INamespaceSymbol => string.Empty,
                    IMethodSymbol { Name: "<Main>$" } => "(top-level statements)",
                    INamedTypeSymbol type => TypeName(type),
                    IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => TypeName(constructor.ContainingType) + "." + constructor.ContainingType.Name,
                    _ => symbol.ContainingType is { } containing ? TypeName(containing) + "." + symbol.Name : symbol.Name,
                };
            }

            private static string TypeName(INamedTypeSymbol type) => type.ContainingType is { } outer ? TypeName(outer) + "." + type.Name : type.Name;
        }

        private static SourceLocation Locate(ISymbol symbol, string baseDirectory)
            => Locate(symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None, baseDirectory);

        public static SourceLocation Locate(Location location, string baseDirectory)
        {
            if (!location.IsInSource)
            {
                return new SourceLocation(string.Empty, 0, 0);
            }

            // The mapped span: for the Razor generator's output, the .razor or .cshtml file and line its #line names.
            var span = location.GetMappedLineSpan();
            return new SourceLocation(RelativePath(span.Path, baseDirectory), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        /// <summary><paramref name="path"/> relative to <paramref name="baseDirectory"/>, with '/' separators.</summary>
        public static string RelativePath(string path, string baseDirectory)
        {
            if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path) || string.IsNullOrEmpty(baseDirectory))
            {
                return path.Replace('\\', '/');
            }

            return Path.GetRelativePath(baseDirectory, path).Replace('\\', '/');
        }
    }
}
