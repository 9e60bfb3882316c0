using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Configuration
{
    /// <summary>
    /// The extra sinks, consent checks and redactors an <c>.editorconfig</c> names for code a team cannot annotate,
    /// resolved to symbols. A name is a fully qualified type (every method of it) or a fully qualified method (every
    /// overload), in metadata form (<c>MyCompany.Audit.AuditTrail.Write</c>; nested types <c>Outer+Inner</c>, generic
    /// types <c>Cache`1</c>). A name that resolves to nothing is ignored. A sink may also be a namespace (every method of
    /// every type in it and below it) or a pattern in which <c>*</c> stands for any text (<c>Contoso.Notifications.*Api</c>,
    /// <c>Contoso.*Client.Send*</c>), and a sink named on an interface or a virtual method matches calls to its
    /// implementations and overrides too.
    /// </summary>
    internal sealed class PiiConfiguration
    {
        public static readonly PiiConfiguration Empty = new PiiConfiguration();

        private static readonly (string Key, SinkKind Kind)[] SinkOptions =
        {
            (PiiOptions.LoggingSinks, SinkKind.Logging),
            (PiiOptions.SerializationSinks, SinkKind.Serialization),
            (PiiOptions.PersistenceSinks, SinkKind.Persistence),
            (PiiOptions.TransferSinks, SinkKind.Transfer),
        };

        private readonly Dictionary<INamedTypeSymbol, Members<(SinkKind Kind, string? Purpose)>> _sinks = new Dictionary<INamedTypeSymbol, Members<(SinkKind Kind, string? Purpose)>>(SymbolEqualityComparer.Default);
        private readonly List<(string Pattern, (SinkKind Kind, string? Purpose) Sink)> _sinkPatterns = new List<(string, (SinkKind, string?))>();
        private readonly ConcurrentDictionary<IMethodSymbol, (SinkKind Kind, string? Purpose)?> _patternHits = new ConcurrentDictionary<IMethodSymbol, (SinkKind Kind, string? Purpose)?>(SymbolEqualityComparer.Default);
        private bool _hasInheritedSinks;
        private readonly Dictionary<ISymbol, string> _auditSelectors = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, Members<bool>> _consentChecks = new Dictionary<INamedTypeSymbol, Members<bool>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, Members<bool>> _redactors = new Dictionary<INamedTypeSymbol, Members<bool>>(SymbolEqualityComparer.Default);

        private PiiConfiguration()
        {
        }

        public bool IsEmpty => _sinks.Count == 0 && _sinkPatterns.Count == 0 && _consentChecks.Count == 0 && _redactors.Count == 0 && _auditSelectors.Count == 0;

        /// <summary>The raw option values that decide a configuration: equal keys resolve to equal configurations.</summary>
        public static string Key(AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var key = string.Empty;
            foreach (var option in new[] { PiiOptions.LoggingSinks, PiiOptions.SerializationSinks, PiiOptions.PersistenceSinks, PiiOptions.TransferSinks, PiiOptions.ConsentChecks, PiiOptions.Redactors, PiiOptions.AuditLogSelectors })
            {
                key += (provider.TryGetValue(option, out var value) ? value : string.Empty) + "\n";
            }

            return key;
        }

        /// <summary>Resolves the names the options of <paramref name="tree"/> list in <paramref name="compilation"/>.</summary>
        public static PiiConfiguration Resolve(Compilation compilation, AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var configuration = new PiiConfiguration();
            foreach (var (key, kind) in SinkOptions)
            {
                if (provider.TryGetValue(key, out var value))
                {
                    configuration.AddSinks(compilation, value, kind);
                }
            }

            if (provider.TryGetValue(PiiOptions.ConsentChecks, out var checks))
            {
                Add(compilation, checks, true, configuration._consentChecks);
            }

            if (provider.TryGetValue(PiiOptions.Redactors, out var redactors))
            {
                Add(compilation, redactors, true, configuration._redactors);
            }

            if (provider.TryGetValue(PiiOptions.AuditLogSelectors, out var selectors))
            {
                AddSelectors(compilation, selectors, configuration._auditSelectors);
            }

            return configuration.IsEmpty ? Empty : configuration;
        }

        /// <summary>The kind of sink <paramref name="method"/> is configured as, or null.</summary>
        public SinkKind? SinkKindOf(IMethodSymbol method) => FindSink(method, out var sink) ? sink.Kind : (SinkKind?)null;

        /// <summary>
        /// The purposes a logging call serves by configuration: the purpose a <c>pii_analyzers.logging_sinks</c> entry
        /// gives <paramref name="method"/> (<c>Contoso.Audit.Write => security</c>), and those of the audit-channel
        /// selectors among <paramref name="arguments"/> (<c>pii_analyzers.audit_log_selectors</c>); empty when none.
        /// </summary>
        public ImmutableArray<string> LoggingPurposesOf(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
        {
            var purposes = ImmutableArray<string>.Empty;
            if (FindSink(method, out var sink) && sink.Kind == SinkKind.Logging && sink.Purpose is { } purpose)
            {
                purposes = purposes.Add(purpose);
            }

            if (_auditSelectors.Count == 0)
            {
                return purposes;
            }

            foreach (var argument in arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is IFieldReferenceOperation field && _auditSelectors.TryGetValue(field.Field.OriginalDefinition, out var selected))
                {
                    purposes = SinkPurposes.Union(purposes, ImmutableArray.Create(selected));
                }
            }

            return purposes;
        }

        /// <summary>True when <paramref name="member"/> (a method or a bool property) is configured as a consent check.</summary>
        public bool IsConsentCheck(ISymbol member) => Find(_consentChecks, member, out _);

        /// <summary>True when <paramref name="method"/> is configured as a redactor.</summary>
        public bool IsRedactor(IMethodSymbol method) => Find(_redactors, method, out _);

        private static bool Find<T>(Dictionary<INamedTypeSymbol, Members<T>> map, ISymbol member, out T value)
        {
            value = default!;
            if (map.Count == 0 || member.ContainingType?.OriginalDefinition is not { } type || !map.TryGetValue(type, out var members))
            {
                return false;
            }

            return members.TryGet(member.Name, out value);
        }

        /// <summary>
        /// The sink <paramref name="method"/> is configured as: named itself or with its type, named as the interface member
        /// or the base method it implements or overrides, or matched by a namespace or pattern.
        /// </summary>
        private bool FindSink(IMethodSymbol method, out (SinkKind Kind, string? Purpose) sink)
        {
            if (Find(_sinks, method, out sink))
            {
                return true;
            }

            if (_hasInheritedSinks && FindInherited(method, out sink))
            {
                return true;
            }

            if (_sinkPatterns.Count > 0 && method.ContainingType is not null)
            {
                var hit = _patternHits.GetOrAdd(method.OriginalDefinition, MatchPattern);
                sink = hit.GetValueOrDefault();
                return hit is not null;
            }

            return false;
        }

        /// <summary>The sink an interface member <paramref name="method"/> implements, or a base method it overrides, is configured as.</summary>
        private bool FindInherited(IMethodSymbol method, out (SinkKind Kind, string? Purpose) sink)
        {
            for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (Find(_sinks, overridden, out sink))
                {
                    return true;
                }
            }

            if (method.ContainingType is { TypeKind: not TypeKind.Interface } type && !method.IsStatic)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    if (!_sinks.ContainsKey(@interface.OriginalDefinition))
                    {
                        continue;
                    }

                    foreach (var member in @interface.GetMembers(method.Name))
                    {
                        if (member is IMethodSymbol && Find(_sinks, member, out sink)
                            && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method.OriginalDefinition))
                        {
                            return true;
                        }
                    }
                }
            }

            sink = default;
            return false;
        }

        private (SinkKind Kind, string? Purpose)? MatchPattern(IMethodSymbol method)
        {
            var type = MetadataName(method.ContainingType);
            var member = type + "." + method.Name;
            foreach (var (pattern, sink) in _sinkPatterns)
            {
                if (Wildcard.Matches(pattern, type) || Wildcard.Matches(pattern, member))
                {
                    return sink;
                }
            }

            return null;
        }

        /// <summary><c>Namespace.Outer+Inner`1</c>.</summary>
        private static string MetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        /// <summary>Sink entries, each optionally followed by the purpose it serves: <c>Contoso.Audit.Write => security</c>.</summary>
        private void AddSinks(Compilation compilation, string list, SinkKind kind)
        {
            foreach (var raw in list.Split(','))
            {
                var (name, purpose) = SplitPurpose(raw);
                if (name.IndexOf('*') >= 0)
                {
                    _sinkPatterns.Add((name, (kind, purpose)));
                }
                else if (name.Length > 0 && TypeLookup.Find(compilation, name) is null && IsNamespace(compilation, name))
                {
                    _sinkPatterns.Add((name + ".*", (kind, purpose)));
                }
                else
                {
                    Add(compilation, name, (kind, purpose), _sinks);
                }
            }

            foreach (var type in _sinks.Keys)
            {
                _hasInheritedSinks |= type.TypeKind == TypeKind.Interface || type.IsAbstract || !type.IsSealed;
            }
        }

        /// <summary>Whether <paramref name="name"/> (<c>Contoso.Notifications</c>) is a namespace of the compilation or its references.</summary>
        private static bool IsNamespace(Compilation compilation, string name)
        {
            INamespaceSymbol? current = compilation.GlobalNamespace;
            foreach (var part in name.Split('.'))
            {
                current = current?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
            }

            return current is not null;
        }

        /// <summary>
        /// Audit-channel selectors: an enum member or a static field or constant (an event id) and the purpose a logging
        /// call passing it serves, <c>Contoso.LogFunction.Security => security</c>; <c>security</c> when no purpose is given.
        /// </summary>
        private static void AddSelectors(Compilation compilation, string list, Dictionary<ISymbol, string> into)
        {
            foreach (var raw in list.Split(','))
            {
                var (name, purpose) = SplitPurpose(raw);
                var dot = name.LastIndexOf('.');
                if (dot > 0 && dot < name.Length - 1 && TypeLookup.Find(compilation, name.Substring(0, dot)) is { } owner)
                {
                    foreach (var member in owner.GetMembers(name.Substring(dot + 1)))
                    {
                        if (member is IFieldSymbol { IsStatic: true } field)
                        {
                            into[field] = purpose ?? SinkPurposes.Security;
                        }
                    }
                }
            }
        }

        /// <summary><c>Name => purpose</c> as the name and the purpose; a missing or empty purpose is null.</summary>
        private static (string Name, string? Purpose) SplitPurpose(string item)
        {
            var arrow = item.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                return (item.Trim(), null);
            }

            var purpose = item.Substring(arrow + 2).Trim();
            return (item.Substring(0, arrow).Trim(), purpose.Length == 0 ? null : purpose);
        }

        private static void Add<T>(Compilation compilation, string list, T value, Dictionary<INamedTypeSymbol, Members<T>> into)
        {
            foreach (var raw in list.Split(','))
            {
                var name = raw.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (TypeLookup.Find(compilation, name) is { } type)
                {
                    Get(into, type).All(value);
                    continue;
                }

                var dot = name.LastIndexOf('.');
                if (dot > 0 && dot < name.Length - 1 && TypeLookup.Find(compilation, name.Substring(0, dot)) is { } owner)
                {
                    var member = name.Substring(dot + 1);
                    if (owner.GetMembers(member).Length > 0)
                    {
                        Get(into, owner).Add(member, value);
                    }
                }

                // Anything else names nothing in this compilation: ignored.
            }
        }

        private static Members<T> Get<T>(Dictionary<INamedTypeSymbol, Members<T>> map, INamedTypeSymbol type)
        {
            if (!map.TryGetValue(type, out var members))
            {
                members = new Members<T>();
                map[type] = members;
            }

            return members;
        }

        /// <summary>The members of one type a list names: all of them, or some by name.</summary>
        private sealed class Members<T>
        {
            private readonly Dictionary<string, T> _byName = new Dictionary<string, T>(StringComparer.Ordinal);
            private bool _all;
            private T _allValue = default!;

            public void All(T value)
            {
                _all = true;
                _allValue = value;
            }

            public void Add(string name, T value) => _byName[name] = value;

            public bool TryGet(string name, out T value)
            {
                if (_byName.TryGetValue(name, out value!))
                {
                    return true;
                }

                value = _allValue;
                return _all;
            }
        }
    }
}
