using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PiiAnalyzers.PersonalData;
using PiiAnalyzers.Configuration;
using PiiAnalyzers.Sinks;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// PII001: removes the logged value from a logging call together with its hole in the constant message template
    /// (<c>"Visitor {Email} joined", v.Email</c> becomes <c>"Visitor joined"</c>). Offered only when that is certain to
    /// keep the call's meaning and to compile; see <see cref="TemplateEdit"/> for how holes are matched to values.
    /// </summary>
    // Not exported: PersonalDataSinkCodeFixProvider offers it (dotnet format pairs each analyzer with one fixer).
    public abstract class RemoveFromLogMessageCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "PII001.RemoveFromLogMessage";

        private const string Title = "Remove from log message";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.PersonalDataLogged.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || PrivacySymbols.TryCreate(model.Compilation) is not { } symbols
                || !EditableCode.CanFix(document, root.SyntaxTree, cancellationToken))
            {
                return;
            }

            SinkCatalog? sinks = null;
            PiiConfiguration? configuration = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                var span = diagnostic.Location.SourceSpan;
                if (!diagnostic.Location.IsInSource || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax reported || reported.Span != span)
                {
                    continue;
                }

                sinks ??= new SinkCatalog(model.Compilation, symbols, tree => tree == model.SyntaxTree ? model : null);
                configuration ??= PiiConfiguration.Resolve(model.Compilation, document.Project.AnalyzerOptions, model.SyntaxTree);
                if (Remove(model, sinks, configuration, reported, cancellationToken) is not { } removal)
                {
                    continue;
                }

                if (!BindsAlike(model, removal, reported, cancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(removal.Invocation, removal.Replacement))), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The logging call without <paramref name="reported"/> and its hole, or null when that is not safe.</summary>
        private static Removal? Remove(SemanticModel model, SinkCatalog sinks, PiiConfiguration configuration, ExpressionSyntax reported, CancellationToken cancellationToken)
        {
            // The value must be a positional argument of the logging call itself (an element of an implicit params array
            // is one): not an argument of a helper, not an element of an explicit array, not an exception message.
            if (reported.Parent is not ArgumentSyntax argument
                || argument.Parent is not ArgumentListSyntax list
                || list.Parent is not InvocationExpressionSyntax invocation
                || list.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None)))
            {
                return null;
            }

            if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
                || sinks.Match(operation, configuration) is not { Kind: SinkKind.Logging }
                || operation.Arguments.Any(a => a.ArgumentKind == ArgumentKind.ParamArray && a.Value is not IArrayCreationOperation { IsImplicit: true }))
            {
                return null;
            }

            var template = operation.Arguments.FirstOrDefault(a => a.Parameter is { Type.SpecialType: SpecialType.System_String } p && SinkCatalog.IsTemplateParameter(p));
            if (template?.Syntax is not ArgumentSyntax { Expression: LiteralExpressionSyntax literal } templateArgument
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var templateIndex = list.Arguments.IndexOf(templateArgument);
            var index = list.Arguments.IndexOf(argument);
            if (templateIndex < 0 || index <= templateIndex)
            {
                return null; // the reported value is the template itself, or comes before it
            }

            var style = StyleOf(operation.TargetMethod);
            var valueCount = list.Arguments.Count - templateIndex - 1;
            if (TemplateEdit.Remove(literal.Token, index - templateIndex - 1, valueCount, style) is not { } newToken)
            {
                return null;
            }

            var arguments = list.Arguments
                .Replace(templateArgument, templateArgument.WithExpression(literal.WithToken(newToken)))
                .RemoveAt(index);
            return new Removal(invocation, invocation.WithArgumentList(list.WithArguments(arguments)));
        }

        /// <summary>How the library matches holes to values.</summary>
        private static TemplateStyle StyleOf(IMethodSymbol method)
        {
            var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns == "log4net" || ns.StartsWith("log4net.", System.StringComparison.Ordinal))
            {
                return TemplateStyle.Indexed; // string.Format
            }

            if (ns == "Serilog" || ns.StartsWith("Serilog.", System.StringComparison.Ordinal) || ns == "NLog" || ns.StartsWith("NLog.", System.StringComparison.Ordinal))
            {
                return TemplateStyle.NamedOrIndexed; // all-numeric holes are positional, as string.Format
            }

            return TemplateStyle.Named; // Microsoft.Extensions.Logging and the project's own sinks: by position
        }

        /// <summary>
        /// True when the changed call, bound speculatively where the old one stands, calls a method of the same name and
        /// type (a generic overload may have no counterpart with one value fewer) that returns the same type, and whose
        /// parameters for the values kept have the same types and accept null wherever a value kept may be null. Then the
        /// statement compiles as before without binding the edited document: the values kept are the same expressions
        /// converted to the same types, and the value removed assigns and declares nothing that later code could read.
        /// </summary>
        private static bool BindsAlike(SemanticModel model, Removal removal, ExpressionSyntax removed, CancellationToken cancellationToken)
        {
            if (removed.DescendantNodesAndSelf().Any(n => n is AssignmentExpressionSyntax or SingleVariableDesignationSyntax or DeclarationExpressionSyntax
                    || n.IsKind(SyntaxKind.PreIncrementExpression) || n.IsKind(SyntaxKind.PreDecrementExpression)
                    || n.IsKind(SyntaxKind.PostIncrementExpression) || n.IsKind(SyntaxKind.PostDecrementExpression))
                || model.GetSymbolInfo(removal.Invocation, cancellationToken).Symbol is not IMethodSymbol before
                || model.GetSpeculativeSymbolInfo(removal.Invocation.SpanStart, removal.Replacement, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol after
                || before.Name != after.Name
                || !SymbolEqualityComparer.Default.Equals(before.ContainingType?.OriginalDefinition, after.ContainingType?.OriginalDefinition)
                || !SymbolEqualityComparer.IncludeNullability.Equals(before.ReturnType, after.ReturnType))
            {
                return false;
            }

            var arguments = removal.Invocation.ArgumentList.Arguments;
            var removedIndex = arguments.IndexOf(a => a.Expression == removed);
            var kept = removal.Replacement.ArgumentList.Arguments.Count;
            if (after.Parameters.LastOrDefault() is { IsParams: true } && kept == after.Parameters.Length
                && model.GetTypeInfo(arguments[kept - 1 < removedIndex ? kept - 1 : kept].Expression, cancellationToken).Type is null or IArrayTypeSymbol)
            {
                return false; // the last value might now be passed as the params array itself
            }

            for (var i = 0; i < kept; i++)
            {
                var oldIndex = i < removedIndex ? i : i + 1;
                if (ParameterType(before, oldIndex) is not { } oldType
                    || ParameterType(after, i) is not { } newType
                    || !SymbolEqualityComparer.Default.Equals(oldType, newType))
                {
                    return false;
                }

                // A parameter that no longer accepts null warns only for a value that may be null.
                if (newType.NullableAnnotation == NullableAnnotation.NotAnnotated && oldType.NullableAnnotation != NullableAnnotation.NotAnnotated
                    && model.GetTypeInfo(arguments[oldIndex].Expression, cancellationToken).Nullability.FlowState != NullableFlowState.NotNull)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The type of the parameter positional argument <paramref name="index"/> goes to: the element type for a params array.</summary>
        private static ITypeSymbol? ParameterType(IMethodSymbol method, int index)
        {
            var parameters = method.Parameters;
            if (parameters.IsEmpty)
            {
                return null;
            }

            var last = parameters[parameters.Length - 1];
            if (last.IsParams && index >= parameters.Length - 1)
            {
                return (last.Type as IArrayTypeSymbol)?.ElementType;
            }

            return index < parameters.Length ? parameters[index].Type : null;
        }

        private sealed class Removal
        {
            public Removal(InvocationExpressionSyntax invocation, InvocationExpressionSyntax replacement)
            {
                Invocation = invocation;
                Replacement = replacement;
            }

            public InvocationExpressionSyntax Invocation { get; }

            public InvocationExpressionSyntax Replacement { get; }
        }

        private enum TemplateStyle
        {
            /// <summary>Holes are matched to values by position; numeric holes only when they read 0, 1, ... in order, once each.</summary>
            Named,

            /// <summary>Numeric holes only, by index (<c>string.Format</c>).</summary>
            Indexed,

            /// <summary>By index when every hole is numeric, else by position (Serilog, NLog).</summary>
            NamedOrIndexed,
        }

        /// <summary>
        /// Removes the hole of one value from a message template, working on the literal's source text so escapes and
        /// the literal's form (regular, verbatim, raw) are kept.
        /// <list type="bullet">
        /// <item><description>Named holes (<c>{Email}</c>, <c>{@Visitor}</c>, <c>{$X}</c>, <c>{Email,10:l}</c>) are matched to
        /// the values by position; the counts must agree and no name may repeat.</description></item>
        /// <item><description>Numeric holes (<c>{0}</c>) are matched by index: every use of the removed index goes, higher
        /// indexes are renumbered; the highest index must be the last value.</description></item>
        /// <item><description>Each removed hole takes one space with it: the one before it, or else the one after it
        /// (<c>"Visitor {Email} joined"</c> → <c>"Visitor joined"</c>, <c>"{Email} joined"</c> → <c>"joined"</c>).</description></item>
        /// <item><description><c>{{</c> and <c>}}</c> are kept; when no value would remain they are not safe (some libraries
        /// print a template without values as is), so nothing is done.</description></item>
        /// </list>
        /// </summary>
        private static class TemplateEdit
        {
            public static SyntaxToken? Remove(SyntaxToken literal, int valueIndex, int valueCount, TemplateStyle style)
            {
                if (!Delimiters(literal, out var prefix, out var suffix))
                {
                    return null;
                }

                var text = literal.Text;
                var content = text.Substring(prefix, text.Length - prefix - suffix);
                var holes = Parse(content);
                var valueHoles = Parse(literal.ValueText);
                if (holes is null || valueHoles is null || !holes.Select(h => h.Name).SequenceEqual(valueHoles.Select(h => h.Name)))
                {
                    return null; // malformed, or holes written with escape sequences
                }

                var numeric = holes.Count > 0 && holes.All(h => h.Index >= 0);
                var indexed = style switch
                {
                    TemplateStyle.Indexed => true,
                    TemplateStyle.NamedOrIndexed => numeric,
                    _ => numeric && holes.Select(h => h.Index).SequenceEqual(Enumerable.Range(0, holes.Count)),
                };

                var edits = new List<(TextSpan Span, string NewText)>();
                if (indexed)
                {
                    if (!numeric || holes.Max(h => h.Index) != valueCount - 1)
                    {
                        return null;
                    }

                    foreach (var hole in holes)
                    {
                        if (hole.Index == valueIndex)
                        {
                            edits.Add((WithSpace(content, hole.Span), string.Empty));
                        }
                        else if (hole.Index > valueIndex)
                        {
                            edits.Add((hole.NameSpan, (hole.Index - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                    }
                }
                else
                {
                    if (holes.Count != valueCount || holes.Any(h => h.Index >= 0) || holes.Select(h => h.Name).Distinct().Count() != holes.Count)
                    {
                        return null;
                    }

                    edits.Add((WithSpace(content, holes[valueIndex].Span), string.Empty));
                }

                if (valueCount == 1 && (content.Contains("{{") || content.Contains("}}")))
                {
                    return null;
                }

                var newContent = Apply(content, edits);
                if (newContent is null)
                {
                    return null;
                }

                var parsed = SyntaxFactory.ParseExpression(text.Substring(0, prefix) + newContent + text.Substring(text.Length - suffix));
                if (parsed is not LiteralExpressionSyntax newLiteral || !newLiteral.IsKind(SyntaxKind.StringLiteralExpression) || parsed.ContainsDiagnostics)
                {
                    return null;
                }

                return newLiteral.Token.WithTriviaFrom(literal);
            }

            /// <summary>The lengths of the literal's opening and closing delimiters.</summary>
            private static bool Delimiters(SyntaxToken literal, out int prefix, out int suffix)
            {
                var text = literal.Text;
                prefix = suffix = 0;
                if (literal.IsKind(SyntaxKind.StringLiteralToken))
                {
                    prefix = text.StartsWith("@", System.StringComparison.Ordinal) ? 2 : 1;
                    suffix = 1;
                }
                else if (literal.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || literal.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                {
                    while (prefix < text.Length && text[prefix] == '"')
                    {
                        prefix++;
                    }

                    suffix = prefix;
                }

                return prefix > 0 && text.Length >= prefix + suffix;
            }

            /// <summary>The holes of <paramref name="template"/>, or null when it is malformed.</summary>
            private static List<Hole>? Parse(string template)
            {
                var holes = new List<Hole>();
                for (var i = 0; i < template.Length; i++)
                {
                    var c = template[i];
                    if (c == '}')
                    {
                        if (i + 1 < template.Length && template[i + 1] == '}')
                        {
                            i++;
                            continue;
                        }

                        return null;
                    }

                    if (c != '{')
                    {
                        continue;
                    }

                    if (i + 1 < template.Length && template[i + 1] == '{')
                    {
                        i++;
                        continue;
                    }

                    var end = template.IndexOf('}', i + 1);
                    var nested = template.IndexOf('{', i + 1);
                    if (end < 0 || (nested >= 0 && nested < end))
                    {
                        return null;
                    }

                    var nameStart = i + 1;
                    if (nameStart < end && (template[nameStart] == '@' || template[nameStart] == '$'))
                    {
                        nameStart++;
                    }

                    var nameEnd = nameStart;
                    while (nameEnd < end && template[nameEnd] != ',' && template[nameEnd] != ':')
                    {
                        nameEnd++;
                    }

                    var name = template.Substring(nameStart, nameEnd - nameStart);
                    if (name.Length == 0 || !name.All(ch => char.IsLetterOrDigit(ch) || ch == '_' || ch == '.'))
                    {
                        return null;
                    }

                    var index = name.All(ch => ch >= '0' && ch <= '9') && name.Length < 6 && nameStart == i + 1
                        ? int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)
                        : -1;
                    holes.Add(new Hole(template.Substring(i, end - i + 1), TextSpan.FromBounds(i, end + 1), TextSpan.FromBounds(nameStart, nameEnd), index));
                    i = end;
                }

                return holes;
            }

            /// <summary>The hole and the space before it, or else the space after it.</summary>
            private static TextSpan WithSpace(string content, TextSpan hole)
            {
                if (hole.Start > 0 && content[hole.Start - 1] == ' ')
                {
                    return TextSpan.FromBounds(hole.Start - 1, hole.End);
                }

                return hole.End < content.Length && content[hole.End] == ' ' ? TextSpan.FromBounds(hole.Start, hole.End + 1) : hole;
            }

            /// <summary>Applies the edits; overlapping removals (two holes sharing a space) are merged.</summary>
            private static string? Apply(string content, List<(TextSpan Span, string NewText)> edits)
            {
                var merged = new List<(TextSpan Span, string NewText)>();
                foreach (var edit in edits.OrderBy(e => e.Span.Start))
                {
                    if (merged.Count > 0 && merged[merged.Count - 1].Span.End > edit.Span.Start)
                    {
                        var last = merged[merged.Count - 1];
                        if (last.NewText.Length > 0 || edit.NewText.Length > 0)
                        {
                            return null;
                        }

                        merged[merged.Count - 1] = (TextSpan.FromBounds(last.Span.Start, System.Math.Max(last.Span.End, edit.Span.End)), string.Empty);
                        continue;
                    }

                    merged.Add(edit);
                }

                var builder = new System.Text.StringBuilder(content);
                for (var i = merged.Count - 1; i >= 0; i--)
                {
                    builder.Remove(merged[i].Span.Start, merged[i].Span.Length).Insert(merged[i].Span.Start, merged[i].NewText);
                }

                return builder.ToString();
            }

            private sealed class Hole
            {
                public Hole(string name, TextSpan span, TextSpan nameSpan, int index)
                {
                    Name = name;
                    Span = span;
                    NameSpan = nameSpan;
                    Index = index;
                }

                /// <summary>The whole hole as written, used to compare the source text with the value.</summary>
                public string Name { get; }

                public TextSpan Span { get; }

                public TextSpan NameSpan { get; }

                /// <summary>The index of a numeric hole (<c>{0}</c>), else -1.</summary>
                public int Index { get; }
            }
        }
    }
}
