using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>A sink a parameter of a summarized method reaches.</summary>
    internal readonly struct ParameterSink
    {
        public ParameterSink(SinkKind kind, SinkName sink, bool membersVisible, ConsentFacts consent, ITypeSymbol? rootType, ImmutableArray<string> purposes = default, INamedTypeSymbol? ignoreAttribute = null, bool entityStore = false)
        {
            Purposes = purposes.IsDefault ? ImmutableArray<string>.Empty : purposes;
            IgnoreAttribute = ignoreAttribute;
            EntityStore = entityStore;
            Kind = kind;
            Sink = sink;
            MembersVisible = membersVisible;
            Consent = consent;
            RootType = rootType;
        }

        /// <summary>The attribute with which the sink leaves a member out (<c>JsonIgnore</c>, <c>NotMapped</c>), if any.</summary>
        public INamedTypeSymbol? IgnoreAttribute { get; }

        /// <summary>The sink is an ORM that stores an entity's own columns, not the rows its navigations point at.</summary>
        public bool EntityStore { get; }

        /// <summary>The consent the helper itself has checked on every path to the sink.</summary>
        public ConsentFacts Consent { get; }

        /// <summary>The type written to the sink, as the helper sees it.</summary>
        public ITypeSymbol? RootType { get; }

        public SinkKind Kind { get; }

        /// <summary>The purposes the innermost sink serves (an audit log kept for <c>security</c>).</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>The innermost sink.</summary>
        public SinkName Sink { get; }

        /// <summary>The sink writes the argument's members out (destructuring, serialization), not only its text.</summary>
        public bool MembersVisible { get; }
    }

    /// <summary>
    /// Declared data a summarized method writes to a sink that needs consent, whatever its parameters: judged at the
    /// calls of a helper whose callers are all known (<see cref="CallerConsent"/>), for the data their arguments hold.
    /// </summary>
    internal readonly struct DataSink
    {
        public DataSink(ParameterSink sink, ImmutableArray<PersonalData.Origin> data)
        {
            Sink = sink;
            Data = data;
        }

        public ParameterSink Sink { get; }

        /// <summary>The declared data written (never a parameter placeholder).</summary>
        public ImmutableArray<PersonalData.Origin> Data { get; }
    }

    /// <summary>
    /// What a source method does with personal data, seen from a call site: which parameters reach which sinks, and
    /// what its return value carries — declared data it reads itself, and placeholders for what flows from its
    /// parameters (<see cref="PersonalData.Origin.IsParameter"/>), substituted with the caller's arguments.
    /// </summary>
    internal sealed class MethodSummary
    {
        public static readonly MethodSummary Empty = new MethodSummary(ImmutableArray<ImmutableArray<ParameterSink>>.Empty, Taint.Clean);

        public MethodSummary(ImmutableArray<ImmutableArray<ParameterSink>> parameterSinks, Taint returns, ImmutableArray<Taint> parameterWrites = default, ImmutableArray<DataSink> dataSinks = default, ImmutableArray<Taint> returnElements = default)
        {
            ReturnElements = returnElements;
            DataSinks = dataSinks.IsDefault ? ImmutableArray<DataSink>.Empty : dataSinks;
            ParameterSinks = parameterSinks;
            Returns = returns;
            ParameterWrites = parameterWrites;
        }

        /// <summary>
        /// What the method puts into the object each parameter refers to, by ordinal (default: nothing anywhere), with
        /// placeholders for what came from the other parameters: <c>Fill(template, user)</c> writing
        /// <c>template["name"] = user.Name</c> leaves the caller's template holding the user's name.
        /// </summary>
        public ImmutableArray<Taint> ParameterWrites { get; }

        /// <summary>
        /// For a method returning a tuple (or a task of one) built element by element on every path: what each element
        /// holds, by position, with placeholders for the parameters; default when only the whole is known.
        /// </summary>
        public ImmutableArray<Taint> ReturnElements { get; }

        /// <summary>The declared data the method writes to sinks that need consent.</summary>
        public ImmutableArray<DataSink> DataSinks { get; }

        public Taint WritesOf(int ordinal)
            => !ParameterWrites.IsDefault && ordinal >= 0 && ordinal < ParameterWrites.Length ? ParameterWrites[ordinal] : Taint.Clean;

        /// <summary>Indexed by parameter ordinal; may be shorter than the parameter list.</summary>
        public ImmutableArray<ImmutableArray<ParameterSink>> ParameterSinks { get; }

        public Taint Returns { get; }

        /// <summary>What either of two bodies does: a virtual call that may run either (their sinks and returns, together).</summary>
        public MethodSummary Join(MethodSummary other)
        {
            var length = System.Math.Max(ParameterSinks.Length, other.ParameterSinks.Length);
            var sinks = ImmutableArray.CreateBuilder<ImmutableArray<ParameterSink>>(length);
            for (var i = 0; i < length; i++)
            {
                var mine = SinksOf(i);
                var theirs = other.SinksOf(i);
                sinks.Add(mine.IsEmpty ? theirs : theirs.IsEmpty ? mine : mine.AddRange(theirs));
            }

            var writes = ParameterWrites;
            if (!other.ParameterWrites.IsDefault)
            {
                var joined = new Taint[System.Math.Max(ParameterWrites.IsDefault ? 0 : ParameterWrites.Length, other.ParameterWrites.Length)];
                for (var i = 0; i < joined.Length; i++)
                {
                    joined[i] = WritesOf(i).Union(other.WritesOf(i));
                }

                writes = joined.ToImmutableArray();
            }

            var elements = default(ImmutableArray<Taint>);
            if (!ReturnElements.IsDefault && !other.ReturnElements.IsDefault && ReturnElements.Length == other.ReturnElements.Length)
            {
                elements = ReturnElements.Select((element, i) => element.Union(other.ReturnElements[i])).ToImmutableArray();
            }

            return new MethodSummary(sinks.MoveToImmutable(), Returns.Union(other.Returns), writes, DataSinks.AddRange(other.DataSinks), elements);
        }

        public ImmutableArray<ParameterSink> SinksOf(int ordinal)
            => ordinal >= 0 && ordinal < ParameterSinks.Length ? ParameterSinks[ordinal] : ImmutableArray<ParameterSink>.Empty;
    }
}
