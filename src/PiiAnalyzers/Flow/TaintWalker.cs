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
    /// <summary>
    /// Follows personal data through one method body, flow-sensitively, on its control-flow graph: a forward data-flow
    /// analysis whose state (<see cref="FlowState"/>) says what each local, parameter and flow capture holds. States
    /// join where paths meet; the analysis iterates to a fixed point, then makes one last pass in which sinks are
    /// reported to the <see cref="IFlowObserver"/>. Lambdas and local functions are analyzed where they are created or
    /// called, with the caller's state (captures) and the data passed to their parameters.
    /// <para>
    /// Bounds, so that no method can make the analysis slow: at most <see cref="MaxRounds"/> passes to a fixed point,
    /// <see cref="MaxWork"/> evaluated operations per method (past that the analysis stops iterating and reports from
    /// what it has), lambdas and local functions nested <see cref="MaxNesting"/> deep, expressions
    /// <see cref="MaxExpressionDepth"/> deep, and helpers <see cref="MethodSummaries.MaxDepth"/> calls deep.
    /// </para>
    /// </summary>
    internal sealed class TaintWalker
    {
        public const int MaxRounds = 12;
        public const int MaxWork = 200_000;
        public const int MaxNesting = 4;
        public const int MaxExpressionDepth = 256;

        private static readonly string[] MutatorNames = { "Add", "AddRange", "Insert", "InsertRange", "Push", "Enqueue", "TryAdd", "Append", "AppendLine", "AppendFormat", "AppendJoin", "Prepend", "Replace", "Set", "TryEnqueue" };

        private readonly FlowContext _context;
        private readonly IFlowObserver _observer;
        private readonly int _depth;
        private readonly IMethodSymbol? _summarizing;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ControlFlowGraph> _active = new HashSet<ControlFlowGraph>();
        private readonly HashSet<IMethodSymbol> _analyzedLocalFunctions = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);

        private FlowState _state = new FlowState();
        private ControlFlowGraph? _graph;
        private bool _reporting;
        private int _work;
        private int _expressionDepth;

        /// <param name="context">The compilation's context.</param>
        /// <param name="observer">Told about every sink that data reaches, in the final pass.</param>
        /// <param name="depth">Helpers are followed through their summaries at <c>depth - 1</c>; 0 follows none.</param>
        /// <param name="summarizing">The method being summarized (its parameters become placeholders), or null.</param>
        /// <param name="cancellationToken">Honoured between blocks and operations.</param>
        public TaintWalker(FlowContext context, IFlowObserver observer, int depth, IMethodSymbol? summarizing, CancellationToken cancellationToken)
        {
            _context = context;
            _observer = observer;
            _depth = depth;
            _summarizing = summarizing;
            _cancellationToken = cancellationToken;
        }

        /// <summary>
        /// Analyzes a method body's graph, reports its sinks, and returns what its return value carries.
        /// <paramref name="owner"/> is the method the body belongs to: inside a <c>[RequiresConsent]</c> method, its
        /// callers have checked consent.
        /// </summary>
        public Taint Analyze(ControlFlowGraph graph, IMethodSymbol? owner)
        {
            var entry = new FlowState(owner is not null && _context.GetConsentRequirement(owner) is { } required
                ? ConsentFacts.For(required.Purpose is null ? ImmutableArray<string>.Empty : ImmutableArray.Create(required.Purpose))
                : ConsentFacts.None);
            if (_summarizing is not null)
            {
                foreach (var parameter in _summarizing.Parameters)
                {
                    entry.Set(parameter, Taint.Direct(Origin.OfParameter(parameter.Ordinal, allMembers: false)).Union(Declared(parameter)));
                }
            }

            _reporting = true;
            return AnalyzeGraph(graph, entry);
        }

        private Taint AnalyzeGraph(ControlFlowGraph graph, FlowState entry)
        {
            var outerState = _state;
            var outerGraph = _graph;
            var reporting = _reporting;
            _active.Add(graph);
            try
            {
                var blocks = graph.Blocks;
                var inputs = new FlowState?[blocks.Length];
                var outputs = new FlowState?[blocks.Length];
                inputs[0] = entry;

                _reporting = false;
                for (var round = 0; round < MaxRounds && _work < MaxWork; round++)
                {
                    if (!Iterate(graph, blocks, inputs, outputs))
                    {
                        break;
                    }
                }

                // The final pass, from the fixed point: the only one that reports.
                _reporting = reporting;
                var returns = Taint.Clean;
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (inputs[i] is { } input)
                    {
                        var state = input.Clone();
                        returns = returns.Union(Transfer(graph, blocks[i], state));
                        outputs[i] = state;
                    }
                }

                if (reporting)
                {
                    AnalyzeUncalledLocalFunctions(graph, outputs);
                }

                return returns;
            }
            finally
            {
                _active.Remove(graph);
                _state = outerState;
                _graph = outerGraph;
                _reporting = reporting;
            }
        }

        /// <summary>One pass over the blocks in order; true when any block's input grew.</summary>
        private bool Iterate(ControlFlowGraph graph, ImmutableArray<BasicBlock> blocks, FlowState?[] inputs, FlowState?[] outputs)
        {
            var changed = false;
            for (var i = 0; i < blocks.Length; i++)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var block = blocks[i];
                if (i != 0 && block.Predecessors.IsEmpty && block.IsReachable)
                {
                    // Catch and finally handlers are entered from anywhere in their try block: start them from
                    // everything the method has held so far.
                    var handler = inputs[i] ?? new FlowState();
                    var grew = inputs[i] is null;
                    foreach (var output in outputs)
                    {
                        if (output is not null && handler.MergeFrom(output))
                        {
                            grew = true;
                        }
                    }

                    inputs[i] = handler;
                    changed |= grew;
                }

                if (inputs[i] is not { } input)
                {
                    continue;
                }

                var state = input.Clone();
                Transfer(graph, block, state);
                outputs[i] = state;
                if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is { } condition
                    && ConditionOf(condition, state) is { IsUnknown: false } consent)
                {
                    // if (consent.Has(v)) ...: each way out of the test knows what the test said.
                    var jump = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? consent.WhenTrue : consent.WhenFalse;
                    var fall = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? consent.WhenFalse : consent.WhenTrue;
                    changed |= Flow(block.ConditionalSuccessor, WithConsent(state, jump), inputs);
                    changed |= Flow(block.FallThroughSuccessor, WithConsent(state, fall), inputs);
                }
                else
                {
                    changed |= Flow(block.FallThroughSuccessor, state, inputs);
                    changed |= Flow(block.ConditionalSuccessor, state, inputs);
                }
            }

            return changed;
        }

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

        /// <summary>What a boolean value says about consent, given what variables hold in <paramref name="state"/>.</summary>
        private ConsentCondition ConditionOf(IOperation operation, FlowState state)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when _context.GetConsentCheck(invocation.TargetMethod) is { } check:
                    return new ConsentCondition(CheckedConsent(check, invocation.Arguments), ConsentFacts.None);
                case IPropertyReferenceOperation property when _context.GetConsentCheck(property.Property) is { } check:
                    return new ConsentCondition(CheckedConsent(check, ImmutableArray<IArgumentOperation>.Empty), ConsentFacts.None);
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
            if (check.Purpose is not null)
            {
                return ConsentFacts.For(ImmutableArray.Create(check.Purpose));
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

        private static bool Flow(ControlFlowBranch? branch, FlowState state, FlowState?[] inputs)
        {
            if (branch?.Destination is not { } destination)
            {
                return false;
            }

            if (inputs[destination.Ordinal] is { } existing)
            {
                return existing.MergeFrom(state);
            }

            inputs[destination.Ordinal] = state.Clone();
            return true;
        }

        /// <summary>Runs a block's operations on <paramref name="state"/>; returns what the block returns, if it returns.</summary>
        private Taint Transfer(ControlFlowGraph graph, BasicBlock block, FlowState state)
        {
            _state = state;
            _graph = graph;
            foreach (var operation in block.Operations)
            {
                Evaluate(operation);
            }

            if (block.BranchValue is { } branchValue)
            {
                var value = Evaluate(branchValue);
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    return value;
                }
            }

            return Taint.Clean;
        }

        private void AnalyzeUncalledLocalFunctions(ControlFlowGraph graph, FlowState?[] outputs)
        {
            if (graph.LocalFunctions.IsEmpty)
            {
                return;
            }

            var everything = new FlowState();
            foreach (var output in outputs)
            {
                if (output is not null)
                {
                    everything.MergeFrom(output);
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
            {
                if (!_analyzedLocalFunctions.Contains(localFunction))
                {
                    AnalyzeNested(graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken), everything, localFunction.Parameters, ImmutableArray<Taint>.Empty);
                }
            }
        }

        /// <summary>Analyzes a lambda or local function body from <paramref name="captured"/>, with its parameters holding <paramref name="arguments"/>.</summary>
        private Taint AnalyzeNested(ControlFlowGraph graph, FlowState captured, ImmutableArray<IParameterSymbol> parameters, ImmutableArray<Taint> arguments)
        {
            if (_active.Contains(graph) || _active.Count > MaxNesting)
            {
                return Taint.Clean;
            }

            var entry = captured.Clone();
            for (var i = 0; i < parameters.Length; i++)
            {
                entry.Set(parameters[i], i < arguments.Length ? arguments[i] : Taint.Clean);
            }

            return AnalyzeGraph(graph, entry);
        }

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
            switch (operation)
            {
                case ILiteralOperation:
                case IDefaultValueOperation:
                case IInstanceReferenceOperation { ReferenceKind: not InstanceReferenceKind.ContainingTypeInstance }:
                case IMethodReferenceOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case ICaughtExceptionOperation:
                case IIncrementOrDecrementOperation:
                    return Taint.Clean;

                case IInstanceReferenceOperation instance:
                    return TypeTaint(instance.Type);

                case ILocalReferenceOperation local:
                    return Read(local.Local, local.Type);

                case IParameterReferenceOperation parameter:
                    return Read(parameter.Parameter, parameter.Type);

                case IFlowCaptureOperation capture:
                    _state.Set(capture.Id, Evaluate(capture.Value));
                    _state.SetCondition(capture.Id, IsBoolean(capture.Value.Type) ? ConditionOf(capture.Value, _state) : ConsentCondition.Unknown);
                    return Taint.Clean;

                case IFlowCaptureReferenceOperation captureReference:
                    return _state.TryGet(captureReference.Id, out var captured) ? captured : Taint.Clean;

                case IPropertyReferenceOperation property:
                    return MemberRead(property, property.Property, property.Instance, property.Arguments);

                case IFieldReferenceOperation field:
                    return MemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty);

                case IArrayElementReferenceOperation element:
                    foreach (var index in element.Indices)
                    {
                        Evaluate(index);
                    }

                    return Evaluate(element.ArrayReference).Union(TypeTaint(element.Type));

                case ISimpleAssignmentOperation assignment:
                    {
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

                case ICompoundAssignmentOperation compound:
                    {
                        var value = TypeShapes.IsScalar(compound.Type)
                            ? Taint.Clean
                            : Evaluate(compound.Target).Union(Evaluate(compound.Value).AsText());
                        Assign(compound.Target, value);
                        return value;
                    }

                case IDeconstructionAssignmentOperation deconstruction:
                    return Deconstruct(deconstruction.Target, deconstruction.Value);

                case IInvocationOperation invocation:
                    return Invocation(invocation);

                case IObjectCreationOperation creation:
                    return Creation(creation);

                case IAnonymousObjectCreationOperation anonymous:
                    {
                        var result = Taint.Clean;
                        foreach (var initializer in anonymous.Initializers)
                        {
                            result = result.Union(initializer is ISimpleAssignmentOperation member ? Evaluate(member.Value) : Evaluate(initializer));
                        }

                        return result;
                    }

                case IArrayCreationOperation array:
                    {
                        foreach (var size in array.DimensionSizes)
                        {
                            Evaluate(size);
                        }

                        return array.Initializer is null ? Taint.Clean : UnionOf(array.Initializer.ElementValues);
                    }

                case IArrayInitializerOperation initializer:
                    return UnionOf(initializer.ElementValues);

                case ITupleOperation tuple:
                    return UnionOf(tuple.Elements);

                case IBinaryOperation binary:
                    return Binary(binary);

                case IUnaryOperation unary:
                    {
                        var value = Evaluate(unary.Operand);
                        return TypeShapes.IsScalar(unary.Type) ? Taint.Clean : value;
                    }

                case IConversionOperation conversion:
                    // A cast is not a computation: (long)visitor.Age is still the age.
                    return Evaluate(conversion.Operand);

                case IAwaitOperation await:
                    return Evaluate(await.Operation);

                case IInterpolatedStringOperation interpolated:
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

                case IInterpolatedStringHandlerCreationOperation handler:
                    return Evaluate(handler.Content);

                case IIsPatternOperation isPattern:
                    {
                        var value = Evaluate(isPattern.Value);
                        BindPattern(isPattern.Pattern, value);
                        return Taint.Clean;
                    }

                case IIsNullOperation isNull:
                    Evaluate(isNull.Operand);
                    return Taint.Clean;

                case IDelegateCreationOperation delegateCreation:
                    if (delegateCreation.Target is IFlowAnonymousFunctionOperation lambda)
                    {
                        AnalyzeLambda(lambda, Taint.Clean);
                    }

                    return Taint.Clean;

                case IFlowAnonymousFunctionOperation anonymousFunction:
                    AnalyzeLambda(anonymousFunction, Taint.Clean);
                    return Taint.Clean;

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
            if (member is IPropertySymbol { GetMethod: { } getter } && _depth > 0
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
            var operands = new Stack<IOperation>();
            IOperation current = binary;
            while (current is IBinaryOperation { OperatorMethod: null } chained && operands.Count < MaxWork)
            {
                operands.Push(chained.RightOperand);
                current = chained.LeftOperand;
            }

            var result = Evaluate(current).AsText();
            while (operands.Count > 0)
            {
                result = result.Union(Evaluate(operands.Pop()).AsText());
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

        private Taint Invocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = Evaluate(invocation.Instance);
            var arguments = EvaluateArguments(invocation.Arguments, out var elements);

            var sink = _context.Sinks.Match(invocation);
            if (sink is not null)
            {
                ReportSink(sink, invocation, invocation.Arguments, arguments, elements);
            }

            if (_context.GetConsentRequirement(method) is { } required && _reporting)
            {
                _observer.OnConsentRequired(invocation, method, required, _state.Consent);
            }

            if (_context.GetConsentCheck(method) is { } check && IsVoidLike(method.ReturnType))
            {
                // consent.Ensure(visitor, "support") throws without consent: what follows is guarded.
                _state.Consent = _state.Consent.Union(CheckedConsent(check, invocation.Arguments));
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return LocalFunctionCall(method, invocation.Arguments, arguments);
            }

            if (_context.IsRedactor(method))
            {
                return Taint.Clean;
            }

            // The data the call works on: the receiver, or the first argument of an extension method.
            var source = receiver;
            if (method.IsExtensionMethod && !invocation.Arguments.IsEmpty && invocation.Arguments[0].Parameter?.Ordinal == 0)
            {
                source = ArgumentTaint(invocation.Arguments, arguments, 0);
            }

            var lambdas = Lambdas(invocation.Arguments, TypeShapes.IsSequence(SourceType(invocation, method)) ? source : Taint.Clean);
            AssignOutArguments(invocation.Arguments, source, IsPassThroughReceiver(SourceType(invocation, method)));

            var declaredReturn = Declared(method);
            if (!declaredReturn.IsClean)
            {
                return declaredReturn.Union(TypeTaint(invocation.Type));
            }

            if (sink is null && _depth > 0 && MethodSummaries.CanSummarize(method.OriginalDefinition)
                && _context.Summaries.Get(method, _depth - 1, _cancellationToken) is { } summary)
            {
                ReportHelperSinks(invocation, method, summary, invocation.Arguments, arguments);
                var returned = Substitute(summary.Returns, ArgumentTaints(method, invocation.Arguments, arguments));
                return TypeShapes.IsScalar(invocation.Type) ? Taint.Clean : returned.Union(TypeTaint(invocation.Type));
            }

            return Library(invocation, method, receiver, source, arguments, lambdas);
        }

        /// <summary>What a library (metadata) method's result carries, by what is known of how data moves through it.</summary>
        private Taint Library(IInvocationOperation invocation, IMethodSymbol method, Taint receiver, Taint source, Taint[] arguments, Taint lambdas)
        {
            var allArguments = Taint.Clean;
            foreach (var argument in arguments)
            {
                allArguments = allArguments.Union(argument);
            }

            var containingType = method.ContainingType?.OriginalDefinition;
            var sourceType = SourceType(invocation, method);

            // list.Add(email), builder.Append(email), queue.Enqueue(email): the receiver now holds the data.
            if (!allArguments.IsClean && IsMutator(method.Name) && invocation.Instance is not null
                && (TypeShapes.IsSequence(invocation.Instance.Type) || TypeShapes.IsTextLike(invocation.Instance.Type)))
            {
                WeakUpdate(invocation.Instance, SymbolEqualityComparer.Default.Equals(containingType, _context.StringBuilder) ? allArguments.AsText() : allArguments);
                receiver = receiver.Union(allArguments);
            }

            if (TypeShapes.IsScalar(invocation.Type))
            {
                return Taint.Clean;
            }

            var result = TypeTaint(invocation.Type);

            if (IsSerializer(containingType) && method.Name.StartsWith("Serialize", StringComparison.Ordinal))
            {
                // JsonSerializer.Serialize(visitor): the output text holds every member.
                return result.Union(allArguments.AsSerialized());
            }

            if (method.Name == "ToString" || containingType?.SpecialType == SpecialType.System_String
                || SymbolEqualityComparer.Default.Equals(containingType, _context.StringBuilder))
            {
                return result.Union(receiver.AsText()).Union(allArguments.AsText());
            }

            if (IsLinq(containingType) && !lambdas.IsClean)
            {
                // Select(m => m.Text): the projection carries what the lambda returns.
                result = result.Union(lambdas);
                if (method.Name is "Select" or "SelectMany" or "Zip")
                {
                    return result;
                }
            }

            var type = invocation.Type;
            if (!source.IsClean && IsPassThroughReceiver(sourceType)
                && (TypeShapes.IsTextLike(type) || TypeShapes.IsSequence(type) || type?.SpecialType == SpecialType.System_Object
                    || (type is not null && !TypeShapes.IsLeaf(type)) || type is ITypeParameterSymbol))
            {
                // First(), ToList(), Where(...), GetEnumerator(), dictionary lookups: elements keep their data.
                result = result.Union(source);
            }

            if (method.IsStatic && !method.IsExtensionMethod && !allArguments.IsClean
                && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, containingType))
            {
                // Factories (JsonContent.Create(lead), Uri-like T.Create(...)): the object holds what it was made from.
                result = result.Union(allArguments.AsMember(PrintsMembers(type)));
            }

            if (PassesThroughTypeParameter(method, invocation.Arguments, arguments) is { IsClean: false } passed)
            {
                // Task.FromResult(email), Enumerable.Repeat(email, 3), Identity<T>(T value): the value comes back.
                result = result.Union(passed);
            }

            if (TypeShapes.IsTextLike(type))
            {
                // Uri.EscapeDataString(email), Encoding.UTF8.GetBytes(email), Path.Combine(dir, email): text in, text out.
                result = result.Union(receiver.AsText()).Union(allArguments.AsText());
            }

            return result;
        }

        /// <summary>For a generic method returning (a wrapper of) its type parameter T: what the arguments of type T carry.</summary>
        private static Taint PassesThroughTypeParameter(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint[] values)
        {
            var definition = method.OriginalDefinition;
            if (!definition.IsGenericMethod)
            {
                return Taint.Clean;
            }

            var returned = definition.ReturnType;
            var result = Taint.Clean;
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter is { } parameter && parameter.Ordinal < definition.Parameters.Length
                    && definition.Parameters[parameter.Ordinal].Type is ITypeParameterSymbol typeParameter
                    && (SymbolEqualityComparer.Default.Equals(returned, typeParameter)
                        || (returned is INamedTypeSymbol { IsGenericType: true } wrapper && wrapper.TypeArguments.Contains(typeParameter, SymbolEqualityComparer.Default))))
                {
                    result = result.Union(values[i]);
                }
            }

            return result;
        }

        private static ITypeSymbol? SourceType(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (invocation.Instance is { } instance)
            {
                return instance.Type;
            }

            if (method.IsExtensionMethod && !invocation.Arguments.IsEmpty)
            {
                var first = invocation.Arguments[0].Value;
                return first is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : first.Type;
            }

            return null;
        }

        private bool IsSerializer(INamedTypeSymbol? type)
            => type is not null
                && (SymbolEqualityComparer.Default.Equals(type, _context.SystemTextJsonSerializer)
                    || SymbolEqualityComparer.Default.Equals(type, _context.NewtonsoftJsonConvert));

        private bool IsLinq(INamedTypeSymbol? type)
            => type is not null
                && (SymbolEqualityComparer.Default.Equals(type, _context.Enumerable) || SymbolEqualityComparer.Default.Equals(type, _context.Queryable));

        private static bool IsMutator(string name)
        {
            foreach (var mutator in MutatorNames)
            {
                if (name == mutator)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsVoidLike(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_Void
                || (type is INamedTypeSymbol { IsGenericType: false, Name: "Task" or "ValueTask" } && TypeShapes.IsInNamespace(type, "System", "Threading", "Tasks"));

        private Taint Creation(IObjectCreationOperation creation)
        {
            var arguments = EvaluateArguments(creation.Arguments, out var elements);
            if (_context.Sinks.Match(creation) is { } sink)
            {
                ReportSink(sink, creation, creation.Arguments, arguments, elements);
            }

            if (creation.Constructor is { } constructor && _context.GetConsentRequirement(constructor) is { } required && _reporting)
            {
                _observer.OnConsentRequired(creation, constructor, required, _state.Consent);
            }

            Lambdas(creation.Arguments, Taint.Clean);
            Evaluate(creation.Initializer);

            var all = Taint.Clean;
            foreach (var argument in arguments)
            {
                all = all.Union(argument);
            }

            // new StringBuilder(email), new Uri(url), new ReceiptRecord(email): the object holds what it was built from.
            return TypeTaint(creation.Type).Union(all.AsMember(PrintsMembers(creation.Type)));
        }

        /// <summary>
        /// Evaluates the arguments in order (lambdas are left for <see cref="Lambdas"/>); a params array's elements are
        /// evaluated one by one into <paramref name="elements"/>, since sinks report on each.
        /// </summary>
        private Taint[] EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, out Dictionary<IOperation, Taint>? elements)
        {
            elements = null;
            var result = new Taint[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var value = arguments[i].Value;
                if (value is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation })
                {
                    continue;
                }

                if (arguments[i].ArgumentKind == ArgumentKind.ParamArray && value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    elements ??= new Dictionary<IOperation, Taint>();
                    var union = Taint.Clean;
                    foreach (var element in initializer.ElementValues)
                    {
                        var taint = Evaluate(element);
                        elements[element] = taint;
                        union = union.Union(taint);
                    }

                    result[i] = union;
                    continue;
                }

                result[i] = Evaluate(value);
            }

            return result;
        }

        /// <summary>Analyzes the lambdas passed to a call, their parameters holding <paramref name="elements"/>; returns what they return.</summary>
        private Taint Lambdas(ImmutableArray<IArgumentOperation> arguments, Taint elements)
        {
            var returned = Taint.Clean;
            foreach (var argument in arguments)
            {
                if (argument.Value is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda })
                {
                    var value = AnalyzeLambda(lambda, elements);
                    if (!TypeShapes.IsScalar(lambda.Symbol.ReturnType))
                    {
                        returned = returned.Union(value);
                    }
                }
            }

            return returned;
        }

        private Taint AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, Taint parameters)
        {
            if (_graph is null)
            {
                return Taint.Clean;
            }

            var graph = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
            var seeds = new Taint[lambda.Symbol.Parameters.Length];
            for (var i = 0; i < seeds.Length; i++)
            {
                seeds[i] = parameters;
            }

            return AnalyzeNested(graph, _state, lambda.Symbol.Parameters, seeds.ToImmutableArray());
        }

        private Taint LocalFunctionCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint[] values)
        {
            method = method.OriginalDefinition;
            for (var graph = _graph; graph is not null; graph = graph.Parent)
            {
                if (graph.LocalFunctions.Contains(method))
                {
                    if (_reporting)
                    {
                        _analyzedLocalFunctions.Add(method);
                    }

                    var result = AnalyzeNested(graph.GetLocalFunctionControlFlowGraph(method, _cancellationToken), _state, method.Parameters, ArgumentTaints(method, arguments, values));
                    return TypeShapes.IsScalar(method.ReturnType) ? Taint.Clean : result;
                }
            }

            return Taint.Clean;
        }

        private void AssignOutArguments(ImmutableArray<IArgumentOperation> arguments, Taint source, bool sourcePassesThrough)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    // dictionary.TryGetValue(key, out var value): the value comes from the collection.
                    Assign(argument.Value, sourcePassesThrough && !TypeShapes.IsScalar(argument.Value.Type) ? source : Taint.Clean);
                }
            }
        }

        private void ReportSink(SinkCall sink, IOperation call, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements)
        {
            if (!_reporting)
            {
                return;
            }

            foreach (var sinkArgument in sink.Arguments)
            {
                var taint = Taint.Clean;
                if (elements is not null && elements.TryGetValue(sinkArgument.Value, out var element))
                {
                    taint = element;
                }
                else
                {
                    for (var i = 0; i < arguments.Length; i++)
                    {
                        if (arguments[i].Value == sinkArgument.Value)
                        {
                            taint = values[i];
                            break;
                        }
                    }
                }

                var valueType = ValueType(sinkArgument.Value);
                var visible = Skip(taint.Visible(sinkArgument.MembersVisible), sink.IgnoreAttribute, valueType);
                if (!visible.IsEmpty)
                {
                    _observer.OnSink(new SinkEvent(sink.Kind, sink.Display, helper: null, call, sinkArgument.Value, visible, sinkArgument.MembersVisible, _state.Consent, RootType(valueType)));
                }
            }
        }

        /// <summary>The type of a value before it was converted to an argument's parameter type (object, T).</summary>
        private static ITypeSymbol? ValueType(IOperation value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return value.Type;
        }

        /// <summary>The type of what is stored: a collection's element type, else the value's type.</summary>
        private static ITypeSymbol? RootType(ITypeSymbol? type)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return array.ElementType;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named when TypeShapes.IsSequence(named):
                    return named.TypeArguments[0];
                default:
                    return type;
            }
        }

        /// <summary>
        /// Drops data held in members the serializer or store skips (<c>[JsonIgnore]</c>, <c>[NotMapped]</c>) — unless the
        /// value is text, which is written out whole.
        /// </summary>
        private static ImmutableArray<Origin> Skip(ImmutableArray<Origin> visible, INamedTypeSymbol? ignore, ITypeSymbol? valueType)
        {
            if (ignore is null || visible.IsEmpty || TypeShapes.IsTextLike(valueType))
            {
                return visible;
            }

            return visible.RemoveAll(origin => origin.Item is { } item && PrivacySymbols.Find(item.Symbol, ignore) is not null);
        }

        /// <summary>Audit(visitor.Email) where Audit logs its parameter: reported at the call site, naming the helper.</summary>
        private void ReportHelperSinks(IOperation call, IMethodSymbol method, MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint[] values)
        {
            if (!_reporting || summary.ParameterSinks.IsEmpty)
            {
                return;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter is not { } parameter || values[i].IsClean)
                {
                    continue;
                }

                foreach (var sink in summary.SinksOf(parameter.Ordinal))
                {
                    var visible = values[i].Visible(sink.MembersVisible);

                    // What the parameter's own type holds is reported inside the helper; here only what the caller adds.
                    var ownType = TypeTaint(parameter.OriginalDefinition.Type).Visible(sink.MembersVisible);
                    if (!ownType.IsEmpty)
                    {
                        visible = visible.RemoveAll(origin => ownType.Contains(origin));
                    }

                    if (!visible.IsEmpty)
                    {
                        _observer.OnSink(new SinkEvent(
                            sink.Kind, sink.Display, "'" + method.Name + "'", call, arguments[i].Value, visible, sink.MembersVisible,
                            _state.Consent.Union(sink.Consent), sink.RootType ?? RootType(ValueType(arguments[i].Value))));
                    }
                }
            }
        }

        private static Taint ArgumentTaint(ImmutableArray<IArgumentOperation> arguments, Taint[] values, int ordinal)
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter?.Ordinal == ordinal)
                {
                    return values[i];
                }
            }

            return Taint.Clean;
        }

        /// <summary>The taint of each parameter of <paramref name="method"/>, by ordinal, from the call's arguments.</summary>
        private static ImmutableArray<Taint> ArgumentTaints(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint[] values)
        {
            var result = new Taint[method.Parameters.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Parameter is { } parameter && parameter.Ordinal < result.Length)
                {
                    result[parameter.Ordinal] = result[parameter.Ordinal].Union(values[i]);
                }
            }

            return result.ToImmutableArray();
        }

        private static ImmutableArray<Taint> ArgumentTaints(IMethodSymbol getter, ImmutableArray<IArgumentOperation> arguments, Taint indexArguments)
        {
            var result = new Taint[getter.Parameters.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = indexArguments;
            }

            return arguments.IsEmpty ? ImmutableArray<Taint>.Empty : result.ToImmutableArray();
        }

        /// <summary>Replaces a summary's parameter placeholders with what the caller passes.</summary>
        private static Taint Substitute(Taint summary, ImmutableArray<Taint> arguments)
        {
            if (summary.IsClean)
            {
                return Taint.Clean;
            }

            var printed = ImmutableArray.CreateBuilder<Origin>();
            var contained = ImmutableArray.CreateBuilder<Origin>();
            Substitute(summary.Printed, arguments, printed, forPrinted: true);
            Substitute(summary.Contained, arguments, contained, forPrinted: false);
            return Taint.Create(Distinct(printed), Distinct(contained));
        }

        private static void Substitute(ImmutableArray<Origin> origins, ImmutableArray<Taint> arguments, ImmutableArray<Origin>.Builder into, bool forPrinted)
        {
            foreach (var origin in origins)
            {
                if (!origin.IsParameter)
                {
                    into.Add(origin);
                }
                else if (origin.Parameter < arguments.Length)
                {
                    var argument = arguments[origin.Parameter];
                    into.AddRange(forPrinted && !origin.AllMembers ? argument.Printed : argument.Contained);
                }
            }
        }

        private static ImmutableArray<Origin> Distinct(ImmutableArray<Origin>.Builder builder)
        {
            var seen = new HashSet<Origin>();
            var result = ImmutableArray.CreateBuilder<Origin>(builder.Count);
            foreach (var origin in builder)
            {
                if (seen.Add(origin))
                {
                    result.Add(origin);
                }
            }

            return result.ToImmutable();
        }
    }
}
