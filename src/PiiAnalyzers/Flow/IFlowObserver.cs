using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>Data reaching a sink, directly or through a summarized helper.</summary>
    internal readonly struct SinkEvent
    {
        public SinkEvent(SinkKind kind, SinkName sink, IMethodSymbol? helper, IOperation call, IOperation argument, ImmutableArray<Origin> visible, bool membersVisible, ConsentFacts consent, ITypeSymbol? rootType, INamedTypeSymbol? ignoreAttribute = null, ImmutableArray<string> purposes = default, bool entityStore = false, bool consentOnly = false, ImmutableArray<Origin> ignorable = default)
        {
            ConsentOnly = consentOnly;
            Ignorable = ignorable.IsDefault ? ImmutableArray<Origin>.Empty : ignorable;
            Purposes = purposes.IsDefault ? ImmutableArray<string>.Empty : purposes;
            EntityStore = entityStore;
            Kind = kind;
            Sink = sink;
            Helper = helper;
            Call = call;
            Argument = argument;
            Visible = visible;
            MembersVisible = membersVisible;
            Consent = consent;
            RootType = rootType;
            IgnoreAttribute = ignoreAttribute;
        }

        public SinkKind Kind { get; }

        /// <summary>
        /// Judged only for consent: data a closed helper's parameter type holds, reaching a sink inside it, reported at
        /// the helper's call (the helper reports its other rules, retention among them, itself).
        /// </summary>
        public bool ConsentOnly { get; }

        /// <summary>The purposes the sink serves (an audit log kept for <c>security</c>); empty for a plain sink.</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>The sink (<c>'LogInformation'</c> in messages).</summary>
        public SinkName Sink { get; }

        /// <summary>The source method the data was passed to that reaches the sink (<c>'Audit'</c> in messages), or null.</summary>
        public IMethodSymbol? Helper { get; }

        /// <summary>The call (or creation, or assignment) that writes to the sink; for a helper, the call to the helper.</summary>
        public IOperation Call { get; }

        /// <summary>The argument that carries the data.</summary>
        public IOperation Argument { get; }

        /// <summary>The origins of the data the sink writes out (never empty).</summary>
        public ImmutableArray<Origin> Visible { get; }

        /// <summary>The sink writes the value's members out, not only its text.</summary>
        public bool MembersVisible { get; }

        /// <summary>The consent given on every path to the sink (for a helper: at the call, plus inside the helper).</summary>
        public ConsentFacts Consent { get; }

        /// <summary>The type of the value written (an element type for a collection), or null: the persisted root type.</summary>
        public ITypeSymbol? RootType { get; }

        /// <summary>The attribute with which a member is left out by this sink (<c>JsonIgnore</c>, <c>NotMapped</c>), if any.</summary>
        public INamedTypeSymbol? IgnoreAttribute { get; }

        /// <summary>The sink is an ORM that stores an entity's own columns, not the rows its navigations point at.</summary>
        public bool EntityStore { get; }

        /// <summary>
        /// For a serializer: the data of <see cref="Visible"/> that <see cref="IgnoreAttribute"/> on its member would leave
        /// out, because the serializer writes the value out itself (not text made of it) and holds the data through that
        /// member. Empty for other sinks, and for a helper's sink, judged at the helper's call.
        /// </summary>
        public ImmutableArray<Origin> Ignorable { get; }

        /// <summary>"'Audit' (through 'LogInformation')" or "'LogInformation'".</summary>
        public string Describe() => Helper is null ? Sink.ToString() : "'" + Helper.Name + "' (through " + Sink + ")";
    }

    /// <summary>Told what the flow engine finds in a method body, in its final pass.</summary>
    internal interface IFlowObserver
    {
        /// <summary>
        /// Data reaches a sink. Called once per sink argument, and possibly again for the same argument when a lambda or
        /// local function is analyzed from several places.
        /// </summary>
        void OnSink(in SinkEvent sink);

        /// <summary>A <c>[RequiresConsent]</c> method or constructor is called with <paramref name="consent"/> given.</summary>
        void OnConsentRequired(IOperation call, IMethodSymbol method, ConsentMarker requirement, ConsentFacts consent);
    }
}
