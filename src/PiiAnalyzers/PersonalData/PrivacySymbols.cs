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
        }

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
            var symbols = new PrivacySymbols(compilation);
            return symbols.PersonalData is null && symbols.RetentionPolicy is null && symbols.PersonalDataSink is null
                ? null
                : symbols;
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
