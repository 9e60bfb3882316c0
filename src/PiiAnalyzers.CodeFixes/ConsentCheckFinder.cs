using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiAnalyzers.Flow;
using PiiAnalyzers.PersonalData;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Where a reachable consent check comes from. Checks are offered in this order, after those that declare the
    /// diagnostic's purpose: the nearer the check lives to the code, the likelier it is the one the author meant.
    /// </summary>
    internal enum CheckSource
    {
        /// <summary>An instance check of the enclosing type or its bases, called on <c>this</c>: the type vouches for itself.</summary>
        This,

        /// <summary>An instance check on a field or property of the enclosing type: typically an injected consent service.</summary>
        FieldOrProperty,

        /// <summary>An instance check on a parameter: a service passed in, or the data subject itself.</summary>
        Parameter,

        /// <summary>An instance check on a local declared before the statement.</summary>
        Local,

        /// <summary>A static check, or a local function, callable here by its simple name.</summary>
        InScope,

        /// <summary>A static check of another type of this project that is in scope or held by what is, called through the type's name.</summary>
        OtherType,
    }

    /// <summary>
    /// Finds the <c>[ConsentCheck]</c> members reachable where a sink sits and fills in their receivers and arguments.
    /// It looks only at what is in scope there — the enclosing type and its bases, fields, properties, parameters, locals,
    /// the types in scope by name, and the types those hold — never at every symbol of the compilation.
    /// </summary>
    internal static class ConsentCheckFinder
    {
        /// <summary>How a check is named in an equivalence key: <c>Market.Consent.HasConsent(Market.Visitor, string)</c>.</summary>
        private static readonly SymbolDisplayFormat IdFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        /// <summary>The usable checks at <paramref name="site"/>, best first.</summary>
        public static List<ConsentCheck> Find(SemanticModel model, ConsentGuardSite site, SyntaxNode sink, ImmutableArray<string> purposes, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            var position = site.Position;
            var member = model.GetEnclosingSymbol(position, cancellationToken);
            while (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } && member.ContainingSymbol is { } outer)
            {
                member = outer;
            }

            var instanceContext = member is not null && !member.IsStatic && member.ContainingType is not null;
            var found = new List<Candidate>();
            var held = new List<ITypeSymbol>();
            foreach (var symbol in model.LookupSymbols(position).OrderBy(s => Location(s)).ThenBy(s => s.Name, StringComparer.Ordinal))
            {
                if (IsCheck(symbol, attribute))
                {
                    if (symbol.IsStatic || symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction })
                    {
                        found.Add(new Candidate(CheckSource.InScope, found.Count, null, symbol));
                    }
                    else if (instanceContext)
                    {
                        found.Add(new Candidate(CheckSource.This, found.Count, null, symbol));
                    }

                    continue;
                }

                var (source, type) = symbol switch
                {
                    IFieldSymbol { IsConst: false } field when field.IsStatic || instanceContext => (CheckSource.FieldOrProperty, field.Type),
                    IPropertySymbol { IsIndexer: false, GetMethod: not null } property when property.IsStatic || instanceContext => (CheckSource.FieldOrProperty, property.Type),
                    IParameterSymbol { RefKind: not RefKind.Out } parameter => (CheckSource.Parameter, parameter.Type),
                    ILocalSymbol { IsConst: false } local when DeclaredBefore(local, position) => (CheckSource.Local, local.Type),
                    _ => ((CheckSource?)null, (ITypeSymbol?)null),
                };

                if (source is null || type is null)
                {
                    continue;
                }

                held.Add(type);

                // A 'var' local is annotated nullable whatever it holds: the compile check turns away one that may be null.
                if (type.TypeKind is TypeKind.TypeParameter or TypeKind.Error || type.SpecialType != SpecialType.None
                    || (type.NullableAnnotation == NullableAnnotation.Annotated && symbol is not ILocalSymbol) || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    continue;
                }

                foreach (var candidate in model.LookupSymbols(position, type).OrderBy(s => Location(s)).ThenBy(s => s.Name, StringComparer.Ordinal))
                {
                    if (!candidate.IsStatic && IsCheck(candidate, attribute))
                    {
                        found.Add(new Candidate(source.Value, found.Count, symbol, candidate));
                    }
                }
            }

            foreach (var candidate in StaticChecksOfOtherTypes(model, position, held, attribute)
                .OrderBy(s => s.ContainingType.ToDisplayString(), StringComparer.Ordinal).ThenBy(s => Location(s)))
            {
                found.Add(new Candidate(CheckSource.OtherType, found.Count, candidate.ContainingType, candidate));
            }

            var data = ConsentGuardSite.DataExpressions(sink).ToList();
            var checks = new List<(bool DeclaresPurpose, Candidate Candidate, ConsentCheck Check)>();
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var candidate in found.OrderBy(f => f.Source).ThenBy(f => f.Order))
            {
                if (!seen.Add(candidate.Check.OriginalDefinition))
                {
                    continue;
                }

                if (Build(model, position, candidate.Receiver, candidate.Check, attribute, purposes, data, cancellationToken) is { } check)
                {
                    var declared = ConsentMarker.Read(PrivacySymbols.Find(candidate.Check.OriginalDefinition, attribute))?.Purpose;
                    checks.Add((declared is not null, candidate, check));
                }
            }

            return checks.OrderByDescending(c => c.DeclaresPurpose).ThenBy(c => c.Candidate.Source).ThenBy(c => c.Candidate.Order).Select(c => c.Check).ToList();
        }

        /// <summary>
        /// The static checks declared in this project's source on the types in scope by name (and their nested types) and
        /// on the types that fields, properties, parameters and locals in scope hold.
        /// </summary>
        private static IEnumerable<ISymbol> StaticChecksOfOtherTypes(SemanticModel model, int position, List<ITypeSymbol> held, INamedTypeSymbol attribute)
        {
            var assembly = model.Compilation.Assembly;
            var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<INamedTypeSymbol>();
            foreach (var type in model.LookupNamespacesAndTypes(position).OfType<INamedTypeSymbol>().Concat(held.OfType<INamedTypeSymbol>().Select(t => t.OriginalDefinition)))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, assembly))
                {
                    pending.Push(type);
                }
            }

            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (!types.Add(type))
                {
                    continue;
                }

                foreach (var nested in type.GetTypeMembers())
                {
                    pending.Push(nested);
                }
            }

            return types.SelectMany(t => t.GetMembers())
                .Where(s => s.IsStatic && IsCheck(s, attribute) && model.IsAccessible(position, s));
        }

        /// <summary>A check found in scope, before its arguments are filled in.</summary>
        private readonly struct Candidate
        {
            public Candidate(CheckSource source, int order, ISymbol? receiver, ISymbol check)
            {
                Source = source;
                Order = order;
                Receiver = receiver;
                Check = check;
            }

            public CheckSource Source { get; }

            /// <summary>The order it was found in: declaration order within a source.</summary>
            public int Order { get; }

            /// <summary>What the check is called on (a field, property, parameter, local or type), or null for a simple name.</summary>
            public ISymbol? Receiver { get; }

            public ISymbol Check { get; }
        }

        private static (string, int) Location(ISymbol symbol)
            => symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                ? (location.SourceTree!.FilePath, location.SourceSpan.Start)
                : ("\uffff", 0);

        private static bool DeclaredBefore(ILocalSymbol local, int position)
            => local.DeclaringSyntaxReferences.FirstOrDefault() is { } reference && reference.Span.End <= position;

        private static bool IsCheck(ISymbol symbol, INamedTypeSymbol attribute)
            => symbol switch
            {
                IMethodSymbol method => method.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction
                    && PrivacySymbols.Find(method.OriginalDefinition, attribute) is not null,
                IPropertySymbol property => !property.IsIndexer && property.GetMethod is not null && property.Type.SpecialType == SpecialType.System_Boolean
                    && PrivacySymbols.Find(property.OriginalDefinition, attribute) is not null,
                _ => false,
            };

        /// <summary>The check with its arguments, or null when it cannot cover <paramref name="purposes"/> or a parameter cannot be filled.</summary>
        private static ConsentCheck? Build(SemanticModel model, int position, ISymbol? receiver, ISymbol symbol, INamedTypeSymbol attribute, ImmutableArray<string> purposes, List<ExpressionSyntax> data, CancellationToken cancellationToken)
        {
            var declared = ConsentMarker.Read(PrivacySymbols.Find(symbol.OriginalDefinition, attribute))?.Purpose;
            if (declared is not null && purposes.Any(p => !PurposeList.Comparer.Equals(p, declared)))
            {
                return null; // a check for another purpose would not silence the diagnostic
            }

            var id = symbol.OriginalDefinition.ToDisplayString(IdFormat);
            ExpressionSyntax target = SymbolSyntax.IdentifierName(symbol.Name);
            if (receiver is not null)
            {
                if (Receiver(model, position, receiver) is not { } receiverExpression)
                {
                    return null;
                }

                target = SymbolSyntax.MemberAccess(receiverExpression, (SimpleNameSyntax)target);
            }

            if (symbol is IPropertySymbol)
            {
                return new ConsentCheck(id, symbol, isVoid: false, ImmutableArray.Create(target));
            }

            var method = (IMethodSymbol)symbol;
            var isVoid = method.ReturnsVoid;
            if (method.IsGenericMethod || (!isVoid && method.ReturnType.SpecialType != SpecialType.System_Boolean))
            {
                return null; // async checks (Task) and generic ones are left to the user
            }

            var purposeParameter = method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String && string.Equals(p.Name, "purpose", StringComparison.OrdinalIgnoreCase))
                ?? (declared is null ? method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String) : null);
            // One call per needed purpose, joined by && (or one statement each): together they cover them all.
            string?[] values;
            if (purposeParameter is null)
            {
                values = new string?[] { null };
            }
            else if (!purposes.IsEmpty)
            {
                values = purposes.Select(p => (string?)p).ToArray();
            }
            else if (declared is not null)
            {
                values = new string?[] { declared };
            }
            else
            {
                return null; // the check needs a purpose and the diagnostic names none
            }

            // null stands for the purpose.
            var arguments = new List<ExpressionSyntax?>();
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    if (parameter.IsParams)
                    {
                        break;
                    }

                    return null;
                }

                if (SymbolEqualityComparer.Default.Equals(parameter, purposeParameter))
                {
                    arguments.Add(null);
                    continue;
                }

                if (Value(model, position, parameter.Type, data, cancellationToken) is { } value)
                {
                    arguments.Add(value);
                    continue;
                }

                var rest = method.Parameters.Skip(parameter.Ordinal).ToList();
                if (rest.All(p => p.IsOptional && !SymbolEqualityComparer.Default.Equals(p, purposeParameter)))
                {
                    break; // the defaults fill the rest
                }

                return null;
            }

            var calls = ImmutableArray.CreateBuilder<ExpressionSyntax>();
            foreach (var purpose in values)
            {
                var literal = purpose is null
                    ? null
                    : SymbolSyntax.StringLiteral(purpose);
                var call = SyntaxFactory.InvocationExpression(
                    target,
                    SyntaxFactory.ArgumentList(
                        SymbolSyntax.Token(SyntaxKind.OpenParenToken),
                        SymbolSyntax.Separated(arguments.Select(a => SyntaxFactory.Argument(a ?? literal!))),
                        SymbolSyntax.Token(SyntaxKind.CloseParenToken)));
                if (call.ContainsDiagnostics)
                {
                    return null; // a value copied from code that does not parse
                }

                calls.Add(call);
            }

            return new ConsentCheck(id, symbol, isVoid, calls.ToImmutable());
        }

        /// <summary>
        /// A value of <paramref name="type"/> in scope: the sink's data (<c>v</c> in <c>Serialize(v.Email)</c>) first,
        /// then parameters and locals by declaration order.
        /// </summary>
        private static ExpressionSyntax? Value(SemanticModel model, int position, ITypeSymbol type, List<ExpressionSyntax> data, CancellationToken cancellationToken)
        {
            foreach (var expression in data)
            {
                for (var candidate = expression; candidate is not null; candidate = (candidate as MemberAccessExpressionSyntax)?.Expression)
                {
                    if (candidate is IdentifierNameSyntax or ThisExpressionSyntax or MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }
                        && IsPure(candidate)
                        && model.GetTypeInfo(candidate, cancellationToken) is { Type: { } candidateType } info
                        && info.Nullability.FlowState != NullableFlowState.MaybeNull
                        && Fits(model.Compilation, candidateType, type))
                    {
                        return candidate.WithoutTrivia();
                    }
                }
            }

            foreach (var symbol in model.LookupSymbols(position).OrderBy(s => Location(s)))
            {
                var candidateType = symbol switch
                {
                    IParameterSymbol { RefKind: not RefKind.Out } parameter => parameter.Type,
                    ILocalSymbol { IsConst: false } local when DeclaredBefore(local, position) => local.Type,
                    _ => null,
                };

                if (candidateType is not null && (candidateType.NullableAnnotation != NullableAnnotation.Annotated || symbol is ILocalSymbol) && Fits(model.Compilation, candidateType, type))
                {
                    return SymbolSyntax.IdentifierName(symbol.Name);
                }
            }

            return null;
        }

        private static bool IsPure(ExpressionSyntax expression)
            => expression switch
            {
                IdentifierNameSyntax or ThisExpressionSyntax => true,
                MemberAccessExpressionSyntax access => access.Name is IdentifierNameSyntax && IsPure(access.Expression),
                _ => false,
            };

        private static bool Fits(Compilation compilation, ITypeSymbol source, ITypeSymbol destination)
        {
            if (source.SpecialType == SpecialType.System_String && destination.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            var conversion = compilation.ClassifyConversion(source, destination);
            return conversion.IsIdentity || (conversion.IsImplicit && conversion.IsReference);
        }

        /// <summary>
        /// What a check is called on: a variable by its name, or a type by the name <see cref="ISymbol.ToMinimalDisplayParts"/>
        /// shows at <paramref name="position"/> (it decides how much qualification, an alias or <c>global::</c>, the
        /// name needs there), built from the symbols it names. Null for a name that cannot be written here.
        /// </summary>
        private static ExpressionSyntax? Receiver(SemanticModel model, int position, ISymbol receiver)
        {
            if (receiver is not INamedTypeSymbol type)
            {
                return SymbolSyntax.IdentifierName(receiver.Name);
            }

            var parts = type.ToMinimalDisplayParts(model, position);
            var global = parts.Length > 0 && parts[0].Kind == SymbolDisplayPartKind.Keyword && parts[0].ToString() == "global";
            var head = parts.FirstOrDefault(p => p.Symbol is IAliasSymbol or ITypeSymbol or INamespaceSymbol { IsGlobalNamespace: false }).Symbol;

            // The chain of containers from the type out to the name the display starts with.
            var chain = new List<INamespaceOrTypeSymbol>();
            var target = (head as IAliasSymbol)?.Target ?? head;
            for (INamespaceOrTypeSymbol? current = type; current is not null; current = (INamespaceOrTypeSymbol?)current.ContainingType ?? current.ContainingNamespace)
            {
                chain.Add(current);
                if (SymbolEqualityComparer.Default.Equals(current, target))
                {
                    break;
                }
            }

            if (target is null || !SymbolEqualityComparer.Default.Equals(chain[chain.Count - 1], target) || (global && head is IAliasSymbol))
            {
                return null;
            }

            chain.Reverse();
            ExpressionSyntax? name = null;
            foreach (var symbol in chain)
            {
                SimpleNameSyntax simple;
                if (name is null && head is IAliasSymbol alias)
                {
                    simple = SymbolSyntax.IdentifierName(alias.Name);
                }
                else if (symbol is INamedTypeSymbol { TypeArguments.IsEmpty: false } generic)
                {
                    if (generic.TypeArguments.Any(a => a is not ITypeParameterSymbol))
                    {
                        return null; // the types offered are declarations: their arguments are their own parameters
                    }

                    simple = SyntaxFactory.GenericName(
                        SymbolSyntax.Identifier(generic.Name),
                        SyntaxFactory.TypeArgumentList(
                            SymbolSyntax.Token(SyntaxKind.LessThanToken),
                            SymbolSyntax.Separated(generic.TypeArguments.Select(a => (TypeSyntax)SymbolSyntax.IdentifierName(a.Name))),
                            SymbolSyntax.Token(SyntaxKind.GreaterThanToken)));
                }
                else
                {
                    simple = SymbolSyntax.IdentifierName(symbol.Name);
                }

                name = name is not null
                    ? SymbolSyntax.MemberAccess(name, simple)
                    : global
                        ? SymbolSyntax.Global(simple)
                        : simple;
            }

            return name;
        }
    }

    /// <summary>One usable consent check with its receiver and arguments filled in.</summary>
    internal sealed class ConsentCheck
    {
        private readonly ImmutableArray<ExpressionSyntax> _calls;

        public ConsentCheck(string id, ISymbol symbol, bool isVoid, ImmutableArray<ExpressionSyntax> calls)
        {
            Id = id;
            Symbol = symbol;
            IsVoid = isVoid;
            _calls = calls;
        }

        /// <summary>The check's qualified name with parameter types: the stable half of the equivalence key.</summary>
        public string Id { get; }

        /// <summary>The check's method or property.</summary>
        public ISymbol Symbol { get; }

        public bool IsVoid { get; }

        /// <summary>One call of the check per purpose it must cover.</summary>
        public ImmutableArray<ExpressionSyntax> Calls => _calls;

        public string Display => string.Join(" && ", _calls.Select(c => c.NormalizeWhitespace().ToString()));

        public ExpressionSyntax Condition()
            => _calls.Skip(1).Aggregate(_calls[0], (left, right) => SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, left, right));

        public ExpressionSyntax Negated()
            => _calls.Length == 1
                ? SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, _calls[0])
                : SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, SyntaxFactory.ParenthesizedExpression(Condition()));

        public ImmutableArray<StatementSyntax> Statements()
            => _calls.Select(c => (StatementSyntax)SyntaxFactory.ExpressionStatement(c)).ToImmutableArray();
    }
}
