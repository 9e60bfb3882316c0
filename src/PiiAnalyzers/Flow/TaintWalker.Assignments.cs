using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>Transfer functions for writes: assignments, declarations and loop variables.</summary>
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
    }
}
