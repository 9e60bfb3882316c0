using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>Transfer functions for values made from others: operators, strings, arrays, anonymous objects, patterns.</summary>
    internal sealed partial class TaintWalker
    {
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

        /// <summary><c>x is null</c>: the test is clean.</summary>
        private Taint IsNull(IIsNullOperation isNull, in Frame frame)
        {
            Evaluate(isNull.Operand, frame);
            return Taint.Clean;
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

        private static bool PrintsMembers(ITypeSymbol? type)
            => type is not null && (((type.IsRecord || type.IsAnonymousType) && TypeShapes.UserToString(type) is null)
                || type.IsTupleType || TypeShapes.IsSequence(type) || TypeShapes.IsTextLike(type));
    }
}
