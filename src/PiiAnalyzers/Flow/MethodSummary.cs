using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>A sink a parameter of a summarized method reaches.</summary>
    internal readonly struct ParameterSink
    {
        public ParameterSink(SinkKind kind, string display, bool membersVisible, ConsentFacts consent, ITypeSymbol? rootType, ImmutableArray<string> purposes = default)
        {
            Purposes = purposes.IsDefault ? ImmutableArray<string>.Empty : purposes;
            Kind = kind;
            Display = display;
            MembersVisible = membersVisible;
            Consent = consent;
            RootType = rootType;
        }

        /// <summary>The consent the helper itself has checked on every path to the sink.</summary>
        public ConsentFacts Consent { get; }

        /// <summary>The type written to the sink, as the helper sees it.</summary>
        public ITypeSymbol? RootType { get; }

        public SinkKind Kind { get; }

        /// <summary>The purposes the innermost sink serves (an audit log kept for <c>security</c>).</summary>
        public ImmutableArray<string> Purposes { get; }

        /// <summary>The innermost sink, quoted: <c>'LogInformation'</c>.</summary>
        public string Display { get; }

        /// <summary>The sink writes the argument's members out (destructuring, serialization), not only its text.</summary>
        public bool MembersVisible { get; }
    }

    /// <summary>
    /// What a source method does with personal data, seen from a call site: which parameters reach which sinks, and
    /// what its return value carries — declared data it reads itself, and placeholders for what flows from its
    /// parameters (<see cref="PersonalData.Origin.IsParameter"/>), substituted with the caller's arguments.
    /// </summary>
    internal sealed class MethodSummary
    {
        public static readonly MethodSummary Empty = new MethodSummary(ImmutableArray<ImmutableArray<ParameterSink>>.Empty, Taint.Clean);

        public MethodSummary(ImmutableArray<ImmutableArray<ParameterSink>> parameterSinks, Taint returns)
        {
            ParameterSinks = parameterSinks;
            Returns = returns;
        }

        /// <summary>Indexed by parameter ordinal; may be shorter than the parameter list.</summary>
        public ImmutableArray<ImmutableArray<ParameterSink>> ParameterSinks { get; }

        public Taint Returns { get; }

        public ImmutableArray<ParameterSink> SinksOf(int ordinal)
            => ordinal >= 0 && ordinal < ParameterSinks.Length ? ParameterSinks[ordinal] : ImmutableArray<ParameterSink>.Empty;
    }
}
