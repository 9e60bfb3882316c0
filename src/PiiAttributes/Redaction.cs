using System;
using System.Text;

namespace PiiAttributes
{
    /// <summary>
    /// Ready-made redaction for values that must be shown in logs or messages without revealing the personal data
    /// they hold (data minimisation, GDPR Art. 5(1)(c)).
    /// </summary>
    public static class Redaction
    {
        private const string Stars = "***";

        /// <summary>
        /// Masks a value so that a person reading it can still tell values apart roughly, but cannot recover them.
        /// The length of the original is never revealed.
        /// <list type="bullet">
        /// <item><description><c>null</c> or empty: <c>""</c>.</description></item>
        /// <item><description>An email address: first letter of the mailbox and of the domain, and the top-level domain:
        /// <c>jane.doe@example.com</c> becomes <c>j***@e***.com</c>.</description></item>
        /// <item><description>An IPv4 address: the last octet is hidden: <c>203.0.113.42</c> becomes <c>203.0.113.***</c>.
        /// An IPv6 address keeps its first two groups: <c>2001:db8:***</c>.</description></item>
        /// <item><description>A phone or card number (digits with spaces, dashes, dots, brackets or a plus):
        /// only the last two digits remain: <c>+44 20 7946 0958</c> becomes <c>***58</c>.</description></item>
        /// <item><description>Anything else: the first character followed by <c>***</c> (<c>Jane Doe</c> becomes <c>J***</c>);
        /// values of two characters or fewer become <c>***</c>.</description></item>
        /// </list>
        /// </summary>
        /// <param name="value">The value to mask.</param>
        /// <returns>The masked value; it no longer carries personal data.</returns>
        [Redactor]
        public static string Mask(string? value)
        {
            if (value is null)
            {
                return string.Empty;
            }

            var text = value.Trim();
            if (text.Length == 0)
            {
                return string.Empty;
            }

            var at = text.LastIndexOf('@');
            if (at > 0 && at < text.Length - 1)
            {
                return MaskEmail(text.Substring(0, at), text.Substring(at + 1));
            }

            if (TryMaskIPv4(text, out var ip) || TryMaskIPv6(text, out ip))
            {
                return ip;
            }

            if (IsNumberLike(text, out var digits) && digits.Length >= 4)
            {
                return Stars + digits.Substring(digits.Length - 2);
            }

            return text.Length <= 2 ? Stars : text.Substring(0, 1) + Stars;
        }

        private static string MaskEmail(string mailbox, string domain)
        {
            var builder = new StringBuilder();
            builder.Append(mailbox[0]).Append(Stars).Append('@');
            var dot = domain.LastIndexOf('.');
            if (dot > 0 && dot < domain.Length - 1)
            {
                builder.Append(domain[0]).Append(Stars).Append(domain.Substring(dot));
            }
            else
            {
                builder.Append(Stars);
            }

            return builder.ToString();
        }

        private static bool TryMaskIPv4(string text, out string masked)
        {
            masked = string.Empty;
            var parts = text.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || part.Length > 3 || !int.TryParse(part, out var octet) || octet > 255)
                {
                    return false;
                }

                foreach (var c in part)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }
            }

            masked = parts[0] + "." + parts[1] + "." + parts[2] + "." + Stars;
            return true;
        }

        private static bool TryMaskIPv6(string text, out string masked)
        {
            masked = string.Empty;
            if (text.IndexOf(':') < 0 || text.Split(':').Length < 3)
            {
                return false;
            }

            foreach (var c in text)
            {
                var hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex && c != ':' && c != '.')
                {
                    return false;
                }
            }

            var groups = text.Split(new[] { ':' }, StringSplitOptions.None);
            masked = groups[0] + ":" + groups[1] + ":" + Stars;
            return true;
        }

        private static bool IsNumberLike(string text, out string digits)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c >= '0' && c <= '9')
                {
                    builder.Append(c);
                }
                else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+' && c != '/')
                {
                    digits = string.Empty;
                    return false;
                }
            }

            digits = builder.ToString();
            return true;
        }
    }
}
