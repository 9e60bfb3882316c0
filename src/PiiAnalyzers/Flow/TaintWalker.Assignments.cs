using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>Transfer functions for writes: assignments, deconstructions, declarations and loop variables.</summary>
    internal sealed partial class TaintWalker
    {
        /// <summary><c>x = v</c>, <c>dto.Note = v</c>: the target now holds the value; a sink when the target is one (<c>parameter.Value</c>).</summary>
        private Taint SimpleAssignment(ISimpleAssignmentOperation assignment, in Frame frame)
        {
            var variableTarget = assignment.Target switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            var members = variableTarget is null ? null : MemberValues(assignment.Value, frame);
            var value = members is null ? Evaluate(assignment.Value, frame) : members.Whole;
            if (assignment.Target is IPropertyReferenceOperation property && _context.Sinks.MatchWrite(property, assignment.Value) is { } write)
            {
                // parameter.Value = visitor.Email (ADO.NET); db.Entry(visitor).State = EntityState.Added (EF Core)
                var written = write.Arguments[0].Value;
                var writtenTaint = written == assignment.Value ? value : IsPlainPath(written) ? Evaluate(written, frame) : Taint.Clean;
                ReportSink(write, assignment, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<Taint>(), new Dictionary<IOperation, Taint> { [written] = writtenTaint }, frame);
            }

            Assign(assignment.Target, value, frame, IsEmptyNewObject(assignment.Value, value));
            if (variableTarget is not null)
            {
                frame.State.SetCondition(variableTarget, CanBeCondition(assignment.Value.Type) ? ConditionOf(assignment.Value, frame.State) : ConsentCondition.Unknown);
                RecordMembers(variableTarget, assignment.Value, members, value, frame);
            }

            return value;
        }

        /// <summary><c>text += v</c>, <c>ok &amp;= check</c>: the target holds both; a guard keeps what both sides guarantee.</summary>
        private Taint CompoundAssignment(ICompoundAssignmentOperation compound, in Frame frame)
        {
            var condition = compound.Target is ILocalReferenceOperation or IParameterReferenceOperation ? CompoundCondition(compound, frame.State) : ConsentCondition.Unknown;
            var value = TypeShapes.IsScalar(compound.Type)
                ? Taint.Clean
                : Evaluate(compound.Target, frame).Union(Evaluate(compound.Value, frame).AsText());
            Assign(compound.Target, value, frame);
            if (!condition.IsUnknown)
            {
                frame.State.SetCondition(compound.Target is ILocalReferenceOperation local ? local.Local : ((IParameterReferenceOperation)compound.Target).Parameter, condition);
            }

            return value;
        }

        /// <summary><c>var x = v;</c> (without a graph only; the graph makes it an assignment).</summary>
        private Taint VariableDeclarator(IVariableDeclaratorOperation declarator, in Frame frame)
        {
            if (declarator.Initializer is { } declared)
            {
                frame.State.Set(declarator.Symbol, Evaluate(declared.Value, frame));
            }

            return Taint.Clean;
        }

        /// <summary><c>foreach</c> (without a graph only): each element holds what the collection holds.</summary>
        private Taint ForEachLoop(IForEachLoopOperation loop, in Frame frame)
        {
            // Each element holds what the collection holds (as a lambda over a sequence does).
            var elements = Evaluate(loop.Collection, frame);
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation element:
                    frame.State.Set(element.Symbol, elements);
                    break;
                case { } target:
                    Assign(target, elements, frame);
                    break;
            }

            Evaluate(loop.Body, frame);
            return Taint.Clean;
        }

        /// <summary><c>(a, b) = pair</c>, <c>var (email, id) = Load(v)</c>: each variable gets its element, or the whole.</summary>
        private Taint DeconstructionAssignment(IDeconstructionAssignmentOperation deconstruction, in Frame frame)
            => Deconstruct(deconstruction.Target, deconstruction.Value, frame);

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
    }
}
