using System.Collections.Immutable;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// The purposes a logging sink serves — an audit log kept for <c>security</c> — and which data a sink serving them may
    /// hold: data collected for one of those purposes, and for <c>security</c> also identifiers and online identifiers
    /// that declare no purpose (user names, IP addresses in login and lockout events). Contact data, content, financial
    /// data and special categories stay leaks in any log unless collected for the sink's purpose.
    /// </summary>
    internal static class SinkPurposes
    {
        /// <summary>The purpose of security audit logs.</summary>
        public const string Security = "security";

        /// <summary>The <c>PiiAttributes.PersonalDataCategory.Identifier</c> value.</summary>
        private const int IdentifierCategory = 1;

        /// <summary>The <c>PiiAttributes.PersonalDataCategory.OnlineIdentifier</c> value.</summary>
        private const int OnlineIdentifierCategory = 3;

        /// <summary>True when writing <paramref name="item"/> to a sink that serves <paramref name="sinkPurposes"/> is that purpose's processing.</summary>
        public static bool Serves(ImmutableArray<string> sinkPurposes, DataItem item)
        {
            if (sinkPurposes.IsDefaultOrEmpty)
            {
                return false;
            }

            if (item.Purposes.IsDefaultOrEmpty)
            {
                return (item.Category == IdentifierCategory || item.Category == OnlineIdentifierCategory) && Contains(sinkPurposes, Security);
            }

            foreach (var purpose in item.Purposes)
            {
                if (Contains(sinkPurposes, purpose))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Both lists, without duplicates (purposes compare case-insensitively).</summary>
        public static ImmutableArray<string> Union(ImmutableArray<string> first, ImmutableArray<string> second)
        {
            if (first.IsDefaultOrEmpty)
            {
                return second.IsDefault ? ImmutableArray<string>.Empty : second;
            }

            var builder = first.ToBuilder();
            foreach (var purpose in second.IsDefault ? ImmutableArray<string>.Empty : second)
            {
                if (!Contains(first, purpose))
                {
                    builder.Add(purpose);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>True when both lists hold the same purposes in the same order.</summary>
        public static bool SameAs(ImmutableArray<string> first, ImmutableArray<string> second)
        {
            if (first.Length != second.Length)
            {
                return false;
            }

            for (var i = 0; i < first.Length; i++)
            {
                if (!PurposeList.Comparer.Equals(first[i], second[i]))
                {
                    return false;
                }
            }

            return true;
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
    }
}
