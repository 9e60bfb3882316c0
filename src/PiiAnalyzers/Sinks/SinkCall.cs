using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Sinks
{
    /// <summary>One value handed to a sink.</summary>
    internal readonly struct SinkArgument
    {
        public SinkArgument(IOperation value, bool membersVisible)
        {
            Value = value;
            MembersVisible = membersVisible;
        }

        /// <summary>The argument value (for a params array, one element); diagnostics are located on it.</summary>
        public IOperation Value { get; }

        /// <summary>
        /// The sink writes out the value's members, not only its text: Serilog/NLog/MEL destructuring (<c>{@Visitor}</c>),
        /// <c>ForContext(name, value, destructureObjects: true)</c>, serializers.
        /// </summary>
        public bool MembersVisible { get; }
    }

    /// <summary>A call (or object creation) that writes its arguments somewhere personal data must not go unchecked.</summary>
    internal sealed class SinkCall
    {
        public SinkCall(SinkKind kind, SinkName name, ImmutableArray<SinkArgument> arguments, INamedTypeSymbol? ignoreAttribute = null, ImmutableArray<string> purposes = default, bool entityStore = false, bool returnsSerialized = false)
        {
            ReturnsSerialized = returnsSerialized;
            Kind = kind;
            Name = name;
            Arguments = arguments;
            IgnoreAttribute = ignoreAttribute;
            Purposes = purposes.IsDefault ? ImmutableArray<string>.Empty : purposes;
            EntityStore = entityStore;
        }

        /// <summary>
        /// An ORM (EF Core) that stores an entity's own columns: a navigation to another entity refers to its row and
        /// stores nothing of it.
        /// </summary>
        public bool EntityStore { get; }

        /// <summary>The call returns the serialized form of what it is given (<c>JsonSerializer.Serialize</c>): every member.</summary>
        public bool ReturnsSerialized { get; }

        /// <summary>
        /// The purposes the sink serves (an audit log kept for <c>security</c>: see <see cref="SinkPurposes"/>); empty for
        /// a plain sink.
        /// </summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>This sink, serving <paramref name="purposes"/> as well.</summary>
        public SinkCall WithPurposes(ImmutableArray<string> purposes)
            => purposes.IsDefaultOrEmpty ? this : new SinkCall(Kind, Name, Arguments, IgnoreAttribute, SinkPurposes.Union(Purposes, purposes), EntityStore, ReturnsSerialized);

        /// <summary>
        /// The attribute that makes this serializer or store skip a member (System.Text.Json's or Newtonsoft's
        /// <c>JsonIgnore</c>, EF Core's <c>NotMapped</c>): data in members carrying it does not reach the sink.
        /// </summary>
        public INamedTypeSymbol? IgnoreAttribute { get; }

        public SinkKind Kind { get; }

        /// <summary>What the sink is called (diagnostics show it as <c>'LogInformation'</c>, <c>'Console.WriteLine'</c>).</summary>
        public SinkName Name { get; }

        public ImmutableArray<SinkArgument> Arguments { get; }
    }
}
