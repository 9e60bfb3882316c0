using System.Collections.Immutable;
using System.Linq;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The consent that is known to have been given at a point of a method, on every path to it: nothing, consent for
    /// some purposes, or consent for every purpose (a check that names no purpose, or a point no path reaches).
    /// Facts join by intersection: a check guards a sink only when every path to the sink passed it.
    /// </summary>
    internal readonly struct ConsentFacts
    {
        public static readonly ConsentFacts None = default;

        /// <summary>Consent for every purpose: a purpose-less check, or (as the analysis' starting point) an unreached point.</summary>
        public static readonly ConsentFacts All = new ConsentFacts(true, ImmutableArray<string>.Empty);

        private readonly ImmutableArray<string> _purposes;

        private ConsentFacts(bool all, ImmutableArray<string> purposes)
        {
            IsAll = all;
            _purposes = purposes;
        }

        public bool IsAll { get; }

        /// <summary>The purposes consent was checked for (empty when <see cref="IsAll"/>).</summary>
        public ImmutableArray<string> Purposes => _purposes.IsDefault ? ImmutableArray<string>.Empty : _purposes;

        public bool IsNone => !IsAll && Purposes.IsEmpty;

        public static ConsentFacts For(ImmutableArray<string> purposes)
            => purposes.IsDefaultOrEmpty ? All : new ConsentFacts(false, purposes.Distinct(PurposeList.Comparer).OrderBy(p => p, PurposeList.Comparer).ToImmutableArray());

        /// <summary>True when the consent covers data collected for <paramref name="item"/>'s purposes.</summary>
        public bool Covers(DataItem item)
        {
            if (IsAll)
            {
                return true;
            }

            if (item.Purposes.IsDefaultOrEmpty)
            {
                // Data with no declared purpose: any consent check counts.
                return !Purposes.IsEmpty;
            }

            foreach (var purpose in item.Purposes)
            {
                if (Purposes.Contains(purpose, PurposeList.Comparer))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the consent covers <paramref name="purpose"/> (null: any consent at all).</summary>
        public bool Covers(string? purpose)
            => IsAll || (purpose is null ? !Purposes.IsEmpty : Purposes.Contains(purpose, PurposeList.Comparer));

        /// <summary>Both hold: after two checks in a row.</summary>
        public ConsentFacts Union(ConsentFacts other)
        {
            if (IsAll || other.IsNone)
            {
                return this;
            }

            if (other.IsAll || IsNone)
            {
                return other;
            }

            return For(Purposes.AddRange(other.Purposes));
        }

        /// <summary>What holds on both of two paths.</summary>
        public ConsentFacts Intersect(ConsentFacts other)
        {
            if (IsAll)
            {
                return other;
            }

            if (other.IsAll)
            {
                return this;
            }

            if (IsNone || other.IsNone)
            {
                return None;
            }

            // Loops, not LINQ: states merge at every join of every graph, mostly with no purposes on either side.
            var common = ImmutableArray.CreateBuilder<string>();
            foreach (var purpose in other.Purposes)
            {
                if (Purposes.Contains(purpose, PurposeList.Comparer))
                {
                    common.Add(purpose);
                }
            }

            return common.Count == 0 ? None : new ConsentFacts(false, common.ToImmutable());
        }

        public bool SetEquals(ConsentFacts other)
        {
            if (IsAll != other.IsAll || Purposes.Length != other.Purposes.Length)
            {
                return false;
            }

            foreach (var purpose in Purposes)
            {
                if (!other.Purposes.Contains(purpose, PurposeList.Comparer))
                {
                    return false;
                }
            }

            return true;
        }

        public override string ToString() => IsAll ? "all" : IsNone ? "none" : string.Join(",", Purposes);
    }

    /// <summary>What a boolean value says about consent: the facts that hold when it is true, and when it is false.</summary>
    internal readonly struct ConsentCondition
    {
        public static readonly ConsentCondition Unknown = default;

        public ConsentCondition(ConsentFacts whenTrue, ConsentFacts whenFalse)
        {
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        public ConsentFacts WhenTrue { get; }

        public ConsentFacts WhenFalse { get; }

        public bool IsUnknown => WhenTrue.IsNone && WhenFalse.IsNone;

        public ConsentCondition Negate() => new ConsentCondition(WhenFalse, WhenTrue);

        public ConsentCondition Intersect(ConsentCondition other) => new ConsentCondition(WhenTrue.Intersect(other.WhenTrue), WhenFalse.Intersect(other.WhenFalse));

        public bool SetEquals(ConsentCondition other) => WhenTrue.SetEquals(other.WhenTrue) && WhenFalse.SetEquals(other.WhenFalse);
    }
}
