namespace PiiAnalyzers.Sinks
{
    /// <summary>Where personal data ends up; the values match <c>PiiAttributes.SinkKind</c>.</summary>
    internal enum SinkKind
    {
        Logging = 0,
        Serialization = 1,
        Persistence = 2,
        Transfer = 3,
    }
}

namespace PiiAnalyzers.Sinks
{
    internal static class SinkKinds
    {
        /// <summary>Data reaching the sink needs consent when collected on that basis (all but logging, which never may).</summary>
        public static bool NeedsConsent(SinkKind kind) => kind != SinkKind.Logging;
    }
}
