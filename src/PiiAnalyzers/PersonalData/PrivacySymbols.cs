using Microsoft.CodeAnalysis;

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
            PersonalData = compilation.GetTypeByMetadataName(Namespace + ".PersonalDataAttribute");
            RetentionPolicy = compilation.GetTypeByMetadataName(Namespace + ".RetentionPolicyAttribute");
            ConsentCheck = compilation.GetTypeByMetadataName(Namespace + ".ConsentCheckAttribute");
            RequiresConsent = compilation.GetTypeByMetadataName(Namespace + ".RequiresConsentAttribute");
            Redactor = compilation.GetTypeByMetadataName(Namespace + ".RedactorAttribute");
            ProcessingPurpose = compilation.GetTypeByMetadataName(Namespace + ".ProcessingPurposeAttribute");
            PersonalDataSink = compilation.GetTypeByMetadataName(Namespace + ".PersonalDataSinkAttribute");
            Redaction = compilation.GetTypeByMetadataName(Namespace + ".Redaction");
            IdentityPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            DataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
            ComplianceRedactor = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Redaction.Redactor");
        }

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
            return symbols.PersonalData is null && symbols.RetentionPolicy is null && symbols.PersonalDataSink is null && !symbols.HasEcosystemMarkers
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
