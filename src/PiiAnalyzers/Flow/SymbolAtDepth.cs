using System;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// A symbol and a depth, compared as symbols are: the key of caches whose answer depends on how deep it is asked
    /// (a helper's summary at a call depth, a type's personal data at a level below the value).
    /// </summary>
    internal readonly struct SymbolAtDepth<TSymbol> : IEquatable<SymbolAtDepth<TSymbol>>
        where TSymbol : class, ISymbol
    {
        public SymbolAtDepth(TSymbol symbol, int depth)
        {
            Symbol = symbol;
            Depth = depth;
        }

        public TSymbol Symbol { get; }

        public int Depth { get; }

        public bool Equals(SymbolAtDepth<TSymbol> other) => Depth == other.Depth && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is SymbolAtDepth<TSymbol> other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 31) + Depth;
    }
}
