using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Razor;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// PII007: a personal-data declaration the other rules cannot rely on. <c>[PersonalData]</c> without a purpose, with an
    /// empty item in its purpose list or with a purpose outside <c>pii_analyzers.purposes</c>; the purposes of
    /// <c>[ConsentCheck]</c>, <c>[RequiresConsent]</c> and <c>[ProcessingPurpose]</c> outside that list; a
    /// <c>[RetentionPolicy]</c> that states none, or more than one, of a positive number of days, a setting or
    /// "until erasure".
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
    {
        private const string PurposeProperty = "Purpose";
        private const string DaysProperty = "Days";

        private static readonly SymbolDisplayFormat MemberFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

        /// <summary>The rules this analyzer reports.</summary>
        internal static readonly ImmutableArray<DiagnosticDescriptor> Rules = ImmutableArray.Create(Descriptors.InvalidDeclaration);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Rules;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Generated files are not analyzed (Razor's output is, by RazorCodeAnalyzer).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => Register(start, razor: null));
        }

        /// <summary>Registers the rule for one compilation; with <paramref name="razor"/>, for declarations written in Razor files only.</summary>
        internal static void Register(CompilationStartAnalysisContext start, RazorFiles? razor)
        {
            // Filtered on syntax (each file looked at once) before any type is resolved or any symbol's attributes are
            // read: a file that names none of the attributes (and no alias that could) declares nothing to check.
            if (!AppliedMarkers.AnyTreeMayApply(start.Compilation, start.CancellationToken)
                || PrivacySymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return; // nothing declared, or no personal-data attribute in reach
            }

            var checker = new DeclarationChecker(symbols, razor, AppliedMarkers.AnyMarkerAlias(start.Compilation, start.CancellationToken));
            start.RegisterSymbolAction(
                checker.AnalyzeSymbol,
                SymbolKind.NamedType,
                SymbolKind.Property,
                SymbolKind.Field,
                SymbolKind.Method);

            // Assembly attributes belong to no member symbol. A semantic-model action runs per document, in the IDE
            // as in the build, unlike a compilation-end action.
            start.RegisterSemanticModelAction(checker.AnalyzeAssemblyAttributes);
        }

        /// <summary>The checks for one compilation, with its attribute symbols.</summary>
        private sealed class DeclarationChecker
        {
            private readonly PrivacySymbols symbols;
            private readonly RazorFiles? razor;
            private readonly bool anyMarkerAlias;

            public DeclarationChecker(PrivacySymbols symbols, RazorFiles? razor, bool anyMarkerAlias)
            {
                this.symbols = symbols;
                this.razor = razor;
                this.anyMarkerAlias = anyMarkerAlias;
            }

            public void AnalyzeSymbol(SymbolAnalysisContext context)
            {
                var symbol = context.Symbol;
                if ((razor is not null && !IsInRazor(symbol, context.CancellationToken)) || !MayDeclare(symbol, context.CancellationToken))
                {
                    return;
                }

                var target = new Target(symbol, string.Empty);
                CheckAttributes(context, symbol.GetAttributes(), target, string.Empty);

                switch (symbol)
                {
                    case IMethodSymbol method:
                        CheckSignature(context, method, target);
                        break;

                    case IPropertySymbol property:
                        foreach (var parameter in property.Parameters)
                        {
                            if (parameter.GetAttributes() is { IsEmpty: false } attributes)
                            {
                                CheckAttributes(context, attributes, new Target(property.ContainingType, "[" + parameter.Name + "]"), string.Empty);
                            }
                        }

                        break;

                    case INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }:
                        // A delegate's Invoke gets no symbol action of its own.
                        CheckSignature(context, invoke, target);
                        break;
                }
            }

            /// <summary>The attributes on the return value and parameters of <paramref name="method"/>.</summary>
            private void CheckSignature(SymbolAnalysisContext context, IMethodSymbol method, Target target)
            {
                CheckAttributes(context, method.GetReturnTypeAttributes(), target, "return: ");

                // Accessors of an indexer repeat its parameters (attributes included); the indexer reports those.
                var firstOwnParameter = method.AssociatedSymbol is IPropertySymbol indexer ? indexer.Parameters.Length : 0;
                for (var i = firstOwnParameter; i < method.Parameters.Length; i++)
                {
                    // Most parameters carry no attribute: their target's name is built only for one that does.
                    var parameter = method.Parameters[i];
                    if (parameter.GetAttributes() is { IsEmpty: false } attributes)
                    {
                        CheckAttributes(context, attributes, target.Append("(" + parameter.Name + ")"), string.Empty);
                    }
                }
            }

            /// <summary>True when a file declaring <paramref name="symbol"/> may apply one of the attributes (read from syntax).</summary>
            private bool MayDeclare(ISymbol symbol, CancellationToken cancellationToken)
            {
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    if (AppliedMarkers.MayApplyIn(reference.SyntaxTree, anyMarkerAlias, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>True when a declaration of <paramref name="symbol"/> is in Razor's output (a component's class is partial).</summary>
            private bool IsInRazor(ISymbol symbol, CancellationToken cancellationToken)
            {
                foreach (var location in symbol.Locations)
                {
                    if (razor!.Contains(location.SourceTree, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            public void AnalyzeAssemblyAttributes(SemanticModelAnalysisContext context)
            {
                var tree = context.SemanticModel.SyntaxTree;
                if ((razor is not null && !razor.Contains(tree, context.CancellationToken))
                    || !AppliedMarkers.MayApplyIn(tree, anyMarkerAlias, context.CancellationToken)
                    || !HasAssemblyAttributes(tree.GetRoot(context.CancellationToken)))
                {
                    return;
                }

                var assembly = context.SemanticModel.Compilation.Assembly;
                foreach (var attribute in assembly.GetAttributes())
                {
                    if (attribute.ApplicationSyntaxReference?.SyntaxTree == tree
                        && (PrivacySymbols.Is(attribute, symbols.RetentionPolicy) || PrivacySymbols.Is(attribute, symbols.PersonalDataMember)))
                    {
                        Check(context.ReportDiagnostic, context.Options, attribute, new Target(assembly.Name), "assembly: ", context.CancellationToken, owner: null);
                    }
                }
            }

            private static bool HasAssemblyAttributes(SyntaxNode root)
            {
                if (root is not CompilationUnitSyntax unit)
                {
                    return false;
                }

                foreach (var list in unit.AttributeLists)
                {
                    if (list.Target is { } target && target.Identifier.IsKind(SyntaxKind.AssemblyKeyword))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void CheckAttributes(SymbolAnalysisContext context, ImmutableArray<AttributeData> attributes, Target target, string prefix)
            {
                foreach (var attribute in attributes)
                {
                    if (IsDeclaredOn(context.Symbol, attribute))
                    {
                        Check(context.ReportDiagnostic, context.Options, attribute, target, prefix, context.CancellationToken, context.Symbol as INamedTypeSymbol);
                    }
                }
            }

            /// <summary>
            /// False for an attribute written on another declaration of <paramref name="symbol"/>: each part of a partial
            /// method (or property) gets its own symbol action, and each part's symbol carries the attributes of all parts.
            /// </summary>
            private static bool IsDeclaredOn(ISymbol symbol, AttributeData attribute)
            {
                // A field's declaring syntax is its variable declarator, which does not hold the attribute list.
                if (symbol is IFieldSymbol || attribute.ApplicationSyntaxReference is not { } application)
                {
                    return true;
                }

                var declarations = symbol.DeclaringSyntaxReferences;
                if (declarations.IsEmpty)
                {
                    return true;
                }

                foreach (var declaration in declarations)
                {
                    if (declaration.SyntaxTree == application.SyntaxTree && declaration.Span.Contains(application.Span))
                    {
                        return true;
                    }
                }

                return false;
            }

            private void Check(Action<Diagnostic> report, AnalyzerOptions options, AttributeData attribute, Target target, string prefix, CancellationToken cancellationToken, INamedTypeSymbol? owner)
            {
                if (attribute.AttributeClass is null || attribute.ApplicationSyntaxReference is not { } reference)
                {
                    return;
                }

                var name = AttributeName(attribute);
                if (name is null || HasErrors(attribute))
                {
                    return; // not ours, or the compiler reports it and the arguments cannot be trusted
                }

                var problems = name switch
                {
                    "PersonalData" => PurposeProblems(NamedString(attribute, PurposeProperty), required: true, options, reference.SyntaxTree),
                    "RetentionPolicy" => RetentionProblems(attribute),
                    "PersonalDataMember" => MemberProblems(attribute, owner)
                        .Concat(PurposeProblems(NamedString(attribute, PurposeProperty), required: true, options, reference.SyntaxTree)),
                    "ProcessingPurpose" => PurposeProblems(
                        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null,
                        required: false,
                        options,
                        reference.SyntaxTree),

                    "ConsentCheck" => ConsentCheckProblems(target.Symbol, PurposeProblems(NamedString(attribute, PurposeProperty), required: false, options, reference.SyntaxTree)),

                    // [RequiresConsent] may omit the purpose: it then covers every purpose, as a [ConsentCheck] does.
                    _ => PurposeProblems(NamedString(attribute, PurposeProperty), required: false, options, reference.SyntaxTree),
                };

                Location? location = null;
                foreach (var problem in problems)
                {
                    if (location is null)
                    {
                        location = reference.GetSyntax(cancellationToken).GetLocation();
                        if (razor is not null && !razor.IsReported(location, cancellationToken))
                        {
                            return; // the generator's code, or a part of the type declared in a .cs file
                        }
                    }

                    report(Diagnostic.Create(Descriptors.InvalidDeclaration, location, MessageText.Arguments("[" + prefix + name + "]", target.ToString(), problem)));
                }
            }

            /// <summary>The attribute's name as written in source, or null when it is not one this rule checks.</summary>
            private string? AttributeName(AttributeData attribute)
            {
                if (PrivacySymbols.Is(attribute, symbols.PersonalData))
                {
                    return "PersonalData";
                }

                if (PrivacySymbols.Is(attribute, symbols.RetentionPolicy))
                {
                    return "RetentionPolicy";
                }

                if (PrivacySymbols.Is(attribute, symbols.PersonalDataMember))
                {
                    return "PersonalDataMember";
                }

                if (PrivacySymbols.Is(attribute, symbols.PersonalDataSink))
                {
                    return "PersonalDataSink";
                }

                if (PrivacySymbols.Is(attribute, symbols.ConsentCheck))
                {
                    return "ConsentCheck";
                }

                if (PrivacySymbols.Is(attribute, symbols.RequiresConsent))
                {
                    return "RequiresConsent";
                }

                return PrivacySymbols.Is(attribute, symbols.ProcessingPurpose) ? "ProcessingPurpose" : null;
            }

            /// <summary>
            /// A <c>[ConsentCheck]</c> must be something a condition can test: a method returning <c>bool</c>,
            /// <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>, a <c>bool</c> property, or a method returning
            /// nothing (<c>void</c>, <c>Task</c>, <c>ValueTask</c>) that throws when consent is missing. Anything else
            /// guards nothing, so the consent rules would report under it.
            /// </summary>
            private static IEnumerable<string> ConsentCheckProblems(ISymbol? symbol, IEnumerable<string> purposeProblems)
            {
                foreach (var problem in purposeProblems)
                {
                    yield return problem;
                }

                var type = symbol switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation or MethodKind.LocalFunction } method => method.ReturnType,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };

                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    yield break;
                }

                var isMethod = symbol is IMethodSymbol;
                var fits = type.SpecialType == SpecialType.System_Boolean
                    || (isMethod && (type.SpecialType == SpecialType.System_Void || TypeShapes.IsTaskOfBoolean(type) || TypeShapes.IsVoidTask(type)));
                if (!fits)
                {
                    yield return isMethod
                        ? "a consent check must return bool, Task<bool> or ValueTask<bool> (true when the person consented), or return nothing and throw without consent; '" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' guards nothing"
                        : "a consent check property must be a bool; '" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' guards nothing";
                }
            }

            /// <summary>
            /// What is wrong with a purpose list: missing (only when <paramref name="required"/>), an empty item, or
            /// purposes outside the allowed list of <c>pii_analyzers.purposes</c>, one problem per distinct purpose.
            /// </summary>
            private static IEnumerable<string> PurposeProblems(string? purposes, bool required, AnalyzerOptions options, SyntaxTree tree)
            {
                var items = PurposeList.Split(purposes);
                var declared = PurposeList.Parse(purposes);
                if (declared.IsEmpty)
                {
                    if (required)
                    {
                        yield return "no purpose is declared; set Purpose to what the data was collected for";
                    }

                    yield break;
                }

                if (items.Length != declared.Length)
                {
                    yield return "the purpose list has an empty item";
                }

                if (PiiOptions.GetAllowedPurposes(options, tree) is not { } allowed)
                {
                    yield break;
                }

                var reported = new HashSet<string>(PurposeList.Comparer);
                foreach (var purpose in declared)
                {
                    if (!Contains(allowed, purpose) && reported.Add(purpose))
                    {
                        yield return "purpose '" + purpose + "' is not one of the allowed purposes (" + string.Join(", ", allowed) + ")";
                    }
                }
            }

            /// <summary>
            /// What is wrong with a retention period: the named <c>Days</c> wins over the constructor argument, as it does
            /// at run time. A policy states exactly one of <c>Days</c>, <c>Setting</c> (a configuration value's name) or
            /// <c>UntilErasure = true</c>; none means it is missing.
            /// </summary>
            private static IEnumerable<string> RetentionProblems(AttributeData attribute)
            {
                int? days = null;
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int fromConstructor)
                {
                    days = fromConstructor;
                }

                string? setting = null;
                var untilErasure = false;
                foreach (var argument in attribute.NamedArguments)
                {
                    switch (argument.Key)
                    {
                        case DaysProperty when argument.Value.Value is int named:
                            days = named;
                            break;
                        case "Setting":
                            setting = argument.Value.Value as string ?? string.Empty;
                            break;
                        case "UntilErasure" when argument.Value.Value is bool value:
                            untilErasure = value;
                            break;
                    }
                }

                var stated = new List<string>(3);
                if (days is not null)
                {
                    stated.Add("Days");
                }

                if (setting is not null)
                {
                    stated.Add("Setting");
                }

                if (untilErasure)
                {
                    stated.Add("UntilErasure");
                }

                if (stated.Count > 1)
                {
                    yield return "the retention period is stated " + stated.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        + " ways (" + string.Join(", ", stated) + "); state one of Days, Setting or UntilErasure";
                    yield break;
                }

                if (setting is not null)
                {
                    if (setting.Trim().Length == 0)
                    {
                        yield return "the retention setting is empty; name the configuration value that holds the period";
                    }

                    yield break;
                }

                if (untilErasure)
                {
                    yield break;
                }

                if (days is null)
                {
                    yield return "the retention period is missing; set Days to a positive number, Setting to the configuration value that holds it, or UntilErasure = true";
                }
                else if (days.Value <= 0)
                {
                    yield return "the retention period must be a positive number of days, not " + days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            /// <summary>A <c>[PersonalDataMember]</c> whose member the type (or the named type) and its bases do not have.</summary>
            private static IEnumerable<string> MemberProblems(AttributeData attribute, INamedTypeSymbol? owner)
            {
                if (PrivacySymbols.ResolveMember(attribute, owner) is null)
                {
                    var arguments = attribute.ConstructorArguments;
                    var name = arguments.Length > 0 ? arguments[arguments.Length - 1].Value as string : null;
                    var type = arguments.Length == 2 ? (arguments[0].Value as ITypeSymbol)?.Name : owner?.Name;
                    yield return "'" + type + "' has no property or field '" + name + "'; name one it has or inherits";
                }
            }

            private static string? NamedString(AttributeData attribute, string property)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == property)
                    {
                        return argument.Value.Value as string;
                    }
                }

                return null;
            }

            private static bool HasErrors(AttributeData attribute)
            {
                if (attribute.AttributeConstructor is null)
                {
                    return true;
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Kind == TypedConstantKind.Error)
                    {
                        return true;
                    }
                }

                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Value.Kind == TypedConstantKind.Error)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool Contains(ImmutableArray<string> purposes, string purpose)
            {
                foreach (var item in purposes)
                {
                    if (PurposeList.Comparer.Equals(item, purpose))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string Display(ISymbol symbol) => symbol.ToDisplayString(MemberFormat);

            /// <summary>What a diagnostic names (<c>Visitor.Email</c>, <c>Send(email)</c>), displayed only when one is reported.</summary>
            private readonly struct Target
            {
                private readonly ISymbol? _symbol;
                private readonly string _text;

                public Target(ISymbol symbol, string suffix)
                {
                    _symbol = symbol;
                    _text = suffix;
                }

                public Target(string text)
                {
                    _symbol = null;
                    _text = text;
                }

                /// <summary>The declaration the attribute is on, when it is a symbol.</summary>
                public ISymbol? Symbol => _text.Length == 0 ? _symbol : null;

                public Target Append(string suffix) => _symbol is null ? new Target(_text + suffix) : new Target(_symbol, _text + suffix);

                public override string ToString() => _symbol is null ? _text : Display(_symbol) + _text;
            }
        }
    }
}
