using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// Whether a compilation can hold personal data the rules follow, decided from what is applied rather than from what
    /// types exist: every web project references ASP.NET Core Identity's <c>[PersonalData]</c>, and referencing it marks
    /// nothing. Decided once per compilation before any action is registered; the look at each file is kept per syntax
    /// tree (so an edit in the IDE looks at the edited file again, not at the others), the look at each referenced
    /// assembly per assembly symbol.
    /// <list type="bullet">
    /// <item><description>In this compilation's files: an attribute whose name can be a marker (PiiAttributes',
    /// Identity's <c>[PersonalData]</c>/<c>[ProtectedPersonalData]</c>), a using alias to one, or any mention of
    /// <c>DataClassification</c> (a compliance taxonomy is declared under names of its own).</description></item>
    /// <item><description>In a referenced assembly that references (or is) an assembly defining a marker: a type with a
    /// marked member, or deriving from one; or an assembly-level PiiAttributes declaration. Such a type in Microsoft's
    /// own assemblies (Identity's <c>IdentityUser</c>) counts only when this compilation's files name it.</description></item>
    /// <item><description>The personal data the framework hands out unmarked (<see cref="FrameworkSources"/>): counts
    /// when a file mentions one of the names it is reached by (<see cref="FrameworkNames"/>).</description></item>
    /// </list>
    /// Textual checks over-approximate: a file that mentions a name without applying it is analyzed, never the reverse.
    /// </summary>
    internal static class AppliedMarkers
    {
        /// <summary>What a marker's name contains, as written in source (the attribute's name with or without its suffix).</summary>
        private static readonly string[] MarkerNeedles = { "PersonalData", "RequiresConsent", "ProcessingPurpose", "RetentionPolicy", "ConsentCheck" };

        /// <summary>
        /// The names a marker is written with in source, "Attribute" suffix removed: what declares personal data or a
        /// consent requirement, and every declaration PII007 checks.
        /// </summary>
        private static readonly ImmutableHashSet<string> MarkerNames = ImmutableHashSet.Create(
            StringComparer.Ordinal,
            "PersonalData",
            "ProtectedPersonalData",
            "PersonalDataMember",
            "PersonalDataSink",
            "RequiresConsent",
            "ProcessingPurpose",
            "RetentionPolicy",
            "ConsentCheck");

        /// <summary>The PiiAttributes attributes that, applied in a referenced assembly, make data personal or require consent.</summary>
        private static readonly ImmutableHashSet<string> MetadataMarkerNames = ImmutableHashSet.Create(
            StringComparer.Ordinal, "PersonalData", "PersonalDataMember", "RequiresConsent");

        /// <summary>Mentioned wherever a compliance taxonomy is declared (its attributes derive from DataClassificationAttribute).</summary>
        private const string ComplianceNeedle = "DataClassification";

        /// <summary>
        /// The names through which code reaches a <see cref="FrameworkSources"/> member: <c>User.Identity.Name</c>,
        /// <c>Identities</c>, claims and <c>FindFirst</c>/<c>FindAll</c>, <c>RemoteIpAddress</c>, header dictionaries and
        /// the header names that carry the client's address or software.
        /// </summary>
        internal static readonly ImmutableArray<string> FrameworkNames = ImmutableArray.Create(
            "Identit", "Claim", "FindFirst", "FindAll", "RemoteIpAddress", "Header", "Forwarded", "RealIP", "Real-IP", "UserAgent", "User-Agent");

        /// <summary>Public key tokens of Microsoft's assemblies (the .NET and ASP.NET Core shared frameworks, Extensions).</summary>
        private static readonly ImmutableHashSet<string> MicrosoftKeys = ImmutableHashSet.Create(
            StringComparer.OrdinalIgnoreCase, "adb9793829ddae60", "b03f5f7f11d50a3a", "31bf3856ad364e35", "cc7b13ffcd2ddd51", "7cec85d7bea7798e");

        private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> Compilations = new ConditionalWeakTable<Compilation, StrongBox<bool>>();
        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> Trees = new ConditionalWeakTable<SyntaxTree, TreeFacts>();
        private static readonly ConditionalWeakTable<IAssemblySymbol, AssemblyMarks> Assemblies = new ConditionalWeakTable<IAssemblySymbol, AssemblyMarks>();

        /// <summary>
        /// True when <paramref name="compilation"/> applies a personal-data or consent marker anywhere (its files or a
        /// referenced assembly), or, when <paramref name="frameworkSources"/>, mentions a framework source.
        /// </summary>
        public static bool AnyApplied(Compilation compilation, PrivacySymbols symbols, bool frameworkSources, CancellationToken cancellationToken)
        {
            // Two answers per compilation at most (with and without the framework's sources): both cheap once the trees are known.
            var box = Compilations.GetValue(compilation, _ => new StrongBox<bool>(Compute(compilation, symbols, cancellationToken)));
            return box.Value || (frameworkSources && MentionsFramework(compilation, cancellationToken));
        }

        private static bool MentionsFramework(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Facts(tree, cancellationToken).MentionsFramework)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the compilation can hold personal data or a consent requirement at all: name inference is on for a
        /// file, or it references a marker or ASP.NET Core and applies a marker (<see cref="AnyApplied"/>) or mentions a
        /// framework source. False lets an analyzer register nothing.
        /// </summary>
        public static bool MayHoldPersonalData(Compilation compilation, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Configuration.PiiOptions.InfersFromNames(options, tree))
                {
                    return true;
                }
            }

            var symbols = PrivacySymbols.Create(compilation);
            if (symbols.PersonalData is null && !symbols.HasEcosystemMarkers && !symbols.Framework.AspNetCorePresent)
            {
                return false; // nothing to mark with, and no request bringing the user's data
            }

            return AnyApplied(compilation, symbols, frameworkSources: true, cancellationToken);
        }

        /// <summary>
        /// False when no file of <paramref name="tree"/>'s compilation can apply a marker in <paramref name="tree"/>: it
        /// names none, and no file declares a using alias that could name one elsewhere (<c>global using PD = ...;</c>).
        /// </summary>
        public static bool MayApplyIn(SyntaxTree tree, bool anyMarkerAlias, CancellationToken cancellationToken)
            => anyMarkerAlias || Facts(tree, cancellationToken).AppliesMarker;

        /// <summary>True when a file of <paramref name="compilation"/> declares a using alias whose target can be a marker.</summary>
        public static bool AnyMarkerAlias(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Facts(tree, cancellationToken).DeclaresMarkerAlias)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// False when no file of <paramref name="compilation"/> can declare a <c>[PersonalDataMember]</c>: none names it (a
        /// using alias to it names it too, in its own file).
        /// </summary>
        public static bool AnyTreeMayDeclareMembers(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Facts(tree, cancellationToken).MentionsMemberDeclaration)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>False when <paramref name="tree"/>'s text never says <c>Ignore</c>: it calls no EF Core <c>Ignore</c>.</summary>
        public static bool MayCallIgnore(SyntaxTree tree, CancellationToken cancellationToken) => Facts(tree, cancellationToken).MentionsIgnore;

        /// <summary>True when some file of <paramref name="compilation"/> may apply a marker (see <see cref="MayApplyIn"/>).</summary>
        public static bool AnyTreeMayApply(Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Facts(tree, cancellationToken).AppliesMarker)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Compute(Compilation compilation, PrivacySymbols symbols, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var facts = Facts(tree, cancellationToken);
                if (facts.AppliesMarker)
                {
                    return true;
                }
            }

            var definers = DefiningAssemblies(symbols);
            if (definers.Count == 0)
            {
                return false;
            }

            // An assembly can apply a marker through another (Identity.Stores applies Identity.Core's [PersonalData]; a
            // project deriving from IdentityUser references Stores alone): close the set over the references.
            var referenced = compilation.SourceModule.ReferencedAssemblySymbols;
            for (var added = true; added;)
            {
                added = false;
                foreach (var assembly in referenced)
                {
                    if (!definers.Contains(assembly.Identity.Name) && MayApply(assembly, definers))
                    {
                        definers.Add(assembly.Identity.Name);
                        added = true;
                    }
                }
            }

            foreach (var assembly in referenced)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var marks = Marks(assembly, definers);
                if (marks.Applies)
                {
                    return true;
                }

                foreach (var name in marks.MicrosoftMarkedTypes)
                {
                    foreach (var tree in compilation.SyntaxTrees)
                    {
                        if (Facts(tree, cancellationToken).Mentions(tree, name, cancellationToken))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>The names of the assemblies that define a marker this compilation can see.</summary>
        private static HashSet<string> DefiningAssemblies(PrivacySymbols symbols)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in new[] { symbols.PersonalData, symbols.PersonalDataMember, symbols.RequiresConsent, symbols.IdentityPersonalData, symbols.DataClassification })
            {
                if (type?.ContainingAssembly is { } assembly)
                {
                    names.Add(assembly.Identity.Name);
                }
            }

            return names;
        }

        private static TreeFacts Facts(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Trees.TryGetValue(tree, out var known))
            {
                return known;
            }

            return Trees.GetValue(tree, t => TreeFacts.Scan(t, cancellationToken));
        }

        private static AssemblyMarks Marks(IAssemblySymbol assembly, HashSet<string> definers)
        {
            if (Assemblies.TryGetValue(assembly, out var known))
            {
                return known;
            }

            if (!MayApply(assembly, definers))
            {
                return AssemblyMarks.None; // not cached: another compilation may see other definers
            }

            return Assemblies.GetValue(assembly, a => AssemblyMarks.Scan(a, definers));
        }

        /// <summary>True when <paramref name="assembly"/> defines a marker or references an assembly that does.</summary>
        private static bool MayApply(IAssemblySymbol assembly, HashSet<string> definers)
        {
            if (definers.Contains(assembly.Identity.Name))
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var reference in module.ReferencedAssemblies)
                {
                    if (definers.Contains(reference.Name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>What one file applies and mentions, read from its text, confirmed on its syntax.</summary>
        private sealed class TreeFacts
        {
            private readonly ConcurrentDictionary<string, bool> _mentions = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

            private TreeFacts(bool appliesMarker, bool declaresMarkerAlias, bool mentionsFramework, bool mentionsMemberDeclaration, bool mentionsIgnore)
            {
                AppliesMarker = appliesMarker;
                DeclaresMarkerAlias = declaresMarkerAlias;
                MentionsFramework = mentionsFramework;
                MentionsMemberDeclaration = mentionsMemberDeclaration;
                MentionsIgnore = mentionsIgnore;
            }

            /// <summary>True when the text says <c>PersonalDataMember</c>.</summary>
            public bool MentionsMemberDeclaration { get; }

            /// <summary>True when the text says <c>Ignore</c>.</summary>
            public bool MentionsIgnore { get; }

            /// <summary>True when the file applies (or may apply) a marker: named as one, through an alias, or a compliance taxonomy.</summary>
            public bool AppliesMarker { get; }

            /// <summary>True when the file declares a using alias that can name a marker.</summary>
            public bool DeclaresMarkerAlias { get; }

            public bool MentionsFramework { get; }

            public bool Mentions(SyntaxTree tree, string name, CancellationToken cancellationToken)
                => _mentions.TryGetValue(name, out var known)
                    ? known
                    : _mentions.GetOrAdd(name, tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0);

            public static TreeFacts Scan(SyntaxTree tree, CancellationToken cancellationToken)
            {
                var text = tree.GetText(cancellationToken).ToString();
                var mentionsFramework = false;
                foreach (var name in FrameworkNames)
                {
                    if (text.IndexOf(name, StringComparison.Ordinal) >= 0)
                    {
                        mentionsFramework = true;
                        break;
                    }
                }

                var appliesMarker = text.IndexOf(ComplianceNeedle, StringComparison.Ordinal) >= 0;
                var declaresAlias = false;
                if (ContainsNeedle(text))
                {
                    // Only a file that names a marker is parsed into nodes and walked.
                    foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                    {
                        switch (node)
                        {
                            case AttributeSyntax attribute when MarkerNames.Contains(WithoutSuffix(RightmostName(attribute.Name))):
                                appliesMarker = true;
                                break;
                            case UsingDirectiveSyntax { Alias: not null } alias when ContainsNeedle(alias.ToString()):
                                // using PD = PiiAttributes.PersonalDataAttribute; (global: for every file)
                                appliesMarker = true;
                                declaresAlias = true;
                                break;
                        }
                    }
                }

                return new TreeFacts(
                    appliesMarker,
                    declaresAlias,
                    mentionsFramework,
                    text.IndexOf("PersonalDataMember", StringComparison.Ordinal) >= 0,
                    text.IndexOf("Ignore", StringComparison.Ordinal) >= 0);
            }

            private static bool ContainsNeedle(string text)
            {
                foreach (var needle in MarkerNeedles)
                {
                    if (text.IndexOf(needle, StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string RightmostName(NameSyntax name) => name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };

            private static string WithoutSuffix(string name)
                => name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        /// <summary>What one referenced assembly marks, read from its symbols once.</summary>
        private sealed class AssemblyMarks
        {
            public static readonly AssemblyMarks None = new AssemblyMarks(false, ImmutableArray<string>.Empty);

            private AssemblyMarks(bool applies, ImmutableArray<string> microsoftMarkedTypes)
            {
                Applies = applies;
                MicrosoftMarkedTypes = microsoftMarkedTypes;
            }

            /// <summary>True when the assembly (not Microsoft's) marks a type, a member or itself.</summary>
            public bool Applies { get; }

            /// <summary>The names (without arity) of the marked types of a Microsoft assembly: they count where they are named.</summary>
            public ImmutableArray<string> MicrosoftMarkedTypes { get; }

            public static AssemblyMarks Scan(IAssemblySymbol assembly, HashSet<string> definers)
            {
                var marked = new HashSet<string>(StringComparer.Ordinal);
                var applies = HasMarker(assembly.GetAttributes());
                var types = new Stack<INamespaceOrTypeSymbol>();
                types.Push(assembly.GlobalNamespace);
                while (types.Count > 0)
                {
                    foreach (var member in types.Pop().GetMembers())
                    {
                        if (member is INamespaceSymbol ns)
                        {
                            types.Push(ns);
                        }
                        else if (member is INamedTypeSymbol type)
                        {
                            types.Push(type);
                            if (IsMarked(type, definers))
                            {
                                marked.Add(type.Name);
                            }
                        }
                    }
                }

                if (IsMicrosoft(assembly))
                {
                    return marked.Count == 0 && !applies ? None : new AssemblyMarks(applies, marked.ToImmutableArray());
                }

                return applies || marked.Count != 0 ? new AssemblyMarks(true, ImmutableArray<string>.Empty) : None;
            }

            private static bool IsMicrosoft(IAssemblySymbol assembly)
            {
                var token = assembly.Identity.PublicKeyToken;
                if (token.IsDefaultOrEmpty)
                {
                    return false;
                }

                var hex = new System.Text.StringBuilder(token.Length * 2);
                foreach (var b in token)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return MicrosoftKeys.Contains(hex.ToString());
            }

            /// <summary>A type that marks itself or a member, a parameter or a return value, or derives from such a type.</summary>
            private static bool IsMarked(INamedTypeSymbol type, HashSet<string> definers)
            {
                if (HasMarker(type.GetAttributes()))
                {
                    return true;
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is INamedTypeSymbol)
                    {
                        continue;
                    }

                    if (HasMarker(member.GetAttributes()))
                    {
                        return true;
                    }

                    if (member is IMethodSymbol method)
                    {
                        if (HasMarker(method.GetReturnTypeAttributes()))
                        {
                            return true;
                        }

                        foreach (var parameter in method.Parameters)
                        {
                            if (HasMarker(parameter.GetAttributes()))
                            {
                                return true;
                            }
                        }
                    }
                }

                // A derived type inherits its base's marked members (ApplicationUser : IdentityUser).
                return type.BaseType is { } baseType && baseType.SpecialType == SpecialType.None
                    && baseType.ContainingAssembly is { } baseAssembly
                    && (SymbolEqualityComparer.Default.Equals(baseAssembly, type.ContainingAssembly)
                        ? IsMarked(baseType.OriginalDefinition, definers)
                        : Marks(baseAssembly, definers) is { } marks && (marks.Applies || marks.MicrosoftMarkedTypes.Contains(baseType.Name)));
            }

            private static bool HasMarker(ImmutableArray<AttributeData> attributes)
            {
                foreach (var attribute in attributes)
                {
                    if (attribute.AttributeClass is { } attributeClass && IsMarkerClass(attributeClass))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>PiiAttributes' markers, Identity's <c>[PersonalData]</c> and what derives from it, a compliance classification.</summary>
            private static bool IsMarkerClass(INamedTypeSymbol attributeClass)
            {
                if (attributeClass.ContainingNamespace is { Name: PrivacySymbols.Namespace, ContainingNamespace.IsGlobalNamespace: true }
                    && MetadataMarkerNames.Contains(WithoutSuffix(attributeClass.Name)))
                {
                    return true;
                }

                for (var type = attributeClass; type is not null; type = type.BaseType)
                {
                    switch (type.Name)
                    {
                        case "NoDataClassificationAttribute":
                            return false;
                        case "PersonalDataAttribute" when type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity":
                        case "DataClassificationAttribute" when type.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.Compliance.Classification":
                            return true;
                    }
                }

                return false;
            }

            private static string WithoutSuffix(string name)
                => name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }
    }
}
