using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// What a variable's members and a tuple's elements hold: values built member by member, tuples returned by helpers.
    /// </summary>
    internal sealed partial class TaintWalker
    {
        /// <summary>What each member of a value built member by member holds (a tuple literal, an anonymous object).</summary>
        private sealed class Members
        {
            public Members(ImmutableArray<ISymbol> symbols, Taint[] values, Taint whole)
            {
                Symbols = symbols;
                Values = values;
                Whole = whole;
            }

            public ImmutableArray<ISymbol> Symbols { get; }

            public Taint[] Values { get; }

            public Taint Whole { get; }
        }

        /// <summary>
        /// Evaluates a tuple literal (<c>(v.Email, Guid.NewGuid())</c>) or an anonymous object creation element by element,
        /// or returns null (and evaluates nothing) for any other value.
        /// </summary>
        private Members? MemberValues(IOperation value, in Frame frame)
        {
            var conversionType = value.Type;
            while (value is IConversionOperation { Operand: ITupleOperation or IConversionOperation } conversion)
            {
                value = conversion.Operand;
            }

            switch (value)
            {
                case ITupleOperation tuple when conversionType is INamedTypeSymbol { IsTupleType: true } target && target.TupleElements.Length == tuple.Elements.Length:
                    {
                        var symbols = ImmutableArray.CreateBuilder<ISymbol>(tuple.Elements.Length);
                        var values = new Taint[tuple.Elements.Length];
                        var whole = Taint.Clean;
                        for (var i = 0; i < values.Length; i++)
                        {
                            var field = target.TupleElements[i];
                            symbols.Add(field.CorrespondingTupleField ?? field);
                            values[i] = Evaluate(tuple.Elements[i], frame);
                            whole = whole.Union(values[i]);
                        }

                        return new Members(symbols.MoveToImmutable(), values, whole);
                    }

                case IAnonymousObjectCreationOperation anonymous:
                    {
                        var symbols = ImmutableArray.CreateBuilder<ISymbol>(anonymous.Initializers.Length);
                        var values = new Taint[anonymous.Initializers.Length];
                        var whole = Taint.Clean;
                        for (var i = 0; i < values.Length; i++)
                        {
                            var initializer = anonymous.Initializers[i];
                            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } member)
                            {
                                symbols.Add(property.Property);
                                values[i] = Evaluate(member.Value, frame);
                            }
                            else
                            {
                                symbols.Add(null!);
                                values[i] = Evaluate(initializer, frame);
                            }

                            whole = whole.Union(values[i]);
                        }

                        return new Members(symbols.MoveToImmutable(), values, whole);
                    }

                default:
                    return null;
            }
        }

        /// <summary>
        /// After <c>variable = value</c>: what each member of the variable now holds, where the value was built member by
        /// member. A tuple also gets a marker holding the whole value at this point, so that a read of one element trusts
        /// the elements only while nothing else has been written to the tuple (see <see cref="TupleElementRead"/>).
        /// </summary>
        private void RecordMembers(ISymbol variable, IOperation value, Members? members, Taint whole, in Frame frame)
        {
            if (members is not null)
            {
                for (var i = 0; i < members.Values.Length; i++)
                {
                    if (members.Symbols[i] is { } member)
                    {
                        frame.State.Set(new MemberKey(variable, member), members.Values[i]);
                    }
                }

                if (value.Type?.IsTupleType == true || value is IConversionOperation { Type.IsTupleType: true })
                {
                    frame.State.Set(new MemberKey(variable, variable), whole);
                }

                return;
            }

            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value is IFlowCaptureReferenceOperation capture && _creations is not null && _creations.Contains(capture.Id))
            {
                // var dto = new Dto { Email = v.Email, Id = v.Id }: the graph filled the members in a capture.
                frame.State.CopyMembers(capture.Id, variable);
            }
            else if (ElementsReturnedBy(value) is { } elements && variable is ILocalSymbol { Type: INamedTypeSymbol { IsTupleType: true, TupleElements: var fields } }
                && fields.Length == elements.Length)
            {
                // var pair = Load(v): each element holds what the helper put in it (the marker, set with the whole
                // value, keeps trusting them until the tuple is written again).
                for (var i = 0; i < fields.Length; i++)
                {
                    frame.State.Set(new MemberKey(variable, fields[i].CorrespondingTupleField ?? fields[i]), elements[i]);
                }
            }
        }

        /// <summary>
        /// A return of a summarized method that returns a tuple: its value, and what each element holds, joined into
        /// <see cref="ReturnElements"/> (a literal, or a tuple variable whose elements are known; anything else leaves only
        /// the whole known).
        /// </summary>
        private Taint ReturnTuple(IOperation value, INamedTypeSymbol tuple, in Frame frame)
        {
            var count = tuple.TupleElements.Length;
            Taint[]? elements = null;
            Taint whole;
            if (MemberValues(value, frame) is { } members && members.Values.Length == count)
            {
                elements = members.Values;
                whole = members.Whole;
            }
            else
            {
                whole = Evaluate(value, frame);
                var stripped = value;
                while (stripped is IConversionOperation { IsImplicit: true } conversion)
                {
                    stripped = conversion.Operand;
                }

                if (stripped.Type is INamedTypeSymbol { IsTupleType: true, TupleElements: { IsDefaultOrEmpty: false } fields } && fields.Length == count)
                {
                    elements = new Taint[count];
                    for (var i = 0; i < count && elements is not null; i++)
                    {
                        if (TupleElementRead(stripped, fields[i], frame) is { } element)
                        {
                            elements[i] = element;
                        }
                        else
                        {
                            elements = null;
                        }
                    }
                }
            }

            if (elements is null)
            {
                _returnElementsKnown = false;
            }
            else if (_returnElements is null)
            {
                _returnElements = (Taint[])elements.Clone();
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    _returnElements[i] = _returnElements[i].Union(elements[i]);
                }
            }

            return whole;
        }

        /// <summary>
        /// What each element of the tuple a summarized call returned holds (<c>var (email, id) = Load(v)</c>,
        /// <c>await LoadAsync(v)</c>), or null when only the whole is known.
        /// </summary>
        private Taint[]? ElementsReturnedBy(IOperation value)
        {
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        value = conversion.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        value = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task }:
                        value = task;
                        continue;
                    case IInvocationOperation invocation when _returnedElements is not null && _returnedElements.TryGetValue(invocation, out var elements):
                        return elements;
                    default:
                        return null;
                }
            }
        }

        /// <summary>
        /// A tuple variable given a value not built element by element: each element may hold all of it. (A literal then
        /// narrows the elements in <see cref="RecordMembers"/>.) Keeping the elements, rather than forgetting them, keeps
        /// the join of two paths sound: an element holds what it holds on either.
        /// </summary>
        private void WholeTupleWritten(ISymbol variable, ITypeSymbol type, Taint value, in Frame frame)
        {
            if (type is not INamedTypeSymbol { TupleElements: var elements } || elements.IsDefaultOrEmpty)
            {
                return;
            }

            foreach (var element in elements)
            {
                frame.State.Set(new MemberKey(variable, element.CorrespondingTupleField ?? element), value);
            }

            frame.State.Set(new MemberKey(variable, variable), value);
        }

        /// <summary>
        /// The data one element of a tuple variable holds, when the tuple was last written element by element and nothing
        /// else has reached it since (on any path); null when only the whole tuple is known.
        /// </summary>
        private Taint? TupleElementRead(IOperation? instance, ISymbol member, in Frame frame)
        {
            if (member is not IFieldSymbol field || instance?.Type is not { IsTupleType: true })
            {
                return null;
            }

            ISymbol? variable = instance switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            if (variable is null || !frame.State.TryGet(new MemberKey(variable, variable), out var marker)
                || !frame.State.TryGet(variable, out var held) || !marker.SetEquals(held))
            {
                return null;
            }

            return frame.State.TryGet(new MemberKey(variable, field.CorrespondingTupleField ?? field), out var element) ? element : Taint.Clean;
        }
    }
}
