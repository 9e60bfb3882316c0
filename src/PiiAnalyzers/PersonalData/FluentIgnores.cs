using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiAnalyzers.Flow;

namespace PiiAnalyzers.PersonalData
{
    /// <summary>
    /// The members and types an EF Core model leaves out in code rather than with <c>[NotMapped]</c>: in
    /// <c>OnModelCreating</c> or an <c>IEntityTypeConfiguration&lt;T&gt;</c>, <c>Entity&lt;T&gt;().Ignore(x =&gt; x.Member)</c>,
    /// <c>Ignore("Member")</c> with a constant name, and <c>modelBuilder.Ignore&lt;T&gt;()</c>. Found once per compilation,
    /// the first time an entity store's write is judged.
    /// </summary>
    internal sealed class FluentIgnores
    {
        private const string BuildersNamespace = "Microsoft.EntityFrameworkCore.Metadata.Builders";

        private readonly HashSet<ISymbol> _members = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ITypeSymbol> _types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);

        private FluentIgnores()
        {
        }

        public static FluentIgnores Find(Compilation compilation, System.Func<SyntaxTree, SemanticModel> models, CancellationToken cancellationToken)
        {
            var found = new FluentIgnores();
            if (TypeLookup.Find(compilation, "Microsoft.EntityFrameworkCore.ModelBuilder") is null)
            {
                return found; // no EF Core: nothing can be ignored
            }

            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!AppliedMarkers.MayCallIgnore(tree, cancellationToken))
                {
                    continue; // the file's text never says Ignore: no node of it is walked
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Ignore" } } call)
                    {
                        continue;
                    }

                    model ??= models(tree);
                    found.Add(model, call, cancellationToken);
                }
            }

            return found;
        }

        /// <summary>The member is left out of the model.</summary>
        public bool IsIgnored(ISymbol member) => _members.Contains(member.OriginalDefinition);

        /// <summary>The type is left out of the model: no store writes it.</summary>
        public bool IsIgnored(ITypeSymbol type) => _types.Contains(type.OriginalDefinition);

        private void Add(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method || method.ContainingType is not { } builder)
            {
                return;
            }

            var builderNamespace = builder.ContainingNamespace?.ToDisplayString();
            if (builder.Name == "ModelBuilder" && builderNamespace == "Microsoft.EntityFrameworkCore")
            {
                // modelBuilder.Ignore<Draft>()
                if (method.TypeArguments.Length == 1)
                {
                    _types.Add(method.TypeArguments[0].OriginalDefinition);
                }

                return;
            }

            if (builderNamespace != BuildersNamespace || call.ArgumentList.Arguments.Count != 1)
            {
                return;
            }

            var argument = call.ArgumentList.Arguments[0].Expression;
            switch (argument)
            {
                case LambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax access }:
                    // builder.Ignore(x => x.Owner)
                    if (model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol or IFieldSymbol && model.GetSymbolInfo(access, cancellationToken).Symbol is { } member)
                    {
                        _members.Add(member.OriginalDefinition);
                    }

                    break;
                case var name when model.GetConstantValue(name, cancellationToken) is { HasValue: true, Value: string memberName }
                    && builder.TypeArguments.Length == 1 && builder.TypeArguments[0] is INamedTypeSymbol entity:
                    // builder.Ignore("Owner"), builder.Ignore(nameof(Site.Owner))
                    for (var current = entity; current is not null; current = current.BaseType)
                    {
                        foreach (var candidate in current.GetMembers(memberName))
                        {
                            if (candidate is IPropertySymbol or IFieldSymbol)
                            {
                                _members.Add(candidate.OriginalDefinition);
                            }
                        }
                    }

                    break;
            }
        }
    }
}
