using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.Sinks
{
    /// <summary>
    /// Requests a Blazor WebAssembly client sends to the server it was loaded from: an <c>HttpClient</c> call with a
    /// relative constant address (<c>PostAsJsonAsync("orders", order)</c>) in a project whose <c>HttpClient</c> is given
    /// the host's address (<c>BaseAddress = new Uri(builder.HostEnvironment.BaseAddress)</c>, or a
    /// <c>NavigationManager.BaseUri</c>). The data goes to the application's own back end, which the analyzers judge where
    /// it arrives, not to an external service. Found once per compilation, on the first such call.
    /// </summary>
    internal sealed class OwnServer
    {
        private readonly Lazy<bool> _hostAddressed;

        public OwnServer(Compilation compilation, Func<SyntaxTree, SemanticModel?> models)
        {
            _hostAddressed = new Lazy<bool>(() => FindHostAddress(compilation, models), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The call is an <c>HttpClient</c> request to a relative constant address, and the client is the host's.</summary>
        public bool IsRequestTo(IInvocationOperation invocation)
        {
            var type = invocation.TargetMethod.ContainingType;
            if (type is null || type.ContainingNamespace?.ToDisplayString() is not ("System.Net.Http" or "System.Net.Http.Json")
                || type.Name is not ("HttpClient" or "HttpClientJsonExtensions"))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "requestUri")
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: string address } && IsRelative(address) && _hostAddressed.Value;
                }
            }

            return false;
        }

        private static bool IsRelative(string address)
            => address.IndexOf("://", StringComparison.Ordinal) < 0 && !address.StartsWith("//", StringComparison.Ordinal);

        /// <summary>An assignment to <c>BaseAddress</c> whose value reads the WebAssembly host's address.</summary>
        private static bool FindHostAddress(Compilation compilation, Func<SyntaxTree, SemanticModel?> models)
        {
            var host = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Components.WebAssembly.Hosting.IWebAssemblyHostEnvironment");
            var navigation = TypeLookup.Find(compilation, "Microsoft.AspNetCore.Components.NavigationManager");
            if (host is null && navigation is null)
            {
                return false;
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is not AssignmentExpressionSyntax { Left: var left, Right: var right } || !IsNamed(left, "BaseAddress"))
                    {
                        continue;
                    }

                    foreach (var access in right.DescendantNodesAndSelf())
                    {
                        if (access is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" or "BaseUri" } member)
                        {
                            model ??= models(tree);
                            var owner = model?.GetTypeInfo(member.Expression).Type;
                            if (owner is not null && (Is(owner, host) || Is(owner, navigation)))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsNamed(ExpressionSyntax target, string name) => target switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
            _ => false,
        };

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? expected)
            => TypeShapes.DerivesFrom(type, expected) || TypeShapes.Implements(type, expected);
    }
}
