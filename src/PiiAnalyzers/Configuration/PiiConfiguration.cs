using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Configuration
{
    /// <summary>
    /// The extra sinks, consent checks and redactors an <c>.editorconfig</c> names for code a team cannot annotate,
    /// resolved to symbols. A name is a fully qualified type (every method of it) or a fully qualified method (every
    /// overload), in metadata form (<c>MyCompany.Audit.AuditTrail.Write</c>; nested types <c>Outer+Inner</c>, generic
    /// types <c>Cache`1</c>). A name that resolves to nothing is ignored.
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

        private readonly Dictionary<INamedTypeSymbol, Members<SinkKind>> _sinks = new Dictionary<INamedTypeSymbol, Members<SinkKind>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, Members<bool>> _consentChecks = new Dictionary<INamedTypeSymbol, Members<bool>>(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, Members<bool>> _redactors = new Dictionary<INamedTypeSymbol, Members<bool>>(SymbolEqualityComparer.Default);

        private PiiConfiguration()
        {
        }

        public bool IsEmpty => _sinks.Count == 0 && _consentChecks.Count == 0 && _redactors.Count == 0;

        /// <summary>The raw option values that decide a configuration: equal keys resolve to equal configurations.</summary>
        public static string Key(AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            var key = string.Empty;
            foreach (var option in new[] { PiiOptions.LoggingSinks, PiiOptions.SerializationSinks, PiiOptions.PersistenceSinks, PiiOptions.TransferSinks, PiiOptions.ConsentChecks, PiiOptions.Redactors })
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
                    Add(compilation, value, kind, configuration._sinks);
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

            return configuration.IsEmpty ? Empty : configuration;
        }

        /// <summary>The kind of sink <paramref name="method"/> is configured as, or null.</summary>
        public SinkKind? SinkKindOf(IMethodSymbol method) => Find(_sinks, method, out var kind) ? kind : (SinkKind?)null;

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

        private static void Add<T>(Compilation compilation, string list, T value, Dictionary<INamedTypeSymbol, Members<T>> into)
        {
            foreach (var raw in list.Split(','))
            {
                var name = raw.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    Get(into, type).All(value);
                    continue;
                }

                var dot = name.LastIndexOf('.');
                if (dot > 0 && dot < name.Length - 1 && compilation.GetTypeByMetadataName(name.Substring(0, dot)) is { } owner)
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
