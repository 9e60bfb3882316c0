using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// The entry of the transfer functions: <see cref="Evaluate"/> bounds the work and the depth, and
    /// <see cref="EvaluateCore"/> sends each kind of operation to its family's transfer function.
    /// </summary>
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
            // transfer functions live by family: reads in TaintWalker.Reads, writes in TaintWalker.Assignments (members and
            // tuple elements in TaintWalker.Members), values built from others in TaintWalker.Values, calls, creations and
            // lambdas in TaintWalker.Calls.
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
                    return InstanceRead((IInstanceReferenceOperation)operation);
                case OperationKind.LocalReference:
                    return Read(((ILocalReferenceOperation)operation).Local, operation.Type, frame);
                case OperationKind.ParameterReference:
                    return Read(((IParameterReferenceOperation)operation).Parameter, operation.Type, frame);
                case OperationKind.FlowCapture:
                    return FlowCapture((IFlowCaptureOperation)operation, frame);
                case OperationKind.FlowCaptureReference:
                    return CaptureRead((IFlowCaptureReferenceOperation)operation, frame);
                case OperationKind.PropertyReference:
                    return PropertyRead((IPropertyReferenceOperation)operation, frame);
                case OperationKind.FieldReference:
                    return FieldRead((IFieldReferenceOperation)operation, frame);
                case OperationKind.ArrayElementReference:
                    return ArrayElementRead((IArrayElementReferenceOperation)operation, frame);

                // Writes.
                case OperationKind.SimpleAssignment:
                    return SimpleAssignment((ISimpleAssignmentOperation)operation, frame);
                case OperationKind.CompoundAssignment:
                    return CompoundAssignment((ICompoundAssignmentOperation)operation, frame);
                case OperationKind.DeconstructionAssignment:
                    return DeconstructionAssignment((IDeconstructionAssignmentOperation)operation, frame);

                // Calls and creations.
                case OperationKind.Invocation:
                    return Invocation((IInvocationOperation)operation, frame);
                case OperationKind.ObjectCreation:
                    return Creation((IObjectCreationOperation)operation, frame);
                case OperationKind.DelegateCreation:
                    return DelegateCreation((IDelegateCreationOperation)operation, frame);
                case OperationKind.FlowAnonymousFunction:
                    return AnonymousFunction((IFlowAnonymousFunctionOperation)operation, frame);

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
                    return IsNull((IIsNullOperation)operation, frame);

                // Operations only a body analyzed without a graph has (the graph turns them into assignments and calls).
                case OperationKind.VariableDeclarator:
                    return VariableDeclarator((IVariableDeclaratorOperation)operation, frame);
                case OperationKind.Loop when operation is IForEachLoopOperation loop:
                    return ForEachLoop(loop, frame);

                default:
                    return OtherOperation(operation, frame);
            }
        }
    }
}
