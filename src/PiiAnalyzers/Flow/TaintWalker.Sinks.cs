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
    /// <summary>Telling the observer when data reaches a sink, directly or through a helper.</summary>
    internal sealed partial class TaintWalker
    {
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
                    _observer.OnSink(new SinkEvent(sink.Kind, sink.Display, helper: null, call, sinkArgument.Value, visible, sinkArgument.MembersVisible, _state.Consent, RootType(valueType), sink.IgnoreAttribute, sink.Purposes));
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
        private void ReportHelperSinks(IOperation call, IMethodSymbol method, MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements)
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

                // Audit("Visitor {0}", v.Email): a params array is reported element by element, as at a sink.
                if (elements is not null && arguments[i].ArgumentKind == ArgumentKind.ParamArray
                    && arguments[i].Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        if (elements.TryGetValue(element, out var taint))
                        {
                            ReportHelperSink(call, method, summary, parameter, element, taint);
                        }
                    }

                    continue;
                }

                ReportHelperSink(call, method, summary, parameter, arguments[i].Value, values[i]);
            }
        }

        private void ReportHelperSink(IOperation call, IMethodSymbol method, MethodSummary summary, IParameterSymbol parameter, IOperation value, Taint taint)
        {
            foreach (var sink in summary.SinksOf(parameter.Ordinal))
            {
                var visible = taint.Visible(sink.MembersVisible);

                // What the parameter's own type holds is reported inside the helper; here only what the caller adds.
                var ownType = TypeTaint(parameter.OriginalDefinition.Type).Visible(sink.MembersVisible);
                if (!ownType.IsEmpty)
                {
                    visible = visible.RemoveAll(origin => ownType.Contains(origin));
                }

                if (!visible.IsEmpty)
                {
                    _observer.OnSink(new SinkEvent(
                        sink.Kind, sink.Display, "'" + method.Name + "'", call, value, visible, sink.MembersVisible,
                        _state.Consent.Union(sink.Consent), sink.RootType ?? RootType(ValueType(value)), purposes: sink.Purposes));
                }
            }
        }
    }
}
