using System.Threading.Tasks;
using Xunit;
using static PiiAnalyzers.Tests.Rules.Sinks.SinkTableMatchingTests;
using Verify = PiiAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<PiiAnalyzers.Rules.PersonalDataSinkAnalyzer>;

namespace PiiAnalyzers.Tests.Rules.Sinks
{
    /// <summary>Telemetry is a log (PII001): tags, attributes, baggage, scopes and event properties are exported like log lines.</summary>
    public class TelemetrySinkTests
    {
        /// <summary>OpenTelemetry and Application Insights as declared by those packages, reduced to what the tests call.</summary>
        private const string Stubs = /* lang=c#-test */ """

            namespace OpenTelemetry.Trace
            {
                using System.Collections.Generic;

                public class SpanAttributes
                {
                    public SpanAttributes(IEnumerable<KeyValuePair<string, object?>> attributes) { }
                }

                public class TelemetrySpan
                {
                    public TelemetrySpan SetAttribute(string key, string? value) => this;
                    public TelemetrySpan AddEvent(string name) => this;
                    public TelemetrySpan AddEvent(string name, SpanAttributes? attributes) => this;
                    public TelemetrySpan UpdateName(string name) => this;
                }
            }

            namespace Microsoft.ApplicationInsights
            {
                using System.Collections.Generic;

                public sealed class TelemetryClient
                {
                    public void TrackEvent(string eventName, IDictionary<string, string>? properties = null, IDictionary<string, double>? metrics = null) { }
                    public void TrackTrace(string message, IDictionary<string, string>? properties) { }
                }
            }

            namespace Contoso
            {
                public class Activity
                {
                    public Activity SetTag(string key, object? value) => this;
                }
            }

            """;

        [Fact]
        public async Task ActivityTagsBaggageAndStatus_Trigger_KeysAndOtherTypesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Diagnostics.Activity activity, Contoso.Activity own)
                    {
                        activity.SetTag("user.email", {|#0:v.Email|});
                        activity.AddTag("user.email", {|#1:v.Email|});
                        activity.SetBaggage("user.email", {|#2:v.Email|});
                        activity.AddBaggage("user.email", {|#3:v.Email|});
                        activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, {|#4:"No account for " + v.Email|});
                        activity.SetTag("user.id", v.Id);
                        activity.SetTag(v.Email, "key, not value");
                        activity.DisplayName = "sign-in";
                        own.SetTag("user.email", v.Email);
                    }
                """, Stubs),
                Logged(0, "'SetTag'"),
                Logged(1, "'AddTag'"),
                Logged(2, "'SetBaggage'"),
                Logged(3, "'AddBaggage'"),
                Logged(4, "'SetStatus'"));
        }

        [Fact]
        public async Task ActivityEventAndStartTags_TriggerThroughTagCollections()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, System.Diagnostics.Activity activity, System.Diagnostics.ActivitySource source)
                    {
                        var tags = new System.Diagnostics.ActivityTagsCollection { { "user.email", v.Email } };
                        activity.AddEvent({|#0:new System.Diagnostics.ActivityEvent("sign-in", tags: tags)|});
                        activity.AddEvent(new System.Diagnostics.ActivityEvent("sign-in"));
                        var list = new System.Diagnostics.TagList { { "user.email", v.Email } };
                        source.StartActivity("sign-in", System.Diagnostics.ActivityKind.Server, default(System.Diagnostics.ActivityContext), {|#1:list|});
                        source.StartActivity("sign-in", System.Diagnostics.ActivityKind.Server);
                    }
                """, Stubs),
                Logged(0, "'AddEvent'"),
                Logged(1, "'StartActivity'"));
        }

        [Fact]
        public async Task OpenTelemetrySpan_AttributesAndEvents_Trigger_NameUpdateDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, OpenTelemetry.Trace.TelemetrySpan span)
                    {
                        span.SetAttribute("user.email", {|#0:v.Email|});
                        span.SetAttribute(v.Email, "key, not value");
                        span.AddEvent({|#1:"Signed in " + v.Email|});
                        var attributes = new OpenTelemetry.Trace.SpanAttributes(new Dictionary<string, object?> { ["user.email"] = v.Email });
                        span.AddEvent("signed-in", {|#2:attributes|});
                        span.UpdateName(v.Email);
                    }
                """, Stubs),
                Logged(0, "'SetAttribute'"),
                Logged(1, "'AddEvent'"),
                Logged(2, "'AddEvent'"));
        }

        [Fact]
        public async Task ApplicationInsightsPropertyDictionaries_Trigger_EventNamesDoNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Microsoft.ApplicationInsights.TelemetryClient telemetry)
                    {
                        telemetry.TrackEvent("SignedIn", {|#0:new Dictionary<string, string> { ["email"] = v.Email }|});
                        telemetry.TrackEvent("SignedIn", new Dictionary<string, string> { ["id"] = v.Id.ToString() });
                        telemetry.TrackEvent(v.Email);
                        telemetry.TrackTrace({|#1:"Signed in " + v.Email|}, null);
                    }
                """, Stubs),
                Logged(0, "'TrackEvent'"),
                Logged(1, "'TrackTrace'"));
        }

        [Fact]
        public async Task SerilogLogContextAndEnricherProperties_Trigger()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    class EmailEnricher : Serilog.Core.ILogEventEnricher
                    {
                        private readonly Visitor _visitor;
                        public EmailEnricher(Visitor visitor) => _visitor = visitor;
                        public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory factory)
                            => logEvent.AddPropertyIfAbsent(factory.CreateProperty("Email", {|#1:_visitor.Email|}));
                    }

                    void M(Visitor v)
                    {
                        using (Serilog.Context.LogContext.PushProperty("Email", {|#0:v.Email|})) { }
                        using (Serilog.Context.LogContext.PushProperty("Visitor", v)) { }
                        using (Serilog.Context.LogContext.PushProperty("Visitor", {|#2:v|}, destructureObjects: true)) { }
                        using (Serilog.Context.LogContext.PushProperty("VisitorId", v.Id)) { }
                    }
                """),
                Logged(0, "'LogContext.PushProperty'"),
                Logged(1, "'CreateProperty'"),
                Logged(2, "'LogContext.PushProperty'"));
        }

        [Fact]
        public async Task BeginScopeStateDictionary_Triggers_ScopeOfIdsDoesNot()
        {
            await Verify.VerifyAnalyzerAsync(Code(/* lang=c#-test */ """

                    void M(Visitor v, Microsoft.Extensions.Logging.ILogger logger)
                    {
                        using (logger.BeginScope({|#0:new Dictionary<string, object> { ["Email"] = v.Email }|})) { }
                        using (logger.BeginScope(new Dictionary<string, object> { ["VisitorId"] = v.Id })) { }
                        using (Microsoft.Extensions.Logging.LoggerExtensions.BeginScope(logger, "Visitor {Email}", {|#1:v.Email|})) { }
                    }
                """),
                Logged(0, "'BeginScope'"),
                Logged(1, "'BeginScope'"));
        }
    }
}
