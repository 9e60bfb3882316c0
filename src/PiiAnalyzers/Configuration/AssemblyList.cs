using System;
using System.Collections.Generic;

namespace PiiAnalyzers.Configuration
{
    /// <summary>
    /// The referenced assemblies <c>pii_analyzers.infer_from_assemblies</c> names (<see cref="PiiOptions.InferFromAssemblies"/>):
    /// a list of names, every assembly (<c>*</c>), or by default those that share the analyzed assembly's first name
    /// segment, the usual shape of a layered solution (<c>Contoso.Server</c> infers in <c>Contoso.Shared</c> and
    /// <c>Contoso.Domain</c>, not in <c>Microsoft.*</c> or third-party packages).
    /// </summary>
    internal sealed class AssemblyList
    {
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool _all;
        private readonly string? _prefix;

        private AssemblyList(bool all, string? prefix)
        {
            _all = all;
            _prefix = prefix;
        }

        /// <summary>The names listed, comma-separated; <c>*</c> stands for every assembly.</summary>
        public static AssemblyList Parse(string value)
        {
            var list = new AssemblyList(value.Split(',') is var items && Array.Exists(items, i => i.Trim() == "*"), prefix: null);
            foreach (var item in value.Split(','))
            {
                if (item.Trim() is { Length: > 0 } name)
                {
                    list._names.Add(name);
                }
            }

            return list;
        }

        /// <summary>The assemblies whose name starts with the first segment of <paramref name="assemblyName"/> and a dot.</summary>
        public static AssemblyList SameFirstSegment(string assemblyName)
        {
            var dot = assemblyName.IndexOf('.');
            var first = dot > 0 ? assemblyName.Substring(0, dot) : assemblyName;
            return new AssemblyList(all: false, prefix: first.Length == 0 ? null : first + ".");
        }

        public bool Contains(string assemblyName)
            => _all || _names.Contains(assemblyName)
                || (_prefix is not null && assemblyName.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase));
    }
}
