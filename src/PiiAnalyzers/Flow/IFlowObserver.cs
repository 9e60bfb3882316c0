using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>Told, once per sink argument, when data reaches a sink (directly or through a summarized helper).</summary>
    internal interface IFlowObserver
    {
        /// <summary>
        /// Data reaches a sink. Called in the analysis' final pass only, once per sink argument, and possibly again for
        /// the same argument when a lambda or local function is analyzed from several places.
        /// </summary>
        /// <param name="kind">The kind of sink.</param>
        /// <param name="sink">The sink, quoted: <c>'LogInformation'</c>.</param>
        /// <param name="helper">The source method the data was passed to that reaches the sink, quoted (<c>'Audit'</c>), or null.</param>
        /// <param name="value">The argument that carries the data; diagnostics are located on it.</param>
        /// <param name="visible">The origins of the data the sink writes out (never empty).</param>
        /// <param name="membersVisible">The sink writes the value's members out, not only its text.</param>
        void OnSink(SinkKind kind, string sink, string? helper, IOperation value, ImmutableArray<Origin> visible, bool membersVisible);
    }
}
