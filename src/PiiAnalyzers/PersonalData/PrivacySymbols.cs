using Microsoft.CodeAnalysis;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// The PiiAttributes types of one compilation, resolved once by full metadata name (so a project that copies the
    /// attribute sources into its own assembly is analyzed too).
    /// </summary>
    internal sealed class PrivacySymbols
    {
        public const string Namespace = "PiiAttributes";

        private PrivacySymbols(Compilation compilation)
        {
            PersonalData = TypeLookup.Find(compilation, Namespace + ".PersonalDataAttribute");
            PersonalDataMember = TypeLookup.Find(compilation, Namespace + ".PersonalDataMemberAttribute");
            _declaredMembers = new System.Lazy<System.Collections.Generic.Dictionary<ISymbol, AttributeData>>(() => IndexDeclaredMembers(compilation));
            RetentionPolicy = TypeLookup.Find(compilation, Namespace + ".RetentionPolicyAttribute");
            ConsentCheck = TypeLookup.Find(compilation, Namespace + ".ConsentCheckAttribute");
            RequiresConsent = TypeLookup.Find(compilation, Namespace + ".RequiresConsentAttribute");
            Redactor = TypeLookup.Find(compilation, Namespace + ".RedactorAttribute");
            ProcessingPurpose = TypeLookup.Find(compilation, Namespace + ".ProcessingPurposeAttribute");
            PersonalDataSink = TypeLookup.Find(compilation, Namespace + ".PersonalDataSinkAttribute");
            Redaction = TypeLookup.Find(compilation, Namespace + ".Redaction");
            IdentityPersonalData = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            DataClassification = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
            ComplianceRedactor = TypeLookup.Find(compilation, "Microsoft.Extensions.Compliance.Redaction.Redactor");
            Framework = new FrameworkSources(compilation);
        }

        /// <summary>The personal data the .NET libraries hand out unmarked: claims, the user's name, the client's address.</summary>
        public FrameworkSources Framework { get; }

        /// <summary>ASP.NET Core Identity's <c>[PersonalData]</c> (and, deriving from it, <c>[ProtectedPersonalData]</c>).</summary>
        public INamedTypeSymbol? IdentityPersonalData { get; }

        /// <summary>Microsoft.Extensions.Compliance's base of every data classification attribute.</summary>
        public INamedTypeSymbol? DataClassification { get; }

        /// <summary>Microsoft.Extensions.Compliance's "not classified" attribute, which marks nothing.</summary>
        public INamedTypeSymbol? NoDataClassification { get; }

        /// <summary>Microsoft.Extensions.Compliance's <c>Redactor</c>: its <c>Redact</c> methods are redactors.</summary>
        public INamedTypeSymbol? ComplianceRedactor { get; }

        /// <summary>True when the compilation can hold personal data the ecosystem marks (Identity, compliance classifications).</summary>
        public bool HasEcosystemMarkers => IdentityPersonalData is not null || DataClassification is not null;

        public INamedTypeSymbol? PersonalData { get; }

        /// <summary>PiiAttributes' <c>[PersonalDataMember]</c>: a declaration on a type or the assembly naming a member.</summary>
        public INamedTypeSymbol? PersonalDataMember { get; }

        private readonly System.Lazy<System.Collections.Generic.Dictionary<ISymbol, AttributeData>> _declaredMembers;

        /// <summary>
        /// The <c>[PersonalDataMember]</c> that declares <paramref name="member"/> (a property or field, as its original
        /// definition), or null. The declarations of the compilation's own types and assembly are indexed once, on first use.
        /// </summary>
        public AttributeData? FindMemberDeclaration(ISymbol member)
            => PersonalDataMember is not null && _declaredMembers.Value.Count != 0 && _declaredMembers.Value.TryGetValue(member, out var attribute) ? attribute : null;

        /// <summary>Every member the compilation declares with <c>[PersonalDataMember]</c>, with the attribute; empty when none.</summary>
        public System.Collections.Generic.IReadOnlyDictionary<ISymbol, AttributeData> DeclaredMembers => PersonalDataMember is null
            ? new System.Collections.Generic.Dictionary<ISymbol, AttributeData>(SymbolEqualityComparer.Default)
            : _declaredMembers.Value;

        /// <summary>
        /// The property or field named <paramref name="name"/> of <paramref name="type"/> or its nearest base type that has
        /// one, as its original definition; null when none.
        /// </summary>
        public static ISymbol? ResolveMember(ITypeSymbol? type, string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name!))
                {
                    if (member is IPropertySymbol { IsIndexer: false } or IFieldSymbol)
                    {
                        return member.OriginalDefinition;
                    }
                }
            }

            return null;
        }

        /// <summary>The member a <c>[PersonalDataMember]</c> names: on <paramref name="owner"/> (a type), or on the type it names.</summary>
        public static ISymbol? ResolveMember(AttributeData attribute, INamedTypeSymbol? owner)
        {
            var arguments = attribute.ConstructorArguments;
            return arguments.Length switch
            {
                1 => ResolveMember(owner, arguments[0].Value as string),
                2 => ResolveMember(arguments[0].Value as ITypeSymbol, arguments[1].Value as string),
                _ => null,
            };
        }

        /// <summary>
        /// Every <c>[PersonalDataMember]</c> declaration this compilation sees: its own first, then those of the referenced
        /// assemblies that reference PiiAttributes (a model project's <c>[assembly: PersonalDataMember(typeof(AppUser), ...)]</c>
        /// holds in every project that uses the model).
        /// </summary>
        private System.Collections.Generic.Dictionary<ISymbol, AttributeData> IndexDeclaredMembers(Compilation compilation)
        {
            var index = new System.Collections.Generic.Dictionary<ISymbol, AttributeData>(SymbolEqualityComparer.Default);
            if (PersonalDataMember is null)
            {
                return index;
            }

            // The compilation's own types are walked only when a file can declare one (its text names the attribute, as
            // an alias to it does): most projects declare none, and walking every type's members costs a tenth of the
            // flow analysis.
            if (AppliedMarkers.AnyTreeMayDeclareMembers(compilation, System.Threading.CancellationToken.None))
            {
                IndexDeclaredMembers(compilation.Assembly, index);
            }

            var attributes = PersonalDataMember.ContainingAssembly;
            foreach (var referenced in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (!SymbolEqualityComparer.Default.Equals(referenced, attributes) && References(referenced, attributes))
                {
                    IndexDeclaredMembers(referenced, index);
                }
            }

            return index;
        }

        private static bool References(IAssemblySymbol assembly, IAssemblySymbol target)
        {
            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblySymbols)
                {
                    if (SymbolEqualityComparer.Default.Equals(referenced, target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void IndexDeclaredMembers(IAssemblySymbol assembly, System.Collections.Generic.Dictionary<ISymbol, AttributeData> index)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                Add(index, attribute, owner: null);
            }

            var types = new System.Collections.Generic.Stack<INamespaceOrTypeSymbol>();
            types.Push(assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                var container = types.Pop();

                // A type's nested types only: asking for all its members would build every method and property symbol.
                System.Collections.Generic.IEnumerable<INamespaceOrTypeSymbol> members = container is INamespaceSymbol namespaceSymbol
                    ? namespaceSymbol.GetMembers()
                    : container.GetTypeMembers();
                foreach (var member in members)
                {
                    if (member is INamespaceSymbol ns)
                    {
                        types.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type)
                    {
                        types.Push(type);
                        if (!type.DeclaringSyntaxReferences.IsEmpty && !HasAttributeLists(type))
                        {
                            continue; // most source types: no attribute written on any part, nothing to bind
                        }

                        foreach (var attribute in type.GetAttributes())
                        {
                            Add(index, attribute, type);
                        }
                    }
                }
            }
        }

        /// <summary>True when a declaration of <paramref name="type"/> has an attribute list (read from syntax, without binding).</summary>
        private static bool HasAttributeLists(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax { AttributeLists.Count: > 0 })
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(System.Collections.Generic.Dictionary<ISymbol, AttributeData> index, AttributeData attribute, INamedTypeSymbol? owner)
        {
            // The first declaration of a member wins (assembly, then types in declaration order): deterministic.
            if (Is(attribute, PersonalDataMember) && ResolveMember(attribute, owner) is { } member && !index.ContainsKey(member))
            {
                index.Add(member, attribute);
            }
        }

        public INamedTypeSymbol? RetentionPolicy { get; }

        public INamedTypeSymbol? ConsentCheck { get; }

        public INamedTypeSymbol? RequiresConsent { get; }

        public INamedTypeSymbol? Redactor { get; }

        public INamedTypeSymbol? ProcessingPurpose { get; }

        public INamedTypeSymbol? PersonalDataSink { get; }

        public INamedTypeSymbol? Redaction { get; }

        /// <summary>The symbols of <paramref name="compilation"/>, or null when it references no personal-data attribute at all.</summary>
        public static PrivacySymbols? TryCreate(Compilation compilation)
        {
            var symbols = Create(compilation);
            return symbols.PersonalData is null && symbols.RetentionPolicy is null && symbols.PersonalDataSink is null && symbols.PersonalDataMember is null && !symbols.HasEcosystemMarkers
                && !symbols.Framework.AspNetCorePresent
                ? null
                : symbols;
        }

        /// <summary>The symbols of <paramref name="compilation"/>, whatever it references (name inference needs no attribute).</summary>
        /// <remarks>
        /// Resolved once per compilation and shared by every analyzer: each lookup searches all references, and in the IDE
        /// a compilation starts on every edit, where no attribute is referenced too.
        /// </remarks>
        public static PrivacySymbols Create(Compilation compilation) => Cache.GetValue(compilation, c => new PrivacySymbols(c));

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, PrivacySymbols> Cache =
            new System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, PrivacySymbols>();

        /// <summary>
        /// The ecosystem's own personal-data marker on <paramref name="symbol"/>: ASP.NET Core Identity's
        /// <c>[PersonalData]</c>/<c>[ProtectedPersonalData]</c>, or a Microsoft.Extensions.Compliance data
        /// classification other than <c>[NoDataClassification]</c>; null when none.
        /// </summary>
        public AttributeData? FindEcosystemMarker(ISymbol symbol)
        {
            if (!HasEcosystemMarkers)
            {
                return null;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, NoDataClassification))
                    {
                        break;
                    }

                    if (SymbolEqualityComparer.Default.Equals(type, IdentityPersonalData) || SymbolEqualityComparer.Default.Equals(type, DataClassification))
                    {
                        return attribute;
                    }
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="attribute"/> is an instance of <paramref name="type"/>.</summary>
        public static bool Is(AttributeData attribute, INamedTypeSymbol? type)
            => type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

        /// <summary>The first attribute of <paramref name="type"/> on <paramref name="symbol"/>, or null.</summary>
        public static AttributeData? Find(ISymbol symbol, INamedTypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type))
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
