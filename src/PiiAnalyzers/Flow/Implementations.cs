using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// Which bodies of this compilation a virtual call may run: the implementations of an interface member and the
    /// overrides of a virtual or abstract method (<c>IVisitorStore.Save(v)</c> runs <c>EfVisitorStore.Save</c>). A call
    /// through an interface is then summarized as the union of what every implementation does, as a direct call to a
    /// helper is summarized from its one body. The index is built once per compilation, on the first virtual call that
    /// passes personal data, from the types declared in this compilation only.
    /// </summary>
    internal sealed class Implementations
    {
        /// <summary>A member with more implementations than this is treated as a library method: too open to summarize.</summary>
        public const int MaxImplementations = 8;

        private readonly Compilation _compilation;
        private readonly Lazy<Dictionary<IMethodSymbol, List<IMethodSymbol>>> _index;

        public Implementations(Compilation compilation)
        {
            _compilation = compilation;
            _index = new Lazy<Dictionary<IMethodSymbol, List<IMethodSymbol>>>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// The methods of this compilation that implement or override <paramref name="method"/> (by original
        /// definition; one <see cref="IsDispatched"/> accepts), empty when there are none or more than
        /// <see cref="MaxImplementations"/>.
        /// </summary>
        public ImmutableArray<IMethodSymbol> Of(IMethodSymbol method)
        {
            return _index.Value.TryGetValue(method.OriginalDefinition, out var found) && found.Count <= MaxImplementations
                ? found.ToImmutableArray()
                : ImmutableArray<IMethodSymbol>.Empty;
        }

        /// <summary>
        /// True when a call to <paramref name="method"/> may run another body than its own that is worth following: a
        /// member of the framework's own types (<c>ILogger.Log</c>, <c>object.ToString</c>, <c>IEnumerable</c>) is not
        /// followed into the compilation's implementations, which keeps the index from being built for code that only
        /// calls framework interfaces.
        /// </summary>
        public static bool IsDispatched(IMethodSymbol method)
            => !method.IsStatic && !method.IsSealed && method.MethodKind == MethodKind.Ordinary
                && (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface)
                && method.ContainingType is { } type && !TypeShapes.IsFrameworkType(type);

        private Dictionary<IMethodSymbol, List<IMethodSymbol>> Build()
        {
            var index = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(_compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                var container = pending.Pop();
                foreach (var member in container.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        pending.Push(nested);
                    }
                }

                if (container is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                {
                    Add(index, type);
                }
            }

            return index;
        }

        private static void Add(Dictionary<IMethodSymbol, List<IMethodSymbol>> index, INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, IsAbstract: false } method)
                {
                    for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                    {
                        Record(index, overridden, method);
                    }
                }
            }

            if (type.IsAbstract)
            {
                return; // an abstract class's interface members are implemented by its derived types, which are indexed too
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } interfaceMethod
                        && type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol { IsAbstract: false } implementation
                        && !SymbolEqualityComparer.Default.Equals(implementation.ContainingType?.OriginalDefinition, @interface.OriginalDefinition))
                    {
                        Record(index, interfaceMethod, implementation);
                    }
                }
            }
        }

        private static void Record(Dictionary<IMethodSymbol, List<IMethodSymbol>> index, IMethodSymbol member, IMethodSymbol implementation)
        {
            var key = member.OriginalDefinition;
            var body = implementation.OriginalDefinition;
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = new List<IMethodSymbol>();
            }

            if (!list.Contains(body, SymbolEqualityComparer.Default))
            {
                list.Add(body);
            }
        }
    }
}
