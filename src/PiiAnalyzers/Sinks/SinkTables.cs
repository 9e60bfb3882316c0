using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using static PiiAnalyzers.Sinks.SinkRow;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// The library sinks, one table per kind. Types are matched by metadata name, so no library is referenced and any
    /// version works. The rule pages list these tables (a meta-test keeps them in agreement).
    /// </summary>
    internal static class SinkTables
    {
        private static readonly string[] Serilog = { "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal" };
        private static readonly string[] NLog = { "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalTrace", "ConditionalDebug" };
        private static readonly string[] Trace = { "Write", "WriteLine", "WriteIf", "WriteLineIf", "TraceInformation", "TraceWarning", "TraceError", "Print", "Fail", "Assert" };
        private static readonly string[] EntityFramework = { "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange" };
        private static readonly string[] Writes = { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" };
        private static readonly string[] Redis = { "StringSet", "StringSetAsync", "HashSet", "HashSetAsync", "ListLeftPush", "ListLeftPushAsync", "ListRightPush", "ListRightPushAsync" };
        private static readonly string[] MetricTags = { "tag", "tag1", "tag2", "tag3", "tags", "tagList" };

        private const string SystemTextJsonIgnore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
        private const string NewtonsoftJsonIgnore = "Newtonsoft.Json.JsonIgnoreAttribute";

        /// <summary>Referenced by an MVC application that serializes its responses with Newtonsoft.Json (<c>AddNewtonsoftJson()</c>).</summary>
        private const string NewtonsoftMvcFormatter = "Microsoft.Extensions.DependencyInjection.NewtonsoftJsonMvcBuilderExtensions";

        /// <summary>
        /// The attribute that leaves a member out of an MVC response (a controller's <c>Ok(v)</c>, <c>JsonResult</c>,
        /// <c>ObjectResult</c> or return value): Newtonsoft.Json's when the application references its MVC formatter,
        /// else System.Text.Json's. Minimal APIs always use System.Text.Json.
        /// </summary>
        public static string MvcResponseIgnore(Func<string, INamedTypeSymbol?> resolve)
            => resolve(NewtonsoftMvcFormatter) is not null && resolve(NewtonsoftJsonIgnore) is not null ? NewtonsoftJsonIgnore : SystemTextJsonIgnore;

        /// <summary>True for the rows whose data ASP.NET Core MVC serializes (with whichever formatter the application uses).</summary>
        public static bool IsMvcResponse(SinkRow row) => row.Kind == SinkKind.Serialization && row.Type.StartsWith("Microsoft.AspNetCore.Mvc.", StringComparison.Ordinal);
        private const string NotMapped = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";

        /// <summary>Serilog's <c>ForContext(string propertyName, object value, bool destructureObjects = false)</c>.</summary>
        private static readonly string[] SerilogProperty = { "System.String", "System.Object", "System.Boolean" };

        public static readonly ImmutableArray<SinkRow> Logging = ImmutableArray.Create(
            SinkRow.Logging("Microsoft.Extensions.Logging.ILogger", "Log"),
            SinkRow.Logging("Microsoft.Extensions.Logging.ILogger", "BeginScope").WritingMembers(),
            SinkRow.Logging("Microsoft.Extensions.Logging.LoggerExtensions"),
            SinkRow.Logging("Serilog.ILogger", Serilog),
            SinkRow.Logging("Serilog.ILogger", "ForContext").WithOverload(SerilogProperty).WithDestructureFlag("destructureObjects"),
            SinkRow.Logging("Serilog.Core.Logger", Serilog),
            SinkRow.Logging("Serilog.Core.Logger", "ForContext").WithOverload(SerilogProperty).WithDestructureFlag("destructureObjects"),
            SinkRow.Logging("Serilog.Log", Serilog).Static(),
            SinkRow.Logging("Serilog.Log", "ForContext").WithOverload(SerilogProperty).WithDestructureFlag("destructureObjects").Static(),
            SinkRow.Logging("NLog.ILogger", NLog),
            SinkRow.Logging("NLog.ILoggerBase", NLog),
            SinkRow.Logging("NLog.Logger", NLog),
            SinkRow.Logging("log4net.ILog", "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat"),
            SinkRow.Logging("System.Console", "Write", "WriteLine").Static(),
            SinkRow.Logging("System.Diagnostics.Trace", Trace).Static(),
            SinkRow.Logging("System.Diagnostics.Debug", Trace).Static(),
            SinkRow.Logging("System.Diagnostics.TraceSource", "TraceEvent", "TraceData", "TraceInformation", "TraceTransfer"),
            SinkRow.Logging("Serilog.Context.LogContext", "PushProperty").WithData("value").WithDestructureFlag("destructureObjects").Static(),
            SinkRow.Logging("Serilog.Core.ILogEventPropertyFactory", "CreateProperty").WithData("value").WithDestructureFlag("destructureObjects"),

            // Telemetry: tags, attributes, baggage and event properties are exported to tracing backends like log lines.
            SinkRow.Logging("System.Diagnostics.Activity", "SetTag", "AddTag", "SetBaggage", "AddBaggage").WithData("value").WithoutTemplate(),
            SinkRow.Logging("System.Diagnostics.Activity", "AddEvent").WithData("e").WritingMembers(),
            SinkRow.Logging("System.Diagnostics.Activity", "SetStatus").WithData("description").WithoutTemplate(),
            SinkRow.Logging("System.Diagnostics.ActivitySource", "StartActivity", "CreateActivity").WithData("tags").WritingMembers(),
            SinkRow.Logging("System.Diagnostics.Metrics.Counter`1", "Add").WithData(MetricTags).WritingMembers(),
            SinkRow.Logging("System.Diagnostics.Metrics.UpDownCounter`1", "Add").WithData(MetricTags).WritingMembers(),
            SinkRow.Logging("System.Diagnostics.Metrics.Histogram`1", "Record").WithData(MetricTags).WritingMembers(),
            SinkRow.Logging("System.Diagnostics.Metrics.Gauge`1", "Record").WithData(MetricTags).WritingMembers(),
            SinkRow.Logging("OpenTelemetry.Trace.TelemetrySpan", "SetAttribute").WithData("value").WithoutTemplate(),
            SinkRow.Logging("OpenTelemetry.Trace.TelemetrySpan", "AddEvent").WithData("name", "attributes").WritingMembers(),
            SinkRow.Logging("Microsoft.ApplicationInsights.TelemetryClient", "TrackEvent", "TrackException", "TrackMetric", "TrackDependency", "TrackRequest", "TrackAvailability", "TrackPageView")
                .WithData("properties").WritingMembers(),
            SinkRow.Logging("Microsoft.ApplicationInsights.TelemetryClient", "TrackTrace").WithData("message", "properties").WithoutTemplate().WritingMembers());

        public static readonly ImmutableArray<SinkRow> Serialization = ImmutableArray.Create(
            SinkRow.Serialization("System.Text.Json.JsonSerializer", "Serialize", "SerializeAsync", "SerializeToUtf8Bytes", "SerializeToNode", "SerializeToDocument", "SerializeToElement")
                .Ignoring(SystemTextJsonIgnore).Static().ReturningSerialized(),
            SinkRow.Serialization("Newtonsoft.Json.JsonConvert", "SerializeObject", "SerializeXmlNode", "SerializeXNode").Ignoring(NewtonsoftJsonIgnore).Static().ReturningSerialized(),
            SinkRow.Serialization("Newtonsoft.Json.JsonSerializer", "Serialize").Ignoring(NewtonsoftJsonIgnore),
            SinkRow.Serialization("System.Xml.Serialization.XmlSerializer", "Serialize").Ignoring("System.Xml.Serialization.XmlIgnoreAttribute"),
            SinkRow.Serialization("System.Runtime.Serialization.XmlObjectSerializer", "WriteObject").Ignoring("System.Runtime.Serialization.IgnoreDataMemberAttribute"),
            SinkRow.Serialization("System.Runtime.Serialization.DataContractSerializer", "WriteObject").Ignoring("System.Runtime.Serialization.IgnoreDataMemberAttribute"),
            SinkRow.Serialization("Microsoft.AspNetCore.Mvc.ControllerBase", "Ok", "Created", "CreatedAtAction", "CreatedAtRoute", "Accepted", "AcceptedAtAction", "AcceptedAtRoute").Ignoring(SystemTextJsonIgnore),
            SinkRow.Serialization("Microsoft.AspNetCore.Mvc.Controller", "Json").Ignoring(SystemTextJsonIgnore),
            SinkRow.Serialization("Microsoft.AspNetCore.Http.Results").Ignoring(SystemTextJsonIgnore).Static(),
            SinkRow.Serialization("Microsoft.AspNetCore.Http.TypedResults").Ignoring(SystemTextJsonIgnore).Static());

        public static readonly ImmutableArray<SinkRow> Persistence = ImmutableArray.Create(
            SinkRow.Persistence("Microsoft.EntityFrameworkCore.DbSet`1", EntityFramework).Ignoring(NotMapped).AsEntityStore(),
            SinkRow.Persistence("Microsoft.EntityFrameworkCore.DbContext", EntityFramework).Ignoring(NotMapped).AsEntityStore(),
            SinkRow.Persistence("Microsoft.EntityFrameworkCore.Query.SetPropertyCalls`1", "SetProperty"),
            SinkRow.Persistence("Dapper.SqlMapper", "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync"),
            SinkRow.Persistence("System.Data.Common.DbParameterCollection", "AddWithValue").AndDerived(),
            SinkRow.Persistence("System.IO.File", "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync", "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync").Static(),
            SinkRow.Persistence("System.IO.TextWriter", Writes),
            SinkRow.Persistence("System.IO.StreamWriter", Writes),
            SinkRow.Persistence("Microsoft.Extensions.Caching.Distributed.IDistributedCache", "Set", "SetAsync"),
            SinkRow.Persistence("Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions", "Set", "SetAsync", "SetString", "SetStringAsync"),
            SinkRow.Persistence("StackExchange.Redis.IDatabase", Redis),
            SinkRow.Persistence("StackExchange.Redis.IDatabaseAsync", Redis),
            SinkRow.Persistence("MongoDB.Driver.IMongoCollection`1", "InsertOne", "InsertOneAsync", "InsertMany", "InsertManyAsync", "ReplaceOne", "ReplaceOneAsync"));

        public static readonly ImmutableArray<SinkRow> Transfer = ImmutableArray.Create(
            SinkRow.Transfer("System.Net.Http.HttpClient", "GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync"),
            SinkRow.Transfer("System.Net.Http.Json.HttpClientJsonExtensions", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "GetFromJsonAsync", "DeleteFromJsonAsync").Ignoring(SystemTextJsonIgnore),

            // E-mail.
            SinkRow.Transfer("System.Net.Mail.SmtpClient", "Send", "SendAsync", "SendMailAsync").WithData("message", "from", "recipients", "subject", "body"),
            SinkRow.Transfer("MailKit.Net.Smtp.SmtpClient", "Send", "SendAsync").WithData("message", "sender", "recipients"),
            SinkRow.Transfer("MailKit.MailTransport", "Send", "SendAsync").WithData("message", "sender", "recipients"),
            SinkRow.Transfer("MailKit.IMailTransport", "Send", "SendAsync").WithData("message", "sender", "recipients"),

            // SignalR, server and client.
            SinkRow.Transfer("Microsoft.AspNetCore.SignalR.ClientProxyExtensions", "SendAsync").WithData(SignalRArguments),
            SinkRow.Transfer("Microsoft.AspNetCore.SignalR.IClientProxy", "SendCoreAsync").WithData("args"),
            SinkRow.Transfer("Microsoft.AspNetCore.SignalR.ISingleClientProxy", "InvokeCoreAsync").WithData("args"),
            SinkRow.Transfer("Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions", "SendAsync", "InvokeAsync").WithData(SignalRArguments),
            SinkRow.Transfer("Microsoft.AspNetCore.SignalR.Client.HubConnection", "SendCoreAsync", "InvokeCoreAsync").WithData("args"),

            // Message brokers.
            SinkRow.Transfer("Azure.Messaging.ServiceBus.ServiceBusSender", "SendMessageAsync", "SendMessagesAsync", "ScheduleMessageAsync", "ScheduleMessagesAsync").WithData("message", "messages"),
            SinkRow.Transfer("RabbitMQ.Client.IModel", "BasicPublish").WithData("body"),
            SinkRow.Transfer("RabbitMQ.Client.IModelExensions", "BasicPublish").WithData("body"),
            SinkRow.Transfer("RabbitMQ.Client.IChannel", "BasicPublishAsync").WithData("body"),
            SinkRow.Transfer("RabbitMQ.Client.IChannelExtensions", "BasicPublishAsync").WithData("body"),
            SinkRow.Transfer("Confluent.Kafka.IProducer`2", "Produce", "ProduceAsync").WithData("message"),
            SinkRow.Transfer("MassTransit.IPublishEndpoint", "Publish").WithData("message", "values"),
            SinkRow.Transfer("MassTransit.ISendEndpoint", "Send").WithData("message", "values"));

        /// <summary>The values of SignalR's <c>SendAsync(method, arg1, ..., arg10)</c>; the method name is not data.</summary>
        private static string[] SignalRArguments => new[] { "arg1", "arg2", "arg3", "arg4", "arg5", "arg6", "arg7", "arg8", "arg9", "arg10" };

        /// <summary>Every row of every table.</summary>
        public static readonly ImmutableArray<SinkRow> All = Logging.AddRange(Serialization).AddRange(Persistence).AddRange(Transfer);

        /// <summary>
        /// Parameter types (metadata names) that configure a call rather than carry data into it: options, writers and
        /// streams written to, transactions, cancellation. Matched by full name, so a team's own type of the same simple
        /// name still carries data.
        /// </summary>
        public static readonly ImmutableArray<string> ConfigurationTypes = ImmutableArray.Create(
            "System.Threading.CancellationToken", "System.TimeSpan", "System.Text.Encoding", "System.IO.Stream", "System.IO.TextWriter",
            "System.IO.StreamWriter", "System.Xml.XmlWriter", "System.Xml.Serialization.XmlSerializerNamespaces",
            "System.Text.Json.JsonSerializerOptions", "System.Text.Json.Serialization.Metadata.JsonTypeInfo",
            "System.Text.Json.Serialization.Metadata.JsonTypeInfo`1", "System.Text.Json.Utf8JsonWriter", "System.Text.Json.JsonWriterOptions",
            "System.Text.Json.Nodes.JsonNodeOptions", "System.Text.Json.JsonDocumentOptions",
            "Newtonsoft.Json.JsonSerializerSettings", "Newtonsoft.Json.Formatting",
            "System.Data.IDbConnection", "System.Data.Common.DbConnection", "System.Data.IDbTransaction", "System.Data.Common.DbTransaction",
            "Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions", "Microsoft.Extensions.Logging.EventId",
            "MongoDB.Driver.InsertOneOptions", "MongoDB.Driver.InsertManyOptions", "MongoDB.Driver.ReplaceOptions", "MongoDB.Driver.IClientSessionHandle",
            "System.Net.Http.HttpMethod", "System.Net.Http.Headers.MediaTypeHeaderValue");

        /// <summary>Sinks recognised by shape rather than by a row, as the rule pages describe them.</summary>
        public static ImmutableArray<string> Shapes(SinkKind kind) => kind switch
        {
            SinkKind.Logging => ImmutableArray.Create(
                "`Write*` on `System.Console.Out` or `System.Console.Error`, named directly or held in a local set to one of them where it is declared and never assigned again",
                "the `string` parameters whose name contains `message` of a constructor of a type derived from `System.Exception`",
                "a delegate made by `Microsoft.Extensions.Logging.LoggerMessage.Define` (an `Action<ILogger, ...>` invoked)",
                "a method marked `[Microsoft.Extensions.Logging.LoggerMessage]`, reported at the call"),
            SinkKind.Persistence => ImmutableArray.Create(
                "an assignment to `Value` of a `System.Data.Common.DbParameter` (or derived type) or a `System.Data.IDataParameter`",
                "`Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry.State` set to `EntityState.Added` or `Modified` on `Entry(entity)`"),
            SinkKind.Transfer => ImmutableArray.Create(
                "a method of a strongly typed SignalR hub's client interface called on a proxy from `Microsoft.AspNetCore.SignalR.IHubClients<T>` or `IHubCallerClients<T>` (`Clients.All.ReceiveMessage(text)`, `Clients.Group(name)...`): every argument"),
            _ => ImmutableArray<string>.Empty,
        };
    }
}
