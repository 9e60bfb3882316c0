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
        private Taint SimpleAssignment(ISimpleAssignmentOperation assignment)
        {
            var variableTarget = assignment.Target switch
            {
                ILocalReferenceOperation local => (ISymbol)local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            var members = variableTarget is null ? null : MemberValues(assignment.Value);
            var value = members is null ? Evaluate(assignment.Value) : members.Whole;
            if (assignment.Target is IPropertyReferenceOperation property && _context.Sinks.MatchWrite(property, assignment.Value) is { } write)
            {
                // parameter.Value = visitor.Email (ADO.NET); db.Entry(visitor).State = EntityState.Added (EF Core)
                var written = write.Arguments[0].Value;
                var writtenTaint = written == assignment.Value ? value : IsPlainPath(written) ? Evaluate(written) : Taint.Clean;
                ReportSink(write, assignment, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<Taint>(), new Dictionary<IOperation, Taint> { [written] = writtenTaint });
            }

            Assign(assignment.Target, value, IsEmptyNewObject(assignment.Value, value));
            if (variableTarget is not null)
            {
                _state.SetCondition(variableTarget, CanBeCondition(assignment.Value.Type) ? ConditionOf(assignment.Value, _state) : ConsentCondition.Unknown);
                RecordMembers(variableTarget, assignment.Value, members, value);
            }

            return value;
        }

        /// <summary><c>text += v</c>, <c>ok &amp;= check</c>: the target holds both; a guard keeps what both sides guarantee.</summary>
        private Taint CompoundAssignment(ICompoundAssignmentOperation compound)
        {
            var condition = compound.Target is ILocalReferenceOperation or IParameterReferenceOperation ? CompoundCondition(compound, _state) : ConsentCondition.Unknown;
            var value = TypeShapes.IsScalar(compound.Type)
                ? Taint.Clean
                : Evaluate(compound.Target).Union(Evaluate(compound.Value).AsText());
            Assign(compound.Target, value);
            if (!condition.IsUnknown)
            {
                _state.SetCondition(compound.Target is ILocalReferenceOperation local ? local.Local : ((IParameterReferenceOperation)compound.Target).Parameter, condition);
            }

            return value;
        }

        /// <summary><c>var x = v;</c> (without a graph only; the graph makes it an assignment).</summary>
        private Taint VariableDeclarator(IVariableDeclaratorOperation declarator)
        {
            if (declarator.Initializer is { } declared)
            {
                _state.Set(declarator.Symbol, Evaluate(declared.Value));
            }

            return Taint.Clean;
        }

        /// <summary><c>foreach</c> (without a graph only): each element holds what the collection holds.</summary>
        private Taint ForEachLoop(IForEachLoopOperation loop)
        {
            // Each element holds what the collection holds (as a lambda over a sequence does).
            var elements = Evaluate(loop.Collection);
            switch (loop.LoopControlVariable)
            {
                case IVariableDeclaratorOperation element:
                    _state.Set(element.Symbol, elements);
                    break;
                case { } target:
                    Assign(target, elements);
                    break;
            }

            Evaluate(loop.Body);
            return Taint.Clean;
        }
    }
}
