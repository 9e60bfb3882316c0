using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// What a serializer or store actually writes of a value's type, as opposed to everything the type holds
    /// (<see cref="PersonalDataCatalog.GetContainerTaint"/>): members carrying the sink's ignore attribute
    /// (<c>[JsonIgnore]</c>, <c>[NotMapped]</c>, and for EF Core <c>Ignore</c> in the model, see <see cref="FluentIgnores"/>)
    /// are skipped with everything below them, at any level; and an entity store
    /// (EF Core) writes an entity's own columns, its owned types and the children in its collection navigations, while a
    /// reference navigation to another entity (a class with a key) points at a row, not a copy of it. Cached per type,
    /// ignore attribute and kind of store.
    /// </summary>
    internal sealed class WrittenData
    {
        private readonly PersonalDataCatalog _catalog;
        private readonly ConcurrentDictionary<Key, ImmutableHashSet<Origin>> _written = new ConcurrentDictionary<Key, ImmutableHashSet<Origin>>();
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _entities = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private readonly System.Lazy<FluentIgnores> _fluentIgnores;

        public WrittenData(PersonalDataCatalog catalog, Compilation compilation, Func<SyntaxTree, SemanticModel> models)
        {
            _catalog = catalog;
            _fluentIgnores = new System.Lazy<FluentIgnores>(() => FluentIgnores.Find(compilation, models, System.Threading.CancellationToken.None));
        }

        /// <summary>The data written when a value of <paramref name="type"/> is handed to the sink.</summary>
        public ImmutableHashSet<Origin> Of(ITypeSymbol type, INamedTypeSymbol? ignore, bool entityStore)
        {
            var key = new Key(type, ignore, entityStore);
            if (_written.TryGetValue(key, out var known))
            {
                return known;
            }

            var builder = ImmutableHashSet.CreateBuilder<Origin>();
            Collect(type, 0, ignore, entityStore, builder, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));
            return _written.GetOrAdd(key, builder.ToImmutable());
        }

        private void Collect(ITypeSymbol type, int depth, INamedTypeSymbol? ignore, bool entityStore, ImmutableHashSet<Origin>.Builder into, HashSet<ITypeSymbol> path)
        {
            if (depth > PersonalDataCatalog.MaxContainerDepth || (type.SpecialType != SpecialType.None && TypeShapes.IsLeaf(type)))
            {
                return;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    Collect(array.ElementType, depth + 1, ignore, entityStore, into, path);
                    return;
                case INamedTypeSymbol { IsTupleType: true } tuple:
                    foreach (var element in tuple.TupleElements)
                    {
                        Collect(element.Type, depth + 1, ignore, entityStore, into, path);
                    }

                    return;
                case INamedTypeSymbol named when TypeShapes.IsCategoryGeneric(named):
                    return;
                case INamedTypeSymbol named when TypeShapes.IsFrameworkType(named):
                    foreach (var argument in named.TypeArguments)
                    {
                        Collect(argument, depth + 1, ignore, entityStore, into, path);
                    }

                    return;
                case INamedTypeSymbol named:
                    if (!path.Add(named))
                    {
                        return;
                    }

                    CollectMembers(named, depth, ignore, entityStore, into, path);
                    path.Remove(named);
                    return;
            }
        }

        private void CollectMembers(INamedTypeSymbol type, int depth, INamedTypeSymbol? ignore, bool entityStore, ImmutableHashSet<Origin>.Builder into, HashSet<ITypeSymbol> path)
        {
            for (var current = type; current is not null && !TypeShapes.IsFrameworkType(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (TypeShapes.DataMemberType(member) is not { } memberType)
                    {
                        continue;
                    }

                    if (ignore is not null && PrivacySymbols.Find(member, ignore) is not null)
                    {
                        continue; // [JsonIgnore], [NotMapped]: nothing of it, nor below it, is written
                    }

                    if (entityStore && (_fluentIgnores.Value.IsIgnored(member) || _fluentIgnores.Value.IsIgnored(memberType)))
                    {
                        continue; // Ignore(x => x.Owner) in the model: not a column, nor a navigation
                    }

                    if (_catalog.GetDeclared(member) is { } item)
                    {
                        into.Add(Origin.Of(item));
                    }
                    else if (!(entityStore && IsEntity(memberType)))
                    {
                        // A reference navigation (Vote.User) points at a row the write does not store; a collection
                        // navigation (Transcript.Messages) holds the children stored with it (their own reference
                        // navigations are cut in turn).
                        Collect(memberType, depth + 1, ignore, entityStore, into, path);
                    }
                }
            }
        }

        /// <summary>
        /// The data a value of <paramref name="type"/> reaches only through a reference navigation, at any depth (cycles
        /// cut): what an entity store never writes with it, even where the container depth limit cut it from the type's
        /// own data (<c>Tag → ArticleTags → Article → Author.Email</c>).
        /// </summary>
        public ImmutableHashSet<Origin> ThroughReferences(ITypeSymbol type)
        {
            if (_throughReferences.TryGetValue(type, out var known))
            {
                return known;
            }

            var builder = ImmutableHashSet.CreateBuilder<Origin>();
            CollectThroughReferences(type, belowReference: false, 0, builder, new HashSet<(ITypeSymbol, bool)>());
            return _throughReferences.GetOrAdd(type, builder.ToImmutable());
        }

        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<Origin>> _throughReferences = new ConcurrentDictionary<ITypeSymbol, ImmutableHashSet<Origin>>(SymbolEqualityComparer.Default);

        /// <summary>How deep <see cref="ThroughReferences"/> looks: far past the container depth, still bounded.</summary>
        private const int MaxNavigationDepth = 12;

        private void CollectThroughReferences(ITypeSymbol type, bool belowReference, int depth, ImmutableHashSet<Origin>.Builder into, HashSet<(ITypeSymbol, bool)> seen)
        {
            if (depth > MaxNavigationDepth || (type.SpecialType != SpecialType.None && TypeShapes.IsLeaf(type)) || !seen.Add((type, belowReference)))
            {
                return;
            }

            switch (type)
            {
                case IArrayTypeSymbol array:
                    CollectThroughReferences(array.ElementType, belowReference, depth + 1, into, seen);
                    return;
                case INamedTypeSymbol named when TypeShapes.IsCategoryGeneric(named) || named.IsTupleType:
                    return;
                case INamedTypeSymbol named when TypeShapes.IsFrameworkType(named):
                    foreach (var argument in named.TypeArguments)
                    {
                        CollectThroughReferences(argument, belowReference, depth + 1, into, seen);
                    }

                    return;
                case INamedTypeSymbol named:
                    for (var current = named; current is not null && !TypeShapes.IsFrameworkType(current); current = current.BaseType)
                    {
                        foreach (var member in current.GetMembers())
                        {
                            if (TypeShapes.DataMemberType(member) is not { } memberType)
                            {
                                continue;
                            }

                            if (_catalog.GetDeclared(member) is { } item)
                            {
                                if (belowReference)
                                {
                                    into.Add(Origin.Of(item));
                                }
                            }
                            else
                            {
                                CollectThroughReferences(memberType, belowReference || IsEntity(memberType), depth + 1, into, seen);
                            }
                        }
                    }

                    return;
            }
        }

        /// <summary>
        /// An entity by EF Core's conventions: a class (not a framework type) with a key — a property named <c>Id</c> or
        /// <c>&lt;Type&gt;Id</c>, or one marked <c>[Key]</c>. A class without a key is an owned or complex type, stored
        /// in its owner's row.
        /// </summary>
        public bool IsEntity(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named || named.SpecialType != SpecialType.None)
            {
                return false;
            }

            return _entities.TryGetValue(named, out var known) ? known : _entities.GetOrAdd(named, HasKey(named));
        }

        private static bool HasKey(INamedTypeSymbol type)
        {
            var conventionalKey = type.Name + "Id";
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IPropertySymbol { IsStatic: false } property)
                    {
                        continue;
                    }

                    if (string.Equals(property.Name, "Id", StringComparison.OrdinalIgnoreCase)
                        || string.Equals(property.Name, conventionalKey, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    foreach (var attribute in property.GetAttributes())
                    {
                        if (attribute.AttributeClass is { Name: "KeyAttribute" } key
                            && key.ContainingNamespace?.ToDisplayString() == "System.ComponentModel.DataAnnotations")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private readonly struct Key : IEquatable<Key>
        {
            private readonly ITypeSymbol _type;
            private readonly INamedTypeSymbol? _ignore;
            private readonly bool _entityStore;

            public Key(ITypeSymbol type, INamedTypeSymbol? ignore, bool entityStore)
            {
                _type = type;
                _ignore = ignore;
                _entityStore = entityStore;
            }

            public bool Equals(Key other)
                => _entityStore == other._entityStore
                    && SymbolEqualityComparer.Default.Equals(_type, other._type)
                    && SymbolEqualityComparer.Default.Equals(_ignore, other._ignore);

            public override bool Equals(object? obj) => obj is Key other && Equals(other);

            public override int GetHashCode()
                => (SymbolEqualityComparer.Default.GetHashCode(_type) * 31) + (_ignore is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(_ignore)) + (_entityStore ? 1 : 0);
        }
    }
}
