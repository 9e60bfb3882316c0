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
            IInvocationOperation invocation => _context.Consent.Check(invocation.TargetMethod, _configuration),
            IPropertyReferenceOperation property => _context.Consent.Check(property.Property, _configuration),
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
                case IAwaitOperation awaited:
                    // await consents.AllowsAsync(v), with or without ConfigureAwait: the awaited check's own condition.
                    return ConditionOf(TaskOfAwaited(awaited.Operation), state);
                case IInvocationOperation or IPropertyReferenceOperation when AwaitedResultOf(operation) is { } task:
                    // check.Result, check.GetAwaiter().GetResult(), nullable.Value, nullable.GetValueOrDefault()
                    return ConditionOf(task, state);
                case var _ when IsNullBoolean(operation):
                    // A null bool? is neither true nor false: whatever either side claims holds vacuously.
                    return new ConsentCondition(ConsentFacts.All, ConsentFacts.All);
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
                        var (other, constant) = BooleanConstant(comparison.RightOperand) is { } right
                            ? (comparison.LeftOperand, (bool?)right)
                            : BooleanConstant(comparison.LeftOperand) is { } left ? (comparison.RightOperand, left) : (comparison, null);
                        if (constant is null)
                        {
                            return ConsentCondition.Unknown;
                        }

                        var result = Equality(ConditionOf(other, state), constant.Value, other.Type);
                        return comparison.OperatorKind == BinaryOperatorKind.Equals ? result : result.Negate();
                    }

                case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } isPattern:
                    return Equality(ConditionOf(isPattern.Value, state), expected, isPattern.Value.Type);

                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool expected } } } } isNotPattern:
                    return Equality(ConditionOf(isNotPattern.Value, state), expected, isNotPattern.Value.Type).Negate();

                default:
                    return ConsentCondition.Unknown;
            }
        }

        /// <summary>
        /// What <c>value == expected</c> says, given what <paramref name="value"/> says: for a <c>bool?</c>, the side that
        /// also holds when the value is null (<c>== true</c> is false for null) knows nothing.
        /// </summary>
        private static ConsentCondition Equality(ConsentCondition value, bool expected, ITypeSymbol? type)
        {
            var result = expected ? value : value.Negate();
            return TypeShapes.IsNullableBoolean(type) ? new ConsentCondition(result.WhenTrue, ConsentFacts.None) : result;
        }

        /// <summary>A constant <c>true</c> or <c>false</c>, also lifted to <c>bool?</c> (<c>maybe?.Allows() == true</c>).</summary>
        private static bool? BooleanConstant(IOperation operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } conversion && operation.ConstantValue is not { HasValue: true })
            {
                operation = conversion.Operand;
            }

            return operation.ConstantValue is { HasValue: true, Value: bool value } ? value : null;
        }

        /// <summary>The task an <c>await</c> waits for, seen through <c>ConfigureAwait(..)</c>.</summary>
        private static IOperation TaskOfAwaited(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation { IsImplicit: true } conversion:
                        operation = conversion.Operand;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } task } when TypeShapes.IsTaskOfBoolean(task.Type):
                        operation = task;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// The bool-valued task or nullable whose value <paramref name="operation"/> reads synchronously
        /// (<c>task.Result</c>, <c>task.GetAwaiter().GetResult()</c>, <c>nullable.Value</c>,
        /// <c>nullable.GetValueOrDefault()</c>), or null.
        /// </summary>
        private static IOperation? AwaitedResultOf(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when TypeShapes.IsTaskOfBoolean(task.Type):
                    return TaskOfAwaited(task);
                case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } nullable } when TypeShapes.IsNullableBoolean(nullable.Type):
                    return nullable;
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", TargetMethod.Parameters.IsEmpty: true, Instance: { } nullable } when TypeShapes.IsNullableBoolean(nullable.Type):
                    return nullable;
                case IInvocationOperation { TargetMethod.Name: "GetResult", TargetMethod.Parameters.IsEmpty: true, Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } task } }
                    when TypeShapes.IsTaskOfBoolean(TaskOfAwaited(task).Type):
                    return TaskOfAwaited(task);
                default:
                    return null;
            }
        }

        /// <summary>A null or default <c>bool?</c>: <c>null</c>, <c>default</c>, <c>(bool?)null</c>.</summary>
        private static bool IsNullBoolean(IOperation operation)
        {
            if (!TypeShapes.IsNullableBoolean(operation.Type))
            {
                return false;
            }

            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation is IDefaultValueOperation || operation.ConstantValue is { HasValue: true, Value: null };
        }

        /// <summary>
        /// What a compound assignment to a guard variable leaves it saying: <c>allowed &amp;= x</c> keeps what
        /// <c>allowed</c> guaranteed when true, <c>allowed |= preview</c> keeps nothing that <c>preview</c> does not.
        /// </summary>
        private ConsentCondition CompoundCondition(ICompoundAssignmentOperation compound, FlowState state)
        {
            if (!IsBoolean(compound.Type))
            {
                return ConsentCondition.Unknown;
            }

            var left = ConditionOf(compound.Target, state);
            var right = ConditionOf(compound.Value, state);
            return compound.OperatorKind switch
            {
                BinaryOperatorKind.And => new ConsentCondition(left.WhenTrue.Union(right.WhenTrue), left.WhenFalse.Intersect(right.WhenFalse)),
                BinaryOperatorKind.Or => new ConsentCondition(left.WhenTrue.Intersect(right.WhenTrue), left.WhenFalse.Union(right.WhenFalse)),
                _ => ConsentCondition.Unknown,
            };
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

        private static bool IsVoidLike(ITypeSymbol type) => type.SpecialType == SpecialType.System_Void || TypeShapes.IsVoidTask(type);

        /// <summary>
        /// A <c>bool</c>, <c>bool?</c>, <c>Task&lt;bool&gt;</c> or <c>ValueTask&lt;bool&gt;</c>: a value that can say
        /// something about consent, now or once awaited.
        /// </summary>
        private static bool CanBeCondition(ITypeSymbol? type) => IsBoolean(type) || TypeShapes.IsTaskOfBoolean(type);

        /// <summary>A <c>bool</c> or <c>bool?</c>.</summary>
        private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean || TypeShapes.IsNullableBoolean(type);
    }
}
