using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiAnalyzers.Tests.Verifiers;
using Xunit;

namespace PiiAnalyzers.Tests.FlowEngine
{
    /// <summary>
    /// The walker keeps one table of flow captures (aliases, assignment targets, objects under construction) for a method
    /// and the lambdas and local functions analyzed inside it. That holds only while the compiler numbers the captures of
    /// a method's graph and of every graph nested in it apart, which this pins.
    /// </summary>
    public class FlowCaptureIdTests
    {
        [Fact]
        public void CapturesOfAMethodAndOfItsLambdasAndLocalFunctions_HaveDistinctIds()
        {
            var source = /* lang=c#-test */ """
                using System;

                class Note { public string? To { get; set; } }

                class C
                {
                    string? M(Note n, string? a, string? b, bool first)
                    {
                        n.To = first ? a : b;
                        Func<string?, string?> f = x =>
                        {
                            var m = new Note { To = x ?? a };
                            m.To = first ? x : b;
                            return m.To ?? b;
                        };
                        string? L(string? y) { var k = new Note(); k.To = first ? y : a; return k.To ?? y; }
                        return f(a ?? b) ?? L(b);
                    }
                }
                """;
            var tree = CSharpSyntaxTree.ParseText(source);
            var compilation = CSharpCompilation.Create("Captures", new[] { tree }, TestReferences.Framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
            var graph = ControlFlowGraph.Create(method, compilation.GetSemanticModel(tree))!;

            var owners = new Dictionary<CaptureId, ControlFlowGraph>();
            var graphs = 0;
            Collect(graph);

            Assert.Equal(3, graphs); // the method, the lambda and the local function
            Assert.True(owners.Count >= 9, "each graph captures several values: " + owners.Count);

            void Collect(ControlFlowGraph current)
            {
                graphs++;
                foreach (var capture in current.Blocks.SelectMany(b => b.Operations.Append(b.BranchValue!)).Where(o => o is not null)
                    .SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowCaptureOperation>())
                {
                    if (owners.TryGetValue(capture.Id, out var owner))
                    {
                        Assert.Same(current, owner); // one id, one graph
                    }
                    else
                    {
                        owners[capture.Id] = current;
                    }
                }

                foreach (var lambda in current.Blocks.SelectMany(b => b.Operations.Append(b.BranchValue!)).Where(o => o is not null)
                    .SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>())
                {
                    Collect(current.GetAnonymousFunctionControlFlowGraph(lambda));
                }

                foreach (var function in current.LocalFunctions)
                {
                    Collect(current.GetLocalFunctionControlFlowGraph(function));
                }
            }
        }
    }
}
