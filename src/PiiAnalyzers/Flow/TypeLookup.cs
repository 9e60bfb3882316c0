using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Types by metadata name, found as <see cref="Compilation.GetTypeByMetadataName(string)"/> finds them (the
    /// compilation's own type first, else the one type a reference without an extern alias declares, else null), with each
    /// referenced assembly's answer kept per assembly symbol.
    /// </summary>
    /// <remarks>
    /// The compiler's lookup asks every reference again in every compilation: about a millisecond per name against the
    /// ASP.NET Core shared framework's 300 references, paid at each compilation start for the hundred names the sink
    /// tables, the library models and the markers use. A new compilation with the same references (every edit in the
    /// IDE, every project of a build that shares a framework) reuses the referenced assemblies' symbols, so here it asks
    /// each of them once per name.
    /// </remarks>
    internal static class TypeLookup
    {
        private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<string, INamedTypeSymbol?>> Declared =
            new ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<string, INamedTypeSymbol?>>();

        private static readonly ConditionalWeakTable<IAssemblySymbol, ConcurrentDictionary<string, INamedTypeSymbol?>>.CreateValueCallback NewTable =
            _ => new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);

        /// <summary>The type named <paramref name="metadataName"/> in <paramref name="compilation"/>, or null when none or ambiguous.</summary>
        public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
        {
            if (compilation.Assembly.GetTypeByMetadataName(metadataName) is { } own)
            {
                return own;
            }

            INamedTypeSymbol? found = null;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (DeclaredIn(assembly, metadataName) is not { } type || !IsGlobal(compilation, assembly))
                {
                    continue;
                }

                if (found is not null)
                {
                    return null; // declared by two references: the compiler's lookup finds none either
                }

                found = type;
            }

            return found;
        }

        /// <summary>
        /// As <see cref="Find"/>, but when several references declare the type, the core library's (a type the runtime
        /// also ships in a package, such as <c>System.Text.Json</c>'s).
        /// </summary>
        public static INamedTypeSymbol? FindPreferringCoreLibrary(Compilation compilation, string metadataName)
            => Find(compilation, metadataName)
                ?? (compilation.ObjectType.ContainingAssembly is { } core ? DeclaredIn(core, metadataName) : null);

        /// <summary>The top-level or nested type <paramref name="assembly"/> itself declares under <paramref name="metadataName"/>.</summary>
        private static INamedTypeSymbol? DeclaredIn(IAssemblySymbol assembly, string metadataName)
        {
            var table = Declared.GetValue(assembly, NewTable);
            if (table.TryGetValue(metadataName, out var known))
            {
                return known;
            }

            return table.GetOrAdd(metadataName, assembly.GetTypeByMetadataName(metadataName));
        }

        /// <summary>False for an assembly referenced only under an extern alias, which a global lookup does not see.</summary>
        private static bool IsGlobal(Compilation compilation, IAssemblySymbol assembly)
        {
            if (compilation.GetMetadataReference(assembly) is not { Properties.Aliases: { IsEmpty: false } aliases })
            {
                return true;
            }

            foreach (var alias in aliases)
            {
                if (alias == "global")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
