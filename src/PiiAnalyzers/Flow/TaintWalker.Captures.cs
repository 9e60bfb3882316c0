using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Flow
{
    /// <summary>
    /// What a graph's flow captures stand for: a variable (an alias), an assignment's target, an object under construction.
    /// </summary>
    internal sealed partial class TaintWalker
    {
        /// <summary>
        /// Remembers that <paramref name="capture"/> holds a local or parameter itself: the graph captures the instance of
        /// <c>msg.To = first ? a.Email : b.Email</c> before the branches, and the write through the capture is a write to
        /// <c>msg</c>. A capture that holds anything else on a path seen after the alias is no alias (block order: the graph
        /// writes the branches of one expression in the order they are written).
        /// </summary>
        private void RecordAlias(IFlowCaptureOperation capture, in Frame frame)
        {
            var value = capture.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            ISymbol? variable = value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };

            if (value is IObjectCreationOperation or IAnonymousObjectCreationOperation)
            {
                (_creations ??= new HashSet<CaptureId>()).Add(capture.Id);
            }
            else if (value is IInvocationOperation { Instance: { } cloned } clone && TypeShapes.IsRecordClone(clone.TargetMethod))
            {
                // note with { To = "" }: the clone starts with what each member of the original held.
                (_creations ??= new HashSet<CaptureId>()).Add(capture.Id);
                if (VariableOf(cloned) is { } original)
                {
                    frame.State.CopyMembers(original, capture.Id);
                }
            }

            if (value is IPropertyReferenceOperation or IFieldReferenceOperation && IsPlainPath(value))
            {
                // msg.To = first ? a.Email : b.Email: the graph captures the target msg.To before the branches, and
                // assigns through the capture after them.
                _lvalues ??= new Dictionary<CaptureId, IOperation?>();
                _lvalues[capture.Id] = !_lvalues.TryGetValue(capture.Id, out var knownTarget) || knownTarget?.Syntax == value.Syntax ? value : null;
            }
            else if (_lvalues is not null && _lvalues.ContainsKey(capture.Id))
            {
                _lvalues[capture.Id] = null;
            }

            if (variable is null)
            {
                // Most captures hold neither: no table is made for them (a body may have hundreds).
                if (_aliases is not null && _aliases.ContainsKey(capture.Id))
                {
                    _aliases[capture.Id] = null;
                }

                return;
            }

            _aliases ??= new Dictionary<CaptureId, ISymbol?>();
            if (!_aliases.TryGetValue(capture.Id, out var known))
            {
                _aliases[capture.Id] = variable;
            }
            else if (known is not null && !SymbolEqualityComparer.Default.Equals(known, variable))
            {
                _aliases[capture.Id] = null;
            }
        }

        /// <summary>A member access through locals, parameters, <c>this</c> and members only: evaluating it again calls nothing.</summary>
        private static bool IsPlainPath(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                        if (property.Instance is null)
                        {
                            return true;
                        }

                        operation = property.Instance;
                        continue;
                    case IFieldReferenceOperation field:
                        if (field.Instance is null)
                        {
                            return true;
                        }

                        operation = field.Instance;
                        continue;
                    case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation or IFlowCaptureReferenceOperation:
                        return true;
                    default:
                        return false;
                }
            }
        }

        private IOperation? LValueOf(CaptureId capture) => _lvalues is not null && _lvalues.TryGetValue(capture, out var target) ? target : null;

        /// <summary>The variable whose members a value's members are kept under: a local, a parameter, or a capture.</summary>
        private object? VariableOf(IOperation? value)
        {
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            return value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFlowCaptureReferenceOperation capture => (object?)AliasOf(capture.Id) ?? capture.Id,
                _ => null,
            };
        }

        private ISymbol? AliasOf(CaptureId capture) => _aliases is not null && _aliases.TryGetValue(capture, out var variable) ? variable : null;

        /// <summary>The local, parameter or flow capture that holds the object a member access starts from.</summary>
        private (object? Root, ITypeSymbol? Type) RootOf(IOperation operation)
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
                        return ((object?)AliasOf(capture.Id) ?? capture.Id, capture.Type);
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
    }
}
