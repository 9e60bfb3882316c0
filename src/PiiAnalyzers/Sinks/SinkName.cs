using System;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// What a sink is called, as parts: the matcher records which member was called and on what; the text diagnostics
    /// show (<see cref="ToString"/>) is made where they are made.
    /// </summary>
    internal readonly struct SinkName : IEquatable<SinkName>
    {
        private SinkName(string? owner, string member, SinkNameShape shape)
        {
            Owner = owner;
            Member = member;
            Shape = shape;
        }

        /// <summary>What the member is called on when the name shows it (<c>Log</c>, <c>Console.Error</c>, <c>SqlParameter</c>), or null.</summary>
        public string? Owner { get; }

        /// <summary>The method, property, or exception type.</summary>
        public string Member { get; }

        public SinkNameShape Shape { get; }

        /// <summary>A call: <c>'LogInformation'</c>, or with its owner <c>'Log.Warning'</c>.</summary>
        public static SinkName Call(string? owner, string member) => new SinkName(owner, member, SinkNameShape.Call);

        /// <summary>The message of a new exception of the type named <paramref name="exceptionType"/>.</summary>
        public static SinkName ExceptionMessage(string exceptionType) => new SinkName(null, exceptionType, SinkNameShape.ExceptionMessage);

        /// <summary>The response an action (<c>VisitorsController.Get</c>) returns into.</summary>
        public static SinkName ActionResponse(string controller, string action) => new SinkName(controller, action, SinkNameShape.ActionResponse);

        /// <summary>The response of a route handler passed to <paramref name="map"/> (<c>MapGet</c>).</summary>
        public static SinkName HandlerResponse(string map) => new SinkName(null, map, SinkNameShape.HandlerResponse);

        /// <summary>A delegate <c>LoggerMessage.Define</c> made.</summary>
        public static SinkName LoggerMessageDelegate() => new SinkName("LoggerMessage", "Define", SinkNameShape.LoggerMessageDelegate);

        /// <summary>The name, quoted, as messages show it: <c>'Log.Warning'</c>, <c>'InvalidOperationException' (an exception message)</c>.</summary>
        public override string ToString() => Shape switch
        {
            SinkNameShape.ExceptionMessage => "'" + Member + "' (an exception message)",
            SinkNameShape.LoggerMessageDelegate => "'LoggerMessage.Define delegate'",
            SinkNameShape.ActionResponse => "the response of '" + Owner + "." + Member + "'",
            SinkNameShape.HandlerResponse => "the response of the '" + Member + "' handler",
            _ => Owner is null ? "'" + Member + "'" : "'" + Owner + "." + Member + "'",
        };

        public bool Equals(SinkName other) => Owner == other.Owner && Member == other.Member && Shape == other.Shape;

        public override bool Equals(object? obj) => obj is SinkName other && Equals(other);

        public override int GetHashCode() => ((Owner?.GetHashCode() ?? 0) * 31 + Member.GetHashCode()) * 31 + (int)Shape;

        public static bool operator ==(SinkName left, SinkName right) => left.Equals(right);

        public static bool operator !=(SinkName left, SinkName right) => !left.Equals(right);
    }

    internal enum SinkNameShape
    {
        Call,
        ExceptionMessage,
        LoggerMessageDelegate,
        ActionResponse,
        HandlerResponse,
    }
}
