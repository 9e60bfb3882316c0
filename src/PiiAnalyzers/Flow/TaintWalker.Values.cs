using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>Transfer functions for reads of captures and elements, and for values made from others.</summary>
    internal sealed partial class TaintWalker
    {
        /// <summary>A flow capture (the graph's temporary for <c>??</c>, <c>?:</c>, <c>?.</c>): holds the value, and the condition it is.</summary>
        private Taint FlowCapture(IFlowCaptureOperation capture)
        {
            RecordAlias(capture);
            _state.Set(capture.Id, Evaluate(capture.Value));
            _state.SetCondition(capture.Id, CanBeCondition(capture.Value.Type) ? ConditionOf(capture.Value, _state) : ConsentCondition.Unknown);
            return Taint.Clean;
        }

        /// <summary><c>array[i]</c>: what the array holds.</summary>
        private Taint ArrayElementRead(IArrayElementReferenceOperation element)
        {
            foreach (var index in element.Indices)
            {
                Evaluate(index);
            }

            return Evaluate(element.ArrayReference).Union(TypeTaint(element.Type));
        }

        /// <summary><c>new { v.Email, v.Id }</c>: what its members hold.</summary>
        private Taint AnonymousObjectCreation(IAnonymousObjectCreationOperation anonymous)
        {
            var result = Taint.Clean;
            foreach (var initializer in anonymous.Initializers)
            {
                result = result.Union(initializer is ISimpleAssignmentOperation member ? Evaluate(member.Value) : Evaluate(initializer));
            }

            return result;
        }

        /// <summary><c>new[] { a, b }</c>: what its elements hold.</summary>
        private Taint ArrayCreation(IArrayCreationOperation array)
        {
            foreach (var size in array.DimensionSizes)
            {
                Evaluate(size);
            }

            return array.Initializer is null ? Taint.Clean : UnionOf(array.Initializer.ElementValues);
        }

        /// <summary><c>-x</c>, <c>!ok</c>: a scalar is clean.</summary>
        private Taint Unary(IUnaryOperation unary)
        {
            var value = Evaluate(unary.Operand);
            return TypeShapes.IsScalar(unary.Type) ? Taint.Clean : value;
        }

        /// <summary><c>$"{v.Email}"</c>: the text of every hole.</summary>
        private Taint InterpolatedString(IInterpolatedStringOperation interpolated)
        {
            var result = Taint.Clean;
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation interpolation)
                {
                    result = result.Union(Evaluate(interpolation.Expression).AsText());
                    Evaluate(interpolation.Alignment);
                    Evaluate(interpolation.FormatString);
                }
                else if (part is IInterpolatedStringAppendOperation append)
                {
                    result = result.Union(Evaluate(append.AppendCall).AsText());
                }
            }

            return result;
        }

        /// <summary><c>x is Visitor { Email: var e }</c>: the pattern's variables hold what they match; the test is clean.</summary>
        private Taint IsPattern(IIsPatternOperation isPattern)
        {
            var value = Evaluate(isPattern.Value);
            BindPattern(isPattern.Pattern, value);
            return Taint.Clean;
        }

        /// <summary>Anything else (<c>with</c>, ranges, <c>dynamic</c>, ...): what its parts carry, unless it computes a scalar.</summary>
        private Taint OtherOperation(IOperation operation)
        {
            var result = Taint.Clean;
            foreach (var child in operation.ChildOperations)
            {
                result = result.Union(Evaluate(child));
            }

            return TypeShapes.IsScalar(operation.Type) ? Taint.Clean : result.Union(TypeTaint(operation.Type));
        }
    }
}
