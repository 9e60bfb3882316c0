using System.Collections.Immutable;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// One row of a sink table (<see cref="SinkTables"/>): a library type by metadata name, the methods of it that are
    /// sinks, the overload when only one is, and which parameters carry data. Rows are plain data; <see cref="SinkCatalog"/>
    /// resolves them once per compilation and matches every call against them.
    /// </summary>
    internal sealed class SinkRow
    {
        /// <summary>The parameter names that take a logging call's message template.</summary>
        public static readonly ImmutableArray<string> MessageTemplates = ImmutableArray.Create("message", "messageTemplate", "messageFormat", "format");

        private SinkRow(SinkKind kind, string type, ImmutableArray<string> methods)
        {
            Kind = kind;
            Type = type;
            Methods = methods;
            Templates = kind == SinkKind.Logging ? MessageTemplates : ImmutableArray<string>.Empty;
        }

        private SinkRow(SinkRow other)
        {
            Kind = other.Kind;
            Type = other.Type;
            Methods = other.Methods;
            Overload = other.Overload;
            Data = other.Data;
            Templates = other.Templates;
            DestructureFlag = other.DestructureFlag;
            StaticDisplay = other.StaticDisplay;
            WritesMembers = other.WritesMembers;
            IgnoreAttribute = other.IgnoreAttribute;
            EntityStore = other.EntityStore;
            Derived = other.Derived;
            ReturnsSerialized = other.ReturnsSerialized;
        }

        public SinkKind Kind { get; }

        /// <summary>The type's metadata name (<c>Namespace.Type</c>, <c>Outer+Inner</c>, <c>Generic`1</c>).</summary>
        public string Type { get; }

        /// <summary>The methods that are sinks; empty for every method of the type.</summary>
        public ImmutableArray<string> Methods { get; private set; }

        /// <summary>The parameter types (metadata names) of the one overload that is a sink; default for every overload.</summary>
        public ImmutableArray<string> Overload { get; private set; }

        /// <summary>The names of the parameters that carry data; empty for every parameter that is not configuration.</summary>
        public ImmutableArray<string> Data { get; private set; } = ImmutableArray<string>.Empty;

        /// <summary>The names a message-template parameter may have (logging only): its holes say which values are destructured.</summary>
        public ImmutableArray<string> Templates { get; private set; }

        /// <summary>The <c>bool</c> parameter that, when <c>true</c>, writes every value's members out (Serilog's <c>destructureObjects</c>).</summary>
        public string? DestructureFlag { get; private set; }

        /// <summary>Diagnostics name the sink with its type (<c>'Log.Warning'</c>), as for a static class.</summary>
        public bool StaticDisplay { get; private set; }

        /// <summary>A logging sink that writes its values' members out (tags, property dictionaries), not only their text.</summary>
        public bool WritesMembers { get; private set; }

        /// <summary>The metadata name of the attribute with which the sink leaves a member out (<c>JsonIgnore</c>, <c>NotMapped</c>).</summary>
        public string? IgnoreAttribute { get; private set; }

        /// <summary>An ORM that stores an entity's own columns, not the rows its navigations point at.</summary>
        public bool EntityStore { get; private set; }

        /// <summary>Types derived from <see cref="Type"/> match as well (their inherited methods bind to it anyway).</summary>
        public bool Derived { get; private set; }

        /// <summary>The call returns the serialized form of its data arguments (text or bytes holding every member).</summary>
        public bool ReturnsSerialized { get; private set; }

        public static SinkRow Logging(string type, params string[] methods) => new SinkRow(SinkKind.Logging, type, ImmutableArray.Create(methods));

        public static SinkRow Serialization(string type, params string[] methods) => new SinkRow(SinkKind.Serialization, type, ImmutableArray.Create(methods));

        public static SinkRow Persistence(string type, params string[] methods) => new SinkRow(SinkKind.Persistence, type, ImmutableArray.Create(methods));

        public static SinkRow Transfer(string type, params string[] methods) => new SinkRow(SinkKind.Transfer, type, ImmutableArray.Create(methods));

        /// <summary>Only the overload with these parameter types (metadata names, in order).</summary>
        public SinkRow WithOverload(params string[] parameterTypes) => new SinkRow(this) { Overload = ImmutableArray.Create(parameterTypes) };

        /// <summary>Only these parameters carry data.</summary>
        public SinkRow WithData(params string[] parameters) => new SinkRow(this) { Data = ImmutableArray.Create(parameters) };

        public SinkRow WithoutTemplate() => new SinkRow(this) { Templates = ImmutableArray<string>.Empty };

        public SinkRow WithDestructureFlag(string parameter) => new SinkRow(this) { DestructureFlag = parameter };

        public SinkRow Static() => new SinkRow(this) { StaticDisplay = true };

        public SinkRow WritingMembers() => new SinkRow(this) { WritesMembers = true };

        public SinkRow Ignoring(string attribute) => new SinkRow(this) { IgnoreAttribute = attribute };

        public SinkRow AsEntityStore() => new SinkRow(this) { EntityStore = true };

        public SinkRow AndDerived() => new SinkRow(this) { Derived = true };

        public SinkRow ReturningSerialized() => new SinkRow(this) { ReturnsSerialized = true };

        /// <summary>Whether the row names <paramref name="method"/> (by name; the overload is checked by the catalog).</summary>
        public bool Names(string method) => Methods.IsEmpty || Methods.IndexOf(method) >= 0;

        /// <summary>Whether <paramref name="parameter"/> is one the row says carries data (every one, when it names none).</summary>
        public bool CarriesData(string parameter) => Data.IsEmpty || Data.IndexOf(parameter) >= 0;
    }
}
