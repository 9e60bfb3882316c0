using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Sinks;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>
    /// <see cref="TypeLookup"/> keeps each referenced assembly's answer per assembly symbol; it must find what the
    /// compiler's <see cref="Compilation.GetTypeByMetadataName(string)"/> finds, in every compilation.
    /// </summary>
    public class TypeLookupTests
    {
        [Fact]
        public void EveryTypeTheTablesName_IsFoundAsTheCompilerFindsIt_InSuccessiveCompilations()
        {
            var names = SinkTables.All.Select(row => row.Type)
                .Concat(LibraryModels.All.Where(row => row.Type is not null).Select(row => row.Type!))
                .Concat(new[]
                {
                    "System.Console", "System.Exception", "System.Security.Claims.ClaimsPrincipal", "Microsoft.EntityFrameworkCore.DbSet`1",
                    "Microsoft.Extensions.Logging.ILogger", "PiiAttributes.PersonalDataAttribute", "PiiAttributes.Redaction",
                    "System.Collections.Generic.Dictionary`2+Enumerator", "Chat.Visitor", "Chat.Visitor+Address", "System.Object",
                    "No.Such.Type", "Microsoft.AspNetCore.Http.HttpContext",
                })
                .Distinct()
                .ToList();
            const string source = /* lang=c#-test */ """
                namespace Chat { public class Visitor { public class Address { } } }
                namespace System { public class Console { } }
                """;

            var found = 0;
            for (var round = 0; round < 2; round++)
            {
                var compilation = Compile(source, TestReferences.All);
                foreach (var name in names)
                {
                    var expected = compilation.GetTypeByMetadataName(name);
                    Assert.True(SymbolEqualityComparer.Default.Equals(expected, TypeLookup.Find(compilation, name)), name);
                    found += expected is null ? 0 : 1;
                }

                // The source's own System.Console wins over the core library's, as in the compiler's lookup.
                Assert.True(TypeLookup.Find(compilation, "System.Console")!.Locations.Single().IsInSource);
            }

            Assert.True(found > 80, $"only {found} types found: the comparison would prove little");
        }

        [Fact]
        public void TypeDeclaredByTwoReferences_IsNotFound_UnlessTheCompilationDeclaresIt()
        {
            var first = Emit("First", "namespace Dup { public class Thing { } }");
            var second = Emit("Second", "namespace Dup { public class Thing { } }");
            var references = TestReferences.Framework.Add(first).Add(second);

            var ambiguous = Compile("class C { }", references);
            Assert.Null(ambiguous.GetTypeByMetadataName("Dup.Thing"));
            Assert.Null(TypeLookup.Find(ambiguous, "Dup.Thing"));

            var own = Compile("namespace Dup { public class Thing { } }", references);
            Assert.True(TypeLookup.Find(own, "Dup.Thing")!.Locations.Single().IsInSource);

            var one = Compile("class C { }", TestReferences.Framework.Add(first));
            Assert.Equal("First", TypeLookup.Find(one, "Dup.Thing")!.ContainingAssembly.Name);
        }

        [Fact]
        public void TypeOfAReferenceUnderAnExternAlias_IsNotFound()
        {
            var aliased = Emit("Aliased", "namespace Hidden { public class Thing { } }").WithAliases(new[] { "other" });
            var compilation = Compile("extern alias other; class C { other::Hidden.Thing? T; }", TestReferences.Framework.Add(aliased));

            Assert.Null(compilation.GetTypeByMetadataName("Hidden.Thing"));
            Assert.Null(TypeLookup.Find(compilation, "Hidden.Thing"));

            var global = Emit("Global", "namespace Hidden { public class Thing { } }").WithAliases(new[] { "other", "global" });
            Assert.NotNull(TypeLookup.Find(Compile("class C { }", TestReferences.Framework.Add(global)), "Hidden.Thing"));
        }

        private static CSharpCompilation Compile(string source, ImmutableArray<MetadataReference> references)
            => CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static PortableExecutableReference Emit(string name, string source)
        {
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
