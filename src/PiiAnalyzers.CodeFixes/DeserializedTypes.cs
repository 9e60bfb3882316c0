using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PiiAnalyzers.CodeFixes
{
    /// <summary>
    /// The source types a compilation reads data into: deserialized (<c>JsonSerializer.Deserialize&lt;T&gt;</c>,
    /// <c>ReadFromJsonAsync&lt;T&gt;</c>, <c>JsonConvert.DeserializeObject&lt;T&gt;</c>, <c>typeof(T)</c> passed to a
    /// deserializer) or bound from a request (parameters of controller actions and of route handlers passed to
    /// <c>MapGet</c>/<c>MapPost</c>/..., <c>[FromBody]</c> and the other <c>[From...]</c> parameters, <c>[BindProperty]</c>),
    /// and every source type reachable from those through properties, fields, elements and type arguments.
    /// An ignore attribute on such a type's member would also stop the program from reading that member.
    /// </summary>
    /// <remarks>Found by name, without resolving the libraries: a type read through a wrapper of the user's is missed.</remarks>
    internal static class DeserializedTypes
    {
        private static readonly ConditionalWeakTable<Compilation, HashSet<ITypeSymbol>> Cache = new ConditionalWeakTable<Compilation, HashSet<ITypeSymbol>>();

        private static readonly HashSet<string> ReadingMethods = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Deserialize", "DeserializeAsync", "DeserializeAsyncEnumerable", "DeserializeObject", "PopulateObject", "ToObject",
            "ReadFromJsonAsync", "GetFromJsonAsync", "ReadFromJsonAsAsyncEnumerable", "GetFromJsonAsAsyncEnumerable", "ReadAsAsync",
        };

        private static readonly HashSet<string> RouteMethods = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
        };

        private static readonly HashSet<string> BindingAttributes = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "FromBody", "FromForm", "FromQuery", "FromRoute", "FromHeader", "AsParameters", "BindProperty", "Bind",
        };

        /// <summary>True when <paramref name="type"/> (a source type) is read into somewhere in <paramref name="compilation"/>.</summary>
        public static bool IsRead(Compilation compilation, ITypeSymbol type, CancellationToken cancellationToken)
        {
            var read = Cache.GetValue(compilation, c => Find(c, cancellationToken));
            return read.Contains(type.OriginalDefinition);
        }

        private static HashSet<ITypeSymbol> Find(Compilation compilation, CancellationToken cancellationToken)
        {
            var roots = new List<ITypeSymbol>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var root = tree.GetRoot(cancellationToken);
                SemanticModel? model = null;
                SemanticModel Model() => model ??= compilation.GetSemanticModel(tree);
                foreach (var node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation when Name(invocation.Expression) is { } name:
                            if (ReadingMethods.Contains(name.Identifier.ValueText))
                            {
                                if (name is GenericNameSyntax generic)
                                {
                                    roots.AddRange(generic.TypeArgumentList.Arguments.Select(a => Model().GetTypeInfo(a, cancellationToken).Type).OfType<ITypeSymbol>());
                                }

                                roots.AddRange(invocation.ArgumentList.Arguments
                                    .Select(a => a.Expression).OfType<TypeOfExpressionSyntax>()
                                    .Select(t => Model().GetTypeInfo(t.Type, cancellationToken).Type).OfType<ITypeSymbol>());
                                if (Model().GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsGenericMethod: true } method)
                                {
                                    roots.AddRange(method.TypeArguments); // inferred: Deserialize(json, context.Visitor)
                                }
                            }
                            else if (RouteMethods.Contains(name.Identifier.ValueText))
                            {
                                foreach (var argument in invocation.ArgumentList.Arguments)
                                {
                                    if (argument.Expression is AnonymousFunctionExpressionSyntax handler)
                                    {
                                        roots.AddRange(Parameters(handler).Select(p => Model().GetDeclaredSymbol(p, cancellationToken)?.Type).OfType<ITypeSymbol>());
                                    }
                                    else if (Model().GetSymbolInfo(argument.Expression, cancellationToken) is var info
                                        && (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol group)
                                    {
                                        roots.AddRange(group.Parameters.Select(p => p.Type));
                                    }
                                }
                            }

                            break;
                        case ParameterSyntax parameter when parameter.AttributeLists.SelectMany(l => l.Attributes).Any(IsBinding):
                        case ParameterSyntax { Parent: ParameterListSyntax { Parent: MethodDeclarationSyntax method } } when IsAction(method, Model(), cancellationToken):
                            if (Model().GetDeclaredSymbol((ParameterSyntax)node, cancellationToken)?.Type is { } parameterType)
                            {
                                roots.Add(parameterType);
                            }

                            break;
                        case PropertyDeclarationSyntax property when property.AttributeLists.SelectMany(l => l.Attributes).Any(IsBinding):
                            if (Model().GetDeclaredSymbol(property, cancellationToken)?.Type is { } propertyType)
                            {
                                roots.Add(propertyType);
                            }

                            break;
                    }
                }
            }

            return Closure(roots);
        }

        private static SimpleNameSyntax? Name(ExpressionSyntax expression)
            => expression switch
            {
                MemberAccessExpressionSyntax access => access.Name,
                SimpleNameSyntax simple => simple,
                MemberBindingExpressionSyntax binding => binding.Name,
                _ => null,
            };

        private static IEnumerable<ParameterSyntax> Parameters(AnonymousFunctionExpressionSyntax function)
            => function switch
            {
                SimpleLambdaExpressionSyntax simple => new[] { simple.Parameter },
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters,
                AnonymousMethodExpressionSyntax { ParameterList: { } list } => list.Parameters,
                _ => Enumerable.Empty<ParameterSyntax>(),
            };

        private static bool IsBinding(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            return BindingAttributes.Contains(name);
        }

        /// <summary>A public instance method of an MVC controller or a Razor page model: its parameters are bound from the request.</summary>
        private static bool IsAction(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!method.Modifiers.Any(SyntaxKind.PublicKeyword) || method.Modifiers.Any(SyntaxKind.StaticKeyword)
                || method.Parent is not ClassDeclarationSyntax declaration)
            {
                return false;
            }

            if (declaration.Identifier.ValueText.EndsWith("Controller", System.StringComparison.Ordinal))
            {
                return true;
            }

            for (var type = model.GetDeclaredSymbol(declaration, cancellationToken)?.BaseType; type is not null; type = type.BaseType)
            {
                if (type.Name is "ControllerBase" or "Controller" or "PageModel")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The source types reachable from <paramref name="roots"/> through members, elements and type arguments.</summary>
        private static HashSet<ITypeSymbol> Closure(List<ITypeSymbol> roots)
        {
            var read = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var pending = new Stack<ITypeSymbol>(roots);
            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (!visited.Add(type))
                {
                    continue;
                }

                switch (type)
                {
                    case IArrayTypeSymbol array:
                        pending.Push(array.ElementType);
                        continue;
                    case INamedTypeSymbol named:
                        foreach (var argument in named.TypeArguments)
                        {
                            pending.Push(argument);
                        }

                        if (!named.Locations.Any(l => l.IsInSource))
                        {
                            continue; // a library type: only its type arguments can be the user's
                        }

                        read.Add(named.OriginalDefinition);
                        for (var current = named; current is not null && current.Locations.Any(l => l.IsInSource); current = current.BaseType)
                        {
                            read.Add(current.OriginalDefinition);
                            foreach (var member in current.GetMembers())
                            {
                                if (member is IPropertySymbol { IsStatic: false } property)
                                {
                                    pending.Push(property.Type);
                                }
                                else if (member is IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field)
                                {
                                    pending.Push(field.Type);
                                }
                            }
                        }

                        continue;
                }
            }

            return read;
        }
    }
}
