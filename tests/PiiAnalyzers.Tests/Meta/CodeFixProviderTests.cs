using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>
    /// Every code fix provider is exported for C#, shared, and fixes only diagnostics this project reports; the analyzer and
    /// code-fix assemblies reference only what their hosts load.
    /// </summary>
    public class CodeFixProviderTests
    {
        /// <summary>What the compiler itself ships with (Microsoft.CodeAnalysis and its dependencies).</summary>
        private static readonly string[] CompilerAssemblies =
        {
            "netstandard", "System.Buffers", "System.Collections.Immutable", "System.Memory", "System.Numerics.Vectors",
            "System.Reflection.Metadata", "System.Runtime.CompilerServices.Unsafe", "System.Text.Encoding.CodePages",
            "System.Threading.Tasks.Extensions",
        };

        [Fact]
        public void AnalyzerAssembly_ReferencesNothingButTheCompiler()
        {
            // A compiler host loads analyzers beside the compiler only: any other reference fails to load there.
            var others = ProjectFacts.AnalyzerAssembly.GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(name => !CompilerAssemblies.Contains(name) && !name.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal))
                .ToList();
            Assert.Empty(others);
        }

        [Fact]
        public void CodeFixAssembly_ReferencesNothingButTheCompilerTheWorkspacesAndTheAnalyzers()
        {
            var others = ProjectFacts.CodeFixAssembly.GetReferencedAssemblies()
                .Select(reference => reference.Name!)
                .Where(name => !CompilerAssemblies.Contains(name)
                    && !name.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal)
                    && !name.StartsWith("System.Composition", System.StringComparison.Ordinal)
                    && name != ProjectFacts.AnalyzerAssembly.GetName().Name)
                .ToList();
            Assert.Empty(others);
        }

        [Fact]
        public void EveryCodeFixProvider_IsExportedForCSharp()
        {
            foreach (var type in ProjectFacts.CodeFixProviderTypes)
            {
                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                Assert.True(export is not null, type.FullName + " has no [ExportCodeFixProvider]");
                Assert.Contains(LanguageNames.CSharp, export!.Languages);
                Assert.True(type.GetCustomAttribute<SharedAttribute>() is not null, type.FullName + " has no [Shared]");
            }
        }

        [Fact]
        public void EveryCodeFixProvider_FixesKnownIds()
        {
            var ids = ProjectFacts.AllDescriptors.Select(d => d.Id).ToHashSet();
            foreach (var type in ProjectFacts.CodeFixProviderTypes)
            {
                var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
                Assert.NotEmpty(fixer.FixableDiagnosticIds);
                foreach (var id in fixer.FixableDiagnosticIds)
                {
                    Assert.True(ids.Contains(id), type.FullName + " fixes " + id + ", which no descriptor reports");
                }
            }
        }
    }
}
