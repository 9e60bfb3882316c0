using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.Flow
{
    /// <summary>Transfer functions for reads: variables, flow captures, members, elements, <c>this</c>.</summary>
    internal sealed partial class TaintWalker
    {
        /// <summary><c>this</c>: what the containing type may hold; an initializer's implicit receiver is clean.</summary>
        private Taint InstanceRead(IInstanceReferenceOperation instance)
            => instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance ? TypeTaint(instance.Type) : Taint.Clean;

        private Taint Read(ISymbol variable, ITypeSymbol? type, in Frame frame)
        {
            var held = frame.State.TryGet(variable, out var value) ? value : variable is IParameterSymbol parameter ? Declared(parameter) : Taint.Clean;
            if (held.IsClean && variable is ILocalSymbol && _context.Catalog.InfersFromNames)
            {
                held = Declared(variable); // var email = form["email"]: a local whose name says personal data, where inference is on
            }

            return held.Union(TypeTaint(type));
        }

        /// <summary>A flow capture's value, read back: what it was given.</summary>
        private static Taint CaptureRead(IFlowCaptureReferenceOperation capture, in Frame frame)
            => frame.State.TryGet(capture.Id, out var captured) ? captured : Taint.Clean;

        /// <summary>A flow capture (the graph's temporary for <c>??</c>, <c>?:</c>, <c>?.</c>): holds the value, and the condition it is.</summary>
        private Taint FlowCapture(IFlowCaptureOperation capture, in Frame frame)
        {
            RecordAlias(capture, frame);
            frame.State.Set(capture.Id, Evaluate(capture.Value, frame));
            frame.State.SetCondition(capture.Id, CanBeCondition(capture.Value.Type) ? ConditionOf(capture.Value, frame.State) : ConsentCondition.Unknown);
            return Taint.Clean;
        }

        private Taint PropertyRead(IPropertyReferenceOperation property, in Frame frame)
            => MemberRead(property, property.Property, property.Instance, property.Arguments, frame);

        private Taint FieldRead(IFieldReferenceOperation field, in Frame frame)
            => MemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty, frame);

        private Taint MemberRead(IOperation reference, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, in Frame frame)
        {
            var receiver = Evaluate(instance, frame);
            var indexArguments = Taint.Clean;
            foreach (var argument in arguments)
            {
                indexArguments = indexArguments.Union(Evaluate(argument.Value, frame));
            }

            var declared = Declared(member);
            if (!arguments.IsEmpty)
            {
                declared = declared.Union(FrameworkSource(reference)); // Request.Headers["X-Forwarded-For"]
            }
            else if (_context.Symbols.Framework.IsClaimValue(member))
            {
                declared = declared.Union(ClaimValue(receiver));
            }

            if (TupleElementRead(instance, member, frame) is { } element)
            {
                // pair = (v.Email, Guid.NewGuid()); pair.Item2: only what that element was given.
                return declared.Union(element).Union(TypeTaint(reference.Type));
            }

            if (MemberKeyOf(instance, member) is { } key && frame.State.TryGet(key, out var assigned))
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

        /// <summary><c>array[i]</c>: what the array holds.</summary>
        private Taint ArrayElementRead(IArrayElementReferenceOperation element, in Frame frame)
        {
            foreach (var index in element.Indices)
            {
                Evaluate(index, frame);
            }

            return Evaluate(element.ArrayReference, frame).Union(TypeTaint(element.Type));
        }

        private Taint Declared(ISymbol symbol)
            => _context.Catalog.GetDeclared(symbol) is { } item ? Taint.Direct(Origin.Of(item)) : Taint.Clean;

        private Taint TypeTaint(ITypeSymbol? type) => _context.Catalog.GetContainerTaint(type);

        /// <summary>What a claims lookup or header read returns (<c>User.FindFirstValue(ClaimTypes.Email)</c>), or clean.</summary>
        private Taint FrameworkSource(IOperation operation)
            => _context.Symbols.Framework.OfCall(operation) is { } item ? Taint.Direct(Origin.Of(item)) : Taint.Clean;

        /// <summary>
        /// <c>claim.Value</c>: the data of the claim type the claim was looked up by (<c>FindFirst(ClaimTypes.Email)</c>);
        /// a claim taken from the whole collection passes nothing on (which claim it is, the engine does not know).
        /// </summary>
        private Taint ClaimValue(Taint claim)
        {
            if (claim.IsClean)
            {
                return Taint.Clean;
            }

            var framework = _context.Symbols.Framework;
            var kept = claim.Contained.RemoveAll(origin => origin.Item is not { } item || !framework.IsClaimItem(item));
            return kept.IsEmpty ? Taint.Clean : Taint.Create(kept, kept);
        }
    }
}
