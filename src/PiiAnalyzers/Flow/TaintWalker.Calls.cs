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
    /// <summary>Calls: library methods by what is known of them, source methods by their summaries, lambdas and local functions.</summary>
    internal sealed partial class TaintWalker
    {
        private Taint Invocation(IInvocationOperation invocation, in Frame frame)
        {
            var method = invocation.TargetMethod;
            var receiver = Evaluate(invocation.Instance, frame);
            if (TypeShapes.IsRecordClone(method))
            {
                // note with { Subject = "Hi" }: the graph clones the record, then assigns the members listed.
                return receiver;
            }

            var arguments = EvaluateArguments(invocation.Arguments, out var elements, frame);
            ForgetConditionsWrittenBy(invocation.Arguments, frame);
            Watch(method, frame);

            if (!_sinks.TryGetValue(invocation, out var sink))
            {
                _sinks[invocation] = sink = _context.Sinks.Match(invocation, _configuration);
            }

            if (sink is not null)
            {
                ReportSink(sink, invocation, invocation.Arguments, arguments, elements, frame);
            }

            if (_context.Consent.Requirement(method) is { } required && frame.Reporting)
            {
                _observer.OnConsentRequired(invocation, method, required, frame.State.Consent);
            }

            if (_context.Consent.Check(method, _configuration) is { } check && IsVoidLike(method.ReturnType))
            {
                // consent.Ensure(visitor, "support") throws without consent: what follows is guarded.
                frame.State.Consent = frame.State.Consent.Union(CheckedConsent(check, invocation.Arguments));
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return LocalFunctionCall(method, invocation.Arguments, arguments, frame);
            }

            if (_context.IsRedactor(method, _configuration))
            {
                return Taint.Clean;
            }

            // The data the call works on: the receiver, or the first argument of an extension method.
            var source = receiver;
            if (method.IsExtensionMethod && !invocation.Arguments.IsEmpty && invocation.Arguments[0].Parameter?.Ordinal == 0)
            {
                source = ArgumentTaint(invocation.Arguments, arguments, 0);
            }

            var lambdas = Lambdas(invocation.Arguments, TypeShapes.IsSequence(SourceType(invocation, method)) ? source : Taint.Clean, frame);
            var framework = FrameworkSource(invocation);
            if (!framework.IsClean)
            {
                // headers.TryGetValue("X-Forwarded-For", out var forwarded): the value is the header.
                AssignOutArguments(invocation.Arguments, framework, sourcePassesThrough: true, frame);
            }
            else
            {
                AssignOutArguments(invocation.Arguments, source, IsPassThroughReceiver(SourceType(invocation, method)), frame);
            }

            var declaredReturn = Declared(method).Union(TypeShapes.IsScalar(invocation.Type) ? Taint.Clean : framework);
            if (!declaredReturn.IsClean)
            {
                return declaredReturn.Union(TypeTaint(invocation.Type));
            }

            // A call through an interface or to a virtual method runs one of the bodies this compilation declares for it
            // (IVisitorStore.Save(v) runs EfVisitorStore.Save): it is summarized as all of them together.
            var targets = sink is null ? _context.Summaries.DispatchTargets(invocation) : default;
            var summarizable = sink is null && (targets.IsDefault ? _context.Summaries.CanSummarize(method.OriginalDefinition) : !targets.IsEmpty);
            if (summarizable)
            {
                DependsOnDepth = true;
            }

            if (summarizable && _depth > 0)
            {
                if (AllClean(arguments) && !_context.Scan.Carries(method, targets, _cancellationToken))
                {
                    // Nothing passed in and nothing of its own to give back: the summary could only say "clean".
                    return TypeShapes.IsScalar(invocation.Type) ? Taint.Clean : TypeTaint(invocation.Type);
                }

                if (TypeShapes.IsScalar(invocation.Type) && !_context.Scan.ReachesSink(method, targets, _cancellationToken)
                    && !MutatesParameter(method, targets))
                {
                    // Reaches no sink and returns a number, a bool or nothing (a consent check, a counter): its summary
                    // could add nothing here.
                    return Taint.Clean;
                }

                var summary = targets.IsDefault
                    ? _context.Summaries.Get(method, _depth - 1, _cancellationToken)
                    : _context.Summaries.Get(targets, _depth - 1, _cancellationToken);
                if (summary is not null)
                {
                    ReportHelperSinks(invocation, method, summary, invocation.Arguments, arguments, elements, frame);
                    var argumentTaints = ArgumentTaints(method, invocation.Arguments, arguments);
                    ApplyParameterWrites(summary, invocation.Arguments, argumentTaints, frame);
                    var returned = Substitute(summary.Returns, argumentTaints);
                    if (!summary.ReturnElements.IsDefault)
                    {
                        var returnedElements = new Taint[summary.ReturnElements.Length];
                        for (var i = 0; i < returnedElements.Length; i++)
                        {
                            returnedElements[i] = Substitute(summary.ReturnElements[i], argumentTaints);
                        }

                        (_returnedElements ??= new Dictionary<IOperation, Taint[]>())[invocation] = returnedElements;
                    }

                    return TypeShapes.IsScalar(invocation.Type) ? Taint.Clean : returned.Union(TypeTaint(invocation.Type));
                }
            }

            if (sink is { ReturnsSerialized: true } && !TypeShapes.IsScalar(invocation.Type))
            {
                // JsonSerializer.Serialize(visitor): the text holds what the serializer writes, not the members it skips.
                return TypeTaint(invocation.Type).Union(SerializerOutput(sink, invocation.Arguments, arguments, elements, frame));
            }

            return Library(invocation, method, receiver, source, arguments, lambdas, frame);
        }

        private static bool AllClean(Taint[] values)
        {
            foreach (var value in values)
            {
                if (!value.IsClean)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>What a library (metadata) method's result carries, by what is known of how data moves through it.</summary>
        private Taint Library(IInvocationOperation invocation, IMethodSymbol method, Taint receiver, Taint source, Taint[] arguments, Taint lambdas, in Frame frame)
        {
            var allArguments = Taint.Clean;
            foreach (var argument in arguments)
            {
                allArguments = allArguments.Union(argument);
            }

            var containingType = method.ContainingType?.OriginalDefinition;
            var sourceType = SourceType(invocation, method);
            var model = _context.Library.Match(method, invocation.Instance);

            // list.Add(email), builder.Append(email), queue.Enqueue(email): the receiver now holds the data.
            if (!allArguments.IsClean && model.Receiver != ReceiverFlow.None)
            {
                WeakUpdate(invocation.Instance!, model.Receiver == ReceiverFlow.HoldsArgumentsAsText ? allArguments.AsText() : allArguments, frame);
                receiver = receiver.Union(allArguments);
            }

            if (TypeShapes.IsScalar(invocation.Type))
            {
                return Taint.Clean;
            }

            var result = TypeTaint(invocation.Type);

            if (model.ReturnsText)
            {
                return result.Union(receiver.AsText()).Union(allArguments.AsText());
            }

            if ((model.Lambdas is LambdaFlow.Joins or LambdaFlow.Projects) && !lambdas.IsClean)
            {
                // Select(m => m.Text): the projection carries what the lambda returns.
                result = result.Union(lambdas);
                if (model.Lambdas == LambdaFlow.Projects)
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

        private Taint Creation(IObjectCreationOperation creation, in Frame frame)
        {
            var arguments = EvaluateArguments(creation.Arguments, out var elements, frame);
            if (!_sinks.TryGetValue(creation, out var sink))
            {
                _sinks[creation] = sink = _context.Sinks.Match(creation) ?? _context.Responses.Match(creation);
            }

            if (sink is not null)
            {
                ReportSink(sink, creation, creation.Arguments, arguments, elements, frame);
            }

            if (creation.Constructor is { } constructor && _context.Consent.Requirement(constructor) is { } required && frame.Reporting)
            {
                _observer.OnConsentRequired(creation, constructor, required, frame.State.Consent);
            }

            Lambdas(creation.Arguments, Taint.Clean, frame);
            Evaluate(creation.Initializer, frame);

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
        private Taint[] EvaluateArguments(ImmutableArray<IArgumentOperation> arguments, out Dictionary<IOperation, Taint>? elements, in Frame frame)
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
                        var taint = Evaluate(element, frame);
                        elements[element] = taint;
                        union = union.Union(taint);
                    }

                    result[i] = union;
                    continue;
                }

                result[i] = Evaluate(value, frame);
            }

            return result;
        }

        /// <summary>A lambda or method group made into a delegate: a lambda is analyzed where it is created; a route handler method's return values are its response.</summary>
        private Taint DelegateCreation(IDelegateCreationOperation delegateCreation, in Frame frame)
        {
            if (delegateCreation.Target is IFlowAnonymousFunctionOperation lambda)
            {
                AnalyzeLambda(lambda, Taint.Clean, frame);
            }
            else if (delegateCreation.Target is IMethodReferenceOperation handler && frame.Reporting && _summarizing is null
                && _context.Responses.OfRouteHandler(handler) is { } response)
            {
                // app.MapGet("/me", GetMe): what GetMe returns is the response.
                ReportHandlerMethod(handler, response, frame);
            }
            else if (delegateCreation.Target is IAnonymousFunctionOperation written)
            {
                // Without a graph (AnalyzeWithoutGraph) a lambda is evaluated where it is written.
                Evaluate(written.Body, frame);
            }

            return Taint.Clean;
        }

        /// <summary>Analyzes the lambdas passed to a call, their parameters holding <paramref name="elements"/>; returns what they return.</summary>
        private Taint Lambdas(ImmutableArray<IArgumentOperation> arguments, Taint elements, in Frame frame)
        {
            var returned = Taint.Clean;
            foreach (var argument in arguments)
            {
                Taint value;
                IMethodSymbol function;
                switch (argument.Value)
                {
                    case IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda }:
                        value = AnalyzeLambda(lambda, elements, frame);
                        function = lambda.Symbol;
                        break;
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation written }:
                        // Without a graph (AnalyzeWithoutGraph): the body where it is written, its parameters holding the elements.
                        foreach (var parameter in written.Symbol.Parameters)
                        {
                            frame.State.Set(parameter, elements);
                        }

                        value = Evaluate(written.Body, frame);
                        function = written.Symbol;
                        break;
                    default:
                        continue;
                }

                if (!TypeShapes.IsScalar(function.ReturnType))
                {
                    returned = returned.Union(value);
                }
            }

            return returned;
        }

        private Taint AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, Taint parameters, in Frame frame)
        {
            if (frame.Graph is null)
            {
                return Taint.Clean;
            }

            var graph = frame.Graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
            var seeds = new Taint[lambda.Symbol.Parameters.Length];
            for (var i = 0; i < seeds.Length; i++)
            {
                seeds[i] = parameters;
            }

            var response = _summarizing is null ? _context.Responses.OfRouteHandler(lambda) : null;
            return AnalyzeNested(graph, frame.State, frame.Reporting, lambda.Symbol.Parameters, seeds.ToImmutableArray(), response);
        }

        private Taint LocalFunctionCall(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, Taint[] values, in Frame frame)
        {
            method = method.OriginalDefinition;
            if (frame.Graph is null)
            {
                // Without a graph (AnalyzeWithoutGraph) the local function's body is evaluated where it is written, its
                // parameters holding what any call passes; its result is taken to carry what it was given.
                var given = Taint.Clean;
                foreach (var value in values)
                {
                    given = given.Union(value);
                }

                for (var i = 0; i < method.Parameters.Length && i < values.Length; i++)
                {
                    frame.State.Set(method.Parameters[i], values[i]);
                }

                return TypeShapes.IsScalar(method.ReturnType) ? Taint.Clean : given;
            }

            for (var graph = frame.Graph; graph is not null; graph = graph.Parent)
            {
                if (graph.LocalFunctions.Contains(method))
                {
                    if (frame.Reporting)
                    {
                        _analyzedLocalFunctions.Add(method);
                    }

                    var result = AnalyzeNested(graph.GetLocalFunctionControlFlowGraph(method, _cancellationToken), frame.State, frame.Reporting, method.Parameters, ArgumentTaints(method, arguments, values));
                    return TypeShapes.IsScalar(method.ReturnType) ? Taint.Clean : result;
                }
            }

            return Taint.Clean;
        }

        private bool MutatesParameter(IMethodSymbol method, ImmutableArray<IMethodSymbol> targets)
        {
            if (targets.IsDefault)
            {
                return _context.Scan.MutatesParameter(method, _cancellationToken);
            }

            foreach (var target in targets)
            {
                if (_context.Scan.MutatesParameter(target, _cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Fill(template, user): the caller's template now holds what the helper put into it.</summary>
        private void ApplyParameterWrites(MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, ImmutableArray<Taint> argumentTaints, in Frame frame)
        {
            if (summary.ParameterWrites.IsDefault)
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && summary.WritesOf(parameter.Ordinal) is { IsClean: false } written)
                {
                    WeakUpdate(argument.Value, Substitute(written, argumentTaints), frame);
                }
            }
        }

        /// <summary>A guard variable passed by <c>ref</c> or <c>out</c> may come back holding anything.</summary>
        private void ForgetConditionsWrittenBy(ImmutableArray<IArgumentOperation> arguments, in Frame frame)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    switch (argument.Value)
                    {
                        case ILocalReferenceOperation local:
                            frame.State.SetCondition(local.Local, ConsentCondition.Unknown);
                            break;
                        case IParameterReferenceOperation parameter:
                            frame.State.SetCondition(parameter.Parameter, ConsentCondition.Unknown);
                            break;
                        case IDeclarationExpressionOperation:
                            break;
                    }
                }
            }
        }

        private void AssignOutArguments(ImmutableArray<IArgumentOperation> arguments, Taint source, bool sourcePassesThrough, in Frame frame)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    // dictionary.TryGetValue(key, out var value): the value comes from the collection.
                    Assign(argument.Value, sourcePassesThrough && !TypeShapes.IsScalar(argument.Value.Type) ? source : Taint.Clean, frame);
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

        /// <summary>A lambda met on its own, not as an argument: analyzed where it is created, its parameters clean.</summary>
        private Taint AnonymousFunction(IFlowAnonymousFunctionOperation lambda, in Frame frame)
        {
            AnalyzeLambda(lambda, Taint.Clean, frame);
            return Taint.Clean;
        }
    }
}
