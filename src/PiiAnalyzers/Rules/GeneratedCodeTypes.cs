using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Rules
{
    /// <summary>
    /// Symbols marked <c>[GeneratedCode]</c>, or declared inside a type that is; one instance per compilation, cached
    /// per type.
    /// </summary>
    /// <remarks>
    /// Analyzers that report only from code they analyze declare <c>GeneratedCodeAnalysisFlags.ReportDiagnostics</c>:
    /// the driver then still skips generated files, but no longer checks every reported diagnostic's location for
    /// generated code (which scans the whole file's declarations for the attribute, once per file: a quarter of the
    /// flow analyzer's time, most of PII008's on the benchmark). What the driver would have filtered, these analyzers
    /// skip here.
    /// </remarks>
    internal sealed class GeneratedCodeTypes
    {
        private static readonly ConditionalWeakTable<Compilation, GeneratedCodeTypes> Cache = new ConditionalWeakTable<Compilation, GeneratedCodeTypes>();

        private readonly INamedTypeSymbol? _attribute;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _types = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

        private GeneratedCodeTypes(Compilation compilation)
        {
            _attribute = TypeLookup.Find(compilation, "System.CodeDom.Compiler.GeneratedCodeAttribute");
        }

        /// <summary>The instance of <paramref name="compilation"/>, shared by every analyzer.</summary>
        public static GeneratedCodeTypes Get(Compilation compilation) => Cache.GetValue(compilation, c => new GeneratedCodeTypes(c));

        /// <summary>True when <paramref name="symbol"/> (or, for an accessor, its property) or a type around it is <c>[GeneratedCode]</c>.</summary>
        public bool Contains(ISymbol symbol)
        {
            if (_attribute is null)
            {
                return false;
            }

            if (HasAttribute(symbol) || (symbol is IMethodSymbol { AssociatedSymbol: { } property } && HasAttribute(property)))
            {
                return true;
            }

            for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
            {
                if (!_types.TryGetValue(type, out var known))
                {
                    known = _types.GetOrAdd(type, HasAttribute(type));
                }

                if (known)
                {
                    return true;
                }
            }

            return false;
        }

        private bool HasAttribute(ISymbol symbol) => PrivacySymbols.Find(symbol, _attribute) is not null;
    }
}
