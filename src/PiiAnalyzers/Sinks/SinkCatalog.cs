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
        /// <summary>The row of a sink the project declares or configures, by kind: every data parameter, logging templates.</summary>
        private static readonly SinkRow[] Declared =
        {
            SinkRow.Logging(string.Empty), SinkRow.Serialization(string.Empty), SinkRow.Persistence(string.Empty), SinkRow.Transfer(string.Empty),
        };

        /// <summary>The row of <c>Console.Out</c>/<c>Console.Error</c> writes.</summary>
        private static readonly SinkRow ConsoleRow = SinkRow.Logging("System.IO.TextWriter");

        private readonly PrivacySymbols _symbols;
        private readonly Lazy<ResolvedTables> _tables;
        private readonly Lazy<KnownTypes> _types;
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
        /// <param name="types">The compilation's well-known types (resolved on first use); null: resolved here, when first needed.</param>
        public SinkCatalog(Compilation compilation, PrivacySymbols symbols, Func<SyntaxTree, SemanticModel?> models, Lazy<KnownTypes>? types = null)
        {
            _symbols = symbols;
            _models = models;
            _tables = new Lazy<ResolvedTables>(() => new ResolvedTables(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _types = types ?? new Lazy<KnownTypes>(() => new KnownTypes(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
            _ownServer = new OwnServer(compilation, models);
        }

        private readonly OwnServer _ownServer;

        private ResolvedTables Tables => _tables.Value;

        private KnownTypes Types => _types.Value;

        /// <summary>Whether the sink tables have been resolved yet: for tests of what is skipped.</summary>
        public bool IsResolved => _tables.IsValueCreated;

        /// <summary>Stands for "a sink" where only whether a call is one matters (<see cref="IsSink(IInvocationOperation, PiiConfiguration)"/>).</summary>
        private static readonly SinkCall Found = new SinkCall(SinkKind.Logging, SinkName.Call(null, string.Empty), ImmutableArray<SinkArgument>.Empty);

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

            if (Types.TextWriter is not null && method.Name.StartsWith("Write", StringComparison.Ordinal)
                && TypeShapes.DerivesFrom(type, Types.TextWriter)
                && ConsoleStreams.StreamOf(invocation.Instance, Types.Console, _models) is { } stream)
            {
                return describe ? Describe(ConsoleRow, SinkName.Call("Console." + stream, method.Name), invocation.Arguments) : Found;
            }

            if (Tables.Find(type, method) is { } row)
            {
                if (row.Row.Kind == SinkKind.Transfer && _ownServer.IsRequestTo(invocation))
                {
                    return null; // a Blazor WebAssembly client posting to the server it came from
                }

                return describe ? Describe(row.Row, SinkName.Call(row.Row.StaticDisplay ? type.Name : null, method.Name), invocation.Arguments, row.IgnoreAttribute) : Found;
            }

            if (type.TypeKind == TypeKind.Interface && IsHubClientProxy(invocation.Instance))
            {
                // Clients.All.ReceiveMessage(text) on a Hub<IChatClient>: SignalR sends every argument to the clients.
                return describe ? Describe(Declared[(int)SinkKind.Transfer], SinkName.Call(null, method.Name), invocation.Arguments) : Found;
            }

            if (type.TypeKind == TypeKind.Delegate && method.Name == "Invoke" && IsLoggerMessageDelegate(type, method))
            {
                // LoggerMessage.Define<T1, ...>(...) makes Action<ILogger, T1, ..., Exception?>.
                return describe ? Describe(Declared[(int)SinkKind.Logging], SinkName.LoggerMessageDelegate(), invocation.Arguments) : Found;
            }

            if (Types.LoggerMessageAttribute is not null && PrivacySymbols.Find(method, Types.LoggerMessageAttribute) is not null)
            {
                return describe ? Describe(Declared[(int)SinkKind.Logging], SinkName.Call(null, method.Name), invocation.Arguments) : Found;
            }

            if (configuration.SinkKindOf(method) is { } configured)
            {
                // A sink named in .editorconfig (pii_analyzers.logging_sinks, ...).
                return describe ? Describe(Declared[(int)configured], SinkName.Call(null, method.Name), invocation.Arguments) : Found;
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
                && IsWritingState(value) && TypeShapes.DerivesFrom(target.Property.ContainingType, Types.EntityEntry))
            {
                return new SinkCall(SinkKind.Persistence, SinkName.Call("Entry", "State"), ImmutableArray.Create(new SinkArgument(entry.Arguments[0].Value, membersVisible: true)), Types.NotMapped, entityStore: true);
            }

            if (target.Property.Name != "Value" || target.Instance is null)
            {
                return null;
            }

            var type = target.Property.ContainingType;
            var isParameter = TypeShapes.DerivesFrom(type, Types.DbParameter)
                || (Types.DataParameter is not null && (SymbolEqualityComparer.Default.Equals(type, Types.DataParameter) || type.AllInterfaces.Contains(Types.DataParameter, SymbolEqualityComparer.Default)));
            return isParameter
                ? new SinkCall(SinkKind.Persistence, SinkName.Call(type.Name, "Value"), ImmutableArray.Create(new SinkArgument(value, membersVisible: true)))
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
            if (creation.Constructor is not { } constructor || !TypeShapes.DerivesFrom(creation.Type, Types.Exception))
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

            return builder.Count == 0 ? null : new SinkCall(SinkKind.Logging, SinkName.ExceptionMessage(constructor.ContainingType.Name), builder.ToImmutable());
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
                return describe ? Describe(Declared[(int)methodKind], SinkName.Call(null, method.Name), arguments) : Found;
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

            return kind is null ? null : new SinkCall(kind.Value, SinkName.Call(null, method.Name), builder?.ToImmutable() ?? ImmutableArray<SinkArgument>.Empty);
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

        /// <summary>The sink a call matching <paramref name="row"/> is: its data arguments, which of them show their members.</summary>
        private SinkCall Describe(SinkRow row, SinkName name, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? ignoreAttribute = null)
        {
            var builder = ImmutableArray.CreateBuilder<SinkArgument>();
            ImmutableArray<bool> holes = default;
            var hole = 0;
            var logging = row.Kind == SinkKind.Logging;
            var destructureAll = row.DestructureFlag is { } flag && IsTrue(arguments, flag);
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !row.CarriesData(parameter.Name) || !IsDataParameter(parameter))
                {
                    continue;
                }

                if (holes.IsDefault && parameter.Type.SpecialType == SpecialType.System_String && row.Templates.IndexOf(parameter.Name) >= 0)
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
                        builder.Add(new SinkArgument(element, !logging || row.WritesMembers || destructureAll || Destructures(holes, hole++)));
                    }

                    continue;
                }

                builder.Add(new SinkArgument(argument.Value, !logging || row.WritesMembers || destructureAll || Destructures(holes, hole++)));
            }

            return new SinkCall(row.Kind, name, builder.ToImmutable(), ignoreAttribute, entityStore: row.EntityStore, returnsSerialized: row.ReturnsSerialized);
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

        /// <summary>Whether the argument for the <c>bool</c> parameter named <paramref name="parameter"/> is the constant <c>true</c>.</summary>
        private static bool IsTrue(ImmutableArray<IArgumentOperation> arguments, string parameter)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } p && p.Name == parameter)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: true };
                }
            }

            return false;
        }

        /// <summary>The parameter that takes a logging call's message template (message, messageTemplate, messageFormat, format).</summary>
        public static bool IsTemplateParameter(IParameterSymbol parameter) => SinkRow.MessageTemplates.IndexOf(parameter.Name) >= 0;

        /// <summary>
        /// Arguments that carry data into a sink: not the receiver of an extension method, the logger, level, event id,
        /// exception, format provider, callbacks, or a type that configures the call (<see cref="SinkTables.ConfigurationTypes"/>).
        /// </summary>
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

            if (TypeShapes.DerivesFrom(type, Types.Exception) || SymbolEqualityComparer.Default.Equals(type, Types.FormatProvider)
                || SymbolEqualityComparer.Default.Equals(type, Types.Type) || IsLogger(type))
            {
                return false;
            }

            return !Tables.IsConfigurationType(type);
        }

        private bool IsLogger(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol named && Tables.IsLoggerType(named.OriginalDefinition))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, Types.MelLogger))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A client proxy of a strongly typed hub: what <c>IHubClients&lt;T&gt;</c> or <c>IHubCallerClients&lt;T&gt;</c> returns.</summary>
        private bool IsHubClientProxy(IOperation? instance)
        {
            if (instance is null || Types.HubClients is null)
            {
                return false;
            }

            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            var owner = instance switch
            {
                IPropertyReferenceOperation property => property.Property.ContainingType,
                IInvocationOperation call => call.TargetMethod.ContainingType,
                _ => null,
            };

            return owner is not null
                && (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, Types.HubClients)
                    || SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, Types.HubCallerClients));
        }

        private bool IsLoggerMessageDelegate(INamedTypeSymbol type, IMethodSymbol invoke)
            => Types.MelLogger is not null && type.Name == "Action" && TypeShapes.IsInNamespace(type, TypeShapes.SystemNamespace)
                && invoke.Parameters.Length >= 2
                && SymbolEqualityComparer.Default.Equals(invoke.Parameters[0].Type, Types.MelLogger);

        /// <summary>A table row resolved in one compilation.</summary>
        private sealed class ResolvedRow
        {
            public ResolvedRow(SinkRow row, INamedTypeSymbol? ignoreAttribute, ImmutableArray<ITypeSymbol> overload)
            {
                Row = row;
                IgnoreAttribute = ignoreAttribute;
                Overload = overload;
            }

            public SinkRow Row { get; }

            public INamedTypeSymbol? IgnoreAttribute { get; }

            /// <summary>The parameter types of the one overload the row names; default for every overload.</summary>
            public ImmutableArray<ITypeSymbol> Overload { get; }

            public bool Accepts(IMethodSymbol method)
            {
                if (!Row.Names(method.Name))
                {
                    return false;
                }

                if (Overload.IsDefault)
                {
                    return true;
                }

                var parameters = method.OriginalDefinition.Parameters;
                if (parameters.Length != Overload.Length)
                {
                    return false;
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    if (!SymbolEqualityComparer.Default.Equals(parameters[i].Type, Overload[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The sink tables, resolved by metadata name for one compilation.</summary>
        private sealed class ResolvedTables
        {
            private readonly Dictionary<INamedTypeSymbol, List<ResolvedRow>> _rows = new Dictionary<INamedTypeSymbol, List<ResolvedRow>>(SymbolEqualityComparer.Default);
            private readonly HashSet<INamedTypeSymbol> _loggers = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            private readonly HashSet<INamedTypeSymbol> _configurationTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            private readonly bool _hasDerivedRows;

            public ResolvedTables(Compilation compilation)
            {
                var resolved = new Dictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
                INamedTypeSymbol? Resolve(string name)
                {
                    if (!resolved.TryGetValue(name, out var type))
                    {
                        resolved[name] = type = TypeLookup.Find(compilation, name);
                    }

                    return type;
                }

                foreach (var row in SinkTables.All)
                {
                    if (Resolve(row.Type) is not { } type || !TryResolveOverload(row, Resolve, out var overload))
                    {
                        continue;
                    }

                    if (!_rows.TryGetValue(type, out var rows))
                    {
                        _rows[type] = rows = new List<ResolvedRow>();
                    }

                    var ignore = row.IgnoreAttribute is null ? null : SinkTables.IsMvcResponse(row) ? SinkTables.MvcResponseIgnore(Resolve) : row.IgnoreAttribute;
                    rows.Add(new ResolvedRow(row, ignore is null ? null : Resolve(ignore), overload));
                    _hasDerivedRows |= row.Derived;
                    if (row.Kind == SinkKind.Logging)
                    {
                        _loggers.Add(type);
                    }
                }

                foreach (var name in SinkTables.ConfigurationTypes)
                {
                    if (Resolve(name) is { } type)
                    {
                        _configurationTypes.Add(type);
                    }
                }
            }

            private static bool TryResolveOverload(SinkRow row, Func<string, INamedTypeSymbol?> resolve, out ImmutableArray<ITypeSymbol> overload)
            {
                overload = default;
                if (row.Overload.IsDefault)
                {
                    return true;
                }

                var builder = ImmutableArray.CreateBuilder<ITypeSymbol>(row.Overload.Length);
                foreach (var name in row.Overload)
                {
                    if (resolve(name) is not { } type)
                    {
                        return false;
                    }

                    builder.Add(type);
                }

                overload = builder.MoveToImmutable();
                return true;
            }

            /// <summary>The row <paramref name="method"/> of <paramref name="type"/> matches, or null.</summary>
            public ResolvedRow? Find(INamedTypeSymbol type, IMethodSymbol method)
            {
                var inherited = false;
                for (var current = type; current is not null; current = _hasDerivedRows ? current.BaseType?.OriginalDefinition : null, inherited = true)
                {
                    if (_rows.TryGetValue(current, out var rows))
                    {
                        foreach (var row in rows)
                        {
                            if ((!inherited || row.Row.Derived) && row.Accepts(method))
                            {
                                return row;
                            }
                        }
                    }
                }

                return null;
            }

            /// <summary>A type some logging row names (a logger passed to a call is not data).</summary>
            public bool IsLoggerType(INamedTypeSymbol type) => _loggers.Contains(type);

            /// <summary>A parameter type that configures a call (<see cref="SinkTables.ConfigurationTypes"/>).</summary>
            public bool IsConfigurationType(ITypeSymbol type) => type is INamedTypeSymbol named && _configurationTypes.Contains(named.OriginalDefinition);
        }
    }
}
