namespace PiiAnalyzers.Configuration
{
    /// <summary>Name patterns of the options: <c>*</c> stands for any text, dots included; everything else is literal.</summary>
    internal static class Wildcard
    {
        /// <summary>Whether <paramref name="text"/> matches <paramref name="pattern"/> as a whole (ordinal).</summary>
        public static bool Matches(string pattern, string text)
        {
            int p = 0, t = 0, star = -1, resume = 0;
            while (t < text.Length)
            {
                if (p < pattern.Length && pattern[p] == '*')
                {
                    star = p++;
                    resume = t;
                }
                else if (p < pattern.Length && pattern[p] == text[t])
                {
                    p++;
                    t++;
                }
                else if (star >= 0)
                {
                    p = star + 1;
                    t = ++resume;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }
    }
}
