using System.Collections.Immutable;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// The holes of a structured-logging message template (Microsoft.Extensions.Logging, Serilog, NLog):
    /// <c>"Visitor {Email} from {@Visitor}"</c> has holes <c>Email</c> and <c>@Visitor</c>; <c>{{</c> and <c>}}</c> are escapes.
    /// </summary>
    internal static class MessageTemplate
    {
        /// <summary>For each hole in order, whether it destructures its value (<c>{@Name}</c>).</summary>
        public static ImmutableArray<bool> ParseDestructuring(string template)
        {
            var builder = ImmutableArray.CreateBuilder<bool>();
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c == '{')
                {
                    if (i + 1 < template.Length && template[i + 1] == '{')
                    {
                        i++;
                        continue;
                    }

                    var end = template.IndexOf('}', i + 1);
                    if (end < 0)
                    {
                        break;
                    }

                    builder.Add(end > i + 1 && template[i + 1] == '@');
                    i = end;
                }
            }

            return builder.ToImmutable();
        }
    }
}
