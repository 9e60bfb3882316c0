using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// Code built from symbols in the shape the parser gives the same text typed by hand: dotted names as member
    /// accesses, keywords escaped, ", " between items, and no elastic trivia, so the formatter treats it as typed code.
    /// </summary>
    internal static class SymbolSyntax
    {
        /// <summary>The identifier <paramref name="name"/>, escaped (<c>@class</c>) when it is a keyword.</summary>
        public static SyntaxToken Identifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
                ? SyntaxFactory.VerbatimIdentifier(SyntaxTriviaList.Empty, name, name, SyntaxTriviaList.Empty) // written @name
                : SyntaxFactory.Identifier(SyntaxTriviaList.Empty, name, SyntaxTriviaList.Empty);

        public static IdentifierNameSyntax IdentifierName(string name) => SyntaxFactory.IdentifierName(Identifier(name));

        public static SyntaxToken Token(SyntaxKind kind) => SyntaxFactory.Token(SyntaxTriviaList.Empty, kind, SyntaxTriviaList.Empty);

        public static MemberAccessExpressionSyntax MemberAccess(ExpressionSyntax expression, SimpleNameSyntax name)
            => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, expression, Token(SyntaxKind.DotToken), name);

        /// <summary><paramref name="items"/> separated by ", ".</summary>
        public static SeparatedSyntaxList<T> Separated<T>(IEnumerable<T> items)
            where T : SyntaxNode
        {
            var list = items.ToList();
            var comma = SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return SyntaxFactory.SeparatedList(list, Enumerable.Repeat(comma, Math.Max(0, list.Count - 1)));
        }

        /// <summary>The string literal of <paramref name="value"/>, escaped as the compiler would write it.</summary>
        public static LiteralExpressionSyntax StringLiteral(string value)
            => SyntaxFactory.LiteralExpression(
                SyntaxKind.StringLiteralExpression,
                SyntaxFactory.Literal(SyntaxTriviaList.Empty, SymbolDisplay.FormatLiteral(value, quote: true), value, SyntaxTriviaList.Empty));

        /// <summary><c>global::<paramref name="name"/></c>.</summary>
        public static AliasQualifiedNameSyntax Global(SimpleNameSyntax name)
            => SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(Token(SyntaxKind.GlobalKeyword)), Token(SyntaxKind.ColonColonToken), name);

        /// <summary>
        /// <c>N.Type.Member</c>, or <c>global::N.Type.Member</c>: <paramref name="symbol"/> named with its containing types
        /// and namespaces (without type arguments).
        /// </summary>
        public static ExpressionSyntax QualifiedName(ISymbol symbol, bool global)
        {
            var names = new List<string>();
            for (var current = symbol; current is not null and not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
            {
                names.Add(current.Name);
            }

            names.Reverse();
            ExpressionSyntax first = global
                ? Global(IdentifierName(names[0]))
                : IdentifierName(names[0]);
            return names.Skip(1).Aggregate(first, (qualifier, name) => MemberAccess(qualifier, IdentifierName(name)));
        }
    }
}
