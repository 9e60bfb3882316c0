using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static PiiAnalyzers.Flow.LibraryModel;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// How data passes through the library calls the engine knows by name: text methods, collections' mutators, LINQ.
    /// One table per family; <see cref="Match"/> reads every table, with the types resolved once per compilation by
    /// metadata name (an absent library costs nothing). A library call no row names is modelled by its shape
    /// (<see cref="Shapes"/>).
    /// </summary>
    internal sealed class LibraryModels
    {
        /// <summary>The methods that put their arguments into a collection or a builder.</summary>
        private static readonly string[] MutatorNames =
        {
            "Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin",
            "Prepend", "Replace", "Set", "TryEnqueue",
        };

        /// <summary>LINQ methods whose lambda is a predicate: it chooses elements and gives nothing to the result.</summary>
        private static readonly string[] Predicates =
        {
            "Where", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "Any", "All", "Count", "LongCount",
            "TakeWhile", "SkipWhile",
        };

        /// <summary>Text: the result is the text of the receiver and of every argument.</summary>
        public static readonly ImmutableArray<LibraryModel> Text = ImmutableArray.Create(
            Of("System.String").ToText(),
            Of("System.Text.StringBuilder").ToText(),
            OfShape(ReceiverShape.Any, "ToString").ToText());

        /// <summary>Collections and builders: a mutator puts its arguments into the receiver.</summary>
        public static readonly ImmutableArray<LibraryModel> Collections = ImmutableArray.Create(
            Of("System.Text.StringBuilder", MutatorNames).IntoReceiverAsText(),
            OfShape(ReceiverShape.SequenceOrText, MutatorNames).IntoReceiver());

        /// <summary>LINQ to objects and to queries: what the lambdas return joins the result, or is the result of a projection.</summary>
        public static readonly ImmutableArray<LibraryModel> Linq = ImmutableArray.Create(
            Of("System.Linq.Enumerable", "Select", "SelectMany").Projecting(),
            Of("System.Linq.Enumerable", "Zip").WithOverload("System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerable`1", "System.Func`3").Projecting(),
            Of("System.Linq.Enumerable", Predicates).Choosing(),
            Of("System.Linq.Enumerable").JoiningLambdas(),
            Of("System.Linq.Queryable", "Select", "SelectMany").Projecting(),
            Of("System.Linq.Queryable", "Zip").WithOverload("System.Linq.IQueryable`1", "System.Collections.Generic.IEnumerable`1", "System.Linq.Expressions.Expression`1").Projecting(),
            Of("System.Linq.Queryable", Predicates).Choosing(),
            Of("System.Linq.Queryable").JoiningLambdas());

        /// <summary>Every row of every table, in the order they are matched (the first row that says a thing says it).</summary>
        public static readonly ImmutableArray<LibraryModel> All = Text.AddRange(Collections).AddRange(Linq);

        /// <summary>How a library call no row names is modelled, as docs/flow-engine.md describes it.</summary>
        public static readonly ImmutableArray<string> Shapes = ImmutableArray.Create(
            "a call on a sequence, a tuple or a framework generic (`First()`, `ToList()`, `GetEnumerator()`, `TryGetValue`) returning text, a sequence, `object`, a type parameter or a type with members: the result (and an `out` value) holds the elements",
            "a static method returning its own type (`JsonContent.Create(lead)`): the object holds what it was made from",
            "a generic method returning its type parameter `T` or a wrapper of it (`Task.FromResult(email)`, `Enumerable.Repeat(email, 3)`): the arguments of type `T` come back",
            "a method returning text (`Uri.EscapeDataString(email)`, `Path.Combine(dir, email)`): the text of the receiver and of every argument",
            "a result of type `bool`, a number, an enum, or none: clean");

        /// <summary>Whether <paramref name="name"/> is a mutator's (what <see cref="Collections"/> names), whatever its type.</summary>
        public static bool IsMutator(string name)
        {
            foreach (var mutator in MutatorNames)
            {
                if (name == mutator)
                {
                    return true;
                }
            }

            return false;
        }

        private readonly Dictionary<INamedTypeSymbol, ResolvedModel[]> _byType = new Dictionary<INamedTypeSymbol, ResolvedModel[]>(SymbolEqualityComparer.Default);
        private readonly LibraryModel[] _byShape;

        public LibraryModels(Compilation compilation)
        {
            var shaped = new List<LibraryModel>();
            var byType = new Dictionary<INamedTypeSymbol, List<ResolvedModel>>(SymbolEqualityComparer.Default);
            foreach (var row in All)
            {
                if (row.Type is null)
                {
                    shaped.Add(row);
                    continue;
                }

                if (Resolve(compilation, row.Type) is not { } type || !TryResolveOverload(compilation, row, out var overload))
                {
                    continue;
                }

                if (!byType.TryGetValue(type, out var rows))
                {
                    byType[type] = rows = new List<ResolvedModel>();
                }

                rows.Add(new ResolvedModel(row, overload));
            }

            foreach (var pair in byType)
            {
                _byType[pair.Key] = pair.Value.ToArray();
            }

            _byShape = shaped.ToArray();
        }

        /// <summary>
        /// What the rows say of a call to <paramref name="method"/> on <paramref name="instance"/> (null for a static or
        /// extension method): for each of receiver, text and lambdas, the first row that names the method and says something of it.
        /// </summary>
        public LibraryCall Match(IMethodSymbol method, IOperation? instance)
        {
            var receiver = ReceiverFlow.None;
            var text = false;
            var lambdas = LambdaFlow.None;
            var lambdasKnown = false;
            if (method.ContainingType?.OriginalDefinition is { } containing && _byType.TryGetValue(containing, out var rows))
            {
                foreach (var row in rows)
                {
                    if (!row.Model.Names(method.Name) || !row.Accepts(method))
                    {
                        continue;
                    }

                    Merge(row.Model, instance is not null, ref receiver, ref text, ref lambdas, ref lambdasKnown);
                }
            }

            foreach (var row in _byShape)
            {
                if (row.Names(method.Name) && Fits(row.Shape, instance))
                {
                    Merge(row, instance is not null, ref receiver, ref text, ref lambdas, ref lambdasKnown);
                }
            }

            return new LibraryCall(receiver, text, lambdas);
        }

        private static void Merge(LibraryModel row, bool hasInstance, ref ReceiverFlow receiver, ref bool text, ref LambdaFlow lambdas, ref bool lambdasKnown)
        {
            if (receiver == ReceiverFlow.None && hasInstance)
            {
                receiver = row.Receiver;
            }

            text |= row.ReturnsText;
            if (!lambdasKnown && row.Lambdas != LambdaFlow.None)
            {
                lambdas = row.Lambdas;
                lambdasKnown = true;
            }
        }

        private static bool Fits(ReceiverShape shape, IOperation? instance) => shape switch
        {
            ReceiverShape.SequenceOrText => instance is not null && (TypeShapes.IsSequence(instance.Type) || TypeShapes.IsTextLike(instance.Type)),
            _ => true,
        };

        /// <summary>The type named <paramref name="metadataName"/>; the core library's when several assemblies declare it.</summary>
        private static INamedTypeSymbol? Resolve(Compilation compilation, string metadataName)
            => TypeLookup.FindPreferringCoreLibrary(compilation, metadataName);

        private static bool TryResolveOverload(Compilation compilation, LibraryModel row, out ImmutableArray<ITypeSymbol> overload)
        {
            overload = default;
            if (row.Overload.IsDefault)
            {
                return true;
            }

            var builder = ImmutableArray.CreateBuilder<ITypeSymbol>(row.Overload.Length);
            foreach (var name in row.Overload)
            {
                if (Resolve(compilation, name) is not { } type)
                {
                    return false;
                }

                builder.Add(type);
            }

            overload = builder.MoveToImmutable();
            return true;
        }

        private sealed class ResolvedModel
        {
            private readonly ImmutableArray<ITypeSymbol> _overload;

            public ResolvedModel(LibraryModel model, ImmutableArray<ITypeSymbol> overload)
            {
                Model = model;
                _overload = overload;
            }

            public LibraryModel Model { get; }

            /// <summary>Whether <paramref name="method"/> is the row's overload (any overload when the row pins none).</summary>
            public bool Accepts(IMethodSymbol method)
            {
                if (_overload.IsDefault)
                {
                    return true;
                }

                var parameters = method.OriginalDefinition.Parameters;
                if (parameters.Length != _overload.Length)
                {
                    return false;
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    if (!SymbolEqualityComparer.Default.Equals(parameters[i].Type.OriginalDefinition, _overload[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    /// <summary>What the library-call tables say of one call (<see cref="LibraryModels.Match"/>).</summary>
    internal readonly struct LibraryCall
    {
        public LibraryCall(ReceiverFlow receiver, bool returnsText, LambdaFlow lambdas)
        {
            Receiver = receiver;
            ReturnsText = returnsText;
            Lambdas = lambdas;
        }

        public ReceiverFlow Receiver { get; }

        public bool ReturnsText { get; }

        public LambdaFlow Lambdas { get; }
    }
}
