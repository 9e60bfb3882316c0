using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// Whether a <c>TextWriter</c> written to is the console's, <c>Console.Out</c> or <c>Console.Error</c>: a log, not a
    /// file. Named directly, or through a local set to one of them where it is declared and never assigned again
    /// (<c>var output = Console.Out; output.WriteLine(...)</c>).
    /// </summary>
    internal static class ConsoleStreams
    {
        /// <summary>
        /// <c>"Out"</c> or <c>"Error"</c> when <paramref name="instance"/> is that stream of <paramref name="console"/>
        /// (<c>System.Console</c>), else null. <paramref name="models"/> gives the semantic model of a tree, to bind a
        /// local's initializer: the operations of a control-flow graph have none of their own.
        /// </summary>
        public static string? StreamOf(IOperation? instance, INamedTypeSymbol? console, Func<SyntaxTree, SemanticModel?> models)
        {
            if (console is null)
            {
                return null;
            }

            switch (instance)
            {
                case IPropertyReferenceOperation property:
                    return IsStream(property, console) ? property.Property.Name : null;
                case ILocalReferenceOperation { Local: { RefKind: RefKind.None } local }:
                    return StreamHeldBy(local, console, models);
                default:
                    return null;
            }
        }

        private static bool IsStream(IPropertyReferenceOperation property, INamedTypeSymbol console)
            => property.Property is { Name: "Out" or "Error", IsStatic: true } stream
                && SymbolEqualityComparer.Default.Equals(stream.ContainingType, console);

        /// <summary>
        /// The stream <paramref name="local"/> holds when its declaration sets it to <c>Console.Out</c> or
        /// <c>Console.Error</c> and nothing in its scope assigns it again, passes it by <c>ref</c>, <c>out</c> or <c>in</c>,
        /// or takes a <c>ref</c> to it. Decided on the syntax of the scope, by name: a same-named variable assigned in a nested
        /// lambda or local function makes the answer "no", which only keeps the writer a file writer.
        /// </summary>
        private static string? StreamHeldBy(ILocalSymbol local, INamedTypeSymbol console, Func<SyntaxTree, SemanticModel?> models)
        {
            if (local.DeclaringSyntaxReferences is not { Length: 1 } references
                || references[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement
                || ScopeOf(statement) is not { } scope
                || models(declarator.SyntaxTree) is not { } model)
            {
                return null; // for, foreach, using (...), pattern and out variables: not followed
            }

            var initializer = model.GetOperation(value);
            while (initializer is IConversionOperation { IsImplicit: true } conversion)
            {
                initializer = conversion.Operand;
            }

            if (initializer is not IPropertyReferenceOperation property || !IsStream(property, console))
            {
                return null;
            }

            var name = local.Name;
            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when Targets(assignment.Left, name):
                    case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && Targets(argument.Expression, name):
                    case RefExpressionSyntax reference when Targets(reference.Expression, name):
                        return null;
                }
            }

            return property.Property.Name;
        }

        /// <summary>
        /// Where a local declared by <paramref name="statement"/> can be named: its block; the whole <c>switch</c> for a
        /// local of a switch section; every top-level statement of the file for a top-level local.
        /// </summary>
        private static SyntaxNode? ScopeOf(LocalDeclarationStatementSyntax statement)
        {
            var scope = statement.Parent;
            while (scope is LabeledStatementSyntax)
            {
                scope = scope.Parent;
            }

            return scope is GlobalStatementSyntax or SwitchSectionSyntax ? scope.Parent : scope;
        }

        /// <summary>True when writing to <paramref name="target"/> writes the variable <paramref name="name"/>.</summary>
        private static bool Targets(ExpressionSyntax target, string name)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText == name;
                case ParenthesizedExpressionSyntax parenthesized:
                    return Targets(parenthesized.Expression, name);
                case TupleExpressionSyntax tuple:
                    foreach (var element in tuple.Arguments)
                    {
                        if (Targets(element.Expression, name))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
