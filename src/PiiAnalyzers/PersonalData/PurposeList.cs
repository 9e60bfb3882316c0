using System;
using System.Collections.Immutable;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>Parses purpose lists: one purpose, or several separated by commas (<c>"support,billing"</c>).</summary>
    internal static class PurposeList
    {
        private static readonly char[] Separators = { ',' };

        /// <summary>
        /// The items of <paramref name="purposes"/>, trimmed, in order, empty items included (so a caller can report
        /// <c>"support,,billing"</c>). Null or whitespace gives an empty array.
        /// </summary>
        public static ImmutableArray<string> Split(string? purposes)
        {
            if (purposes is null || purposes.Trim().Length == 0)
            {
                return ImmutableArray<string>.Empty;
            }

            var parts = purposes.Split(Separators, StringSplitOptions.None);
            var builder = ImmutableArray.CreateBuilder<string>(parts.Length);
            foreach (var part in parts)
            {
                builder.Add(part.Trim());
            }

            return builder.MoveToImmutable();
        }

        /// <summary>The non-empty items of <paramref name="purposes"/>, trimmed.</summary>
        public static ImmutableArray<string> Parse(string? purposes)
        {
            var items = Split(purposes);
            return items.RemoveAll(p => p.Length == 0);
        }

        /// <summary>Purposes compare case-insensitively: <c>"Support"</c> and <c>"support"</c> are one purpose.</summary>
        public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;
    }
}
