using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiAnalyzers.Flow;
using PiiAnalyzers.Tests.Robustness;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    public class TypeShapesTests
    {
        private const string Fields = /* lang=c#-test */ """

            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            public sealed class Holder
            {
                public int Int; public string Text = ""; public object Any = new object(); public DateTime When;
                public int[] Numbers = new int[0]; public Array Raw = new int[0]; public IEnumerable Untyped = new int[0];
                public IEnumerable<int> Sequence = new int[0]; public IReadOnlyList<string> Names = new string[0];
                public List<int> List = new List<int>(); public Dictionary<string, int> Map = new Dictionary<string, int>();
                public Task Work = Task.CompletedTask; public IDisposable? Handle; public Holder? Next;
            }
            """;

        [Theory]
        [InlineData("Int", false)]
        [InlineData("Text", false)]
        [InlineData("Any", false)]
        [InlineData("When", false)]
        [InlineData("Numbers", true)]
        [InlineData("Raw", true)]
        [InlineData("Untyped", true)]
        [InlineData("Sequence", true)]
        [InlineData("Names", true)]
        [InlineData("List", true)]
        [InlineData("Map", true)]
        [InlineData("Work", false)]
        [InlineData("Handle", false)]
        [InlineData("Next", false)]
        public void IsSequence_ArraysAndEnumerablesButNotStrings(string field, bool expected)
        {
            var compilation = RobustnessInputs.Compile(Fields);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var type = ((IFieldSymbol)compilation.GetTypeByMetadataName("Holder")!.GetMembers(field).Single()).Type;

            Assert.Equal(expected, TypeShapes.IsSequence(type));
        }
    }
}
