using System.Text;

namespace PiiAnalyzers
{
    /// <summary>What goes into a diagnostic's message from the user's code: printable, on one line, of bounded length.</summary>
    internal static class MessageText
    {
        /// <summary>
        /// How long a message may grow before its list of data items is cut ("and 3 more"; one item is always named):
        /// about what a build log line or a dashboard's column shows.
        /// </summary>
        public const int MaxMessageLength = 300;

        /// <summary>
        /// <paramref name="text"/> with control characters escaped as in C# (<c>\n</c>, <c>\t</c>, <c>\u0007</c>): a newline
        /// in a purpose would otherwise cut the build's warning line in two.
        /// </summary>
        public static string Escape(string text)
        {
            var i = 0;
            while (i < text.Length && !char.IsControl(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                return text;
            }

            var escaped = new StringBuilder(text.Length + 8).Append(text, 0, i);
            for (; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\n': escaped.Append("\\n"); break;
                    case '\r': escaped.Append("\\r"); break;
                    case '\t': escaped.Append("\\t"); break;
                    case '\0': escaped.Append("\\0"); break;
                    default:
                        if (char.IsControl(c))
                        {
                            escaped.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            escaped.Append(c);
                        }

                        break;
                }
            }

            return escaped.ToString();
        }

        /// <summary>Every argument escaped (see <see cref="Escape(string)"/>).</summary>
        public static object?[] Arguments(params string?[] arguments)
        {
            var escaped = new object?[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                escaped[i] = arguments[i] is { } text ? Escape(text) : null;
            }

            return escaped;
        }
    }
}
