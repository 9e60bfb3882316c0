using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Which methods and properties check consent (<c>[ConsentCheck]</c>, or named in <c>.editorconfig</c>) and which
    /// require it (<c>[RequiresConsent]</c>), declared on the member, a member it overrides or an interface member it
    /// implements. Answers are cached per member definition; one instance per compilation (<see cref="FlowContext.Consent"/>).
    /// </summary>
    internal sealed class ConsentCatalog
    {
        private readonly PrivacySymbols _symbols;
        private readonly ConcurrentDictionary<ISymbol, ConsentMarker?> _checksBySymbol = new ConcurrentDictionary<ISymbol, ConsentMarker?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, ConsentMarker?> _requirementsByMethod = new ConcurrentDictionary<ISymbol, ConsentMarker?>(SymbolEqualityComparer.Default);

        public ConsentCatalog(PrivacySymbols symbols)
        {
            _symbols = symbols;
        }

        /// <summary>
        /// The <c>[ConsentCheck]</c> on a method or property (a method's getter counts for its property), or null when
        /// <paramref name="symbol"/> is not a consent check.
        /// </summary>
        public ConsentMarker? Check(ISymbol symbol, PiiConfiguration configuration)
        {
            symbol = symbol is IMethodSymbol { AssociatedSymbol: IPropertySymbol property } ? property : symbol;
            symbol = symbol.OriginalDefinition;
            if (!_checksBySymbol.TryGetValue(symbol, out var known))
            {
                known = _checksBySymbol.GetOrAdd(symbol, ConsentMarker.Read(FindInherited(symbol, _symbols.ConsentCheck)));
            }

            return known ?? (configuration.IsConsentCheck(symbol) ? ConsentMarker.Unnamed : null);
        }

        /// <summary>The <c>[RequiresConsent]</c> on a method or constructor, or null.</summary>
        public ConsentMarker? Requirement(IMethodSymbol method)
        {
            var definition = method.OriginalDefinition;
            if (_requirementsByMethod.TryGetValue(definition, out var known))
            {
                return known;
            }

            return _requirementsByMethod.GetOrAdd(definition, ConsentMarker.Read(FindInherited(definition, _symbols.RequiresConsent)));
        }

        /// <summary>
        /// <paramref name="attribute"/> on <paramref name="member"/>, on a member it overrides, or on an interface member
        /// it implements (the privacy attributes are declared <c>Inherited = true</c>).
        /// </summary>
        private static AttributeData? FindInherited(ISymbol member, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return null;
            }

            for (var current = member; current is not null; current = Overridden(current))
            {
                if (PrivacySymbols.Find(current, attribute) is { } found)
                {
                    return found;
                }
            }

            if (member.ContainingType is { } type && member is IMethodSymbol or IPropertySymbol)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var candidate in @interface.GetMembers(member.Name))
                    {
                        if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member)
                            && PrivacySymbols.Find(candidate, attribute) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }

        private static ISymbol? Overridden(ISymbol symbol) => symbol switch
        {
            IMethodSymbol method => method.OverriddenMethod,
            IPropertySymbol property => property.OverriddenProperty,
            _ => null,
        };
    }
}

namespace PiiAnalyzers.Flow
{
    /// <summary>A <c>[ConsentCheck]</c> or <c>[RequiresConsent]</c> declaration and the purpose it names, if any.</summary>
    internal sealed class ConsentMarker
    {
        private ConsentMarker(string? purpose)
        {
            Purpose = purpose;
            Purposes = PurposeList.Parse(purpose);
        }

        /// <summary>The declared purposes (a marker may list several: <c>"support, marketing"</c>); empty when none.</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>A marker that names no purpose (a consent check named in <c>.editorconfig</c>).</summary>
        public static readonly ConsentMarker Unnamed = new ConsentMarker(null);

        /// <summary>The declared purpose, or null when the marker names none.</summary>
        public string? Purpose { get; }

        public static ConsentMarker? Read(AttributeData? attribute)
        {
            if (attribute is null)
            {
                return null;
            }

            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Purpose" && argument.Value.Value is string purpose && purpose.Trim().Length > 0)
                {
                    return new ConsentMarker(purpose.Trim());
                }
            }

            return new ConsentMarker(null);
        }
    }
}
