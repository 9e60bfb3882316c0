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
        private void ReportSink(SinkCall sink, IOperation call, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements, in Frame frame)
        {
            if (!frame.Reporting || sink.Kind == _ownerSink)
            {
                return;
            }

            foreach (var sinkArgument in sink.Arguments)
            {
                var taint = ArgumentTaint(sinkArgument, arguments, values, elements);
                var visible = Written(sink, sinkArgument, taint, frame);
                if (sink.Kind == SinkKind.Serialization)
                {
                    visible = WithoutSerialized(visible, taint);
                }

                if (!visible.IsEmpty)
                {
                    var valueType = ValueType(sinkArgument.Value);
                    _observer.OnSink(new SinkEvent(
                        sink.Kind, sink.Name, helper: null, call, sinkArgument.Value, visible, sinkArgument.MembersVisible, frame.State.Consent, RootType(valueType),
                        sink.IgnoreAttribute, sink.Purposes, sink.EntityStore, ignorable: sink.Kind == SinkKind.Serialization ? Ignorable(visible, sink.IgnoreAttribute, valueType) : default));
                }
            }
        }

        /// <summary>What the sink argument carries: the params element's own value, or the argument's.</summary>
        private static Taint ArgumentTaint(SinkArgument sinkArgument, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements)
        {
            if (elements is not null && elements.TryGetValue(sinkArgument.Value, out var element))
            {
                return element;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                if (arguments[i].Value == sinkArgument.Value)
                {
                    return values[i];
                }
            }

            return Taint.Clean;
        }

        /// <summary>
        /// The data the sink writes out of one argument: its members when the sink writes them (less those the serializer
        /// or store skips), else its text.
        /// </summary>
        private ImmutableArray<Origin> Written(SinkCall sink, SinkArgument sinkArgument, Taint taint, in Frame frame)
        {
            var valueType = ValueType(sinkArgument.Value);
            var shown = sinkArgument.MembersVisible ? taint.Contained : taint.AsText().Union(Taint.Create(PrintedByToString(valueType), ImmutableArray<Origin>.Empty)).Printed;
            return Unwritten(Skip(shown, sink.IgnoreAttribute, valueType), sink.IgnoreAttribute, sink.EntityStore, valueType, sinkArgument.Value, frame);
        }

        /// <summary>
        /// What a serializer writes out of a serializer's output: nothing the first serializer did not already report
        /// (<c>Ok(JsonSerializer.Serialize(v))</c> is one finding, at the call that turns the object into text).
        /// </summary>
        private static ImmutableArray<Origin> WithoutSerialized(ImmutableArray<Origin> visible, Taint taint)
        {
            var serialized = taint.SerializedOnly;
            return serialized.IsEmpty || visible.IsEmpty ? visible : visible.RemoveAll(origin => serialized.Contains(origin));
        }

        /// <summary>
        /// The text a serializer call returns: what it writes out of its data arguments, each piece marked as serialized
        /// (see <see cref="Taint.SerializedOnly"/>).
        /// </summary>
        private Taint SerializerOutput(SinkCall sink, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements, in Frame frame)
        {
            var written = ImmutableArray<Origin>.Empty;
            foreach (var sinkArgument in sink.Arguments)
            {
                written = written.AddRange(Written(sink, sinkArgument, ArgumentTaint(sinkArgument, arguments, values, elements), frame));
            }

            return Taint.Serialized(written);
        }

        /// <summary>
        /// A value returned into a response (a controller action's or a route handler's): serialized as <c>Ok(value)</c>
        /// would be. A result object (<c>Ok(v)</c>, <c>NotFound()</c>, <c>new JsonResult(v)</c>) is not: what it holds was
        /// reported where it was made.
        /// </summary>
        private void ReportResponse(SinkCall response, IOperation returned, Taint value, in Frame frame)
        {
            if (!frame.Reporting || value.IsClean || _context.Responses.IsResult(ValueType(returned)))
            {
                return;
            }

            var sink = new SinkCall(response.Kind, response.Name, ImmutableArray.Create(new SinkArgument(returned, membersVisible: true)), response.IgnoreAttribute);
            ReportSink(sink, returned, ImmutableArray<IArgumentOperation>.Empty, Array.Empty<Taint>(), new Dictionary<IOperation, Taint> { [returned] = value }, frame);
        }

        /// <summary>
        /// A method passed as a route handler (<c>app.MapGet("/me", GetMe)</c>): what its summary says it returns of the
        /// data it reads itself is the response, reported at the method group. A handler that checks consent anywhere is
        /// not judged from its summary (which does not say on which paths the data is returned), nor one that returns
        /// result objects (reported inside it, where they are made).
        /// </summary>
        private void ReportHandlerMethod(IMethodReferenceOperation handler, SinkCall response, in Frame frame)
        {
            var method = handler.Method;
            if (_depth == 0 || !_context.Summaries.CanSummarize(method.OriginalDefinition) || _context.Responses.IsResult(Awaited(method.ReturnType))
                || _context.Summaries.GetBody(method, _cancellationToken) is not { } body || ChecksConsent(body)
                || _context.Summaries.Get(method, _depth - 1, _cancellationToken) is not { } summary)
            {
                return;
            }

            DependsOnDepth = true;
            var printed = summary.Returns.Printed.RemoveAll(origin => origin.IsParameter);
            var contained = summary.Returns.Contained.RemoveAll(origin => origin.IsParameter);
            ReportResponse(response, handler, Taint.Create(printed, contained), frame);
        }

        /// <summary>The <c>T</c> of <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, else the type itself.</summary>
        private static ITypeSymbol Awaited(ITypeSymbol type)
            => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : type;

        /// <summary>
        /// What the team's own <c>ToString()</c> of <paramref name="type"/> prints (its summary's return value): a type
        /// whose <c>ToString</c> prints only an id prints no personal data, one that prints <c>Email</c> does.
        /// </summary>
        private ImmutableArray<Origin> PrintedByToString(ITypeSymbol? type)
        {
            if (type is null || _depth == 0 || TypeShapes.IsTextLike(type) || type.SpecialType != SpecialType.None
                || TypeShapes.UserToString(type) is not { } toString || !_context.Summaries.CanSummarize(toString))
            {
                return ImmutableArray<Origin>.Empty;
            }

            DependsOnDepth = true;
            return _context.Summaries.Get(toString, _depth - 1, _cancellationToken) is { } summary
                ? summary.Returns.Printed.RemoveAll(origin => origin.IsParameter)
                : ImmutableArray<Origin>.Empty;
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
        /// value is text, which is written out whole, or an object of another type that holds a copy
        /// (<c>new { v.IpAddress }</c>, <c>new Dto { Ip = v.IpAddress }</c>): the copy is written whatever member it came from.
        /// </summary>
        private static ImmutableArray<Origin> Skip(ImmutableArray<Origin> visible, INamedTypeSymbol? ignore, ITypeSymbol? valueType)
        {
            if (visible.IsEmpty || !SkipsIgnored(ignore, valueType))
            {
                return visible;
            }

            return visible.RemoveAll(origin => origin.Item is { } item && PrivacySymbols.Find(item.Symbol, ignore!) is not null && HeldThroughMember(item, valueType));
        }

        /// <summary>
        /// True when a value of <paramref name="valueType"/> holds <paramref name="item"/> through the member it is, so an
        /// ignore attribute on the member leaves it out: the value's type (or element type) declares the member, derives
        /// from or is a base of the type that does, or says nothing of its members (<c>object</c>, an interface, <c>T</c>).
        /// Members of other types the value holds are judged by the walk of its type (see <see cref="Unwritten"/>).
        /// </summary>
        private static bool HeldThroughMember(DataItem item, ITypeSymbol? valueType)
        {
            var type = RootType(valueType);
            if (type is null || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter or TypeKind.Dynamic or TypeKind.Error)
            {
                return true;
            }

            var declaring = item.Symbol.ContainingType;
            return declaring is null || TypeShapes.DerivesFrom(type, declaring.OriginalDefinition) || TypeShapes.DerivesFrom(declaring, (type as INamedTypeSymbol)?.OriginalDefinition);
        }

        /// <summary>The data of <paramref name="visible"/> that <paramref name="ignore"/> on its member would leave out of a value of <paramref name="valueType"/>.</summary>
        private ImmutableArray<Origin> Ignorable(ImmutableArray<Origin> visible, INamedTypeSymbol? ignore, ITypeSymbol? valueType)
        {
            if (!SkipsIgnored(ignore, valueType))
            {
                return ImmutableArray<Origin>.Empty;
            }

            var held = TypeTaint(valueType).Contained;
            return visible.RemoveAll(origin => origin.Item is not { } item || !(HeldThroughMember(item, valueType) || held.Contains(origin)));
        }

        /// <summary>True when a sink with <paramref name="ignore"/> leaves the marked members out of a value of <paramref name="valueType"/> (text is written whole).</summary>
        private static bool SkipsIgnored(INamedTypeSymbol? ignore, ITypeSymbol? valueType)
            => ignore is not null && !TypeShapes.IsTextLike(valueType);

        /// <summary>
        /// Drops the data a value holds only through its type's members that the sink does not write: members under an
        /// ignored one (<c>[NotMapped] User</c>, <c>[JsonIgnore] Profile</c>), and for an entity store, the rows its
        /// navigations point at (saving a vote whose <c>User</c> is an existing user stores none of the user's data).
        /// Data assigned into the value in this method is not the type's and stays.
        /// </summary>
        private ImmutableArray<Origin> Unwritten(ImmutableArray<Origin> visible, INamedTypeSymbol? ignore, bool entityStore, ITypeSymbol? valueType, IOperation? value, in Frame frame)
        {
            if (visible.IsEmpty || valueType is null || (ignore is null && !entityStore) || TypeShapes.IsTextLike(valueType))
            {
                return visible;
            }

            var held = TypeTaint(valueType).Contained;
            if (held.IsEmpty && !entityStore)
            {
                return visible;
            }

            var written = _context.Written.Of(valueType, ignore, entityStore);
            var copied = entityStore ? CopiedIntoColumns(value, frame) : null;
            var referenced = entityStore ? _context.Written.ThroughReferences(valueType) : null;
            var cleared = entityStore ? ClearedNavigations(value, valueType, ignore, frame) : null;
            return visible.RemoveAll(origin => (copied is null || !copied.Contains(origin))
                && ((!written.Contains(origin) && (held.Contains(origin) || (referenced is not null && referenced.Contains(origin))))
                    || (cleared is not null && cleared.Contains(origin))));
        }

        /// <summary>
        /// The data an entity holds only through navigations and owned members this method set to null on every path
        /// before the write (<c>order.Lines = null; db.Add(order)</c>): the store writes none of it. Null when none was.
        /// </summary>
        private HashSet<Origin>? ClearedNavigations(IOperation? value, ITypeSymbol valueType, INamedTypeSymbol? ignore, in Frame frame)
        {
            if (VariableOf(value) is not { } root || valueType is not INamedTypeSymbol type)
            {
                return null;
            }

            HashSet<Origin>? through = null;
            var kept = new List<ISymbol>();
            for (var current = type; current is not null && !TypeShapes.IsFrameworkType(current); current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (TypeShapes.DataMemberType(member) is not { } memberType)
                    {
                        continue;
                    }

                    if (frame.State.IsCleared(root, member) && !TypeShapes.IsLeaf(memberType))
                    {
                        through ??= new HashSet<Origin>();
                        through.UnionWith(_context.Written.Of(memberType, ignore, entityStore: true));
                    }
                    else
                    {
                        kept.Add(member);
                    }
                }
            }

            if (through is null)
            {
                return null;
            }

            // What another member still writes stays: Address.Street held by both Home (cleared) and Work.
            foreach (var member in kept)
            {
                if (_context.Catalog.GetDeclared(member) is { } item)
                {
                    through.Remove(Origin.Of(item));
                }
                else if (TypeShapes.DataMemberType(member) is { } memberType && !TypeShapes.IsLeaf(memberType))
                {
                    through.ExceptWith(_context.Written.Of(memberType, ignore, entityStore: true));
                }
            }

            return through.Count == 0 ? null : through;
        }

        /// <summary>
        /// What this method put into the stored variable's own columns (<c>vote.Note = user.Email</c>): stored whatever
        /// it came from. Reference navigations assigned here do not count (they point at rows).
        /// </summary>
        private HashSet<Origin>? CopiedIntoColumns(IOperation? value, in Frame frame)
        {
            var root = VariableOf(value);
            if (root is null)
            {
                return null;
            }

            HashSet<Origin>? copied = null;
            foreach (var member in frame.State.MembersOf(root))
            {
                if (TypeShapes.DataMemberType(member.Key) is not { } memberType || _context.Written.IsEntity(memberType))
                {
                    continue;
                }

                foreach (var origin in member.Value.Contained)
                {
                    (copied ??= new HashSet<Origin>()).Add(origin);
                }
            }

            return copied;
        }

        /// <summary>Audit(visitor.Email) where Audit logs its parameter: reported at the call site, naming the helper.</summary>
        private void ReportHelperSinks(IOperation call, IMethodSymbol method, MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint[] values, Dictionary<IOperation, Taint>? elements, in Frame frame)
        {
            if (!frame.Reporting)
            {
                return;
            }

            ReportDataSinks(call, method, summary, arguments, values, frame);
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
                            ReportHelperSink(call, method, summary, parameter, element, taint, frame);
                        }
                    }

                    continue;
                }

                ReportHelperSink(call, method, summary, parameter, arguments[i].Value, values[i], frame);
            }
        }

        /// <summary>
        /// Export(v) where the private Export serializes <c>v.Email</c>: the consent for the data the arguments' types hold
        /// is judged at each call of a helper whose calls are all known (the helper reports its other rules itself).
        /// </summary>
        private void ReportDataSinks(IOperation call, IMethodSymbol method, MethodSummary summary, ImmutableArray<IArgumentOperation> arguments, Taint[] values, in Frame frame)
        {
            if (summary.DataSinks.IsEmpty || !_context.Callers.IsClosed(method, _cancellationToken))
            {
                return;
            }

            foreach (var dataSink in summary.DataSinks)
            {
                var sink = dataSink.Sink;
                if (sink.Kind == _ownerSink)
                {
                    continue;
                }

                for (var i = 0; i < arguments.Length; i++)
                {
                    if (arguments[i].Parameter is not { } parameter || values[i].IsClean)
                    {
                        continue;
                    }

                    var held = TypeTaint(parameter.OriginalDefinition.Type).Contained;
                    var passed = values[i].Contained;
                    var carried = dataSink.Data.RemoveAll(origin => !held.Contains(origin) || !passed.Contains(origin));
                    if (!carried.IsEmpty)
                    {
                        _observer.OnSink(new SinkEvent(
                            sink.Kind, sink.Sink, method, call, arguments[i].Value, carried, sink.MembersVisible,
                            frame.State.Consent.Union(sink.Consent), sink.RootType ?? RootType(ValueType(arguments[i].Value)), sink.IgnoreAttribute, sink.Purposes, sink.EntityStore, consentOnly: true));
                    }
                }
            }
        }

        private void ReportHelperSink(IOperation call, IMethodSymbol method, MethodSummary summary, IParameterSymbol parameter, IOperation value, Taint taint, in Frame frame)
        {
            foreach (var sink in summary.SinksOf(parameter.Ordinal))
            {
                if (sink.Kind == _ownerSink)
                {
                    continue;
                }

                var visible = Unwritten(taint.Visible(sink.MembersVisible), sink.IgnoreAttribute, sink.EntityStore, ValueType(value), value, frame);
                if (sink.Kind == SinkKind.Serialization)
                {
                    visible = WithoutSerialized(visible, taint);
                }

                // What the parameter's own type holds is reported inside the helper; here only what the caller adds
                // (and, for a helper whose calls are all known, its consent: see ReportDataSinks).
                var ownType = TypeTaint(parameter.OriginalDefinition.Type).Visible(sink.MembersVisible);
                if (!ownType.IsEmpty)
                {
                    visible = visible.RemoveAll(origin => ownType.Contains(origin));
                }

                if (!visible.IsEmpty)
                {
                    _observer.OnSink(new SinkEvent(
                        sink.Kind, sink.Sink, method, call, value, visible, sink.MembersVisible,
                        frame.State.Consent.Union(sink.Consent), sink.RootType ?? RootType(ValueType(value)), sink.IgnoreAttribute, sink.Purposes, sink.EntityStore));
                }
            }
        }
    }
}
