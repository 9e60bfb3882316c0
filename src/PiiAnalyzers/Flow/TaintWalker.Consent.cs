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
    /// <summary>The consent half of the walker: what a condition says about consent, and what a check establishes.</summary>
    internal sealed partial class TaintWalker
    {
        private static FlowState WithConsent(FlowState state, ConsentFacts facts)
        {
            if (facts.IsNone)
            {
                return state;
            }

            var refined = state.Clone();
            refined.Consent = refined.Consent.Union(facts);
            return refined;
        }

        /// <summary>The consent check <paramref name="operation"/> calls or reads (a <c>[ConsentCheck]</c> method or property), or null.</summary>
        private ConsentMarker? ConsentCheckOf(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => _context.GetConsentCheck(invocation.TargetMethod, _configuration),
            IPropertyReferenceOperation property => _context.GetConsentCheck(property.Property, _configuration),
            _ => null,
        };

        /// <summary>What a boolean value says about consent, given what variables hold in <paramref name="state"/>.</summary>
        private ConsentCondition ConditionOf(IOperation operation, FlowState state)
        {
            switch (operation)
            {
                case IInvocationOperation or IPropertyReferenceOperation when ConsentCheckOf(operation) is { } check:
                    var arguments = operation is IInvocationOperation invocation ? invocation.Arguments : ImmutableArray<IArgumentOperation>.Empty;
                    return new ConsentCondition(CheckedConsent(check, arguments), ConsentFacts.None);
                case ILocalReferenceOperation local:
                    return state.GetCondition(local.Local);
                case IParameterReferenceOperation parameter:
                    return state.GetCondition(parameter.Parameter);
                case IFlowCaptureReferenceOperation capture:
                    return state.GetCondition(capture.Id);
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: bool value } }:
                    // A constant false is never true: whatever is claimed when it is true holds vacuously.
                    return value ? new ConsentCondition(ConsentFacts.None, ConsentFacts.All) : new ConsentCondition(ConsentFacts.All, ConsentFacts.None);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ConditionOf(not.Operand, state).Negate();
                case IConversionOperation conversion:
                    return ConditionOf(conversion.Operand, state);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } conjunction when conjunction.Type?.SpecialType == SpecialType.System_Boolean:
                    {
                        var left = ConditionOf(conjunction.LeftOperand, state);
                        var right = ConditionOf(conjunction.RightOperand, state);
                        return new ConsentCondition(left.WhenTrue.Union(right.WhenTrue), left.WhenFalse.Intersect(right.WhenFalse));
                    }

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } disjunction when disjunction.Type?.SpecialType == SpecialType.System_Boolean:
                    {
                        var left = ConditionOf(disjunction.LeftOperand, state);
                        var right = ConditionOf(disjunction.RightOperand, state);
                        return new ConsentCondition(left.WhenTrue.Intersect(right.WhenTrue), left.WhenFalse.Union(right.WhenFalse));
                    }

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    {
                        // check == true, check != false, check == false
                        var (other, constant) = comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right }
                            ? (comparison.LeftOperand, (bool?)right)
                            : comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool left } ? (comparison.RightOperand, left) : (comparison, null);
                        if (constant is null)
                        {
                            return ConsentCondition.Unknown;
                        }

                        var result = ConditionOf(other, state);
                        return constant.Value == (comparison.OperatorKind == BinaryOperatorKind.Equals) ? result : result.Negate();
                    }

                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } isPattern:
                    {
                        var result = ConditionOf(isPattern.Value, state);
                        return expected ? result : result.Negate();
                    }

                default:
                    return ConsentCondition.Unknown;
            }
        }

        /// <summary>
        /// The consent a check establishes: its declared purpose, else the constant purposes passed to it
        /// (<c>HasConsent(v, "support")</c>), else every purpose.
        /// </summary>
        private static ConsentFacts CheckedConsent(ConsentMarker check, ImmutableArray<IArgumentOperation> arguments)
        {
            if (!check.Purposes.IsEmpty)
            {
                return ConsentFacts.For(check.Purposes);
            }

            var purposes = ImmutableArray.CreateBuilder<string>();
            foreach (var argument in arguments)
            {
                if (argument.Value.ConstantValue is { HasValue: true, Value: string purpose } && purpose.Trim().Length > 0)
                {
                    purposes.Add(purpose.Trim());
                }
            }

            return ConsentFacts.For(purposes.ToImmutable());
        }

        private static bool IsVoidLike(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_Void
                || (type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } && TypeShapes.IsInNamespace(type, TypeShapes.SystemThreadingTasks));
    }
}
