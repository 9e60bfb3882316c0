using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace PiiAnalyzers.Tests
{
    /// <summary>The message arguments of the sink rules (PII001 to PII005), whose last argument is the verb.</summary>
    internal static class SinkMessageArguments
    {
        /// <summary>
        /// <paramref name="arguments"/> as written in the message (data, sink, ...), then the verb the list of data takes:
        /// "is" for one item, "are" for several (<c>'A' (...) and 'B' (...)</c>, <c>'A' (...) and 2 more</c>).
        /// </summary>
        public static DiagnosticResult WithDataArguments(this DiagnosticResult result, params object[] arguments)
            => result.Id is "PII001" or "PII002" or "PII003" or "PII004" or "PII005"
                ? result.WithArguments(arguments.Append(Verb((string)arguments[0])).ToArray())
                : result.WithArguments(arguments);

        /// <summary>The verb for a list of data as the message writes it.</summary>
        public static string Verb(string data) => data.Contains(") and ", System.StringComparison.Ordinal) ? "are" : "is";
    }
}
