using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// Decides whether a call is a sink, of which kind, and which of its arguments carry data into it. Library types are
    /// matched by metadata name, resolved once per compilation on first use: an absent library costs nothing and any version
    /// works.
    /// </summary>
    internal sealed class SinkCatalog
    {
        private static readonly string[] TemplateParameterNames = { "message", "messageTemplate", "messageFormat", "format" };

        /// <summary>Parameter types that configure a call rather than carry data into it (matched by simple name).</summary>
        private static readonly string[] ConfigurationTypeNames =
        {
            "CancellationToken", "JsonSerializerOptions", "JsonSerializerSettings", "JsonTypeInfo", "Stream", "TextWriter",
            "StreamWriter", "XmlWriter", "Utf8JsonWriter", "IDbTransaction", "DbTransaction", "DistributedCacheEntryOptions",
            "TimeSpan", "EventId", "Formatting", "InsertOneOptions", "InsertManyOptions", "ReplaceOptions",
            "IClientSessionHandle", "Encoding", "HttpMethod", "MediaTypeHeaderValue", "XmlSerializerNamespaces",
            "JsonWriterOptions", "JsonNodeOptions", "JsonDocumentOptions", "IDbConnection", "DbConnection",
        };

        private readonly PrivacySymbols _symbols;
        private readonly Lazy<KnownTypes> _known;
        private readonly Func<SyntaxTree, SemanticModel?> _models;

        /// <remarks>
        /// The library types are resolved on first use, not here: about fifty lookups, each through every reference, take a
        /// few milliseconds in a large project, and in the IDE a compilation starts on every edit, most often in a file with
        /// no personal data, where no call is ever matched.
        /// </remarks>
        /// <param name="compilation">The compilation whose library types are matched.</param>
        /// <param name="symbols">The privacy attributes.</param>
        /// <param name="models">
        /// The semantic model of a tree of <paramref name="compilation"/> (null for a tree it does not hold), to bind what a
        /// local writer was set to.
        /// </param>
        public SinkCatalog(Compilation compilation, PrivacySymbols symbols, Func<SyntaxTree, SemanticModel?> models)
        {
            _symbols = symbols;
            _models = models;
            _known = new Lazy<KnownTypes>(() => new KnownTypes(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private KnownTypes Known => _known.Value;

        /// <summary>Whether the library types have been resolved yet: for tests of what is skipped.</summary>
        public bool IsResolved => _known.IsValueCreated;

        /// <summary>Stands for "a sink" where only whether a call is one matters (<see cref="IsSink(IInvocationOperation, PiiConfiguration)"/>).</summary>
        private static readonly SinkCall Found = new SinkCall(SinkKind.Logging, string.Empty, ImmutableArray<SinkArgument>.Empty);

        /// <summary>The sink <paramref name="invocation"/> writes to, or null when it is not a sink.</summary>
        public SinkCall? Match(IInvocationOperation invocation, PiiConfiguration configuration)
        {
            var sink = Match(invocation, configuration, describe: true);
            return sink?.Kind == SinkKind.Logging
                ? sink.WithPurposes(SinkPurposes.Union(configuration.LoggingPurposesOf(invocation.TargetMethod, invocation.Arguments), DeclaredPurposes(invocation.TargetMethod, invocation.Arguments)))
                : sink;
        }

        /// <summary>
        /// Whether <paramref name="invocation"/> is a sink: the same decision as <see cref="Match(IInvocationOperation, PiiConfiguration)"/>
        /// without describing the sink (no arguments collected, no names formatted).
        /// </summary>
        public bool IsSink(IInvocationOperation invocation, PiiConfiguration configuration) => Match(invocation, configuration, describe: false) is not null;

        /// <summary>Whether <paramref name="creation"/> is a sink, as <see cref="Match(IObjectCreationOperation)"/> decides, without describing it.</summary>
        public bool IsSink(IObjectCreationOperation creation) => Match(creation, describe: false) is not null;

        private SinkCall? Match(IInvocationOperation invocation, PiiConfiguration configuration, bool describe)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return null;
            }

            if (Known.LoggingTypes.TryGetValue(type, out var logging) && logging.Accepts(method.Name))
            {
                return describe ? Logging(invocation.Arguments, logging.StaticDisplay ? type.Name + "." + method.Name : method.Name, method.Name == "ForContext") : Found;
            }

            if (Known.TextWriter is not null && TypeShapes.DerivesFrom(type, Known.TextWriter)
                && method.Name.StartsWith("Write", System.StringComparison.Ordinal)
                && ConsoleStreams.StreamOf(invocation.Instance, Known.Console, _models) is { } stream)
            {
                return describe ? Logging(invocation.Arguments, "Console." + stream + "." + method.Name, forContext: false) : Found;
            }

            if (Known.DataSinkTypes.TryGetValue(type, out var dataSink) && dataSink.Accepts(method.Name))
            {
                if (!describe)
                {
                    return Found;
                }

                var display = dataSink.StaticDisplay ? type.Name + "." + method.Name : method.Name;
                return new SinkCall(dataSink.Kind, "'" + display + "'", AllData(invocation.Arguments, dataSink.Kind), dataSink.IgnoreAttribute, entityStore: dataSink.EntityStore);
            }

            if (method.Name == "AddWithValue" && TypeShapes.DerivesFrom(type, Known.DbParameterCollection))
            {
                // command.Parameters.AddWithValue("@email", visitor.Email) (SqlClient, Npgsql, Sqlite, ...).
                return describe ? new SinkCall(SinkKind.Persistence, "'AddWithValue'", AllData(invocation.Arguments, SinkKind.Persistence)) : Found;
            }

            if (type.TypeKind == TypeKind.Delegate && method.Name == "Invoke" && IsLoggerMessageDelegate(type, method))
            {
                // LoggerMessage.Define<T1, ...>(...) makes Action<ILogger, T1, ..., Exception?>.
                return describe ? Logging(invocation.Arguments, "LoggerMessage.Define delegate", forContext: false) : Found;
            }

            if (Known.LoggerMessageAttribute is not null && PrivacySymbols.Find(method, Known.LoggerMessageAttribute) is not null)
            {
                return describe ? Logging(invocation.Arguments, method.Name, forContext: false) : Found;
            }

            if (configuration.SinkKindOf(method) is { } configured)
            {
                // A sink named in .editorconfig (pii_analyzers.logging_sinks, ...).
                return !describe ? Found
                    : configured == SinkKind.Logging
                    ? Logging(invocation.Arguments, method.Name, forContext: false)
                    : new SinkCall(configured, "'" + method.Name + "'", AllData(invocation.Arguments, configured));
            }

            return MatchDeclaredSink(method, invocation.Arguments, describe);
        }

        /// <summary>
        /// An assignment to an ADO.NET parameter's <c>Value</c> (the value is written to the database), or EF Core's
        /// <c>Entry(entity).State = EntityState.Added</c> (or <c>Modified</c>): the entity is written at the next save.
        /// </summary>
        public SinkCall? MatchWrite(IPropertyReferenceOperation target, IOperation value)
        {
            if (target.Property.Name == "State" && target.Instance is IInvocationOperation { TargetMethod.Name: "Entry", Arguments.Length: 1 } entry
                && IsWritingState(value) && TypeShapes.DerivesFrom(target.Property.ContainingType, Known.EntityEntry))
            {
                return new SinkCall(SinkKind.Persistence, "'Entry.State'", ImmutableArray.Create(new SinkArgument(entry.Arguments[0].Value, membersVisible: true)), Known.NotMapped, entityStore: true);
            }

            if (target.Property.Name != "Value" || target.Instance is null)
            {
                return null;
            }

            var type = target.Property.ContainingType;
            var isParameter = TypeShapes.DerivesFrom(type, Known.DbParameter)
                || (Known.DataParameter is not null && (SymbolEqualityComparer.Default.Equals(type, Known.DataParameter) || type.AllInterfaces.Contains(Known.DataParameter, SymbolEqualityComparer.Default)));
            return isParameter
                ? new SinkCall(SinkKind.Persistence, "'" + type.Name + ".Value'", ImmutableArray.Create(new SinkArgument(value, membersVisible: true)))
                : null;
        }

        /// <summary><c>EntityState.Added</c> or <c>EntityState.Modified</c>: a state that makes the next save write the entity.</summary>
        private static bool IsWritingState(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IFieldReferenceOperation { Field: { Name: "Added" or "Modified", ContainingType.Name: "EntityState" } };
        }

        /// <summary>An exception whose message carries data: exceptions end up in logs.</summary>
        public SinkCall? Match(IObjectCreationOperation creation)
        {
            var sink = Match(creation, describe: true);
            return sink?.Kind == SinkKind.Logging ? sink.WithPurposes(DeclaredPurposes(creation.Constructor, creation.Arguments)) : sink;
        }

        private SinkCall? Match(IObjectCreationOperation creation, bool describe)
        {
            if (creation.Constructor is not { } constructor || !TypeShapes.DerivesFrom(creation.Type, Known.Exception))
            {
                return MatchDeclaredSink(creation.Constructor, creation.Arguments, describe);
            }

            var builder = ImmutableArray.CreateBuilder<SinkArgument>();
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                    && parameter.Name.IndexOf("message", System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    if (!describe)
                    {
                        return Found;
                    }

                    builder.Add(new SinkArgument(argument.Value, membersVisible: false));
                }
            }

            return builder.Count == 0 ? null : new SinkCall(SinkKind.Logging, "'" + constructor.ContainingType.Name + "' (an exception message)", builder.ToImmutable());
        }

        /// <summary>
        /// The kind of sink <paramref name="method"/> itself is, by configuration (<c>pii_analyzers.persistence_sinks</c>)
        /// or declaration (<c>[PersonalDataSink]</c> on the method), or null. Its callers report what they pass it, so the
        /// same write is not reported again inside it.
        /// </summary>
        public SinkKind? KindOfSinkMethod(IMethodSymbol method, PiiConfiguration configuration)
            => configuration.SinkKindOf(method) ?? (_symbols.PersonalDataSink is null ? null : DeclaredKind(method));

        private SinkCall? MatchDeclaredSink(IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments, bool describe)
        {
            if (method is null || _symbols.PersonalDataSink is null)
            {
                return null;
            }

            if (DeclaredKind(method) is { } methodKind)
            {
                return !describe ? Found
                    : methodKind == SinkKind.Logging
                    ? Logging(arguments, method.Name, forContext: false)
                    : new SinkCall(methodKind, "'" + method.Name + "'", AllData(arguments, methodKind));
            }

            SinkKind? kind = null;
            ImmutableArray<SinkArgument>.Builder? builder = null; // made for a sink only: this runs for every call
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && DeclaredKind(parameter) is { } parameterKind)
                {
                    if (!describe)
                    {
                        return Found;
                    }

                    kind ??= parameterKind;
                    if (parameterKind == kind)
                    {
                        AddValues(builder ??= ImmutableArray.CreateBuilder<SinkArgument>(), argument, membersVisible: parameterKind != SinkKind.Logging);
                    }
                }
            }

            return kind is null ? null : new SinkCall(kind.Value, "'" + method.Name + "'", builder?.ToImmutable() ?? ImmutableArray<SinkArgument>.Empty);
        }

        /// <summary>
        /// The purposes a <c>[PersonalDataSink(SinkKind.Logging, Purpose = ...)]</c> on <paramref name="method"/>, or on a
        /// parameter an argument is passed to, says the sink serves; empty when none.
        /// </summary>
        private ImmutableArray<string> DeclaredPurposes(IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
        {
            var purposes = ImmutableArray<string>.Empty;
            if (method is null || _symbols.PersonalDataSink is null)
            {
                return purposes;
            }

            purposes = SinkPurposes.Union(purposes, DeclaredPurposes(method.OriginalDefinition));
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    purposes = SinkPurposes.Union(purposes, DeclaredPurposes(parameter));
                }
            }

            return purposes;
        }

        private ImmutableArray<string> DeclaredPurposes(ISymbol symbol)
        {
            if (PrivacySymbols.Find(symbol, _symbols.PersonalDataSink) is { } attribute
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int kind && kind == (int)SinkKind.Logging)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Purpose" && argument.Value.Value is string purpose)
                    {
                        return PurposeList.Parse(purpose);
                    }
                }
            }

            return ImmutableArray<string>.Empty;
        }

        private SinkKind? DeclaredKind(ISymbol symbol)
        {
            var attribute = PrivacySymbols.Find(symbol is IMethodSymbol m ? m.OriginalDefinition : symbol, _symbols.PersonalDataSink);
            if (attribute is null)
            {
                return null;
            }

            return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value && value is >= 0 and <= 3
                ? (SinkKind)value
                : null;
        }

        private SinkCall Logging(ImmutableArray<IArgumentOperation> arguments, string name, bool forContext)
        {
            var builder = ImmutableArray.CreateBuilder<SinkArgument>();
            ImmutableArray<bool> holes = default;
            var hole = 0;
            var destructureAll = forContext && DestructureFlag(arguments);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !IsDataParameter(parameter))
                {
                    continue;
                }

                if (holes.IsDefault && parameter.Type.SpecialType == SpecialType.System_String && IsTemplateParameter(parameter))
                {
                    holes = argument.Value.ConstantValue is { HasValue: true, Value: string template }
                        ? MessageTemplate.ParseDestructuring(template)
                        : ImmutableArray<bool>.Empty;
                    builder.Add(new SinkArgument(argument.Value, membersVisible: false));
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        builder.Add(new SinkArgument(element, destructureAll || Destructures(holes, hole++)));
                    }

                    continue;
                }

                builder.Add(new SinkArgument(argument.Value, destructureAll || Destructures(holes, hole++)));
            }

            return new SinkCall(SinkKind.Logging, "'" + name + "'", builder.ToImmutable());
        }

        private ImmutableArray<SinkArgument> AllData(ImmutableArray<IArgumentOperation> arguments, SinkKind kind)
        {
            var builder = ImmutableArray.CreateBuilder<SinkArgument>();
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && IsDataParameter(parameter))
                {
                    AddValues(builder, argument, membersVisible: kind != SinkKind.Logging);
                }
            }

            return builder.ToImmutable();
        }

        private static void AddValues(ImmutableArray<SinkArgument>.Builder builder, IArgumentOperation argument, bool membersVisible)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    builder.Add(new SinkArgument(element, membersVisible));
                }
            }
            else
            {
                builder.Add(new SinkArgument(argument.Value, membersVisible));
            }
        }

        private static bool Destructures(ImmutableArray<bool> holes, int index) => !holes.IsDefault && index < holes.Length && holes[index];

        private static bool DestructureFlag(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } && argument.Value.ConstantValue is { HasValue: true, Value: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The parameter that takes a logging call's message template (message, messageTemplate, messageFormat, format).</summary>
        public static bool IsTemplateParameter(IParameterSymbol parameter)
        {
            foreach (var name in TemplateParameterNames)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Arguments that carry data into a log: not the logger, level, event id, exception, format provider or callbacks.</summary>
        private bool IsDataParameter(IParameterSymbol parameter)
        {
            var type = parameter.Type;
            if (parameter.IsThis || TypeShapes.IsScalar(type) || type.TypeKind == TypeKind.Delegate)
            {
                return false;
            }

            if (parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true })
            {
                return false;
            }

            if (TypeShapes.DerivesFrom(type, Known.Exception) || SymbolEqualityComparer.Default.Equals(type, Known.FormatProvider)
                || SymbolEqualityComparer.Default.Equals(type, Known.Type) || IsLogger(type))
            {
                return false;
            }

            return System.Array.IndexOf(ConfigurationTypeNames, type.Name) < 0;
        }

        private bool IsLogger(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && Known.LoggingTypes.ContainsKey(named.OriginalDefinition))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, Known.MelLogger))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsLoggerMessageDelegate(INamedTypeSymbol type, IMethodSymbol invoke)
            => Known.MelLogger is not null && type.Name == "Action" && TypeShapes.IsInNamespace(type, TypeShapes.SystemNamespace)
                && invoke.Parameters.Length >= 2
                && SymbolEqualityComparer.Default.Equals(invoke.Parameters[0].Type, Known.MelLogger);

        /// <summary>The library types sinks are matched against, resolved by metadata name for one compilation.</summary>
        private sealed class KnownTypes
        {
            public Dictionary<INamedTypeSymbol, LoggingType> LoggingTypes { get; } = new Dictionary<INamedTypeSymbol, LoggingType>(SymbolEqualityComparer.Default);
            public Dictionary<INamedTypeSymbol, DataSinkType> DataSinkTypes { get; } = new Dictionary<INamedTypeSymbol, DataSinkType>(SymbolEqualityComparer.Default);
            public INamedTypeSymbol? DbParameterCollection { get; }
            public INamedTypeSymbol? DbParameter { get; }
            public INamedTypeSymbol? DataParameter { get; }
            public INamedTypeSymbol? MelLogger { get; }
            public INamedTypeSymbol? LoggerMessageAttribute { get; }
            public INamedTypeSymbol? Console { get; }
            public INamedTypeSymbol? TextWriter { get; }
            public INamedTypeSymbol? Exception { get; }
            public INamedTypeSymbol? FormatProvider { get; }
            public INamedTypeSymbol? Type { get; }
            public INamedTypeSymbol? EntityEntry { get; }
            public INamedTypeSymbol? NotMapped { get; }

            public KnownTypes(Compilation compilation)
            {
                EntityEntry = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry");
                NotMapped = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
                MelLogger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
                LoggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
                Console = compilation.GetTypeByMetadataName("System.Console");
                TextWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
                Exception = compilation.GetTypeByMetadataName("System.Exception");
                FormatProvider = compilation.GetTypeByMetadataName("System.IFormatProvider");
                Type = compilation.GetTypeByMetadataName("System.Type");

                var serilog = new[] { "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "ForContext" };
                var nlog = new[] { "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "ConditionalTrace", "ConditionalDebug" };
                var trace = new[] { "Write", "WriteLine", "WriteIf", "WriteLineIf", "TraceInformation", "TraceWarning", "TraceError", "Print", "Fail", "Assert" };
                Add(compilation, "Microsoft.Extensions.Logging.ILogger", staticDisplay: false, "Log", "BeginScope");
                Add(compilation, "Microsoft.Extensions.Logging.LoggerExtensions", staticDisplay: false);
                Add(compilation, "Serilog.ILogger", staticDisplay: false, serilog);
                Add(compilation, "Serilog.Core.Logger", staticDisplay: false, serilog);
                Add(compilation, "Serilog.Log", staticDisplay: true, serilog);
                Add(compilation, "NLog.ILogger", staticDisplay: false, nlog);
                Add(compilation, "NLog.ILoggerBase", staticDisplay: false, nlog);
                Add(compilation, "NLog.Logger", staticDisplay: false, nlog);
                Add(compilation, "log4net.ILog", staticDisplay: false, "Debug", "Info", "Warn", "Error", "Fatal", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat");
                Add(compilation, "System.Console", staticDisplay: true, "Write", "WriteLine");
                Add(compilation, "System.Diagnostics.Trace", staticDisplay: true, trace);
                Add(compilation, "System.Diagnostics.Debug", staticDisplay: true, trace);
                Add(compilation, "System.Diagnostics.TraceSource", staticDisplay: false, "TraceEvent", "TraceData", "TraceInformation", "TraceTransfer");

                var systemTextJsonIgnore = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute");
                var newtonsoftIgnore = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonIgnoreAttribute");
                var notMapped = compilation.GetTypeByMetadataName("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
                var xmlIgnore = compilation.GetTypeByMetadataName("System.Xml.Serialization.XmlIgnoreAttribute");
                var dataMemberIgnore = compilation.GetTypeByMetadataName("System.Runtime.Serialization.IgnoreDataMemberAttribute");

                var serialization = SinkKind.Serialization;
                AddData(compilation, "System.Text.Json.JsonSerializer", serialization, systemTextJsonIgnore, staticDisplay: true, "Serialize", "SerializeAsync", "SerializeToUtf8Bytes", "SerializeToNode", "SerializeToDocument", "SerializeToElement");
                AddData(compilation, "Newtonsoft.Json.JsonConvert", serialization, newtonsoftIgnore, staticDisplay: true, "SerializeObject");
                AddData(compilation, "Newtonsoft.Json.JsonSerializer", serialization, newtonsoftIgnore, staticDisplay: false, "Serialize");
                AddData(compilation, "System.Xml.Serialization.XmlSerializer", serialization, xmlIgnore, staticDisplay: false, "Serialize");
                AddData(compilation, "System.Runtime.Serialization.XmlObjectSerializer", serialization, dataMemberIgnore, staticDisplay: false, "WriteObject");
                AddData(compilation, "System.Runtime.Serialization.DataContractSerializer", serialization, dataMemberIgnore, staticDisplay: false, "WriteObject");
                AddData(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase", serialization, systemTextJsonIgnore, staticDisplay: false, "Ok", "Created", "CreatedAtAction", "CreatedAtRoute", "Accepted", "AcceptedAtAction", "AcceptedAtRoute");
                AddData(compilation, "Microsoft.AspNetCore.Mvc.Controller", serialization, systemTextJsonIgnore, staticDisplay: false, "Json");
                AddData(compilation, "Microsoft.AspNetCore.Http.Results", serialization, systemTextJsonIgnore, staticDisplay: true);
                AddData(compilation, "Microsoft.AspNetCore.Http.TypedResults", serialization, systemTextJsonIgnore, staticDisplay: true);

                var persistence = SinkKind.Persistence;
                var efMethods = new[] { "Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Attach", "AttachRange" };
                AddEntityStore(compilation, "Microsoft.EntityFrameworkCore.DbSet`1", notMapped, efMethods);
                AddEntityStore(compilation, "Microsoft.EntityFrameworkCore.DbContext", notMapped, efMethods);

                // db.Users.Where(..).ExecuteUpdate(s => s.SetProperty(u => u.Email, email)): the value is written.
                AddData(compilation, "Microsoft.EntityFrameworkCore.Query.SetPropertyCalls`1", persistence, null, staticDisplay: false, "SetProperty");
                AddData(compilation, "Dapper.SqlMapper", persistence, null, staticDisplay: false, "Execute", "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync");
                AddData(compilation, "System.IO.File", persistence, null, staticDisplay: true, "WriteAllText", "WriteAllTextAsync", "WriteAllLines", "WriteAllLinesAsync", "WriteAllBytes", "WriteAllBytesAsync", "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync");
                var writes = new[] { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" };
                AddData(compilation, "System.IO.TextWriter", persistence, null, staticDisplay: false, writes);
                AddData(compilation, "System.IO.StreamWriter", persistence, null, staticDisplay: false, writes);
                AddData(compilation, "Microsoft.Extensions.Caching.Distributed.IDistributedCache", persistence, null, staticDisplay: false, "Set", "SetAsync");
                AddData(compilation, "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions", persistence, null, staticDisplay: false, "Set", "SetAsync", "SetString", "SetStringAsync");
                var redis = new[] { "StringSet", "StringSetAsync", "HashSet", "HashSetAsync", "ListLeftPush", "ListLeftPushAsync", "ListRightPush", "ListRightPushAsync" };
                AddData(compilation, "StackExchange.Redis.IDatabase", persistence, null, staticDisplay: false, redis);
                AddData(compilation, "StackExchange.Redis.IDatabaseAsync", persistence, null, staticDisplay: false, redis);
                AddData(compilation, "MongoDB.Driver.IMongoCollection`1", persistence, null, staticDisplay: false, "InsertOne", "InsertOneAsync", "InsertMany", "InsertManyAsync", "ReplaceOne", "ReplaceOneAsync");
                DbParameterCollection = compilation.GetTypeByMetadataName("System.Data.Common.DbParameterCollection");
                DbParameter = compilation.GetTypeByMetadataName("System.Data.Common.DbParameter");
                DataParameter = compilation.GetTypeByMetadataName("System.Data.IDataParameter");

                var transfer = SinkKind.Transfer;
                AddData(compilation, "System.Net.Http.HttpClient", transfer, null, staticDisplay: false, "GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync");
                AddData(compilation, "System.Net.Http.Json.HttpClientJsonExtensions", transfer, systemTextJsonIgnore, staticDisplay: false, "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "GetFromJsonAsync", "DeleteFromJsonAsync");
            }

            private void Add(Compilation compilation, string metadataName, bool staticDisplay, params string[] methods)
            {
                if (compilation.GetTypeByMetadataName(metadataName) is { } type)
                {
                    LoggingTypes[type] = new LoggingType(staticDisplay, methods);
                }
            }

            /// <summary>An ORM's write methods: persistence that stores an entity's own columns, not the rows it navigates to.</summary>
            private void AddEntityStore(Compilation compilation, string metadataName, INamedTypeSymbol? ignoreAttribute, string[] methods)
            {
                if (compilation.GetTypeByMetadataName(metadataName) is { } type)
                {
                    DataSinkTypes[type] = new DataSinkType(SinkKind.Persistence, ignoreAttribute, staticDisplay: false, methods, entityStore: true);
                }
            }

            private void AddData(Compilation compilation, string metadataName, SinkKind kind, INamedTypeSymbol? ignoreAttribute, bool staticDisplay, params string[] methods)
            {
                if (compilation.GetTypeByMetadataName(metadataName) is { } type)
                {
                    DataSinkTypes[type] = new DataSinkType(kind, ignoreAttribute, staticDisplay, methods);
                }
            }
        }

        private sealed class DataSinkType
        {
            private readonly string[] _methods;

            public DataSinkType(SinkKind kind, INamedTypeSymbol? ignoreAttribute, bool staticDisplay, string[] methods, bool entityStore = false)
            {
                Kind = kind;
                IgnoreAttribute = ignoreAttribute;
                StaticDisplay = staticDisplay;
                _methods = methods;
                EntityStore = entityStore;
            }

            public bool EntityStore { get; }

            public SinkKind Kind { get; }

            public INamedTypeSymbol? IgnoreAttribute { get; }

            public bool StaticDisplay { get; }

            /// <summary>An empty list accepts every method of the type.</summary>
            public bool Accepts(string name) => _methods.Length == 0 || System.Array.IndexOf(_methods, name) >= 0;
        }

        private sealed class LoggingType
        {
            private readonly string[] _methods;

            public LoggingType(bool staticDisplay, string[] methods)
            {
                StaticDisplay = staticDisplay;
                _methods = methods;
            }

            public bool StaticDisplay { get; }

            /// <summary>An empty list accepts every method of the type.</summary>
            public bool Accepts(string name)
            {
                if (_methods.Length == 0)
                {
                    return true;
                }

                foreach (var method in _methods)
                {
                    if (method == name)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
