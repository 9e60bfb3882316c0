using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// Decides what is personal data in one compilation: which members, parameters and return values are declared as
    /// personal data, and which types hold personal data in their members (containers). Answers are cached per
    /// compilation; the catalog is thread-safe.
    /// </summary>
    internal sealed class PersonalDataCatalog
    {
        /// <summary>How deep container members are followed (Chat → Visitor → Address → Street is depth 3).</summary>
        public const int MaxContainerDepth = 4;

        private readonly PrivacySymbols _symbols;
        private readonly AnalyzerOptions? _options;
        private readonly IAssemblySymbol? _inferringAssembly;
        private readonly System.Lazy<Configuration.AssemblyList>? _inferredAssemblies;
        private readonly ConcurrentDictionary<ISymbol, DataItem?> _declared = new ConcurrentDictionary<ISymbol, DataItem?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, DataItem?> _marked = new ConcurrentDictionary<ISymbol, DataItem?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> _retention = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, Container> _containers = new ConcurrentDictionary<ITypeSymbol, Container>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<Flow.SymbolAtDepth<ITypeSymbol>, Taint> _cutContainers = new ConcurrentDictionary<Flow.SymbolAtDepth<ITypeSymbol>, Taint>();

        /// <param name="symbols">The compilation's attribute symbols.</param>
        /// <param name="options">
        /// The analyzer options, for <c>pii_analyzers.infer_from_names</c> (read for the file that declares each member);
        /// null to infer nothing.
        /// </param>
        /// <param name="inferringAssembly">
        /// The compilation's own assembly, whose members, parameters and locals may be inferred from names where the
        /// declaring file opts in.
        /// </param>
        /// <param name="trees">
        /// The compilation's syntax trees, for <c>pii_analyzers.infer_from_assemblies</c>: the referenced assemblies (built
        /// or, in the IDE, projects) whose members are inferred too, decided once for the compilation so that the build and
        /// the IDE agree. Null: no referenced assembly is.
        /// </param>
        public PersonalDataCatalog(PrivacySymbols symbols, AnalyzerOptions? options = null, IAssemblySymbol? inferringAssembly = null, IEnumerable<SyntaxTree>? trees = null)
        {
            _symbols = symbols;
            _options = options;
            _inferringAssembly = inferringAssembly;
            if (options is not null && inferringAssembly is not null && trees is not null)
            {
                _inferredAssemblies = new System.Lazy<Configuration.AssemblyList>(() => Configuration.PiiOptions.GetInferredAssemblies(options, trees, inferringAssembly.Name));
            }
        }

        public PrivacySymbols Symbols => _symbols;

        /// <summary>True when some file opts in to <c>pii_analyzers.infer_from_names</c>: locals may then be personal data.</summary>
        public bool InfersFromNames => _options is not null;

        /// <summary>
        /// The personal data on a property, field or parameter, or on a method's return value; null when none: what is
        /// marked (<see cref="GetMarked"/>), or — where <c>pii_analyzers.infer_from_names = true</c> applies to the file
        /// that declares the member — what its name says (purpose and basis not declared).
        /// </summary>
        public DataItem? GetDeclared(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (_options is null || symbol is not (IPropertySymbol or IFieldSymbol or IParameterSymbol or ILocalSymbol) || !MayInfer(symbol))
            {
                // Nothing to infer (no file opts in, not a member, parameter or local, or an assembly not inferred in):
                // the marks' cache is the only one.
                return GetMarked(symbol);
            }

            if (_declared.TryGetValue(symbol, out var known))
            {
                return known;
            }

            return _declared.GetOrAdd(symbol, GetMarked(symbol) ?? Infer(symbol));
        }

        /// <summary>
        /// The personal data marked on a property, field or parameter, or on a method's return value; null when none.
        /// Marks are PiiAttributes' <c>[PersonalData]</c>, ASP.NET Core Identity's <c>[PersonalData]</c> and
        /// <c>[ProtectedPersonalData]</c>, Microsoft.Extensions.Compliance data classifications, and the library properties
        /// that hold personal data unmarked (<see cref="FrameworkSources.OfMember"/>). An overriding
        /// property inherits the mark of the one it overrides, an implementation that of its interface property, a
        /// positional record property that of its parameter.
        /// </summary>
        public DataItem? GetMarked(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (_marked.TryGetValue(symbol, out var known))
            {
                return known;
            }

            return _marked.GetOrAdd(symbol, ReadDeclaration(symbol));
        }

        /// <summary>True when inference from names covers the assembly of <paramref name="symbol"/>.</summary>
        private bool MayInfer(ISymbol symbol)
        {
            var assembly = symbol.ContainingAssembly;
            return SymbolEqualityComparer.Default.Equals(assembly, _inferringAssembly)
                || (assembly is not null && symbol is IPropertySymbol or IFieldSymbol && _inferredAssemblies is not null && _inferredAssemblies.Value.Contains(assembly.Name));
        }

        /// <summary>
        /// What the name of <paramref name="symbol"/> says (see <see cref="GetDeclared"/>): a property, field, parameter or
        /// local of this project, where the file that declares it opts in; or a property or field of a referenced
        /// assembly that <c>pii_analyzers.infer_from_assemblies</c> covers, whatever its files say (a built reference has
        /// none), so that the build and the IDE agree.
        /// </summary>
        private DataItem? Infer(ISymbol symbol)
        {
            if (_options is null || symbol.IsImplicitlyDeclared)
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _inferringAssembly))
            {
                if (symbol.DeclaringSyntaxReferences.Length == 0
                    || !Configuration.PiiOptions.InfersFromNames(_options, symbol.DeclaringSyntaxReferences[0].SyntaxTree))
                {
                    return null;
                }
            }
            else if (symbol.DeclaredAccessibility == Accessibility.Private)
            {
                return null; // a referenced assembly's private members are not read from outside it
            }

            var type = symbol switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => ((ILocalSymbol)symbol).Type,
            };
            // A parameter's or local's method belongs to a type that does not own the data (Service.Register(email)).
            var owner = symbol is IPropertySymbol or IFieldSymbol ? symbol.ContainingType : null;
            return NameHeuristics.Match(symbol.Name, type, owner) is { } term
                ? new DataItem(symbol, DisplayName(symbol), ImmutableArray<string>.Empty, term.Category, DataItem.UndeclaredBasis)
                : null;
        }

        /// <summary>
        /// The personal data a value of <paramref name="type"/> holds in its members, transitively (properties and
        /// fields, arrays, collections, dictionaries, tuples, records, anonymous types), down to
        /// <see cref="MaxContainerDepth"/> levels. Records, tuples and anonymous types print their members.
        /// </summary>
        public Taint GetContainerTaint(ITypeSymbol? type) => type is null ? Taint.Clean : ComputeContainer(type, 0);

        /// <summary>
        /// True when a <c>[RetentionPolicy]</c> applies to <paramref name="item"/> stored as part of
        /// <paramref name="root"/>: on the member, on its declaring type (or a base), on the stored root type (or a
        /// base), or on the assembly of the member or of the root type.
        /// </summary>
        public bool HasRetentionPolicy(DataItem item, ITypeSymbol? root)
        {
            var symbol = item.Symbol;
            return HasRetention(symbol)
                || (symbol is not IParameterSymbol && HasRetention(symbol.ContainingType))
                || (root is not null && HasRetention(root))
                || HasRetention(symbol.ContainingAssembly)
                || (root?.ContainingAssembly is { } rootAssembly && HasRetention(rootAssembly));
        }

        private bool HasRetention(ISymbol? symbol)
        {
            if (symbol is null || _symbols.RetentionPolicy is null)
            {
                return false;
            }

            symbol = symbol.OriginalDefinition;
            if (_retention.TryGetValue(symbol, out var known))
            {
                return known;
            }

            var found = false;
            if (symbol is ITypeSymbol type)
            {
                for (var current = type; current is not null && !found; current = current.BaseType)
                {
                    found = PrivacySymbols.Find(current, _symbols.RetentionPolicy) is not null;
                }
            }
            else
            {
                found = PrivacySymbols.Find(symbol, _symbols.RetentionPolicy) is not null;
            }

            return _retention.GetOrAdd(symbol, found);
        }

        private DataItem? ReadDeclaration(ISymbol symbol)
        {
            if (symbol is IPropertySymbol && _symbols.Framework.OfMember(symbol) is { } framework)
            {
                return framework; // IIdentity.Name, RemoteIpAddress...: no declared purpose, no declared basis
            }

            var attribute = symbol is IMethodSymbol method ? FindReturnAttribute(method) : PrivacySymbols.Find(symbol, _symbols.PersonalData);
            if (attribute is null && symbol is IPropertySymbol or IFieldSymbol)
            {
                // [PersonalDataMember(nameof(Email), ...)] on a derived type or the assembly: as [PersonalData] on the member.
                attribute = _symbols.FindMemberDeclaration(symbol);
            }

            if (attribute is null)
            {
                if (symbol is IPropertySymbol { OverriddenProperty: { } overridden })
                {
                    return GetMarked(overridden);
                }

                if (symbol is IPropertySymbol implementation && ImplementedMark(implementation) is { } fromInterface)
                {
                    // class ContactCard : IContact: the interface's declaration holds for its implementation.
                    return fromInterface;
                }

                if (symbol is IPropertySymbol property && PositionalParameter(property) is { } parameter
                    && PrivacySymbols.Find(parameter, _symbols.PersonalData) is { } onParameter)
                {
                    // record Visitor([PersonalData] string Email): the attribute sits on the parameter, the data on the property.
                    attribute = onParameter;
                }
                else if (symbol is not IMethodSymbol && !IsFlagOrKey(symbol) && _symbols.FindEcosystemMarker(symbol) is not null)
                {
                    // Identity's [PersonalData] / [ProtectedPersonalData], a compliance classification: no declared
                    // purpose, and no declared basis (so no consent rule applies).
                    var guessed = NameHeuristics.Match(symbol.Name)?.Category ?? 0;
                    return new DataItem(symbol, DisplayName(symbol), ImmutableArray<string>.Empty, guessed, DataItem.UndeclaredBasis);
                }
                else
                {
                    return null;
                }
            }

            string? purpose = null;
            int category = 0;
            int basis = 0;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Purpose":
                        purpose = argument.Value.Value as string;
                        break;
                    case "Category" when argument.Value.Value is int value:
                        category = value;
                        break;
                    case "Basis" when argument.Value.Value is int value:
                        basis = value;
                        break;
                }
            }

            return new DataItem(symbol, DisplayName(symbol), PurposeList.Parse(purpose), category, basis);
        }

        /// <summary>
        /// A boolean or the key <c>Id</c>: Identity marks <c>IdentityUser.EmailConfirmed</c>, <c>TwoFactorEnabled</c> and
        /// <c>Id</c> as personal data for its download, but on their own they say nothing about a person.
        /// </summary>
        private static bool IsFlagOrKey(ISymbol symbol)
        {
            var type = symbol switch
            {
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type?.SpecialType == SpecialType.System_Boolean || symbol.Name == "Id";
        }

        /// <summary>The declaration on an interface property that <paramref name="property"/> implements, or null.</summary>
        private DataItem? ImplementedMark(IPropertySymbol property)
        {
            foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
            {
                if (GetMarked(explicitImplementation) is { } item)
                {
                    return item;
                }
            }

            foreach (var @interface in property.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(property.Name))
                {
                    if (member is IPropertySymbol interfaceProperty
                        && SymbolEqualityComparer.Default.Equals(property.ContainingType.FindImplementationForInterfaceMember(interfaceProperty), property)
                        && GetMarked(interfaceProperty) is { } item)
                    {
                        return item;
                    }
                }
            }

            return null;
        }

        /// <summary>The primary-constructor parameter a positional record property was declared by, or null.</summary>
        private static IParameterSymbol? PositionalParameter(IPropertySymbol property)
        {
            if (!property.ContainingType.IsRecord || property.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = property.DeclaringSyntaxReferences[0];
            foreach (var constructor in property.ContainingType.InstanceConstructors)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    foreach (var parameterReference in parameter.DeclaringSyntaxReferences)
                    {
                        if (parameterReference.SyntaxTree == reference.SyntaxTree && parameterReference.Span == reference.Span)
                        {
                            return parameter;
                        }
                    }
                }
            }

            return null;
        }

        private AttributeData? FindReturnAttribute(IMethodSymbol method)
        {
            if (_symbols.PersonalData is null)
            {
                return null;
            }

            foreach (var attribute in method.GetReturnTypeAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.PersonalData))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary><c>Visitor.Email</c> for members, <c>email</c> for parameters, <c>Describe()</c> for return values.</summary>
        public static string DisplayName(ISymbol symbol)
        {
            switch (symbol)
            {
                case IParameterSymbol parameter:
                    return parameter.Name;
                case ILocalSymbol local:
                    return local.Name;
                case IMethodSymbol method:
                    return (method.ContainingType is { } type ? type.Name + "." : string.Empty) + method.Name + "()";
                default:
                    return (symbol.ContainingType is { } containing ? containing.Name + "." : string.Empty) + symbol.Name;
            }
        }

        /// <summary>
        /// What a value of <paramref name="type"/> holds, <paramref name="depth"/> levels below the value asked about: a
        /// function of the type and the depth alone, cached per compilation, so that the nested types of every type asked
        /// about are computed once. The depth bounds the recursion, cycles included (a type that holds itself adds
        /// nothing its first level did not).
        /// <para>
        /// An answer the depth limit did not cut holds at every shallower depth too (everything below was reached with
        /// room to spare), so most types are computed once, at the deepest level they are met at, and answered from
        /// <see cref="_containers"/> by the type alone. Answers the limit cut (deep nesting, types that hold themselves)
        /// are kept per depth in <see cref="_cutContainers"/>.
        /// </para>
        /// </summary>
        private Taint ComputeContainer(ITypeSymbol type, int depth) => ComputeContainer(type, depth, out _);

        private Taint ComputeContainer(ITypeSymbol type, int depth, out bool cut)
        {
            cut = false;
            if (type.SpecialType != SpecialType.None && TypeShapes.IsLeaf(type))
            {
                return Taint.Clean; // string, int, bool...: the commonest types, answered without a lookup
            }

            if (_containers.TryGetValue(type, out var known) && known.Depth >= depth)
            {
                return known.Taint; // leaf types too: their answer is cached with the others
            }

            if (TypeShapes.IsLeaf(type))
            {
                Remember(type, new Container(Taint.Clean, int.MaxValue)); // clean at every depth: never cut
                return Taint.Clean;
            }

            if (depth > MaxContainerDepth)
            {
                cut = true;
                return Taint.Clean;
            }

            var key = new Flow.SymbolAtDepth<ITypeSymbol>(type, depth);
            if (_cutContainers.TryGetValue(key, out var cutAnswer))
            {
                cut = true;
                return cutAnswer;
            }

            var taint = ComputeContainerCore(type, depth, ref cut);
            if (cut)
            {
                return _cutContainers.GetOrAdd(key, taint);
            }

            Remember(type, new Container(taint, depth));
            return taint;
        }

        /// <summary>Keeps the answer computed deepest (its own method: the lambda's closure is allocated only here).</summary>
        private void Remember(ITypeSymbol type, Container computed)
            => _containers.AddOrUpdate(type, computed, (_, existing) => existing.Depth >= computed.Depth ? existing : computed);

        private Taint ComputeContainerCore(ITypeSymbol type, int depth, ref bool cut)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return Nested(array.ElementType, depth, ref cut);
                case ITypeParameterSymbol:
                    return Taint.Clean;
                case INamedTypeSymbol named:
                    if (named.IsTupleType)
                    {
                        var tuple = Taint.Clean;
                        foreach (var element in named.TupleElements)
                        {
                            tuple = tuple.Union(Nested(element.Type, depth, ref cut));
                        }

                        return tuple;
                    }

                    if (TypeShapes.IsCategoryGeneric(named))
                    {
                        return Taint.Clean;
                    }

                    if (TypeShapes.IsFrameworkType(named))
                    {
                        // Collections, Task<T>, Nullable<T>, KeyValuePair<K,V>, Lazy<T>...: what their type arguments hold.
                        var wrapped = Taint.Clean;
                        foreach (var argument in named.TypeArguments)
                        {
                            wrapped = wrapped.Union(Nested(argument, depth, ref cut));
                        }

                        return wrapped;
                    }

                    return ComputeMembers(named, depth, ref cut);
                default:
                    return Taint.Clean;
            }
        }

        /// <summary>What a type one level below holds; <paramref name="cut"/> becomes true when the depth limit cut it.</summary>
        private Taint Nested(ITypeSymbol type, int depth, ref bool cut)
        {
            var taint = ComputeContainer(type, depth + 1, out var nestedCut);
            cut |= nestedCut;
            return taint;
        }

        private Taint ComputeMembers(INamedTypeSymbol type, int depth, ref bool cut)
        {
            // A record prints its members, unless its ToString is the team's own (which the walker follows instead).
            var printsMembers = (type.IsRecord || type.IsAnonymousType) && TypeShapes.UserToString(type) is null;
            var result = Taint.Clean;
            for (var current = type; current is not null && !TypeShapes.IsFrameworkType(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (TypeShapes.DataMemberType(member) is not { } memberType)
                    {
                        continue;
                    }

                    if (GetDeclared(member) is { } item)
                    {
                        result = result.Union(Taint.Direct(Origin.Of(item)).AsMember(printsMembers));
                    }
                    else
                    {
                        result = result.Union(Nested(memberType, depth, ref cut).AsMember(printsMembers));
                    }
                }
            }

            return result;
        }

        /// <summary>A type's container taint, and the deepest level it holds at (every level for leaf types).</summary>
        private readonly struct Container
        {
            public Container(Taint taint, int depth)
            {
                Taint = taint;
                Depth = depth;
            }

            public Taint Taint { get; }

            public int Depth { get; }
        }
    }
}
