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
        private Taint Evaluate(IOperation? operation)
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
                return EvaluateCore(operation);
            }
            finally
            {
                _expressionDepth--;
            }
        }

        private Taint EvaluateCore(IOperation operation)
        {
            // Dispatched by kind, not by a chain of interface tests: every operation of every pass comes through here.
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

                case OperationKind.InstanceReference:
                    return ((IInstanceReferenceOperation)operation).ReferenceKind == InstanceReferenceKind.ContainingTypeInstance
                        ? TypeTaint(operation.Type)
                        : Taint.Clean;

                case OperationKind.LocalReference:
                    {
                        var local = (ILocalReferenceOperation)operation;
                        return Read(local.Local, local.Type);
                    }

                case OperationKind.ParameterReference:
                    {
                        var parameter = (IParameterReferenceOperation)operation;
                        return Read(parameter.Parameter, parameter.Type);
                    }

                case OperationKind.FlowCapture:
                    {
                        var capture = (IFlowCaptureOperation)operation;
                        _state.Set(capture.Id, Evaluate(capture.Value));
                        _state.SetCondition(capture.Id, IsBoolean(capture.Value.Type) ? ConditionOf(capture.Value, _state) : ConsentCondition.Unknown);
                        return Taint.Clean;
                    }

                case OperationKind.FlowCaptureReference:
                    {
                        var captureReference = (IFlowCaptureReferenceOperation)operation;
                        return _state.TryGet(captureReference.Id, out var captured) ? captured : Taint.Clean;
                    }

                case OperationKind.PropertyReference:
                    {
                        var property = (IPropertyReferenceOperation)operation;
                        return MemberRead(property, property.Property, property.Instance, property.Arguments);
                    }

                case OperationKind.FieldReference:
                    {
                        var field = (IFieldReferenceOperation)operation;
                        return MemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty);
                    }

                case OperationKind.ArrayElementReference:
                    {
                        var element = (IArrayElementReferenceOperation)operation;
                        foreach (var index in element.Indices)
                        {
                            Evaluate(index);
                        }

                        return Evaluate(element.ArrayReference).Union(TypeTaint(element.Type));
                    }

                case OperationKind.SimpleAssignment:
                    {
                        var assignment = (ISimpleAssignmentOperation)operation;
                        var value = Evaluate(assignment.Value);
                        if (assignment.Target is IPropertyReferenceOperation property && _context.Sinks.MatchWrite(property, assignment.Value) is { } write)
                        {
                            // parameter.Value = visitor.Email (ADO.NET)
                            ReportSink(write, assignment, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<Taint>(), new Dictionary<IOperation, Taint> { [assignment.Value] = value });
                        }

                        Assign(assignment.Target, value);
                        if (assignment.Target is ILocalReferenceOperation or IParameterReferenceOperation)
                        {
                            var variable = assignment.Target is ILocalReferenceOperation local ? (ISymbol)local.Local : ((IParameterReferenceOperation)assignment.Target).Parameter;
                            _state.SetCondition(variable, IsBoolean(assignment.Value.Type) ? ConditionOf(assignment.Value, _state) : ConsentCondition.Unknown);
                        }

                        return value;
                    }

                case OperationKind.CompoundAssignment:
                    {
                        var compound = (ICompoundAssignmentOperation)operation;
                        var value = TypeShapes.IsScalar(compound.Type)
                            ? Taint.Clean
                            : Evaluate(compound.Target).Union(Evaluate(compound.Value).AsText());
                        Assign(compound.Target, value);
                        return value;
                    }

                case OperationKind.DeconstructionAssignment:
                    {
                        var deconstruction = (IDeconstructionAssignmentOperation)operation;
                        return Deconstruct(deconstruction.Target, deconstruction.Value);
                    }

                case OperationKind.Invocation:
                    {
                        var invocation = (IInvocationOperation)operation;
                        return Invocation(invocation);
                    }

                case OperationKind.ObjectCreation:
                    {
                        var creation = (IObjectCreationOperation)operation;
                        return Creation(creation);
                    }

                case OperationKind.AnonymousObjectCreation:
                    {
                        var anonymous = (IAnonymousObjectCreationOperation)operation;
                        var result = Taint.Clean;
                        foreach (var initializer in anonymous.Initializers)
                        {
                            result = result.Union(initializer is ISimpleAssignmentOperation member ? Evaluate(member.Value) : Evaluate(initializer));
                        }

                        return result;
                    }

                case OperationKind.ArrayCreation:
                    {
                        var array = (IArrayCreationOperation)operation;
                        foreach (var size in array.DimensionSizes)
                        {
                            Evaluate(size);
                        }

                        return array.Initializer is null ? Taint.Clean : UnionOf(array.Initializer.ElementValues);
                    }

                case OperationKind.ArrayInitializer:
                    {
                        var initializer = (IArrayInitializerOperation)operation;
                        return UnionOf(initializer.ElementValues);
                    }

                case OperationKind.Tuple:
                    {
                        var tuple = (ITupleOperation)operation;
                        return UnionOf(tuple.Elements);
                    }

                case OperationKind.Binary:
                    {
                        var binary = (IBinaryOperation)operation;
                        return Binary(binary);
                    }

                case OperationKind.Unary:
                    {
                        var unary = (IUnaryOperation)operation;
                        var value = Evaluate(unary.Operand);
                        return TypeShapes.IsScalar(unary.Type) ? Taint.Clean : value;
                    }

                case OperationKind.Conversion:
                    {
                        var conversion = (IConversionOperation)operation;
                        // A cast is not a computation: (long)visitor.Age is still the age.
                        return Evaluate(conversion.Operand);
                    }

                case OperationKind.Await:
                    {
                        var await = (IAwaitOperation)operation;
                        return Evaluate(await.Operation);
                    }

                case OperationKind.InterpolatedString:
                    {
                        var interpolated = (IInterpolatedStringOperation)operation;
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

                case OperationKind.InterpolatedStringHandlerCreation:
                    {
                        var handler = (IInterpolatedStringHandlerCreationOperation)operation;
                        return Evaluate(handler.Content);
                    }

                case OperationKind.IsPattern:
                    {
                        var isPattern = (IIsPatternOperation)operation;
                        var value = Evaluate(isPattern.Value);
                        BindPattern(isPattern.Pattern, value);
                        return Taint.Clean;
                    }

                case OperationKind.IsNull:
                    {
                        var isNull = (IIsNullOperation)operation;
                        Evaluate(isNull.Operand);
                        return Taint.Clean;
                    }

                case OperationKind.DelegateCreation:
                    {
                        var delegateCreation = (IDelegateCreationOperation)operation;
                        if (delegateCreation.Target is IFlowAnonymousFunctionOperation lambda)
                        {
                            AnalyzeLambda(lambda, Taint.Clean);
                        }
                        else if (delegateCreation.Target is IAnonymousFunctionOperation written)
                        {
                            // Without a graph (AnalyzeWithoutGraph) a lambda is evaluated where it is written.
                            Evaluate(written.Body);
                        }

                        return Taint.Clean;
                    }

                case OperationKind.FlowAnonymousFunction:
                    {
                        var anonymousFunction = (IFlowAnonymousFunctionOperation)operation;
                        AnalyzeLambda(anonymousFunction, Taint.Clean);
                        return Taint.Clean;
                    }

                // Operations only a body analyzed without a graph has (the graph turns them into assignments and calls).
                case OperationKind.VariableDeclarator:
                    {
                        var declarator = (IVariableDeclaratorOperation)operation;
                        if (declarator.Initializer is { } declared)
                        {
                            _state.Set(declarator.Symbol, Evaluate(declared.Value));
                        }

                        return Taint.Clean;
                    }

                case OperationKind.Loop when operation is IForEachLoopOperation loop:
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

                default:
                    {
                        // Anything else (with, ranges, dynamic, ...): what its parts carry, unless it computes a scalar.
                        var result = Taint.Clean;
                        foreach (var child in operation.ChildOperations)
                        {
                            result = result.Union(Evaluate(child));
                        }

                        return TypeShapes.IsScalar(operation.Type) ? Taint.Clean : result.Union(TypeTaint(operation.Type));
                    }
            }
        }

        private static bool IsBoolean(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

        private Taint Read(ISymbol variable, ITypeSymbol? type)
        {
            var held = _state.TryGet(variable, out var value) ? value : variable is IParameterSymbol parameter ? Declared(parameter) : Taint.Clean;
            if (held.IsClean && variable is ILocalSymbol && _context.Catalog.InfersFromNames)
            {
                held = Declared(variable); // var email = form["email"]: a local whose name says personal data, where inference is on
            }

            return held.Union(TypeTaint(type));
        }

        private Taint Declared(ISymbol symbol)
            => _context.Catalog.GetDeclared(symbol) is { } item ? Taint.Direct(Origin.Of(item)) : Taint.Clean;

        private Taint TypeTaint(ITypeSymbol? type) => _context.Catalog.GetContainerTaint(type);

        private Taint MemberRead(IOperation reference, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            var receiver = Evaluate(instance);
            var indexArguments = Taint.Clean;
            foreach (var argument in arguments)
            {
                indexArguments = indexArguments.Union(Evaluate(argument.Value));
            }

            var declared = Declared(member);
            if (MemberKeyOf(instance, member) is { } key && _state.TryGet(key, out var assigned))
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

        private Taint Binary(IBinaryOperation binary)
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

            var result = Evaluate(current).AsText();
            while (_operands.Count > bottom)
            {
                var operand = _operands[_operands.Count - 1];
                _operands.RemoveAt(_operands.Count - 1);
                result = result.Union(Evaluate(operand).AsText());
            }

            return TypeShapes.IsScalar(binary.Type) ? Taint.Clean : result;
        }

        private Taint UnionOf(ImmutableArray<IOperation> operations)
        {
            var result = Taint.Clean;
            foreach (var operation in operations)
            {
                result = result.Union(Evaluate(operation));
            }

            return result;
        }

        private void Assign(IOperation target, Taint value)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    _state.Set(local.Local, value);
                    return;
                case IParameterReferenceOperation parameter:
                    _state.Set(parameter.Parameter, value);
                    return;
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value);
                    return;
                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Assign(element, value);
                    }

                    return;
                case IPropertyReferenceOperation or IFieldReferenceOperation or IArrayElementReferenceOperation:
                    {
                        // dto.Note = email: the object now holds the data (weak update of the variable that holds it),
                        // and dto.Note gives it back (strong update of the member).
                        var (root, rootType) = RootOf(target);
                        EvaluateChildrenOfTarget(target);
                        var memberKey = target switch
                        {
                            IPropertyReferenceOperation { Arguments.IsEmpty: true } property => MemberKeyOf(property.Instance, property.Property),
                            IFieldReferenceOperation field => MemberKeyOf(field.Instance, field.Field),
                            _ => null,
                        };
                        if (memberKey is not null)
                        {
                            _state.Set(memberKey, value);
                        }

                        if (root is not null && !value.IsClean)
                        {
                            var printsMembers = target is IArrayElementReferenceOperation || PrintsMembers(rootType);
                            _state.Set(root, Current(root).Union(value.AsMember(printsMembers)));
                        }

                        return;
                    }

                default:
                    Evaluate(target);
                    return;
            }
        }

        private void EvaluateChildrenOfTarget(IOperation target)
        {
            switch (target)
            {
                case IPropertyReferenceOperation property:
                    Evaluate(property.Instance);
                    foreach (var argument in property.Arguments)
                    {
                        Evaluate(argument.Value);
                    }

                    break;
                case IFieldReferenceOperation field:
                    Evaluate(field.Instance);
                    break;
                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    break;
            }
        }

        /// <summary>The key of a member of a variable's object, of <c>this</c>, or a static member; null for longer paths.</summary>
        private static MemberKey? MemberKeyOf(IOperation? instance, ISymbol member)
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
                    return new MemberKey(capture.Id, member);
                default:
                    return null;
            }
        }

        private Taint Current(object root)
            => _state.TryGet(root, out var held) ? held : root is IParameterSymbol parameter ? Declared(parameter) : Taint.Clean;

        private void WeakUpdate(IOperation? receiver, Taint value)
        {
            if (receiver is null || value.IsClean)
            {
                return;
            }

            var (root, _) = RootOf(receiver);
            if (root is not null)
            {
                _state.Set(root, Current(root).Union(value));
            }
        }

        /// <summary>The local, parameter or flow capture that holds the object a member access starts from.</summary>
        private static (object? Root, ITypeSymbol? Type) RootOf(IOperation operation)
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
                        return (capture.Id, capture.Type);
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
            => type is not null && (type.IsRecord || type.IsAnonymousType || type.IsTupleType || TypeShapes.IsSequence(type) || TypeShapes.IsTextLike(type));

        private Taint Deconstruct(IOperation target, IOperation value)
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
                    values[i] = Evaluate(valueTuple.Elements[i]);
                    all = all.Union(values[i]);
                }

                for (var i = 0; i < values.Length; i++)
                {
                    Deconstruct(targetElements[i], values[i]);
                }

                return all;
            }

            var whole = Evaluate(value);
            if (!targetElements.IsDefault)
            {
                foreach (var element in targetElements)
                {
                    Deconstruct(element, whole);
                }
            }
            else
            {
                Assign(target, whole);
            }

            return whole;
        }

        private void Deconstruct(IOperation target, Taint value)
        {
            // var (id, email) = visitor: the number is not the data, the string may be.
            Assign(target, TypeShapes.IsScalar(target.Type) && target is not (ITupleOperation or IDeclarationExpressionOperation { Expression: ITupleOperation }) ? Taint.Clean : value);
        }

        private void BindPattern(IPatternOperation pattern, Taint value)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    _state.Set(local, value);
                    break;
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local }:
                    _state.Set(local, value);
                    break;
                case IBinaryPatternOperation binaryPattern:
                    BindPattern(binaryPattern.LeftPattern, value);
                    BindPattern(binaryPattern.RightPattern, value);
                    break;
            }
        }
    }
}
