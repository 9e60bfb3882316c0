using System.Collections.Immutable;

namespace PiiAnalyzers.Flow
{
    /// <summary>How a library call's lambda arguments take part in its result.</summary>
    internal enum LambdaFlow
    {
        /// <summary>The lambdas are analyzed for their own sinks; what they return is not the call's result.</summary>
        None,

        /// <summary>The result also holds what the lambdas return (<c>OrderBy(v =&gt; v.Email)</c>, <c>ToDictionary</c>).</summary>
        Joins,

        /// <summary>The result is what the lambdas return, not the elements (<c>Select(v =&gt; v.Id)</c>), when they return data.</summary>
        Projects,

        /// <summary>The lambda is a predicate: it only chooses elements (<c>Where</c>, <c>First</c>, <c>Any</c>).</summary>
        Chooses,
    }

    /// <summary>How data passes through a library call.</summary>
    internal enum ReceiverFlow
    {
        /// <summary>The receiver is left as it was.</summary>
        None,

        /// <summary>The receiver now holds the arguments (<c>list.Add(email)</c>, <c>queue.Enqueue(email)</c>).</summary>
        HoldsArguments,

        /// <summary>The receiver now holds the arguments' text (<c>builder.Append(email)</c>).</summary>
        HoldsArgumentsAsText,
    }

    /// <summary>
    /// One row of the library-call tables (<see cref="LibraryModels"/>): a library type by metadata name (or any type of a
    /// shape), the methods of it the row models, the overload when only one is, and how data passes from the receiver and
    /// the arguments to the result and the receiver. Rows are plain data; <see cref="LibraryModels"/> resolves them once
    /// per compilation and matches every library call against them.
    /// </summary>
    internal sealed class LibraryModel
    {
        private LibraryModel(string? type, ReceiverShape shape, ImmutableArray<string> methods)
        {
            Type = type;
            Shape = shape;
            Methods = methods;
        }

        private LibraryModel(LibraryModel other)
        {
            Type = other.Type;
            Shape = other.Shape;
            Methods = other.Methods;
            Overload = other.Overload;
            Receiver = other.Receiver;
            ReturnsText = other.ReturnsText;
            Lambdas = other.Lambdas;
        }

        /// <summary>The declaring type's metadata name (<c>System.Linq.Enumerable</c>); null for a row matched by shape.</summary>
        public string? Type { get; }

        /// <summary>For a row with no <see cref="Type"/>: the receivers it applies to.</summary>
        public ReceiverShape Shape { get; }

        /// <summary>The methods the row models; empty for every method of the type.</summary>
        public ImmutableArray<string> Methods { get; }

        /// <summary>The parameter types (metadata names of their definitions) of the one overload modelled; default for every overload.</summary>
        public ImmutableArray<string> Overload { get; private set; }

        /// <summary>What the call does to its receiver.</summary>
        public ReceiverFlow Receiver { get; private set; }

        /// <summary>The result is text made from the receiver and every argument (<c>string.Join</c>, <c>builder.ToString()</c>).</summary>
        public bool ReturnsText { get; private set; }

        /// <summary>How the lambdas passed take part in the result.</summary>
        public LambdaFlow Lambdas { get; private set; }

        /// <summary>A row for methods of the type with metadata name <paramref name="type"/> (every method when none is named).</summary>
        public static LibraryModel Of(string type, params string[] methods) => new LibraryModel(type, ReceiverShape.Any, ImmutableArray.Create(methods));

        /// <summary>A row for the methods named <paramref name="methods"/> of any type whose receiver has <paramref name="shape"/>.</summary>
        public static LibraryModel OfShape(ReceiverShape shape, params string[] methods) => new LibraryModel(null, shape, ImmutableArray.Create(methods));

        /// <summary>Only the overload with these parameter types (metadata names of their definitions, in order).</summary>
        public LibraryModel WithOverload(params string[] parameterTypes) => new LibraryModel(this) { Overload = ImmutableArray.Create(parameterTypes) };

        public LibraryModel IntoReceiver() => new LibraryModel(this) { Receiver = ReceiverFlow.HoldsArguments };

        public LibraryModel IntoReceiverAsText() => new LibraryModel(this) { Receiver = ReceiverFlow.HoldsArgumentsAsText };

        public LibraryModel ToText() => new LibraryModel(this) { ReturnsText = true };

        public LibraryModel JoiningLambdas() => new LibraryModel(this) { Lambdas = LambdaFlow.Joins };

        public LibraryModel Projecting() => new LibraryModel(this) { Lambdas = LambdaFlow.Projects };

        public LibraryModel Choosing() => new LibraryModel(this) { Lambdas = LambdaFlow.Chooses };

        /// <summary>Whether the row names <paramref name="method"/> (by name; the overload is checked by the matcher).</summary>
        public bool Names(string method) => Methods.IsEmpty || Methods.IndexOf(method) >= 0;
    }

    /// <summary>The receivers a row matched by shape applies to.</summary>
    internal enum ReceiverShape
    {
        /// <summary>Any receiver, or none (a static method).</summary>
        Any,

        /// <summary>An instance call on a sequence or on text (<c>List&lt;T&gt;</c>, <c>HashSet&lt;T&gt;</c>, <c>StringBuilder</c>).</summary>
        SequenceOrText,
    }
}
