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
