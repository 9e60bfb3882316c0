using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// One declared piece of personal data: a member, parameter or return value marked as personal data, with what its
    /// declaration says (purposes, category, lawful basis). Values that carry it are tracked by <see cref="Origin"/>.
    /// </summary>
    internal sealed class DataItem : IEquatable<DataItem>
    {
        public DataItem(ISymbol symbol, string name, ImmutableArray<string> purposes, int category, int basis)
        {
            Symbol = symbol;
            Name = name;
            Purposes = purposes;
            Category = category;
            Basis = basis;
        }

        /// <summary>The property, field or parameter; for a return value, the method.</summary>
        public ISymbol Symbol { get; }

        /// <summary>How diagnostics name it: <c>Visitor.Email</c>, <c>Describe(...)</c>, <c>email</c>.</summary>
        public string Name { get; }

        /// <summary>The declared purposes (empty when none is declared).</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>The <c>PiiAttributes.PersonalDataCategory</c> value.</summary>
        public int Category { get; }

        /// <summary>The <c>PiiAttributes.LawfulBasis</c> value, or <see cref="UndeclaredBasis"/>.</summary>
        public int Basis { get; }

        /// <summary>
        /// True when the code declares a lawful basis for the data (PiiAttributes' <c>[PersonalData]</c>, whose basis is
        /// consent by default); false for data only the framework marks (Identity, compliance classifications) or only
        /// its name suggests.
        /// </summary>
        public bool BasisDeclared => Basis != UndeclaredBasis;

        /// <summary>
        /// True when processing needs consent: a declared basis of consent, or a special category (Art. 9) whatever the
        /// declared basis. Data with no declared basis is not held to the consent rules: nothing says it is consent-based.
        /// </summary>
        public bool NeedsConsent => BasisDeclared && (Basis == ConsentBasis || Category == SpecialCategory);

        /// <summary>The <c>PiiAttributes.LawfulBasis.Consent</c> value.</summary>
        public const int ConsentBasis = 0;

        /// <summary>No lawful basis is declared: the data is marked by the framework or inferred from its name.</summary>
        public const int UndeclaredBasis = -1;

        /// <summary>The <c>PiiAttributes.PersonalDataCategory.Special</c> value.</summary>
        public const int SpecialCategory = 7;

        private static readonly string[] BasisNames = { "consent", "contract", "legal obligation", "vital interests", "public task", "legitimate interests" };

        /// <summary>The purposes, quoted and joined: <c>'support', 'billing'</c>.</summary>
        public string QuotedPurposes => Purposes.IsDefaultOrEmpty ? string.Empty : "'" + string.Join("', '", Purposes) + "'";

        /// <summary><c>'Visitor.Email' (personal data, purpose 'support', basis consent)</c>.</summary>
        public string DescribeWithBasis()
        {
            var text = Describe();
            var basis = !BasisDeclared ? "not declared" : Basis < BasisNames.Length ? BasisNames[Basis] : "unknown";
            var special = Category == SpecialCategory ? ", special category" : string.Empty;
            return text.Substring(0, text.Length - 1) + ", basis " + basis + special + ")";
        }

        /// <summary>How messages name the data: <c>'Visitor.Email'</c>, <c>parameter 'email'</c>, <c>local 'email'</c>.</summary>
        public string Quoted => Symbol switch
        {
            IParameterSymbol => "parameter '" + Name + "'",
            ILocalSymbol => "local '" + Name + "'",
            _ => "'" + Name + "'",
        };

        /// <summary><c>'Visitor.Email' (personal data, purpose 'support')</c>.</summary>
        public string Describe()
        {
            string purpose;
            if (Purposes.IsDefaultOrEmpty)
            {
                purpose = "no declared purpose";
            }
            else if (Purposes.Length == 1)
            {
                purpose = "purpose '" + Purposes[0] + "'";
            }
            else
            {
                purpose = "purposes '" + string.Join("', '", Purposes) + "'";
            }

            return Quoted + " (personal data, " + purpose + ")";
        }

        // The name too: the framework's items share a symbol (every claim type's data is declared on Claim.Value).
        public bool Equals(DataItem? other) => other is not null && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol) && Name == other.Name;

        public override bool Equals(object? obj) => Equals(obj as DataItem);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Symbol);

        public override string ToString() => Name;
    }

    /// <summary>
    /// Where the personal data in a value comes from: a declared <see cref="DataItem"/>, or — while a method is being
    /// summarized — whatever its caller passes as parameter <see cref="Parameter"/>.
    /// </summary>
    internal sealed class Origin : IEquatable<Origin>
    {
        private Origin(DataItem? item, int parameter, bool allMembers)
        {
            Item = item;
            Parameter = parameter;
            AllMembers = allMembers;
        }

        /// <summary>The declared data, or null for a parameter placeholder.</summary>
        public DataItem? Item { get; }

        /// <summary>The parameter ordinal of a placeholder, or -1.</summary>
        public int Parameter { get; }

        /// <summary>
        /// For a placeholder: the value stands for everything the argument holds, members included (it went through a
        /// serializer), not only what printing the argument shows.
        /// </summary>
        public bool AllMembers { get; }

        public bool IsParameter => Item is null;

        public static Origin Of(DataItem item) => new Origin(item, -1, allMembers: false);

        public static Origin OfParameter(int ordinal, bool allMembers) => new Origin(null, ordinal, allMembers);

        public bool Equals(Origin? other)
            => other is not null && Parameter == other.Parameter && AllMembers == other.AllMembers && Equals(Item, other.Item);

        public override bool Equals(object? obj) => Equals(obj as Origin);

        public override int GetHashCode() => Item is null ? (Parameter * 2) + (AllMembers ? 1 : 0) : Item.GetHashCode();

        public override string ToString() => Item?.Name ?? "param#" + Parameter + (AllMembers ? "*" : string.Empty);
    }
}
