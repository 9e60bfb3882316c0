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
        private Taint FlowCapture(IFlowCaptureOperation capture, in Frame frame)
        {
            RecordAlias(capture, frame);
            frame.State.Set(capture.Id, Evaluate(capture.Value, frame));
            frame.State.SetCondition(capture.Id, CanBeCondition(capture.Value.Type) ? ConditionOf(capture.Value, frame.State) : ConsentCondition.Unknown);
            return Taint.Clean;
        }

        /// <summary><c>array[i]</c>: what the array holds.</summary>
        private Taint ArrayElementRead(IArrayElementReferenceOperation element, in Frame frame)
        {
            foreach (var index in element.Indices)
            {
                Evaluate(index, frame);
            }

            return Evaluate(element.ArrayReference, frame).Union(TypeTaint(element.Type));
        }

        /// <summary><c>new { v.Email, v.Id }</c>: what its members hold.</summary>
        private Taint AnonymousObjectCreation(IAnonymousObjectCreationOperation anonymous, in Frame frame)
        {
            var result = Taint.Clean;
            foreach (var initializer in anonymous.Initializers)
            {
                result = result.Union(initializer is ISimpleAssignmentOperation member ? Evaluate(member.Value, frame) : Evaluate(initializer, frame));
            }

            return result;
        }

        /// <summary><c>new[] { a, b }</c>: what its elements hold.</summary>
        private Taint ArrayCreation(IArrayCreationOperation array, in Frame frame)
        {
            foreach (var size in array.DimensionSizes)
            {
                Evaluate(size, frame);
            }

            return array.Initializer is null ? Taint.Clean : UnionOf(array.Initializer.ElementValues, frame);
        }

        /// <summary><c>-x</c>, <c>!ok</c>: a scalar is clean.</summary>
        private Taint Unary(IUnaryOperation unary, in Frame frame)
        {
            var value = Evaluate(unary.Operand, frame);
            return TypeShapes.IsScalar(unary.Type) ? Taint.Clean : value;
        }

        /// <summary><c>$"{v.Email}"</c>: the text of every hole.</summary>
        private Taint InterpolatedString(IInterpolatedStringOperation interpolated, in Frame frame)
        {
            var result = Taint.Clean;
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation interpolation)
                {
                    result = result.Union(Evaluate(interpolation.Expression, frame).AsText());
                    Evaluate(interpolation.Alignment, frame);
                    Evaluate(interpolation.FormatString, frame);
                }
                else if (part is IInterpolatedStringAppendOperation append)
                {
                    result = result.Union(Evaluate(append.AppendCall, frame).AsText());
                }
            }

            return result;
        }

        /// <summary><c>x is Visitor { Email: var e }</c>: the pattern's variables hold what they match; the test is clean.</summary>
        private Taint IsPattern(IIsPatternOperation isPattern, in Frame frame)
        {
            var value = Evaluate(isPattern.Value, frame);
            BindPattern(isPattern.Pattern, value, frame);
            return Taint.Clean;
        }

        /// <summary>Anything else (<c>with</c>, ranges, <c>dynamic</c>, ...): what its parts carry, unless it computes a scalar.</summary>
        private Taint OtherOperation(IOperation operation, in Frame frame)
        {
            var result = Taint.Clean;
            foreach (var child in operation.ChildOperations)
            {
                result = result.Union(Evaluate(child, frame));
            }

            return TypeShapes.IsScalar(operation.Type) ? Taint.Clean : result.Union(TypeTaint(operation.Type));
        }
    }
}
