using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace PiiAnalyzers.Tests.Meta
{
    /// <summary>Every code fix provider is exported for C#, shared, and fixes only diagnostics this project reports.</summary>
    public class CodeFixProviderTests
    {
        [Fact]
        public void CodeFixAssembly_Loads()
        {
            Assert.Equal("PiiAnalyzers.CodeFixes", ProjectFacts.CodeFixAssembly.GetName().Name);
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
