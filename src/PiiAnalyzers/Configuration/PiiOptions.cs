using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Configuration
{
    /// <summary>
    /// The <c>.editorconfig</c> (or <c>.globalconfig</c>) options PiiAnalyzers reads, and how they are read.
    /// Options are read per syntax tree, so different folders may configure differently. A bad value never throws:
    /// it reads as unset.
    /// </summary>
    internal static class PiiOptions
    {
        /// <summary>The prefix of every option.</summary>
        public const string Prefix = "pii_analyzers.";

        /// <summary>Comma-separated list of the purposes personal data may be collected and processed for (PII007).</summary>
        public const string Purposes = Prefix + "purposes";

        /// <summary>
        /// Comma-separated metadata names (types, methods, namespaces or <c>*</c> patterns) of extra logging sinks (methods
        /// whose arguments end up in a log), each optionally with the purpose it serves: <c>Contoso.Audit.Write => security</c>.
        /// </summary>
        public const string LoggingSinks = Prefix + "logging_sinks";

        /// <summary>
        /// Comma-separated enum members or static fields (event ids) that select an audit channel when passed to a logging
        /// call, each with the purpose the channel serves: <c>Contoso.LogFunction.Security => security</c>.
        /// </summary>
        public const string AuditLogSelectors = Prefix + "audit_log_selectors";

        /// <summary>Comma-separated metadata names (types, methods, namespaces or <c>*</c> patterns) of extra serialization sinks.</summary>
        public const string SerializationSinks = Prefix + "serialization_sinks";

        /// <summary>Comma-separated metadata names (types, methods, namespaces or <c>*</c> patterns) of extra persistence sinks.</summary>
        public const string PersistenceSinks = Prefix + "persistence_sinks";

        /// <summary>Comma-separated metadata names (types, methods, namespaces or <c>*</c> patterns) of extra transfer sinks (calls to external services).</summary>
        public const string TransferSinks = Prefix + "transfer_sinks";

        /// <summary>Comma-separated metadata names of methods or properties that act as consent checks without [ConsentCheck].</summary>
        public const string ConsentChecks = Prefix + "consent_checks";

        /// <summary>Comma-separated metadata names of methods that act as redactors without [Redactor].</summary>
        public const string Redactors = Prefix + "redactors";

        /// <summary>The retention period, in days, the "Add retention policy" fix (PII004) writes; 30 when unset or not a positive integer.</summary>
        public const string DefaultRetentionDays = Prefix + "default_retention_days";

        /// <summary><c>true</c> or <c>false</c>: whether member names are used to suggest unmarked personal data (PII008).</summary>
        public const string InferFromNames = Prefix + "infer_from_names";

        /// <summary>
        /// Comma-separated names of referenced assemblies (projects or packages) whose members are inferred from names too
        /// where <c>pii_analyzers.infer_from_names</c> is on; <c>*</c> for every referenced assembly. Unset: those whose
        /// name starts with the analyzed assembly's first segment (<c>Contoso.Shared</c> for <c>Contoso.Server</c>).
        /// </summary>
        public const string InferFromAssemblies = Prefix + "infer_from_assemblies";

        /// <summary>
        /// The referenced assemblies whose members are inferred from names (see <see cref="InferFromAssemblies"/>), read
        /// once for the compilation: from the global options, else from the first of <paramref name="trees"/> that sets it.
        /// </summary>
        public static AssemblyList GetInferredAssemblies(AnalyzerOptions options, IEnumerable<SyntaxTree> trees, string assemblyName)
        {
            if (options?.AnalyzerConfigOptionsProvider is { } provider)
            {
                if (provider.GlobalOptions.TryGetValue(InferFromAssemblies, out var global) && global is not null && global.Trim().Length != 0)
                {
                    return AssemblyList.Parse(global);
                }

                foreach (var tree in trees)
                {
                    if (TryGetValue(options, tree, InferFromAssemblies, out var value))
                    {
                        return AssemblyList.Parse(value);
                    }
                }
            }

            return AssemblyList.SameFirstSegment(assemblyName);
        }

        /// <summary>True when <c>pii_analyzers.infer_from_names = true</c> applies to <paramref name="tree"/>.</summary>
        public static bool InfersFromNames(AnalyzerOptions options, SyntaxTree tree)
            => TryGetValue(options, tree, InferFromNames, out var value) && string.Equals(value.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The purposes allowed for the code in <paramref name="tree"/>, trimmed, in the order the option lists them,
        /// without empty items or duplicates; null when <see cref="Purposes"/> is unset or lists nothing, which means
        /// any non-empty purpose is accepted.
        /// </summary>
        public static ImmutableArray<string>? GetAllowedPurposes(AnalyzerOptions options, SyntaxTree tree)
        {
            if (!TryGetValue(options, tree, Purposes, out var value))
            {
                return null;
            }

            var items = PurposeList.Parse(value);
            if (items.IsEmpty)
            {
                return null;
            }

            var builder = ImmutableArray.CreateBuilder<string>(items.Length);
            foreach (var item in items)
            {
                if (!Contains(builder, item))
                {
                    builder.Add(item);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// The positive number of days <see cref="DefaultRetentionDays"/> sets for the code in <paramref name="tree"/>;
        /// null when it is unset or anything else ("abc", "0", "-5").
        /// </summary>
        public static int? GetDefaultRetentionDays(AnalyzerOptions options, SyntaxTree tree)
        {
            if (TryGetValue(options, tree, DefaultRetentionDays, out var value)
                && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
                && days > 0)
            {
                return days;
            }

            return null;
        }

        private static bool Contains(ImmutableArray<string>.Builder purposes, string purpose)
        {
            foreach (var item in purposes)
            {
                if (PurposeList.Comparer.Equals(item, purpose))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool TryGetValue(AnalyzerOptions options, SyntaxTree tree, string key, out string value)
        {
            value = string.Empty;
            if (options?.AnalyzerConfigOptionsProvider is not { } provider || tree is null)
            {
                return false;
            }

            if (provider.GetOptions(tree).TryGetValue(key, out var raw) && raw is not null)
            {
                value = raw.Trim();
                return value.Length != 0;
            }

            return false;
        }
    }
}
