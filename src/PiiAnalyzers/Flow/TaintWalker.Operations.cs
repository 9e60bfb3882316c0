using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.Flow
{
    /// <summary>How data moves through each kind of operation: reads, assignments, conversions, strings, patterns.</summary>
    internal sealed partial class TaintWalker
    {
        private Taint Evaluate(IOperation? operation, in Frame frame)
        {
            if (operation is null)
            {
                return Taint.Clean;
            }

            if (++_work % 256 == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            if (_expressionDepth >= MaxExpressionDepth)
            {
                return Taint.Clean;
            }

            _expressionDepth++;
            try
            {
                return EvaluateCore(operation, frame);
            }
            finally
            {
                _expressionDepth--;
            }
        }

        private Taint EvaluateCore(IOperation operation, in Frame frame)
        {
            // Dispatched by kind, not by a chain of interface tests: every operation of every pass comes through here. The
            // transfer functions live by family: reads here and in MemberRead, writes in TaintWalker.Assignments, values
            // built from others in TaintWalker.Values, calls, creations and lambdas in TaintWalker.Calls.
            switch (operation.Kind)
            {
                case OperationKind.Literal:
                case OperationKind.DefaultValue:
                case OperationKind.MethodReference:
                case OperationKind.TypeOf:
                case OperationKind.SizeOf:
                case OperationKind.NameOf:
                case OperationKind.CaughtException:
                case OperationKind.Increment:
                case OperationKind.Decrement:
                    return Taint.Clean;

                // Reads.
                case OperationKind.InstanceReference:
                    return ((IInstanceReferenceOperation)operation).ReferenceKind == InstanceReferenceKind.ContainingTypeInstance
                        ? TypeTaint(operation.Type)
                        : Taint.Clean;
                case OperationKind.LocalReference:
                    return Read(((ILocalReferenceOperation)operation).Local, operation.Type, frame);
                case OperationKind.ParameterReference:
                    return Read(((IParameterReferenceOperation)operation).Parameter, operation.Type, frame);
                case OperationKind.FlowCapture:
                    return FlowCapture((IFlowCaptureOperation)operation, frame);
                case OperationKind.FlowCaptureReference:
                    return frame.State.TryGet(((IFlowCaptureReferenceOperation)operation).Id, out var captured) ? captured : Taint.Clean;
                case OperationKind.PropertyReference:
                    {
                        var property = (IPropertyReferenceOperation)operation;
                        return MemberRead(property, property.Property, property.Instance, property.Arguments, frame);
                    }

                case OperationKind.FieldReference:
                    {
                        var field = (IFieldReferenceOperation)operation;
                        return MemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty, frame);
                    }

                case OperationKind.ArrayElementReference:
                    return ArrayElementRead((IArrayElementReferenceOperation)operation, frame);

                // Writes.
                case OperationKind.SimpleAssignment:
                    return SimpleAssignment((ISimpleAssignmentOperation)operation, frame);
                case OperationKind.CompoundAssignment:
                    return CompoundAssignment((ICompoundAssignmentOperation)operation, frame);
                case OperationKind.DeconstructionAssignment:
                    {
                        var deconstruction = (IDeconstructionAssignmentOperation)operation;
                        return Deconstruct(deconstruction.Target, deconstruction.Value, frame);
                    }

                // Calls and creations.
                case OperationKind.Invocation:
                    return Invocation((IInvocationOperation)operation, frame);
                case OperationKind.ObjectCreation:
                    return Creation((IObjectCreationOperation)operation, frame);
                case OperationKind.DelegateCreation:
                    return DelegateCreation((IDelegateCreationOperation)operation, frame);
                case OperationKind.FlowAnonymousFunction:
                    AnalyzeLambda((IFlowAnonymousFunctionOperation)operation, Taint.Clean, frame);
                    return Taint.Clean;

                // Values made from others.
                case OperationKind.AnonymousObjectCreation:
                    return AnonymousObjectCreation((IAnonymousObjectCreationOperation)operation, frame);
                case OperationKind.ArrayCreation:
                    return ArrayCreation((IArrayCreationOperation)operation, frame);
                case OperationKind.ArrayInitializer:
                    return UnionOf(((IArrayInitializerOperation)operation).ElementValues, frame);
                case OperationKind.Tuple:
                    return UnionOf(((ITupleOperation)operation).Elements, frame);
                case OperationKind.Binary:
                    return Binary((IBinaryOperation)operation, frame);
                case OperationKind.Unary:
                    return Unary((IUnaryOperation)operation, frame);
                case OperationKind.Conversion:
                    // A cast is not a computation: (long)visitor.Age is still the age.
                    return Evaluate(((IConversionOperation)operation).Operand, frame);
                case OperationKind.Await:
                    return Evaluate(((IAwaitOperation)operation).Operation, frame);
                case OperationKind.InterpolatedString:
                    return InterpolatedString((IInterpolatedStringOperation)operation, frame);
                case OperationKind.InterpolatedStringHandlerCreation:
                    return Evaluate(((IInterpolatedStringHandlerCreationOperation)operation).Content, frame);
                case OperationKind.IsPattern:
                    return IsPattern((IIsPatternOperation)operation, frame);
                case OperationKind.IsNull:
                    Evaluate(((IIsNullOperation)operation).Operand, frame);
                    return Taint.Clean;

                // Operations only a body analyzed without a graph has (the graph turns them into assignments and calls).
                case OperationKind.VariableDeclarator:
                    return VariableDeclarator((IVariableDeclaratorOperation)operation, frame);
                case OperationKind.Loop when operation is IForEachLoopOperation loop:
                    return ForEachLoop(loop, frame);

                default:
                    return OtherOperation(operation, frame);
            }
        }

        /// <summary>
        /// A <c>bool</c>, <c>bool?</c>, <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>: a value that can say
        /// something about consent, now or once awaited.
        /// </summary>
        private static bool CanBeCondition(ITypeSymbol? type) => IsBoolean(type) || TypeShapes.IsTaskOfBoolean(type);

        /// <summary>A <c>bool</c> or <c>bool?</c>.</summary>
        private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean || TypeShapes.IsNullableBoolean(type);

        private Taint Read(ISymbol variable, ITypeSymbol? type, in Frame frame)
        {
            var held = frame.State.TryGet(variable, out var value) ? value : variable is IParameterSymbol parameter ? Declared(parameter) : Taint.Clean;
            if (held.IsClean && variable is ILocalSymbol && _context.Catalog.InfersFromNames)
            {
                held = Declared(variable); // var email = form["email"]: a local whose name says personal data, where inference is on
            }

            return held.Union(TypeTaint(type));
        }

        private Taint Declared(ISymbol symbol)
            => _context.Catalog.GetDeclared(symbol) is { } item ? Taint.Direct(Origin.Of(item)) : Taint.Clean;

        private Taint TypeTaint(ITypeSymbol? type) => _context.Catalog.GetContainerTaint(type);

        /// <summary>What a claims lookup or header read returns (<c>User.FindFirstValue(ClaimTypes.Email)</c>), or clean.</summary>
        private Taint FrameworkSource(IOperation operation)
            => _context.Symbols.Framework.OfCall(operation) is { } item ? Taint.Direct(Origin.Of(item)) : Taint.Clean;

        /// <summary>
        /// <c>claim.Value</c>: the data of the claim type the claim was looked up by (<c>FindFirst(ClaimTypes.Email)</c>);
        /// a claim taken from the whole collection passes nothing on (which claim it is, the engine does not know).
        /// </summary>
        private Taint ClaimValue(Taint claim)
        {
            if (claim.IsClean)
            {
                return Taint.Clean;
            }

            var framework = _context.Symbols.Framework;
            var kept = claim.Contained.RemoveAll(origin => origin.Item is not { } item || !framework.IsClaimItem(item));
            return kept.IsEmpty ? Taint.Clean : Taint.Create(kept, kept);
        }

        private Taint MemberRead(IOperation reference, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, in Frame frame)
        {
            var receiver = Evaluate(instance, frame);
            var indexArguments = Taint.Clean;
            foreach (var argument in arguments)
            {
                indexArguments = indexArguments.Union(Evaluate(argument.Value, frame));
            }

            var declared = Declared(member);
            if (!arguments.IsEmpty)
            {
                declared = declared.Union(FrameworkSource(reference)); // Request.Headers["X-Forwarded-For"]
            }
            else if (_context.Symbols.Framework.IsClaimValue(member))
            {
                declared = declared.Union(ClaimValue(receiver));
            }

            if (TupleElementRead(instance, member, frame) is { } element)
            {
                // pair = (v.Email, Guid.NewGuid()); pair.Item2: only what that element was given.
                return declared.Union(element).Union(TypeTaint(reference.Type));
            }

            if (MemberKeyOf(instance, member) is { } key && frame.State.TryGet(key, out var assigned))
            {
                // _last = email; ... _last: what this method last stored there.
                return declared.Union(assigned).Union(TypeTaint(reference.Type));
            }

            if (!declared.IsClean)
            {
                return declared.Union(TypeTaint(reference.Type));
            }

            if (TypeShapes.IsScalar(reference.Type))
            {
                return Taint.Clean;
            }

            var result = TypeTaint(reference.Type);

            // A computed property (FullName => First + " " + Last) carries what its getter returns.
            if (member is IPropertySymbol { GetMethod: { } computed } && _context.Summaries.HasSummarizableBody(computed))
            {
                DependsOnDepth = true;
            }

            if (member is IPropertySymbol { GetMethod: { } getter } && _depth > 0
                && (!indexArguments.IsClean || _context.Scan.Carries(getter, _cancellationToken))
                && _context.Summaries.Get(getter, _depth - 1, _cancellationToken) is { } summary)
            {
                result = result.Union(Substitute(summary.Returns, ArgumentTaints(getter, arguments, indexArguments)));
            }

            // Elements, values and tuple items of a tainted collection or wrapper: list[0], pair.Value, tuple.Item1.
            if (instance is not null && !receiver.IsClean && IsPassThroughReceiver(instance.Type))
            {
                result = result.Union(receiver);
            }

            return result;
        }

        private static bool IsPassThroughReceiver(ITypeSymbol? type)
            => type is not null
                && (TypeShapes.IsSequence(type) || type.IsTupleType
                    || (type is INamedTypeSymbol { IsGenericType: true } named && TypeShapes.IsFrameworkType(named)));

        private Taint Binary(IBinaryOperation binary, in Frame frame)
        {
            // Walk left-nested chains (a + b + c + ...) without recursing on the left: long concatenations stay cheap.
            // One operand stack for the walker: nested chains push above the ones that contain them.
            var bottom = _operands.Count;
            IOperation current = binary;
            while (current is IBinaryOperation { OperatorMethod: null } chained && _operands.Count - bottom < MaxWork)
            {
                _operands.Add(chained.RightOperand);
                current = chained.LeftOperand;
            }

            var result = Evaluate(current, frame).AsText();
            while (_operands.Count > bottom)
            {
                var operand = _operands[_operands.Count - 1];
                _operands.RemoveAt(_operands.Count - 1);
                result = result.Union(Evaluate(operand, frame).AsText());
            }

            return TypeShapes.IsScalar(binary.Type) ? Taint.Clean : result;
        }

        private Taint UnionOf(ImmutableArray<IOperation> operations, in Frame frame)
        {
            var result = Taint.Clean;
            foreach (var operation in operations)
            {
                result = result.Union(Evaluate(operation, frame));
            }

            return result;
        }

        /// <summary>
        /// A new object built from nothing that holds data (<c>new Address()</c>, <c>new List&lt;Line&gt;()</c>): assigned to a
        /// navigation, it replaces what the navigation held, as <c>null</c> does.
        /// </summary>
        private bool IsEmptyNewObject(IOperation value, Taint taint)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                IObjectCreationOperation creation => creation.Initializer is null or { Initializers.IsEmpty: true }
                    && taint.SetEquals(TypeTaint(creation.Type)),
                IArrayCreationOperation array => array.Initializer is null or { ElementValues.IsEmpty: true },
                _ => false,
            };
        }

        private void Assign(IOperation target, Taint value, in Frame frame, bool replacesWhatItHeld = false)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    // Any write ends what the variable said about consent; a simple assignment then records what the
                    // new value says.
                    frame.State.Set(local.Local, value);
                    frame.State.SetCondition(local.Local, ConsentCondition.Unknown);
                    if (local.Local.Type.IsTupleType)
                    {
                        WholeTupleWritten(local.Local, local.Local.Type, value, frame);
                    }

                    return;
                case IParameterReferenceOperation parameter:
                    frame.State.Set(parameter.Parameter, value);
                    frame.State.SetCondition(parameter.Parameter, ConsentCondition.Unknown);
                    if (parameter.Parameter.Type.IsTupleType)
                    {
                        WholeTupleWritten(parameter.Parameter, parameter.Parameter.Type, value, frame);
                    }

                    return;
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value, frame);
                    return;
                case IFlowCaptureReferenceOperation captured when LValueOf(captured.Id) is { } member:
                    Assign(member, value, frame);
                    return;
                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Assign(element, value, frame);
                    }

                    return;
                case IPropertyReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation:
                    {
                        // dto.Note = email: the object now holds the data (weak update of the variable that holds it),
                        // and dto.Note gives it back (strong update of the member).
                        var (root, rootType) = RootOf(target);
                        EvaluateChildrenOfTarget(target, frame);
                        var memberKey = target switch
                        {
                            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => MemberKeyOf(property.Instance, property.Property),
                            IFieldReferenceOperation field => MemberKeyOf(field.Instance, field.Field),
                            _ => null,
                        };
                        if (memberKey is not null)
                        {
                            // order.Lines = new(): the member holds only what its type may hold, which a read adds back; it no
                            // longer holds what it held before.
                            frame.State.Set(memberKey, replacesWhatItHeld ? Taint.Clean : value);
                        }

                        // A new empty object adds nothing to what the type of its holder says it may hold.
                        if (root is not null && !value.IsClean && !replacesWhatItHeld)
                        {
                            var printsMembers = target is IArrayElementReferenceOperation || PrintsMembers(rootType);
                            frame.State.Set(root, Current(root, frame).Union(value.AsMember(printsMembers)));
                        }

                        return;
                    }

                default:
                    Evaluate(target, frame);
                    return;
            }
        }

        private void EvaluateChildrenOfTarget(IOperation target, in Frame frame)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property:
                    Evaluate(property.Instance, frame);
                    foreach (var argument in property.Arguments)
                    {
                        Evaluate(argument.Value, frame);
                    }

                    break;
                case IFieldReferenceOperation field:
                    Evaluate(field.Instance, frame);
                    break;
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index, frame);
                    }

                    break;
            }
        }

        /// <summary>The key of a member of a variable's object, of <c>this</c>, or a static member; null for longer paths.</summary>
        private MemberKey? MemberKeyOf(IOperation? instance, ISymbol member)
        {
            switch (instance)
            {
                case null:
                    return member.IsStatic ? new MemberKey(MemberKey.Static, member) : null;
                case IInstanceReferenceOperation:
                    return new MemberKey(MemberKey.This, member);
                case ILocalReferenceOperation local:
                    return new MemberKey(local.Local, member);
                case IParameterReferenceOperation parameter:
                    return new MemberKey(parameter.Parameter, member);
                case IFlowCaptureReferenceOperation capture:
                    return new MemberKey((object?)AliasOf(capture.Id) ?? capture.Id, member);
                default:
                    return null;
            }
        }

        private Taint Current(object root, in Frame frame)
            => frame.State.TryGet(root, out var held) ? held : root is IParameterSymbol parameter ? Declared(parameter) : Taint.Clean;

        private void WeakUpdate(IOperation? receiver, Taint value, in Frame frame)
        {
            if (receiver is null || value.IsClean)
            {
                return;
            }

            var (root, _) = RootOf(receiver);
            if (root is not null)
            {
                frame.State.Set(root, Current(root, frame).Union(value));
            }
        }

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

        /// <summary>
        /// Remembers that <paramref name="capture"/> holds a local or parameter itself: the graph captures the instance of
        /// <c>msg.To = first ? a.Email : b.Email</c> before the branches, and the write through the capture is a write to
        /// <c>msg</c>. A capture that holds anything else on a path seen after the alias is no alias (block order: the graph
        /// writes the branches of one expression in the order they are written).
        /// </summary>
        private void RecordAlias(IFlowCaptureOperation capture, in Frame frame)
        {
            var value = capture.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            ISymbol? variable = value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            if (value is IObjectCreationOperation or IAnonymousObjectCreationOperation)
            {
                (_creations ??= new HashSet<CaptureId>()).Add(capture.Id);
            }
            else if (value is IInvocationOperation { Instance: { } cloned } clone && TypeShapes.IsRecordClone(clone.TargetMethod))
            {
                // note with { To = "" }: the clone starts with what each member of the original held.
                (_creations ??= new HashSet<CaptureId>()).Add(capture.Id);
                if (VariableOf(cloned) is { } original)
                {
                    frame.State.CopyMembers(original, capture.Id);
                }
            }

            if (value is IPropertyReferenceOperation or IFieldReferenceOperation && IsPlainPath(value))
            {
                // msg.To = first ? a.Email : b.Email: the graph captures the target msg.To before the branches, and
                // assigns through the capture after them.
                _lvalues ??= new Dictionary<CaptureId, IOperation?>();
                _lvalues[capture.Id] = !_lvalues.TryGetValue(capture.Id, out var knownTarget) || knownTarget?.Syntax == value.Syntax ? value : null;
            }
            else if (_lvalues is not null && _lvalues.ContainsKey(capture.Id))
            {
                _lvalues[capture.Id] = null;
            }

            if (variable is null)
            {
                // Most captures hold neither: no table is made for them (a body may have hundreds).
                if (_aliases is not null && _aliases.ContainsKey(capture.Id))
                {
                    _aliases[capture.Id] = null;
                }

                return;
            }

            _aliases ??= new Dictionary<CaptureId, ISymbol?>();
            if (!_aliases.TryGetValue(capture.Id, out var known))
            {
                _aliases[capture.Id] = variable;
            }
            else if (known is not null && !SymbolEqualityComparer.Default.Equals(known, variable))
            {
                _aliases[capture.Id] = null;
            }
        }

        /// <summary>A member access through locals, parameters, <c>this</c> and members only: evaluating it again calls nothing.</summary>
        private static bool IsPlainPath(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                        if (property.Instance is null)
                        {
                            return true;
                        }

                        operation = property.Instance;
                        continue;
                    case IFieldReferenceOperation field:
                        if (field.Instance is null)
                        {
                            return true;
                        }

                        operation = field.Instance;
                        continue;
                    case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or IFlowCaptureReferenceOperation:
                        return true;
                    default:
                        return false;
                }
            }
        }

        private IOperation? LValueOf(CaptureId capture) => _lvalues is not null && _lvalues.TryGetValue(capture, out var target) ? target : null;

        /// <summary>The variable whose members a value's members are kept under: a local, a parameter, or a capture.</summary>
        private object? VariableOf(IOperation? value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFlowCaptureReferenceOperation capture => (object?)AliasOf(capture.Id) ?? capture.Id,
                _ => null,
            };
        }

        private ISymbol? AliasOf(CaptureId capture) => _aliases is not null && _aliases.TryGetValue(capture, out var variable) ? variable : null;

        /// <summary>The local, parameter or flow capture that holds the object a member access starts from.</summary>
        private (object? Root, ITypeSymbol? Type) RootOf(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return (local.Local, local.Type);
                    case IParameterReferenceOperation parameter:
                        return (parameter.Parameter, parameter.Type);
                    case IFlowCaptureReferenceOperation capture:
                        return ((object?)AliasOf(capture.Id) ?? capture.Id, capture.Type);
                    case IPropertyReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    case IFieldReferenceOperation { Instance: { } instance }:
                        operation = instance;
                        continue;
                    case IArrayElementReferenceOperation element:
                        operation = element.ArrayReference;
                        continue;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IInvocationOperation { Instance: { } instance } fluent
                        when SymbolEqualityComparer.Default.Equals(fluent.Type, instance.Type):
                        // builder.Append("x").Append(email): a fluent call returns its receiver.
                        operation = instance;
                        continue;
                    default:
                        return (null, null);
                }
            }
        }

        private static bool PrintsMembers(ITypeSymbol? type)
            => type is not null && (((type.IsRecord || type.IsAnonymousType) && TypeShapes.UserToString(type) is null)
                || type.IsTupleType || TypeShapes.IsSequence(type) || TypeShapes.IsTextLike(type));

        private Taint Deconstruct(IOperation target, IOperation value, in Frame frame)
        {
            var targetElements = target switch
            {
                ITupleOperation tuple => tuple.Elements,
                IDeclarationExpressionOperation { Expression: ITupleOperation tuple } => tuple.Elements,
                _ => default,
            };

            while (value is IConversionOperation { Operand: var operand } && operand is ITupleOperation or IConversionOperation)
            {
                value = operand;
            }

            if (value is ITupleOperation valueTuple && !targetElements.IsDefault && targetElements.Length == valueTuple.Elements.Length)
            {
                // (a, b) = (x, y): each element goes to its own variable.
                var all = Taint.Clean;
                var values = new Taint[valueTuple.Elements.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Evaluate(valueTuple.Elements[i], frame);
                    all = all.Union(values[i]);
                }

                for (var i = 0; i < values.Length; i++)
                {
                    Deconstruct(targetElements[i], values[i], frame);
                }

                return all;
            }

            var whole = Evaluate(value, frame);
            if (!targetElements.IsDefault && ElementsReturnedBy(value) is { } returned && returned.Length == targetElements.Length)
            {
                // var (email, id) = Load(v): each variable gets its own element.
                for (var i = 0; i < returned.Length; i++)
                {
                    Deconstruct(targetElements[i], returned[i], frame);
                }
            }
            else if (!targetElements.IsDefault)
            {
                foreach (var element in targetElements)
                {
                    Deconstruct(element, whole, frame);
                }
            }
            else
            {
                Assign(target, whole, frame);
            }

            return whole;
        }

        private void Deconstruct(IOperation target, Taint value, in Frame frame)
        {
            // var (id, email) = visitor: the number is not the data, the string may be.
            Assign(target, TypeShapes.IsScalar(target.Type) && target is not (ITupleOperation or IDeclarationExpressionOperation { Expression: ITupleOperation }) ? Taint.Clean : value, frame);
        }

        private void BindPattern(IPatternOperation pattern, Taint value, in Frame frame)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    frame.State.Set(local, value);
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    frame.State.Set(local, value);
                    break;
                case IBinaryPatternOperation binaryPattern:
                    BindPattern(binaryPattern.LeftPattern, value, frame);
                    BindPattern(binaryPattern.RightPattern, value, frame);
                    break;
            }
        }
    }
}
